"""Audit scopes: which plans are audited together, and each unit's load across them.

Loads only add up within one plan year of one place: two years of one city are two
workloads, not one twice as heavy. ``settings.scope`` says how plans are grouped:

- ``jurisdiction-year`` (the default): one jurisdiction's plans of one year;
- ``year``: every plan of one year (a city's plan with its counties' plans);
- ``plan``: each plan alone.

A plan without a year is a scope of its own jurisdiction with year null. Scopes are
ordered by year (unknown last), then jurisdiction, then plan.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .build import TASK
from .refs import UnitRef


@dataclass(frozen=True)
class Scope:
    key: str  # 怀化市/2021 (jurisdiction-year), 2021 (year), the plan key (plan)
    year: int | None
    jurisdictions: tuple[str, ...]
    plans: tuple[str, ...]  # plan keys (the prefixes of their task node ids)


@dataclass(frozen=True)
class TrendPoint:
    scope: str
    year: int | None
    tasks: int  # 0 where the unit carries nothing in that scope
    lead: int
    weighted: float
    rank: int | None  # within its peer group; None where absent


@dataclass(frozen=True)
class UnitTrend:
    """One unit's load in each scope that holds a plan of its jurisdiction, oldest first."""

    unit: UnitRef
    peer_group: str
    points: tuple[TrendPoint, ...]


def plan_scopes(plans, keys, kind: str = "jurisdiction-year") -> tuple[Scope, ...]:
    """Group ``plans`` (with their keys, ``build.plan_keys``) into scopes of ``kind``."""
    groups: dict[tuple, list] = {}
    for key, plan in zip(keys, plans):
        if kind == "plan":
            group = (plan.year, plan.jurisdiction, key)
        elif kind == "year" and plan.year is not None:
            group = (plan.year, "", "")
        else:
            group = (plan.year, plan.jurisdiction, "")
        groups.setdefault(group, []).append((key, plan))
    scopes = []
    for group in sorted(groups, key=lambda g: (g[0] is None, g[0] or 0, g[1], g[2])):
        year, jurisdiction, key = group
        members = groups[group]
        year_text = "" if year is None else str(year)
        name = key or "/".join(p for p in (jurisdiction, year_text) if p) or "-"
        scopes.append(Scope(
            key=name, year=year,
            jurisdictions=tuple(sorted({p.jurisdiction for _, p in members})),
            plans=tuple(k for k, _ in members)))
    return tuple(scopes)


def scope_graphs(graph: nx.Graph, scopes):
    """(scope, the part of ``graph`` it holds) for each scope: its plans' tasks, the units on
    them and their edges, nodes in a fixed order. One scope holding every plan gets ``graph``."""
    if len(scopes) == 1:
        yield scopes[0], graph
        return
    tasks: dict[str, list] = {}
    for node, data in graph.nodes(data=True):
        if data["bipartite"] == TASK:
            tasks.setdefault(data["plan"], []).append(node)
    for scope in scopes:
        own = [t for key in scope.plans for t in tasks.get(key, ())]
        units = dict.fromkeys(u for t in own for u in graph[t])
        part = nx.Graph(**graph.graph)
        part.add_nodes_from((n, graph.nodes[n]) for n in (*own, *units))
        part.add_edges_from((t, u, graph.edges[t, u]) for t in own for u in graph[t])
        yield scope, part


def unit_trends(scopes, loads) -> tuple[UnitTrend, ...]:
    """Each concrete unit's load across the scopes holding its jurisdiction, for units of
    jurisdictions audited in more than one year; heaviest (at its peak) first."""
    years: dict[str, set] = {}
    holding: dict[str, list] = {}  # jurisdiction -> the scopes holding it, in order
    for scope in scopes:
        for jurisdiction in scope.jurisdictions:
            years.setdefault(jurisdiction, set()).add(scope.year)
            holding.setdefault(jurisdiction, []).append(scope)
    by_unit: dict[str, dict] = {}
    for load in loads:
        if not load.collective and len(years.get(load.unit.jurisdiction, ())) > 1:
            by_unit.setdefault(load.unit.node, {})[load.scope] = load
    trends = []
    for node, found in by_unit.items():
        first = next(iter(found.values()))
        points = tuple(
            TrendPoint(scope.key, scope.year, *(
                (x.tasks, x.lead, x.weighted, x.rank) if (x := found.get(scope.key))
                else (0, 0, 0.0, None)))
            for scope in holding[first.unit.jurisdiction])
        trends.append(UnitTrend(first.unit, first.peer_group, points))
    trends.sort(key=lambda t: (t.unit.jurisdiction, -max(p.weighted for p in t.points),
                               t.unit.node))
    return tuple(trends)
