#!/usr/bin/env python3
"""Benchmarks `mac lsp`: the time from a textDocument/didChange sent to the
textDocument/publishDiagnostics received for that file (and that version).

The workspace is a 2,000-flow bundle from generate_bundle.py, whose first
flow file is cut to about 2,000 lines (the flows cut off move to the next
file, so the bundle keeps its 2,000 flows). The server opens that file, then
gets N incremental edits in the middle of it, in a cycle of four: introduce
an undefined name (an error: the analyzer checks are then skipped, as in
`mac check`), fix it, make a benign change (`wait 1d` → `wait 2d`: the whole
pipeline runs), undo it. Prints the first analysis and p50/p95/max per kind
and overall. The figures in docs/performance.md come from this script.

The server's environment is passed on: MAC_LSP_TIMING=1 prints each
analysis's phases on its stderr, and MAC_LSP_VERIFY=1 makes it check every
incremental analysis against a full one (it aborts, and this script fails,
on any difference; the latencies then include the second analysis).

usage: bench_lsp.py MAC_BINARY [--flows 2000] [--lines 2000] [--edits 100]"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import queue

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "scripts"))
from lsp_frames import read_messages, write_message  # noqa: E402


def reshape(bundle, lines):
    """Cuts flows/flows_00000.flow to about `lines` lines, moving the rest on."""
    first = os.path.join(bundle, "flows", "flows_00000.flow")
    second = os.path.join(bundle, "flows", "flows_00001.flow")
    flows = open(first).read().split("\nflow ")
    flows = [flows[0]] + ["flow " + f for f in flows[1:]]
    kept, count = [], 0
    for flow in flows:
        if count >= lines:
            break
        kept.append(flow.rstrip("\n") + "\n")
        count += kept[-1].count("\n")
    moved = flows[len(kept):]
    with open(first, "w") as f:
        f.write("".join(kept))
    if moved:
        with open(second, "a") as f:
            f.write("".join(m.rstrip("\n") + "\n" for m in moved))
    return first


class Client:
    def __init__(self, mac):
        self.proc = subprocess.Popen([mac, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
        self.messages = queue.Queue()
        threading.Thread(target=self.read, daemon=True).start()
        self.next_id = 0

    def read(self):
        for message in read_messages(self.proc.stdout):
            self.messages.put((time.perf_counter(), message))

    def send(self, message):
        write_message(self.proc.stdin, message)
        return time.perf_counter()

    def request(self, method, params):
        self.next_id += 1
        self.send({"id": self.next_id, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == self.next_id)[1]

    def wait(self, matches, timeout=120):
        while True:
            at, message = self.messages.get(timeout=timeout)
            if matches(message):
                return at, message


def published(uri, version):
    return lambda m: (m.get("method") == "textDocument/publishDiagnostics" and
                      m["params"]["uri"] == uri and m["params"].get("version") == version)


def edits(text):
    """The cycle of four edits: (kind, line, start, end, new text) each."""
    lines = text.split("\n")
    middle = len(lines) // 2
    tag = next(i for i in range(middle, len(lines)) if lines[i].strip().startswith("add tag t"))
    wait = next(i for i in range(middle, len(lines)) if lines[i].strip() == "wait 1d;")
    name_at = lines[tag].index("add tag t") + len("add tag ")
    name = lines[tag][name_at:].rstrip(";")
    wait_at = lines[wait].index("1d")
    return [("error", tag, name_at, name_at + len(name), name + "_undefined"),
            ("fix", tag, name_at, name_at + len(name) + len("_undefined"), name),
            ("benign", wait, wait_at, wait_at + 2, "2d"),
            ("undo", wait, wait_at, wait_at + 2, "1d")]


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mac")
    parser.add_argument("--flows", type=int, default=2000)
    parser.add_argument("--lines", type=int, default=2000)
    parser.add_argument("--edits", type=int, default=100)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        bundle = os.path.join(tmp, "bundle")
        subprocess.run([sys.executable, os.path.join(HERE, "generate_bundle.py"), bundle,
                        str(args.flows)], check=True)
        path = os.path.realpath(reshape(bundle, args.lines))
        text = open(path).read()
        uri = "file://" + path
        client = Client(args.mac)
        client.request("initialize", {"processId": None, "rootUri": "file://" + os.path.realpath(bundle),
                                      "capabilities": {}})
        client.send({"method": "initialized", "params": {}})
        start = client.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "flow", "version": 1, "text": text}}})
        at, message = client.wait(published(uri, 1))
        first = at - start
        count = len(message["params"]["diagnostics"])
        times = {}
        cycle = edits(text)
        for n in range(args.edits):
            kind, line, begin, end, new = cycle[n % len(cycle)]
            version = n + 2
            sent = client.send({"method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri, "version": version},
                "contentChanges": [{"range": {"start": {"line": line, "character": begin},
                                              "end": {"line": line, "character": end}},
                                    "text": new}]}})
            at, message = client.wait(published(uri, version))
            times.setdefault(kind, []).append((at - sent) * 1000)
        client.request("shutdown", None)
        client.send({"method": "exit"})
        client.proc.wait(timeout=30)
    every = [t for kind in times.values() for t in kind]
    print(f"workspace: {args.flows} flows; edited file: {text.count(chr(10))} lines, "
          f"{len(text)} bytes; {count} diagnostics in it at open")
    print(f"first analysis (didOpen → publish): {first * 1000:.0f} ms")
    print("| edits | n | p50 | p95 | max |")
    print("|---|---:|---:|---:|---:|")
    for kind, values in list(times.items()) + [("all", every)]:
        print(f"| {kind} | {len(values)} | {percentile(values, 50):.1f} ms | "
              f"{percentile(values, 95):.1f} ms | {max(values):.1f} ms |")


if __name__ == "__main__":
    main()
