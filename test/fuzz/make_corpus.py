#!/usr/bin/env python3
"""Builds the libFuzzer seed corpora from the repository's own inputs, so no
copies are committed: every .flow file (examples, stdlib, tests) and every
.flow section of a split-file test for the parser and the check pipeline;
the string literals of those files and the .html/.txt body files for the
template target; the LSP transcripts of test/lsp, Content-Length framed as
scripts/fuzz.sh feeds them, for the LSP reader.

usage: make_corpus.py SOURCE_ROOT OUT_DIR
writes OUT_DIR/{parser,check,template,lsp_reader}/<sha1>, and OUT_DIR/flow.dict:
every literal of grammar/FlowLexer.g4 as a libFuzzer dictionary entry."""
import hashlib
import json
import os
import re
import sys

SKIP_DIRS = {"node_modules", ".git", "Output"}
SPLIT_MARKER = re.compile(r"^(?://|#)--- (\S+)[ \t]*$", re.M)
STRING = re.compile(r'"""(.*?)"""|"((?:[^"\\\n]|\\.)*)"', re.S)


def walk(root, folders, suffixes):
    for folder in folders:
        for dirpath, dirnames, filenames in os.walk(os.path.join(root, folder)):
            dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS and not d.startswith("build")]
            for name in sorted(filenames):
                if name.endswith(suffixes):
                    yield os.path.join(dirpath, name)


def read(path):
    with open(path, "rb") as f:
        return f.read()


def split_sections(text):
    """The `//--- name` / `#--- name` sections of a split-file test."""
    marks = list(SPLIT_MARKER.finditer(text))
    for i, mark in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        yield mark.group(1), text[mark.end() + 1:end]


def flow_sources(root):
    for path in walk(root, ["docs", "stdlib", "test"], (".flow",)):
        yield read(path)
    for path in walk(root, ["test", "docs"], (".test", ".flow")):
        text = read(path).decode("utf-8", "replace")
        for name, body in split_sections(text):
            if name.endswith(".flow"):
                yield body.encode()


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def lsp_streams(root):
    """Each transcript of test/lsp as one framed stream, and each message alone."""
    for path in walk(root, ["test/lsp"], (".test",)):
        text = read(path).decode("utf-8", "replace")
        for _, body in split_sections(text):
            if "// -----" not in body and not body.lstrip().startswith("{"):
                continue
            body = body.replace("@ROOT@", "/tmp/mac-fuzz")
            body = re.sub(r'"@TEXT:([^@]+)@"', '"tag a;\\\\n"', body)
            stream = b""
            for chunk in re.split(r"^// -----.*$", body, flags=re.M):
                chunk = "\n".join(l for l in chunk.splitlines() if not l.lstrip().startswith("#"))
                chunk = chunk.strip()
                if not chunk:
                    continue
                if chunk.startswith("RAW:"):
                    raw = chunk[4:].strip().replace("\\r", "\r").replace("\\n", "\n").encode()
                    stream += raw
                    yield raw
                    continue
                try:
                    message = json.dumps(json.loads(chunk), separators=(",", ":")).encode()
                except ValueError:
                    message = chunk.encode()
                stream += frame(message)
                yield frame(message)
            if stream:
                yield stream


def write_dictionary(root, path):
    """The lexer's literals (`flow`, `{`, triple quotes) in libFuzzer's syntax."""
    grammar = read(os.path.join(root, "grammar", "FlowLexer.g4")).decode()
    literals = re.findall(r"'((?:[^'\\\n]|\\.)+)'", grammar)
    words = sorted({w.encode().decode("unicode_escape") for w in literals})
    extra = ["{{", "}}", "| default: '", "\\u{", "use \"std/", "body file \""]
    with open(path, "w") as f:
        for word in words + extra:
            f.write('"%s"\n' % word.replace("\\", "\\\\").replace('"', '\\"'))


def main():
    root, out = sys.argv[1], sys.argv[2]
    corpora = {"parser": set(), "check": set(), "template": set(), "lsp_reader": set()}
    for source in flow_sources(root):
        corpora["parser"].add(source)
        corpora["check"].add(source)
        for match in STRING.finditer(source.decode("utf-8", "replace")):
            value = match.group(1) if match.group(1) is not None else match.group(2)
            if value and ("{{" in value or "<" in value or "://" in value or len(value) > 40):
                corpora["template"].add(value.encode())
    for path in walk(root, ["test", "docs"], (".html", ".txt")):
        if "/Inputs/" in path or "/examples/" in path:
            corpora["template"].add(read(path))
    corpora["lsp_reader"].update(lsp_streams(root))
    for name, seeds in corpora.items():
        folder = os.path.join(out, name)
        os.makedirs(folder, exist_ok=True)
        for seed in seeds:
            with open(os.path.join(folder, hashlib.sha1(seed).hexdigest()), "wb") as f:
                f.write(seed)
        print(f"make_corpus: {len(seeds)} seeds in {folder}")
    write_dictionary(root, os.path.join(out, "flow.dict"))


if __name__ == "__main__":
    main()
