"""Deadlines over time: which unit has what falling due in which month, and what has none.

Read from the task nodes' ``due`` (the ISO day a task falls due: a date, or a period's end;
see ``loaders.deadlines``) and the edges that count (never inline or expanded ones). A
*crunch* is a unit with at least ``settings.crunch_min`` tasks falling due in one month.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import networkx as nx

from dutygraph.model import DUE_KINDS

from .build import task_nodes
from .refs import TaskRef, UnitRef, task_order, task_ref, unit_ref
from .settings import AuditSettings

DEADLINE_KINDS = (*DUE_KINDS, "unread", "none")
"""Each task's deadline kind: a ``Due`` kind, ``unread`` (written but not understood), ``none``."""


@dataclass(frozen=True)
class UnitMonths:
    unit: UnitRef
    collective: bool
    counts: tuple[int, ...]  # tasks falling due, one per month of ``Deadlines.months``
    total: int


@dataclass(frozen=True)
class Crunch:
    unit: UnitRef
    month: str  # YYYY-MM
    tasks: tuple[TaskRef, ...]


@dataclass(frozen=True)
class Deadlines:
    months: tuple[str, ...]  # every month from the first to the last one a task falls due
    table: tuple[UnitMonths, ...]  # units with a dated task, most dated tasks first
    crunches: tuple[Crunch, ...]  # by size, then month
    kinds: tuple[tuple[str, int], ...]  # tasks per DEADLINE_KINDS
    undated: tuple[TaskRef, ...]  # tasks with no deadline at all, in reading order


def _month_range(first: str, last: str) -> tuple[str, ...]:
    """Every YYYY-MM from ``first`` to ``last``.

    >>> _month_range("2020-11", "2021-02")
    ('2020-11', '2020-12', '2021-01', '2021-02')
    """
    year, month = map(int, first.split("-"))
    out = []
    while f"{year:04d}-{month:02d}" <= last:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def deadlines_over_time(graph: nx.Graph, settings: AuditSettings = AuditSettings()) -> Deadlines:
    """The unit x month table of tasks falling due, the crunches, and the undated tasks."""
    order = task_order(graph)
    tasks = sorted(task_nodes(graph), key=order)
    kinds: Counter = Counter()
    by_unit: dict[str, dict[str, list[str]]] = {}
    for task in tasks:
        data = graph.nodes[task]
        kind = data.get("due_kind") or ("unread" if data.get("deadline") else "none")
        kinds[kind] += 1
        due = data.get("due", "")
        if not due:
            continue
        for unit, edge in graph[task].items():
            if edge["counted"]:
                by_unit.setdefault(unit, {}).setdefault(due[:7], []).append(task)
    dated = sorted({m for months in by_unit.values() for m in months})
    months = _month_range(dated[0], dated[-1]) if dated else ()
    table = []
    for unit, per_month in by_unit.items():
        counts = tuple(len(per_month.get(m, ())) for m in months)
        table.append(UnitMonths(unit=unit_ref(graph, unit),
                                collective=graph.nodes[unit]["collective"], counts=counts,
                                total=sum(counts)))
    table.sort(key=lambda r: (r.collective, -r.total, r.unit.name, r.unit.node))
    crunches = [Crunch(unit=unit_ref(graph, unit), month=month,
                       tasks=tuple(task_ref(graph, t) for t in sorted(found, key=order)))
                for unit, per_month in by_unit.items() for month, found in per_month.items()
                if len(found) >= settings.crunch_min and not graph.nodes[unit]["collective"]]
    crunches.sort(key=lambda c: (-len(c.tasks), c.month, c.unit.name, c.unit.node))
    undated = tuple(task_ref(graph, t) for t in tasks if not graph.nodes[t].get("deadline"))
    return Deadlines(months=months, table=tuple(table), crunches=tuple(crunches),
                     kinds=tuple((k, kinds[k]) for k in DEADLINE_KINDS), undated=undated)
