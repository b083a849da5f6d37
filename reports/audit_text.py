"""The audit as a short terminal summary: the counts, then the top findings with their lines.

Renders what ``graph.audit.run_audit`` found; computes nothing itself.
"""
from __future__ import annotations

from pathlib import Path

from graph.audit import Audit


def _where(path: str, line: int) -> str:
    return f"{Path(path).name}:{line}"


def _clip(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def audit_summary(audit: Audit, top: int = 5) -> str:
    """Counts and the ``top`` heaviest findings of each kind, each with file:line."""
    s, d = audit.summary, audit.distribution
    orphans = ", ".join(f"{n} {kind}" for kind, n in s.orphans)
    scopes = ", ".join(f"{x.scope.key} ({len(x.scope.plans)} plan(s), {x.overloaded} "
                       f"overloaded)" for x in audit.scopes)
    judged = [g for x in audit.scopes for g in x.groups if g.judged]
    out = [
        f"{s.plans} plan(s), {s.tasks} tasks, {s.units} units (+{s.collective_units} "
        f"collective), {s.counted_links} counted assignments",
        f"scopes ({audit.settings.scope}; loads never added across scopes): {scopes}",
        "; ".join([f"load: Gini {d.gini:.2f}, top 3 carry {d.top3_share:.0%}",
                   *(f"fence of {g.key} in {g.scope}: Q3 {g.distribution.q3:g} + "
                     f"{audit.settings.fence:g}*IQR {g.distribution.iqr:g} = "
                     f"{g.distribution.fence:g}" for g in judged),
                   f"{d.collective_only_share:.0%} of tasks rest only on collective units"]),
        f"findings: {s.overloaded} overloaded, orphans {orphans}, {s.lead_and_support} lead+support, "
        f"{s.joint_leads_unstated} joint leads without stated division, {s.colead_pairs} "
        f"co-lead pairs, {s.similar_tasks} similar tasks, {s.quality} data-quality",
    ]
    kinds = ", ".join(f"{n} {k}" for k, n in audit.deadlines.kinds if n)
    if kinds:
        out.append(f"deadlines: {kinds}; {s.crunches} unit-months with {audit.settings.crunch_min}+ "
                   f"tasks due")
    if s.roster_members:
        out.append(f"roster: {s.roster_members} member units, {s.members_without_tasks} on no "
                   f"task, {s.members_collective_only} only under catch-alls; "
                   f"{s.expanded_links} expanded assignments (not counted in loads)")
    for group in (g for x in audit.scopes for g in x.groups if g.kind != "collective"):
        rows = [x for x in audit.loads if x.scope == group.scope
                and x.peer_group == group.key][:top]
        out.append(f"\nheaviest of {group.key} in {group.scope} (weighted load; "
                   "lead/support/implement/supervise):")
        out += [f"  {x.rank:>3}. {x.unit.name}  {x.weighted:g}  "
                f"({x.lead}/{x.support}/{x.implement}/{x.supervise}, {x.share:.0%})"
                for x in rows]
    sections = [
        ("overloaded", [(f"{o.unit.name} in {o.scope} among {o.peer_group}: load "
                         f"{o.weighted:g}, {o.leads} leads ({', '.join(o.reasons)})",
                         _where(o.tasks[0].task.path, o.tasks[0].line) if o.tasks else "")
                        for o in audit.overloaded]),
        ("orphan tasks", [(f"[{o.kind}] {o.task.label} {_clip(o.task.title)}",
                           _where(o.task.path, o.task.line)) for o in audit.orphans]),
        ("lead and supporter of one task", [
            (f"{x.unit.name} on {x.task.label} {_clip(x.task.title, 20)}",
             _where(x.task.path, x.line)) for x in audit.lead_and_support]),
        ("joint leads, no division stated", [
            (f"{x.task.label}: {'、'.join(u.name for u in x.leads)}", _where(x.task.path, x.line))
            for x in audit.joint_leads if x.division == "unstated"]),
        ("co-leading pairs", [(f"{p.first.name} + {p.second.name}: {p.count} tasks",
                               _where(p.tasks[0].path, p.tasks[0].line)) for p in audit.colead_pairs]),
        ("near-identical tasks, different leads", [
            (f"{x.first.label} / {x.second.label} ({x.score:g}): {'、'.join(x.first_leads)} vs "
             f"{'、'.join(x.second_leads)}", _where(x.first.path, x.first.line))
            for x in audit.similar_tasks]),
        ("data quality", [(f"[{q.kind}] {q.message}", _where(q.path, q.line))
                          for q in audit.quality]),
        ("unit-months with several tasks due", [
            (f"{c.unit.name} {c.month}: {'、'.join(r.label for r in c.tasks)}",
             _where(c.tasks[0].path, c.tasks[0].line)) for c in audit.deadlines.crunches]),
        ("roster members on no task", [
            (f"{m.unit} ({'、'.join(m.people)})", _where(m.path, m.lines[0]))
            for m in audit.roster if m.status == "none"]),
        ("roster members only under catch-alls", [
            (f"{m.unit} ({'、'.join(m.people)}): {len(m.collective_tasks)} tasks",
             _where(m.path, m.lines[0])) for m in audit.roster if m.status == "collective_only"]),
        ("names merged into one unit", [(f"{m.unit.name} = {'、'.join(m.forms)}",
                                         m.unit.jurisdiction) for m in audit.merged_names]),
    ]
    for title, rows in sections:
        if not rows:
            continue
        out.append(f"\n{title} ({len(rows)}):")
        out += [f"  {where:<24} {text}" for text, where in rows[:top]]
        if len(rows) > top:
            out.append(f"  … {len(rows) - top} more (--format json for all)")
    return "\n".join(out) + "\n"


def write_graph(graph, path) -> None:
    """Write the graph as GraphML or GEXF, chosen by the file's suffix."""
    import networkx as nx

    from graph.build import graph_for_export

    suffix = Path(path).suffix.lower()
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    if suffix not in writers:
        raise ValueError(f"{path}: the graph file must end in .graphml or .gexf")
    writers[suffix](graph_for_export(graph), str(path))
