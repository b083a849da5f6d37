"""The public API: the one way into the layers, for a notebook and for ``main.py`` alike.

``read`` turns files (folders, globs, review workbooks) or an archive into Plans; ``audit``
runs the workload audit; ``compare`` puts plans side by side, oldest first; ``frame`` gives
the task x unit rows as a pandas DataFrame. Each is a plain function over the frozen model;
nothing here prints or exits.

    >>> import dutygraph
    >>> from pathlib import Path
    >>> samples = Path(dutygraph.__file__).parent / "data" / "plans"
    >>> plans = dutygraph.read([samples / "huaihua-2022-safety-key-points.txt"])
    >>> [(p.jurisdiction, p.year) for p in plans]
    [('怀化市', 2022)]
    >>> rows = dutygraph.frame(plans)
    >>> list(rows.columns) == list(FRAME_COLUMNS)
    True
    >>> leads = [a for t in plans[0].tasks for a in t.assignments if a.role == "lead"]
    >>> int((rows.role == "lead").sum()) == len(leads)
    True
    >>> result = dutygraph.audit(plans, scope="plan", fence=2.0)
    >>> result.settings.fence, result.summary.plans
    (2.0, 1)
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable

from dutygraph.model import Plan

OVERLOAD_KEYS = ("fence", "lead_share", "min_tasks", "min_peers")
FRAME_COLUMNS = ("plan", "year", "jurisdiction", "label", "task", "unit", "role", "evidence",
                 "line", "path", "task_id")


@dataclass(frozen=True)
class Loaded:
    """What one reading gave: the plans, the files that failed (``LoadError``, one each,
    naming the file and the problem) and how many files were tried."""

    plans: tuple[Plan, ...]
    failures: tuple = ()
    files: int = 0
    skipped: tuple = ()  # loaders.screen.Skipped: copies read once, files that are no plan


@dataclass(frozen=True)
class Audited:
    """An audit with the plans and the graph it read (the report and ``--graph`` need it)."""

    plans: tuple[Plan, ...]
    audit: object  # graph.audit.Audit
    graph: object  # networkx.Graph


def load(paths=(), encoding: str | None = None, jobs: int | None = None, *, db=None,
         year: int | None = None, jurisdiction: str | None = None, catch: bool = True,
         progress: Callable | None = None) -> Loaded:
    """Every plan of the archive ``db`` (if given) and of ``paths`` (files, folders walked,
    globs expanded), those of ``year`` and ``jurisdiction`` when given; bad files are
    collected in ``failures``, the others go on. The one load path of every command."""
    from dutygraph.loaders.inputs import expand_inputs
    from dutygraph.loaders.parallel import Crash, load_many
    from dutygraph.loaders.readers.document import LoadError

    plans, failures = [], []
    if db is not None:
        from dutygraph.archive import archived_plans

        try:
            plans.extend(archived_plans(db, year=year, jurisdiction=jurisdiction))
        except LoadError as err:
            failures.append(err)
    files = expand_inputs(paths) if paths else []
    results = load_many(files, encoding, jobs, catch=catch)
    for path, result in (progress(results, len(files)) if progress else results):
        if isinstance(result, LoadError):
            failures.append(result)
        elif isinstance(result, Crash):  # a parser bug on one file: the others still ran
            failures.append(LoadError(path, f"could not be parsed ({result.kind}: "
                                            f"{result.message}; --debug shows the traceback)"))
        else:
            plans.extend(result)
    if year is not None or jurisdiction is not None:
        plans = [p for p in plans if _matches(p, year, jurisdiction)]
    from dutygraph.loaders.screen import screen_plans

    screened = screen_plans(plans)  # copies read once, files that are no plan left out
    return Loaded(tuple(screened.plans), tuple(failures), len(files), tuple(screened.skipped))


def _matches(plan: Plan, year, jurisdiction) -> bool:
    return ((year is None or plan.year == year)
            and (jurisdiction is None or plan.jurisdiction == jurisdiction))


def read(paths=(), encoding: str | None = None, jobs: int | None = None, **archive) -> list[Plan]:
    """The plans of ``paths`` (a path or a list of them); a file that cannot be read raises
    its ``LoadError`` (use ``load`` to go on past bad files). ``db=``, ``year=`` and
    ``jurisdiction=`` read from an archive too."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    loaded = load(paths, encoding, jobs, **archive)
    if loaded.failures:
        raise loaded.failures[0]
    return list(loaded.plans)


def audit_settings(folder=None, *, base=None, weights: dict | None = None,
                   overload: dict | None = None, scope: str | None = None,
                   expand_also: Iterable[str] = (), **fields):
    """``AuditSettings``: ``base``, else the defaults (or ``folder``'s ``dutygraph.toml``),
    then the changes: role ``weights``, the ``overload`` rule (or its keys ``fence``,
    ``lead_share``, ``min_tasks``, ``min_peers`` alone), ``scope``, more classes to
    ``expand_also``, any other field by name (None leaves it). ValueError names the fault."""
    from dutygraph.graph.settings import (AuditSettings, read_settings, with_overload, with_scope,
                                          with_weights)

    if base is None:
        base = read_settings(folder)[0] if folder is not None else AuditSettings()
    overload = dict(overload or {}) | {k: fields.pop(k) for k in OVERLOAD_KEYS if k in fields}
    unknown = sorted(set(fields) - {f.name for f in dataclasses.fields(AuditSettings)})
    if unknown:
        raise ValueError(f"unknown setting '{unknown[0]}'")
    base = dataclasses.replace(base, **{k: v for k, v in fields.items() if v is not None})
    if weights:
        base = with_weights(base, weights)
    if overload:
        base = with_overload(base, overload)
    if scope is not None:
        base = with_scope(base, scope)
    if expand_also:
        from dutygraph.loaders.units import normalise_name

        names = tuple(normalise_name(n.strip()) for n in expand_also if n.strip())
        base = dataclasses.replace(base, expand_also=base.expand_also + names)
    return base


def run_audit(plans, settings=None, roster=None, skipped=()) -> Audited:
    """The audit of ``plans`` with its graph; ``roster`` (members) replaces the plans' own
    rosters. The one audit pipeline of ``audit``, ``report`` and ``archive``."""
    from dutygraph.graph.audit import audit_graph, run_audit as audit_plans

    settings = settings or audit_settings()
    plans = tuple(plans if roster is None else (dataclasses.replace(p, roster=roster)
                                                for p in plans))
    graph = audit_graph(plans, settings)
    return Audited(plans, audit_plans(plans, settings, graph=graph, skipped=skipped), graph)


def audit(plans, *, base=None, roster=None, **settings):
    """Every finding over ``plans`` (a ``graph.audit.Audit``): loads among peers, overload,
    orphans, overlaps, collaboration, quality, deadlines. ``settings`` as for
    ``audit_settings``, e.g. ``audit(plans, weights={"lead": 2}, scope="plan")``."""
    return run_audit(plans, audit_settings(base=base, **settings), roster).audit


def compare(old, new=None, *more, settings=None, force=False, **thresholds):
    """The comparison of plans in the order given, oldest first (a ``graph.compare.
    Comparison``): ``compare(old, new)``, ``compare(a, b, c)`` or ``compare([a, b, c])``;
    ``thresholds`` replace the matching ``settings`` (``min_similarity=…``); plans that are
    not one series get no task links unless ``force``."""
    from dutygraph.graph.compare import MatchSettings, compare_plans

    plans = [old, new, *more] if new is not None else list(old)
    return compare_plans(plans, settings=dataclasses.replace(settings or MatchSettings(),
                                                            **thresholds), force=force)


def frame(plans):
    """The task x unit rows of ``plans`` as a pandas DataFrame (columns ``FRAME_COLUMNS``):
    one row per assignment, and one with an empty unit and role for a task nobody holds, as
    ``extract --format csv`` has them. ``plan`` is the plan's name (its title)."""
    import pandas as pd

    from dutygraph.reports.strings import plan_name

    rows = []
    for plan in plans:
        name = plan_name(plan.title, plan.jurisdiction, plan.year, plan.source.path)
        for task in plan.tasks:
            base = (name, plan.year, plan.jurisdiction, task.label, task.title)
            if not task.assignments:
                rows.append((*base, "", "", "", task.line, plan.source.path, task.id))
            for a in task.assignments:
                rows.append((*base, a.unit, a.role, a.evidence, a.line or task.line,
                             plan.source.path, task.id))
    table = pd.DataFrame(rows, columns=list(FRAME_COLUMNS))
    table["year"] = table["year"].astype("Int64")
    return table
