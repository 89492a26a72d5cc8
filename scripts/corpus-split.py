#!/usr/bin/env python3
"""The fixed tune / check split of the shared corpus, by a rule that never looks at content.

An id is in the *tune* half when the first byte of sha256(id) is even, else in *check*.
Rules are written only from failures in the tune half; the check half is scored at every
milestone to catch rules that do not generalise.

usage: corpus-split.py LABELS.json (tune|check)   -> the half's ids, comma-separated
"""
import hashlib
import json
import sys


def half(doc_id):
    return "tune" if hashlib.sha256(doc_id.encode("utf-8")).digest()[0] % 2 == 0 else "check"


def main(argv):
    if len(argv) != 3 or argv[2] not in ("tune", "check"):
        sys.exit(__doc__)
    with open(argv[1], encoding="utf-8") as f:
        ids = sorted(json.load(f))
    print(",".join(i for i in ids if half(i) == argv[2]))


if __name__ == "__main__":
    main(sys.argv)
