"""Where lead and support blur.

- ``lead_and_support``: one unit named both lead (牵头) and supporter (配合) of one task.
- ``joint_leads``: several concrete leads on one task, graded by whether a clause of those
  leads states a division of work (分工 / 分别): joint leads are legitimate in Chinese
  plans (分工牵头), so this is a graded finding, never an error.
- ``colead_pairs``: two concrete units leading at least ``colead_min`` tasks together
  (overlapping mandates).
- ``similar_tasks``: two tasks of one plan whose texts are near-identical (rapidfuzz
  ratio at least ``similar_tasks``) but whose leads differ.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from .build import task_nodes
from .refs import TaskRef, UnitRef, task_order, task_ref, unit_ref
from .settings import AuditSettings

DIVISION_WORDS = re.compile(r"分工|分[别別]")


@dataclass(frozen=True)
class LeadAndSupport:
    task: TaskRef
    unit: UnitRef
    roles: tuple[str, ...]
    clauses: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class JointLeads:
    task: TaskRef
    leads: tuple[UnitRef, ...]
    division: str  # "stated" when a lead's clause says 分工/分别, else "unstated"
    clauses: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class CoLeadPair:
    first: UnitRef
    second: UnitRef
    count: int
    tasks: tuple[TaskRef, ...]


@dataclass(frozen=True)
class SimilarTasks:
    first: TaskRef
    second: TaskRef
    score: float  # rapidfuzz ratio of the two texts, 0-100
    first_leads: tuple[str, ...]
    second_leads: tuple[str, ...]


def _leads(graph: nx.Graph, task: str, concrete: bool = True) -> list[str]:
    return sorted(u for u, d in graph[task].items() if "lead" in d["counted_roles"]
                  and not (concrete and graph.nodes[u]["collective"]))


def lead_and_support(graph: nx.Graph) -> tuple[LeadAndSupport, ...]:
    found = []
    for task in sorted(task_nodes(graph), key=task_order(graph)):
        for unit, data in sorted(graph[task].items()):
            roles = data["counted_roles"]
            if "lead" in roles and "support" in roles:
                found.append(LeadAndSupport(task=task_ref(graph, task), unit=unit_ref(graph, unit),
                                            roles=roles, clauses=data["clauses"],
                                            line=data["line"]))
    return tuple(found)


def joint_leads(graph: nx.Graph) -> tuple[JointLeads, ...]:
    found = []
    for task in sorted(task_nodes(graph), key=task_order(graph)):
        leads = _leads(graph, task)
        if len(leads) < 2:
            continue
        edges = graph[task]
        clauses = tuple(dict.fromkeys(c for u in leads for c in edges[u]["clauses"]))
        stated = any(DIVISION_WORDS.search(c) for c in clauses)
        found.append(JointLeads(task=task_ref(graph, task),
                                leads=tuple(unit_ref(graph, u) for u in leads),
                                division="stated" if stated else "unstated", clauses=clauses,
                                line=min(edges[u]["line"] for u in leads)))
    return tuple(found)


def colead_pairs(graph: nx.Graph, settings: AuditSettings = AuditSettings()
                 ) -> tuple[CoLeadPair, ...]:
    """Pairs of concrete units co-leading at least ``colead_min`` tasks, most first."""
    shared: dict[tuple[str, str], list[str]] = defaultdict(list)
    for task in task_nodes(graph):
        for pair in combinations(_leads(graph, task), 2):
            shared[pair].append(task)
    order = task_order(graph)
    return tuple(
        CoLeadPair(first=unit_ref(graph, a), second=unit_ref(graph, b), count=len(tasks),
                   tasks=tuple(task_ref(graph, t) for t in sorted(tasks, key=order)))
        for (a, b), tasks in sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        if len(tasks) >= max(settings.colead_min, 1))


def _compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


def similar_tasks(graph: nx.Graph, settings: AuditSettings = AuditSettings()
                  ) -> tuple[SimilarTasks, ...]:
    """Near-identical tasks within one plan whose lead units differ, most similar first."""
    by_plan: dict[str, list[str]] = defaultdict(list)
    for task in task_nodes(graph):
        if _leads(graph, task, concrete=False):
            by_plan[graph.nodes[task]["plan"]].append(task)
    found = []
    order = task_order(graph)
    for plan in sorted(by_plan):
        tasks = sorted(by_plan[plan], key=order)
        if len(tasks) < 2:
            continue
        texts = [_compact(graph.nodes[t]["text"] or graph.nodes[t]["title"]) for t in tasks]
        scores = process.cdist(texts, texts, scorer=fuzz.ratio, dtype=np.float32,
                               score_cutoff=settings.similar_tasks, workers=1)
        for i, j in zip(*np.nonzero(np.triu(scores, k=1))):
            first, second = tasks[i], tasks[j]
            leads_a = _lead_names(graph, first)
            leads_b = _lead_names(graph, second)
            if leads_a != leads_b:
                found.append(SimilarTasks(first=task_ref(graph, first),
                                          second=task_ref(graph, second),
                                          score=round(float(scores[i, j]), 1),
                                          first_leads=leads_a, second_leads=leads_b))
    return tuple(sorted(found, key=lambda s: (-s.score, s.first.path, s.first.line,
                                              s.second.line)))


def _lead_names(graph: nx.Graph, task: str) -> tuple[str, ...]:
    return tuple(sorted(graph.nodes[u]["name"] for u in _leads(graph, task, concrete=False)))
