"""The fake Marketo: the identity token endpoint (GET /identity/oauth/token)
and the REST calls mac's Marketo flow files make. Every /rest call is matched
to the operation of the official Swagger 2.0 specs (swagger-asset.json,
swagger-mapi.json) by method and path template, its integer path ids are
checked and its body validated against the operation's `in: body` schema
(`#/definitions` resolved), all with test/backends/marketo/validate_calls.py.
The fake then acts on programs, smart campaigns, program tokens and campaign
activation, and answers in Marketo's envelope
`{"requestId", "success", "errors", "warnings", "result": [...]}`; a missing
asset is success:false with code 702, like Marketo. An operation the spec has
but the fake does not implement answers 501."""
import re

import validate_calls  # test/backends/marketo

from fake_common import (ACCESS_TOKEN_PREFIX, Answer, Fail, Invalid, Platform, now_iso,
                         schema_errors)

SPECS = ["marketo/swagger-asset.json", "marketo/swagger-mapi.json"]


class Marketo(Platform):
    name = "marketo"

    def setup_routes(self):
        self.operations = validate_calls.find_operations(
            [validate_calls.load_spec(str(self.specs / s)) for s in SPECS])
        self.tokens = set()  # in memory only: never saved with the state
        self.route("GET", r"/identity/oauth/token", self.token, auth=False)
        for method in ("GET", "POST", "DELETE"):
            self.route(method, r"/rest/.*", self.rest)
        self.handlers = {
            "createProgramUsingPOST": self.create_program,
            "getProgramByIdUsingGET": self.get_program,
            "getProgramByNameUsingGET": self.get_program_by_name,
            "createSmartCampaignUsingPOST": self.create_campaign,
            "getSmartCampaignByIdUsingGET": self.get_campaign,
            "getAllSmartCampaignsGET": self.all_campaigns,
            "activateSmartCampaignUsingPOST": lambda req, v, body: self.activate(v["id"], True),
            "deactivateSmartCampaignUsingPOST": lambda req, v, body: self.activate(v["id"], False),
            "addTokenTOFolderUsingPOST": self.add_token,
            "getTokensByFolderIdUsingGET": self.get_tokens,
            "triggerCampaignUsingPOST": self.run_campaign,
            "scheduleCampaignUsingPOST": self.run_campaign,
        }
        self.requests = 0

    def error(self, status, message, details=None):
        errors = [{"code": str(status), "message": d} for d in (details or [message])]
        return Fail(status, {"success": False, "errors": errors})

    def authenticate(self, req):
        if self.bearer(req) not in self.tokens:
            raise Fail(401, {"success": False, "errors": [
                {"code": "601", "message": "Access token invalid"}]})

    def token(self, req, m):
        if req.arg("grant_type") != "client_credentials":
            raise Fail(400, {"error": "unsupported_grant_type"})
        if (req.arg("client_id"), req.arg("client_secret")) != (
                self.credentials["marketo_client_id"], self.credentials["marketo_client_secret"]):
            raise Fail(401, {"error": "unauthorized",
                             "error_description": "Bad client credentials"})
        access = f"{ACCESS_TOKEN_PREFIX['marketo']}{len(self.tokens) + 1}"
        self.tokens.add(access)
        return Answer(200, {"access_token": access, "token_type": "bearer", "expires_in": 3599,
                            "scope": "deploy@example.com"})

    def envelope(self, result, valid):
        self.requests += 1
        return Answer(200, {"requestId": f"fake#{self.requests}", "success": True, "errors": [],
                            "warnings": [], "result": result}, valid=valid)

    def missing(self, what):
        self.requests += 1
        return Answer(200, {"requestId": f"fake#{self.requests}", "success": False,
                            "errors": [{"code": "702", "message": f"No data found: {what}"}]})

    def rest(self, req, m):
        candidates = [op for ops in self.operations.values() for op in ops
                      if op.method == req.method and validate_calls.match(op.template, req.path)
                      is not None]
        if not candidates:
            raise self.error(404, f"no Marketo operation {req.method} {req.path}")
        op = candidates[0]
        values = validate_calls.match(op.template, req.path)
        errors = []
        for param in op.params:
            if param.get("in") == "path" and op.param_type(param) == "integer" \
                    and not re.fullmatch(r"\d+", values.get(param["name"], "")):
                errors.append(f"path parameter {param['name']}={values.get(param['name'])!r} "
                              "is not an integer")
            if param.get("in") == "query" and param.get("required") \
                    and req.arg(param["name"]) is None:
                errors.append(f"query parameter {param['name']} is required")
        schema, required = op.body_schema()
        body, valid = None, None
        if schema is None:
            if req.body.strip():
                errors.append(f"{op.op['operationId']} takes no body")
        elif req.body.strip() or required:
            body = self.parse_json(req)
            errors += [f"body {e}" for e in schema_errors(op.validator(schema), body)]
            valid = True
        if errors:
            raise Invalid(errors)
        handler = self.handlers.get(op.op["operationId"])
        if handler is None:
            raise self.error(501, f"the fake does not implement {op.op['operationId']}")
        answer = handler(req, values, body)
        if answer.valid is None:
            answer.valid = valid
        return answer

    # programs
    def create_program(self, req, v, body):
        programs = self.collection("programs")
        if any(p["name"] == body["name"] for p in programs.values()):
            self.requests += 1
            return Answer(200, {"requestId": f"fake#{self.requests}", "success": False, "errors": [
                {"code": "709", "message": f"Program '{body['name']}' already exists"}]},
                          valid=True)
        pid = self.new_id("asset", taken=self.taken())
        programs[str(pid)] = dict(body, id=pid, createdAt=now_iso(), updatedAt=now_iso(),
                                  status="unlocked")
        return self.envelope([programs[str(pid)]], True)

    def taken(self):
        """Programs and campaigns share one id space (a seeded id is never reused)."""
        return set(self.collection("programs")) | set(self.collection("smartCampaigns"))

    def get_program(self, req, v, body):
        program = self.collection("programs").get(v["id"])
        return self.envelope([program], None) if program else self.missing(f"program {v['id']}")

    def get_program_by_name(self, req, v, body):
        found = [p for p in self.collection("programs").values() if p["name"] == req.arg("name")]
        return self.envelope(found, None) if found else self.missing(f"program {req.arg('name')!r}")

    # smart campaigns
    def create_campaign(self, req, v, body):
        folder = body["folder"]
        if folder["type"] == "Program" and str(folder["id"]) not in self.collection("programs"):
            return self.missing(f"program {folder['id']}")
        campaigns = self.collection("smartCampaigns")
        cid = self.new_id("asset", taken=self.taken())
        campaigns[str(cid)] = dict(body, id=cid, isActive=False, status="Never Run",
                                   createdAt=now_iso(), updatedAt=now_iso())
        return self.envelope([campaigns[str(cid)]], True)

    def get_campaign(self, req, v, body):
        campaign = self.collection("smartCampaigns").get(v["id"])
        return self.envelope([campaign], None) if campaign else self.missing(f"campaign {v['id']}")

    def all_campaigns(self, req, v, body):
        return self.envelope(list(self.collection("smartCampaigns").values()), None)

    def activate(self, cid, active):
        campaign = self.collection("smartCampaigns").get(cid)
        if campaign is None:
            return self.missing(f"campaign {cid}")
        campaign.update(isActive=active, status="Active" if active else "Inactive",
                        updatedAt=now_iso())
        return self.envelope([{"id": int(cid)}], None)

    def run_campaign(self, req, v, body):
        campaign = self.collection("smartCampaigns").get(v["campaignId"])
        if campaign is None:
            return self.missing(f"campaign {v['campaignId']}")
        campaign["runs"] = campaign.get("runs", 0) + 1
        return self.envelope([{"id": int(v["campaignId"])}], None)

    # program tokens
    def add_token(self, req, v, body):
        kind = body.get("folderType", "Folder")
        if kind == "Program" and v["id"] not in self.collection("programs"):
            return self.missing(f"program {v['id']}")
        tokens = self.collection("tokens").setdefault(v["id"], {})
        tokens[body["name"]] = {k: body[k] for k in ("name", "type", "value") if k in body}
        return self.envelope([self.folder_tokens(v["id"], body.get("folderType", "Folder"))], True)

    def folder_tokens(self, fid, kind):
        tokens = self.collection("tokens").get(fid, {})
        return {"folder": {"id": int(fid), "type": kind},
                "tokens": [tokens[name] for name in sorted(tokens)]}

    def get_tokens(self, req, v, body):
        return self.envelope([self.folder_tokens(v["id"], req.arg("folderType", "Folder"))], None)

