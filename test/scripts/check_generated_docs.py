#!/usr/bin/env python3
"""Fails when a generated page differs from what `mac` generates now:
docs/diagnostics.md from the diagnostics registry (`mac rules --markdown`)
and docs/backends/capabilities.md from the backends' declared capabilities
(`mac targets --markdown`). Regenerate with the command it names."""
import pathlib
import subprocess
import sys

mac, root = sys.argv[1], pathlib.Path(sys.argv[2])
pages = {"docs/diagnostics.md": ["rules", "--markdown"],
         "docs/backends/capabilities.md": ["targets", "--markdown"]}
stale = 0
for page, args in pages.items():
    generated = subprocess.run([mac, *args], check=True, capture_output=True, text=True).stdout
    path = root / page
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    if generated != current:
        print(f"{page} is stale: run `mac {' '.join(args)} > {page}`")
        stale += 1
    else:
        print(f"{page} matches what `mac {' '.join(args)}` generates")
sys.exit(1 if stale else 0)
