#!/usr/bin/env python3
"""Writes the spreadsheets the import tests read, with real writers:
openpyxl for .xlsx and odfpy for .ods (pip install openpyxl odfpy), and a
French Excel-style CSV (semicolons, Windows-1252). The outputs are committed
under tests/fixtures/import/; run this only to change them.

usage: python3 scripts/make_import_fixtures.py tests/fixtures/import
"""
import datetime
import sys
from pathlib import Path

HEADER = ["Code territoire", "Intitulé du projet", "Entreprise", "Secteur",
          "Date de décision", "Emplois créés", "Investissement (€)", "Aide publique"]
# Haut-Jura (ti-2705) gets two projects; Vallée de l'Arve, by its slug, one.
ROWS = [
    ["ti-2705", "Atelier de décolletage", "Entreprise exemple A", "Mécanique",
     datetime.date(2021, 3, 15), 12, 8091000, 1200000],
    ["ti-2705", "Ligne de lunettes recyclées", "Entreprise exemple B", "Plasturgie",
     datetime.date(2022, 1, 10), 7, 2500000, None],
    ["vallee-de-l-arve", "Four à induction", "Entreprise exemple C", "Mécanique",
     datetime.date(2021, 6, 1), 4, 950000, 200000],
]


def xlsx(path):
    from openpyxl import Workbook
    wb = Workbook()
    ws = wb.active
    ws.title = "Projets"
    ws.append(HEADER)
    for row in ROWS:
        ws.append(row)
    wb.properties.created = datetime.datetime(2000, 1, 1)
    wb.save(path)


def ods(path):
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import Table, TableRow, TableCell
    from odf.text import P
    doc = OpenDocumentSpreadsheet()
    table = Table(name="Projets")
    for row in [HEADER] + ROWS:
        tr = TableRow()
        for v in row:
            if v is None:
                cell = TableCell()
            elif isinstance(v, datetime.date):
                cell = TableCell(valuetype="date", datevalue=v.isoformat())
                cell.addElement(P(text=v.strftime("%d/%m/%Y")))
            elif isinstance(v, int):
                cell = TableCell(valuetype="float", value=v)
                cell.addElement(P(text=str(v)))
            else:
                cell = TableCell(valuetype="string")
                cell.addElement(P(text=v))
            tr.addElement(cell)
        table.addElement(tr)
    doc.spreadsheet.addElement(table)
    doc.save(str(path))


def french_csv(path):
    def fr(v):
        if v is None:
            return ""
        if isinstance(v, datetime.date):
            return v.strftime("%d/%m/%Y")
        if isinstance(v, int):
            return f"{v:,}".replace(",", "\u00a0")
        return v
    lines = [";".join(HEADER)] + [";".join(fr(v) for v in row) for row in ROWS]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def bad_csv(path):
    # Five bad cells in three columns: year (D), jobs (E) and investment (F).
    lines = [
        "territory,title,company,year,jobs_created,investment_eur",
        "ti-2705,Projet un,A,bientôt,12 emplois,1 000 000",
        "ti-2705,Projet deux,B,2021,2,\"1 234,5\"",
        "ti-2705,Projet trois,C,2021,3,beaucoup",
        "ti-2705,Projet quatre,D,l'an dernier,4,100",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    xlsx(out / "projets.xlsx")
    ods(out / "projets.ods")
    french_csv(out / "projets-excel-fr.csv")
    bad_csv(out / "cinq-erreurs.csv")


if __name__ == "__main__":
    main()
