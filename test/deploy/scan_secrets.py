#!/usr/bin/env python3
"""Fails when a test credential appears in any output or log of a deploy test.

    scan_secrets.py FILE_OR_DIR... [--secret S...]

Looks in every file (directories are walked) for each secret as it is, its
URL-encoded forms, and its base64 form at any of the three byte alignments
(so `Basic base64(id:secret)` or a secret inside a longer encoded blob is
found too). Without --secret the secrets are the six test credentials of the
fake platform server plus the prefixes of the access tokens it hands out.
Prints `FILE:LINE: secret #I (FORM)` for each hit, never the secret itself,
and exits 1 when there is any hit, 0 otherwise."""
import argparse
import base64
import pathlib
import sys
import urllib.parse

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent / "fake"))
from fake_common import ACCESS_TOKEN_PREFIX, DEFAULT_CREDENTIALS  # noqa: E402

DEFAULT_SECRETS = [v for k, v in DEFAULT_CREDENTIALS.items() if "SECRET" in v] + \
    list(ACCESS_TOKEN_PREFIX.values())


def base64_needles(secret):
    """Base64 text that appears whenever `secret` is encoded at any alignment:
    for 0, 1 or 2 bytes before it, the characters that depend only on it."""
    data = secret.encode("utf-8")
    needles = []
    for pad in range(3):
        chunk = b"\0" * pad + data
        groups = len(chunk) // 3
        first = 1 if pad else 0
        if groups - first < 1:
            continue
        text = base64.b64encode(chunk[:groups * 3]).decode("ascii")[first * 4:groups * 4]
        needles.append(text)
        needles.append(text.replace("+", "-").replace("/", "_"))  # URL-safe alphabet
    return needles


def forms(secret):
    """(form name, bytes) for each way the secret may be written."""
    out = [("plain", secret)]
    for name, text in (("url-encoded", urllib.parse.quote(secret, safe="")),
                       ("url-encoded", urllib.parse.quote(secret)),
                       ("form-encoded", urllib.parse.quote_plus(secret, safe="")),
                       ("form-encoded", urllib.parse.quote_plus(secret))):
        out.append((name, text))
    out += [("base64", n) for n in base64_needles(secret)]
    seen, unique = set(), []
    for name, text in out:
        if text not in seen:
            seen.add(text)
            unique.append((name, text.encode("utf-8")))
    return unique


def scan(path, needles, hits):
    try:
        data = path.read_bytes()
    except OSError as e:
        print(f"{path}: cannot read: {e.strerror}")
        hits.append(path)
        return
    for number, line in enumerate(data.split(b"\n"), 1):
        for index, name, needle in needles:
            if needle in line:
                print(f"{path}:{number}: secret #{index} ({name})")
                hits.append(path)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("paths", nargs="+")
    p.add_argument("--secret", nargs="+", action="extend", default=[])
    args = p.parse_args()
    secrets = args.secret or DEFAULT_SECRETS
    needles = [(i, name, text) for i, s in enumerate(secrets, 1) for name, text in forms(s)]
    files = []
    for name in args.paths:
        path = pathlib.Path(name)
        if path.is_dir():
            files += sorted(f for f in path.rglob("*") if f.is_file())
        elif path.exists():
            files.append(path)
        else:
            print(f"{path}: no such file or directory")
            return 2
    hits = []
    for f in files:
        scan(f, needles, hits)
    if hits:
        print(f"{len(files)} file(s) scanned, {len(set(hits))} with a secret")
        return 1
    print(f"{len(files)} file(s) scanned, no secret found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
