#!/usr/bin/env python3
"""`mac fmt` over every .flow file of the repository (test inputs, examples,
stdlib), on copies: fails unless, for every file that parses,
  - `mac fmt` succeeds (it refuses, exit 2, when its own check finds the
    output means something else),
  - the canonical AST dump (`mac fmt --dump-ast`, no source positions) of the
    formatted copy equals the original's,
  - every comment is still there, in the same order,
  - formatting again changes nothing (`fmt(fmt(x)) == fmt(x)`, and
    `mac fmt --check` is silent and exits 0),
and, for every bundle (a directory with bundle.flow), `mac check --format
json` reports the same diagnostics (code, severity, message, file) before and
after formatting all its files. Files that do not parse (the syntax-error
tests) are skipped and counted.

usage: check_fmt_repository.py MAC REPO_ROOT WORK_DIR"""
import json
import pathlib
import shutil
import subprocess
import sys

mac, root, work = sys.argv[1], pathlib.Path(sys.argv[2]).resolve(), pathlib.Path(sys.argv[3])
TREES = ["docs", "stdlib", "test"]


def run(*args):
    return subprocess.run([mac, *map(str, args)], capture_output=True, text=True)


def comments(text):
    """The comments of a .flow text, in order (line comments right-trimmed)."""
    out, i = [], 0
    while i < len(text):
        if text.startswith('"""', i):
            end = text.find('"""', i + 3)
            i = len(text) if end < 0 else end + 3
        elif text[i] == '"':
            i += 1
            while i < len(text) and text[i] not in '"\n':
                i += 2 if text[i] == "\\" else 1
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            end = len(text) if end < 0 else end
            out.append(text[i:end].rstrip(" \t\r"))
            i = end
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            end = len(text) if end < 0 else end + 2
            out.append(text[i:end])
            i = end
        else:
            i += 1
    return out


def dump(path):
    result = run("fmt", "--dump-ast", path)
    return result.returncode, result.stdout.split("\n", 1)[-1], result.stderr


def diagnostics(bundle):
    result = run("check", "--format", "json", bundle)
    data = json.loads(result.stdout)
    return sorted((d["code"], d["severity"], d["message"], d["file"]) for d in data["diagnostics"])


shutil.rmtree(work, ignore_errors=True)
for tree in TREES:
    shutil.copytree(root / tree, work / tree)
problems, checked, skipped = [], 0, []
for original in sorted(p for t in TREES for p in (root / t).rglob("*.flow")):
    rel = original.relative_to(root)
    copy = work / rel
    status, before, errors = dump(original)
    if status == 1 and "error[MAC0" in errors:
        skipped.append(str(rel))
        continue
    if status != 0:
        problems.append(f"{rel}: mac fmt --dump-ast failed: {errors.strip()}")
        continue
    checked += 1
    result = run("fmt", copy)
    if result.returncode != 0:
        problems.append(f"{rel}: mac fmt failed ({result.returncode}): {result.stderr.strip()}")
        continue
    once = copy.read_text(encoding="utf-8")
    if dump(copy)[1] != before:
        problems.append(f"{rel}: the formatted file has another AST")
    if comments(once) != comments(original.read_text(encoding="utf-8")):
        problems.append(f"{rel}: comments were lost or reordered")
    check = run("fmt", "--check", copy)
    run("fmt", copy)
    if check.returncode != 0 or check.stdout or copy.read_text(encoding="utf-8") != once:
        problems.append(f"{rel}: not idempotent: formatting the formatted file changes it")

bundles = sorted({p.parent for t in TREES for p in (root / t).rglob("bundle.flow")})
for bundle in bundles:
    rel = bundle.relative_to(root)
    if diagnostics(bundle) != diagnostics(work / rel):
        problems.append(f"{rel}: mac check reports other diagnostics after formatting")

for problem in problems:
    print(problem)
print(f"fmt over the repository: {checked} files formatted and compared, {len(bundles)} bundles "
      f"checked, {len(skipped)} files skipped (they do not parse: {', '.join(skipped)})")
sys.exit(1 if problems or checked == 0 else 0)
