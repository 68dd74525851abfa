"""The fakes of the two platforms without an API to write automations:
ActiveCampaign and GoHighLevel. mac only reads them to verify what a person
built by hand from DEPLOY.md, so their objects come from --seed:

    {"automations": {"89": {"name": "PRD — Nurture Track", "blocks": [...]}}}   (activecampaign)
    {"workflows": {"wf-1": {"id": "wf-1", "name": "...", "status": "published",
                            "locationId": "loc-1"}}}                          (gohighlevel)

ActiveCampaign: GET /api/3/automations/{id} and /api/3/automations/{id}/blocks
(`{"blocks": [...]}`, the seeded blocks as they are), header `Api-Token`.
GoHighLevel: GET /workflows/?locationId=LOC (`{"workflows": [...]}`, those of
that location), `Authorization: Bearer`, header `Version: 2021-07-28`."""
from fake_common import Answer, Fail, Platform


class ActiveCampaign(Platform):
    name = "activecampaign"

    def setup_routes(self):
        self.route("GET", r"/api/3/automations/(?P<id>\d+)", self.automation)
        self.route("GET", r"/api/3/automations/(?P<id>\d+)/blocks", self.blocks)

    def error(self, status, message, details=None):
        body = {"message": message}
        if details:
            body["errors"] = [{"title": d} for d in details]
        return Fail(status, body)

    def authenticate(self, req):
        if req.header("Api-Token") != self.credentials["ac_token"]:
            raise self.unauthorized()

    def unauthorized(self):
        return self.error(401, "You are not authorized to access this resource")

    def held(self, aid):
        automation = self.collection("automations").get(aid)
        if automation is None:
            raise self.error(404, f"No Result found for Automation with id {aid}")
        return automation

    def automation(self, req, m):
        held = self.held(m["id"])
        return Answer(200, {"automation": {"id": m["id"], "name": held.get("name"),
                                           "status": held.get("status", "1")}})

    def blocks(self, req, m):
        return Answer(200, {"blocks": self.held(m["id"]).get("blocks", [])})


class GoHighLevel(Platform):
    name = "gohighlevel"

    def setup_routes(self):
        self.route("GET", r"/workflows/?", self.workflows)

    def error(self, status, message, details=None):
        return Fail(status, {"statusCode": status, "message": details or message})

    def authenticate(self, req):
        if self.bearer(req) != self.credentials["ghl_token"]:
            raise self.error(401, "Invalid JWT")
        if req.header("Version") != "2021-07-28":
            raise self.error(400, "Version header must be 2021-07-28")

    def workflows(self, req, m):
        location = req.arg("locationId")
        if not location:
            raise self.error(422, "locationId is required")
        found = [w for w in self.collection("workflows").values()
                 if w.get("locationId", location) == location]
        return Answer(200, {"workflows": found})
