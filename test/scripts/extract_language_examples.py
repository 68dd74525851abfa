#!/usr/bin/env python3
"""Extracts every ```flow block of LANGUAGE.md into its own file and runs
`mac check --format json` on each. Snippets are partial, so semantic findings
are fine; a block that does not lex or parse (MAC0001, MAC0002) fails.

usage: extract_language_examples.py LANGUAGE.md OUT_DIR [MAC]
Prints one line per block: `block N (line L): ok|FAIL ...`."""
import json
import pathlib
import re
import subprocess
import sys

SYNTAX_CODES = {"MAC0001", "MAC0002"}


def blocks(text):
    """Yields (first line number of the code, code) for each ```flow block."""
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        if re.match(r"^\s*```flow\s*$", lines[i]):
            start = i + 1
            j = start
            while j < len(lines) and not re.match(r"^\s*```\s*$", lines[j]):
                j += 1
            yield start + 1, "".join(lines[start:j])
            i = j + 1
        else:
            i += 1


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    source = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    mac = sys.argv[3] if len(sys.argv) > 3 else "mac"
    out.mkdir(parents=True, exist_ok=True)
    failures = 0
    found = list(blocks(source.read_text(encoding="utf-8")))
    if not found:
        print(f"no ```flow blocks in {source}")
        return 1
    for n, (line, code) in enumerate(found, 1):
        path = out / f"block{n:02d}.flow"
        path.write_text(code, encoding="utf-8")
        run = subprocess.run([mac, "check", "--format", "json", str(path)],
                             capture_output=True, text=True)
        try:
            report = json.loads(run.stdout)
        except ValueError:
            print(f"block {n} (line {line}): FAIL: mac exited {run.returncode} "
                  f"without JSON: {run.stderr.strip()}")
            failures += 1
            continue
        bad = [d for d in report["diagnostics"] if d["code"] in SYNTAX_CODES]
        if bad or run.returncode not in (0, 1):
            failures += 1
            detail = "; ".join(f"{d['code']} {line + d['line'] - 1}:{d['column']} {d['message']}"
                               for d in bad) or f"exit {run.returncode}"
            print(f"block {n} (line {line}): FAIL: {detail}")
        else:
            codes = sorted({d["code"] for d in report["diagnostics"]})
            print(f"block {n} (line {line}): ok" + (f" ({', '.join(codes)})" if codes else ""))
    print(f"{len(found)} blocks, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
