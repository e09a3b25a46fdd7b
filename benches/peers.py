#!/usr/bin/env python3
"""Times bilan against Hugo on the synthetic programme of ../shared/bench.

usage: python3 benches/peers.py [--sizes 146,1460,14600] [--runs 5] [--bilan target/release/bilan]

For each size it generates the peer sites (gen_peer_sites.py) and their bilan
twin (peer_to_bilan.py) on tmpfs, then alternates bilan and Hugo runs, each
writing to a fresh output folder on tmpfs, and prints a table of median wall
times, their ratio, and peak memory (max RSS of each run, from wait4).

bilan runs twice per round: "bilan" with its chart cache warm (its normal
day-to-day state) and "bilan cold" with the cache removed first. Run
`cargo build --release` and `apt-get install hugo` first.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
TMP = Path("/dev/shm/bilan-bench")


def run(cmd, cwd=None):
    """Wall seconds and peak RSS (MiB) of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{err}")
    return wall, usage.ru_maxrss / 1024


def prepare(n):
    peer, site = TMP / f"peer{n}", TMP / f"bilan{n}"
    if not (peer / "expected.json").exists():
        subprocess.run([sys.executable, SHARED / "bench/gen_peer_sites.py", "--territories", str(n), "--projects", "10", "--out", peer], check=True, stdout=subprocess.DEVNULL)
        subprocess.run([sys.executable, SHARED / "bench/peer_to_bilan.py", peer / "hugo", SHARED / "data/regions.csv", site, REPO / "themes"], check=True, stdout=subprocess.DEVNULL)
    return peer, site


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="146,1460,14600")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bilan", default=str(REPO / "target/release/bilan"))
    args = ap.parse_args()
    if not shutil.which("hugo"):
        sys.exit("hugo not found: apt-get install hugo")
    TMP.mkdir(parents=True, exist_ok=True)
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"bilan {args.bilan}, Hugo {hugo_version}, {os.cpu_count()} cores, {args.runs} runs per tool and size, output on tmpfs\n")
    header = f"{'territories':>11} | {'bilan':>9} | {'bilan cold':>10} | {'Hugo':>9} | {'bilan/Hugo':>10} | {'ms/territory':>12} | {'bilan MiB':>9} | {'Hugo MiB':>8}"
    print(header)
    print("-" * len(header))
    for n in [int(s) for s in args.sizes.split(",")]:
        peer, site = prepare(n)
        out_b, out_h = TMP / f"out-bilan{n}", TMP / f"out-hugo{n}"
        times = {"bilan": [], "cold": [], "hugo": []}
        mem = {"bilan": 0.0, "cold": 0.0, "hugo": 0.0}
        bilan = [args.bilan, "build", "--root", str(site), "--output", str(out_b), "--now", "2021-10-11"]
        run(bilan)  # warm the chart cache and the page cache
        for _ in range(args.runs):
            # Alternate the tools so that machine noise hits both alike.
            for key in ("bilan", "hugo", "cold"):
                shutil.rmtree(out_b, ignore_errors=True)
                shutil.rmtree(out_h, ignore_errors=True)
                if key == "cold":
                    shutil.rmtree(site / ".bilan-cache", ignore_errors=True)
                cmd = ["hugo", "--quiet", "-s", str(peer / "hugo"), "-d", str(out_h)] if key == "hugo" else bilan
                wall, rss = run(cmd)
                times[key].append(wall)
                mem[key] = max(mem[key], rss)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"{n:>11} | {med['bilan']:>8.3f}s | {med['cold']:>9.3f}s | {med['hugo']:>8.3f}s | {med['bilan'] / med['hugo']:>10.2f} | {med['bilan'] * 1000 / n:>12.3f} | {max(mem['bilan'], mem['cold']):>9.0f} | {mem['hugo']:>8.0f}")


if __name__ == "__main__":
    main()
