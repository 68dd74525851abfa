#!/usr/bin/env python3
"""Checks that the expected-blocks files mac writes for ActiveCampaign
(flows/*.blocks.json) are well-formed: every block has a type, a position
(ordernum, 1-based and consecutive under one parent and path) and a parent
that is 0 or an earlier block; every `goto` targets a block of the file.

    check_blocks.py DIR_OR_FILE..."""
import json
import pathlib
import sys


def check(path):
    problems = []
    doc = json.loads(path.read_text(encoding="utf-8"))
    blocks = doc.get("blocks")
    if not isinstance(blocks, list) or not doc.get("automation", {}).get("name"):
        return [f"{path}: no automation name or blocks"]
    ids, positions = {"0"}, {}
    for i, block in enumerate(blocks):
        where = f"{path}: block {i + 1}"
        if not block.get("type"):
            problems.append(f"{where}: no type")
        if block.get("parent") not in ids:
            problems.append(f"{where}: parent {block.get('parent')} is not an earlier block")
        key = (block.get("parent"), block.get("path"))
        positions[key] = positions.get(key, 0) + 1
        if block.get("ordernum") != positions[key]:
            problems.append(f"{where}: ordernum {block.get('ordernum')}, expected {positions[key]}")
        if "id" in block:
            ids.add(block["id"])
    for i, block in enumerate(blocks):
        if block.get("type") == "goto" and block["params"]["target"] not in ids:
            problems.append(f"{path}: block {i + 1}: goto target {block['params']['target']} is not a block")
    return problems


def main():
    files = []
    for name in sys.argv[1:]:
        p = pathlib.Path(name)
        files.extend(sorted(p.rglob("*.blocks.json")) if p.is_dir() else [p])
    problems = [problem for f in files for problem in check(f)]
    for problem in problems:
        print(problem)
    print(f"{len(files)} file(s), {len(problems)} problem(s)")
    sys.exit(1 if problems or not files else 0)


if __name__ == "__main__":
    main()
