#!/usr/bin/env python3
"""Damages every parse-cache entry under DIR/v*/xx/ (or, given a third
argument, the files of DIR it names by glob, e.g. html-links-v1): `flip`
inverts one bit of the byte in the middle of each, `truncate` cuts each to
half its size. Used by the cache tests to show that a damaged entry is a
miss."""
import pathlib
import sys

mode, root = sys.argv[1], pathlib.Path(sys.argv[2])
pattern = sys.argv[3] if len(sys.argv) > 3 else "v*/*/*"
entries = sorted(p for p in root.glob(pattern) if p.is_file())
if not entries:
    sys.exit(f"no entries under {root}")
for path in entries:
    data = bytearray(path.read_bytes())
    if mode == "flip":
        data[len(data) // 2] ^= 0x04
    elif mode == "truncate":
        del data[len(data) // 2:]
    else:
        sys.exit(f"unknown mode {mode}")
    path.write_bytes(bytes(data))
