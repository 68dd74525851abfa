#!/usr/bin/env python3
"""Checks the VS Code extension's manifest against its files and the Flow
grammar (test/editors/extension.test): the language, its `.flow` extension
and language configuration, the TextMate grammar's scope name, the `mac.path`
setting, the entry point, and that every keyword of grammar/FlowLexer.g4 is
coloured by the TextMate grammar. Prints one line per fact; exits 1 with the
reason on the first mismatch.

usage: check_extension.py EXTENSION_DIR FLOW_LEXER_G4"""
import json
import os
import re
import sys


def fail(message):
    print("FAIL: " + message)
    sys.exit(1)


def main():
    ext, lexer = sys.argv[1], sys.argv[2]
    manifest = json.load(open(os.path.join(ext, "package.json"), encoding="utf-8"))
    contributes = manifest["contributes"]

    (language,) = contributes["languages"]
    config_path = os.path.join(ext, language["configuration"])
    config = json.load(open(config_path, encoding="utf-8"))
    print(f"language {language['id']}: {', '.join(language['extensions'])}, "
          f"line comment {config['comments']['lineComment']}, "
          f"{len(config['autoClosingPairs'])} auto-closing pairs")

    (grammar_entry,) = contributes["grammars"]
    grammar = json.load(open(os.path.join(ext, grammar_entry["path"]), encoding="utf-8"))
    if grammar_entry["language"] != language["id"] or grammar["scopeName"] != grammar_entry["scopeName"]:
        fail("the grammar's language or scope name does not match the manifest")
    print(f"grammar {grammar['scopeName']}: {grammar_entry['path']}")

    setting = contributes["configuration"]["properties"]["mac.path"]
    print(f"setting mac.path: {setting['type']}, default {setting['default']}")

    main_js = os.path.join(ext, manifest["main"])
    source = open(main_js, encoding="utf-8").read()
    for needle in ("vscode-languageclient/node", "'lsp'", "'mac'"):
        if needle not in source:
            fail(f"{manifest['main']} does not mention {needle}")
    print(f"main {manifest['main']}: vscode-languageclient "
          f"{manifest['dependencies']['vscode-languageclient']}, engine vscode {manifest['engines']['vscode']}")

    keywords = re.findall(r"^K_\w+\s*:\s*'([a-z_]+)'\s*;", open(lexer, encoding="utf-8").read(), re.M)
    patterns = [p["match"] for p in grammar["repository"]["keywords"]["patterns"]]
    missing = [k for k in keywords if not any(re.fullmatch(p, k) for p in patterns)]
    if not keywords or missing:
        fail("keywords the TextMate grammar does not colour: " + ", ".join(missing or ["(none read)"]))
    print(f"keywords: all {len(keywords)} of FlowLexer.g4 coloured")


if __name__ == "__main__":
    main()
