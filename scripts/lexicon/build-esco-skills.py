#!/usr/bin/env python3
"""Builds crates/match/src/lexicon/esco_skills.tsv: skill concepts and their spellings, from ESCO.

ESCO (the European Commission's classification of skills and occupations, v1.0; reuse with
acknowledgement, Commission Decision 2011/833/EU) gives each skill one concept in English,
French and Spanish, linked by `conceptUri`, with a preferred label and alternative labels.
The table keeps, per concept, its English preferred label (without a parenthesised qualifier:
"Python (computer programming)" -> "Python") as the concept's name, and every label of at most
MAX_WORDS words in the three languages, accent-folded and lower case, as the spellings a job
ad or a resume may print. It keeps every knowledge concept (the nouns an ad asks for: "SQL",
"accounting", "German") and the transversal and cross-sector skills ("teamwork", "manage a
budget"); the sector- and occupation-specific skills are procedures ("supervise correctional
procedures") that neither side prints as a skill. Longer labels are sentences ("apply health and safety standards in
...") that no resume prints verbatim. Concepts whose English names coincide are one concept.

Output: one line per concept, sorted by name: `name<TAB>spelling|spelling|...`, spellings
sorted and unique; a spelling that starts with "=" matches only as printed (see spelling_of).
A spelling two concepts share stays with the concept whose own name it is,
else with the first name in sort order, so the table never maps one spelling two ways.

usage: scripts/lexicon/build-esco-skills.py [ESCO_DIR]   (default ../shared/esco)
"""
import csv
import os
import re
import sys
import unicodedata

MAX_WORDS = 4
KEPT_REUSE = {"transversal", "cross-sector"}
FILES = ["skills_en-us.csv", "skills_fr.csv", "skills_es.csv"]
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "crates", "match", "src", "lexicon", "esco_skills.tsv")


def fold(s):
    """The words of `s` as cvdeck-match's `words::tokens` reads them, joined by spaces: runs of
    letters, digits and `+#./-`, accents removed, lower case, without `./-` at either end."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    words = re.findall(r"(?:[^\W_]|[+#./-])+", s)
    return " ".join(w for w in (w.strip("./-") for w in words) if w)


def strip_qualifier(label):
    return re.sub(r"\s*\([^)]*\)", "", label).strip()


def spelling_of(label, preferred):
    """The table's spelling of `label`, or None when it would match ordinary words.

    A preferred label is always kept. A one-word alternative label in lower case is mostly an ordinary word ESCO lists as a
    synonym ("plan" for blueprints, "paris" for betting): dropped. A short all-capitals one is
    an acronym ("MOO", "END") that is an ordinary word in lower case: kept as printed, marked
    with a leading "=" so that it matches only in capitals."""
    folded = fold(label)
    if not folded or len(folded) < 2 or len(folded.split()) > MAX_WORDS:
        return None
    if " " not in folded and not preferred:
        if label.isupper() and len(label) <= 5 and label.isalpha():
            return "=" + label
        if label == label.lower():
            return None
    return folded


def main():
    esco = sys.argv[1] if len(sys.argv) > 1 else os.path.join("..", "shared", "esco")
    names = {}
    for row in csv.DictReader(open(os.path.join(esco, FILES[0]), encoding="utf-8")):
        if row["skillType"].startswith("knowledge") or row["reuseLevel"] in KEPT_REUSE:
            names[row["conceptUri"]] = strip_qualifier(row["preferredLabel"])
    spellings = {}
    for file in FILES:
        for row in csv.DictReader(open(os.path.join(esco, file), encoding="utf-8")):
            name = names.get(row["conceptUri"])
            name = " ".join(name.split()) if name else None
            if not name or "\t" in name or "|" in name:
                continue
            labels = [(row["preferredLabel"], True)] + [(l, False) for l in row["altLabels"].split("\n") if l.strip()]
            for label, preferred in labels:
                # French and Spanish give masculine and feminine forms as "a/b".
                forms = [strip_qualifier(label)] + [strip_qualifier(p) for p in label.split("/")[1:] if " " not in p.strip()]
                for form in forms:
                    spelling = spelling_of(form, preferred)
                    if spelling:
                        spellings.setdefault(name, set()).add(spelling)
    owner = {}
    for name in sorted(spellings):
        for s in spellings[name]:
            if s not in owner or (s == fold(name) and fold(owner[s]) != s):
                owner[s] = name
    kept = {}
    for s, name in owner.items():
        kept.setdefault(name, []).append(s)
    with open(OUT, "w", encoding="utf-8") as out:
        for name in sorted(kept):
            out.write(f"{name}\t{'|'.join(sorted(kept[name]))}\n")
    print(f"{len(kept)} concepts, {len(owner)} spellings -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
