#!/usr/bin/env python3
"""Writes packaging/licences.json: the software the installed app and CLI are built from,
grouped by licence, for the About box (and the package's copyright notes).

Read from `cargo metadata` (the crates linked into `cvdeck` and `cvdeck-cli` on Linux and into
the WebAssembly UI, normal dependencies only: no build scripts, dev or test crates) plus the vendored data tables of
THIRD-PARTY.md. Usage: scripts/licences.py [--check]  (--check: fail if the file is stale).
"""
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "packaging" / "licences.json"
# The binaries installed, and the UI compiled to WebAssembly inside the app, each on its target.
SHIPPED = [("x86_64-unknown-linux-gnu", ["cvdeck", "cvdeck-cli"]),
           ("wasm32-unknown-unknown", ["cvdeck-ui"])]
# Data vendored into the parser's tables (THIRD-PARTY.md), which cargo does not know about.
DATA = [("ESCO classification of the European Commission (reuse with acknowledgement, "
         "Commission Decision 2011/833/EU)", "ESCO v1.0 occupations and skills"),
        ("GeoNames (geonames.org), Creative Commons Attribution 4.0",
         "GeoNames cities15000: town names"),
        ("Unicode CLDR, © Unicode, Inc., Unicode License v3",
         "CLDR month names")]


def shipped_crates():
    for target, roots in SHIPPED:
        yield from linked_crates(target, roots)


def linked_crates(target, roots):
    meta = json.loads(subprocess.run(
        ["cargo", "metadata", "--format-version", "1", "--locked", "--filter-platform", target],
        cwd=ROOT, check=True, capture_output=True, text=True).stdout)
    packages = {p["id"]: p for p in meta["packages"]}
    nodes = {n["id"]: n for n in meta["resolve"]["nodes"]}
    members = set(meta["workspace_members"])
    todo = [i for i in members if packages[i]["name"] in roots]
    seen = set()
    while todo:
        node = nodes[todo.pop()]
        for dep in node["deps"]:
            normal = any(k["kind"] is None for k in dep["dep_kinds"])
            if normal and dep["pkg"] not in seen:
                seen.add(dep["pkg"])
                todo.append(dep["pkg"])
    for pid in seen - members:
        p = packages[pid]
        yield same_spelling(p.get("license") or "see the crate's licence file"), \
            f'{p["name"]} {p["version"]}'


def same_spelling(licence):
    """`Apache-2.0 OR MIT` and `MIT/Apache-2.0` are spelled `Apache-2.0 OR MIT`."""
    choices = [c.strip() for c in licence.replace("/", " OR ").split(" OR ")]
    if all(c and not any(x in c for x in "() ") for c in choices):
        return " OR ".join(sorted(choices))
    return licence


def build():
    groups = {}
    for licence, software in set(shipped_crates()) | set(DATA):
        groups.setdefault(licence, set()).add(software)
    rows = [{"licence": licence, "software": sorted(names)} for licence, names in groups.items()]
    rows.sort(key=lambda r: (-len(r["software"]), r["licence"]))
    return json.dumps(rows, indent=1, ensure_ascii=False) + "\n"


def main():
    text = build()
    if "--check" in sys.argv[1:]:
        if not OUT.exists() or OUT.read_text() != text:
            sys.exit(f"{OUT.relative_to(ROOT)} is stale: run scripts/licences.py")
        return
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(text)
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
