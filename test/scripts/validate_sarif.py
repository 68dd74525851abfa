#!/usr/bin/env python3
"""Validates `mac check --format sarif` output against the SARIF 2.1.0 JSON
schema (draft-04) with python3-jsonschema.

usage: validate_sarif.py OUTPUT.sarif SCHEMA.json

Prints every schema violation with its JSON path (e.g.
`$.runs[0].results[2].locations[0]`) and the schema rule that failed, and exits
1 when there is one; prints `ok: N results` and exits 0 otherwise. Also checks
the few things the schema leaves open that mac promises: one run, every
result's ruleId names a rule of the driver and ruleIndex points at it.
"""
import json
import sys

import jsonschema


def json_path(parts):
    path = "$"
    for part in parts:
        path += f"[{part}]" if isinstance(part, int) else f".{part}"
    return path


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[2], encoding="utf-8") as f:
        schema = json.load(f)
    with open(sys.argv[1], encoding="utf-8") as f:
        try:
            log = json.load(f)
        except ValueError as error:
            print(f"invalid SARIF: $: not JSON: {error}", file=sys.stderr)
            return 1
    jsonschema.Draft4Validator.check_schema(schema)
    validator = jsonschema.Draft4Validator(schema)
    errors = sorted(validator.iter_errors(log), key=lambda e: list(map(str, e.absolute_path)))
    for error in errors:
        print(f"invalid SARIF: {json_path(error.absolute_path)}: {error.message} "
              f"(schema: {json_path(error.absolute_schema_path)})", file=sys.stderr)
    if errors:
        return 1
    problems = []
    runs = log["runs"]
    if len(runs) != 1:
        problems.append(f"$.runs: {len(runs)} runs, expected 1")
    results = 0
    for r, run in enumerate(runs):
        rules = run["tool"]["driver"].get("rules", [])
        ids = [rule["id"] for rule in rules]
        for i, result in enumerate(run.get("results", [])):
            results += 1
            where = f"$.runs[{r}].results[{i}]"
            if result.get("ruleId") not in ids:
                problems.append(f"{where}.ruleId: {result.get('ruleId')!r} is not a driver rule")
            elif "ruleIndex" in result and ids[result["ruleIndex"]] != result["ruleId"]:
                problems.append(f"{where}.ruleIndex: {result['ruleIndex']} is "
                                f"{ids[result['ruleIndex']]!r}, not {result['ruleId']!r}")
    for problem in problems:
        print(f"invalid SARIF: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"ok: {results} results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
