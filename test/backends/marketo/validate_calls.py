#!/usr/bin/env python3
"""Validates the API calls `mac build` writes for Marketo, ActiveCampaign and
GoHighLevel against the platforms' published specifications, with a real
JSON Schema validator (Debian's python3-jsonschema).

    validate_calls.py --spec SPEC.(json|yml) [--spec MORE...] [--base PREFIX] FILE...

A FILE (or every *.json below a directory; *.blocks.json are skipped: they
are read-backs, not calls) holds calls: objects with "operation", "method",
"path" and optionally "headers" and "body", anywhere in the document. For
each call this checks that
  - the specification has that operationId, with that method, on a path
    template matching the call's path (after removing --base);
  - every path parameter has the parameter's type (an integer parameter
    takes digits), and every required header is present with an allowed value;
  - the body is present exactly when the operation takes one, and is valid
    against its schema (Swagger 2.0: the `in: body` parameter; OpenAPI 3:
    requestBody application/json). `#/definitions/...` and
    `#/components/schemas/...` references are resolved within the spec.
Calls run in the order setup, release, enrol, remove, readBack (the files
have sorted keys). Placeholders: a string "{{name}}" stands for a value known only when the
call is made; each must be declared in the file's "parameters" with a JSON
type, and a value saved by a call ("saves") may only be used after it. Before
validating, each placeholder is replaced by a value of its declared type.
Exit 1 on any problem."""
import argparse
import json
import pathlib
import re
import sys

import jsonschema

PLACEHOLDER = re.compile(r"^\{\{(\w+)\}\}$")
PHASES = ["setup", "release", "enrol", "remove", "readBack"]
SAMPLES = {"integer": 1001, "string": "sample-id", "number": 1.5, "boolean": True}


def load_spec(path):
    text = pathlib.Path(path).read_text(encoding="utf-8")
    if path.endswith((".yml", ".yaml")):
        import yaml  # Debian: python3-yaml
        return yaml.safe_load(text)
    return json.loads(text)


def nullable_to_union(node):
    """OpenAPI 3.0 `nullable: true` as a JSON Schema type union, recursively."""
    if isinstance(node, list):
        return [nullable_to_union(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: nullable_to_union(value) for key, value in node.items()}
    if out.pop("nullable", False) and "type" in out:
        out["type"] = [out["type"], "null"]
    return out


class Operation:
    def __init__(self, spec, method, template, op):
        self.spec, self.method, self.template, self.op = spec, method, template, op
        self.params = list(spec.get("paths", {}).get(template, {}).get("parameters", []))
        self.params += op.get("parameters", [])

    def param_type(self, param):
        return param.get("type") or param.get("schema", {}).get("type", "string")

    def body_schema(self):
        for param in self.params:
            if param.get("in") == "body":
                return param["schema"], param.get("required", False)
        body = self.op.get("requestBody")
        if body:
            schema = body.get("content", {}).get("application/json", {}).get("schema")
            return schema, body.get("required", False)
        return None, False

    def validator(self, schema):
        root = dict(schema)
        if "definitions" in self.spec:  # Swagger 2.0: draft-4-like
            root["definitions"] = self.spec["definitions"]
            return jsonschema.Draft4Validator(root)
        root["components"] = nullable_to_union(self.spec.get("components", {}))
        return jsonschema.Draft7Validator(nullable_to_union(root))


def find_operations(specs):
    table = {}
    for spec in specs:
        for template, item in spec.get("paths", {}).items():
            for method, op in item.items():
                if isinstance(op, dict) and "operationId" in op:
                    table.setdefault(op["operationId"], []).append(
                        Operation(spec, method.upper(), template, op))
    return table


def match(template, path):
    """The path parameters when `path` matches `template`, else None."""
    t, p = template.strip("/").split("/"), path.strip("/").split("/")
    if len(t) != len(p):
        return None
    values = {}
    for ts, ps in zip(t, p):
        m = re.fullmatch(r"(.*)\{(\w+)\}(.*)", ts)
        if m:
            if not (ps.startswith(m.group(1)) and ps.endswith(m.group(3))):
                return None
            values[m.group(2)] = ps[len(m.group(1)):len(ps) - len(m.group(3)) or None]
        elif ts != ps:
            return None
    return values


def substitute(node, types, problems, where):
    if isinstance(node, dict):
        return {k: substitute(v, types, problems, where) for k, v in node.items()}
    if isinstance(node, list):
        return [substitute(v, types, problems, where) for v in node]
    if isinstance(node, str):
        m = PLACEHOLDER.match(node)
        if m:
            if m.group(1) not in types:
                problems.append(f"{where}: placeholder {node} is not declared in parameters")
                return node
            return SAMPLES[types[m.group(1)]]
    return node


def calls_in(node, found):
    if isinstance(node, dict):
        if {"operation", "method", "path"} <= node.keys():
            found.append(node)
            return
        for value in node.values():
            calls_in(value, found)
    elif isinstance(node, list):
        for value in node:
            calls_in(value, found)


def check_call(call, operations, base, types, saved, problems, where):
    path = call["path"]
    if base and path.startswith(base):
        path = path[len(base):]
    for name in re.findall(r"\{\{(\w+)\}\}", json.dumps(call)):
        if name in saved.get("later", set()):
            problems.append(f"{where}: {{{{{name}}}}} is used before the call that saves it")
    candidates = [op for op in operations.get(call["operation"], [])
                  if op.method == call["method"] and match(op.template, path) is not None]
    if not candidates:
        problems.append(f"{where}: no operation {call['operation']} {call['method']} {path}")
        return
    op = candidates[0]
    values = match(op.template, path)
    for param in op.params:
        kind = op.param_type(param)
        if param.get("in") == "path":
            value = values.get(param["name"], "")
            m = PLACEHOLDER.match(value)
            vtype = types.get(m.group(1)) if m else ("integer" if value.isdigit() else "string")
            if m and vtype is None:
                problems.append(f"{where}: placeholder {value} is not declared in parameters")
            elif kind == "integer" and vtype != "integer":
                problems.append(f"{where}: path parameter {param['name']}={value!r} is not an integer")
        elif param.get("in") == "header" and param.get("required"):
            value = call.get("headers", {}).get(param["name"])
            allowed = param.get("schema", {}).get("enum")
            if value is None or (allowed and value not in allowed):
                problems.append(f"{where}: header {param['name']} must be one of {allowed}")
    schema, required = op.body_schema()
    if schema is None:
        if "body" in call:
            problems.append(f"{where}: {call['operation']} takes no body")
        return
    if "body" not in call:
        if required:
            problems.append(f"{where}: {call['operation']} needs a body")
        return
    body = substitute(call["body"], types, problems, where)
    for error in sorted(op.validator(schema).iter_errors(body), key=lambda e: list(e.path)):
        at = "/".join(str(p) for p in error.absolute_path) or "(root)"
        problems.append(f"{where}: body {at}: {error.message[:300]}")


def check_file(path, operations, base):
    document = json.loads(path.read_text(encoding="utf-8"))
    types = {name: p["type"] for name, p in document.get("parameters", {}).items()}
    calls = []
    # Files are written with sorted keys: take the phases in the order they run.
    rank = {name: i for i, name in enumerate(PHASES)}
    for key in sorted(document, key=lambda k: (rank.get(k, len(PHASES)), k)):
        calls_in(document[key], calls)
    if not calls:
        return [f"{path}: no calls"]
    # Values saved by a call may only be used by the calls after it.
    later = {name for call in calls for name in call.get("saves", {})}
    problems = []
    for index, call in enumerate(calls):
        state = {"later": set(later)}
        check_call(call, operations, base, types, state, problems,
                   f"{path}: call {index + 1} ({call['operation']})")
        later -= set(call.get("saves", {}))
        for name in call.get("saves", {}):
            if name not in types:
                problems.append(f"{path}: saved value {name} is not declared in parameters")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--spec", action="append", required=True)
    parser.add_argument("--base", default="", help="prefix of call paths the spec leaves out")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    operations = find_operations([load_spec(s) for s in args.spec])
    files = []
    for name in args.files:
        p = pathlib.Path(name)
        files.extend(sorted(f for f in p.rglob("*.json") if not f.name.endswith(".blocks.json"))
                     if p.is_dir() else [p])
    if not files:
        sys.exit("no files to validate")
    problems = []
    for f in files:
        problems.extend(check_file(f, operations, args.base))
    for problem in problems:
        print(problem)
    print(f"{len(files)} file(s), {len(problems)} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
