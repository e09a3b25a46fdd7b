#!/usr/bin/env python3
"""Times bilan against Hugo on the synthetic programme of ../shared/bench.

usage: python3 benches/peers.py [--sizes 146,1460,14600] [--runs 5]
                                [--serve-sizes 1460,14600] [--bilan target/release/bilan]

One run prints three tables:

1. Full builds. For each size it generates the peer sites (gen_peer_sites.py)
   and their bilan twin (peer_to_bilan.py) on tmpfs, then alternates Hugo,
   "bilan warm" (chart cache kept: the day-to-day state) and "bilan cold"
   (chart cache removed first), each writing to a fresh output folder on
   tmpfs. Median and range (min-max) of wall time over the rounds, peak memory
   (max RSS of any run, from wait4), and each median's ratio to Hugo's.
2. Incremental build, at the middle size: one record edited, `bilan build`
   again into the same output, against the full builds measured above.
3. Watch mode: `bilan serve` and `hugo server`, each on its own port. A
   script edits one record (a project's jobs) and polls the territory's page
   until it shows the new value ("page"); for bilan, also until the projects
   export shows it ("all files": no file of the site is stale any more).
4. `bilan serve` from a cold start: chart cache empty (BILAN_CACHE_DIR new),
   time from launch to the first territory page served, and to every file
   written (the projects export served); then a record edited as soon as
   that first page is served, while the first build is still writing its
   pictures, and the time until the page shows the edit.

Run `cargo build --release` and `apt-get install hugo` first.
"""
import argparse
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"
TMP = Path("/dev/shm/bilan-bench")
SPACES = re.compile(r"[\s\u00a0\u202f]")


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
        subprocess.run([sys.executable, SHARED / "bench/peer_to_bilan.py", peer / "hugo", SHARED / "data/regions.csv", site, REPO / "crates/bilan-core/themes"], check=True, stdout=subprocess.DEVNULL)
    return peer, site


def spread(values, unit="s", scale=1.0):
    """`median (min-max)`."""
    v = [x * scale for x in values]
    digits = 3 if unit == "s" else 0
    return f"{statistics.median(v):.{digits}f} ({min(v):.{digits}f}-{max(v):.{digits}f}) {unit}"


def full_builds(n, runs, bilan_bin):
    peer, site = prepare(n)
    out_b, out_h = TMP / f"out-bilan{n}", TMP / f"out-hugo{n}"
    times = {"hugo": [], "warm": [], "cold": []}
    mem = {"hugo": 0.0, "warm": 0.0, "cold": 0.0}
    cache = TMP / f"cache-bilan{n}"
    bilan = [bilan_bin, "build", "--root", str(site), "--output", str(out_b), "--now", "2021-10-11", "--cache-dir", str(cache)]
    run(bilan)  # fills the chart cache
    for _ in range(runs):
        # Alternate the tools so that machine noise hits both alike.
        for key in ("hugo", "warm", "cold"):
            shutil.rmtree(out_b, ignore_errors=True)
            shutil.rmtree(out_h, ignore_errors=True)
            if key == "cold":
                shutil.rmtree(cache, ignore_errors=True)
            cmd = ["hugo", "--quiet", "-s", str(peer / "hugo"), "-d", str(out_h)] if key == "hugo" else bilan
            wall, rss = run(cmd)
            times[key].append(wall)
            mem[key] = max(mem[key], rss)
    return times, mem


def edit_value(text, value):
    """The record with its first project's jobs set to `value`."""
    return re.sub(r"(jobs(?:_created)?: )\d+", lambda m: m.group(1) + str(value), text, count=1)


def incremental(n, runs, bilan_bin):
    _, site = prepare(n)
    out_b = TMP / f"out-bilan{n}"
    cache = TMP / f"cache-bilan{n}"
    bilan = [bilan_bin, "build", "--root", str(site), "--output", str(out_b), "--now", "2021-10-11", "--cache-dir", str(cache)]
    run(bilan)
    record = site / "content/territories/territoire-00001.yaml"
    original = record.read_text()
    times = []
    try:
        for k in range(runs):
            record.write_text(edit_value(original, 9000 + k))
            times.append(run(bilan)[0])
    finally:
        record.write_text(original)
        run(bilan)
    return times


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=120) as r:
            return SPACES.sub("", r.read().decode(errors="replace"))
    except OSError:
        return None


def poll(url, needle, limit=120):
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        body = fetch(url)
        if body is not None and needle in body:
            return
        time.sleep(0.005)
    sys.exit(f"{url} never showed {needle}")


def stop(proc):
    """Stops a server as Ctrl-C would, killing it after 30 s."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()


def watch(cmd, record, page, export, runs, first_value):
    """Edit-to-visible times of a server: (page, all files) lists."""
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    original = record.read_text()
    pages, files = [], []
    try:
        poll(page, "", limit=300)
        if export:
            poll(export, "", limit=300)
        for k in range(runs):
            value = first_value + k
            time.sleep(1.0)
            start = time.perf_counter()
            record.write_text(edit_value(original, value))
            poll(page, str(value))
            pages.append(time.perf_counter() - start)
            if export:
                poll(export, str(value))
                files.append(time.perf_counter() - start)
    finally:
        record.write_text(original)
        stop(proc)
    return pages, files


def serve_times(n, runs, bilan_bin):
    peer, site = prepare(n)
    run([bilan_bin, "build", "--root", str(site), "--output", str(TMP / f"out-bilan{n}"), "--now", "2021-10-11"])
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    bilan = watch([bilan_bin, "serve", "--root", str(site), "--port", str(port)],
                  site / "content/territories/territoire-00001.yaml",
                  f"{base}/territoires/territoire-00001/", f"{base}/donnees/projets.csv", runs, 987650)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    record = next((peer / "hugo/content").glob("*/territoire-00001.md"))
    hugo = watch(["hugo", "server", "-s", str(peer / "hugo"), "--port", str(port), "--bind", "127.0.0.1"],
                 record, f"{base}/{record.parent.name}/territoire-00001/", None, runs, 987650)
    return bilan, hugo[0]


def serve_cold(n, runs, bilan_bin):
    """Cold starts of `bilan serve`: (first page, all files, edit during the first writing)."""
    _, site = prepare(n)
    record = site / "content/territories/territoire-00001.yaml"
    original = record.read_text()
    first, whole, edits = [], [], []
    for k in range(runs):
        cache = TMP / f"cache-serve-cold{n}"
        shutil.rmtree(cache, ignore_errors=True)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        page, export = f"{base}/territoires/territoire-00001/", f"{base}/donnees/projets.csv"
        env = dict(os.environ, BILAN_CACHE_DIR=str(cache), BILAN_PROGRESS="off")
        start = time.perf_counter()
        proc = subprocess.Popen([bilan_bin, "serve", "--root", str(site), "--port", str(port)],
                                env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            poll(page, "", limit=300)
            first.append(time.perf_counter() - start)
            value = 876540 + k
            edited = time.perf_counter()
            record.write_text(edit_value(original, value))
            poll(page, str(value), limit=300)
            edits.append(time.perf_counter() - edited)
            poll(export, str(value), limit=300)
            whole.append(time.perf_counter() - start)
        finally:
            record.write_text(original)
            stop(proc)
            shutil.rmtree(cache, ignore_errors=True)
    return first, whole, edits


def print_header(header):
    print(header)
    print("-" * len(header))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="146,1460,14600")
    ap.add_argument("--serve-sizes", default="1460,14600")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--bilan", default=str(REPO / "target/release/bilan"))
    args = ap.parse_args()
    if not shutil.which("hugo"):
        sys.exit("hugo not found: apt-get install hugo")
    TMP.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    hugo_version = subprocess.run(["hugo", "version"], capture_output=True, text=True).stdout.split()[1]
    print(f"bilan {args.bilan}, Hugo {hugo_version}, {os.cpu_count()} cores, {args.runs} rounds, tmpfs; median (min-max)\n")
    full = {}
    if sizes:
        print("1. Full builds (bilan cold: chart cache removed; warm: kept; output folder new each time)\n")
        print_header(f"{'territories':>11} | {'tool':<10} | {'wall time':<26} | {'ratio to Hugo':>13} | {'peak MiB':>8}")
    for n in sizes:
        times, mem = full_builds(n, args.runs, args.bilan)
        full[n] = times
        hugo = statistics.median(times["hugo"])
        for key, name in (("cold", "bilan cold"), ("warm", "bilan warm"), ("hugo", "Hugo")):
            ratio = statistics.median(times[key]) / hugo
            print(f"{n:>11} | {name:<10} | {spread(times[key]):<26} | {ratio:>13.2f} | {mem[key]:>8.0f}", flush=True)
    mid = sizes[len(sizes) // 2] if sizes else 1460
    if mid in full:
        inc = incremental(mid, args.runs, args.bilan)
        m = statistics.median(inc)
        print(f"\n2. Incremental build at {mid} territories: one record edited, `bilan build` into the same output\n")
        print(f"   edit rebuild {spread(inc)}: {m / statistics.median(full[mid]['cold']):.2f}x a cold full build, "
              f"{m / statistics.median(full[mid]['warm']):.2f}x a warm one, {m / statistics.median(full[mid]['hugo']):.2f}x Hugo's build")
    serve_sizes = [int(s) for s in args.serve_sizes.split(",") if s]
    if serve_sizes:
        print("\n3. Watch mode: from saving a record to the edited page served (and, for bilan, to every file fresh)\n")
        print_header(f"{'territories':>11} | {'bilan serve: page':<26} | {'bilan serve: all files':<26} | {'hugo server: page':<26}")
        for n in serve_sizes:
            (page, files), hugo = serve_times(n, args.runs, args.bilan)
            print(f"{n:>11} | {spread(page):<26} | {spread(files):<26} | {spread(hugo):<26}", flush=True)
        print("\n4. bilan serve from a cold start (chart cache empty): launch to the first page, launch to every\n"
              "   file written with the edit below, and a record edited as soon as the first page is served\n"
              "   (while the first build still writes its pictures) to the page showing it\n")
        print_header(f"{'territories':>11} | {'first page':<26} | {'all files':<26} | {'edit during writing':<26}")
        for n in serve_sizes:
            first, whole, edits = serve_cold(n, args.runs, args.bilan)
            print(f"{n:>11} | {spread(first):<26} | {spread(whole):<26} | {spread(edits):<26}", flush=True)


if __name__ == "__main__":
    main()
