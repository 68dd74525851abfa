#!/usr/bin/env python3
"""The differential test of incremental analysis in `mac lsp`.

Generates a 250-flow bundle (test/perf/generate_bundle.py: bundle.flow with
the model and every template, flows in three files), starts `mac lsp` with
MAC_LSP_VERIFY=1 (after each analysis the server re-runs it from scratch and
aborts if any diagnostic or published list differs) and MAC_LSP_TIMING=1,
opens four files and drives a sequence of incremental edits through them:
inside a flow, above other flows (they move), errors and their fixes, a
declaration other files use, bundle.flow, a template, renames of flows, and
a trigger loop across the three flow files made and broken again.

Prints, per edit, the published lists of the open documents as
`<edit>: <file> <count> [<codes>]` and how many flows the path analysis
replayed and walked, then `verified N analyses`; exits non-zero if the
server dies or a publish is missing.

usage: verify_edits.py MAC GENERATE_BUNDLE_PY WORKDIR"""
import collections
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import queue

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "scripts"))
from lsp_frames import read_messages, write_message  # noqa: E402

FILES = ["bundle.flow", "flows/flows_00000.flow", "flows/flows_00001.flow",
         "flows/flows_00002.flow"]

# (name, file, old text, new text, which occurrence (0: first)): each edit
# replaces one occurrence of `old` in the current text of `file`.
EDITS = [
    ("benign", "flows/flows_00000.flow", "wait 1d;", "wait 2d;", 5),
    ("stop", "flows/flows_00001.flow", "  wait 1d;\n", "  stop;\n  wait 1d;\n", 3),
    ("grow-above", "flows/flows_00001.flow", "  call w0;\n",
     "  call w0;\n  wait 3d;\n  add tag t7;\n", 0),
    ("shrink-above", "flows/flows_00001.flow", "  wait 3d;\n  add tag t7;\n", "", 0),
    ("error", "flows/flows_00000.flow", "add tag t12;", "add tag t12_undefined;", 0),
    ("fix", "flows/flows_00000.flow", "add tag t12_undefined;", "add tag t12;", 0),
    ("rename-flow", "flows/flows_00002.flow", 'flow f210 "Flow 210"', 'flow f210b "Flow 210"', 0),
    ("rename-flow-back", "flows/flows_00002.flow", 'flow f210b "Flow 210"', 'flow f210 "Flow 210"', 0),
    ("declaration", "bundle.flow", 'tag t12 "Tag 12";', 'tag t12b "Tag 12";', 0),
    ("declaration-back", "bundle.flow", 'tag t12b "Tag 12";', 'tag t12 "Tag 12";', 0),
    ("transactional", "bundle.flow", 'email e3 "Email 3" {', 'email e3 "Email 3" { transactional;', 0),
    ("template", "bundle.flow", '<a href="{{unsubscribe_url}}">Unsubscribe</a>"""; unsubscribe one_click; }',
     '"""; }', 7),
    ("bundle", "bundle.flow", 'policy compliance { suppress unsubscribed;',
     'policy compliance { quiet_hours sms 21:00..08:00 recipient_local; suppress unsubscribed;', 0),
    ("loop", "flows/flows_00002.flow", 'flow f248 "Flow 248" {\n  on tag_added t23;\n  reenroll never;',
     'flow f248 "Flow 248" {\n  on tag_added t23;\n  reenroll after 30d;', 0),
    ("loop-edit-inside", "flows/flows_00000.flow", "wait 1d;", "wait 4d;", 20),
    ("unloop", "flows/flows_00002.flow", "reenroll after 30d;", "reenroll never;", 0),
    ("stop-removed", "flows/flows_00001.flow", "  stop;\n  wait 1d;\n", "  wait 1d;\n", 0),
    # The pairwise checks' memo (MAC2003, MAC2202): a flow moves from one
    # trigger's group to another (its pairs with the first group's flows
    # disappear, pairs with the second's appear: MAC2003 and MAC2202 come and
    # go) and back; a `set` changes value (its pairs' messages change, and
    # the goal then holds after it: MAC2101); a comment between two flows
    # (outside every flow: nothing may be replayed) and its removal.
    ("overlap-move", "flows/flows_00002.flow", 'flow f248 "Flow 248" {\n  on tag_added t23;',
     'flow f248 "Flow 248" {\n  on tag_added t24;', 0),
    ("overlap-back", "flows/flows_00002.flow", 'flow f248 "Flow 248" {\n  on tag_added t24;',
     'flow f248 "Flow 248" {\n  on tag_added t23;', 0),
    ("conflict-value", "flows/flows_00002.flow", 'send e23;\n    set lead_status = "Nurturing";',
     'send e23;\n    set lead_status = "SQL";', 1),
    ("conflict-back", "flows/flows_00002.flow", 'send e23;\n    set lead_status = "SQL";',
     'send e23;\n    set lead_status = "Nurturing";', 0),
    ("comment-between", "flows/flows_00001.flow", 'flow f130 "Flow 130" {',
     '// between two flows\nflow f130 "Flow 130" {', 0),
    ("comment-removed", "flows/flows_00001.flow", '// between two flows\n', '', 0),
    # Publishing (compiler/lsp/diagnostics.h): a list's fingerprint hashes
    # LSP positions, and each diagnostic's hash is reused while it and the
    # files it points into are unchanged. Bytes that move while positions
    # stay (a line above grows: the lists stay as they are); columns that
    # move on the line of a finding, with non-ASCII text before it (UTF-16);
    # an edit undone and redone (the earlier lists come back); then a file is
    # closed and a declaration it uses renamed and back: its list is sent
    # when the server is idle, a few entries at a time.
    ("line-above", "flows/flows_00002.flow", "wait 1d;", "wait 10d;", 3),
    ("columns", "flows/flows_00002.flow", '  on tag_added t23;', '  on   tag_added t23;', 0),
    ("columns-utf16", "flows/flows_00002.flow", '  on   tag_added t23;',
     '  /* ✓ é 😀 */ on tag_added t23;', 0),
    ("undo", "flows/flows_00002.flow", '  /* ✓ é 😀 */ on tag_added t23;', '  on tag_added t23;', 0),
    ("redo", "flows/flows_00002.flow", '  on tag_added t23;', '  /* ✓ é 😀 */ on tag_added t23;', 0),
    ("undo-again", "flows/flows_00002.flow", '  /* ✓ é 😀 */ on tag_added t23;',
     '  on tag_added t23;', 0),
    ("close", "flows/flows_00002.flow", None, None, 0),
    ("closed-declaration", "bundle.flow", 'tag t23 "Tag 23";', 'tag t23b "Tag 23";', 0),
    ("closed-declaration-back", "bundle.flow", 'tag t23b "Tag 23";', 'tag t23 "Tag 23";', 0),
]


class Server:
    def __init__(self, mac, env):
        self.proc = subprocess.Popen([mac, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.messages = queue.Queue()
        self.stderr = []
        threading.Thread(target=self.read, daemon=True).start()
        threading.Thread(target=lambda: self.stderr.extend(
            l.decode() for l in self.proc.stderr), daemon=True).start()
        self.next_id = 0

    def read(self):
        for message in read_messages(self.proc.stdout):
            self.messages.put(message)
        self.messages.put(None)

    def send(self, message):
        write_message(self.proc.stdin, message)

    def wait(self, matches, lists):
        while True:
            message = self.messages.get(timeout=300)
            if message is None:
                self.proc.wait()
                sys.exit("server died:\n" + "".join(self.stderr))
            if message.get("method") == "textDocument/publishDiagnostics":
                lists[message["params"]["uri"]] = message["params"]["diagnostics"]
            if matches(message):
                return message


def position(text, offset):
    line = text.count("\n", 0, offset)
    before = text[text.rfind("\n", 0, offset) + 1:offset]
    return {"line": line, "character": len(before.encode("utf-16-le")) // 2}  # UTF-16 units


def summary(diagnostics):
    codes = collections.Counter(d["code"] for d in diagnostics)
    return " ".join(f"{code}x{n}" for code, n in sorted(codes.items()))


def main():
    mac, generator, work = sys.argv[1:4]
    shutil.rmtree(work, ignore_errors=True)
    bundle = os.path.join(work, "bundle")
    subprocess.run([sys.executable, generator, bundle, "250"], check=True,
                   stdout=subprocess.DEVNULL)
    bundle = os.path.realpath(bundle)
    env = dict(os.environ, MAC_LSP_VERIFY="1", MAC_LSP_TIMING="1")
    server = Server(mac, env)
    lists = {}
    server.next_id += 1
    server.send({"id": 1, "method": "initialize", "params": {
        "processId": None, "rootUri": "file://" + bundle, "capabilities": {}}})
    server.wait(lambda m: m.get("id") == 1, lists)
    server.send({"method": "initialized", "params": {}})
    texts, versions, uris = {}, {}, {}
    for name in FILES:
        path = os.path.join(bundle, name)
        texts[name], versions[name], uris[name] = open(path).read(), 1, "file://" + path
        server.send({"method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uris[name], "languageId": "flow", "version": 1, "text": texts[name]}}})
        server.wait(lambda m, u=uris[name]: m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == u and m["params"].get("version") == 1, lists)
    for name, file, old, new, occurrence in EDITS:
        if old is None:  # close the file: the disk's text applies again
            server.send({"method": "textDocument/didClose",
                         "params": {"textDocument": {"uri": uris[file]}}})
            texts[file] = open(os.path.join(bundle, file)).read()
            server.next_id += 1
            ask = server.next_id
            server.send({"id": ask, "method": "textDocument/documentSymbol",
                         "params": {"textDocument": {"uri": uris["bundle.flow"]}}})
            server.wait(lambda m: m.get("id") == ask, lists)
            for other in FILES:
                print(f"{name}: {other} {len(lists.get(uris[other], []))} "
                      f"[{summary(lists.get(uris[other], []))}]")
            continue
        text = texts[file]
        at = -1
        for _ in range(occurrence + 1):
            at = text.find(old, at + 1)
            if at < 0:
                sys.exit(f"{name}: `{old}` not found in {file}")
        versions[file] += 1
        server.send({"method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uris[file], "version": versions[file]},
            "contentChanges": [{"range": {"start": position(text, at),
                                          "end": position(text, at + len(old))},
                                "text": new}]}})
        texts[file] = text[:at] + new + text[at + len(old):]
        server.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and
                    m["params"]["uri"] == uris[file] and
                    m["params"].get("version") == versions[file], lists)
        # A request answered after every pending list was sent: the lists of
        # all files are then as the client keeps them.
        server.next_id += 1
        ask = server.next_id
        server.send({"id": ask, "method": "textDocument/documentSymbol",
                     "params": {"textDocument": {"uri": uris[file]}}})
        server.wait(lambda m: m.get("id") == ask, lists)
        for other in FILES:
            if other == file and (name.startswith("columns") or name.startswith("undo") or
                                  name in ("line-above", "redo")):
                # The findings at or after the edited line, in LSP positions.
                line = position(text, at)["line"]
                near = sorted((d["range"]["start"]["line"], d["range"]["start"]["character"],
                               d["range"]["end"]["character"], d["code"])
                              for d in lists.get(uris[other], [])
                              if d["range"]["start"]["line"] >= line)[:2]
                print(f"{name}: {other} from line {line}: {near}")
            print(f"{name}: {other} {len(lists.get(uris[other], []))} "
                  f"[{summary(lists.get(uris[other], []))}]")
    server.send({"id": 999, "method": "shutdown", "params": None})
    server.wait(lambda m: m.get("id") == 999, lists)
    server.send({"method": "exit"})
    code = server.proc.wait(timeout=60)
    stderr = "".join(server.stderr)
    verified = len(re.findall(r"MAC_LSP_VERIFY: .*: same", stderr))
    analyses = re.findall(r"flows memoised (\d+), walked (\d+)", stderr)
    memoised = sum(int(m) for m, w in analyses)
    pairs = sum(int(m) for m in re.findall(r"pairs memoised (\d+)", stderr))
    hashes = sum(int(m) for m in re.findall(r"hashes reused (\d+)", stderr))
    print(f"exit {code}; verified {verified} analyses of {len(analyses)}; "
          f"flows memoised {'some' if memoised else 'none'}; "
          f"pairs memoised {'some' if pairs else 'none'}; "
          f"diagnostic hashes reused {'some' if hashes else 'none'}")
    if code != 0 or verified != len(analyses):
        sys.stderr.write(stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
