#!/usr/bin/env python3
"""A loopback fake of one marketing platform for the `mac deploy` tests.

    fake_platform.py --platform P [--state STATE.json] [--log LOG.jsonl]
        [--seed SEED.json] [--fault SPEC]... [--credentials K=V]...
        [--specs DIR] [--publish-polls K] [--keep-alive] -- CMD ARGS...

Starts an HTTP server on 127.0.0.1 (a free port), replaces `{endpoint}` in
CMD ARGS by `http://127.0.0.1:PORT`, runs CMD, stops the server, saves the
platform's objects to STATE (sorted keys; the next run with the same STATE
continues: ids keep counting) and exits with CMD's status. Without CMD it
serves until interrupted and prints the endpoint first.

Each platform module (fake_hubspot.py, fake_klaviyo.py, fake_sfmc.py,
fake_marketo.py, fake_manual.py) answers the routes of deploy-design.md,
checks credentials (401 otherwise) and validates request bodies (400 with the
validator's messages otherwise). Every request is one JSON line in LOG:
{"n","method","path","query","status","valid","errors","fault"}, with
credential query values redacted and no headers or bodies.

--fault 'METHOD PATH#N=KIND[:ARG]' gives the N-th request whose method is
METHOD (or `*`) and whose path starts with PATH the fault KIND: `429:SECONDS`
(with Retry-After), `500`, `503`, `drop` (close without answering, before
acting), `drop-after` (act, then close without answering), `slow:SECONDS`
(sleep, then answer normally), `marketo-606` (200 with success:false, code
606). `#N+` is the N-th and every later one, `#N-M` a range. Each --fault
counts its own matching requests. docs/deploy-testing.md has the details."""
import argparse
import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import threading
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
from fake_common import (DEFAULT_CREDENTIALS, Answer, Fail, Invalid, Request,  # noqa: E402
                         default_specs_dir)

PLATFORMS = {
    "hubspot": ("fake_hubspot", "HubSpot"),
    "klaviyo": ("fake_klaviyo", "Klaviyo"),
    "sfmc": ("fake_sfmc", "Sfmc"),
    "marketo": ("fake_marketo", "Marketo"),
    "activecampaign": ("fake_manual", "ActiveCampaign"),
    "gohighlevel": ("fake_manual", "GoHighLevel"),
}
FAULT = re.compile(r"^(\S+) (\S+)#(\d+)(\+|-(\d+))?=(429|500|503|drop|drop-after|slow|marketo-606)"
                   r"(?::(\d+(?:\.\d+)?))?$")


class Fault:
    """One --fault: which requests it hits and what they get."""

    def __init__(self, spec):
        m = FAULT.match(spec)
        if not m:
            raise ValueError(f"bad --fault {spec!r}: want 'METHOD PATH#N[+|-M]=KIND[:ARG]'")
        self.spec = spec
        self.method, self.prefix = m[1].upper(), m[2]
        self.first = int(m[3])
        self.last = None if m[4] == "+" else int(m[5]) if m[5] else self.first
        self.kind, self.arg = m[6], m[7]
        if self.kind in ("429", "slow") and self.arg is None:
            raise ValueError(f"bad --fault {spec!r}: {self.kind} needs :SECONDS")
        self.seen = 0

    def label(self):
        return self.kind + (f":{self.arg}" if self.arg else "")

    def hits(self, method, path):
        """Counts a matching request; True when this one gets the fault."""
        if self.method not in ("*", method) or not path.startswith(self.prefix):
            return False
        self.seen += 1
        return self.seen >= self.first and (self.last is None or self.seen <= self.last)


class App:
    """The platform, the faults, the log and the lock that serialises them."""

    def __init__(self, platform, faults, log_path):
        self.platform = platform
        self.faults = faults
        self.lock = threading.Lock()
        self.log = open(log_path, "a", encoding="utf-8") if log_path else None
        self.count = 0
        if log_path:  # n keeps counting when a log is reused by a second run
            with open(log_path, encoding="utf-8") as existing:
                self.count = sum(1 for _ in existing)
        self.endpoint = ""

    def write_log(self, n, req, status, valid, errors, fault):
        if not self.log:
            return
        line = {"n": n, "method": req.method, "path": req.raw_path, "query": req.logged_query(),
                "status": status, "valid": valid, "errors": errors, "fault": fault}
        self.log.write(json.dumps(line, sort_keys=True) + "\n")
        self.log.flush()

    def dispatch(self, req):
        """The Answer for a request (no fault), valid flag and error messages."""
        platform = self.platform
        route, found = platform.find_route(req.method, req.path)
        try:
            if route is None:
                if found:
                    raise platform.error(405, f"{req.method} is not allowed on {req.path}")
                raise platform.error(404, f"the fake {platform.name} has no route {req.path}")
            if route.auth:
                platform.authenticate(req)
            return route.handler(req, found), []
        except Fail as f:
            errors = [d.get("message", str(d)) if isinstance(d, dict) else str(d)
                      for d in f.body.get("errors", [])] if isinstance(f.body, dict) else []
            return Answer(f.status, f.body, f.headers), errors
        except Invalid as e:
            fail = platform.error(400, "the request body is invalid", e.errors)
            return Answer(400, fail.body, valid=False), e.errors
        except Exception:  # a bug in the fake: say so loudly, do not hang the client
            text = traceback.format_exc()
            sys.stderr.write(text)
            return Answer(500, {"message": "fake server error", "trace": text}), [text]

    def handle(self, h):
        body = read_body(h)
        req = Request(h.command, h.path, h.headers, body, self.endpoint)
        with self.lock:
            self.count += 1
            n = self.count
            fault = None
            for f in self.faults:
                if f.hits(req.method, req.raw_path) and fault is None:
                    fault = f
        label = fault.label() if fault else None
        kind = fault.kind if fault else None
        if kind == "slow":
            time.sleep(float(fault.arg))
        if kind == "drop":
            with self.lock:
                self.write_log(n, req, None, None, [], label)
            h.close_connection = True
            return
        if kind in ("429", "500", "503", "marketo-606"):
            if kind == "marketo-606":
                answer = Answer(200, {"requestId": f"fake#{n}", "success": False, "errors": [
                    {"code": "606", "message": "Max rate limit '100' exceeded with in '20' secs"}]})
            else:
                status = int(kind)
                answer = Answer(status, self.platform.error(status, f"injected fault {label}").body,
                                {"Retry-After": fault.arg} if kind == "429" else {})
            with self.lock:
                self.write_log(n, req, answer.status, None, [], label)
            send(h, answer)
            return
        with self.lock:
            answer, errors = self.dispatch(req)
            valid = answer.valid
            self.write_log(n, req, None if kind == "drop-after" else answer.status, valid,
                           errors, label)
        if kind == "drop-after":
            h.close_connection = True
            return
        send(h, answer)


def read_body(h):
    if h.headers.get("Transfer-Encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int(h.rfile.readline().split(b";")[0].strip() or b"0", 16)
            if size == 0:
                while h.rfile.readline() not in (b"\r\n", b"\n", b""):
                    pass
                return b"".join(chunks)
            chunks.append(h.rfile.read(size))
            h.rfile.readline()
    length = int(h.headers.get("Content-Length") or 0)
    return h.rfile.read(length) if length else b""


def send(h, answer):
    data = b"" if answer.body is None else json.dumps(answer.body, sort_keys=True).encode("utf-8")
    h.send_response(answer.status)
    if not h.server.keep_alive:
        # One request per connection: libcurl silently re-sends a request whose
        # reused connection died before any answer, which would hide `drop`
        # faults (and repeat `drop-after` creates). --keep-alive allows reuse.
        h.send_header("Connection", "close")
        h.close_connection = True
    h.send_header("Content-Type", "application/json")
    h.send_header("Content-Length", str(len(data)))
    for key, value in answer.headers.items():
        h.send_header(key, str(value))
    h.end_headers()
    h.wfile.write(data)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_any(self):
        self.server.app.handle(self)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_any

    def log_message(self, *args):  # the JSON log replaces the access log
        pass


def make_platform(name, specs, credentials, options):
    import importlib
    module, cls = PLATFORMS[name]
    return getattr(importlib.import_module(module), cls)(specs, credentials, options)


def save_state(path, platform):
    path = pathlib.Path(path)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(platform.dump(), sort_keys=True, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def parse_args(argv):
    cmd = []
    if "--" in argv:
        at = argv.index("--")
        argv, cmd = argv[:at], argv[at + 1:]
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--platform", required=True, choices=sorted(PLATFORMS))
    p.add_argument("--state")
    p.add_argument("--log")
    p.add_argument("--seed")
    p.add_argument("--fault", action="append", default=[])
    p.add_argument("--credentials", action="append", default=[], metavar="K=V")
    p.add_argument("--specs", default=str(default_specs_dir()))
    p.add_argument("--publish-polls", type=int, default=2)
    p.add_argument("--keep-alive", action="store_true",
                   help="let clients reuse connections (default: close after each answer)")
    args = p.parse_args(argv)
    return args, cmd


def main(argv):
    args, cmd = parse_args(argv)
    credentials = dict(DEFAULT_CREDENTIALS)
    for item in args.credentials:
        key, sep, value = item.partition("=")
        if not sep or key not in credentials:
            sys.exit(f"fake_platform: bad --credentials {key!r}; keys: {', '.join(credentials)}")
        credentials[key] = value
    try:
        faults = [Fault(spec) for spec in args.fault]
    except ValueError as e:
        sys.exit(f"fake_platform: {e}")
    platform = make_platform(args.platform, args.specs, credentials,
                             {"publish_polls": args.publish_polls})
    if args.state and pathlib.Path(args.state).exists():
        platform.load(json.loads(pathlib.Path(args.state).read_text(encoding="utf-8")))
    elif args.seed:
        platform.load(json.loads(pathlib.Path(args.seed).read_text(encoding="utf-8")))

    app = App(platform, faults, args.log)
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.app = app
    server.keep_alive = args.keep_alive
    app.endpoint = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        if cmd:
            try:
                status = subprocess.call([a.replace("{endpoint}", app.endpoint) for a in cmd])
            except OSError as e:
                print(f"fake_platform: cannot run {cmd[0]}: {e.strerror}", file=sys.stderr)
                status = 127
            if status < 0:
                status = 128 - status
        else:
            print(app.endpoint, flush=True)
            signal.signal(signal.SIGTERM, lambda *a: sys.exit(0))
            status = 0
            try:
                while True:
                    time.sleep(3600)
            except KeyboardInterrupt:
                pass
    finally:
        server.shutdown()
        server.server_close()
        with app.lock:
            if args.state:
                save_state(args.state, platform)
            if app.log:
                app.log.close()
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
