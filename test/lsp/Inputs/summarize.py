#!/usr/bin/env python3
"""Summarises `mac lsp --lit-test` output one line per message, for compact
CHECK lines: publishDiagnostics as `publish FILE vVERSION: CODE SEV L:C-L:C
(N related) MESSAGE` lines, responses as `response ID: ...`. URIs are shown
relative to ROOT.

Results of the language features are recognised by their shape: a hover
(`hover RANGE` then its Markdown, each line after `  | `), a Location or a
list of them, a WorkspaceEdit (`edit`, one line per TextEdit), a
prepareRename answer, completion items, document symbols (a tree, two
spaces per level) and TextEdits (formatting). An empty list answering a
request with a string id prints `[]` (with a number id: `0 actions`, as
code actions always did).

usage: mac lsp --lit-test < input | summarize.py ROOT"""
import json
import sys


def place(r):
    return f"{r['start']['line']}:{r['start']['character']}-{r['end']['line']}:{r['end']['character']}"


def show_text(text):
    for line in text.split("\n"):
        print(f"  | {line}".rstrip())


def symbols(items, depth):
    for s in items:
        detail = f" ({s['detail']})" if "detail" in s else ""
        print(f"  {'  ' * depth}{s['name']}{detail} k{s['kind']} {place(s['range'])} "
              f"sel {place(s['selectionRange'])}")
        symbols(s.get("children", []), depth + 1)


def feature(mid, result, short):
    """Prints a language feature's result; False when it is not one."""
    location = lambda l: f"{short(l['uri'])} {place(l['range'])}"
    if isinstance(result, dict) and "contents" in result:
        print(f"response {mid}: hover {place(result['range'])}")
        show_text(result["contents"]["value"])
    elif isinstance(result, dict) and "uri" in result:
        print(f"response {mid}: location {location(result)}")
    elif isinstance(result, dict) and "changes" in result:
        print(f"response {mid}: edit")
        for uri, edits in sorted(result["changes"].items()):
            for e in edits:
                print(f"  {short(uri)} {place(e['range'])} {json.dumps(e['newText'], ensure_ascii=False)}")
    elif isinstance(result, dict) and "placeholder" in result:
        print(f"response {mid}: rename {place(result['range'])} {json.dumps(result['placeholder'])}")
    elif isinstance(result, list) and not result and isinstance(mid, str):
        print(f"response {mid}: []")
    elif isinstance(result, list) and result and "uri" in result[0]:
        print(f"response {mid}: {len(result)} locations")
        for l in result:
            print(f"  {location(l)}")
    elif isinstance(result, list) and result and "label" in result[0]:
        print(f"response {mid}: {len(result)} items, replacing {place(result[0]['textEdit']['range'])}")
        for i in result:
            detail = f" ({i['detail']})" if "detail" in i else ""
            print(f"  {i['label']} k{i['kind']}{detail}")
    elif isinstance(result, list) and result and "selectionRange" in result[0]:
        print(f"response {mid}: symbols")
        symbols(result, 0)
    elif isinstance(result, list) and result and "newText" in result[0]:
        print(f"response {mid}: {len(result)} edits")
        for e in result:
            print(f"  {place(e['range'])}")
            show_text(e["newText"])
    else:
        return False
    return True


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
        elif "id" in message and feature(message["id"], message.get("result"), short):
            pass
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
