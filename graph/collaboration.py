"""Who works with whom: the unit projection, coordination hubs, communities, loners.

The projection joins two concrete units once per task they are both counted on (edge
attribute ``weight`` = number of shared tasks). Collective units are left out: 各有关部门
would otherwise join every office to every other.

Betweenness is computed per connected component (additive there, so nothing is lost) and
normalised by the component's size, hop-counted (weights ignored). A component of more
than ``betweenness_exact_max`` units gets an estimate from ``betweenness_samples`` sources
drawn with ``seed``: exact betweenness is O(n·m) and a projection of a thousand plans of one
jurisdiction would take minutes. Communities are Louvain's with the same seed, on a graph
built in sorted order, so the same input gives the same communities.

Dense groups are measured without the projection. A task naming n units gives n(n-1)/2
links: one task of 3,000 units would be 4.5 million edges (3.5 GB and minutes of
betweenness). A connected group of units whose tasks would give more than
``projection_max_links`` links is measured on the task-unit graph instead: partners,
shared tasks, degree and isolation stay exact; betweenness is estimated in the
task-unit graph from ``betweenness_samples`` sources, fewer where that would walk more
than ``DENSE_VISITS`` edges, and communities are Louvain's there (task nodes dropped).
``Collaboration.approximated`` counts the units so measured.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from .build import task_nodes, unit_nodes
from .refs import UnitRef, unit_ref
from .settings import AuditSettings

DENSE_VISITS = 200_000  # edges sampled betweenness may walk in a dense group (about 1 s)


@dataclass(frozen=True)
class Centrality:
    unit: UnitRef
    partners: int  # units it shares a task with
    shared_tasks: int  # sum of the projection weights (strength)
    degree: float  # degree centrality within its component
    betweenness: float  # within its component; estimated when the component is large
    community: int  # index into Collaboration.communities


@dataclass(frozen=True)
class Collaboration:
    units: int
    links: int
    components: int
    sampled: bool  # True when some betweenness was estimated
    hubs: tuple[Centrality, ...]  # every unit, highest betweenness first
    communities: tuple[tuple[str, ...], ...]  # unit node ids, largest community first
    isolated: tuple[UnitRef, ...]  # concrete units sharing no task with another
    approximated: int = 0  # units of dense groups measured on the task-unit graph


def _task_units(graph: nx.Graph) -> dict[str, list[str]]:
    """Each task's concrete counted units, sorted."""
    return {task: sorted(u for u, d in graph[task].items()
                         if d["counted"] and not graph.nodes[u]["collective"])
            for task in task_nodes(graph)}


def _counted_units(graph: nx.Graph) -> list[str]:
    return sorted(u for u in unit_nodes(graph) if not graph.nodes[u]["collective"]
                  and any(d["counted"] for d in graph[u].values()))


def unit_projection(graph: nx.Graph, among=None) -> nx.Graph:
    """A new graph of the concrete units, weighted by the number of tasks they share;
    only the units in ``among`` when it is given (cheap for a few units of a dense graph)."""
    weights: Counter = Counter()
    keep = None if among is None else set(among)
    for units in _task_units(graph).values():
        if keep is not None:
            units = [u for u in units if u in keep]
        weights.update(combinations(units, 2))
    projection = nx.Graph()
    projection.add_nodes_from(u for u in _counted_units(graph) if keep is None or u in keep)
    projection.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return projection


def _groups(graph: nx.Graph, task_units: dict[str, list[str]]):
    """The connected groups of units (through shared tasks): (units, tasks, links the
    projection would have at most), found on the task-unit graph without projecting."""
    parent: dict[str, str] = {u: u for u in _counted_units(graph)}

    def root(u):
        while parent[u] != u:
            parent[u] = parent[parent[u]]
            u = parent[u]
        return u

    for units in task_units.values():
        for u in units[1:]:
            a, b = root(units[0]), root(u)
            if a != b:
                parent[max(a, b)] = min(a, b)
    members: dict[str, list[str]] = {}
    for u in parent:
        members.setdefault(root(u), []).append(u)
    tasks: dict[str, list[str]] = {}
    for task, units in task_units.items():
        if units:
            tasks.setdefault(root(units[0]), []).append(task)
    return [(sorted(units), sorted(tasks.get(r, ())),
             sum(len(task_units[t]) * (len(task_units[t]) - 1) // 2 for t in tasks.get(r, ())))
            for r, units in members.items()]


def _component_betweenness(component: nx.Graph, settings: AuditSettings) -> tuple[dict, bool]:
    n = component.number_of_nodes()
    if n <= settings.betweenness_exact_max:
        return nx.betweenness_centrality(component), False
    k = min(settings.betweenness_samples, n)
    return nx.betweenness_centrality(component, k=k, seed=settings.seed), True


def _dense_group(units: list[str], tasks: list[str], task_units: dict[str, list[str]],
                 settings: AuditSettings):
    """Per unit (partners, shared tasks, betweenness) and the communities of a dense group,
    measured on its task-unit graph (see the module's docstring)."""
    if len(tasks) == 1:  # one task naming them all: each the partner of every other, none
        n = len(units) - 1  # between two others (a star): no graph to build
        return {u: [n, n, 0.0] for u in units}, [sorted(units)]
    sub = nx.Graph()
    sub.add_nodes_from(units)
    sub.add_nodes_from(tasks)
    sub.add_edges_from((t, u) for t in tasks for u in task_units[t])
    sets = {t: set(task_units[t]) for t in tasks}
    measures = {}
    for u in units:
        mine = sorted((t for t in sub[u]), key=lambda t: -len(sets[t]))
        partners = set(sets[mine[0]])
        for t in mine[1:]:
            if len(partners) == len(units):
                break
            partners |= sets[t]
        measures[u] = [len(partners) - 1, sum(len(sets[t]) - 1 for t in mine)]
    k = max(1, min(settings.betweenness_samples, sub.number_of_nodes(),
                   DENSE_VISITS // sub.number_of_edges()))
    betweenness = nx.betweenness_centrality(sub, k=k, seed=settings.seed)
    for u in units:
        measures[u].append(betweenness[u])
    unit_set = set(units)
    communities = [sorted(c & unit_set) for c in nx.community.louvain_communities(
        sub, seed=settings.seed)]
    return measures, [c for c in communities if c]


def collaboration(graph: nx.Graph, settings: AuditSettings = AuditSettings()) -> Collaboration:
    task_units = _task_units(graph)
    groups = _groups(graph, task_units)
    dense = [g for g in groups if g[2] > settings.projection_max_links]
    exact = [u for units, _, links in groups if links <= settings.projection_max_links
             for u in units]
    projection = unit_projection(graph, among=exact if dense else None)
    communities = [sorted(c) for c in nx.community.louvain_communities(
        projection, weight="weight", seed=settings.seed)]
    measured = {}  # unit -> (partners, shared tasks, betweenness, group size)
    sampled = False
    for nodes in nx.connected_components(projection):
        component = nx.Graph(projection.subgraph(sorted(nodes)))  # a copy: views are 5x slower
        betweenness, estimated = _component_betweenness(component, settings)
        sampled = sampled or estimated
        for unit in nodes:
            measured[unit] = (component.degree(unit),
                              int(component.degree(unit, weight="weight")),
                              betweenness[unit], len(nodes))
    for units, tasks, _ in sorted(dense):
        measures, found = _dense_group(units, tasks, task_units, settings)
        communities += found
        measured.update((u, (*m, len(units))) for u, m in measures.items())
    communities.sort(key=lambda c: (-len(c), c[0]))
    community_of = {u: i for i, members in enumerate(communities) for u in members}
    hubs = [Centrality(unit=unit_ref(graph, u), partners=partners, shared_tasks=shared,
                       degree=partners / (size - 1) if size > 1 else 0.0,
                       betweenness=betweenness, community=community_of[u])
            for u, (partners, shared, betweenness, size) in measured.items()]
    hubs.sort(key=lambda h: (-h.betweenness, -h.shared_tasks, h.unit.node))
    return Collaboration(
        units=len(measured), links=sum(h.partners for h in hubs) // 2,
        components=len(groups), sampled=sampled or bool(dense), hubs=tuple(hubs),
        communities=tuple(tuple(c) for c in communities),
        isolated=tuple(unit_ref(graph, u) for u in sorted(measured) if not measured[u][0]),
        approximated=sum(len(units) for units, _, _ in dense))
