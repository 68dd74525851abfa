#!/usr/bin/env python3
"""Benchmarks a warm `mac check --cache-dir` after one file of a bundle
changed (issue 7: under 0.5 s at 10,000 flows), against the same check
without a cache, and prints a Markdown table: wall, user and system CPU,
peak RSS, each the median of R runs. The figures in docs/performance.md come
from this script.

The bundle is copied (it is edited). Each run first edits one flow file,
then times the check; the edits alternate so that every run sees a change:
- `inside`: a `wait Nd;` inside a flow of flows/flows_00050.flow gets another
  N (only that flow's text changes; the usual edit);
- `outside`: a comment line is appended to the same file, outside every flow
  (the flows' surroundings change: the flow-paths memo walks every flow).
Every run's output is compared with an uncached check of the same text, and
the script fails on any difference.

usage: bench_warm.py MAC_BINARY BUNDLE [--runs 5] [--file flows/flows_00050.flow]
(BUNDLE: e.g. `python3 test/perf/generate_bundle.py /tmp/r10k 10000 --realistic`)"""
import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile


def timed(argv):
    """(wall s, user s, sys s, peak KB, stdout) of one run under /usr/bin/time."""
    with tempfile.NamedTemporaryFile("r") as report:
        proc = subprocess.run(["/usr/bin/time", "-o", report.name, "-f", "%e %U %S %M"] + argv,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if proc.returncode not in (0, 1):
            sys.exit(f"{' '.join(argv)} failed: {proc.stderr.decode()[-2000:]}")
        wall, user, system, peak = report.read().split()[-4:]
    return float(wall), float(user), float(system), int(peak), proc.stdout


def edit(path, kind, run):
    text = open(path).read()
    if kind == "inside":
        changed, count = re.subn(r"wait \d+d;", f"wait {run + 2}d;", text, count=1)
        if not count:
            sys.exit(f"{path} has no `wait Nd;` to edit")
    else:
        changed = text + f"// edited by bench_warm.py, run {run}\n"
    open(path, "w").write(changed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mac")
    parser.add_argument("bundle")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--file", default="flows/flows_00050.flow")
    args = parser.parse_args()
    mac = os.path.abspath(args.mac)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        bundle = os.path.join(tmp, "bundle")
        cache = os.path.join(tmp, "cache")
        shutil.copytree(args.bundle, bundle)
        target = os.path.join(bundle, args.file)
        check = [mac, "check", "--format", "json", bundle]
        cold = timed(check + ["--cache-dir", cache])  # fills the cache
        rows.append(("cold, empty cache", [cold]))
        results = {"no cache": [], "inside": [], "outside": []}
        for run in range(args.runs):
            for kind in ("inside", "outside"):
                edit(target, kind, run)
                plain = timed(check)
                warm = timed(check + ["--cache-dir", cache])
                if plain[4] != warm[4]:
                    sys.exit(f"run {run} ({kind}): the cached output differs from the uncached")
                results["no cache"].append(plain)
                results[kind].append(warm)
        rows.append(("no cache (after each edit)", results["no cache"]))
        rows.append(("warm, an edit inside a flow", results["inside"]))
        rows.append(("warm, a comment appended outside the flows", results["outside"]))
    print(f"| run (median of {args.runs}; cold: 1) | wall | user | sys | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    for name, runs in rows:
        med = [statistics.median(r[i] for r in runs) for i in range(4)]
        print(f"| {name} | {med[0]:.2f} s | {med[1]:.2f} s | {med[2]:.2f} s | {med[3] / 1024:.0f} MB |")


if __name__ == "__main__":
    main()
