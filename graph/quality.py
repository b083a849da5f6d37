"""Data quality: what in the extraction a reader should check before trusting the findings.

- ``similar_names``: two concrete units of one jurisdiction whose names look alike
  (rapidfuzz ratio at least ``similar_units``), e.g. 市警支队 beside 市交警支队: a typo or
  an alias the registry lacks. Named as a pair, never merged. A body and its office
  (市应急救援总指挥部, 市应急救援总指挥部办公室) are two units, not a typo.
- ``not_exhaustive``: a list of units ending in 等, so not every responsible unit is named.
- the plan's own warnings (garbled lines, page breaks, …) under their own kinds.
- ``unplaced``: text the loaders could place neither in a task nor in a known region.

Findings are data, not sentences: a kind and its parameters (``params``), which the
reports render in Chinese or English (``reports.strings.quality_message``). A loader
warning keeps the loader's own (English) message under ``params["message"]``.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx
import numpy as np
from rapidfuzz import fuzz, process

from .build import task_nodes, unit_nodes
from .refs import TaskRef, task_order, task_ref
from .settings import AuditSettings


@dataclass(frozen=True)
class QualityFinding:
    kind: str  # similar_names, not_exhaustive, unplaced, or a Plan warning's kind
    path: str
    line: int
    params: tuple[tuple[str, object], ...] = ()  # the kind's parameters, in a fixed order
    text: str = ""  # the source text the finding rests on (clause, line, region)
    task: TaskRef | None = None
    units: tuple[str, ...] = ()
    score: float | None = None  # similarity, for similar_names


def _first_use(graph: nx.Graph, unit: str) -> tuple[str, int, str]:
    """(node, line, clause) of the first task that names ``unit``, in reading order."""
    order = task_order(graph)
    task = min(graph[unit], key=order)
    data = graph[unit][task]
    return task, data["line"], data["clause"]


OFFICES = ("办公室", "办")


def office_of(x: str, y: str) -> bool:
    """Whether one name is the other's office (X and X办公室, X and X办): one unit's office
    is another unit, and no misspelling of it.

    >>> office_of("市应急救援总指挥部", "市应急救援总指挥部办公室"), office_of("市警支队", "市交警支队")
    (True, False)
    """
    short, long = sorted((x, y), key=len)
    return long.startswith(short) and long[len(short):] in OFFICES


ROWS = 512  # names compared a block at a time
SIMILAR_MAX = 5000  # names of one place compared for typos at most (pairs grow as the square)
CITE = 400  # characters of a clause quoted in a finding


def similar_unit_names(graph: nx.Graph, settings: AuditSettings = AuditSettings()
                       ) -> tuple[QualityFinding, ...]:
    """Pairs of concrete units whose names or mentions look alike, the rarer one cited."""
    by_jurisdiction: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for unit in sorted(unit_nodes(graph)):
        data = graph.nodes[unit]
        if not data["collective"] and graph.degree(unit):
            for label in dict.fromkeys((data["name"], *data["mentions"])):
                by_jurisdiction[data["jurisdiction"]].append((unit, label))
    best: dict[tuple[str, str], float] = {}
    for jurisdiction in sorted(by_jurisdiction):
        entries = by_jurisdiction[jurisdiction]
        if len({u for u, _ in entries}) < 2:
            continue
        labels = [label for _, label in entries]
        if len(labels) > SIMILAR_MAX:  # a plan naming thousands of offices in one place
            continue  # is no typo hunt: a bound, so an adversarial list stays linear
        partner: dict[str, tuple[float, str]] = {}  # each unit's one most alike other unit
        for start in range(0, len(labels), ROWS):  # rows in blocks: memory stays bounded
            scores = process.cdist(labels[start: start + ROWS], labels, scorer=fuzz.ratio,
                                   dtype=np.float32, score_cutoff=settings.similar_units,
                                   workers=1)
            for i, j in zip(*np.nonzero(scores)):
                a, b = entries[start + i][0], entries[j][0]
                if a < b and not office_of(graph.nodes[a]["name"], graph.nodes[b]["name"]):
                    score = float(scores[i, j])
                    for unit, other in ((a, b), (b, a)):
                        if score > partner.get(unit, (0.0, ""))[0]:
                            partner[unit] = (score, other)
        for unit, (score, other) in partner.items():
            pair = (min(unit, other), max(unit, other))
            best[pair] = max(best.get(pair, 0.0), score)
    found = []
    for (a, b), score in best.items():
        # the rarer name is the suspect; cite where it is used
        rare, common = sorted((a, b), key=lambda u: (graph.degree(u), u))
        task, line, clause = _first_use(graph, rare)
        x, y = graph.nodes[rare]["name"], graph.nodes[common]["name"]
        found.append(QualityFinding(
            kind="similar_names", path=graph.nodes[task]["path"], line=line,
            params=(("name", x), ("tasks", graph.degree(rare)), ("like", y),
                    ("like_tasks", graph.degree(common))),
            text=clause if len(clause) <= CITE else clause[:CITE] + "…", task=task_ref(graph, task),
            units=(x, y), score=round(score, 1)))
    return tuple(sorted(found, key=lambda f: (f.path, f.line, f.units)))


def not_exhaustive_lists(graph: nx.Graph) -> tuple[QualityFinding, ...]:
    found = []
    for task in sorted(task_nodes(graph), key=task_order(graph)):
        by_clause: dict[tuple[str, int], list[str]] = defaultdict(list)
        for unit, data in graph[task].items():
            if not data["exhaustive"]:
                by_clause[(data["clause"], data["line"])].append(graph.nodes[unit]["name"])
        for (clause, line), names in sorted(by_clause.items(), key=lambda kv: kv[0][1]):
            found.append(QualityFinding(
                kind="not_exhaustive", path=graph.nodes[task]["path"], line=line,
                params=(("names", tuple(sorted(names))),),
                text=clause, task=task_ref(graph, task), units=tuple(sorted(names))))
    return tuple(found)


def plan_warnings(plans) -> tuple[QualityFinding, ...]:
    """The loaders' warnings and unplaced regions, as findings."""
    found = []
    for plan in plans:
        path = plan.source.path
        for warning in plan.warnings:
            found.append(QualityFinding(kind=warning.kind, path=path, line=warning.line,
                                        params=(("message", warning.message),),
                                        text=warning.text))
        for region in plan.coverage:
            if region.kind == "other" and region.chars:
                found.append(QualityFinding(
                    kind="unplaced", path=path, line=region.start_line,
                    params=(("chars", region.chars), ("start", region.start_line),
                            ("end", region.end_line))))
    return tuple(found)


def data_quality(graph: nx.Graph, plans, settings: AuditSettings = AuditSettings()
                 ) -> tuple[QualityFinding, ...]:
    return similar_unit_names(graph, settings) + not_exhaustive_lists(graph) + plan_warnings(plans)
