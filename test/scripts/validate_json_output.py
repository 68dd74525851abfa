#!/usr/bin/env python3
"""Structural check of `mac check --format json` output (LANGUAGE.md section 9).

usage: validate_json_output.py OUTPUT.json --root BUNDLE [--root BUNDLE2 ...]
                               [--files N] [--exit-code N]

Asserts the exact key sets and value types of the object, its diagnostics,
notes, fixes and edits; that lines and columns are 1-based integers with the
end not before the start; that every path is relative to a bundle root (no
leading `/`, no `..`, no backslash) and names a file under one of the roots;
that each line/column lies inside that file (columns count bytes, so a
column may be at most the byte length of the line plus one); that for
MAC1001/MAC1002/MAC1003 the byte range spells the name in the message's first
backticks; that the summary counts equal the diagnostics per severity and
`files` equals N (default: the number of .flow files under the roots); and,
with --exit-code, that the exit status mac reported is 1 exactly when there
are errors (without --werror).
Fails with a message naming the JSON path of the first problem.
"""
import argparse
import json
import os
import re
import sys

TOP_KEYS = {"version", "diagnostics", "summary"}
DIAG_KEYS = {"code", "name", "severity", "message", "file", "line", "column", "end_line",
             "end_column", "notes", "fixes"}
LOCATION_KEYS = {"file", "line", "column", "end_line", "end_column"}
NOTE_KEYS = {"message", "file", "line", "column"}
FIX_KEYS = {"message", "edits"}
EDIT_KEYS = {"file", "line", "column", "end_line", "end_column", "text"}
SUMMARY_KEYS = {"errors", "warnings", "infos", "files"}
SEVERITIES = {"error": "errors", "warning": "warnings", "info": "infos"}
NAMED_SPAN_CODES = {"MAC1001", "MAC1002", "MAC1003"}


class Invalid(Exception):
    pass


def check(condition, where, message):
    if not condition:
        raise Invalid(f"{where}: {message}")


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


class Validator:
    def __init__(self, roots):
        self.roots = [os.path.abspath(r) for r in roots]
        self.cache = {}

    def candidates(self, relpath, where):
        """The byte lines of each file the relative path names under a root.

        With several roots (several bundles in one run) a path such as
        `bundle.flow` can name a file in each; a position is valid if it
        fits one of them."""
        check(isinstance(relpath, str) and relpath, where, "file must be a non-empty string")
        check(not os.path.isabs(relpath) and not relpath.startswith("/"), where,
              f"path {relpath!r} is absolute, not relative to the bundle root")
        check("\\" not in relpath, where, f"path {relpath!r} uses a backslash")
        check(".." not in relpath.split("/") and "." not in relpath.split("/"), where,
              f"path {relpath!r} is not normalized")
        if relpath not in self.cache:
            found = [os.path.join(r, relpath) for r in self.roots
                     if os.path.isfile(os.path.join(r, relpath))]
            check(found, where, f"path {relpath!r} names no file under {self.roots}")
            self.cache[relpath] = []
            for path in found:
                with open(path, "rb") as f:
                    data = f.read()
                self.cache[relpath].append([l.rstrip(b"\r") for l in data.split(b"\n")])
        return self.cache[relpath]

    def first_fitting(self, relpath, where, test):
        """Runs test(lines) on each candidate file; passes if one passes."""
        failures = []
        for lines in self.candidates(relpath, where):
            try:
                test(lines)
                return
            except Invalid as error:
                failures.append(error)
        raise failures[0]

    def position(self, obj, where, relpath, line_key, column_key):
        line, column = obj[line_key], obj[column_key]
        check(is_int(line) and line >= 1, f"{where}.{line_key}", f"{line!r} is not a 1-based line")
        check(is_int(column) and column >= 1, f"{where}.{column_key}",
              f"{column!r} is not a 1-based column")

        def fits(lines):
            check(line <= len(lines), f"{where}.{line_key}",
                  f"line {line} is past the end of {relpath} ({len(lines)} lines)")
            check(column <= len(lines[line - 1]) + 1, f"{where}.{column_key}",
                  f"column {column} is past the end of line {line} of {relpath} "
                  f"({len(lines[line - 1])} bytes)")

        self.first_fitting(relpath, f"{where}.file", fits)
        return line, column

    def range(self, obj, where):
        begin = self.position(obj, where, obj["file"], "line", "column")
        end = self.position(obj, where, obj["file"], "end_line", "end_column")
        check(end >= begin, where, f"range ends ({end}) before it begins ({begin})")
        return begin, end

    def diagnostic(self, d, where):
        check(isinstance(d, dict), where, "diagnostic must be an object")
        keys = set(d)
        # A diagnostic without a place (e.g. `--env nope`) has no location keys at all.
        located = "file" in d
        expected = DIAG_KEYS if located else DIAG_KEYS - LOCATION_KEYS
        check(keys == expected, where, f"keys {sorted(keys)} != {sorted(expected)}")
        check(re.fullmatch(r"MAC\d{4}", d["code"] or ""), f"{where}.code", f"{d['code']!r}")
        check(isinstance(d["name"], str) and re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", d["name"]),
              f"{where}.name", f"{d['name']!r} is not kebab-case")
        check(d["severity"] in SEVERITIES, f"{where}.severity", f"{d['severity']!r}")
        check(isinstance(d["message"], str) and d["message"], f"{where}.message", "empty")
        if located:
            (line, column), (end_line, end_column) = self.range(d, where)
            match = re.search(r"`([^`]+)`", d["message"])
            if d["code"] in NAMED_SPAN_CODES and match and line == end_line:
                def spells_name(lines):
                    text = lines[line - 1][column - 1:end_column - 1]
                    check(text == match.group(1).encode("utf-8"), where,
                          f"bytes {column}..{end_column} of line {line} are {text!r}, "
                          f"not the name {match.group(1)!r} of the message")
                self.first_fitting(d["file"], where, spells_name)
        check(isinstance(d["notes"], list), f"{where}.notes", "must be an array")
        for i, note in enumerate(d["notes"]):
            w = f"{where}.notes[{i}]"
            check(isinstance(note, dict) and set(note) == NOTE_KEYS, w,
                  f"keys {sorted(note)} != {sorted(NOTE_KEYS)}")
            check(isinstance(note["message"], str) and note["message"], f"{w}.message", "empty")
            self.position(note, w, note["file"], "line", "column")
        check(isinstance(d["fixes"], list), f"{where}.fixes", "must be an array")
        for i, fix in enumerate(d["fixes"]):
            w = f"{where}.fixes[{i}]"
            check(isinstance(fix, dict) and set(fix) == FIX_KEYS, w,
                  f"keys {sorted(fix)} != {sorted(FIX_KEYS)}")
            check(isinstance(fix["message"], str) and fix["message"], f"{w}.message", "empty")
            check(isinstance(fix["edits"], list) and fix["edits"], f"{w}.edits",
                  "must be a non-empty array")
            for j, edit in enumerate(fix["edits"]):
                we = f"{w}.edits[{j}]"
                check(isinstance(edit, dict) and set(edit) == EDIT_KEYS, we,
                      f"keys {sorted(edit)} != {sorted(EDIT_KEYS)}")
                check(isinstance(edit["text"], str), f"{we}.text", "must be a string")
                self.range(edit, we)


def count_flow_files(roots):
    return sum(1 for root in roots for _, _, names in os.walk(root)
               for name in names if name.endswith(".flow"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--root", action="append", required=True)
    parser.add_argument("--files", type=int)
    parser.add_argument("--exit-code", type=int)
    args = parser.parse_args()
    try:
        with open(args.output, encoding="utf-8") as f:
            text = f.read()
        try:
            doc = json.loads(text)
        except ValueError as error:
            raise Invalid(f"$: not JSON: {error}")
        check(isinstance(doc, dict) and set(doc) == TOP_KEYS, "$",
              f"keys {sorted(doc) if isinstance(doc, dict) else doc!r} != {sorted(TOP_KEYS)}")
        check(doc["version"] == 1 and is_int(doc["version"]), "$.version", f"{doc['version']!r}")
        check(isinstance(doc["diagnostics"], list), "$.diagnostics", "must be an array")
        validator = Validator(args.root)
        counts = {"errors": 0, "warnings": 0, "infos": 0}
        for i, d in enumerate(doc["diagnostics"]):
            validator.diagnostic(d, f"$.diagnostics[{i}]")
            counts[SEVERITIES[d["severity"]]] += 1
        summary = doc["summary"]
        check(isinstance(summary, dict) and set(summary) == SUMMARY_KEYS, "$.summary",
              f"keys {sorted(summary)} != {sorted(SUMMARY_KEYS)}")
        for key in SUMMARY_KEYS:
            check(is_int(summary[key]) and summary[key] >= 0, f"$.summary.{key}",
                  f"{summary[key]!r} is not a count")
        for key, value in counts.items():
            check(summary[key] == value, f"$.summary.{key}",
                  f"{summary[key]} but the diagnostics have {value}")
        files = args.files if args.files is not None else count_flow_files(args.root)
        check(summary["files"] == files, "$.summary.files", f"{summary['files']} != {files}")
        if args.exit_code is not None:
            want = 1 if counts["errors"] else 0
            check(args.exit_code == want, "exit",
                  f"mac exited {args.exit_code} with {counts['errors']} errors")
    except Invalid as error:
        print(f"invalid mac JSON output: {error}", file=sys.stderr)
        return 1
    print(f"ok: {len(doc['diagnostics'])} diagnostics, {summary['files']} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
