"""Resolve: the evidence found for each item into its assignments, by a precedence table;
then the plan's units, their aliases and names that look like typos (``resolve_plan``).

The stage before this one reads the outline and emits an ``Evidence`` record for each unit
it finds named for an item: the mention, the role, the kind of evidence (``evidence``) and
its scope (``source``: the item's own, a heading's, a range's, inline), the clause and its
line. Only here do records become ``Assignment``s: names made canonical by the registry,
the clause and mention cut from the text as the source wrote it, classes of offices told
from single ones. An item may be named by several at once: its own
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

import re
from dataclasses import dataclass, replace
from typing import NamedTuple

from ...model import Assignment, Finding, Task, Unit
from ..readers.document import to_simplified
from ..units import Registry, is_collective, normalise_name, split_level
from .deadlines import normalise_deadline
from .normalise import Line
from .unitlist import OFFICE_END, UnitMention

DECIDES, ADDS = "decides", "adds"
PRECEDENCE = (  # (level, mode, which records belong: by source and kind), strongest first
    ("item", DECIDES, lambda e: e.source == "explicit"),  # own clause, cell or unit heading
    ("group", DECIDES, lambda e: e.evidence == "after"),  # 上述各项由X负责 closing its group
    ("range", DECIDES, lambda e: e.source == "range"),  # （一）至（五）项由X负责
    ("unit heading", DECIDES, lambda e: e.evidence == "header"),  # 一、市教育局工作职责
    ("heading clause", ADDS, lambda e: e.source == "inherited"),  # 一、…（X牵头）
)


class Evidence(NamedTuple):
    """A unit found named in a role for an item, before resolving (a tuple: a large plan
    makes one for every unit of every item)."""

    mention: UnitMention
    role: str
    source: str  # explicit (the item's own), inherited (a heading's), range, inline
    evidence: str  # the kind: paren, label, sentence, header, heading, after, table, first …
    clause: str  # normalised
    line: int
    where: Line | None = None  # the line the clause stands in: gives both as written
    written: tuple[str, str] | None = None  # (clause, mention) as written, where known


_LEVEL: dict[tuple[str, str], tuple[int, str]] = {}  # (source, evidence) -> level, mode


def rank(e: Evidence) -> tuple[int, int, str]:
    """Lower is stronger: the level in PRECEDENCE, then nearness (for headings)."""
    key = (e.source, e.evidence)  # all PRECEDENCE reads of a record
    found = _LEVEL.get(key)
    if found is None:
        found = _LEVEL[key] = next(((level, mode) for level, (_, mode, belongs)
                                    in enumerate(PRECEDENCE) if belongs(e)),
                                   (len(PRECEDENCE), ADDS))
    level, mode = found
    return level, (-e.line if level else 0), mode


def decide(records) -> list[Evidence]:
    """The records that stand (see PRECEDENCE); inline ones all kept, after the others."""
    if len(records) < 2:
        return records
    ranked = [(e, rank(e)) for e in records if e.source != "inline"]
    best: dict[str, tuple] = {}
    for e, r in ranked:
        if r[2] == DECIDES:
            best[e.role] = min(best.get(e.role, r), r)
    return [e for e, r in ranked if r[2] == ADDS or r == best[e.role]] + [
        e for e in records if e.source == "inline"]


class Resolver:
    """Records to Assignments for one plan: its registry and its level (a unit one level
    below the plan's is a class, one per county)."""

    def __init__(self, registry: Registry, level: str):
        self.registry = registry
        self.level = level
        self._clause: tuple = (None, None, None)  # one clause, many units: cut it once
        self._names: dict[str, str] = {}  # a plan names the same units again and again

    def resolve(self, records) -> list[Assignment]:
        """The assignments that stand, each (unit, role) once, in the order first found."""
        seen, out = set(), []
        for e in decide(records):
            unit = self._names.get(e.mention.name)
            if unit is None:
                unit = self._names[e.mention.name] = self.registry.canonical(e.mention.name)
            key = (unit, e.role, e.source == "inline")
            if key not in seen:
                seen.add(key)
                out.append(self.assignment(e, unit))
        return out

    def assignment(self, e: Evidence, unit: str) -> Assignment:
        where = e.where
        if e.written is not None:
            clause, mention = e.written
        elif where is None:
            clause, mention = e.clause, e.mention.text
        else:
            if self._clause[0] is not where or self._clause[1] != e.clause:
                self._clause = (where, e.clause, where.written(e.clause))
            clause, mention = self._clause[2], where.written(e.mention.text)
        return Assignment(unit, mention, e.role, is_collective(unit, self.level), e.source,
                          clause, e.line, e.mention.exhaustive, e.evidence or e.source)


# a part of the office before it (市公安局交警支队), or its members (X指挥部成员单位)
SUB_OFFICE = re.compile(r"(支队|大队|中队|分队|科|股|室|处|所|站|组|单位|部门|机构|机关)$")


def unglue(tasks):
    """Two names a page ran together when it lost the 、 between them (政法委社会发展局):
    split where both halves are units the plan names on their own elsewhere and the second
    is a peer office, not a part of the first (市公安局交警支队 stays whole)."""
    named = {a.unit for t in tasks for a in t.assignments}
    glued = {}
    for unit in named:
        for k in range(2, len(unit) - 2):
            left, right = unit[:k], unit[k:]
            if left in named and right in named and OFFICE_END.search(left) \
                    and OFFICE_END.search(right) and not SUB_OFFICE.search(right):
                glued[unit] = (left, right)
                break
    if not glued:
        return tasks
    def split(a):
        if a.unit not in glued:
            return [a]
        left, right = glued[a.unit]
        if a.mention.replace(" ", "") == a.unit:
            return [replace(a, unit=left, mention=left), replace(a, unit=right, mention=right)]
        return [replace(a, unit=left), replace(a, unit=right)]
    return [replace(t, assignments=tuple(x for a in t.assignments for x in split(a)))
            if any(a.unit in glued for a in t.assignments) else t for t in tasks]


@dataclass(frozen=True)
class Resolved:
    tasks: tuple[Task, ...]
    standing: tuple[Assignment, ...]
    units: tuple[Unit, ...]
    aliases: tuple[tuple[str, ...], ...]
    warnings: tuple[Finding, ...]  # names that look like typos of others


def resolve_plan(found, registry: Registry, jurisdiction: str = "",
                 year: int | None = None) -> Resolved:
    """Every task's records (``assemble.Found``) into its assignments, its deadline read in
    the plan's ``year`` (``due``), and the plan's units."""
    resolver = Resolver(registry, jurisdiction[-1:])
    tasks = unglue([Task(**t, assignments=tuple(resolver.resolve(records)),
                         due=normalise_deadline(t["deadline"], year))
                    for t, records in zip(found.tasks, found.records)])
    standing = tuple(resolver.resolve(found.standing))
    units, aliases, typos = collect_units(tasks, standing)
    return Resolved(tuple(tasks), standing, units, aliases, typos)


def collect_units(tasks, standing):
    """Every unit with its mentions; alias groups; names that look like typos of others."""
    mentions: dict[str, dict] = {}
    for a in [a for t in tasks for a in t.assignments] + list(standing):
        entry = mentions.setdefault(a.unit, {"mentions": {}, "collective": a.collective, "line": a.line})
        entry["mentions"].setdefault(a.mention, None)
    units = tuple(Unit(name, tuple(e["mentions"]), split_level(name)[0], e["collective"])
                  for name, e in sorted(mentions.items()))
    others = [({to_simplified(m) for m in u.mentions} - {u.name}, u.name) for u in units]
    aliases = tuple((name, *sorted(names)) for names, name in others if names)
    return units, aliases, find_typos(units, mentions)


def find_typos(units, mentions) -> tuple[Finding, ...]:
    """A spelling that is another unit's spelling less one character (市警支队 beside
    市交警支队): a warning naming both, never a merge. Spellings are the canonical names and
    the mentions as written, so an abbreviation's typo is caught too."""
    spelling_of: dict[str, str] = {}  # spelling -> unit name
    for u in units:
        if not u.collective:
            for s in (u.name, *(normalise_name(m) for m in u.mentions)):
                spelling_of.setdefault(s, u.name)
    pairs = {}  # one character more is one deleted back: n·len look-ups, not n² distances
    for long_, owner in spelling_of.items():
        for k in range(len(long_)):
            short = long_[:k] + long_[k + 1:]
            if len(short) >= 4 and spelling_of.get(short, owner) != owner \
                    and split_level(short)[0] == split_level(long_)[0]:
                pairs.setdefault((spelling_of[short], owner), long_)
    return tuple(Finding("typo", mentions[short]["line"],
                         f"unit name {short} looks like a typo of {long_}", short)
                 for (short, _), long_ in sorted(pairs.items()))
