#!/usr/bin/env python3
"""Measures search on the default site (149 territories) and the peer
benchmark's synthetic programme (14,600 territories by default).

usage: python3 benches/search.py [--sizes 14600] [--runs 3]

For each site it reports: the build time the search index adds (median of
`--runs` builds, from BILAN_LOG=time), the index's size on disk, what a first
query downloads (the index scripts it loads, gzipped), and the time from the
last keystroke to the results in headless Chromium (median over queries).
Needs `cargo build --release`, `tests/audit/install` and python3.
"""
import argparse
import gzip
import json
import re
import statistics
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from peers import TMP, prepare  # noqa: E402

BILAN = REPO / "target/release/bilan"


def build(root, out, runs):
    index_ms, total_ms = [], []
    for _ in range(runs):
        p = subprocess.run([BILAN, "build", "--root", root, "--output", out, "--now", "2021-10-11"],
                           env={"BILAN_LOG": "time", "PATH": "/usr/bin:/bin"}, capture_output=True, text=True, check=True)
        steps = dict((m.group(1).strip(), int(m.group(2))) for m in re.finditer(r"^(.+?)\s+(\d+) ms$", p.stderr, re.M))
        index_ms.append(steps["of which search index"])
        total_ms.append(steps["Swapped in"])
    return statistics.median(index_ms), statistics.median(total_ms)


def queries_for(root):
    names = [re.search(r'^name: "?(.+?)"?$', f.read_text(encoding="utf-8"), re.M).group(1)
             for f in sorted((Path(root) / "content/territories").glob("*.yaml"))[:3]]
    return [names[0].lower(), names[1].upper(), names[2][:4], "mecanique", "zzzqx"]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="14600")
    ap.add_argument("--runs", type=int, default=3)
    args = ap.parse_args()
    TMP.mkdir(parents=True, exist_ok=True)
    sites = [("149 (default site)", str(REPO))]
    for n in [int(s) for s in args.sizes.split(",") if s]:
        sites.append((f"{n:,}", str(prepare(n)[1])))
    print(f"{'territories':>18} | {'index ms':>8} | {'build ms':>8} | {'index MiB':>9} | {'1st query KiB gz':>16} | {'keystroke ms median/max':>23}")
    for label, root in sites:
        out = TMP / "search-out"
        index_ms, total_ms = build(root, str(out), args.runs)
        size = sum(f.stat().st_size for f in (out / "recherche").glob("*.js")) / 2**20
        qs = queries_for(root)
        p = subprocess.run(["node", "search.mjs", str(out), *qs], cwd=REPO / "tests/audit",
                           capture_output=True, text=True, check=True)
        lines = [json.loads(line) for line in p.stdout.splitlines() if line.startswith("{")]
        results = [line for line in lines if "query" in line]
        first = results[0]["loaded"]
        gz = sum(len(gzip.compress((out / "recherche" / f).read_bytes())) for f in first) / 1024
        ms = statistics.median(r["ms"] for r in results)
        worst = max(r["ms"] for r in results)
        print(f"{label:>18} | {index_ms:>8.0f} | {total_ms:>8.0f} | {size:>9.1f} | {gz:>16.1f} | {ms:>11.1f} / {worst:>9.1f}")
        print(f"{'':>18}   queries {qs}: first results {[next(iter(r['groups'].values()), None) for r in results]}")


if __name__ == "__main__":
    main()
