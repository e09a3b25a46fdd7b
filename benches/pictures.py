#!/usr/bin/env python3
"""What the pictures cost a cold build: bilan's cold full build with and
without its 1,200x630 PNGs (share cards, territory chart PNGs), against
Hugo in the same run.

usage: python3 benches/pictures.py --bilan PATCHED_BINARY [--sizes 146,1460] [--runs 5]

The binary is main built with benches/no-pictures.patch applied: a build
for measuring only, in which BENCH_NO_CARDS=1 makes every share card a
2x2 PNG and BENCH_NO_CHART_PNGS=1 does the same to every bar chart's PNG
(the territories' and the programme's). Everything else is built as usual.

    git worktree add /tmp/bilan-nopng HEAD
    git -C /tmp/bilan-nopng apply "$PWD/benches/no-pictures.patch"
    cargo build --release --manifest-path /tmp/bilan-nopng/Cargo.toml

Each round runs the four variants and Hugo one after the other, each cold
(chart cache removed, fresh output folder), so that machine noise hits them
alike. Prints each median and range, and its ratio to Hugo's median.
"""
import argparse
import os
import shutil
import statistics

from peers import TMP, prepare, run, spread

VARIANTS = {
    "every picture": {},
    "no share cards": {"BENCH_NO_CARDS": "1"},
    "no chart PNGs": {"BENCH_NO_CHART_PNGS": "1"},
    "neither": {"BENCH_NO_CARDS": "1", "BENCH_NO_CHART_PNGS": "1"},
}


def measure(n, runs, bilan_bin):
    peer, site = prepare(n)
    out_b, out_h, cache = TMP / f"out-pictures{n}", TMP / f"out-hugo{n}", TMP / f"cache-pictures{n}"
    bilan = [bilan_bin, "build", "--root", str(site), "--output", str(out_b), "--now", "2021-10-11", "--cache-dir", str(cache)]
    hugo = ["hugo", "--quiet", "-s", str(peer / "hugo"), "-d", str(out_h)]
    times = {k: [] for k in [*VARIANTS, "Hugo"]}
    saved = dict(os.environ)
    try:
        for _ in range(runs):
            for key in times:
                for d in (out_b, out_h, cache):
                    shutil.rmtree(d, ignore_errors=True)
                os.environ.clear()
                os.environ.update(saved)
                os.environ.update(VARIANTS.get(key, {}))
                times[key].append(run(hugo if key == "Hugo" else bilan)[0])
    finally:
        os.environ.clear()
        os.environ.update(saved)
        for d in (out_b, cache):
            shutil.rmtree(d, ignore_errors=True)
    return times


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bilan", required=True, help="bilan built with benches/no-pictures.patch")
    ap.add_argument("--sizes", default="146,1460")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    print(f"bilan {args.bilan} (with benches/no-pictures.patch), cold builds, {args.runs} rounds, tmpfs; median (min-max)\n")
    print(f"{'territories':>11} | {'variant':<16} | {'wall time':<26} | ratio to Hugo")
    print("-" * 74)
    for n in (int(s) for s in args.sizes.split(",") if s):
        times = measure(n, args.runs, args.bilan)
        hugo = statistics.median(times["Hugo"])
        for key, values in times.items():
            ratio = statistics.median(values) / hugo
            print(f"{n:>11} | {key:<16} | {spread(values):<26} | {ratio:13.2f}")


if __name__ == "__main__":
    main()
