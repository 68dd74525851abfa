#!/usr/bin/env python3
"""Checks the before/after example of docs/style.md: `mac fmt` turns the
first ```flow block (after its `// before` line) into the second (after its
`// after` line), and the second is already formatted.

usage: check_style_doc.py MAC STYLE_MD WORK_DIR"""
import pathlib
import re
import subprocess
import sys

mac, doc, work = sys.argv[1], pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
blocks = re.findall(r"```flow\n(.*?)```", doc.read_text(encoding="utf-8"), re.S)
if len(blocks) != 2:
    sys.exit(f"expected two ```flow blocks in {doc}, found {len(blocks)}")
before = blocks[0].replace("// before\n", "", 1)
after = blocks[1].replace("// after\n", "", 1)
work.mkdir(parents=True, exist_ok=True)
(work / "before.flow").write_text(before, encoding="utf-8")
(work / "after.flow").write_text(after, encoding="utf-8")
subprocess.run([mac, "fmt", work / "before.flow"], check=True)
formatted = (work / "before.flow").read_text(encoding="utf-8")
if formatted != after:
    sys.exit("docs/style.md: `mac fmt` of the before example gives\n" + formatted)
if subprocess.run([mac, "fmt", "--check", work / "after.flow"]).returncode != 0:
    sys.exit("docs/style.md: the after example is not formatted")
print("docs/style.md example holds")
