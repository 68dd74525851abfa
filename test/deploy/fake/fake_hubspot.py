"""The fake HubSpot: automation v4 flows (create, read, list, revision-checked
update), CRM v3 lists, contact properties and custom event definitions, as
deploy-design.md lists them. Flow bodies are validated against the official
OpenAPI spec (`ApiFlowCreateRequest`, `ApiFlowPutRequest`) with
validate_openapi.py's OpenAPI -> JSON Schema conversion."""
import json

import jsonschema
import validate_openapi  # test/scripts: OpenAPI 3.0 `nullable` conversion

from fake_common import Answer, Fail, Invalid, Platform, now_iso, require_keys, schema_errors

SPEC = "hubspot/automationV4.v4.json"
# Known defect of the published spec (shared/specs/README.md): action `fields`
# values are typed `object`, but real values are strings and arrays
# (`"delta": "2"`, `"team_ids": [...]`); patched to `{}` (any value).
PATCH = ("/components/schemas/ApiSingleConnectionAction/properties/fields/additionalProperties", {})


def load_validators(specs):
    spec = json.loads((specs / SPEC).read_text(encoding="utf-8"))
    parent, key = validate_openapi.resolve_pointer(spec, PATCH[0])
    parent[key] = PATCH[1]
    spec = validate_openapi.convert(spec)
    out = {}
    for name in ("ApiFlowCreateRequest", "ApiFlowPutRequest"):
        schema = {"$ref": f"#/components/schemas/{name}", "components": spec["components"]}
        out[name] = jsonschema.Draft7Validator(schema)
    return out


class HubSpot(Platform):
    name = "hubspot"

    def setup_routes(self):
        self.validators = load_validators(self.specs)
        r = self.route
        r("POST", r"/automation/v4/flows", self.create_flow)
        r("GET", r"/automation/v4/flows", self.list_flows)
        r("GET", r"/automation/v4/flows/(?P<id>[^/]+)", self.get_flow)
        r("PUT", r"/automation/v4/flows/(?P<id>[^/]+)", self.put_flow)
        r("POST", r"/crm/v3/lists", self.create_list)
        r("GET", r"/crm/v3/lists/object-type-id/0-1/name/(?P<name>[^/]+)", self.find_list)
        r("GET", r"/crm/v3/lists/(?P<id>[^/]+)", self.get_list)
        r("PUT", r"/crm/v3/lists/(?P<id>[^/]+)/update-list-filters", self.update_list)
        r("PUT", r"/crm/v3/lists/(?P<id>[^/]+)/update-list-name", self.rename_list)
        r("POST", r"/crm/v3/properties/0-1", self.create_property)
        r("GET", r"/crm/v3/properties/0-1/(?P<name>[^/]+)", self.get_property)
        r("PATCH", r"/crm/v3/properties/0-1/(?P<name>[^/]+)", self.patch_property)
        r("POST", r"/events/v3/event-definitions", self.create_event)
        r("GET", r"/events/v3/event-definitions/(?P<name>[^/]+)", self.get_event)
        r("PATCH", r"/events/v3/event-definitions/(?P<name>[^/]+)", self.patch_event)

    def error(self, status, message, details=None):
        category = {400: "VALIDATION_ERROR", 401: "INVALID_AUTHENTICATION", 404: "OBJECT_NOT_FOUND",
                    409: "CONFLICT"}.get(status, "ERROR")
        body = {"status": "error", "message": message, "category": category}
        if details:
            body["errors"] = [{"message": d} for d in details]
        return Fail(status, body)

    def authenticate(self, req):
        if self.bearer(req) != self.credentials["hubspot_token"]:
            raise self.unauthorized()

    def unauthorized(self):
        return self.error(401, "Authentication credentials not found or invalid.")

    def validate(self, req, schema):
        body = self.parse_json(req)
        errors = schema_errors(self.validators[schema], body)
        if errors:
            raise Invalid(errors)
        return body

    def shape(self, req, keys):
        body = self.parse_json(req)
        errors = require_keys(body, keys)
        if errors:
            raise Invalid(errors)
        return body

    def held(self, kind, key):
        item = self.collection(kind).get(key)
        if item is None:
            raise self.error(404, f"{kind[:-1]} {key} does not exist")
        return item

    # flows
    def create_flow(self, req, m):
        body = self.validate(req, "ApiFlowCreateRequest")
        flows = self.collection("flows")
        fid = str(self.new_id("flow", taken=flows))
        flow = dict(body, id=fid, revisionId="1", createdAt=now_iso(), updatedAt=now_iso())
        flow.setdefault("isEnabled", False)
        flows[fid] = flow
        return Answer(201, flow, valid=True)

    def list_flows(self, req, m):
        results = [{"id": f["id"], "name": f.get("name"), "isEnabled": f.get("isEnabled", False),
                    "revisionId": f["revisionId"]} for f in self.collection("flows").values()]
        return Answer(200, {"results": sorted(results, key=lambda f: int(f["id"]))})

    def get_flow(self, req, m):
        return Answer(200, self.held("flows", m["id"]))

    def put_flow(self, req, m):
        held = self.held("flows", m["id"])
        body = self.validate(req, "ApiFlowPutRequest")
        if str(body.get("revisionId")) != held["revisionId"]:
            raise self.error(409, f"revisionId {body.get('revisionId')} is stale: the flow is at "
                                  f"revision {held['revisionId']}")
        flow = dict(body, id=held["id"], revisionId=str(int(held["revisionId"]) + 1),
                    createdAt=held["createdAt"], updatedAt=now_iso())
        self.collection("flows")[held["id"]] = flow
        return Answer(200, flow, valid=True)

    # lists
    def create_list(self, req, m):
        body = self.shape(req, ["name", "objectTypeId", "processingType"])
        lists = self.collection("lists")
        if any(item["name"] == body["name"] for item in lists.values()):
            raise self.error(409, f"a list named {body['name']!r} already exists")
        lid = str(self.new_id("list", taken=lists))
        item = dict(body, listId=lid, createdAt=now_iso(), updatedAt=now_iso())
        lists[lid] = item
        return Answer(200, {"list": item}, valid=True)

    def find_list(self, req, m):
        for item in self.collection("lists").values():
            if item["name"] == m["name"]:
                return Answer(200, {"list": item})
        raise self.error(404, f"no list named {m['name']!r}")

    def get_list(self, req, m):
        return Answer(200, {"list": self.held("lists", m["id"])})

    def update_list(self, req, m):
        item = self.held("lists", m["id"])
        body = self.shape(req, ["filterBranch"])
        item.update(filterBranch=body["filterBranch"], updatedAt=now_iso())
        return Answer(200, {"list": item}, valid=True)

    def rename_list(self, req, m):
        item = self.held("lists", m["id"])
        name = (req.query.get("listName") or [""])[0]
        if not name:
            raise self.error(400, "listName is required")
        if any(other["name"] == name and lid != m["id"]
               for lid, other in self.collection("lists").items()):
            raise self.error(409, f"a list named {name!r} already exists")
        item.update(name=name, updatedAt=now_iso())
        return Answer(200, {"list": item}, valid=True)

    # properties (id = name)
    def create_property(self, req, m):
        body = self.shape(req, ["name", "label", "type", "fieldType", "groupName"])
        props = self.collection("properties")
        if body["name"] in props:
            raise self.error(409, f"property {body['name']!r} already exists")
        props[body["name"]] = dict(body, createdAt=now_iso())
        return Answer(201, props[body["name"]], valid=True)

    def get_property(self, req, m):
        return Answer(200, self.held("properties", m["name"]))

    def patch_property(self, req, m):
        item = self.held("properties", m["name"])
        body = self.parse_json(req)
        if "name" in body and body["name"] != m["name"]:
            raise Invalid([f"name: cannot rename {m['name']!r}"])
        item.update(body)
        return Answer(200, item, valid=True)

    # custom event definitions (read and update by name)
    def create_event(self, req, m):
        body = self.shape(req, ["name", "label", "primaryObject"])
        events = self.collection("events")
        if body["name"] in events:
            raise self.error(409, f"event definition {body['name']!r} already exists")
        eid = str(self.new_id("event", taken=[e["id"] for e in events.values()]))
        events[body["name"]] = dict(body, id=eid, fullyQualifiedName=f"pe_{body['name']}")
        return Answer(201, events[body["name"]], valid=True)

    def get_event(self, req, m):
        return Answer(200, self.held("events", m["name"]))

    def patch_event(self, req, m):
        item = self.held("events", m["name"])
        body = self.parse_json(req)
        item.update({k: v for k, v in body.items() if k not in ("id", "name")})
        return Answer(200, item, valid=True)
