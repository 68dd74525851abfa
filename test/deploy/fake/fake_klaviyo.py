"""The fake Klaviyo: create a flow (validated against `FlowCreateQuery` of the
official OpenAPI spec, `nullable` converted by validate_openapi.py), set its
status, read it (with its definition on request) and find it by name.
Klaviyo has no update of a flow definition: mac creates a new flow and
switches the old one to draft. Every call needs the `revision` header."""
import json
import re

import jsonschema
import validate_openapi  # test/scripts: OpenAPI 3.0 `nullable` conversion

from fake_common import Answer, Fail, Invalid, Platform, now_iso, schema_errors

SPEC = "klaviyo/create_flow.json"
# Known defect of the published spec (test/backends/klaviyo/validate.test):
# numeric values are `oneOf: [{type: integer}, {type: number}]`, which no
# integer satisfies (it matches both); patched to `{type: number}`.
PATCHES = [
    "/components/schemas/NumericOperatorNumericFilter/properties/value",
    "/components/schemas/ProfileOperationUpdateOrCreateNumeric/properties/property_value",
]
STATUSES = ("draft", "manual", "live")
REVISION = re.compile(r"^\d{4}-\d{2}-\d{2}(\.pre)?$")
NAME_FILTER = re.compile(r'^equals\(name,"((?:[^"\\]|\\.)*)"\)$')


def load_validator(specs):
    spec = json.loads((specs / SPEC).read_text(encoding="utf-8"))
    for pointer in PATCHES:
        parent, key = validate_openapi.resolve_pointer(spec, pointer)
        parent[key] = {"type": "number"}
    spec = validate_openapi.convert(spec)
    schema = {"$ref": "#/components/schemas/FlowCreateQuery", "components": spec["components"]}
    return jsonschema.Draft7Validator(schema)


class Klaviyo(Platform):
    name = "klaviyo"

    def setup_routes(self):
        self.validator = load_validator(self.specs)
        self.route("POST", r"/api/flows/?", self.create)
        self.route("GET", r"/api/flows/?", self.find)
        self.route("GET", r"/api/flows/(?P<id>[^/]+)/?", self.read)
        self.route("PATCH", r"/api/flows/(?P<id>[^/]+)/?", self.patch)

    def error(self, status, message, details=None):
        code = {400: "invalid", 401: "not_authenticated", 404: "not_found"}.get(status, "error")
        errors = [{"status": status, "code": code, "title": message, "detail": d}
                  for d in (details or [message])]
        return Fail(status, {"errors": errors})

    def unauthorized(self):
        return self.error(401, "Incorrect authentication credentials.")

    def authenticate(self, req):
        if req.header("Authorization") != "Klaviyo-API-Key " + self.credentials["klaviyo_key"]:
            raise self.unauthorized()
        revision = req.header("revision")
        if not revision or not REVISION.match(revision):
            raise self.error(400, "the `revision` header is missing or not a date",
                             [f"revision: {revision!r}"])

    def resource(self, flow, definition):
        attributes = {k: v for k, v in flow.items() if k not in ("id", "definition")}
        if definition:
            attributes["definition"] = flow["definition"]
        return {"type": "flow", "id": flow["id"], "attributes": attributes,
                "links": {"self": f"/api/flows/{flow['id']}/"}}

    def held(self, fid):
        flow = self.collection("flows").get(fid)
        if flow is None:
            raise self.error(404, f"flow {fid} does not exist")
        return flow

    def create(self, req, m):
        body = self.parse_json(req)
        errors = schema_errors(self.validator, body)
        if errors:
            raise Invalid(errors)
        flows = self.collection("flows")
        fid = f"F{self.new_id('flow')}"
        attributes = body["data"]["attributes"]
        triggers = attributes["definition"].get("triggers") or [{}]
        flows[fid] = {"id": fid, "name": attributes["name"], "status": "draft", "archived": False,
                      "created": now_iso(), "updated": now_iso(),
                      "trigger_type": triggers[0].get("type"),
                      "definition": attributes["definition"]}
        return Answer(201, {"data": self.resource(flows[fid], True)}, valid=True)

    def read(self, req, m):
        wanted = req.arg("additional-fields[flow]", "")
        return Answer(200, {"data": self.resource(self.held(m["id"]), "definition" in wanted)})

    def find(self, req, m):
        flows = list(self.collection("flows").values())
        wanted = req.arg("filter")
        if wanted is not None:
            name = NAME_FILTER.match(wanted)
            if not name:
                raise self.error(400, "the fake supports only filter=equals(name,\"...\")",
                                 [f"filter: {wanted!r}"])
            text = re.sub(r"\\(.)", r"\1", name[1])
            flows = [f for f in flows if f["name"] == text]
        return Answer(200, {"data": [self.resource(f, False) for f in flows],
                            "links": {"self": "/api/flows/", "next": None, "prev": None}})

    def patch(self, req, m):
        flow = self.held(m["id"])
        body = self.parse_json(req)
        data = body.get("data")
        errors = []
        if not isinstance(data, dict):
            errors.append("data: 'data' is a required object")
        else:
            if data.get("type") != "flow":
                errors.append(f"data/type: {data.get('type')!r} is not 'flow'")
            if data.get("id") != m["id"]:
                errors.append(f"data/id: {data.get('id')!r} is not the flow in the path")
            attributes = data.get("attributes")
            if not isinstance(attributes, dict) or set(attributes) != {"status"}:
                errors.append("data/attributes: only 'status' can be changed")
            elif attributes["status"] not in STATUSES:
                errors.append(f"data/attributes/status: {attributes['status']!r} is not one of "
                              f"{list(STATUSES)}")
        if errors:
            raise Invalid(errors)
        flow.update(status=data["attributes"]["status"], updated=now_iso())
        return Answer(200, {"data": self.resource(flow, False)}, valid=True)
