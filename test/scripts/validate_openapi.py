#!/usr/bin/env python3
"""Validates JSON documents against one schema of an OpenAPI 3.0 specification
with a real JSON Schema validator (Debian's python3-jsonschema).

    validate_openapi.py --spec SPEC.json --schema NAME [--patch POINTER=JSON]... FILE...

OpenAPI 3.0 schemas are JSON Schema with differences; this converts the ones
the platforms' specifications use: `nullable: true` becomes a union with
"null", and `example`/`discriminator`/`readOnly`-style annotations are left
to the validator to ignore. `--patch` replaces the schema at a JSON pointer
inside the specification before validating: for documented defects of a
published spec (the caller says why in a comment). A FILE may also be a
directory: every *.json below it is validated. Exit 1 on any invalid file."""
import argparse
import json
import pathlib
import sys

import jsonschema


def convert(node):
    """OpenAPI 3.0 -> JSON Schema: `nullable` as a type union, recursively."""
    if isinstance(node, list):
        return [convert(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: convert(value) for key, value in node.items()}
    if out.pop("nullable", False):
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            out["type"] = types + ["null"]
        elif "$ref" in out or "allOf" in out or "oneOf" in out or "anyOf" in out:
            out = {"anyOf": [out, {"type": "null"}]}
        if "enum" in out and None not in out["enum"]:
            out["enum"] = out["enum"] + [None]
    return out


def resolve_pointer(document, pointer):
    parts = [p.replace("~1", "/").replace("~0", "~") for p in pointer.lstrip("/").split("/")]
    parent = None
    node = document
    for part in parts:
        parent, node = node, node[part]
    return parent, parts[-1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", required=True)
    parser.add_argument("--schema", required=True, help="name under #/components/schemas")
    parser.add_argument("--patch", action="append", default=[], metavar="POINTER=JSON")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()

    spec = json.loads(pathlib.Path(args.spec).read_text(encoding="utf-8"))
    for patch in args.patch:
        pointer, _, value = patch.partition("=")
        parent, key = resolve_pointer(spec, pointer)
        parent[key] = json.loads(value)
    spec = convert(spec)
    if args.schema not in spec["components"]["schemas"]:
        sys.exit(f"{args.spec} has no schema {args.schema}")
    schema = {"$ref": f"#/components/schemas/{args.schema}", "components": spec["components"]}
    validator = jsonschema.Draft7Validator(schema)

    files = []
    for name in args.files:
        path = pathlib.Path(name)
        files.extend(sorted(path.rglob("*.json")) if path.is_dir() else [path])
    if not files:
        sys.exit("no files to validate")
    failures = 0
    for path in files:
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
        for error in errors[:10]:
            where = "/".join(str(p) for p in error.absolute_path) or "(root)"
            print(f"{path}: {where}: {error.message[:300]}")
        failures += bool(errors)
    print(f"{len(files)} file(s) checked against {args.schema}, {failures} invalid")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
