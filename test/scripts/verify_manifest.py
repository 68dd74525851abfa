#!/usr/bin/env python3
"""Verifies a build directory against its manifest.json: every output file is
listed with its sha256, nothing else is in the directory, and every source
hash matches the file under the bundle root (when --bundle is given).
Prints `OK <n> outputs` or one line per problem and exits 1.

    verify_manifest.py OUT [--bundle DIR]"""
import argparse
import hashlib
import json
import pathlib
import sys


def sha256(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--bundle")
    args = parser.parse_args()
    out = pathlib.Path(args.out)
    problems = []
    manifest_path = out / "manifest.json"
    if not manifest_path.is_file():
        print(f"{out}: no manifest.json")
        return 1
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    listed = manifest.get("outputs", {})
    present = {p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file()}
    present.discard("manifest.json")
    for name in sorted(present - listed.keys()):
        problems.append(f"{name}: in OUT but not in the manifest")
    for name, digest in sorted(listed.items()):
        if name not in present:
            problems.append(f"{name}: in the manifest but missing")
        elif sha256(out / name) != digest:
            problems.append(f"{name}: sha256 differs from the manifest")
    if args.bundle:
        root = pathlib.Path(args.bundle)
        for name, digest in sorted(manifest.get("sources", {}).items()):
            if name.startswith("<stdlib>/"):
                continue
            if sha256(root / name) != digest:
                problems.append(f"source {name}: sha256 differs from the manifest")
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print(f"OK {len(listed)} outputs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
