#!/usr/bin/env python3
"""Benchmarks `mac check` (or `mac build`) on generated bundles of growing
size (see generate_bundle.py) and prints a Markdown table: flows, files,
input bytes, best wall time of R runs, peak memory, microseconds per flow.
The figures in docs/performance.md come from this script.

`--command build` times `mac build BUNDLE --env stage --target T,... -o DIR`
for every target (the whole output written, manifest included).

usage: bench_check.py MAC_BINARY [--sizes 1000,2500,5000,10000] [--runs 3]
                      [--command check|build] [--targets hubspot,klaviyo,...]"""
import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


ALL_TARGETS = "hubspot,klaviyo,sfmc,marketo,activecampaign,gohighlevel"


def command_line(mac, bundle, command, targets):
    if command == "build":
        return [mac, "build", bundle, "--env", "stage", "--target", targets, "--format", "json",
                "-o", bundle + ".out"], (0,)
    return [mac, "check", "--format", "json", bundle], (0, 1)


def measure(mac, bundle, runs, command, targets):
    best, peak = float("inf"), 0
    argv, accepted = command_line(mac, bundle, command, targets)
    for _ in range(runs):
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        start = time.perf_counter()
        proc = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if proc.returncode not in accepted:
            sys.exit(f"mac {command} failed on {bundle}: {proc.stderr.decode()[-2000:]}")
        best = min(best, elapsed)
        peak = max(peak, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before)
    return best, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mac")
    parser.add_argument("--sizes", default="1000,2500,5000,10000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--command", choices=["check", "build"], default="check")
    parser.add_argument("--targets", default=ALL_TARGETS)
    args = parser.parse_args()
    print("| flows | files | input | best of {} | peak RSS | per flow |".format(args.runs))
    print("|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            bundle = os.path.join(tmp, f"b{n}")
            subprocess.run([sys.executable, os.path.join(HERE, "generate_bundle.py"), bundle, str(n)],
                           check=True)
            files = sum(len(f) for _, _, f in os.walk(bundle))
            size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(bundle) for f in fs)
            best, peak = measure(args.mac, bundle, args.runs, args.command, args.targets)
            print(f"| {n} | {files} | {size / 1e6:.1f} MB | {best:.2f} s | {peak / 1024:.0f} MB "
                  f"| {best / n * 1e6:.0f} µs |")


if __name__ == "__main__":
    main()
