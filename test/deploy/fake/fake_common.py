"""Shared pieces of the fake platform server (fake_platform.py): the request
and answer types, the route table every platform module fills in, the
expected test credentials, id counters, and where the specifications and the
existing validators live (imported, never copied).

A platform module subclasses `Platform`: it declares `routes` (method, path
regular expression, handler) and `authenticate`, keeps its objects in
`self.data` (a JSON-serialisable dict that becomes the --state file), and
raises `Fail` for an error answer or `Invalid` for a body the validator
rejected (400, logged as `"valid": false`)."""
import datetime
import json
import os
import pathlib
import re
import sys
import urllib.parse

HERE = pathlib.Path(__file__).resolve().parent
REPO = HERE.parents[2]  # test/deploy/fake -> repository root
# The existing validators, imported rather than copied.
for folder in (REPO / "test" / "scripts", REPO / "test" / "backends" / "marketo",
               REPO / "test" / "backends" / "sfmc"):
    sys.path.insert(0, str(folder))

# The test credentials every platform expects unless --credentials says otherwise.
DEFAULT_CREDENTIALS = {
    "hubspot_token": "test-hubspot-SECRET-1",
    "klaviyo_key": "pk_test_SECRET_2",
    "sfmc_client_id": "sfmc-id-3",
    "sfmc_client_secret": "sfmc-SECRET-3",
    "marketo_client_id": "mkto-id-4",
    "marketo_client_secret": "mkto-SECRET-4",
    "ac_token": "ac-SECRET-5",
    "ghl_token": "ghl-SECRET-6",
}
# Access tokens the token endpoints hand out start with these (scan_secrets.py
# looks for the prefixes, so a leaked access token is caught too).
ACCESS_TOKEN_PREFIX = {"sfmc": "sfmc-ACCESS-SECRET-", "marketo": "mkto-ACCESS-SECRET-"}
# Query parameters whose values are never written to the log.
SECRET_QUERY_KEYS = {"client_id", "client_secret", "access_token", "api_key", "token"}


def default_specs_dir():
    """../shared/specs next to the repository (/work/main -> /work/shared)."""
    return REPO.parent / "shared" / "specs"


def now_iso():
    """UTC now, or SOURCE_DATE_EPOCH when set (lit sets it: stable state files)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc) if epoch
              else datetime.datetime.now(datetime.timezone.utc))
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


class Request:
    def __init__(self, method, target, headers, body, endpoint):
        parts = urllib.parse.urlsplit(target)
        self.method = method
        self.path = urllib.parse.unquote(parts.path)
        self.raw_path = parts.path
        self.raw_query = parts.query
        self.query = urllib.parse.parse_qs(parts.query, keep_blank_values=True)
        self.headers = headers
        self.body = body
        self.endpoint = endpoint
        self.json = None

    def arg(self, name, default=None):
        values = self.query.get(name)
        return values[0] if values else default

    def header(self, name):
        return self.headers.get(name)

    def logged_query(self):
        """The query string with credential values replaced by REDACTED."""
        pairs = urllib.parse.parse_qsl(self.raw_query, keep_blank_values=True)
        return urllib.parse.urlencode(
            [(k, "REDACTED" if k.lower() in SECRET_QUERY_KEYS else v) for k, v in pairs])


class Fail(Exception):
    """An error answer: HTTP status and a JSON body."""

    def __init__(self, status, body, headers=None):
        super().__init__(status)
        self.status, self.body, self.headers = status, body, headers or {}


class Invalid(Exception):
    """A request body the validator rejected: 400 with its messages."""

    def __init__(self, errors):
        super().__init__("; ".join(errors))
        self.errors = list(errors)


class Answer:
    def __init__(self, status, body=None, headers=None, valid=None):
        self.status, self.body, self.headers, self.valid = status, body, headers or {}, valid


class Route:
    def __init__(self, method, pattern, handler, auth=True, log_body=True):
        self.method = method
        self.pattern = re.compile(pattern)
        self.handler = handler
        self.auth = auth
        self.log_body = log_body


class Platform:
    """Base of the six fakes. `data` holds every platform object plus the id
    counters (`next`); it is what --state saves and --seed preloads."""

    name = ""

    def __init__(self, specs, credentials, options):
        self.specs = pathlib.Path(specs)
        self.credentials = credentials
        self.options = options
        self.data = self.initial_data()
        self.data.setdefault("next", {})
        self.routes = []
        self.setup_routes()

    def initial_data(self):
        return {}

    def setup_routes(self):
        raise NotImplementedError

    def route(self, method, pattern, handler, **flags):
        self.routes.append(Route(method, pattern, handler, **flags))

    def find_route(self, method, path):
        """(route, match) for the request, or (None, allowed-methods-or-None)."""
        methods = set()
        for route in self.routes:
            m = route.pattern.fullmatch(path)
            if m:
                if route.method == method:
                    return route, m
                methods.add(route.method)
        return None, methods

    def load(self, saved):
        for key, value in saved.items():
            if key != "platform":
                self.data[key] = value

    def dump(self):
        return dict(self.data, platform=self.name)

    def new_id(self, kind, start=1001, taken=()):
        """The next id of a kind: counts on across runs, skips ids in `taken`."""
        n = self.data["next"].get(kind, start)
        while str(n) in taken:
            n += 1
        self.data["next"][kind] = n + 1
        return n

    def collection(self, name):
        return self.data.setdefault(name, {})

    # Error bodies in the platform's own style; modules override.
    def error(self, status, message, details=None):
        body = {"status": "error", "message": message}
        if details:
            body["errors"] = details
        return Fail(status, body)

    def unauthorized(self):
        return self.error(401, "missing or wrong credentials")

    def bearer(self, req):
        value = req.header("Authorization") or ""
        return value[len("Bearer "):] if value.startswith("Bearer ") else None

    def authenticate(self, req):
        """Raise `unauthorized()` unless the request carries the credentials."""
        raise NotImplementedError

    def parse_json(self, req, required=True):
        """The body as JSON, or Invalid: no body / not JSON / not an object."""
        if not req.body:
            if required:
                raise Invalid(["(root): a JSON body is required"])
            return None
        try:
            req.json = json.loads(req.body.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as e:
            raise Invalid([f"(root): body is not JSON: {e}"])
        if not isinstance(req.json, dict):
            raise Invalid(["(root): body is not a JSON object"])
        return req.json


def require_keys(body, keys, where="(root)"):
    """Messages for the keys `body` lacks (the shape checks without a schema)."""
    return [f"{where}: '{k}' is a required property" for k in keys if k not in body]


def schema_errors(validator, document):
    """The validator's messages, `path: message`, in path order (at most 20)."""
    errors = sorted(validator.iter_errors(document),
                    key=lambda e: [str(p) for p in e.absolute_path])
    out = []
    for error in errors[:20]:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        out.append(f"{where}: {error.message[:300]}")
    return out
