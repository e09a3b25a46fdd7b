#!/usr/bin/env python3
"""Times `bilan import` on a sheet of 14,600 project rows.

usage: python3 benches/import.py [--rows 14600] [--runs 5] [--bilan target/release/bilan]

The rows are spread over the 149 records of the default site and written as
a French Excel-style CSV (semicolons, Windows-1252, `8 091 000`, dd/mm/yyyy)
and, when openpyxl is installed, as XLSX. Each run imports into a fresh copy
of content/ on tmpfs; the table gives the median and range of the wall time.
Run `cargo build --release` first.
"""
import argparse
import random
import shutil
import statistics
import subprocess
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
TMP = Path("/dev/shm/bilan-import-bench")


def slugs():
    return sorted(p.stem for p in (REPO / "content/territories").glob("*.yaml"))


def rows(n):
    rng = random.Random(1522)
    names = slugs()
    for i in range(n):
        yield [names[i % len(names)], f"Projet {i:05d}", f"Entreprise exemple {i % 997:03d}",
               rng.choice(["Mécanique", "Chimie", "Agroalimentaire", "Bois", "Textile"]),
               f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2022)}",
               rng.randint(0, 80), rng.randint(1, 400) * 25_000, rng.randint(0, 40) * 10_000]


HEADER = ["Code territoire", "Intitulé du projet", "Entreprise", "Secteur",
          "Date de décision", "Emplois créés", "Investissement (€)", "Aide publique"]


def write_csv(path, n):
    def fr(v):
        return f"{v:,}".replace(",", "\u00a0") if isinstance(v, int) else v
    lines = [";".join(HEADER)] + [";".join(fr(v) for v in r) for r in rows(n)]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def write_xlsx(path, n):
    try:
        from openpyxl import Workbook
    except ImportError:
        return False
    wb = Workbook()
    ws = wb.active
    ws.title = "Projets"
    ws.append(HEADER)
    for r in rows(n):
        ws.append(r)
    wb.save(path)
    return True


def time_import(bilan, sheet, runs):
    times = []
    for _ in range(runs):
        site = TMP / "site"
        shutil.rmtree(site, ignore_errors=True)
        shutil.copytree(REPO / "content", site / "content")
        start = time.perf_counter()
        subprocess.run([bilan, "import", str(sheet), "--root", str(site)],
                       check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=14600)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bilan", default=str(REPO / "target/release/bilan"))
    args = ap.parse_args()
    shutil.rmtree(TMP, ignore_errors=True)
    TMP.mkdir(parents=True)
    sheets = [TMP / "projets.csv"]
    write_csv(sheets[0], args.rows)
    if write_xlsx(TMP / "projets.xlsx", args.rows):
        sheets.append(TMP / "projets.xlsx")
    print(f"bilan import, {args.rows} rows over {len(slugs())} records, {args.runs} runs, tmpfs")
    print(f"{'sheet':>14} | {'median':>8} | {'min':>8} | {'max':>8}")
    for sheet in sheets:
        t = time_import(args.bilan, sheet, args.runs)
        print(f"{sheet.name:>14} | {statistics.median(t):7.3f}s | {min(t):7.3f}s | {max(t):7.3f}s")
    shutil.rmtree(TMP, ignore_errors=True)


if __name__ == "__main__":
    main()
