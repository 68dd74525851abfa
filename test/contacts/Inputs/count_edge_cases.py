"""Counts the edge cases of `mac seed-data --edge-cases` in a contacts CSV
(docs/stage-data.md) with Python's csv module and libphonenumber-free rules,
and prints one `name: count` line per case for FileCheck."""
import csv
import sys

rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
known_zones = {"America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles",
               "Europe/London", "Europe/Berlin", "Europe/Paris", "Asia/Tokyo",
               "America/Sao_Paulo", "Asia/Kolkata", "America/Mexico_City", "Australia/Sydney"}


def digits(text):
    return "".join(c for c in text if c.isdigit())


def valid_email(text):
    local, at, domain = text.partition("@")
    return bool(at and local and "." in domain.strip(".") and "@" not in domain
                and " " not in text)


CASES = {
    "no-consent": (1, lambda r: r["sms_opt_in"] == "false" and not r["sms_opt_in_at"]
                   and not r["sms_opt_in_source"]),
    "consent-without-timestamp": (3, lambda r: r["sms_opt_in"] == "true" and not r["sms_opt_in_at"]),
    "partial-address": (5, lambda r: bool(r["city"]) and not r["street"] and not r["postal_code"]
                        and not r["country"]),
    "international-phone": (11, lambda r: r["phone"].startswith("+")
                            and not r["phone"].startswith("+1 ")),
    "invalid-email": (13, lambda r: not valid_email(r["email"])),
    "unknown-timezone": (15, lambda r: r["timezone"] not in known_zones),
}
print(f"rows: {len(rows)}")
for name, (slot, test) in CASES.items():
    hits = [i for i, r in enumerate(rows) if test(r)]
    outside = [i for i in hits if i % 20 != slot]
    print(f"{name}: {len(hits)} (outside slot {slot}: {len(outside)})")
# Duplicate phones: slots 7, 8, 9 of each period share one number, spelt
# `+1 201-555-0123`, `(201) 555-0123` and `2015550123`.
groups = 0
for start in range(0, len(rows) - 9, 20):
    spellings = [rows[start + k]["phone"] for k in (7, 8, 9)]
    same = len({digits(s)[-10:] for s in spellings}) == 1
    styles = (spellings[0].startswith("+1 "), spellings[1].startswith("("),
              spellings[2].isdigit())
    groups += same and all(styles) and len(set(spellings)) == 3
print(f"duplicate-phone-groups: {groups}")
print(f"distinct-emails: {len({r['email'] for r in rows})}")
