#!/usr/bin/env python3
"""Compares the SHAPE of every journey the sfmc backend emitted with real
Journey Builder payloads. SFMC publishes no schema for
`POST /interaction/v1/interactions`; shared/specs/sfmc/ holds real journeys
(GET responses captured as test fixtures by a public tool) and real event
definitions. A journey passes when:
  - its top-level keys are among those the samples show, and the keys a
    create body needs are present;
  - `entryMode` is a value seen in the samples or one of the three documented
    modes; `triggers` is one trigger shaped like the samples' triggers;
  - every activity's `type` is one the samples show (or one of the two types
    below that they do not show); its configurationArguments, arguments,
    triggeredSend and metaData keys are subsets of what the samples show for
    that type, and its own keys and outcome keys subsets of what they show
    for any activity (the envelope and outcomes are the same for all types);
  - `outcomes[].next` names existing activities, keys are unique, every
    activity is reachable from the first one, and no path loops back to an
    activity already on it. Several outcomes may name one activity: that is
    Journey Builder's join ("Multiple outcomes with the same next value,
    pointing to the same activity, constitutes a join", Salesforce's "Join
    Activity Format" page of the Journey Specification);
  - each event definition the triggers name exists in
    assets/event-definitions/ and is shaped like a sample item of its type.

    check_journey_shape.py --samples SHARED/specs/sfmc OUT/sfmc"""
import argparse
import json
import pathlib
import sys

# Shapes the samples do not show, with where they come from (key names only).
DOCUMENTED_ACTIVITIES = {
    # Accenture/sfmc-devtools test fixture interactions/key_smsParityJourney
    # (commit e6df458e7596d718c13e0fefd5a6e33c86370a8c): an SMSSYNC activity.
    "SMSSYNC": {"keys": {"id", "key", "name", "description", "type", "outcomes", "arguments",
                         "configurationArguments", "metaData", "schema"},
                "configurationArguments": {"messageId"},
                "metaData": {"category", "isConfigured"}},
    # Salesforce "Journey Specification Example" and "Example REST Activity":
    # a REST activity's arguments.execute (url, verb, body, format, useJwt,
    # headers, inArguments, outArguments, timeout, retryCount, retryDelay).
    "REST": {"keys": {"id", "key", "name", "description", "type", "outcomes", "arguments",
                      "configurationArguments", "metaData", "schema"},
             "configurationArguments": set(),
             "metaData": {"category", "isConfigured"},
             "arguments": {"execute"}},
}
# Salesforce "Wait Format": specifiedTime and timeZoneId extend a WAIT;
# waitUnit is minutes, hours, days, weeks or months.
DOCUMENTED_WAIT_ARGUMENTS = {"specifiedTime", "timeZoneId"}
WAIT_UNITS = {"MINUTES", "HOURS", "DAYS", "WEEKS", "MONTHS"}
# shared/specs/README.md: the three entry modes of a journey.
DOCUMENTED_ENTRY_MODES = {"OnceAndDone", "SingleEntryAcrossAllVersions", "MultipleEntries"}
# Salesforce "Goals" page: the keys of a goal.
GOAL_KEYS = {"key", "name", "description", "type", "outcomes", "arguments",
             "configurationArguments", "metaData"}
GOAL_METADATA = {"conversionValue", "conversionUnit", "conversionTypeId", "isExitCriteria",
                 "eventDefinitionKey", "eventDefinitionId"}
# Keys a create body must have (Journey Specification).
REQUIRED = {"key", "name", "workflowApiVersion", "entryMode", "triggers", "activities"}


def union(sets):
    out = set()
    for s in sets:
        out |= set(s)
    return out


class Samples:
    def __init__(self, folder):
        self.journeys = []
        for path in sorted(pathlib.Path(folder).glob("sample_interaction_*.json")):
            data = json.loads(path.read_text(encoding="utf-8"))
            if "activities" in data:
                self.journeys.append(data)
        events = json.loads((pathlib.Path(folder) / "sample_eventDefinitions.json").read_text())
        self.events = events["items"]
        if not self.journeys or not self.events:
            sys.exit("no samples in " + str(folder))
        self.top = union(j.keys() for j in self.journeys)
        self.entry_modes = {j["entryMode"] for j in self.journeys} | DOCUMENTED_ENTRY_MODES
        triggers = [t for j in self.journeys for t in j["triggers"]]
        self.trigger_keys = union(t.keys() for t in triggers)
        self.trigger_meta = union(t["metaData"].keys() for t in triggers)
        self.trigger_types = {t["type"] for t in triggers} | {e["type"] for e in self.events}
        self.activities = {}
        for a in (a for j in self.journeys for a in j["activities"]):
            shape = self.activities.setdefault(a["type"], {
                "keys": set(), "configurationArguments": set(), "metaData": set(),
                "arguments": set(), "outcome": set(), "triggeredSend": set()})
            shape["keys"] |= a.keys()
            shape["configurationArguments"] |= a.get("configurationArguments", {}).keys()
            shape["metaData"] |= a.get("metaData", {}).keys()
            shape["arguments"] |= a.get("arguments", {}).keys()
            shape["triggeredSend"] |= a.get("configurationArguments", {}).get("triggeredSend", {}).keys()
            for o in a["outcomes"]:
                shape["outcome"] |= o.keys()
                shape.setdefault("outcomeMeta", set()).update(o.get("metaData", {}).keys())
        # Outcomes and the activity envelope (id, key, name, ...) are the same
        # Journey Specification objects for every type: compare them with the
        # union over all sample activities.
        outcome = union(s["outcome"] for s in self.activities.values())
        outcome_meta = union(s.get("outcomeMeta", set()) for s in self.activities.values())
        envelope = union(s["keys"] for s in self.activities.values())
        for shape in self.activities.values():
            shape["outcome"], shape["outcomeMeta"] = outcome, outcome_meta
            shape["keys"] = envelope
        for name, shape in DOCUMENTED_ACTIVITIES.items():
            if name in self.activities:
                continue
            self.activities[name] = {"keys": shape["keys"], "metaData": shape["metaData"],
                                     "configurationArguments": shape["configurationArguments"],
                                     "arguments": shape.get("arguments", set()),
                                     "outcome": outcome, "outcomeMeta": outcome_meta,
                                     "triggeredSend": set()}
        self.activities["WAIT"]["configurationArguments"] |= DOCUMENTED_WAIT_ARGUMENTS


def extra(where, got, allowed, errors):
    for key in sorted(set(got) - set(allowed)):
        errors.append(f"{where}: key `{key}` is not in the samples")


def check_activity(where, a, samples, errors):
    shape = samples.activities.get(a.get("type"))
    if shape is None:
        errors.append(f"{where}: activity type `{a.get('type')}` is not in the samples")
        return
    extra(where, a.keys(), shape["keys"], errors)
    extra(where + ".configurationArguments", a.get("configurationArguments", {}).keys(),
          shape["configurationArguments"], errors)
    extra(where + ".metaData", a.get("metaData", {}).keys(), shape["metaData"], errors)
    extra(where + ".arguments", a.get("arguments", {}).keys(), shape["arguments"], errors)
    send = a.get("configurationArguments", {}).get("triggeredSend")
    if send is not None:
        extra(where + ".triggeredSend", send.keys(), shape["triggeredSend"], errors)
    if a["type"] == "WAIT" and a["configurationArguments"].get("waitUnit") not in WAIT_UNITS:
        errors.append(f"{where}: waitUnit `{a['configurationArguments'].get('waitUnit')}`")
    if not isinstance(a.get("outcomes"), list):
        errors.append(f"{where}: outcomes is not a list")
        return
    for i, o in enumerate(a["outcomes"]):
        extra(f"{where}.outcomes[{i}]", o.keys(), shape["outcome"], errors)
        extra(f"{where}.outcomes[{i}].metaData", o.get("metaData", {}).keys(),
              shape.get("outcomeMeta", set()), errors)


def check_graph(name, activities, errors):
    keys = [a.get("key") for a in activities]
    if len(set(keys)) != len(keys):
        errors.append(f"{name}: activity keys are not unique")
    known = set(keys)
    for a in activities:
        for o in a.get("outcomes", []):
            target = o.get("next")
            if target is not None and target not in known:
                errors.append(f"{name}: `{a['key']}` goes to `{target}`, which does not exist")
    nexts = {a["key"]: [o.get("next") for o in a.get("outcomes", []) if o.get("next") in known]
             for a in activities}
    # A loop: an outcome back to an activity still on the depth-first path.
    state = {}  # key -> "open" (on the path) or "done"
    for root in keys:
        if root in state:
            continue
        state[root] = "open"
        stack = [(root, iter(nexts.get(root, [])))]
        while stack:
            key, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[key] = "done"
                stack.pop()
            elif state.get(child) == "open":
                errors.append(f"{name}: `{key}` loops back to `{child}`")
            elif child not in state:
                state[child] = "open"
                stack.append((child, iter(nexts.get(child, []))))
    if activities:
        seen, todo = set(), [keys[0]]
        while todo:
            key = todo.pop()
            if key in seen or key not in nexts:
                continue
            seen.add(key)
            todo.extend(nexts[key])
        for key in keys:
            if key not in seen:
                errors.append(f"{name}: `{key}` is not reachable from `{keys[0]}`")


def check_event_definition(where, event, samples, errors):
    same = [e for e in samples.events if e["type"] == event.get("type")]
    if not same:
        errors.append(f"{where}: event type `{event.get('type')}` is not in the samples")
        return
    extra(where, event.keys(), union(e.keys() for e in same), errors)
    extra(where + ".arguments", event.get("arguments", {}).keys(),
          union(e.get("arguments", {}).keys() for e in same), errors)
    extra(where + ".metaData", event.get("metaData", {}).keys(),
          union(e.get("metaData", {}).keys() for e in same), errors)
    if "schedule" in event:
        extra(where + ".schedule", event["schedule"].keys(),
              union(e.get("schedule", {}).keys() for e in same), errors)


def check_journey(path, out, samples, errors):
    name = path.name
    j = json.loads(path.read_text(encoding="utf-8"))
    extra(name, j.keys(), samples.top, errors)
    for key in sorted(REQUIRED - j.keys()):
        errors.append(f"{name}: required key `{key}` is missing")
    if j.get("entryMode") not in samples.entry_modes:
        errors.append(f"{name}: entryMode `{j.get('entryMode')}` is not a known mode")
    triggers = j.get("triggers", [])
    if len(triggers) != 1:
        errors.append(f"{name}: {len(triggers)} triggers (a journey has one entry source)")
    for t in triggers:
        extra(name + ".triggers[0]", t.keys(), samples.trigger_keys, errors)
        extra(name + ".triggers[0].metaData", t.get("metaData", {}).keys(), samples.trigger_meta,
              errors)
        if t.get("type") not in samples.trigger_types:
            errors.append(f"{name}: trigger type `{t.get('type')}` is not in the samples")
        key = t.get("metaData", {}).get("eventDefinitionKey")
        event = out / "assets" / "event-definitions" / f"{key}.json"
        if not event.is_file():
            errors.append(f"{name}: event definition `{key}` was not emitted")
        else:
            check_event_definition(event.name, json.loads(event.read_text()), samples, errors)
    for i, a in enumerate(j.get("activities", [])):
        check_activity(f"{name}.activities[{i}] ({a.get('key')})", a, samples, errors)
    for i, g in enumerate(j.get("goals", [])):
        extra(f"{name}.goals[{i}]", g.keys(), GOAL_KEYS, errors)
        extra(f"{name}.goals[{i}].metaData", g.get("metaData", {}).keys(), GOAL_METADATA, errors)
    check_graph(name, j.get("activities", []), errors)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", required=True)
    parser.add_argument("out", help="the sfmc target folder of a build (OUT/sfmc)")
    args = parser.parse_args()
    samples = Samples(args.samples)
    out = pathlib.Path(args.out)
    journeys = sorted((out / "flows").glob("*.json"))
    if not journeys:
        sys.exit(f"error: no journeys in {out / 'flows'}")
    errors = []
    for path in journeys:
        check_journey(path, out, samples, errors)
    for e in errors:
        print("error:", e)
    if errors:
        return 1
    print(f"ok: {len(journeys)} journey(s) match the samples' shape")
    return 0


if __name__ == "__main__":
    sys.exit(main())
