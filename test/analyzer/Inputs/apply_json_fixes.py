#!/usr/bin/env python3
"""Applies the fixes of `mac check --format json` output to a copy of the
input, so lit tests can check what a fix writes and that the fixed source no
longer has the diagnostic.

usage: apply_json_fixes.py OUTPUT.json INPUT OUTDIR [--code MACxxxx]

INPUT is the bundle directory or the single .flow file that was checked; it
is copied to OUTDIR (a file keeps its name). The first fix of every
diagnostic (of --code only, when given) is applied; identical edits are
applied once, and an edit overlapping another is an error. Prints one line
per applied edit and a count.
"""
import argparse
import json
import pathlib
import shutil
import sys


def offset_of(text: bytes, line: int, column: int) -> int:
    starts = [0] + [i + 1 for i, b in enumerate(text) if b == ord("\n")]
    return starts[line - 1] + column - 1


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("json")
    parser.add_argument("input")
    parser.add_argument("outdir")
    parser.add_argument("--code")
    args = parser.parse_args()

    src = pathlib.Path(args.input)
    out = pathlib.Path(args.outdir)
    if src.is_dir():
        shutil.copytree(src, out)
    else:
        out.mkdir(parents=True)
        shutil.copy(src, out / src.name)

    report = json.loads(pathlib.Path(args.json).read_text(encoding="utf-8"))
    edits = {}
    for d in report["diagnostics"]:
        if (args.code and d["code"] != args.code) or not d["fixes"]:
            continue
        for e in d["fixes"][0]["edits"]:
            key = (e["line"], e["column"], e["end_line"], e["end_column"], e["text"])
            edits.setdefault(e["file"], set()).add(key)

    count = 0
    for name in sorted(edits):
        path = out / name
        text = path.read_bytes()
        spans = sorted(((offset_of(text, l, c), offset_of(text, el, ec), t)
                        for l, c, el, ec, t in edits[name]), reverse=True)
        for (b, e, t), (nb, ne, _) in zip(spans, spans[1:]):
            if ne > b or (nb == b and ne == e):
                print(f"overlapping edits in {name} at byte {b}", file=sys.stderr)
                return 1
        for b, e, t in spans:
            text = text[:b] + t.encode("utf-8") + text[e:]
            print(f"edit {name} [{b},{e}) {t!r}")
            count += 1
        path.write_bytes(text)
    print(f"applied {count} edits")
    return 0


if __name__ == "__main__":
    sys.exit(main())
