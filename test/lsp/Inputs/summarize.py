#!/usr/bin/env python3
"""Summarises `mac lsp --lit-test` output one line per message, for compact
CHECK lines: publishDiagnostics as `publish FILE vVERSION: CODE SEV L:C-L:C
(N related) MESSAGE` lines, responses as `response ID: ...`. URIs are shown
relative to ROOT.

usage: mac lsp --lit-test < input | summarize.py ROOT"""
import json
import sys


def place(r):
    return f"{r['start']['line']}:{r['start']['character']}-{r['end']['line']}:{r['end']['character']}"


def main():
    root = "file://" + sys.argv[1] + "/"
    text, at, decoder = sys.stdin.read(), 0, json.JSONDecoder()
    short = lambda uri: uri.replace(root, "")
    while True:
        while at < len(text) and text[at].isspace():
            at += 1
        if at >= len(text):
            break
        message, at = decoder.raw_decode(text, at)
        if message.get("method") == "textDocument/publishDiagnostics":
            p = message["params"]
            version = f" v{p['version']}" if "version" in p else ""
            print(f"publish {short(p['uri'])}{version}: {len(p['diagnostics'])}")
            for d in p["diagnostics"]:
                related = len(d.get("relatedInformation", []))
                print(f"  {d['code']} sev{d['severity']} {place(d['range'])} ({related} related) "
                      f"{d['message']}")
        elif "id" in message and "error" in message:
            print(f"response {message['id']}: error {message['error']['code']} "
                  f"{message['error']['message']}")
        elif "id" in message and isinstance(message.get("result"), list):
            print(f"response {message['id']}: {len(message['result'])} actions")
            for action in message["result"]:
                for uri, edits in sorted(action.get("edit", {}).get("changes", {}).items()):
                    for e in edits:
                        print(f"  {action['title']} | {short(uri)} {place(e['range'])} "
                              f"{json.dumps(e['newText'], ensure_ascii=False)}")
        elif "id" in message:
            print(f"response {message['id']}: {json.dumps(message.get('result'))[:60]}")
        else:
            print(f"{message.get('method')}: {json.dumps(message.get('params'), ensure_ascii=False)[:200]}")


if __name__ == "__main__":
    main()
