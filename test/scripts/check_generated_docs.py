#!/usr/bin/env python3
"""Fails when docs/diagnostics.md differs from what `mac rules --markdown`
generates from compiler/diag/diagnostics.def (regenerate it with that command)."""
import subprocess
import sys

mac, doc = sys.argv[1], sys.argv[2]
generated = subprocess.run([mac, "rules", "--markdown"], check=True, capture_output=True,
                           text=True).stdout
with open(doc, encoding="utf-8") as f:
    current = f.read()
if generated != current:
    print(f"{doc} is stale: run `mac rules --markdown > docs/diagnostics.md`")
    sys.exit(1)
print("docs/diagnostics.md matches the registry")
