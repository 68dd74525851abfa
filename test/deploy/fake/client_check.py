#!/usr/bin/env python3
"""A tiny urllib client for the lit tests of the fake platform server: it
proves the fake answers, validates, faults and keeps state as documented.

    client_check.py --platform P --endpoint URL [--auth good|bad|none]
        request METHOD PATH [--body FILE] [--header 'K: V']... [--show POINTER]...
    client_check.py --platform P --endpoint URL post-build DIR [--param K=V]...

`request` sends one request with the platform's test credentials (fetching
an access token first for sfmc and marketo) and prints `status N`, the
`Retry-After` header when there is one, and the JSON answer on one line with
sorted keys (or only the values at --show JSON pointers). A connection closed
without an answer prints `dropped: ...` and exits 3.

`post-build` sends what `mac build` wrote for the target (DIR is OUT/<target>)
the way deploy-design.md says mac will: hubspot properties, events, lists,
then flows; klaviyo flows (then set live); sfmc data extensions, event
definitions (with `deploy:dataExtensionId:` replaced), journeys, publish and
poll; marketo every flow file's setup and release calls in order with
`{{name}}` placeholders from --param and from `saves`. One line per call:
`METHOD PATH -> STATUS`. Exit 1 when any answer is not 2xx (or, for marketo,
success:false)."""
import argparse
import http.client
import json
import pathlib
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from fake_common import DEFAULT_CREDENTIALS as CRED  # noqa: E402


class Client:
    def __init__(self, platform, endpoint, auth):
        self.platform, self.endpoint, self.auth = platform, endpoint.rstrip("/"), auth
        self.token = None

    def call(self, method, path, body=None, headers=None, authed=True):
        """(status, headers, parsed JSON or None); raises ConnectionError on a drop."""
        data = None if body is None else json.dumps(body).encode("utf-8")
        req = urllib.request.Request(self.endpoint + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json")
        if authed:
            for key, value in self.auth_headers().items():
                req.add_header(key, value)
        for key, value in (headers or {}).items():
            req.add_header(key, value)
        try:
            with urllib.request.urlopen(req, timeout=30) as answer:
                return answer.status, answer.headers, parse(answer.read())
        except urllib.error.HTTPError as e:
            return e.code, e.headers, parse(e.read())
        except (http.client.RemoteDisconnected, ConnectionResetError) as e:
            raise ConnectionError(type(e).__name__)
        except urllib.error.URLError as e:
            raise ConnectionError(str(e.reason))

    def secret(self, key):
        return "wrong-" + CRED[key] if self.auth == "bad" else CRED[key]

    def auth_headers(self):
        if self.auth == "none":
            return {}
        p = self.platform
        if p == "hubspot":
            return {"Authorization": "Bearer " + self.secret("hubspot_token")}
        if p == "klaviyo":
            return {"Authorization": "Klaviyo-API-Key " + self.secret("klaviyo_key"),
                    "revision": "2026-07-15"}
        if p == "activecampaign":
            return {"Api-Token": self.secret("ac_token")}
        if p == "gohighlevel":
            return {"Authorization": "Bearer " + self.secret("ghl_token"), "Version": "2021-07-28"}
        if self.token is None:
            self.token = self.fetch_token()
        return {"Authorization": "Bearer " + self.token}

    def fetch_token(self):
        if self.platform == "sfmc":
            status, _, body = self.call("POST", "/v2/token", {
                "grant_type": "client_credentials", "client_id": CRED["sfmc_client_id"],
                "client_secret": self.secret("sfmc_client_secret")}, authed=False)
        else:
            query = urllib.parse.urlencode({
                "grant_type": "client_credentials", "client_id": CRED["marketo_client_id"],
                "client_secret": self.secret("marketo_client_secret")})
            status, _, body = self.call("GET", "/identity/oauth/token?" + query, authed=False)
        print(f"token -> {status}")
        return (body or {}).get("access_token", "no-token")


def parse(data):
    if not data:
        return None
    try:
        return json.loads(data)
    except ValueError:
        return data.decode("utf-8", "replace")


def pointer(document, path):
    for part in path.lstrip("/").split("/"):
        if part == "":
            continue
        document = document[int(part)] if isinstance(document, list) else document[part]
    return document


def do_request(client, args):
    body = json.loads(pathlib.Path(args.body).read_text(encoding="utf-8")) if args.body else None
    headers = dict(h.split(": ", 1) for h in args.header)
    try:
        status, answer_headers, answer = client.call(args.method, args.path, body, headers)
    except ConnectionError as e:
        print(f"dropped: {e}")
        return 3
    print(f"status {status}")
    if answer_headers.get("Retry-After"):
        print(f"Retry-After: {answer_headers['Retry-After']}")
    if args.show:
        for p in args.show:
            try:
                print(f"{p} = {json.dumps(pointer(answer, p), sort_keys=True)}")
            except (KeyError, IndexError, TypeError, ValueError):
                print(f"{p} is missing in {json.dumps(answer, sort_keys=True)[:300]}")
    else:
        print(json.dumps(answer, sort_keys=True))
    return 0


def files(folder, pattern):
    return sorted(pathlib.Path(folder).glob(pattern))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


class Poster:
    """post-build: send a build's payloads in deploy order, one line each."""

    def __init__(self, client, params):
        self.client, self.params, self.failed = client, params, False

    def send(self, method, path, body=None, ok=None):
        status, _, answer = self.client.call(method, path, body)
        good = 200 <= status < 300 and (ok is None or ok(answer))
        note = "" if good else "  " + json.dumps(answer, sort_keys=True)[:400]
        print(f"{method} {path} -> {status}{note}")
        self.failed |= not good
        return answer if good else None

    def hubspot(self, out):
        for f in files(out / "assets" / "properties", "*.json"):
            self.send("POST", "/crm/v3/properties/0-1", load(f))
        for f in files(out / "assets" / "events", "*.json"):
            self.send("POST", "/events/v3/event-definitions", load(f))
        for f in files(out / "assets" / "lists", "*.json"):
            self.send("POST", "/crm/v3/lists", load(f))
        for f in files(out / "flows", "*.json"):
            self.send("POST", "/automation/v4/flows", load(f))

    def klaviyo(self, out):
        for f in files(out / "flows", "*.json"):
            answer = self.send("POST", "/api/flows", load(f))
            if answer:
                fid = answer["data"]["id"]
                self.send("PATCH", f"/api/flows/{fid}", {
                    "data": {"type": "flow", "id": fid, "attributes": {"status": "live"}}})

    def sfmc(self, out):
        ids = {}
        for f in files(out / "assets" / "data-extensions", "*.json"):
            body = load(f)
            answer = self.send("POST", "/data/v1/customobjects", body)
            if answer:
                ids[body["customerKey"]] = answer["id"]

        def with_ids(f):  # `deploy:dataExtensionId:NAME` -> the data extension's id
            return json.loads(re.sub(r"deploy:dataExtensionId:([\w-]+)",
                                     lambda m: ids.get(m[1], m[0]), f.read_text(encoding="utf-8")))

        for f in files(out / "assets" / "event-definitions", "*.json"):
            self.send("POST", "/interaction/v1/eventDefinitions", with_ids(f))
        for f in files(out / "flows", "*.json"):
            answer = self.send("POST", "/interaction/v1/interactions", with_ids(f))
            if not answer:
                continue
            started = self.send("POST", f"/interaction/v1/interactions/publishAsync/{answer['id']}"
                                        f"?versionNumber={answer['version']}")
            for _ in range(10):
                status = self.send("GET", "/interaction/v1/interactions/publishStatus/"
                                          + started["statusId"])
                print(f"  status {status['status']}")
                if status["status"] != "PublishInProcess":
                    self.failed |= status["status"] != "PublishCompleted"
                    break
                time.sleep(0.05)

    def marketo(self, out):
        for f in files(out / "flows", "*.json"):
            doc = load(f)
            types = {k: v.get("type") for k, v in doc.get("parameters", {}).items()}
            values = dict(self.params)
            for call in doc.get("setup", []) + doc.get("release", []):
                call = fill(call, values, types)
                answer = self.send(call["method"], call["path"], call.get("body"),
                                   ok=lambda a: isinstance(a, dict) and a.get("success"))
                for name, where in call.get("saves", {}).items():
                    if answer:
                        values[name] = pointer(answer, where)


def fill(node, values, types):
    """Replaces `{{name}}` placeholders: a whole-string placeholder of an
    integer parameter becomes a number, others are spliced into the text."""
    if isinstance(node, dict):
        return {k: fill(v, values, types) for k, v in node.items()}
    if isinstance(node, list):
        return [fill(v, values, types) for v in node]
    if isinstance(node, str):
        whole = re.fullmatch(r"\{\{(\w+)\}\}", node)
        if whole and whole[1] in values and types.get(whole[1]) == "integer":
            return int(values[whole[1]])
        return re.sub(r"\{\{(\w+)\}\}", lambda m: str(values.get(m[1], m[0])), node)
    return node


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--platform", required=True)
    p.add_argument("--endpoint", required=True)
    p.add_argument("--auth", choices=["good", "bad", "none"], default="good")
    sub = p.add_subparsers(dest="command", required=True)
    r = sub.add_parser("request")
    r.add_argument("method")
    r.add_argument("path")
    r.add_argument("--body")
    r.add_argument("--header", action="append", default=[])
    r.add_argument("--show", action="append", default=[])
    b = sub.add_parser("post-build")
    b.add_argument("dir")
    b.add_argument("--param", action="append", default=[])
    args = p.parse_args()
    client = Client(args.platform, args.endpoint, args.auth)
    if args.command == "request":
        return do_request(client, args)
    poster = Poster(client, dict(kv.split("=", 1) for kv in args.param))
    try:
        getattr(poster, args.platform)(pathlib.Path(args.dir))
    except ConnectionError as e:
        print(f"dropped: {e}")
        return 3
    return 1 if poster.failed else 0


if __name__ == "__main__":
    sys.exit(main())
