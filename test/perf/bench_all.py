#!/usr/bin/env python3
"""Times `mac check` and `mac build` on realistic generated bundles
(generate_bundle.py --realistic, see realistic.py) beside two peers on the
same flows rendered as JSON (one document per flow): JSON Schema validation
with ajv-cli (peers/flow-document.schema.json) and linting with Spectral
(peers/spectral.yaml, rules equivalent to a few of mac's checks). Every run
goes through `/usr/bin/time -v` (wall, user+sys CPU, peak RSS). Prints the
machine (nproc, CPU model, load average, date) and one Markdown table; the
figures in docs/performance.md come from this script.

It also checks that every tool found what was injected: `mac check` must
report exactly the diagnostics realistic.py injected (codes and counts),
ajv-cli must accept every document, Spectral must report the injected
mistakes it has rules for, and `mac build` must write its files.

Bundles:
- check: every construct, mistakes at the rates of realistic.MISTAKES;
- build: the same flows without mistakes nor `mac-ignore` (a build with
  errors writes nothing), leaving out the constructs that one of the build's
  targets refuses (MAC7001, read from `mac targets`), e.g. `send-push`.

`--build SET[@MAX]` (repeatable) times `mac build --target SET` on bundles of
at most MAX flows. The default times all six targets at every size (since
session 7 Klaviyo and SFMC share the tail after an `if` instead of copying
it into each branch, so every target's output grows linearly). With
`--runs R` > 1 the script also checks that every run of a build wrote the
same bytes (the manifest, which holds the SHA-256 of every file, is
compared; `--date` is fixed so that it does not differ).

The peers come from npm: `npm ci` in test/perf/node (package.json and
package-lock.json are committed), run by this script when needed.

usage: bench_all.py MAC_BINARY [--sizes 100,1000,10000,50000] [--runs 1]
                    [--build SET[@MAX]|none]... [--peers-max N] [--no-peers]
                    [--work DIR] [--keep]"""
import argparse
import collections
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import realistic  # noqa: E402

NODE = os.path.join(HERE, "node")
PEERS = os.path.join(HERE, "peers")
ALL_TARGETS = "hubspot,klaviyo,sfmc,marketo,activecampaign,gohighlevel"
LINEAR_TARGETS = "hubspot,marketo,activecampaign,gohighlevel"
# Spectral rule of peers/spectral.yaml standing for each injected code.
SPECTRAL_RULE = {"MAC3001": "consent-missing", "MAC3005": "unsubscribe-missing",
                 "MAC3004": "sms-opt-out-missing", "MAC4004": "insecure-link"}


def timed(argv, accepted=(0,), stdout=subprocess.DEVNULL, cwd=None):
    """Runs argv under /usr/bin/time -v; returns (wall s, cpu s, peak MB, proc)."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as report:
        proc = subprocess.run(["/usr/bin/time", "-v", "-o", report.name] + argv, stdout=stdout,
                              stderr=subprocess.PIPE, cwd=cwd)
        text = report.read()
    if proc.returncode not in accepted:
        sys.exit(f"{' '.join(argv[:3])}... exited {proc.returncode}: {proc.stderr.decode()[-3000:]}")
    field = lambda name: re.search(re.escape(name) + r": (.*)", text).group(1).strip()
    wall = 0.0
    for part in field("Elapsed (wall clock) time (h:mm:ss or m:ss)").split(":"):
        wall = wall * 60 + float(part)
    cpu = float(field("User time (seconds)")) + float(field("System time (seconds)"))
    return wall, cpu, int(field("Maximum resident set size (kbytes)")) / 1024, proc


def best(runs, argv, **kwargs):
    results = [timed(argv, **kwargs) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def size(path):
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs)


def refused(mac, targets):
    """Constructs `mac targets` marks `no` for any of `targets`."""
    lines = subprocess.run([mac, "targets"], check=True, capture_output=True, text=True).stdout.splitlines()
    header = lines[0].split()
    columns = [header.index(t) for t in targets.split(",")]
    return sorted({row.split()[0] for row in lines[1:] if row.split() and
                   any(row.split()[c] == "no" for c in columns)})


def generate(out, n, *flags):
    subprocess.run([sys.executable, os.path.join(HERE, "generate_bundle.py"), out, str(n), "--realistic", *flags],
                   check=True)


def installPeers():
    bins = os.path.join(NODE, "node_modules", ".bin")
    if not (os.path.exists(os.path.join(bins, "ajv")) and os.path.exists(os.path.join(bins, "spectral"))):
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=NODE, check=True,
                       stdout=subprocess.DEVNULL)
    return os.path.join(bins, "ajv"), os.path.join(bins, "spectral")


def machine(mac):
    model = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) // 1024 // 1024 for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return (f"{datetime.date.today().isoformat()}, {os.cpu_count()} CPUs ({model}), {mem} GB, "
            f"load average at start {loadavg()}, mac = {mac}")


def loadavg():
    return " ".join(open("/proc/loadavg").read().split()[:3])


def row(n, what, input_bytes, result, note):
    wall, cpu, rss, _ = result
    return (f"| {n:,} | {what} | {input_bytes / 1e6:.1f} MB | {wall:.2f} s | {cpu:.2f} s | {rss:,.0f} MB "
            f"| {wall / n * 1e6:,.0f} µs | {note} |")


def verify(label, got, expected):
    ok = got == expected
    print(f"  {label}: {'OK' if ok else 'MISMATCH'} got {dict(sorted(got.items()))}"
          f"{'' if ok else ' expected ' + str(dict(sorted(expected.items())))}", file=sys.stderr)
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mac")
    parser.add_argument("--sizes", default="100,1000,10000,50000")
    parser.add_argument("--runs", type=int, default=1, help="best of R wall times")
    parser.add_argument("--build", action="append",
                        help="SET[@MAX]: time `mac build --target SET` up to MAX flows (`all`: six targets; `none`)")
    parser.add_argument("--peers-max", type=int, default=10000, help="largest size the peers run on")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--work", help="directory for the bundles (default: a temporary one)")
    parser.add_argument("--keep", action="store_true", help="keep the bundles")
    args = parser.parse_args()
    mac = os.path.abspath(args.mac)
    builds = []
    for spec in args.build or ["all"]:
        if spec == "none":
            continue
        targets, _, limit = spec.partition("@")
        targets = ALL_TARGETS if targets == "all" else targets
        builds.append((targets, int(limit) if limit else None, refused(mac, targets)))
    ajv = spectral = None
    if not args.no_peers:
        ajv, spectral = installPeers()

    print(f"Machine: {machine(mac)}\n")
    for targets, limit, excluded in builds:
        print(f"- `mac build --target {targets}`{f' (up to {limit:,} flows)' if limit else ''}: the bundle leaves "
              f"out {', '.join(excluded) or 'nothing'} (refused by one of these targets)")
    print("- mistakes injected into the `mac check` bundle (and so into the JSON documents):")
    for name, code, period, offset, per, what in realistic.MISTAKES:
        print(f"  {code} {name}: {what}")
    print()
    table = ["| flows | tool | input | wall | CPU (user+sys) | peak RSS | per flow | notes |",
             "|---:|---|---:|---:|---:|---:|---:|---|"]
    work = args.work or tempfile.mkdtemp(prefix="mac-bench-")
    os.makedirs(work, exist_ok=True)
    failures = 0
    try:
        for n in (int(s) for s in args.sizes.split(",")):
            print(f"{n} flows (load average {loadavg()}):", file=sys.stderr)
            bundle, docs = os.path.join(work, f"check{n}"), os.path.join(work, f"json{n}")
            shutil.rmtree(bundle, ignore_errors=True)
            shutil.rmtree(docs, ignore_errors=True)
            generate(bundle, n, "--json", docs)
            expected = realistic.expectedCounts(n, True)
            flow_bytes = size(bundle)

            result = best(args.runs, [mac, "check", "--format", "json", bundle], accepted=(0, 1),
                          stdout=subprocess.PIPE)
            found = json.loads(result[3].stdout)
            got = collections.Counter(d["code"] for d in found["diagnostics"])
            failures += not verify("mac check diagnostics", got, expected)
            table.append(row(n, "`mac check`", flow_bytes, result, f"{sum(got.values()):,} diagnostics, "
                             f"load {loadavg()}"))

            for targets, limit, excluded in builds:
                if limit and n > limit:
                    continue
                clean, out = os.path.join(work, f"build{n}"), os.path.join(work, f"out{n}")
                shutil.rmtree(clean, ignore_errors=True)
                shutil.rmtree(out, ignore_errors=True)
                generate(clean, n, "--no-mistakes", "--no-ignores", "--exclude", ",".join(excluded))
                argv = [mac, "build", clean, "--env", "stage", "--target", targets, "--format", "json",
                        "--date", "2026-01-01", "-o", out]
                results, manifests = [], set()
                for _ in range(args.runs):
                    results.append(timed(argv))
                    with open(os.path.join(out, "manifest.json"), "rb") as manifest:
                        manifests.add(manifest.read())
                result = min(results, key=lambda r: r[0])
                if len(manifests) > 1:
                    print(f"  mac build --target {targets}: runs wrote different files", file=sys.stderr)
                    failures += 1
                written = re.search(r"\((\d+) files\)", result[3].stderr.decode())
                files = int(written.group(1)) if written else 0
                if files == 0:
                    print(f"  mac build --target {targets}: wrote no file", file=sys.stderr)
                    failures += 1
                label = "all 6 targets" if targets == ALL_TARGETS else targets.replace(",", ", ")
                table.append(row(n, f"`mac build` ({label})", size(clean), result,
                                 f"{files:,} files, {size(out) / 1e6:,.0f} MB written"))
                shutil.rmtree(out, ignore_errors=True)
                if not args.keep:
                    shutil.rmtree(clean, ignore_errors=True)

            if ajv and n <= args.peers_max:
                pattern = os.path.join(docs, "*.json")
                json_bytes = size(docs)
                result = best(args.runs, [ajv, "validate", "-s", os.path.join(PEERS, "flow-document.schema.json"),
                                          "-d", pattern], stdout=subprocess.PIPE)
                valid = result[3].stdout.decode().count(" valid\n")
                failures += not verify("ajv-cli valid documents", {"valid": valid}, {"valid": n})
                table.append(row(n, "ajv-cli (schema only)", json_bytes, result, f"{valid:,} documents valid"))

                result = best(args.runs, [spectral, "lint", pattern, "--ruleset", os.path.join(PEERS, "spectral.yaml"),
                                          "-f", "json", "-q"], accepted=(0, 1), stdout=subprocess.PIPE)
                found = collections.Counter(r["code"] for r in json.loads(result[3].stdout or b"[]"))
                want = {SPECTRAL_RULE[c]: k for c, k in expected.items() if c in SPECTRAL_RULE}
                failures += not verify("spectral findings", found, want)
                table.append(row(n, "Spectral (6 rules)", json_bytes, result,
                                 f"{sum(found.values()):,} findings"))
            if not args.keep:
                shutil.rmtree(bundle, ignore_errors=True)
                shutil.rmtree(docs, ignore_errors=True)
    finally:
        if not args.keep and not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print("\n".join(table))
    print(f"\nLoad average at the end: {loadavg()}")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
