"""The fake Salesforce Marketing Cloud: the client-credentials token endpoint
(POST /v2/token), journeys (create; a known key makes version N+1; read by id
or key; publishAsync + publishStatus polling; stop), data extensions and
journey event definitions. SFMC publishes no schema: a journey's shape is
checked with the functions of test/backends/sfmc/check_journey_shape.py
(activity shapes from the real samples, the outcomes graph), data extensions
and event definitions by their required keys. Publishing fails (status
"Error") when the journey's entry event definition does not exist."""
import check_journey_shape as shape  # test/backends/sfmc

from fake_common import (ACCESS_TOKEN_PREFIX, Answer, Fail, Invalid, Platform, now_iso,
                         require_keys)

UNSUBSTITUTED = "deploy:dataExtensionId:"


def guid(kind, n):
    return f"{kind:08x}-0000-4000-8000-{n:012d}"


def contains(node, text):
    if isinstance(node, dict):
        return any(contains(v, text) for v in node.values())
    if isinstance(node, list):
        return any(contains(v, text) for v in node)
    return isinstance(node, str) and text in node


class Sfmc(Platform):
    name = "sfmc"

    def setup_routes(self):
        self.samples = shape.Samples(self.specs / "sfmc")
        self.tokens = set()  # in memory only: never saved with the state
        self.polls = {}
        r = self.route
        r("POST", r"/v2/token", self.token, auth=False)
        base = r"/interaction/v1/interactions"
        r("POST", base, self.create_journey)
        r("POST", base + r"/publishAsync/(?P<id>[^/]+)", self.publish)
        r("GET", base + r"/publishStatus/(?P<status>[^/]+)", self.publish_status)
        r("POST", base + r"/stop/(?P<id>[^/]+)", self.stop)
        r("GET", base + r"/key:(?P<key>[^/]+)", self.read_by_key)
        r("GET", base + r"/(?P<id>[^/:]+)", self.read_by_id)
        r("POST", r"/data/v1/customobjects", self.create_data_extension)
        events = r"/interaction/v1/eventDefinitions"
        r("POST", events, self.create_event)
        r("GET", events + r"/key:(?P<key>[^/]+)", self.read_event)
        r("PUT", events + r"/key:(?P<key>[^/]+)", self.put_event)

    def error(self, status, message, details=None):
        body = {"message": message, "errorcode": 10000 + status, "documentation": ""}
        if details:
            body["errors"] = [{"message": d} for d in details]
        return Fail(status, body)

    def unauthorized(self):
        return Fail(401, {"error": "invalid_client", "error_description": "Client authentication "
                          "failed. Make sure that the client ID and client secret are valid."})

    def authenticate(self, req):
        if self.bearer(req) not in self.tokens:
            raise self.error(401, "Not Authorized")

    def token(self, req, m):
        body = self.parse_json(req)
        errors = require_keys(body, ["grant_type", "client_id", "client_secret"])
        if errors:
            raise Invalid(errors)
        if body["grant_type"] != "client_credentials":
            raise Fail(400, {"error": "unsupported_grant_type"})
        if (body["client_id"], body["client_secret"]) != (self.credentials["sfmc_client_id"],
                                                          self.credentials["sfmc_client_secret"]):
            raise self.unauthorized()
        access = f"{ACCESS_TOKEN_PREFIX['sfmc']}{len(self.tokens) + 1}"
        self.tokens.add(access)
        return Answer(200, {"access_token": access, "token_type": "Bearer", "expires_in": 1079,
                            "scope": "journeys_read journeys_write data_extensions_write",
                            "rest_instance_url": req.endpoint + "/",
                            "soap_instance_url": req.endpoint + "/"}, valid=True)

    # journeys
    def check_journey(self, j):
        errors = []
        shape.extra("(root)", j.keys(), self.samples.top, errors)
        errors += [f"(root): '{k}' is a required property"
                   for k in sorted(shape.REQUIRED - j.keys())]
        if "entryMode" in j and j["entryMode"] not in self.samples.entry_modes:
            errors.append(f"entryMode: {j['entryMode']!r} is not a known mode")
        if not all(isinstance(j.get(k, []), list) for k in ("triggers", "activities")):
            return errors + ["triggers/activities: not arrays"]
        if len(j.get("triggers", [])) != 1:
            errors.append(f"triggers: {len(j.get('triggers', []))} triggers (a journey has one)")
        for i, a in enumerate(j.get("activities", [])):
            if not isinstance(a, dict):
                errors.append(f"activities/{i}: not an object")
                continue
            shape.check_activity(f"activities/{i} ({a.get('key')})", a, self.samples, errors)
        if all(isinstance(a, dict) for a in j.get("activities", [])):
            shape.check_graph("activities", j.get("activities", []), errors)
        if contains(j, UNSUBSTITUTED):
            errors.append(f"(root): `{UNSUBSTITUTED}NAME` was not replaced by the id")
        return errors

    def journey(self, jid):
        j = self.collection("journeys").get(jid)
        if j is None:
            raise self.error(404, f"journey {jid} does not exist")
        return j

    def create_journey(self, req, m):
        body = self.parse_json(req)
        errors = self.check_journey(body)
        if errors:
            raise Invalid(errors)
        journeys = self.collection("journeys")
        versions = [j["version"] for j in journeys.values() if j["key"] == body["key"]]
        jid = guid(1, self.new_id("journey"))
        journeys[jid] = dict(body, id=jid, version=max(versions, default=0) + 1, status="Draft",
                             createdDate=now_iso(), modifiedDate=now_iso())
        return Answer(200, journeys[jid], valid=True)

    def version_of(self, req, j):
        number = req.arg("versionNumber")
        if number != str(j["version"]):
            raise self.error(400, f"versionNumber {number!r} is not the version of journey "
                                  f"{j['id']} ({j['version']})")

    def publish(self, req, m):
        j = self.journey(m["id"])
        self.version_of(req, j)
        sid = guid(2, self.new_id("publish"))
        problems = []
        for t in j.get("triggers", []):
            key = t.get("metaData", {}).get("eventDefinitionKey")
            if key and key not in self.collection("eventDefinitions"):
                problems.append(f"entry event definition {key!r} does not exist")
        self.collection("publishes")[sid] = {"journey": j["id"], "errors": problems}
        return Answer(202, {"statusId": sid})

    def publish_status(self, req, m):
        job = self.collection("publishes").get(m["status"])
        if job is None:
            raise self.error(404, f"statusId {m['status']} does not exist")
        seen = self.polls.get(m["status"], 0) + 1
        self.polls[m["status"]] = seen
        if seen <= self.options["publish_polls"]:
            return Answer(200, {"status": "PublishInProcess", "errors": [], "warnings": []})
        if job["errors"]:
            return Answer(200, {"status": "Error", "errors": job["errors"], "warnings": []})
        j = self.journey(job["journey"])
        j.update(status="Published", modifiedDate=now_iso())
        return Answer(200, {"status": "PublishCompleted", "errors": [], "warnings": []})

    def stop(self, req, m):
        j = self.journey(m["id"])
        self.version_of(req, j)
        j.update(status="Stopped", modifiedDate=now_iso())
        return Answer(200, True)

    def read_by_id(self, req, m):
        return Answer(200, self.journey(m["id"]))

    def read_by_key(self, req, m):
        same = [j for j in self.collection("journeys").values() if j["key"] == m["key"]]
        number = req.arg("versionNumber")
        if number:
            same = [j for j in same if str(j["version"]) == number]
        if not same:
            raise self.error(404, f"no journey with key {m['key']!r}")
        return Answer(200, max(same, key=lambda j: j["version"]))

    # data extensions and event definitions
    def create_data_extension(self, req, m):
        body = self.parse_json(req)
        errors = require_keys(body, ["name", "customerKey", "fields"])
        if not errors:
            if not isinstance(body["fields"], list) or not body["fields"]:
                errors.append("fields: a non-empty array is required")
            else:
                for i, f in enumerate(body["fields"]):
                    errors += require_keys(f, ["name", "fieldType"], f"fields/{i}")
        if errors:
            raise Invalid(errors)
        des = self.collection("dataExtensions")
        if any(d["customerKey"] == body["customerKey"] for d in des.values()):
            raise self.error(409, f"a data extension with key {body['customerKey']!r} exists")
        did = guid(3, self.new_id("dataExtension"))
        des[did] = dict(body, id=did)
        return Answer(201, {"id": did, "key": body["customerKey"], "name": body["name"]},
                      valid=True)

    def check_event(self, body):
        errors = require_keys(body, ["eventDefinitionKey", "name", "type"])
        if contains(body, UNSUBSTITUTED):
            errors.append(f"(root): `{UNSUBSTITUTED}NAME` was not replaced by the id")
        else:
            for where in (body, body.get("arguments", {})):
                de = where.get("dataExtensionId") if isinstance(where, dict) else None
                if de and de not in self.collection("dataExtensions"):
                    errors.append(f"dataExtensionId: {de!r} is not a data extension")
        if errors:
            raise Invalid(errors)

    def create_event(self, req, m):
        body = self.parse_json(req)
        self.check_event(body)
        events = self.collection("eventDefinitions")
        if body["eventDefinitionKey"] in events:
            raise self.error(409, f"event definition {body['eventDefinitionKey']!r} exists")
        eid = guid(4, self.new_id("eventDefinition"))
        events[body["eventDefinitionKey"]] = dict(body, id=eid)
        return Answer(201, events[body["eventDefinitionKey"]], valid=True)

    def held_event(self, key):
        event = self.collection("eventDefinitions").get(key)
        if event is None:
            raise self.error(404, f"no event definition {key!r}")
        return event

    def read_event(self, req, m):
        return Answer(200, self.held_event(m["key"]))

    def put_event(self, req, m):
        held = self.held_event(m["key"])
        body = self.parse_json(req)
        self.check_event(body)
        if body["eventDefinitionKey"] != m["key"]:
            raise Invalid(["eventDefinitionKey: differs from the key in the path"])
        self.collection("eventDefinitions")[m["key"]] = dict(body, id=held["id"])
        return Answer(200, self.collection("eventDefinitions")[m["key"]], valid=True)
