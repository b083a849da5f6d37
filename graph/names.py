"""One name per office: the forms a plan uses for one unit become one graph node.

The registry (``data/registry/aliases.tsv``) already makes 市应急局 and 市应急管理局 one
name. Two more rules hold for any city, so they live here rather than as lines of data:

- **with and without its city**: in 怀化市's plans, 共青团怀化市委 is 共青团市委 (which the
  registry knows as 团市委) and 怀化市应急管理局 is 市应急管理局. The city is taken out
  (the full name becomes its level character, 怀化市 → 市; the bare stem 怀化 is dropped)
  only when the result is a name the same jurisdiction's plans use or the registry knows,
  so 怀化银保监分局, named only so, keeps its name;
- **X各成员单位 is X成员单位** (市安委会各成员单位, 市安委会成员单位).

Nothing is merged by similarity: a typo (市警支队 beside 市交警支队) stays its own node and
the quality check flags it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from dutygraph.loaders.units import Registry, normalise_name, split_level

from .refs import UnitRef, unit_ref

COMBINED = re.compile(r"^.?(两级|[省市县区]级)|^[省市县区]{2}")
"""市县级党校, 县两级…: a mention naming two levels at once, split by extraction into two
units; it is neither unit's other name."""
PLACE_SUFFIX = re.compile(r"(自治州|自治县|特区|市|县|区|州|盟|旗)$")
EACH_MEMBER = re.compile(r"^(.+?)各(成员单位)$")


@lru_cache(maxsize=4096)
def city_forms(jurisdiction: str) -> tuple[str, str, str]:
    """(full name, stem, level character): ('怀化市', '怀化', '市'); stem '' when too short."""
    m = PLACE_SUFFIX.search(jurisdiction)
    if not m:
        return jurisdiction, "", ""
    stem = jurisdiction[: m.start()]
    return jurisdiction, stem if len(stem) >= 2 else "", m.group(0)[-1]


@dataclass(frozen=True)
class OfficeNames:
    """Canonical names for the units of some plans (the places they belong to, and every
    name those plans use). Has ``canonical`` and ``successor`` like a ``Registry``, so it
    stands in for one wherever names are compared (the graph, ``compare``)."""

    registry: Registry
    places: tuple[str, ...] = ()
    known: frozenset = frozenset()  # names the plans use, registry-canonical
    seen: dict = field(default_factory=dict, compare=False, repr=False)  # name -> base name
    named: dict = field(default_factory=dict, compare=False, repr=False)  # name -> canonical

    def _base(self, name: str) -> str:
        """The registry's name, X成员单位 for X各成员单位 (remembered: script conversion is
        the slow part of building a graph)."""
        if name not in self.seen:
            self.seen[name] = EACH_MEMBER.sub(r"\1\2", self.registry.canonical(name))
        return self.seen[name]

    def _known(self, name: str) -> bool:
        return name in self.known or split_level(name)[1] in self.registry.aliases

    def canonical(self, name: str) -> str:
        if name not in self.named:
            self.named[name] = self._canonical(name)
        return self.named[name]

    def _canonical(self, name: str) -> str:
        base = self._base(name)
        for place in self.places:
            full, stem, level = city_forms(place)
            if full and full in base:
                bare = (level + base[len(full):] if base.startswith(full)
                        else base.replace(full, level, 1))
            elif stem and stem in base:
                bare = base.replace(stem, "", 1)
            else:
                continue
            bare = self._base(bare)
            if bare != base and self._known(bare):
                return bare
        return base

    def successor(self, name: str):
        return self.registry.successor(self.canonical(name))


def plan_names(plans, registry: Registry | None = None, seen: dict | None = None
               ) -> OfficeNames:
    """The ``OfficeNames`` of some plans taken together (their places, their names);
    ``seen`` shares the names already converted with other ``OfficeNames``."""
    office = OfficeNames(registry or Registry.default(), seen={} if seen is None else seen)
    names = {office._base(a.unit) for plan in plans
             for a in (*plan.standing, *(a for t in plan.tasks for a in t.assignments))}
    places = tuple(sorted({p.jurisdiction for p in plans if p.jurisdiction}))
    return OfficeNames(office.registry, places, frozenset(names), office.seen)


def office_names(plans, registry: Registry | None = None) -> dict[str, OfficeNames]:
    """Per jurisdiction, the ``OfficeNames`` of its plans."""
    by_place: dict[str, list] = {}
    for plan in plans:
        by_place.setdefault(plan.jurisdiction, []).append(plan)
    seen: dict = {}
    return {j: plan_names(group, registry, seen) for j, group in by_place.items()}


def merged_forms(name: str, forms) -> tuple[str, ...]:
    """The forms (names and mentions as written) that differ from ``name`` by more than the
    script, brackets or the level prefix: the names merged into it. A back-reference such as
    其成员单位 (its members), a bare level (市) or a mention of two levels at once
    (``COMBINED``) is not a name of its own."""
    level, core = split_level(name)
    out = []
    for form in forms:
        form = normalise_name(form)
        if (len(form) > 1 and form not in (name, core) and level + form != name
                and not form.startswith("其") and not COMBINED.match(form)):
            out.append(form)
    return tuple(sorted(set(out)))


@dataclass(frozen=True)
class MergedName:
    """A unit node reached from several names: the names a reader should know were merged."""

    unit: UnitRef
    forms: tuple[str, ...]  # the other names and mentions, simplified


def merged_names(graph) -> tuple[MergedName, ...]:
    """Every unit node whose names and mentions differ from its canonical name (beyond
    script and level prefix), by jurisdiction and name."""
    from .build import unit_nodes  # build names its nodes with this module

    found = []
    for unit in sorted(unit_nodes(graph)):
        forms = merged_forms(graph.nodes[unit]["name"], graph.nodes[unit]["forms"])
        if forms and graph.degree(unit):
            found.append(MergedName(unit_ref(graph, unit), forms))
    return tuple(found)
