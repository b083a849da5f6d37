"""Who carries how much: loads per unit, their distribution, and the overloaded units.

A unit's weighted load is the sum, over the tasks it is counted on, of the weight of its
heaviest role on that task (a unit named lead and supporter of one task carries one task,
as lead). Collective units (各有关部门 …) are not offices: they get loads and ranks of their
own and never enter the distribution or the overload rule.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np
import pandas as pd

from loaders.model import ROLES

from .build import TASK, task_nodes, unit_nodes
from .refs import TaskRef, UnitRef, task_order, task_ref, unit_ref
from .settings import AuditSettings


@dataclass(frozen=True)
class UnitLoad:
    unit: UnitRef
    collective: bool
    tasks: int  # tasks the unit is counted on
    lead: int  # 牵头
    support: int  # 配合
    implement: int  # 落实
    supervise: int  # 督促
    weighted: float
    share: float  # of the weighted load of its group (concrete or collective units)
    rank: int  # within its group, 1 = heaviest; ties share the best rank


@dataclass(frozen=True)
class Distribution:
    """How evenly the concrete units share the work, and the fences the overload rule uses."""

    units: int
    total_load: float
    q1: float  # quartiles by linear interpolation (numpy's default, Excel's QUARTILE.INC)
    q3: float
    iqr: float
    fence: float  # q3 + settings.fence * iqr
    gini: float  # 0 = all equal, towards 1 = one unit carries everything
    top3_share: float  # share of the load carried by the three heaviest units
    total_leads: int  # lead assignments of concrete units
    lead_limit: float  # settings.lead_share * total_leads
    tasks: int  # all tasks in the graph
    collective_only_tasks: int  # tasks whose counted units are all collective
    collective_only_share: float


@dataclass(frozen=True)
class UnitTask:
    task: TaskRef
    roles: tuple[str, ...]
    clause: str
    line: int


@dataclass(frozen=True)
class Overload:
    unit: UnitRef
    weighted: float
    leads: int
    lead_share: float
    reasons: tuple[str, ...]  # "fence" (load above the fence), "lead_share"
    tasks: tuple[UnitTask, ...]


def task_weight(roles, settings: AuditSettings) -> float:
    return max((settings.weight(r) for r in roles), default=0.0)


def unit_loads(graph: nx.Graph, settings: AuditSettings = AuditSettings()) -> tuple[UnitLoad, ...]:
    """Loads of every unit counted on at least one task: concrete units by rank, then collective."""
    rows = []
    for unit in unit_nodes(graph):
        counts = dict.fromkeys(ROLES, 0)
        weighted, tasks = 0.0, 0
        for _, data in graph[unit].items():
            if not data["counted"]:
                continue
            tasks += 1
            for role in data["counted_roles"]:
                counts[role] += 1
            weighted += task_weight(data["counted_roles"], settings)
        if tasks:
            rows.append((unit, graph.nodes[unit]["collective"], tasks, counts, weighted))
    loads = []
    for collective in (False, True):
        group = sorted((r for r in rows if r[1] == collective), key=lambda r: (-r[4], r[0]))
        total = sum(r[4] for r in group)
        rank = 0
        for position, (unit, _, tasks, counts, weighted) in enumerate(group, 1):
            if position == 1 or weighted != group[position - 2][4]:
                rank = position
            loads.append(UnitLoad(unit=unit_ref(graph, unit), collective=collective,
                                  tasks=tasks, **counts, weighted=weighted,
                                  share=weighted / total if total else 0.0, rank=rank))
    return tuple(loads)


def loads_frame(loads) -> pd.DataFrame:
    """The loads as a new DataFrame, one row per unit (for tables and charts)."""
    columns = ["unit", "jurisdiction", "collective", "tasks", *ROLES, "weighted", "share", "rank"]
    return pd.DataFrame([(x.unit.name, x.unit.jurisdiction, x.collective, x.tasks, x.lead,
                          x.support, x.implement, x.supervise, x.weighted, x.share, x.rank)
                         for x in loads], columns=columns)


def gini(values) -> float:
    """Gini coefficient of non-negative values (0 for none, one, or all zero)."""
    x = np.sort(np.asarray(values, dtype=float))
    n = len(x)
    if n < 2 or x.sum() == 0:
        return 0.0
    index = np.arange(1, n + 1)
    return float((2 * (index * x).sum()) / (n * x.sum()) - (n + 1) / n)


def load_distribution(graph: nx.Graph, loads, settings: AuditSettings = AuditSettings()
                      ) -> Distribution:
    concrete = [x for x in loads if not x.collective]
    values = np.array([x.weighted for x in concrete], dtype=float)
    q1, q3 = (float(v) for v in np.percentile(values, [25, 75])) if len(values) else (0.0, 0.0)
    total = float(values.sum())
    total_leads = sum(x.lead for x in concrete)
    tasks = task_nodes(graph)
    collective_only = sum(1 for t in tasks if _only_collective(graph, t))
    return Distribution(
        units=len(concrete), total_load=total, q1=q1, q3=q3, iqr=q3 - q1,
        fence=q3 + settings.fence * (q3 - q1), gini=gini(values),
        top3_share=float(np.sort(values)[::-1][:3].sum() / total) if total else 0.0,
        total_leads=total_leads, lead_limit=settings.lead_share * total_leads,
        tasks=len(tasks), collective_only_tasks=collective_only,
        collective_only_share=collective_only / len(tasks) if tasks else 0.0)


def _only_collective(graph: nx.Graph, task: str) -> bool:
    counted = [u for u, d in graph[task].items() if d["counted"]]
    return bool(counted) and all(graph.nodes[u]["collective"] for u in counted)


def overloaded_units(graph: nx.Graph, loads, distribution: Distribution,
                     settings: AuditSettings = AuditSettings()) -> tuple[Overload, ...]:
    """Concrete units on at least ``min_tasks`` tasks whose weighted load exceeds the fence,
    or whose leads exceed ``lead_share`` of all leads; heaviest first, each with its tasks."""
    found = []
    for load in loads:
        if load.collective or load.tasks < settings.min_tasks:
            continue
        reasons = []
        if load.weighted > distribution.fence:
            reasons.append("fence")
        if distribution.total_leads and load.lead > distribution.lead_limit:
            reasons.append("lead_share")
        if not reasons:
            continue
        neighbours = graph[load.unit.node]
        tasks = tuple(
            UnitTask(task=task_ref(graph, t), roles=neighbours[t]["counted_roles"],
                     clause=neighbours[t]["clause"], line=neighbours[t]["line"])
            for t in sorted((t for t, d in neighbours.items()
                             if d["counted"] and graph.nodes[t]["bipartite"] == TASK),
                            key=task_order(graph)))
        share = load.lead / distribution.total_leads if distribution.total_leads else 0.0
        found.append(Overload(unit=load.unit, weighted=load.weighted, leads=load.lead,
                              lead_share=share, reasons=tuple(reasons), tasks=tasks))
    return tuple(found)
