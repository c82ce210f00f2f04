#!/usr/bin/env python3
"""Writes a history N times the public dataset's, as CSV files small enough for one import each.

usage: scale_history.py DATASET_CSV N OUT_DIR

The history is N copies of the dataset's 3,770 rows. The importer files a row under the source its
post's account names, and the catalog's sources can only be added by a migration, so a copy differs
from the others by
  - the accounts: copy k files each row under the account `rotation` places further along the
    dataset's seven accounts (kpszsu -> PvKPivden -> ... -> CinCAFU -> kpszsu), so every source gets
    every other source's nights;
  - the years: shifted back by a multiple of 4 years (leap days stay leap days), down to 2002, as the
    service refuses windows before 2000;
  - and, once the 42 distinct (rotation, years) copies are used up, revisions: copy 42 + k re-sends
    copy k with every known launched count raised by its round (1, 2, ...), which the import stores as
    a new revision of each of those reports.
Two copies of the same rotation go into one file (7,540 rows; an import takes at most 10,000 rows and
4 MiB): they never share a night, so the file holds no more overlapping windows than the dataset does.
Prints the files' names, one a line, in the order they are to be imported.
"""
import csv
import os
import re
import sys

ACCOUNTS = ["kpszsu", "PvKPivden", "pvkshid", "PvkZahid", "PvkCenter", "GeneralStaff.ua", "CinCAFU"]
SHIFTS = 6  # 0, 4, ..., 20 years back: the dataset's 2022-09..2026-06 down to 2002-09..2006-06
DISTINCT = len(ACCOUNTS) * SHIFTS
YEAR = re.compile(r"^(\d{4})")


def copy_of(k):
    """(rotation, years back, revision round) of copy k."""
    distinct, round_ = k % DISTINCT, k // DISTINCT
    return distinct // SHIFTS, 4 * (distinct % SHIFTS), round_


def rotate(post, rotation):
    """The post with its account moved `rotation` places along ACCOUNTS; posts of other accounts stay."""
    if rotation == 0:
        return post
    for i, account in enumerate(ACCOUNTS):
        target = ACCOUNTS[(i + rotation) % len(ACCOUNTS)]
        if post.startswith(account + "/"):
            return target + post[len(account):]
        for prefix in ("https://t.me/", "https://www.facebook.com/"):
            if post.startswith(prefix + account + "/"):
                return prefix + target + post[len(prefix) + len(account):]
    return post


def shift(value, years):
    return YEAR.sub(lambda m: str(int(m.group(1)) - years), value) if value else value


def raise_count(value, by):
    try:
        return repr(float(value) + by) if by and value.strip() else value
    except ValueError:
        return value


def main():
    dataset, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    with open(dataset, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        fields, rows = reader.fieldnames, list(reader)
    os.makedirs(out, exist_ok=True)
    for first in range(0, n, 2):
        name = os.path.join(out, f"copies-{first:03d}.csv")
        with open(name, "w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, fieldnames=fields)
            writer.writeheader()
            for k in range(first, min(first + 2, n)):
                rotation, years, round_ = copy_of(k)
                for r in rows:
                    w = dict(r)
                    w["source"] = rotate(r["source"], rotation)
                    w["time_start"] = shift(r["time_start"], years)
                    w["time_end"] = shift(r["time_end"], years)
                    w["launched"] = raise_count(r["launched"], round_)
                    writer.writerow(w)
        print(name)


if __name__ == "__main__":
    main()
