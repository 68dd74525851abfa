#!/usr/bin/env python3
"""Shows how the size of `mac build` output grows with the number of
sequential `if` statements in a flow, per target. Until session 7 the
Klaviyo and SFMC backends copied the rest of the flow into each branch (k
`if` blocks in a row gave 2^k copies of the tail); they now join the
branches after the `if`, and every target should grow linearly: the script
exits 1 when a target's bytes per flow grow by more than half from one row
to the next past 3 `if`s (linear growth adds at most a third there,
doubling is exponential), so it can fail.

Writes a bundle of F flows, each with K sequential `if score > j { set ... }`
blocks and nothing else, for K = 1..MAX, and prints a Markdown table of the
bytes written and the wall time per target.

usage: branch_blowup.py MAC_BINARY [--flows 10] [--max 8] [--targets T,...]"""
import argparse
import os
import subprocess
import sys
import tempfile
import time

BUNDLE = """bundle blowup { version 1.0.0; targets hubspot; senders "acme.com"; }
field email: email;
field score: number = 0;
field step: number = 0;
segment seeds where email ends_with "@acme.com";
env stage { safe_mode seeds; }
policy compliance { suppress unsubscribed; }
"""


def flow(i, k):
    body = "".join(f"  if score > {j} {{\n    set step = {j + 1};\n  }}\n" for j in range(k))
    return f'flow f{i} {{\n  on event "go{i}";\n  reenroll never;\n{body}}}\n'


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mac")
    parser.add_argument("--flows", type=int, default=10)
    parser.add_argument("--max", type=int, default=8)
    parser.add_argument("--targets", default="hubspot,klaviyo,sfmc,marketo,activecampaign,gohighlevel")
    args = parser.parse_args()
    targets = args.targets.split(",")
    print("| sequential ifs | " + " | ".join(targets) + " |")
    print("|---:|" + "---:|" * len(targets))
    previous, exponential = {}, set()
    with tempfile.TemporaryDirectory() as tmp:
        for k in range(1, args.max + 1):
            with open(os.path.join(tmp, "bundle.flow"), "w") as f:
                f.write(BUNDLE + "".join(flow(i, k) for i in range(args.flows)))
            cells = []
            for target in targets:
                start = time.perf_counter()
                out = subprocess.run([args.mac, "build", tmp, "--env", "stage", "--target", target, "-o", "-"],
                                     capture_output=True)
                elapsed = time.perf_counter() - start
                if out.returncode != 0:
                    cells.append(f"exit {out.returncode}")
                    continue
                cells.append(f"{len(out.stdout) / args.flows / 1e3:,.1f} kB/flow, {elapsed:.2f} s")
                if k > 3 and target in previous and len(out.stdout) > 1.5 * previous[target]:
                    exponential.add(target)
                previous[target] = len(out.stdout)
            print(f"| {k} | " + " | ".join(cells) + " |")
    if exponential:
        print(f"grows faster than linearly: {', '.join(sorted(exponential))}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
