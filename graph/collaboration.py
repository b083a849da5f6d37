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
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations

import networkx as nx

from .build import task_nodes, unit_nodes
from .refs import UnitRef, unit_ref
from .settings import AuditSettings


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


def unit_projection(graph: nx.Graph) -> nx.Graph:
    """A new graph of the concrete units, weighted by the number of tasks they share."""
    weights: Counter = Counter()
    for task in task_nodes(graph):
        units = sorted(u for u, d in graph[task].items()
                       if d["counted"] and not graph.nodes[u]["collective"])
        weights.update(combinations(units, 2))
    projection = nx.Graph()
    projection.add_nodes_from(sorted(
        u for u in unit_nodes(graph)
        if not graph.nodes[u]["collective"] and any(d["counted"] for d in graph[u].values())))
    projection.add_weighted_edges_from((a, b, w) for (a, b), w in sorted(weights.items()))
    return projection


def _component_betweenness(component: nx.Graph, settings: AuditSettings) -> tuple[dict, bool]:
    n = component.number_of_nodes()
    if n <= settings.betweenness_exact_max:
        return nx.betweenness_centrality(component), False
    k = min(settings.betweenness_samples, n)
    return nx.betweenness_centrality(component, k=k, seed=settings.seed), True


def collaboration(graph: nx.Graph, settings: AuditSettings = AuditSettings()) -> Collaboration:
    projection = unit_projection(graph)
    communities = sorted((sorted(c) for c in nx.community.louvain_communities(
        projection, weight="weight", seed=settings.seed)), key=lambda c: (-len(c), c[0]))
    community_of = {u: i for i, members in enumerate(communities) for u in members}
    hubs, sampled, components = [], False, 0
    for nodes in sorted((sorted(c) for c in nx.connected_components(projection))):
        components += 1
        component = nx.Graph(projection.subgraph(nodes))  # a copy: views are 5x slower
        betweenness, estimated = _component_betweenness(component, settings)
        sampled = sampled or estimated
        scale = 1 / (len(nodes) - 1) if len(nodes) > 1 else 0.0
        for unit in nodes:
            hubs.append(Centrality(
                unit=unit_ref(graph, unit), partners=component.degree(unit),
                shared_tasks=int(component.degree(unit, weight="weight")),
                degree=component.degree(unit) * scale, betweenness=betweenness[unit],
                community=community_of[unit]))
    hubs.sort(key=lambda h: (-h.betweenness, -h.shared_tasks, h.unit.node))
    return Collaboration(
        units=projection.number_of_nodes(), links=projection.number_of_edges(),
        components=components, sampled=sampled, hubs=tuple(hubs),
        communities=tuple(tuple(c) for c in communities),
        isolated=tuple(unit_ref(graph, u) for u in sorted(nx.isolates(projection))))
