"""Who carries how much: loads per unit, their distribution, and the overloaded units.

A unit's weighted load is the sum, over the tasks it is counted on, of the weight of its
heaviest role on that task (a unit named lead and supporter of one task carries one task,
as lead). Units are ranked and judged among their peers (``graph.peers``): one
jurisdiction's departments with each other, its territorial units (county governments,
development zones …) with each other. Collective units (各有关部门 …) are not offices: they
get loads and ranks of their own and never enter a distribution or the overload rule.
The graph given is one audit scope (``graph.scopes``): loads never add up across years.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx
import numpy as np

from dutygraph.model import ROLES

from .build import TASK, task_nodes, unit_nodes
from .peers import PEER_KINDS, peer_group, peer_kind
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
    share: float  # of the weighted load of its peer group
    rank: int  # within its peer group, 1 = heaviest; ties share the best rank
    scope: str = ""  # key of the audit scope the load was counted in
    peer_group: str = ""  # key of its peer group, e.g. 怀化市/department
    main_roles: tuple[int, ...] = ()  # tasks by the unit's first role on each, in ROLES
    # order (lead, support, implement, supervise): each task once, so they add up to tasks


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
    scope: str = ""
    peer_group: str = ""  # the group whose fence and leads it was judged against


@dataclass(frozen=True)
class PeerGroup:
    """One jurisdiction's units of one peer kind within a scope, and their distribution."""

    scope: str
    key: str  # <jurisdiction>/<kind>
    jurisdiction: str
    kind: str  # one of graph.peers.PEER_KINDS
    units: int
    judged: bool  # concrete, with at least settings.min_peers units: overload is judged
    distribution: Distribution


def task_weight(roles, settings: AuditSettings) -> float:
    return max((settings.weight(r) for r in roles), default=0.0)


def unit_loads(graph: nx.Graph, settings: AuditSettings = AuditSettings(), scope: str = ""
               ) -> tuple[UnitLoad, ...]:
    """Loads of every unit counted on at least one task, by peer group (departments, then
    territorial units, then collective ones; jurisdictions in order), each group by rank."""
    rows = []
    for unit in unit_nodes(graph):
        counts = dict.fromkeys(ROLES, 0)
        main = dict.fromkeys(ROLES, 0)
        weighted, tasks = 0.0, 0
        for _, data in graph[unit].items():
            if not data["counted"]:
                continue
            tasks += 1
            for role in data["counted_roles"]:
                counts[role] += 1
            main[min(data["counted_roles"], key=ROLES.index)] += 1
            weighted += task_weight(data["counted_roles"], settings)
        if tasks:
            data = graph.nodes[unit]
            kind = peer_kind(data["name"], data["collective"])
            rows.append(((PEER_KINDS.index(kind), data["jurisdiction"]),
                         peer_group(data["jurisdiction"], kind), unit, data["collective"],
                         tasks, counts, weighted, tuple(main.values())))
    loads = []
    for order in sorted({r[0] for r in rows}):
        group = sorted((r for r in rows if r[0] == order), key=lambda r: (-r[6], r[2]))
        total = sum(r[6] for r in group)
        rank = 0
        for position, (_, key, unit, collective, tasks, counts, weighted, main) in enumerate(
                group, 1):
            if position == 1 or weighted != group[position - 2][6]:
                rank = position
            loads.append(UnitLoad(unit=unit_ref(graph, unit), collective=collective,
                                  tasks=tasks, **counts, weighted=weighted,
                                  share=weighted / total if total else 0.0, rank=rank,
                                  scope=scope, peer_group=key, main_roles=main))
    return tuple(loads)


def loads_frame(loads) -> "pd.DataFrame":
    """The loads as a new DataFrame, one row per unit (for tables and charts); pandas is
    imported here only (it costs half a second, which the report need not pay)."""
    import pandas as pd

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


def load_distribution(graph: nx.Graph, loads, settings: AuditSettings = AuditSettings(),
                      concrete_only: bool = True) -> Distribution:
    """Spread of the loads given (the concrete ones only, unless ``concrete_only`` is off);
    ``tasks`` and the collective-only counts are those of the graph."""
    concrete = [x for x in loads if not (concrete_only and x.collective)]
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


def peer_groups(graph: nx.Graph, loads, settings: AuditSettings = AuditSettings()
                ) -> tuple[PeerGroup, ...]:
    """The peer groups of ``loads`` (in their order), each with the distribution of its
    units' loads: the fence and lead limit the overload rule applies to its members."""
    groups = []
    for key in dict.fromkeys(x.peer_group for x in loads):
        members = [x for x in loads if x.peer_group == key]
        jurisdiction, _, kind = key.rpartition("/")
        groups.append(PeerGroup(
            scope=members[0].scope, key=key, jurisdiction=jurisdiction, kind=kind,
            units=len(members),
            judged=kind != "collective" and len(members) >= settings.min_peers,
            distribution=load_distribution(graph, members, settings, concrete_only=False)))
    return tuple(groups)


def overloaded_units(graph: nx.Graph, loads, groups, settings: AuditSettings = AuditSettings()
                     ) -> tuple[Overload, ...]:
    """Concrete units on at least ``min_tasks`` tasks whose weighted load exceeds their
    peer group's fence, or whose leads exceed ``lead_share`` of the group's leads; only in
    groups of at least ``min_peers`` units (``PeerGroup.judged``). Heaviest first within
    each group, each with its tasks."""
    by_key = {g.key: g for g in groups}
    found = []
    for load in loads:
        group = by_key.get(load.peer_group)
        if load.collective or load.tasks < settings.min_tasks or not (group and group.judged):
            continue
        distribution = group.distribution
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
                              lead_share=share, reasons=tuple(reasons), tasks=tasks,
                              scope=load.scope, peer_group=load.peer_group))
    return tuple(found)
