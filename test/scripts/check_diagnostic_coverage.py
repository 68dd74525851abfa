#!/usr/bin/env python3
"""Fails when a code of compiler/diag/diagnostics.def has no lit test that
checks it (a FileCheck directive line, any prefix, naming the code), unless test/diagnostic_coverage_pending.txt
lists it with the reason. A pending code that has a test is stale and fails too."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
registry = (root / "compiler" / "diag" / "diagnostics.def").read_text(encoding="utf-8")
codes = re.findall(r'^DIAG\(\w+,\s*"(MAC\d{4})"', registry, re.M)
pending = {}
for line in (root / "test" / "diagnostic_coverage_pending.txt").read_text().splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        code, _, reason = line.partition(" ")
        pending[code] = reason.strip()

# A FileCheck directive with any prefix: `# CHECK:`, `// OBJECT-NEXT:` (not RUN lines).
directive = re.compile(r"^\s*(#|//|;)\s*(?!RUN:)[A-Z][A-Z0-9_]*(-[A-Z]+)?:")
tested = set()
for path in (root / "test").rglob("*"):
    if path.suffix not in (".flow", ".test") or "Inputs" in path.parts:
        continue
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if directive.match(line):
            tested.update(re.findall(r"MAC\d{4}", line))

problems = []
for code in codes:
    if code in tested and code in pending:
        problems.append(f"{code} has a test now: remove it from the pending list")
    elif code not in tested and code not in pending:
        problems.append(f"{code} has no lit test checking it")
    elif code in pending and not pending[code]:
        problems.append(f"{code} is pending without a reason")
for code in pending:
    if code not in codes:
        problems.append(f"{code} is pending but not in the registry")
for p in problems:
    print(p)
print(f"{len(codes)} codes: {len(tested & set(codes))} tested, {len(pending)} pending, "
      f"{len(problems)} problems")
sys.exit(1 if problems else 0)
