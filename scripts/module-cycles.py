#!/usr/bin/env python3
"""Fails when sibling modules of a crate use each other, directly or round a loop.

A module may use its parent and its children; two modules under one parent must depend one
way only, so that each can be read (and moved) knowing only what it uses. Paths are read
from `crate::`, `super::` and `self::` references, `use` groups included; test modules are
not counted (a test may reach anywhere).
"""
import pathlib
import re
import sys

ROOTS = sorted(
    [p for p in pathlib.Path("crates").glob("*/src")] + [pathlib.Path("ui/src"), pathlib.Path("src-tauri")]
)
PATH = re.compile(r"\b(crate|super|self)((?:::[A-Za-z_][A-Za-z0-9_]*)*)(::\{)?")


def module_path(root, file):
    parts = list(file.relative_to(root).with_suffix("").parts)
    if parts and parts[-1] in ("mod", "lib", "main"):
        parts.pop()
    return parts


def without_tests(text):
    cut = re.search(r"^#\[cfg\((?:all\()?test", text, re.M)
    return text[: cut.start()] if cut else text


def group_heads(text, start):
    """The first segment of each item of a `use x::{...}` group opened at `start`."""
    depth, item, heads = 1, "", []
    for ch in text[start:]:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0:
                break
        if depth == 1 and ch == ",":
            heads.append(item)
            item = ""
        elif depth >= 1:
            item += ch
    heads.append(item)
    return [h.strip().split("::")[0].strip("{} \n") for h in heads if h.strip()]


def targets(here, text):
    for m in PATH.finditer(text):
        anchor, rest = m.group(1), [s for s in m.group(2).split("::") if s]
        base = [] if anchor == "crate" else here[:-1] if anchor == "super" else here[:]
        if anchor == "super" and not here:
            continue
        if m.group(3):
            for head in group_heads(text, m.end()):
                if head not in ("self", "super", "crate", ""):
                    yield base + rest + [head]
        else:
            yield base + rest


def cycles_in(root):
    files = [f for f in root.rglob("*.rs")]
    modules = {tuple(module_path(root, f)) for f in files}
    edges = {}
    for f in files:
        here = module_path(root, f)
        for target in targets(here, without_tests(f.read_text(encoding="utf-8"))):
            # The module the path names: its longest prefix that is a module file.
            while target and tuple(target) not in modules:
                target = target[:-1]
            common = 0
            while common < min(len(here), len(target)) and here[common] == target[common]:
                common += 1
            if common == len(here) or common == len(target):
                continue  # parent and child
            parent = tuple(here[:common])
            edges.setdefault(parent, {}).setdefault(here[common], set()).add(target[common])
    found = []
    for parent, graph in sorted(edges.items()):
        state = {}

        def visit(node, trail):
            state[node] = "open"
            for nxt in sorted(graph.get(node, ())):
                if state.get(nxt) == "open":
                    loop = trail[trail.index(nxt):] + [nxt]
                    found.append("::".join(parent) + ": " + " -> ".join(loop))
                elif nxt not in state:
                    visit(nxt, trail + [nxt])
            state[node] = "done"

        for node in sorted(graph):
            if node not in state:
                visit(node, [node])
    return found


problems = []
for root in ROOTS:
    problems += [f"{root}: {c}" for c in cycles_in(root)]
if problems:
    print("modules that use each other:\n  " + "\n  ".join(problems), file=sys.stderr)
    sys.exit(1)
print(f"no import cycle between sibling modules in {len(ROOTS)} crates")
