"""The workload audit: every finding of the responsibility graph in one frozen record.

``run_audit`` builds the graph (or takes one) and runs each analysis; ``audit_to_dict``
gives the ``dutygraph.audit/1`` JSON object documented in the README. Loads, their
distribution, overload and co-leading pairs are computed per audit scope
(``graph.scopes``) and per peer group (``graph.peers``), never across years; the
per-task findings (orphans, overlaps, quality) and the collaboration network are
computed over every plan given.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

import networkx as nx

from dutygraph.loaders.screen import Skipped
from dutygraph.model import Plan

from .build import build_graph, plan_keys
from .collaboration import Collaboration, collaboration
from .deadlines import Deadlines, deadlines_over_time
from .expand import expand_plans
from .loads import (Distribution, Overload, PeerGroup, UnitLoad, load_distribution,
                    overloaded_units, peer_groups, unit_loads)
from .names import MergedName, merged_names
from .orphans import ORPHAN_KINDS, Orphan, orphan_tasks, split_silent_plans
from .overlaps import (CoLeadPair, JointLeads, LeadAndSupport, SimilarTasks, count_colead_pairs,
                       joint_leads, lead_and_support, similar_tasks)
from .quality import QualityFinding, data_quality
from .roster import RosterMember, roster_members
from .scopes import Scope, UnitTrend, plan_scopes, scope_graphs, unit_trends
from .settings import AuditSettings

AUDIT_SCHEMA = "dutygraph.audit/1"
FINDING_GROUPS = ("overloaded", "orphans", "overlaps", "quality")


@dataclass(frozen=True)
class PlanSummary:
    key: str  # prefix of the plan's task node ids
    path: str
    title: str
    jurisdiction: str
    year: int | None
    sha256: str
    tasks: int
    coverage: float = 1.0  # how well it was read (Plan.reading)
    poor: bool = False  # the reading should not be trusted


@dataclass(frozen=True)
class Summary:
    plans: int
    tasks: int
    units: int  # concrete units counted on at least one task
    collective_units: int
    links: int  # task-unit edges, inline ones included
    counted_links: int  # edges that count in loads
    overloaded: int
    orphans: tuple[tuple[str, int], ...]  # (kind, count) for each of ORPHAN_KINDS
    lead_and_support: int
    joint_leads_unstated: int
    joint_leads_stated: int
    colead_pairs: int
    similar_tasks: int
    quality: int
    expanded_links: int = 0  # edges to members a catch-all was expanded into (never counted)
    roster_members: int = 0  # member units of the plans' rosters
    members_without_tasks: int = 0  # ... on no task at all
    members_collective_only: int = 0  # ... reached only through catch-alls (各成员单位)
    undated_tasks: int = 0  # tasks with no deadline written
    crunches: int = 0  # (unit, month) pairs with settings.crunch_min tasks falling due
    scopes: int = 1
    merged_names: int = 0
    duplicates: int = 0  # files skipped as copies of a plan counted (loaders.screen)
    not_plans: int = 0  # files skipped as no plan at all


@dataclass(frozen=True)
class ScopeAudit:
    """What one scope's loads say: its plans, spread and peer groups."""

    scope: Scope
    tasks: int
    units: int  # concrete units counted on a task of the scope
    overloaded: int
    distribution: Distribution  # over the scope's concrete units (descriptive)
    groups: tuple[PeerGroup, ...]  # the overload rule's fences live here
    collaboration: Collaboration | None = None  # who works with whom within the scope: one
    # place, one year (the audit's ``collaboration`` pools every plan)


@dataclass(frozen=True)
class Audit:
    settings: AuditSettings
    plans: tuple[PlanSummary, ...]
    summary: Summary
    loads: tuple[UnitLoad, ...]  # concrete units by rank, then collective units by rank
    distribution: Distribution
    overloaded: tuple[Overload, ...]
    orphans: tuple[Orphan, ...]
    lead_and_support: tuple[LeadAndSupport, ...]
    joint_leads: tuple[JointLeads, ...]
    colead_pairs: tuple[CoLeadPair, ...]
    similar_tasks: tuple[SimilarTasks, ...]
    collaboration: Collaboration
    quality: tuple[QualityFinding, ...]
    roster: tuple[RosterMember, ...] = ()  # member units of the plans' rosters and their tasks
    deadlines: Deadlines = Deadlines((), (), (), (), ())  # what falls due when, and what never
    scopes: tuple[ScopeAudit, ...] = ()
    trends: tuple[UnitTrend, ...] = ()
    merged_names: tuple[MergedName, ...] = ()
    skipped: tuple[Skipped, ...] = ()  # files read but not counted (loaders.screen)


def audit_graph(plans, settings: AuditSettings = AuditSettings(), registry=None) -> nx.Graph:
    """The graph an audit with these settings reads (also what ``--graph`` exports): catch-alls
    expanded into the plans' roster members unless ``settings.expand_members`` is off."""
    if settings.expand_members:
        plans = expand_plans(plans, settings.expand_also)
    return build_graph(plans, include_inline=settings.include_inline, registry=registry,
                       include_standing=settings.include_standing)


def scope_findings(graph: nx.Graph, plans, settings: AuditSettings = AuditSettings()):
    """(scope audits, loads, overloaded units, co-leading pairs, how many co-leading pairs
    in all), each scope on its own part of the graph; the lists run scope after scope."""
    scopes, loads, overloaded, pairs, pair_count = [], [], [], [], 0
    for scope, part in scope_graphs(graph, plan_scopes(plans, plan_keys(plans), settings.scope)):
        scope_loads = unit_loads(part, settings, scope.key)
        groups = peer_groups(part, scope_loads, settings)
        scope_overloaded = overloaded_units(part, scope_loads, groups, settings)
        distribution = load_distribution(part, scope_loads, settings)
        scopes.append(ScopeAudit(scope, distribution.tasks, distribution.units,
                                 len(scope_overloaded), distribution, groups,
                                 collaboration(part, settings)))
        loads += scope_loads
        overloaded += scope_overloaded
        listed, counted = count_colead_pairs(part, settings)
        pairs += listed
        pair_count += counted
    return tuple(scopes), tuple(loads), tuple(overloaded), tuple(pairs), pair_count


def run_audit(plans, settings: AuditSettings = AuditSettings(), registry=None,
              graph: nx.Graph | None = None, skipped: tuple[Skipped, ...] = ()) -> Audit:
    """Every finding over ``plans``. Pass ``graph`` when it was built already, and the
    files ``loaders.screen`` left out as ``skipped`` so the audit names them."""
    plans = tuple(plans)
    graph = audit_graph(plans, settings, registry) if graph is None else graph
    scopes, loads, overloaded, pairs, pair_count = scope_findings(graph, plans, settings)
    distribution = load_distribution(graph, loads, settings)  # pooled over scopes
    orphans, silent = split_silent_plans(orphan_tasks(graph), plans)
    both = lead_and_support(graph)
    joint = joint_leads(graph)
    similar = similar_tasks(graph, settings)
    merged = merged_names(graph)
    poor = tuple(QualityFinding(kind="poor_reading", path=p.source.path, line=0, params=(
        ("coverage", f"{p.reading.coverage:.0%}"), ("unread", "、".join(p.reading.unread[:5]))))
        for p in plans if p.reading.poor)  # a plan read badly: its findings rest on little
    quality = poor + tuple(QualityFinding(kind="no_units", path=path, line=0,
                                          params=(("tasks", n),))
                           for path, n in silent) + data_quality(graph, plans, settings)
    members = roster_members(plans, settings)
    due = deadlines_over_time(graph, settings)
    summary = Summary(
        plans=len(plans), tasks=distribution.tasks,
        units=len({x.unit.node for x in loads if not x.collective}),
        collective_units=len({x.unit.node for x in loads if x.collective}),
        links=graph.number_of_edges(),
        counted_links=sum(1 for _, _, c in graph.edges(data="counted") if c),
        overloaded=len(overloaded),
        orphans=tuple((k, sum(1 for o in orphans if o.kind == k)) for k in ORPHAN_KINDS),
        lead_and_support=len(both),
        joint_leads_unstated=sum(1 for j in joint if j.division == "unstated"),
        joint_leads_stated=sum(1 for j in joint if j.division == "stated"),
        colead_pairs=pair_count, similar_tasks=len(similar), quality=len(quality),
        expanded_links=sum(1 for _, _, e in graph.edges(data="expanded") if e),
        roster_members=len(members),
        members_without_tasks=sum(1 for m in members if m.status == "none"),
        members_collective_only=sum(1 for m in members if m.status == "collective_only"),
        undated_tasks=len(due.undated), crunches=len(due.crunches),
        scopes=len(scopes), merged_names=len(merged),
        duplicates=sum(1 for s in skipped if s.reason == "duplicate"),
        not_plans=sum(1 for s in skipped if s.reason == "not_plan"))
    return Audit(
        settings=settings, plans=_plan_summaries(plans), summary=summary, loads=loads,
        distribution=distribution, overloaded=overloaded, orphans=orphans,
        lead_and_support=both, joint_leads=joint, colead_pairs=pairs, similar_tasks=similar,
        collaboration=collaboration(graph, settings), quality=quality, roster=members,
        deadlines=due, scopes=scopes,
        trends=unit_trends(tuple(s.scope for s in scopes), loads), merged_names=merged,
        skipped=tuple(skipped))


def _plan_summaries(plans: tuple[Plan, ...]) -> tuple[PlanSummary, ...]:
    return tuple(PlanSummary(key=key, path=p.source.path, title=p.title,
                             jurisdiction=p.jurisdiction, year=p.year, sha256=p.source.sha256,
                             tasks=len(p.tasks), coverage=p.reading.coverage,
                             poor=p.reading.poor)
                 for key, p in zip(plan_keys(plans), plans))


def finding_counts(audit: Audit) -> dict[str, int]:
    """Findings per group of ``FINDING_GROUPS`` (what ``--fail-on`` tests). Joint leads with
    a stated division are legitimate and not counted as overlaps."""
    s = audit.summary
    return {
        "overloaded": s.overloaded,
        "orphans": sum(n for _, n in s.orphans),
        "overlaps": s.lead_and_support + s.joint_leads_unstated + s.colead_pairs + s.similar_tasks,
        "quality": s.quality,
    }


def _plain(value):
    """JSON-ready form: dataclasses to dicts, tuples to lists, floats rounded to 6 places."""
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    if isinstance(value, float):
        return round(value, 6)
    return value


def audit_to_dict(audit: Audit) -> dict:
    """The ``dutygraph.audit/1`` JSON object (field order fixed, so output is byte-stable)."""
    body = _plain(audit)
    body["settings"]["weights"] = dict(audit.settings.weights)
    body["summary"]["orphans"] = dict(audit.summary.orphans)
    body["deadlines"]["kinds"] = dict(audit.deadlines.kinds)
    # each scope: its own fields (key, year, jurisdictions, plans) first, then its findings
    body["scopes"] = [{**scope.pop("scope"), **scope} for scope in body["scopes"]]
    for q, plain in zip(audit.quality, body["quality"]):
        plain["params"] = {k: _plain(v) for k, v in q.params}
    return {"schema": AUDIT_SCHEMA, **body}
