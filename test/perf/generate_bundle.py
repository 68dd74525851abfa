#!/usr/bin/env python3
"""Writes a synthetic bundle of N flows for the analyzer benchmarks: a shared
model (fields, consent, tags, lists, templates, webhooks, policies,
environments) and flows spread over files of 100, each with triggers, a
`require`, a goal, nested conditions, sends, waits, tag/list/field actions and
webhook calls, chained so that the trigger graph has N edges. Deterministic:
the same N always gives the same bytes.

That is the default ("classic") shape, kept so that earlier figures stay
comparable: every flow has the same shape and pairs of flows share triggers
(thousands of MAC2003/MAC2202 warnings). `--realistic` writes instead the
bundle of realistic.py: a mix of every construct of LANGUAGE.md, mistakes
injected at a known rate, and (with `--json DIR`) one JSON document per flow
for the peers of bench_all.py. It prints the diagnostics the bundle must give
(`--expected`), e.g. {"MAC3001": 10, ...} at 1,000 flows.

usage: generate_bundle.py OUT_DIR N [--realistic [--no-mistakes] [--no-ignores] [--exclude C,...]
                          [--targets T,...] [--json DIR] [--expected]]"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import realistic  # noqa: E402


def model(n_assets):
    lines = [
        'bundle perf "Perf" { version 1.0.0; release "PF"; targets hubspot; senders "acme.com"; }',
        "use std.tcpa;",
        'field lead_status: enum("Prospect", "Nurturing", "MQL", "SQL") = "Prospect";',
        "field score: number = 0;",
        "field email: email;",
        "field phone: phone?;",
        "field first_name: text?;",
        "field email_opt_in: bool = false;",
        "field email_opt_in_at: datetime?;",
        "field email_opt_in_source: text?;",
        "field sms_opt_in: bool = false;",
        "field sms_opt_in_at: datetime?;",
        "field sms_opt_in_source: text?;",
        "consent email { field email_opt_in; timestamp email_opt_in_at; source email_opt_in_source; }",
        "consent sms { field sms_opt_in; timestamp sms_opt_in_at; source sms_opt_in_source; }",
        'list do_not_contact "Do Not Contact";',
        'segment seeds "QA Seeds" where email ends_with "@acme.com";',
        'env dev { prefix "DEV "; safe_mode seeds; throttle 10/min; }',
        'env stage { prefix "STG "; safe_mode seeds; throttle 10/min; }',
        'env prod { prefix ""; }',
        "policy compliance { suppress unsubscribed; suppress list do_not_contact; }",
        "lint { disable unused-asset; }",
    ]
    for i in range(n_assets):
        lines += [
            f'tag t{i} "Tag {i}";',
            f'list l{i} "List {i}";',
            f'email e{i} "Email {i}" {{ from "Acme <hello@acme.com>"; subject "Hi {{{{first_name | default: \'there\'}}}}"; '
            f'body """<p>Hello</p><a href="https://acme.com/p/{i}?utm_source=email&utm_campaign=c{i}">Read</a>'
            f'<a href="{{{{unsubscribe_url}}}}">Unsubscribe</a>"""; unsubscribe one_click; }}',
            f'sms s{i} "SMS {i}" {{ text "Acme: offer {i}. Reply STOP to opt out, HELP for help."; }}',
            f'webhook w{i} "Hook {i}" {{ method POST; url "https://hooks.acme.com/{i}"; '
            f'url stage "https://hooks.stage.acme.test/{i}"; url dev "https://hooks.dev.acme.test/{i}"; '
            f'header "Authorization" secret "HOOK_TOKEN"; payload email, lead_status; retry 3 backoff 30s; '
            f'dead_letter "dlq-{i}"; alert "#mops"; }}',
        ]
    return "\n".join(lines) + "\n"


def flow(i, n_assets):
    a, b = i % n_assets, (i + 1) % n_assets
    trigger = [f"on tag_added t{a};", f"on list_joined l{a};", f'on event "ev{i}";',
               f'on form_submitted "Form {i}";'][i % 4]
    return f"""flow f{i} "Flow {i}" {{
  {trigger}
  reenroll never;
  dedupe by email;
  goal lead_status == "SQL";
  require consent email;
  if lead_status == "Prospect" and score < 50 {{
    send e{a};
    set lead_status = "Nurturing";
    increment score by 5;
  }} else if lead_status in ["Nurturing", "MQL"] {{
    add to list l{b};
    if score >= 40 {{ set lead_status = "MQL"; }}
  }}
  wait 1d;
  if consent sms {{
    send s{a};
  }}
  if consent email and has tag t{a} {{
    send e{b};
  }}
  call w{a};
  add tag t{b};
  emit event "ev{(i + 2) % 1000000}";
}}
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("n", type=int)
    parser.add_argument("--realistic", action="store_true", help="every construct, mistakes at a known rate")
    parser.add_argument("--no-mistakes", action="store_true", help="(realistic) inject no mistake")
    parser.add_argument("--no-ignores", action="store_true", help="(realistic) write no `mac-ignore`")
    parser.add_argument("--exclude", default="", help="(realistic) constructs of `mac targets` to leave out")
    parser.add_argument("--targets", default="hubspot,klaviyo,sfmc,marketo,activecampaign,gohighlevel",
                        help="(realistic) the bundle's `targets`")
    parser.add_argument("--json", help="(realistic) also write one JSON document per flow into this directory")
    parser.add_argument("--expected", action="store_true", help="(realistic) print the expected diagnostics")
    args = parser.parse_args()
    if args.realistic:
        exclude = frozenset(c for c in args.exclude.split(",") if c)
        expected = realistic.write(args.out, args.n, not args.no_mistakes, exclude, args.json,
                                   ", ".join(args.targets.split(",")), not args.no_ignores)
        if args.expected:
            print(json.dumps(expected, sort_keys=True))
        return
    out, n = args.out, args.n
    n_assets = max(10, n // 10)
    os.makedirs(os.path.join(out, "flows"), exist_ok=True)
    with open(os.path.join(out, "bundle.flow"), "w") as f:
        f.write(model(n_assets))
    for start in range(0, n, 100):
        with open(os.path.join(out, "flows", f"flows_{start // 100:05d}.flow"), "w") as f:
            f.write("".join(flow(i, n_assets) for i in range(start, min(n, start + 100))))


if __name__ == "__main__":
    main()
