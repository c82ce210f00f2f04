#!/usr/bin/env python3
"""Independent check of a dataset import.

Reads the public dataset's CSV with Python's own csv module, applies SPEC's rules (grouping by
post, window and target; period and date in the source's zone; neutralised = destroyed +
not_reach_goal; null stays null) and compares, for every source, period and date, the sums of
launched and neutralised with what the running service answers at /api/v1/nights.

usage: verify_import.py BASE_URL CSV
"""
import csv
import json
import re
import sys
import urllib.request
from collections import defaultdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

SOURCES = {"kpszsu": "ua-air-force", "pvkpivden": "ua-air-command-south", "pvkshid": "ua-air-command-east",
           "pvkzahid": "ua-air-command-west", "pvkcenter": "ua-air-command-centre", "generalstaff.ua": "ua-general-staff",
           "cincafu": "ua-commander-in-chief"}
KYIV = ZoneInfo("Europe/Kyiv")


def source_of(post):
    account = post
    if post.lower().startswith(("http://", "https://")):
        rest = post.split("//", 1)[1]
        host, _, path = rest.partition("/")
        host = host.lower()
        account = path if (host == "t.me" or host.endswith("facebook.com")) else ""
    return SOURCES.get(account.split("/")[0].lower(), "ua-other")


def point(text, end):
    text = text.strip()
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(?: (\d{1,2}):(\d{2}))?", text)
    d = date.fromisoformat(m.group(1))
    if m.group(2) is None:
        day = d + timedelta(days=1) if end else d
        return d, None, datetime(day.year, day.month, day.day, tzinfo=KYIV)
    t = datetime(d.year, d.month, d.day, int(m.group(2)), int(m.group(3)), tzinfo=KYIV)
    return d, t.time(), t


def period(start, end):
    (sd, st, si), (ed, et, ei) = start, end
    if st is not None and et is not None and (ei.astimezone(ZoneInfo("UTC")) - si.astimezone(ZoneInfo("UTC"))) > timedelta(hours=24):
        return "span", ed
    if et is not None and et <= datetime(2000, 1, 1, 13, 0).time():
        return "night", ed
    if sd == ed:
        return "day", ed
    return "span", ed


def num(v):
    v = (v or "").strip()
    return None if v == "" or v.lower() == "nan" else int(float(v))


def expected(path):
    groups = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            key = (row["source"].strip(), point(row["time_start"], False)[0:2], point(row["time_end"], True)[0:2],
                   (row.get("target") or "").strip())
            groups[key].append(row)
    sums = defaultdict(lambda: [None, None])  # (source, period, date) -> [launched, neutralised]
    for (post, _, _, _), rows in groups.items():
        src = source_of(post)
        per, d = period(point(rows[0]["time_start"], False), point(rows[0]["time_end"], True))
        api_period = "day" if per == "day" else "night"
        acc = sums[(src, api_period, d.isoformat())]
        for row in rows:
            hidden = (row.get("status_data") or "").strip().lower() == "hidden"
            launched = None if hidden else num(row.get("launched"))
            destroyed, nrg = (None, None) if hidden else (num(row.get("destroyed")), num(row.get("not_reach_goal")))
            neutralised = None if destroyed is None and nrg is None else (destroyed or 0) + (nrg or 0)
            if launched is not None:
                acc[0] = (acc[0] or 0) + launched
            if neutralised is not None:
                acc[1] = (acc[1] or 0) + neutralised
    return sums


def actual(base, sources):
    got = {}
    for src in sources:
        for per in ("night", "day"):
            with urllib.request.urlopen(f"{base}/api/v1/nights?source={src}&period={per}") as r:
                for night in json.load(r)["nights"]:
                    t = night["totals"]
                    got[(src, per, night["date"])] = [t["launched"], t["neutralised"]]
    return got


def main():
    base, path = sys.argv[1], sys.argv[2]
    want = expected(path)
    got = actual(base, sorted({k[0] for k in want}))
    bad = [(k, want.get(k), got.get(k)) for k in sorted(set(want) | set(got)) if want.get(k) != got.get(k)]
    for k, w, g in bad[:20]:
        print(f"MISMATCH {k}: CSV implies {w}, service answers {g}")
    print(f"checked {len(want)} (source, period, date) points from {path}: {len(bad)} mismatches")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
