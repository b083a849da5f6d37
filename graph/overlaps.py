"""Where lead and support blur.

- ``lead_and_support``: one unit named both lead (牵头) and supporter (配合) of one task.
- ``joint_leads``: several concrete leads on one task, graded by whether a clause of those
  leads states a division of work (分工 / 分别): joint leads are legitimate in Chinese
  plans (分工牵头), so this is a graded finding, never an error.
- ``colead_pairs``: two concrete units leading at least ``colead_min`` tasks together
  (overlapping mandates). Linear in the leads: a unit leading fewer than ``colead_min``
  tasks is in no such pair and is dropped before any pair is formed, so one task led by
  3,000 units costs 3,000 steps, not 4.5 million pairs. Where more than ``PAIRS_ENUMERATED``
  pairs would remain (thousands of units leading the same tasks), they are counted with a
  sparse product, a block of units at a time, and the ``PAIRS_LISTED`` most shared are
  listed: ``count_colead_pairs`` gives the count beside them.
- ``similar_tasks``: two tasks of one plan whose texts are near-identical (rapidfuzz
  ratio at least ``similar_tasks``) but whose leads differ.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from .build import task_nodes
from .refs import TaskRef, UnitRef, task_order, task_ref, unit_ref
from .settings import AuditSettings

DIVISION_WORDS = re.compile(r"分工|分[别別]")
PAIRS_ENUMERATED = 200_000  # past this many candidate pairs, pairs are counted, not listed
PAIRS_LISTED = 10_000  # pairs listed at most (the most shared); the count says how many
BLOCK_ENTRIES = 1_000_000  # entries of one block of the sparse product (tens of MB)


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
    """Pairs of concrete units co-leading at least ``colead_min`` tasks, most first (at
    most ``PAIRS_LISTED``)."""
    return count_colead_pairs(graph, settings)[0]


def count_colead_pairs(graph: nx.Graph, settings: AuditSettings = AuditSettings()
                       ) -> tuple[tuple[CoLeadPair, ...], int]:
    """(the pairs of ``colead_pairs``, how many pairs there are in all)."""
    minimum = max(settings.colead_min, 1)
    leads = _pair_candidates({t: _leads(graph, t) for t in task_nodes(graph)}, minimum)
    if sum(len(us) * (len(us) - 1) // 2 for us in leads.values()) <= PAIRS_ENUMERATED:
        shared: dict[tuple[str, str], list[str]] = defaultdict(list)
        for task, units in leads.items():
            for pair in combinations(units, 2):
                shared[pair].append(task)
        found = [(len(ts), pair) for pair, ts in shared.items() if len(ts) >= minimum]
        total = len(found)
    else:
        found, total = _count_pairs(leads, minimum)
        shared = None
    found = sorted(found, key=lambda cp: (-cp[0], cp[1]))[:PAIRS_LISTED]
    order = task_order(graph)
    tasks_of = defaultdict(set)
    if shared is None:  # the tasks of the listed pairs only
        for task, units in leads.items():
            for u in units:
                tasks_of[u].add(task)
    pairs = []
    for count, (a, b) in found:
        tasks = shared[(a, b)] if shared is not None else tasks_of[a] & tasks_of[b]
        pairs.append(CoLeadPair(first=unit_ref(graph, a), second=unit_ref(graph, b),
                                count=count,
                                tasks=tuple(task_ref(graph, t) for t in sorted(tasks, key=order))))
    return tuple(pairs), total


def _pair_candidates(leads: dict[str, list[str]], minimum: int) -> dict[str, list[str]]:
    """The tasks' leads less every unit leading fewer than ``minimum`` of the tasks that
    still have two leads, repeated until nothing changes (each round is linear)."""
    while True:
        count = Counter(u for units in leads.values() for u in units)
        kept = {t: [u for u in units if count[u] >= minimum] for t, units in leads.items()}
        kept = {t: units for t, units in kept.items() if len(units) >= 2}
        if sum(map(len, kept.values())) == sum(map(len, leads.values())):
            return kept
        leads = kept


def _count_pairs(leads: dict[str, list[str]], minimum: int):
    """([(shared tasks, (a, b))] of the pairs sharing at least ``minimum`` tasks, the most
    shared ``PAIRS_LISTED`` kept, and the number of them all), from the unit x task matrix
    times its transpose, a block of units at a time so memory stays bounded."""
    from scipy import sparse

    units = sorted({u for us in leads.values() for u in us})
    index = {u: i for i, u in enumerate(units)}
    rows = [index[u] for us in leads.values() for u in us]
    cols = [j for j, us in enumerate(leads.values()) for _ in us]
    matrix = sparse.csr_matrix((np.ones(len(rows), dtype=np.int32), (rows, cols)),
                               shape=(len(units), len(leads)))
    transposed = matrix.T.tocsc()
    block = max(1, BLOCK_ENTRIES // max(1, len(units)))
    total, best = 0, []
    for start in range(0, len(units), block):
        product = sparse.triu(matrix[start:start + block] @ transposed, k=start + 1).tocoo()
        keep = product.data >= minimum
        row, col, count = product.row[keep], product.col[keep], product.data[keep]
        total += len(count)
        first = np.lexsort((col, row, -count))[:PAIRS_LISTED]  # units are in name order
        best += [(int(c), (units[start + r], units[k]))
                 for r, k, c in zip(row[first], col[first], count[first])]
        if len(best) > 2 * PAIRS_LISTED:
            best = sorted(best, key=lambda cp: (-cp[0], cp[1]))[:PAIRS_LISTED]
    return best, total


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
