"""Work that has nobody: tasks with no unit, only collective units, or only inline ones.

Kinds, judged on each task's own assignments plus the plan's blanket clauses:

``none``      no unit at all
``implicit``  units only as the grammatical subject of a sentence (inline), never assigned
``diffuse``   assigned only to classes of offices (各有关部门, 各县市区人民政府 …)

A plan that names nobody (every task an orphan, none even of a collective unit: the 洪江
规划 names no unit at all) is one finding about that plan, not one per task:
``split_silent_plans`` takes its tasks out of the orphans and names the plan.

Inline assignments never make a task less orphaned, whatever ``include_inline`` says: the
question is whether the plan *assigns* the work. Nor do members a catch-all was expanded into.
"""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from .build import task_nodes
from .refs import TaskRef, task_order, task_ref

ORPHAN_KINDS = ("none", "implicit", "diffuse")


@dataclass(frozen=True)
class Orphan:
    task: TaskRef
    kind: str  # one of ORPHAN_KINDS
    text: str  # the task's full text, as in the source
    units: tuple[str, ...]  # the collective or inline units it does name
    clauses: tuple[str, ...]


def orphan_kind(graph: nx.Graph, task: str) -> str | None:
    """The orphan kind of one task node, or None when a concrete unit is assigned."""
    assigned = [u for u, d in graph[task].items() if set(d["sources"]) - {"inline", "expanded"}]
    if not graph[task]:
        return "none"
    if not assigned:
        return "implicit"
    if all(graph.nodes[u]["collective"] for u in assigned):
        return "diffuse"
    return None


def orphan_tasks(graph: nx.Graph) -> tuple[Orphan, ...]:
    """Every orphan task in reading order."""
    found = []
    for task in sorted(task_nodes(graph), key=task_order(graph)):
        kind = orphan_kind(graph, task)
        if kind is None:
            continue
        edges = graph[task]
        units = tuple(sorted(graph.nodes[u]["name"] for u in edges))
        clauses = tuple(dict.fromkeys(c for d in edges.values() for c in d["clauses"]))
        found.append(Orphan(task=task_ref(graph, task), kind=kind,
                            text=graph.nodes[task]["text"], units=units, clauses=clauses))
    return tuple(found)


def split_silent_plans(orphans, plans) -> tuple[tuple[Orphan, ...], tuple[tuple[str, int], ...]]:
    """(the orphans of the other plans, (path, tasks) of each plan that names no responsible
    unit on any task: every task an orphan of kind none or implicit)."""
    kinds: dict[str, list[str]] = {}
    for o in orphans:
        kinds.setdefault(o.task.path, []).append(o.kind)
    silent = tuple((p.source.path, len(p.tasks)) for p in plans
                   if p.tasks and len(kinds.get(p.source.path, ())) == len(p.tasks)
                   and "diffuse" not in kinds[p.source.path])
    paths = {path for path, _ in silent}
    return tuple(o for o in orphans if o.task.path not in paths), silent
