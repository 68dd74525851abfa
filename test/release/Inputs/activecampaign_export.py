"""Makes ActiveCampaign exports for drift-activecampaign.test from compiled
`.blocks.json` files: `untouched.json` is nurture_track as ActiveCampaign
returns it (with the creation and modification dates it adds to each
block); `edited.json` is lead_intake after edits in its editor: renamed (so
only the automation id can match it), a wait lengthened, the SMS block deleted."""
import json
import pathlib
import sys

flows, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])


def as_returned(name):
    automation = json.loads((flows / name).read_text())
    for block in automation["blocks"]:
        block.update({"cdate": "2026-11-01T10:00:00-05:00", "mdate": "2026-11-02T10:00:00-05:00"})
    return automation


(out / "untouched.json").write_text(json.dumps(as_returned("nurture_track.blocks.json")))

edited = as_returned("lead_intake.blocks.json")
edited["automation"]["name"] = "Renamed In The Editor"
wait = next(b for b in edited["blocks"] if b["id"] == "4")
assert wait["type"] == "wait" and wait["params"] == {"seconds": 172800}, wait
wait["params"]["seconds"] = 259200
edited["blocks"] = [b for b in edited["blocks"] if b.get("id") != "6"]
(out / "edited.json").write_text(json.dumps(edited))
