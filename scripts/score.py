#!/usr/bin/env python3
"""Scores parser output on the shared corpus, tune and check halves side by side.

usage: score.py PRED_DIR [--verbose-tune]

PRED_DIR holds `<id>.json` from `cvdeck-cli parse ../shared/corpus/files --out PRED_DIR`.
The halves are the fixed split of scripts/corpus-split.py. `--verbose-tune` adds the
per-file scores of the tune half (the only half whose files are read in detail).
"""
import importlib.util
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SHARED = os.path.join(ROOT, "..", "shared")
LABELS = os.path.join(SHARED, "corpus", "labels.json")
SCORE = os.path.join(SHARED, "eval", "score.py")

spec = importlib.util.spec_from_file_location("split", os.path.join(ROOT, "scripts", "corpus-split.py"))
split = importlib.util.module_from_spec(spec)
spec.loader.exec_module(split)


def score(pred_dir, ids, verbose=False):
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        args = [sys.executable, SCORE, LABELS, pred_dir, "--ids=" + ",".join(ids), "--json=" + out.name]
        if verbose:
            args.append("--verbose")
        printed = subprocess.run(args, check=True, capture_output=True, text=True).stdout
        with open(out.name, encoding="utf-8") as f:
            return json.load(f), printed


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    pred_dir = argv[1]
    with open(LABELS, encoding="utf-8") as f:
        ids = sorted(json.load(f))
    halves = {
        "tune": [i for i in ids if split.half(i) == "tune"],
        "check": [i for i in ids if split.half(i) == "check"],
        "all": ids,
    }
    results = {}
    for name, members in halves.items():
        results[name], printed = score(pred_dir, members, verbose=name == "tune" and "--verbose-tune" in argv)
        if name == "tune" and "--verbose-tune" in argv:
            print("\n".join(l for l in printed.splitlines() if "=" in l))
    fields = list(results["all"]["fields"])
    print(f"{'field':10s} " + " ".join(f"{n:>6s}" for n in halves))
    for field in fields:
        cells = []
        for name in halves:
            v = results[name]["fields"][field]
            cells.append(f"{v:6.3f}" if v is not None else "     -")
        print(f"{field:10s} " + " ".join(cells))
    print(f"{'overall':10s} " + " ".join(f"{results[n]['overall']:6.3f}" for n in halves))
    print(f"{'files':10s} " + " ".join(f"{len(m):6d}" for m in halves.values()))


if __name__ == "__main__":
    main(sys.argv)
