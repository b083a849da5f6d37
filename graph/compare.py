"""Year over year: which tasks of a plan carry over into the next, and what changed.

Tasks are matched by the similarity of their text, never by number or position (plans
are renumbered every year; daff-style positional matching calls everything "modified",
and difflib silently junks characters in sequences over 200 items). The rule:

1. Each task's body (simplified script; number, assignment clause and punctuation
   removed) becomes a character n-gram TF-IDF vector; ``similarity`` is the cosine.
2. A pair is a *candidate* when its similarity is at least ``min_similarity`` and it
   stands out from the background of both its tasks by ``min_distinct`` standard
   deviations (``textsim.distinctiveness``), or its similarity alone reaches
   ``sure_similarity`` (small plans have too few tasks for a background).
3. The optimal one-to-one assignment (``scipy.optimize.linear_sum_assignment``) keeps
   its candidate pairs; then every candidate within ``near_best`` of the best
   similarity of its old task's row or its new task's column is linked too, if it
   stands out by ``extra_distinct`` (a second link for a task needs more evidence than
   its first): one new task continuing several old ones is a merge, one old task
   continued by several new ones a split.
4. Kinds: ``split`` where the old task has several links, else ``merged`` where the new
   task has several, else ``same`` when the bodies are equal or the similarity reaches
   ``same_similarity``, else ``reworded``. Tasks without a link are ``removed`` (old)
   or ``added`` (new).

The defaults were set on the Huaihua 2021→2022 gold mapping and sit in the middle of a
plateau: ``min_distinct`` 1.6–1.7, ``extra_distinct`` 1.8–1.85 and ``near_best`` 0.8–0.9
all give P 0.91 / R 0.91 there (with the extraction parser); past 1.9 recall drops.
"""
from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass

import numpy as np
from scipy.optimize import linear_sum_assignment

from dutygraph.model import Plan, Task
from dutygraph.loaders.units import Registry

from .chronic import ChronicTask, chronic_tasks
from .compare_units import (Rename, UnitLoad, find_renames, plan_unit_names, task_units,
                            unit_loads)
from .names import OfficeNames, plan_names
from .textsim import distinctiveness, task_body, tfidf_cosine
from .settings import checked_number

KINDS = ("same", "reworded", "merged", "split")


@dataclass(frozen=True)
class MatchSettings:
    """Thresholds of the matching rule (see the module docstring)."""

    min_similarity: float = 0.2
    min_distinct: float = 1.7
    extra_distinct: float = 1.85
    sure_similarity: float = 0.6
    near_best: float = 0.85
    same_similarity: float = 0.95
    ngram: tuple[int, ...] = (1,)


@dataclass(frozen=True)
class TaskPair:
    """A link between an old task and the new task that continues it."""

    old: Task
    new: Task
    similarity: float
    kind: str  # one of KINDS
    units_added: tuple[str, ...] = ()
    units_removed: tuple[str, ...] = ()
    units_renamed: tuple[tuple[str, str], ...] = ()  # (old name, new name)
    leads_old: tuple[str, ...] = ()  # old leads, under their new names where renamed
    leads_new: tuple[str, ...] = ()
    lead_changed: bool = False


@dataclass(frozen=True)
class PlanInfo:
    """Which plan a side of the comparison is."""

    path: str
    title: str
    year: int | None
    jurisdiction: str
    tasks: int


@dataclass(frozen=True)
class Step:
    """The comparison of one plan with the next."""

    old: PlanInfo
    new: PlanInfo
    pairs: tuple[TaskPair, ...]
    added: tuple[Task, ...]
    removed: tuple[Task, ...]
    renames: tuple[Rename, ...]
    units_added: tuple[str, ...] = ()  # named only by the new plan (renames excluded)
    units_removed: tuple[str, ...] = ()  # named only by the old plan (renames excluded)


@dataclass(frozen=True)
class Comparison:
    """Plans oldest first, one Step between each two, task lineages and unit loads."""

    plans: tuple[PlanInfo, ...]
    steps: tuple[Step, ...]
    chains: tuple[tuple[tuple[str, ...], ...], ...]  # per lineage: task ids in each plan
    loads: tuple[UnitLoad, ...]
    settings: MatchSettings
    chronic: tuple[ChronicTask, ...] = ()  # lineages in every plan of 3+ years of one place


def task_links(old_texts, new_texts, settings: MatchSettings = MatchSettings()):
    """Links between two lists of task bodies: ((old index, new index, similarity), …)."""
    sim = tfidf_cosine(old_texts, new_texts, settings.ngram)
    if sim.size == 0:
        return ()
    distinct = distinctiveness(sim)
    candidate = (sim >= settings.min_similarity) & (
        (distinct >= settings.min_distinct) | (sim >= settings.sure_similarity))
    rows, cols = linear_sum_assignment(-sim)
    linked = np.zeros_like(candidate)
    linked[rows, cols] = True
    linked &= candidate
    row_best = sim.max(axis=1, keepdims=True)
    col_best = sim.max(axis=0, keepdims=True)
    near = (sim >= settings.near_best * row_best) | (sim >= settings.near_best * col_best)
    strong = (distinct >= settings.extra_distinct) | (sim >= settings.sure_similarity)
    linked |= candidate & strong & near
    return tuple((int(i), int(j), float(sim[i, j])) for i, j in zip(*np.nonzero(linked)))


def _kind(i, j, sim, degree_old, degree_new, bodies_old, bodies_new, settings) -> str:
    if degree_old[i] > 1:
        return "split"
    if degree_new[j] > 1:
        return "merged"
    if bodies_old[i] == bodies_new[j] or sim >= settings.same_similarity:
        return "same"
    return "reworded"


def _body(task: Task) -> str:
    clauses = tuple(a.clause for a in task.assignments if a.source != "inline")
    return task_body(task.text or task.title, clauses)


def _info(plan: Plan) -> PlanInfo:
    return PlanInfo(plan.source.path, plan.title, plan.year, plan.jurisdiction, len(plan.tasks))


def compare_two(old: Plan, new: Plan, registry: Registry | None = None,
                settings: MatchSettings = MatchSettings()) -> Step:
    """Match the tasks of two plans and say, for each carried-over task, how its units
    changed (units seen through the registry and ``graph.names``, renames not counted as
    changes)."""
    if not isinstance(registry, OfficeNames):
        registry = plan_names((old, new), registry)
    bodies_old = [_body(t) for t in old.tasks]
    bodies_new = [_body(t) for t in new.tasks]
    links = task_links(bodies_old, bodies_new, settings)
    degree_old, degree_new = [0] * len(old.tasks), [0] * len(new.tasks)
    for i, j, _ in links:
        degree_old[i] += 1
        degree_new[j] += 1
    renames = find_renames(old, new, registry)
    rename = {r.old: r.new for r in renames}
    names_old, names_new = plan_unit_names(old, registry), plan_unit_names(new, registry)
    pairs = []
    for i, j, sim in links:
        o, n = old.tasks[i], new.tasks[j]
        units_o, leads_o = task_units(o, registry, rename)
        units_n, leads_n = task_units(n, registry, {})
        raw_o = {registry.canonical(a.unit) for a in o.assignments if a.source != "inline"}
        pairs.append(TaskPair(
            old=o, new=n, similarity=round(sim, 4),
            kind=_kind(i, j, sim, degree_old, degree_new, bodies_old, bodies_new, settings),
            units_added=tuple(sorted(units_n - units_o)),
            units_removed=tuple(sorted(units_o - units_n)),
            units_renamed=tuple(sorted((a, b) for a, b in rename.items()
                                       if a in raw_o and b in units_n)),
            leads_old=tuple(sorted(leads_o)), leads_new=tuple(sorted(leads_n)),
            lead_changed=leads_o != leads_n,
        ))
    return Step(
        old=_info(old), new=_info(new), pairs=tuple(pairs),
        added=tuple(t for j, t in enumerate(new.tasks) if not degree_new[j]),
        removed=tuple(t for i, t in enumerate(old.tasks) if not degree_old[i]),
        renames=renames,
        units_added=tuple(sorted(names_new - names_old - set(rename.values()))),
        units_removed=tuple(sorted(names_old - names_new - set(rename))),
    )


def _chains(plans, steps) -> tuple:
    """Lineages: the connected groups of tasks linked through every step, each given as
    the task ids it holds in each plan (oldest first)."""
    parent: dict = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for k, plan in enumerate(plans):
        for t in plan.tasks:
            find((k, t.id))
    for k, step in enumerate(steps):
        for p in step.pairs:
            a, b = find((k, p.old.id)), find((k + 1, p.new.id))
            if a != b:
                parent[max(a, b)] = min(a, b)
    order = {(k, t.id): (k, n) for k, plan in enumerate(plans) for n, t in enumerate(plan.tasks)}
    groups: dict = {}
    for node in sorted(order, key=order.get):
        groups.setdefault(find(node), []).append(node)
    chains = []
    for members in groups.values():
        chains.append(tuple(tuple(tid for kk, tid in members if kk == k)
                            for k in range(len(plans))))
    return tuple(chains)


def compare_plans(plans, registry: Registry | None = None,
                  settings: MatchSettings = MatchSettings()) -> Comparison:
    """Compare plans in the order given (oldest first): one Step between each two."""
    plans = tuple(plans)
    if len(plans) < 2:
        raise ValueError(f"compare needs at least two plans, got {len(plans)}")
    registry = plan_names(plans, registry)  # one name per office, as in the audit
    steps = tuple(compare_two(a, b, registry, settings) for a, b in zip(plans, plans[1:]))
    loads = unit_loads(plans, [s.renames for s in steps], registry)
    chains = _chains(plans, steps)
    return Comparison(tuple(_info(p) for p in plans), steps, chains, loads, settings,
                      chronic=chronic_tasks(plans, steps, chains, registry))


def text_diff(old: str, new: str) -> tuple[tuple[str, str, str], ...]:
    """Character diff for display: (op, old part, new part), op in equal/replace/insert/
    delete. ``autojunk`` is off: with it difflib ignores frequent characters in texts
    over 200 characters and the diff of a long task falls apart."""
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return tuple((op, old[a1:a2], new[b1:b2]) for op, a1, a2, b1, b2 in matcher.get_opcodes())


COMPARE_SCHEMA = "dutygraph.compare/1"


def _task_dict(task: Task) -> dict:
    return {"id": task.id, "label": task.label, "title": task.title, "text": task.text,
            "line": task.line}


def compare_to_dict(result: Comparison) -> dict:
    """The ``dutygraph.compare/1`` JSON object (documented in the README). Merges and
    splits give one pair per (old, new) link; ``step`` k compares plan k with plan k+1."""
    pairs, added, removed, renames, changes = [], [], [], [], []
    for k, step in enumerate(result.steps):
        for p in step.pairs:
            pairs.append({
                "step": k, "old": _task_dict(p.old), "new": _task_dict(p.new),
                "similarity": p.similarity, "kind": p.kind,
                "units_added": list(p.units_added), "units_removed": list(p.units_removed),
                "units_renamed": [{"old": a, "new": b} for a, b in p.units_renamed],
                "leads_old": list(p.leads_old), "leads_new": list(p.leads_new),
                "lead_changed": p.lead_changed,
            })
        added += [{"step": k, **_task_dict(t)} for t in step.added]
        removed += [{"step": k, **_task_dict(t)} for t in step.removed]
        renames += [{"step": k, "old": r.old, "new": r.new, "year": r.year}
                    for r in step.renames]
        changes.append({"step": k, "units_added": list(step.units_added),
                        "units_removed": list(step.units_removed)})
    summary = []
    for k, step in enumerate(result.steps):
        kinds = {kind: sum(1 for p in step.pairs if p.kind == kind) for kind in KINDS}
        summary.append({"step": k, "old": step.old.path, "new": step.new.path, **kinds,
                        "added": len(step.added), "removed": len(step.removed),
                        "lead_changed": sum(1 for p in step.pairs if p.lead_changed)})
    return {
        "schema": COMPARE_SCHEMA,
        "plans": [dataclasses.asdict(p) for p in result.plans],
        "settings": {**dataclasses.asdict(result.settings), "ngram": list(result.settings.ngram)},
        "summary": summary,
        "pairs": pairs,
        "added": added,
        "removed": removed,
        "renames": renames,
        "unit_changes": changes,
        "loads": [{"unit": u.unit, "names": list(u.names), "leads": list(u.leads),
                   "supports": list(u.supports), "others": list(u.others),
                   "totals": list(u.totals), "lead_change": u.lead_change,
                   "support_change": u.support_change, "total_change": u.total_change}
                  for u in result.loads],
        "chains": [[list(ids) for ids in chain] for chain in result.chains],
        "chronic": [{"chain": [list(ids) for ids in c.chain],
                     "labels": [list(ls) for ls in c.labels], "title": c.title,
                     "leads": [list(ls) for ls in c.leads], "lead_changes": c.lead_changes,
                     "changed_steps": list(c.changed_steps)} for c in result.chronic],
    }


def match_settings(spec: str | None, base: MatchSettings = MatchSettings()) -> MatchSettings:
    """Settings from ``KEY=V,…`` (``--threshold min_distinct=1.8,near_best=0.9``).
    Raises ValueError naming the bad key or value and the keys there are."""
    if not spec:
        return base
    names = [f.name for f in dataclasses.fields(MatchSettings) if f.name != "ngram"]
    changes = {}
    for item in spec.split(","):
        key, sep, value = item.partition("=")
        key = key.strip()
        if not sep or key not in names:
            raise ValueError(f"'{item.strip()}' is not KEY=VALUE with a known key "
                             f"(keys: {', '.join(names)})")
        try:
            changes[key] = float(value)
        except ValueError:
            raise ValueError(f"'{key}' needs a number, got '{value.strip()}'") from None
        checked_number(key, changes[key])  # no NaN, infinity or negative threshold
    return dataclasses.replace(base, **changes)
