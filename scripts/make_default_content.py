#!/usr/bin/env python3
"""Regenerate the default site's data records from the public data in shared/data.

Usage: python3 scripts/make_default_content.py ../shared/data content

Writes content/site.yaml and content/territories/<slug>.yaml (one per wave-1
territory). Narratives, press releases and static files are written by hand and
are left alone.

The project figures are ILLUSTRATIVE: no public source gives them project by
project. They are drawn from a fixed-seed generator so that every run writes the
same bytes, then scaled so that their totals equal the declared figures of the
press release exactly (1,400 projects, 27,250 jobs, 5,400,000,000 EUR). Company
names are "Entreprise illustrative NNNN" so they can never be taken for real ones.
"""
import csv
import math
import sys
import unicodedata
from pathlib import Path

DECLARED = {"territories": 146, "projects": 1400, "jobs_created": 27250,
            "investment_eur": 5_400_000_000}

SECTORS = [
    ("Mécanique", 14), ("Agroalimentaire", 14), ("Métallurgie", 11),
    ("Chimie", 8), ("Plasturgie", 7), ("Bois et papier", 7),
    ("Automobile", 7), ("Aéronautique", 6), ("Électronique", 6),
    ("Santé", 6), ("Textile", 5), ("Matériaux de construction", 5),
    ("Énergie", 4),
]
TITLES = [
    "Modernisation d'une ligne de production",
    "Extension d'un site de production",
    "Robotisation d'un atelier",
    "Création d'une unité de recyclage",
    "Relocalisation d'une fabrication",
    "Construction d'un nouveau bâtiment industriel",
    "Numérisation de la chaîne de production",
    "Installation d'une ligne de conditionnement",
    "Réduction des consommations d'énergie du site",
    "Développement d'un nouveau produit",
    "Augmentation des capacités de production",
    "Création d'un atelier de maintenance",
]
YEARS = [(2019, 15), (2020, 35), (2021, 50)]


class Rng:
    """A tiny LCG: its output never depends on the Python version."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFFFFFFFFFF

    def next(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        return (self.state >> 11) / float(1 << 53)

    def weighted(self, items):
        total = sum(w for _, w in items)
        x = self.next() * total
        for item, w in items:
            x -= w
            if x < 0:
                return item
        return items[-1][0]


def slugify(name):
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out, dash = [], False
    for ch in ascii_name.lower():
        if ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def apportion(weights, total, minimum=0):
    """Largest-remainder split of `total` into integers proportional to `weights`."""
    base = [minimum] * len(weights)
    left = total - minimum * len(weights)
    s = sum(weights)
    raw = [w / s * left for w in weights]
    floors = [int(math.floor(r)) for r in raw]
    rest = left - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-(raw[i] - floors[i]), i))
    for i in order[:rest]:
        floors[i] += 1
    return [b + f for b, f in zip(base, floors)]


def q(text):
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(data_dir, content_dir):
    data_dir, content_dir = Path(data_dir), Path(content_dir)
    regions = list(csv.DictReader(open(data_dir / "regions.csv", encoding="utf-8")))
    departements = list(csv.DictReader(open(data_dir / "departements.csv", encoding="utf-8")))
    territories = list(csv.DictReader(
        open(data_dir / "territoires_industrie_2018_2022_149.csv", encoding="utf-8")))
    # Members by territory, split by kind: a commune (COM) that is a member on
    # its own is never listed as an intercommunality.
    members = {}
    for g in csv.DictReader(open(
            data_dir / "territoires_industrie_2018_2022_149_groupements.csv", encoding="utf-8")):
        kind = "communes" if g["nature_juridique"] == "COM" else "intercommunalities"
        members.setdefault(g["id_ti"], {}).setdefault(kind, []).append(g["lib_groupement_cog"])
    rng = Rng(20211011)

    # Projects per territory: larger groupings get a little more, never fewer than 3.
    weights = [(0.6 + rng.next()) * (1 + math.log(int(t["nb_groupements"]))) for t in territories]
    counts = apportion(weights, DECLARED["projects"], minimum=3)

    projects = []
    for t_index, count in enumerate(counts):
        for _ in range(count):
            size = math.exp(rng.next() * 3.2)  # a long tail: a few big plants, many small lines
            projects.append({
                "territory": t_index,
                "title": TITLES[int(rng.next() * len(TITLES))],
                "sector": rng.weighted(SECTORS),
                "year": rng.weighted(YEARS),
                "size": size,
                "jobs_weight": size * (0.4 + rng.next()),
                "aid_share": 0.12 + rng.next() * 0.2,
            })
    investment = apportion([p["size"] for p in projects], DECLARED["investment_eur"] // 1000)
    jobs = apportion([p["jobs_weight"] for p in projects], DECLARED["jobs_created"])
    for number, (p, inv, job) in enumerate(zip(projects, investment, jobs), start=1):
        p["investment_eur"] = inv * 1000
        p["jobs_created"] = job
        p["aid_eur"] = int(inv * p["aid_share"]) * 1000
        p["company"] = f"Entreprise illustrative {number:04d}"

    out_dir = content_dir / "territories"
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("*.yaml"):
        old.unlink()
    slugs = set()
    for t_index, t in enumerate(territories):
        slug = slugify(t["lib_ti"])
        assert slug not in slugs, slug
        slugs.add(slug)
        lines = [
            f"# {t['id_ti']}: source ANCT, Licence Ouverte 2.0. Project figures are illustrative.",
            f"name: {q(t['lib_ti'])}",
            f"code: {q(t['id_ti'])}",
            f"region: {q(t['insee_reg'])}",
            "departments: [" + ", ".join(q(d) for d in t["insee_deps"].split(";")) + "]",
        ]
        for kind in ("intercommunalities", "communes"):
            names = members.get(t["id_ti"], {}).get(kind, [])
            if names:
                lines.append(f"{kind}:")
                lines += [f"  - {q(g)}" for g in names]
        lines.append("labelled_on: 2018-11-22")
        lines.append("projects:")
        for p in (p for p in projects if p["territory"] == t_index):
            lines += [
                f"  - title: {q(p['title'])}",
                f"    company: {q(p['company'])}",
                f"    sector: {q(p['sector'])}",
                f"    year: {p['year']}",
                f"    investment_eur: {p['investment_eur']}",
                f"    aid_eur: {p['aid_eur']}",
                f"    jobs_created: {p['jobs_created']}",
            ]
        (out_dir / f"{slug}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")

    site = [
        "# Site and programme settings. Regenerated by scripts/make_default_content.py;",
        "# edit the script (or this file, then stop regenerating) to change them.",
        "title: \"Territoires d'industrie — bilan à trois ans\"",
        "description: \"Trois ans de reconquête industrielle dans les territoires : chiffres, projets et récits.\"",
        "language: fr",
        "# The site's public address: the sitemap, the feed and social cards need it.",
        "# Until it is set, the build warns; CI can pass --base-url instead.",
        "base_url: \"/\"",
        "theme: default",
        "programme:",
        "  name: \"Territoires d'industrie\"",
        "  launched_on: 2018-11-22",
        "  figures_date: 2021-10-11",
        "  source: \"Communiqué de presse N°1522 du 11 octobre 2021\"",
        "  declared:",
    ] + [f"    {k}: {v}" for k, v in DECLARED.items()] + [
        "  illustrative_projects: true",
        "  notes: >-",
        "    Les données publiques de l'ANCT recensent 149 territoires dans le périmètre",
        "    de la première vague (2018-2022), tel qu'arrêté fin 2022 ; le bilan d'octobre 2021",
        "    en dénombrait 146. Les trois territoires ajoutés ensuite ne peuvent pas être",
        "    identifiés à partir de ces données : les 149 sont donc tous publiés.",
        "# What the programme counts: one entry per project figure. Every card, table,",
        "# chart, export and check of the site derives from this list.",
        "metrics:",
        "  - { key: jobs_created, label: \"emplois créés\", singular: \"emploi créé\", title: \"Emplois créés\", unit: count, file: emplois, charts: [region, top] }",
        "  - { key: investment_eur, label: \"d'investissement industriel\", title: \"Investissement\", unit: eur, file: investissement, charts: [region, year, sector, project] }",
        "  - { key: aid_eur, label: \"d'aide publique\", title: \"Aide publique\", unit: eur, file: aide, headline: false, charts: [], at_most: investment_eur }",
        "map:",
        "  regions: map/regions.geojson",
        "  territories: map/territories.geojson",
        "  key: id_ti",
        "  region_key: insee_reg",
        "regions:",
    ] + [f"  - {{ code: {q(r['insee_reg'])}, name: {q(r['lib_reg'])} }}" for r in regions] + [
        "departments:",
    ] + [f"  - {{ code: {q(d['insee_dep'])}, name: {q(d['lib_dep'])} }}" for d in departements]
    site += [
        "# Mentions légales. This demonstration site is not published by the State:",
        "# a real site names its service, its director of publication and its host.",
        "legal:",
        "  publisher: \"Équipe éditoriale du bilan (site de démonstration, sans lien avec l'ANCT)\"",
        "  address: \"Adresse postale de l'éditeur (à compléter avant publication)\"",
        "  director: \"La directrice ou le directeur de la publication (à désigner avant publication)\"",
        "  host: \"Hébergeur du site statique (à préciser avant publication)\"",
        "  contact: \"contact@example.org\"",
        "# RGAA: without a dated audit, the statement says \"non conforme\"; the build",
        "# warns if `status` claims more. Add `audit_date` once an audit is done.",
        "accessibility:",
        "  organisation: \"L'équipe éditoriale du bilan (exemple)\"",
        "  status: none",
        "  results: >-",
        "    Les contrôles automatiques (axe-core, règles WCAG 2.1 A et AA, et validateur",
        "    HTML Nu) ne relèvent aucune erreur sur les pages types du site. Aucun audit",
        "    RGAA n'a encore été réalisé : le site est donc déclaré non conforme, comme le",
        "    prévoit le référentiel.",
        "  exceptions: >-",
        "    Les graphiques sont dessinés en HTML, et leurs données sont reprises dans un",
        "    tableau sous chacun d'eux. La carte est doublée de la liste des territoires",
        "    par région.",
        "  date: 2021-10-11",
        "  contact: \"accessibilite@example.org\"",
    ]
    (content_dir / "site.yaml").write_text("\n".join(site) + "\n", encoding="utf-8")
    map_dir = content_dir / "map"
    map_dir.mkdir(exist_ok=True)
    for src, dst in [("regions.geojson", "regions.geojson"),
                     ("territoires_industrie_2018_2022_149.geojson", "territories.geojson")]:
        (map_dir / dst).write_bytes((data_dir / src).read_bytes())
    print(f"{len(territories)} territories, {len(projects)} projects, "
          f"{sum(jobs)} jobs, {sum(p['investment_eur'] for p in projects)} EUR")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
