"""Year over year: which tasks of a plan carry over into the next, and what changed.

First ``compare_series.check_series`` decides whether the two plans are one series; two
unrelated plans get no task links unless forced. Then ``compare_match.match_tasks`` links
tasks on absolute evidence (text, title, sentences, units, standing, section: the rule and
how its thresholds were set are in that module's docstring). Kinds: ``split`` where the old
task has several links, else ``merged`` where the new task has several, else ``same`` when
the bodies are equal or the text similarity reaches ``same_similarity``, else ``reworded``.
Tasks without a link are ``removed`` (old) or ``added`` (new); the closest candidate of an
unlinked task that missed the rule is listed apart as ``possible``.
"""
from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass

from dutygraph.model import Plan, Task
from dutygraph.loaders.readers.document import to_simplified
from dutygraph.loaders.units import Registry

from .chronic import ChronicTask, chronic_tasks
from .compare_match import MatchSettings, match_settings, match_tasks  # noqa: F401
from .compare_series import SeriesCheck, check_series
from .compare_summary import StepChange, step_change
from .compare_units import (Rename, UnitLoad, find_renames, plan_unit_names, task_units,
                            unit_loads)
from .names import OfficeNames, plan_names
from .textsim import task_body, words

KINDS = ("same", "reworded", "merged", "split")


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
    evidence: tuple[str, ...] = ()  # the kinds of evidence that agree (compare_match)


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
    series: SeriesCheck | None = None  # whether the two plans are one series
    possible: tuple[TaskPair, ...] = ()  # near misses of unlinked tasks, kind "possible"


@dataclass(frozen=True)
class Comparison:
    """Plans oldest first, one Step between each two, task lineages and unit loads."""

    plans: tuple[PlanInfo, ...]
    steps: tuple[Step, ...]
    chains: tuple[tuple[tuple[str, ...], ...], ...]  # per lineage: task ids in each plan
    loads: tuple[UnitLoad, ...]
    settings: MatchSettings
    chronic: tuple[ChronicTask, ...] = ()  # lineages in every plan of 3+ years of one place
    changes: tuple[StepChange, ...] = ()  # per step: lead moves per unit, added, removed


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
                settings: MatchSettings = MatchSettings(), force: bool = False) -> Step:
    """Match the tasks of two plans and say, for each carried-over task, how its units
    changed (units seen through the registry and ``graph.names``, renames not counted as
    changes). Plans that ``check_series`` calls unrelated get no links unless ``force``."""
    if not isinstance(registry, OfficeNames):
        registry = plan_names((old, new), registry)
    series = check_series(old, new, force)
    renames = find_renames(old, new, registry)
    rename = {r.old: r.new for r in renames}
    match = (match_tasks(old, new, registry, rename, settings) if series.linked
             else None)
    links = match.links if match else ()
    bodies_old = [_body(t) for t in old.tasks]
    bodies_new = [_body(t) for t in new.tasks]
    degree_old, degree_new = [0] * len(old.tasks), [0] * len(new.tasks)
    for ln in links:
        degree_old[ln.old] += 1
        degree_new[ln.new] += 1
    names_old, names_new = plan_unit_names(old, registry), plan_unit_names(new, registry)

    def pair(ln, kind):
        o, n = old.tasks[ln.old], new.tasks[ln.new]
        units_o, leads_o = task_units(o, registry, rename)
        units_n, leads_n = task_units(n, registry, {})
        raw_o = {registry.canonical(a.unit) for a in o.assignments if a.source != "inline"}
        return TaskPair(
            old=o, new=n, similarity=round(ln.similarity, 4), kind=kind,
            units_added=tuple(sorted(units_n - units_o)),
            units_removed=tuple(sorted(units_o - units_n)),
            units_renamed=tuple(sorted((a, b) for a, b in rename.items()
                                       if a in raw_o and b in units_n)),
            leads_old=tuple(sorted(leads_o)), leads_new=tuple(sorted(leads_n)),
            lead_changed=leads_o != leads_n, evidence=ln.evidence)

    pairs = tuple(pair(ln, _kind(ln.old, ln.new, ln.similarity, degree_old, degree_new,
                                 bodies_old, bodies_new, settings)) for ln in links)
    return Step(
        old=_info(old), new=_info(new), pairs=pairs,
        added=tuple(t for j, t in enumerate(new.tasks) if not degree_new[j]),
        removed=tuple(t for i, t in enumerate(old.tasks) if not degree_old[i]),
        renames=renames,
        units_added=tuple(sorted(names_new - names_old - set(rename.values()))),
        units_removed=tuple(sorted(names_old - names_new - set(rename))),
        series=series,
        possible=tuple(pair(ln, "possible") for ln in (match.possible if match else ())),
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
                  settings: MatchSettings = MatchSettings(), force: bool = False
                  ) -> Comparison:
    """Compare plans in the order given (oldest first): one Step between each two;
    ``force`` links the tasks of plans that look unrelated too."""
    plans = tuple(plans)
    if len(plans) < 2:
        raise ValueError(f"compare needs at least two plans, got {len(plans)}")
    registry = plan_names(plans, registry)  # one name per office, as in the audit
    steps = tuple(compare_two(a, b, registry, settings, force)
                  for a, b in zip(plans, plans[1:]))
    loads = unit_loads(plans, [s.renames for s in steps], registry)
    chains = _chains(plans, steps)
    changes = tuple(step_change(k, plans[k], plans[k + 1], s, registry)
                    for k, s in enumerate(steps))
    return Comparison(tuple(_info(p) for p in plans), steps, chains, loads, settings,
                      chronic=chronic_tasks(plans, steps, chains, registry), changes=changes)


def text_diff(old: str, new: str, by_words: bool = True) -> tuple[tuple[str, str, str], ...]:
    """Diff for display: (op, old part, new part), op in equal/replace/insert/delete.
    By words (jieba) so a reworded task shows whole words and phrases added and removed,
    compared in simplified script (a change of script is no change); ``by_words=False``
    diffs characters. ``autojunk`` is off: with it difflib ignores frequent items in
    sequences over 200 and the diff of a long task falls apart."""
    if by_words:
        old_parts, new_parts = words(old), words(new)
    else:
        old_parts, new_parts = tuple(old), tuple(new)
    matcher = difflib.SequenceMatcher(None, [to_simplified(w) for w in old_parts],
                                      [to_simplified(w) for w in new_parts], autojunk=False)
    return tuple((op, "".join(old_parts[a1:a2]), "".join(new_parts[b1:b2]))
                 for op, a1, a2, b1, b2 in matcher.get_opcodes())


COMPARE_SCHEMA = "dutygraph.compare/1"


def _task_dict(task: Task) -> dict:
    return {"id": task.id, "label": task.label, "title": task.title, "text": task.text,
            "line": task.line}


def _ref(task: Task) -> dict:
    return {"id": task.id, "label": task.label, "title": task.title}


def _change_dict(change: StepChange) -> dict:
    return {"step": change.step, "linked": change.linked,
            "leads": [{"unit": m.unit, "before": m.before, "after": m.after,
                       "change": m.change, "gained": [_ref(t) for t in m.gained],
                       "lost": [_ref(t) for t in m.lost]} for m in change.moves],
            "added": [_ref(t) for t in change.added],
            "removed": [_ref(t) for t in change.removed]}


def compare_to_dict(result: Comparison) -> dict:
    """The ``dutygraph.compare/1`` JSON object (documented in the README). Merges and
    splits give one pair per (old, new) link; ``step`` k compares plan k with plan k+1."""
    pairs, added, removed, renames, changes = [], [], [], [], []
    possible, series = [], []
    for k, step in enumerate(result.steps):
        for p in step.pairs:
            pairs.append({
                "step": k, "old": _task_dict(p.old), "new": _task_dict(p.new),
                "similarity": p.similarity, "kind": p.kind,
                "units_added": list(p.units_added), "units_removed": list(p.units_removed),
                "units_renamed": [{"old": a, "new": b} for a, b in p.units_renamed],
                "leads_old": list(p.leads_old), "leads_new": list(p.leads_new),
                "lead_changed": p.lead_changed, "evidence": list(p.evidence),
            })
        possible += [{"step": k, "old": _task_dict(p.old), "new": _task_dict(p.new),
                      "similarity": p.similarity, "evidence": list(p.evidence)}
                     for p in step.possible]
        if step.series is not None:
            series.append({"step": k, "verdict": step.series.verdict,
                           "forced": step.series.forced,
                           "facts": [dataclasses.asdict(f) for f in step.series.facts]})
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
        "series": series,
        "possible": possible,
        "change": [_change_dict(c) for c in result.changes],
        "chronic": [{"chain": [list(ids) for ids in c.chain],
                     "labels": [list(ls) for ls in c.labels], "title": c.title,
                     "leads": [list(ls) for ls in c.leads], "lead_changes": c.lead_changes,
                     "changed_steps": list(c.changed_steps)} for c in result.chronic],
    }
