#!/usr/bin/env python3
"""Regenerates backend golden files. A golden test's RUN line has the shape

    RUN: mac build ARGS... -o - 2>&1 | diff -u %S/Inputs/NAME.golden -

(optionally with `not` before mac). This script finds such lines in the given
lit test files (default: every .test under test/backends/), runs the same
`mac build` with the built binary, and rewrites each golden. Review the
`git diff` of the goldens before committing: a golden nobody read is a defect.

    python3 test/scripts/update_goldens.py build/bin/mac [TEST...]"""
import pathlib
import re
import subprocess
import sys

ROOT = pathlib.Path(__file__).resolve().parents[2]
LINE = re.compile(r"RUN:\s*(?:not\s+)?mac\s+build\s+(.*?)\s+-o\s+-\s+2>&1\s*\|\s*diff\s+-u\s+(\S+)\s+-\s*$")


def substitute(text, here):
    """The lit substitutions of test/lit.cfg.py that golden RUN lines use."""
    for key, value in (("%examples", str(ROOT / "docs" / "examples")),
                       ("%shared", str(ROOT.parent / "shared")), ("%S", here)):
        text = text.replace(key, value)
    return text


def main():
    mac = pathlib.Path(sys.argv[1]).resolve()
    tests = [pathlib.Path(t) for t in sys.argv[2:]] or sorted((ROOT / "test" / "backends").rglob("*.test"))
    env = {"SOURCE_DATE_EPOCH": "1767225600", "PATH": "/usr/bin:/bin"}
    written = 0
    for test in tests:
        here = str(test.resolve().parent)
        for line in test.read_text(encoding="utf-8").splitlines():
            match = LINE.search(line)
            if not match:
                continue
            args = substitute(match.group(1), here).split()
            golden = pathlib.Path(substitute(match.group(2), here))
            result = subprocess.run([str(mac), "build", *args, "-o", "-"], cwd=here, env=env,
                                    stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_bytes(result.stdout)
            written += 1
            print(f"{golden.relative_to(ROOT)} (exit {result.returncode})")
    print(f"{written} golden file(s) written")


if __name__ == "__main__":
    main()
