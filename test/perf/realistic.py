"""The `--realistic` bundle of generate_bundle.py: N flows that use, in a
deterministic mix, every construct of LANGUAGE.md (every trigger, wait,
condition and action kind, goals, reenrol, dedupe, throttles, flow-level
policies, quiet hours, consent for email/SMS/push, suppressions, `mac-ignore`,
flags, environments, webhooks, segments, `test` blocks), with mistakes
injected at a known rate (MISTAKES below).

Each flow is first built as a plain dict (the "model": triggers, settings,
policies, a tree of steps and conditions, and the templates and webhooks it
uses), then rendered twice from that one model: as `.flow` source, and as one
JSON document per flow for the peers (ajv-cli, Spectral). So both sides see
the same content.

Everything is a function of (N, options): the same call gives the same bytes.
`exclude` names constructs of `mac targets` (e.g. `send-push`) that must not
appear, so that a bundle builds for targets that refuse them; each has a
stand-in that keeps the flow's shape (see `Flow.has`)."""
import json
import os

# Mistakes injected into the bundle: flow i gets mistake m when
# i % period == offset (the trigger loop takes the two flows offset and
# offset + 1). `per` is how many diagnostics of `code` one instance gives.
MISTAKES = [
    # name, code, period, offset, per, what the flow does wrong
    ("consent-missing", "MAC3001", 100, 42, 1, "sends a marketing email with no consent check (1 % of flows)"),
    ("trigger-loop", "MAC2001", 400, 200, 1,
     "two flows add each other's trigger tag, reenroll after 30d (0.5 % of flows, one loop per 400)"),
    ("unsubscribe-missing", "MAC3005", 200, 123, 2,
     "its email has neither an unsubscribe link nor one-click: two findings (0.5 %)"),
    ("sms-opt-out-missing", "MAC3004", 200, 61, 1, "its SMS text has no STOP/HELP language (0.5 %)"),
    ("insecure-link", "MAC4004", 200, 181, 1, "its email links with http:// (0.5 %)"),
]
# Not a mistake: 1 % of flows send before any consent check under a
# `mac-ignore consent-missing: reason`, which must suppress the MAC3001.
# (`ignores=False` leaves them out: `mac build` of 2026-11-21 skips every
# backend when an error was reported, even one a `mac-ignore` then
# suppresses, and writes an empty OUT with exit status 0.)
IGNORED = (100, 77)

GROUP = 100  # flows per file, and per group of shared assets (flags, segments, team)


def mistakeOf(i, n, enabled):
    if not enabled:
        return None
    for name, _, period, offset, _, _ in MISTAKES:
        if name == "trigger-loop":
            # Only whole pairs: both flows must exist.
            if i % period in (offset, offset + 1) and (i - i % period) + offset + 1 < n:
                return name
        elif i % period == offset:
            return name
    return None


def expectedCounts(n, enabled):
    counts = {}
    for i in range(n):
        m = mistakeOf(i, n, enabled)
        if m is None:
            continue
        name, code, _, _, per, _ = next(x for x in MISTAKES if x[0] == m)
        # A loop is one diagnostic per pair (counted on its first flow).
        if name == "trigger-loop" and i % 2 == 1:
            continue
        counts[code] = counts.get(code, 0) + per
    return counts


# ---- the model of one flow ---------------------------------------------------


def cmp(field, op, value):
    return {"kind": "compare", "field": field, "op": op, "value": value}


def both(*args):
    return {"kind": "and", "args": list(args)}


def either(*args):
    return {"kind": "or", "args": list(args)}


def consent(channel):
    return {"kind": "consent", "channel": channel}


def ifThen(cond, steps, elifs=(), otherwise=None):
    branches = [{"cond": cond, "steps": steps}] + [{"cond": c, "steps": s} for c, s in elifs]
    node = {"kind": "if", "branches": branches}
    if otherwise is not None:
        node["else"] = otherwise
    return node


class Flow:
    """Builds the model of flow i of n (see module doc)."""

    def __init__(self, i, n, mistakes, exclude, ignores=True):
        self.i, self.n, self.g = i, n, i // GROUP
        self.exclude, self.ignores = exclude, ignores
        self.mistake = mistakeOf(i, n, mistakes)
        self.emails, self.sms, self.push, self.webhooks = [], [], [], []

    def has(self, construct):
        return construct not in self.exclude

    def ahead(self, k):
        """Flow i+k when it exists (a forward edge of the trigger graph), else None."""
        return self.i + k if self.i + k < self.n else None

    def triggerKind(self):
        i = self.i
        if self.mistake == "trigger-loop":
            return "tag"
        if i % 50 == 7:
            return "schedule" if self.has("trigger-schedule") else "form"
        kind = ["form", "tag", "list", "event", "field", "field_to", "form", "tag"][i % 8]
        if kind in ("field", "field_to") and not self.has("trigger-field-changed"):
            return "event"
        return kind

    def triggers(self):
        i, kind = self.i, self.triggerKind()
        t = {
            "form": {"kind": "form_submitted", "form": f"Form {i}"},
            "tag": {"kind": "tag_added", "tag": f"t{i}"},
            "list": {"kind": "list_joined", "list": f"l{i}"},
            "event": {"kind": "event", "event": f"ev{i}"},
            "field": {"kind": "field_changed", "field": f"fc{i}"},
            "field_to": {"kind": "field_changed", "field": f"fe{i}", "to": "Active"},
            "schedule": {"kind": "schedule", "at": f"{(i // 50) % 24:02d}:{(i // 50 // 24) % 60:02d}"},
        }[kind]
        out = [t]
        if i % 5 == 0 and kind != "schedule" and self.mistake != "trigger-loop":
            out.append({"kind": "event", "event": f"alt{i}"})
        return out

    def email(self, suffix, transactional=False):
        i, g = self.i, self.g
        tid = f"e{i}{suffix}"
        scheme = "http" if self.mistake == "insecure-link" and suffix == "" else "https"
        body = (f'<p>Hi {{{{first_name | default: \'there\'}}}},</p><p>News for {{{{company | default: \'your team\'}}}}'
                f' from Acme, issue {i}.</p><p><a href="{scheme}://acme.com/p/{i}{suffix}?utm_source=email'
                f'&utm_campaign=c{g}">Read more</a></p><p>Acme Inc., 100 Main Street, Springfield, IL 62701</p>')
        marketing = not transactional and not (self.mistake == "unsubscribe-missing" and suffix == "")
        if marketing:
            body += '<p><a href="{{unsubscribe_url}}">Unsubscribe</a></p>'
        e = {"id": tid, "name": f"Email {i}{suffix}", "from": "Acme Marketing <hello@acme.com>",
             "subject": f"{{{{first_name | default: 'Hi'}}}}, update {i}{suffix}", "body": body}
        if marketing:
            e["unsubscribe"] = "one_click"
        if transactional:
            e["transactional"] = True
        self.emails.append(e)
        return {"kind": "send", "template": tid, "channel": "email"}

    def smsSend(self):
        i = self.i
        text = f"Acme: offer {i} for {{{{first_name | default: 'you'}}}}."
        if self.mistake != "sms-opt-out-missing":
            text += " Reply STOP to opt out, HELP for help."
        self.sms.append({"id": f"s{i}", "name": f"SMS {i}", "text": text})
        return {"kind": "send", "template": f"s{i}", "channel": "sms"}

    def pushSend(self):
        i = self.i
        self.push.append({"id": f"p{i}", "name": f"Push {i}", "title": f"Acme {i}",
                          "text": f"Your offer {i} is waiting, {{{{first_name | default: 'friend'}}}}."})
        return {"kind": "send", "template": f"p{i}", "channel": "push"}

    def webhook(self):
        k = self.i // 10
        w = {"id": f"w{k}", "name": f"Hook {k}", "method": "POST",
             "urls": {"": f"https://hooks.acme.com/{k}", "stage": f"https://hooks.stage.acme.test/{k}",
                      "dev": f"https://hooks.dev.acme.test/{k}"},
             "headers": [{"name": "Authorization", "secret": "HOOK_TOKEN"}, {"name": "X-Source", "value": "mac"}],
             "payload": ["email", "lead_status", "score"], "retry": {"count": 3, "backoff": "30s"},
             "dead_letter": f"dlq-{k}", "alert": "#mops-alerts"}
        self.webhooks.append(w)
        return {"kind": "call", "webhook": w["id"]}

    def build(self):
        i, g, m = self.i, self.g, self.mistake
        unguarded = m == "consent-missing" or (self.ignores and i % IGNORED[0] == IGNORED[1])
        requireConsent = i % 10 != 9 and not unguarded
        settings = {"reenroll": "30d" if m == "trigger-loop" or i % 3 == 1 else "never",
                    "dedupe": ["email", "phone"] if i % 2 else ["email"]}
        if i % 4 == 0:
            settings["throttle"] = ["100/hour", "500/day", "10/min", "3/week"][i // 4 % 4]
        settings["goal"] = cmp("lead_status", "==", "SQL") if i % 6 != 5 else cmp("score", ">=", 100)
        require = []
        if requireConsent:
            require.append(consent("email"))
        if i % 6 == 2:
            require.append({"kind": "not", "arg": {"kind": "in_list", "list": "do_not_contact"}})
        if i % 6 == 4:
            require.append({"kind": "is", "field": "email", "state": "set"})
        settings["require"] = require
        policies = []
        if i % 7 == 0:
            policies.append({"kind": "suppress_segment", "segment": f"cold{g}"})
        elif i % 7 == 3:
            policies.append({"kind": "quiet_hours", "channel": "sms", "from": "20:00", "to": "09:00",
                             "zone": "recipient_local"})

        # 1. qualify and welcome
        welcome = self.email("")
        if unguarded and m != "consent-missing":
            welcome["ignore"] = "consent-missing: double opt-in confirmation is exempt"
        elif not requireConsent and not unguarded:
            welcome = ifThen(consent("email"), [welcome])
        first = [{"kind": "set", "field": "lead_status", "value": "Nurturing"}, welcome]
        if i % 20 == 3:
            first.insert(0, self.email("_tx", transactional=True))
        first.append({"kind": "increment", "field": "score", "by": 5} if self.has("increment")
                     else {"kind": "set", "field": "score", "value": 5})
        nurture = [{"kind": "add_to_list", "list": f"l{self.ahead(5)}" if self.ahead(5) else "l_sink"},
                   ifThen(cmp("score", ">=", 40), [{"kind": "set", "field": "lead_status", "value": "MQL"}])]
        steps = [ifThen(both(cmp("lead_status", "==", "Prospect"), cmp("score", "<", 50)), first,
                        [({"kind": "in", "field": "lead_status", "values": ["Nurturing"]}, nurture)],
                        [{"kind": "stop"}] if i % 4 == 2 else None)]

        # 2. wait, then SMS / second email / push, each re-checking consent
        steps.append([{"kind": "wait", "duration": "2d"}, {"kind": "wait_until", "time": "09:00"},
                      {"kind": "wait_event", "event": f"opened{i}", "timeout": "3d"}][i % 3])
        steps.append(ifThen(both(consent("sms"), {"kind": "is", "field": "phone", "state": "set"}),
                            [self.smsSend()]))
        if i % 2 == 0:
            steps.append(ifThen(both(consent("email"), {"kind": "has_tag", "tag": f"vip{g}"}), [self.email("b")]))
        if i % 4 == 1 and self.has("send-push"):
            steps.append(ifThen(consent("push"), [self.pushSend()]))

        # 3. route: flag → webhook, else owner
        if self.has("assign-owner"):
            owner = {"kind": "assign_owner", "mode": "round_robin", "owner": f"Team {g}"} if i % 2 else \
                {"kind": "assign_owner", "mode": "user", "owner": f"owner{g}@acme.com"}
        else:
            owner = {"kind": "set", "field": "owner_team", "value": f"Team {g}"}
        flag = [f"router{g}", f"pilot{g}", f"launch{g}", f"live{g}"][i % 4]
        steps.append(ifThen({"kind": "flag", "flag": flag}, [self.webhook()], otherwise=[owner]))

        # 4. alert sales on some leads (every condition kind, in turn)
        hot = [
            both(either({"kind": "text", "field": "company", "op": "contains", "value": "Inc"},
                        {"kind": "text", "field": "email", "op": "ends_with", "value": "@acme.com"}),
                 {"kind": "is", "field": "utm_campaign", "state": "set"}),
            both({"kind": "in_segment", "segment": f"hot{g}"}, cmp("score", ">", 20)),
            both({"kind": "text", "field": "utm_campaign", "op": "starts_with", "value": "fall"},
                 cmp("lead_status", "!=", "Prospect")),
            either(cmp("score", "<=", 10), {"kind": "not", "arg": {"kind": "is", "field": "company",
                                                                   "state": "empty"}}),
        ][i % 4]
        alert = {"kind": "notify", "channel": "#sales", "message": f"Lead {{{{email}}}} in flow {i}"} \
            if self.has("notify") else {"kind": "add_tag", "tag": f"sales{g}"}
        steps.append(ifThen(hot, [alert]))

        # 5. hand over: fire later flows' triggers (forward edges only, so no loop)
        nxt = self.ahead(3)
        steps.append(ifThen({"kind": "in_list", "list": f"members{g}"},
                            [{"kind": "add_tag", "tag": f"t{nxt}" if nxt else "t_sink"}]))
        if m == "trigger-loop":
            mate = i + 1 if i % 2 == 0 else i - 1
            steps.append({"kind": "add_tag", "tag": f"t{mate}"})
        steps.append({"kind": "remove_tag", "tag": f"new{g}"})
        steps.append({"kind": "remove_from_list", "list": f"webinar{g}"})
        nxt = self.ahead(7)
        if self.has("emit-event"):
            steps.append({"kind": "emit", "event": f"ev{nxt}" if nxt else "ev_sink"})
        return {"id": f"f{i}", "name": f"Flow {i}", "triggers": self.triggers(), "settings": settings,
                "policies": policies, "steps": steps}

    def document(self):
        """The JSON document of this flow: the flow and every asset it uses."""
        flow = self.build()
        return {"bundle": {"id": "perf", "senders": ["acme.com"]}, "flow": flow,
                "assets": {"emails": self.emails, "sms": self.sms, "push": self.push,
                           "webhooks": self.webhooks}}


# ---- rendering as .flow source ------------------------------------------------------


def lit(v):
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return str(v)
    return json.dumps(v)


def cond(c, parent=None):
    k = c["kind"]
    if k in ("and", "or"):
        text = f" {k} ".join(cond(a, k) for a in c["args"])
        return f"({text})" if parent in ("and", "not") and k == "or" or parent == "not" else text
    if k == "not":
        return "not " + cond(c["arg"], "not")
    if k == "compare":
        return f'{c["field"]} {c["op"]} {lit(c["value"])}'
    if k == "in":
        return f'{c["field"]} in [{", ".join(lit(v) for v in c["values"])}]'
    if k == "text":
        return f'{c["field"]} {c["op"]} {lit(c["value"])}'
    if k == "is":
        return f'{c["field"]} is {c["state"]}'
    if k == "consent":
        return f'consent {c["channel"]}'
    if k == "flag":
        return f'flag {c["flag"]}'
    if k == "in_list":
        return f'in list {c["list"]}'
    if k == "in_segment":
        return f'in segment {c["segment"]}'
    if k == "has_tag":
        return f'has tag {c["tag"]}'
    raise ValueError(k)


def stmt(s, ind):
    p = "  " * ind
    out = []
    if "ignore" in s:
        out.append(f'{p}// mac-ignore {s["ignore"]}')
    k = s["kind"]
    if k == "if":
        for n, b in enumerate(s["branches"]):
            head = "if" if n == 0 else "} else if"
            out.append(f'{p}{head} {cond(b["cond"])} {{')
            out += [stmt(x, ind + 1) for x in b["steps"]]
        if "else" in s:
            out.append(f"{p}}} else {{")
            out += [stmt(x, ind + 1) for x in s["else"]]
        out.append(f"{p}}}")
        return "\n".join(out)
    line = {
        "set": lambda: f'set {s["field"]} = {lit(s["value"])};',
        "send": lambda: f'send {s["template"]};',
        "wait": lambda: f'wait {s["duration"]};',
        "wait_until": lambda: f'wait until {s["time"]};',
        "wait_event": lambda: f'wait for event {lit(s["event"])} timeout {s["timeout"]};',
        "call": lambda: f'call {s["webhook"]};',
        "assign_owner": lambda: f'assign owner {s["mode"]} {lit(s["owner"])};',
        "add_tag": lambda: f'add tag {s["tag"]};',
        "remove_tag": lambda: f'remove tag {s["tag"]};',
        "add_to_list": lambda: f'add to list {s["list"]};',
        "remove_from_list": lambda: f'remove from list {s["list"]};',
        "increment": lambda: f'increment {s["field"]} by {s["by"]};',
        "notify": lambda: f'notify {lit(s["channel"])} {lit(s["message"])};',
        "emit": lambda: f'emit event {lit(s["event"])};',
        "stop": lambda: "stop;",
    }[k]()
    out.append(p + line)
    return "\n".join(out)


def trigger(t):
    k = t["kind"]
    return {
        "form_submitted": lambda: f'on form_submitted {lit(t["form"])};',
        "tag_added": lambda: f'on tag_added {t["tag"]};',
        "list_joined": lambda: f'on list_joined {t["list"]};',
        "field_changed": lambda: f'on field_changed {t["field"]}' + (f' to {lit(t["to"])};' if "to" in t else ";"),
        "event": lambda: f'on event {lit(t["event"])};',
        "schedule": lambda: f'on schedule daily at {t["at"]};',
    }[k]()


def policy(pl):
    k = pl["kind"]
    if k == "suppress_segment":
        return f'suppress segment {pl["segment"]};'
    if k == "suppress_list":
        return f'suppress list {pl["list"]};'
    if k == "quiet_hours":
        return f'quiet_hours {pl["channel"]} {pl["from"]}..{pl["to"]} {pl["zone"]};'
    raise ValueError(k)


def flowSource(f):
    s = f["settings"]
    lines = [f'flow {f["id"]} {lit(f["name"])} {{']
    lines += ["  " + trigger(t) for t in f["triggers"]]
    lines.append(f'  reenroll {"never" if s["reenroll"] == "never" else "after " + s["reenroll"]};')
    lines.append(f'  dedupe by {", ".join(s["dedupe"])};')
    if "throttle" in s:
        lines.append(f'  throttle {s["throttle"]};')
    lines += ["  " + policy(p) for p in f["policies"]]
    lines.append(f'  goal {cond(s["goal"])};')
    lines += [f"  require {cond(r)};" for r in s["require"]]
    lines.append("")
    lines += [stmt(x, 1) for x in f["steps"]]
    lines.append("}")
    return "\n".join(lines) + "\n"


def templateSource(doc):
    out = []
    for e in doc["assets"]["emails"]:
        props = [f'from {lit(e["from"])};', f'subject {lit(e["subject"])};', f'body """{e["body"]}""";']
        if e.get("transactional"):
            props.insert(0, "transactional;")
        if "unsubscribe" in e:
            props.append(f'unsubscribe {e["unsubscribe"]};')
        out.append(f'email {e["id"]} {lit(e["name"])} {{\n' + "".join(f"  {p}\n" for p in props) + "}")
    for t in doc["assets"]["sms"]:
        out.append(f'sms {t["id"]} {lit(t["name"])} {{ text {lit(t["text"])}; }}')
    for t in doc["assets"]["push"]:
        out.append(f'push {t["id"]} {lit(t["name"])} {{ title {lit(t["title"])}; text {lit(t["text"])}; }}')
    return "\n".join(out) + "\n"


def webhookSource(w):
    props = [f'method {w["method"]};']
    props += [f'url {env + " " if env else ""}{lit(u)};' for env, u in w["urls"].items()]
    for h in w["headers"]:
        props.append(f'header {lit(h["name"])} secret {lit(h["secret"])};' if "secret" in h
                     else f'header {lit(h["name"])} {lit(h["value"])};')
    props += [f'payload {", ".join(w["payload"])};', f'retry {w["retry"]["count"]} backoff {w["retry"]["backoff"]};',
              f'dead_letter {lit(w["dead_letter"])};', f'alert {lit(w["alert"])};']
    return f'webhook {w["id"]} {lit(w["name"])} {{\n' + "".join(f"  {p}\n" for p in props) + "}\n"


# ---- names each flow uses, declared once per group ------------------------------------


def walk(steps):
    for s in steps:
        yield s
        if s["kind"] == "if":
            for b in s["branches"]:
                yield from conds(b["cond"])
                yield from walk(b["steps"])
            yield from walk(s.get("else", []))


def conds(c):
    yield c
    for a in c.get("args", []):
        yield from conds(a)
    if "arg" in c:
        yield from conds(c["arg"])


def usedNames(f):
    tags, lists, fields = set(), set(), set()
    for t in f["triggers"]:
        if t["kind"] == "tag_added":
            tags.add(t["tag"])
        elif t["kind"] == "list_joined":
            lists.add(t["list"])
        elif t["kind"] == "field_changed":
            fields.add((t["field"], "to" in t))
    for s in walk(f["steps"]):
        if "tag" in s:
            tags.add(s["tag"])
        if "list" in s:
            lists.add(s["list"])
    for r in f["settings"]["require"]:
        for c in conds(r):
            if "list" in c:
                lists.add(c["list"])
    return tags, lists, fields


MODEL = """\
// Shared model of the generated bundle: fields, consent records, the
// do-not-contact list, seed segment, environments, the compliance policy.
field lead_status "Lead Status": enum("Prospect", "Nurturing", "MQL", "SQL") = "Prospect";
field score "Lead Score": number = 0;
field email "Email": email;
field phone "Mobile Phone": phone?;
field first_name "First Name": text?;
field company "Company": text?;
field utm_campaign "UTM Campaign": text?;
field owner_team "Owner Team": text?;
field use_new_router "Use New Router": bool = false;
field email_opt_in: bool = false;
field email_opt_in_at: datetime?;
field email_opt_in_source: text?;
field sms_opt_in: bool = false;
field sms_opt_in_at: datetime?;
field sms_opt_in_source: text?;
field push_opt_in: bool = false;
field push_opt_in_at: datetime?;
field push_opt_in_source: text?;
consent email { field email_opt_in; timestamp email_opt_in_at; source email_opt_in_source; }
consent sms { field sms_opt_in; timestamp sms_opt_in_at; source sms_opt_in_source; }
consent push { field push_opt_in; timestamp push_opt_in_at; source push_opt_in_source; }
list do_not_contact "Do Not Contact";
list l_sink "Handed Over";
tag t_sink "Handed Over";
segment seeds "QA Seeds" where email ends_with "@acme.com";
env dev { prefix "DEV "; safe_mode seeds; throttle 10/min; }
env stage { prefix "STG "; safe_mode seeds; throttle 10/min; }
env prod { prefix ""; }
env eu { prefix "EU "; production; }
policy compliance "Compliance" { suppress unsubscribed; suppress list do_not_contact; }
lint { error overlapping-flows; warning duplicate-send; }
"""


def groupModel(g, flows, declared):
    """Declarations of group g: its flags, segments, and the tags, lists and
    fields its flows use that no earlier group declared (`declared`)."""
    tags, lists, fields = {f"vip{g}", f"new{g}"}, {f"members{g}", f"webinar{g}"}, set()
    for f in flows:
        t, l, fl = usedNames(f)
        tags |= t
        lists |= l
        fields |= fl
    tags -= declared | {"t_sink"}
    lists -= declared | {"l_sink", "do_not_contact"}
    declared |= tags | lists
    key = lambda s: (len(s), s)
    out = [f"// Group {g}: flags, segments and audiences of flows {g * GROUP}..{g * GROUP + GROUP - 1}."]
    out += [f'flag router{g} "Router {g}" {{ when use_new_router == true; envs dev, stage; }}',
            f'flag pilot{g} "Pilot {g}" {{ when in segment seeds; }}',
            f'flag launch{g} "Launch {g}" {{ when utm_campaign == "launch-{g}"; }}',
            f'flag live{g} "Live {g}" {{ on; envs prod, eu; }}',
            f'segment hot{g} "Hot {g}" where score >= 50 and lead_status in ["Prospect", "Nurturing"];',
            f'segment cold{g} "Cold {g}" where score < 0 or company is empty;']
    out += [f'tag {t} "Tag {t}";' for t in sorted(tags, key=key)]
    out += [f'list {l} "List {l}";' for l in sorted(lists, key=key)]
    for name, isEnum in sorted(fields, key=lambda x: key(x[0])):
        out.append(f'field {name}: enum("Idle", "Active") = "Idle";' if isEnum else f"field {name}: text?;")
    return "\n".join(out) + "\n"


def testSource(g, docs):
    """One `test` block per group, on its first plain form-triggered flow."""
    for d in docs:
        f = d["flow"]
        s = f["settings"]
        if (f["triggers"][0]["kind"] == "form_submitted" and len(f["triggers"]) == 1
                and s["require"] == [consent("email")] and not f["policies"]
                and f["steps"][0]["branches"][0]["steps"][1]["kind"] == "send"
                and "ignore" not in f["steps"][0]["branches"][0]["steps"][1]):
            i = int(f["id"][1:])
            return f"""test welcome{i} "flow {i} welcomes a prospect" {{
  env stage;
  contact {{
    lead_status = "Prospect"; first_name = "Ana"; email = "ana{i}@acme.com";
    email_opt_in = true; email_opt_in_at = 2026-02-01T10:00; email_opt_in_source = "Form {i}";
    timezone "America/New_York";
  }}
  at 2026-03-02 10:00 form_submitted "Form {i}";
  run for 1d;

  expect enrolled f{i};
  expect sent e{i} within 1m;
  expect lead_status == "Nurturing";
}}
"""
    return ""


def write(out, n, mistakes=True, exclude=frozenset(), json_dir=None, targets="hubspot, klaviyo, sfmc, marketo, "
          "activecampaign, gohighlevel", ignores=True):
    """Writes the bundle (and, with json_dir, one JSON document per flow)."""
    for sub in ("flows", "templates", "model", "integrations", "tests"):
        os.makedirs(os.path.join(out, sub), exist_ok=True)
    with open(os.path.join(out, "bundle.flow"), "w") as f:
        f.write(f'bundle perf "Perf" {{ version 1.0.0; release "PF"; targets {targets}; senders "acme.com"; }}\n'
                "use std.tcpa;\n" + MODEL)
    if json_dir:
        os.makedirs(json_dir, exist_ok=True)
    hooks, declared = {}, set()
    for g in range((n + GROUP - 1) // GROUP):
        docs = [Flow(i, n, mistakes, exclude, ignores).document() for i in range(g * GROUP, min(n, g * GROUP + GROUP))]
        name = f"{g:05d}"
        with open(os.path.join(out, "flows", f"flows_{name}.flow"), "w") as f:
            f.write("\n".join(flowSource(d["flow"]) for d in docs))
        with open(os.path.join(out, "templates", f"templates_{name}.flow"), "w") as f:
            f.write("".join(templateSource(d) for d in docs))
        with open(os.path.join(out, "model", f"group_{name}.flow"), "w") as f:
            f.write(groupModel(g, [d["flow"] for d in docs], declared))
        test = testSource(g, docs)
        if test:
            with open(os.path.join(out, "tests", f"tests_{name}.test.flow"), "w") as f:
                f.write(test)
        for d in docs:
            for w in d["assets"]["webhooks"]:
                hooks.setdefault(w["id"], w)
            if json_dir:
                with open(os.path.join(json_dir, d["flow"]["id"] + ".json"), "w") as f:
                    json.dump(d, f)
    with open(os.path.join(out, "integrations", "webhooks.flow"), "w") as f:
        f.write("".join(webhookSource(w) for w in hooks.values()))
    return expectedCounts(n, mistakes)
