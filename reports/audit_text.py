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
    out = [
        f"{s.plans} plan(s), {s.tasks} tasks, {s.units} units (+{s.collective_units} "
        f"collective), {s.counted_links} counted assignments",
        f"load: Gini {d.gini:.2f}, top 3 carry {d.top3_share:.0%}; fence "
        f"Q3 {d.q3:g} + {audit.settings.fence:g}*IQR {d.iqr:g} = {d.fence:g}; "
        f"{d.collective_only_share:.0%} of tasks rest only on collective units",
        f"findings: {s.overloaded} overloaded, orphans {orphans}, {s.lead_and_support} lead+support, "
        f"{s.joint_leads_unstated} joint leads without stated division, {s.colead_pairs} "
        f"co-lead pairs, {s.similar_tasks} similar tasks, {s.quality} data-quality",
    ]
    if audit.collaboration.approximated:
        out.append(f"collaboration: {audit.collaboration.approximated} units in groups too dense "
                   "for the unit projection; their betweenness and communities are estimated "
                   "on the task-unit graph (approximate)")
    concrete = [x for x in audit.loads if not x.collective][:top]
    if concrete:
        out.append("\nheaviest units (weighted load; lead/support/implement/supervise):")
        out += [f"  {x.rank:>3}. {x.unit.name}  {x.weighted:g}  "
                f"({x.lead}/{x.support}/{x.implement}/{x.supervise}, {x.share:.0%})"
                for x in concrete]
    sections = [
        ("overloaded", [(f"{o.unit.name}: load {o.weighted:g}, {o.leads} leads "
                         f"({', '.join(o.reasons)})",
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
