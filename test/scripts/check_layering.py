#!/usr/bin/env python3
"""Fails when the layering of ARCHITECTURE.md breaks: ANTLR headers outside
compiler/syntax/, llvm::cl outside compiler/driver/, or an include that points
against base -> diag -> ast -> syntax -> format -> sema -> cache -> analyzer -> changes ->
contacts -> simulator -> backends -> importers -> release -> deploy -> driver -> lsp."""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
order = ["base", "diag", "ast", "syntax", "format", "sema", "cache", "analyzer", "changes", "contacts",
         "simulator", "backends", "importers", "release", "deploy", "driver", "lsp"]
layer_of = {"compiler/base": "base", "compiler/diag": "diag", "compiler/ast": "ast",
            "compiler/syntax": "syntax", "compiler/format": "format", "compiler/sema": "sema",
            "compiler/cache": "cache",
            "analyzer": "analyzer", "changes": "changes", "contacts": "contacts",
            "simulator": "simulator", "release": "release", "deploy": "deploy",
            "backends": "backends", "importers": "importers", "compiler/driver": "driver", "compiler/lsp": "lsp"}
antlr = re.compile(r'#\s*include\s*[<"](antlr4-runtime|Flow(Lexer|Parser)[A-Za-z]*\.h|antlr4)')
include = re.compile(r'#\s*include\s*"((compiler/)?[a-z_]+)/')
problems = []


def layer(path):
    rel = path.relative_to(root).as_posix()
    for prefix, name in layer_of.items():
        if rel.startswith(prefix + "/"):
            return name
    return None


sources = [p for d in ("compiler", "analyzer", "changes", "contacts", "simulator", "backends",
                                 "importers", "release", "deploy") if (root / d).exists()
           for p in (root / d).rglob("*") if p.suffix in (".h", ".cpp", ".def")]
for path in sources:
    text = path.read_text(encoding="utf-8")
    here = layer(path)
    rel = path.relative_to(root).as_posix()
    if antlr.search(text) and here != "syntax":
        problems.append(f"{rel}: includes ANTLR outside compiler/syntax/")
    if "llvm/Support/CommandLine.h" in text and here != "driver":
        problems.append(f"{rel}: uses llvm::cl outside compiler/driver/")
    if rel == "compiler/driver/main.cpp":
        continue  # the executable's entry point sits above every layer (mac lsp included)
    for match in include.finditer(text):
        target = match.group(1)
        target_layer = layer_of.get(target) or layer_of.get("compiler/" + target)
        if here and target_layer and order.index(target_layer) > order.index(here):
            problems.append(f"{rel}: {here} includes {target} (dependencies point one way)")
# ANTLR must not leak through a public header either.
for header in (root / "compiler" / "syntax").glob("*.h"):
    if header.name in ("parse.h",) and antlr.search(header.read_text()):
        problems.append(f"{header}: the public parser API must be ANTLR-free")
if not sources:
    problems.append("no sources found: wrong root?")
for p in problems:
    print(p)
print(f"{len(sources)} files checked, {len(problems)} layering problems")
sys.exit(1 if problems else 0)
