"""Resolve: the evidence found for one item into its assignments, by a precedence table.

Every stage that finds an assignment records what kind of evidence it is (``evidence``)
and where it came from (``source``). An item may be named by several at once: its own
clause, a clause closing its group, a range stated above it, the unit heading of its duty
list, a clause in the heading of its section. The table below says, strongest first,
which evidence decides: for each role, the strongest deciding evidence that names any
unit in that role gives that role's units, and weaker deciding evidence adds nothing to
it (a sub-heading ``（一）县人民政府职责`` replaces ``一、各级政府职责`` above it; an item's own
``责任单位：`` replaces the range that would have named it). Evidence that adds (a heading's
clause, ``一、整治村容村貌（县委农办牵头）``) stands beside the item's own, as the SPEC's gold
reads it: the section's lead leads each of its items with the units the item names.

A reader may reorder the table or move a row between deciding and adding. Among headings
the nearest (the latest line above the item) is the strongest. Inline mentions (a unit
that is the subject of the item's sentences) are kept apart: never replaced, never
replacing.
"""
from __future__ import annotations

from ...model import Assignment

DECIDES, ADDS = "decides", "adds"
PRECEDENCE = (  # (level, mode, which assignments belong to it), strongest first
    ("item", DECIDES, lambda a: a.source == "explicit"),  # own clause, cell or unit heading
    ("group", DECIDES, lambda a: a.evidence == "after"),  # 上述各项由X负责 closing its group
    ("range", DECIDES, lambda a: a.source == "range"),  # （一）至（五）项由X负责
    ("unit heading", DECIDES, lambda a: a.evidence == "header"),  # 一、市教育局工作职责
    ("heading clause", ADDS, lambda a: a.source == "inherited"),  # 一、…（X牵头）
)


def rank(a: Assignment) -> tuple[int, int, str]:
    """Lower is stronger: the level in PRECEDENCE, then nearness (for headings)."""
    for level, (_, mode, belongs) in enumerate(PRECEDENCE):
        if belongs(a):
            return level, (-a.line if level else 0), mode
    return len(PRECEDENCE), 0, ADDS


def resolve(assignments) -> list[Assignment]:
    """The assignments that stand (see PRECEDENCE); inline ones all kept; each (unit, role)
    once, in the order first found."""
    explicit = [a for a in assignments if a.source != "inline"]
    best: dict[str, tuple] = {}
    for a in explicit:
        r = rank(a)
        if r[2] == DECIDES:
            best[a.role] = min(best.get(a.role, r), r)
    kept = [a for a in explicit if rank(a)[2] == ADDS or rank(a) == best[a.role]]
    seen, out = set(), []
    for a in kept + [a for a in assignments if a.source == "inline"]:
        key = (a.unit, a.role, a.source == "inline")
        if key not in seen:
            seen.add(key)
            out.append(a)
    return out
