"""Makes HubSpot exports (GET /automation/v4/flows/{flowId} answers) from
compiled create requests, for drift.test: `untouched.json` is the nurture
flow as HubSpot returns it unedited (with every field HubSpot assigns, read
from its spec: the properties of ApiContactFlow that the create request does
not have, and the empty defaults it fills in); `edited.json` lists lead_intake after edits in
HubSpot's editor, plus a flow made by hand there."""
import json
import pathlib
import sys

flows, out, spec = (pathlib.Path(arg) for arg in sys.argv[1:4])
schemas = json.loads(spec.read_text())["components"]["schemas"]
assigned = sorted(set(schemas["ApiContactFlow"]["properties"]) -
                  set(schemas["ApiContactFlowCreateRequest"]["properties"]))
example = {"id": "9002", "revisionId": "7", "createdAt": "2026-11-01T10:00:00Z",
           "updatedAt": "2026-11-02T10:00:00Z", "nextAvailableActionId": "50",
           "crmObjectCreationStatus": "COMPLETE"}
assert sorted(example) == assigned, assigned  # a new server field: teach mac drift


def as_returned(name, flow_id):
    flow = json.loads((flows / name).read_text())
    flow.update(example)
    flow.update({"id": flow_id, "blockedDates": [], "timeWindows": flow.get("timeWindows", [])})
    return flow


(out / "untouched.json").write_text(json.dumps(as_returned("nurture_track.json", "9002")))

edited = as_returned("lead_intake.json", "9001")
wait = next(a for a in edited["actions"] if a["actionId"] == "4")
assert wait["fields"] == {"delta": "2", "time_unit": "DAYS"}, wait
wait["fields"]["delta"] = "3"
edited["actions"].append({"actionId": "99", "actionTypeId": "0-9", "actionTypeVersion": 0,
                          "fields": {"message": "added by hand"}, "type": "SINGLE_CONNECTION"})
edited["isEnabled"] = True
by_hand = {"id": "4242", "name": "Made In HubSpot", "type": "CONTACT_FLOW", "actions": []}
(out / "edited.json").write_text(json.dumps({"results": [edited, by_hand]}))
