"""The audit as a short terminal summary (the counts, then the top findings with their
lines) and as the ``dutygraph.audit/1`` JSON object.

Renders what ``graph.audit.run_audit`` found; computes nothing itself. Words come from
``reports.strings`` (Chinese by default, ``--lang en``).
"""
from __future__ import annotations

from pathlib import Path

from dutygraph.graph.audit import Audit, audit_to_dict

from .strings import (AUDIT_TEXT, DUE_KIND_WORDS, KIND_WORDS, SCOPE_WORDS, peer_group_name,
                      quality_message)


def _where(path: str, line: int) -> str:
    return f"{Path(path).name}:{line}"


def _clip(text: str, width: int = 30) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def audit_json(audit: Audit) -> dict:
    """``audit_to_dict`` with each data-quality finding's ``message`` in English, as the
    published contract has it (the finding itself carries only its kind and params)."""
    body = audit_to_dict(audit)
    for q, plain in zip(audit.quality, body["quality"]):
        plain["message"] = quality_message(q, "en")
    return body


def audit_summary(audit: Audit, top: int = 5, lang: str = "zh") -> str:
    """Counts and the ``top`` heaviest findings of each kind, each with file:line."""
    w, kinds = AUDIT_TEXT[lang], KIND_WORDS[lang]
    sep, semi = w["sep"], w["semi"]
    s, d = audit.summary, audit.distribution
    orphans = sep.join(w["orphan_kind"].format(kind=kinds.get(k, k), n=n) for k, n in s.orphans)
    scopes = sep.join(w["scope_item"].format(key=x.scope.key, plans=len(x.scope.plans),
                                             overloaded=x.overloaded) for x in audit.scopes)
    judged = [g for x in audit.scopes for g in x.groups if g.judged]
    out = [
        w["counts"].format(plans=s.plans, tasks=s.tasks, units=s.units,
                           collective=s.collective_units, links=s.counted_links),
        w["scopes"].format(rule=SCOPE_WORDS[lang].get(audit.settings.scope, audit.settings.scope),
                           scopes=scopes),
        semi.join([w["spread"].format(gini=d.gini, top3=d.top3_share),
                   *(w["fence"].format(group=peer_group_name(g.key, lang), scope=g.scope,
                                       q3=g.distribution.q3, k=audit.settings.fence,
                                       iqr=g.distribution.iqr, fence=g.distribution.fence)
                     for g in judged),
                   w["collective_only"].format(share=d.collective_only_share)]),
        w["totals"].format(overloaded=s.overloaded, orphans=orphans, both=s.lead_and_support,
                           joint=s.joint_leads_unstated, pairs=s.colead_pairs,
                           similar=s.similar_tasks, quality=s.quality),
    ]
    due = sep.join(w["due_kind"].format(kind=DUE_KIND_WORDS[lang].get(k, k), n=n)
                   for k, n in audit.deadlines.kinds if n)
    if due:
        out.append(w["deadlines"].format(kinds=due, crunches=s.crunches,
                                         min=audit.settings.crunch_min))
    if s.roster_members:
        out.append(w["roster"].format(members=s.roster_members, none=s.members_without_tasks,
                                      collective=s.members_collective_only,
                                      expanded=s.expanded_links))
    if audit.collaboration.approximated:
        out.append(w["approximated"].format(n=audit.collaboration.approximated))
    for group in (g for x in audit.scopes for g in x.groups if g.kind != "collective"):
        rows = [x for x in audit.loads if x.scope == group.scope
                and x.peer_group == group.key][:top]
        out.append("\n" + w["heaviest"].format(group=peer_group_name(group.key, lang),
                                                scope=group.scope))
        out += ["  " + w["load_row"].format(
            rank=x.rank, name=x.unit.name, weighted=x.weighted, lead=x.lead, support=x.support,
            implement=x.implement, supervise=x.supervise, share=x.share) for x in rows]
    sections = [
        ("overloaded", [(w["overloaded_row"].format(
            name=o.unit.name, scope=o.scope, group=peer_group_name(o.peer_group, lang),
            weighted=o.weighted, leads=o.leads,
            reasons=sep.join(kinds.get(r, r) for r in o.reasons)),
            _where(o.tasks[0].task.path, o.tasks[0].line) if o.tasks else "")
            for o in audit.overloaded]),
        ("orphans", [(f"[{kinds.get(o.kind, o.kind)}] {o.task.label} {_clip(o.task.title)}",
                      _where(o.task.path, o.task.line)) for o in audit.orphans]),
        ("both", [(w["both_row"].format(name=x.unit.name, label=x.task.label,
                                        title=_clip(x.task.title, 20)),
                   _where(x.task.path, x.line)) for x in audit.lead_and_support]),
        ("joint", [(f"{x.task.label}{w['colon']}{'、'.join(u.name for u in x.leads)}",
                    _where(x.task.path, x.line))
                   for x in audit.joint_leads if x.division == "unstated"]),
        ("pairs", [(w["pairs_row"].format(a=p.first.name, b=p.second.name, n=p.count),
                    _where(p.tasks[0].path, p.tasks[0].line)) for p in audit.colead_pairs]),
        ("similar", [(w["similar_row"].format(
            a=x.first.label, b=x.second.label, score=x.score, leads_a="、".join(x.first_leads),
            leads_b="、".join(x.second_leads)), _where(x.first.path, x.first.line))
            for x in audit.similar_tasks]),
        ("quality", [(f"[{kinds.get(q.kind, q.kind)}] {quality_message(q, lang)}",
                      _where(q.path, q.line)) for q in audit.quality]),
        ("crunches", [(w["crunch_row"].format(name=c.unit.name, month=c.month,
                                              labels="、".join(r.label for r in c.tasks)),
                       _where(c.tasks[0].path, c.tasks[0].line))
                      for c in audit.deadlines.crunches]),
        ("roster_none", [(w["member_row"].format(unit=m.unit, people="、".join(m.people)),
                          _where(m.path, m.lines[0])) for m in audit.roster if m.status == "none"]),
        ("roster_collective", [(w["member_tasks_row"].format(
            unit=m.unit, people="、".join(m.people), n=len(m.collective_tasks)),
            _where(m.path, m.lines[0])) for m in audit.roster if m.status == "collective_only"]),
        ("merged", [(f"{m.unit.name} = {'、'.join(m.forms)}", m.unit.jurisdiction)
                    for m in audit.merged_names]),
    ]
    for key, rows in sections:
        if not rows:
            continue
        out.append("\n" + w["heading"].format(title=w[key], n=len(rows)))
        out += [f"  {where:<24} {text}" for text, where in rows[:top]]
        if len(rows) > top:
            out.append(w["more"].format(n=len(rows) - top))
    return "\n".join(out) + "\n"


def write_graph(graph, path) -> None:
    """Write the graph as GraphML or GEXF, chosen by the file's suffix."""
    import networkx as nx

    from dutygraph.graph.build import graph_for_export

    suffix = Path(path).suffix.lower()
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    if suffix not in writers:
        raise ValueError(f"{path}: the graph file must end in .graphml or .gexf")
    writers[suffix](graph_for_export(graph), str(path))
