#!/usr/bin/env python3
"""Prepares an LSP transcript for `mac lsp`: replaces @ROOT@ with the test's
directory and "@TEXT:relative/path@" with the JSON string of that file's
contents, so transcripts need not repeat the files they open.

usage: transcript.py ROOT < messages > input            (for --lit-test)
       transcript.py ROOT --frame < messages > input    (Content-Length framing;
           a message starting with RAW: is written as is, with \\r and \\n
           escapes, to test malformed input)"""
import json
import os
import re
import sys


def main():
    root = sys.argv[1]
    frame = "--frame" in sys.argv[2:]
    text = sys.stdin.read().replace("@ROOT@", root)
    text = re.sub(r'"@TEXT:([^@]+)@"',
                  lambda m: json.dumps(open(os.path.join(root, m.group(1)), encoding="utf-8").read()),
                  text)
    if not frame:
        sys.stdout.write(text)
        return
    out = sys.stdout.buffer
    for chunk in re.split(r"^// -----.*$", text, flags=re.M):
        chunk = "\n".join(l for l in chunk.splitlines() if not l.lstrip().startswith("#")).strip()
        if not chunk:
            continue
        if chunk.startswith("RAW:"):
            out.write(chunk[4:].strip().replace("\\r", "\r").replace("\\n", "\n").encode())
            continue
        body = json.dumps(json.loads(chunk), separators=(",", ":")).encode()
        out.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)


if __name__ == "__main__":
    main()
