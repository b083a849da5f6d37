"""The audit as a short terminal summary (the counts, then the top findings with their
lines) and as the ``dutygraph.audit/1`` JSON object.

Renders what ``graph.audit.run_audit`` found; computes nothing itself. Words come from
``reports.strings`` (Chinese by default, ``--lang en``).
"""
from __future__ import annotations

from pathlib import Path

from graph.audit import Audit, audit_to_dict

from .strings import AUDIT_TEXT, KIND_WORDS, quality_message


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
    sep = "、" if lang == "zh" else ", "
    s, d = audit.summary, audit.distribution
    orphans = sep.join(w["orphan_kind"].format(kind=kinds.get(k, k), n=n) for k, n in s.orphans)
    out = [
        w["counts"].format(plans=s.plans, tasks=s.tasks, units=s.units,
                           collective=s.collective_units, links=s.counted_links),
        w["spread"].format(gini=d.gini, top3=d.top3_share, q3=d.q3, k=audit.settings.fence,
                           iqr=d.iqr, fence=d.fence, collective_only=d.collective_only_share),
        w["totals"].format(overloaded=s.overloaded, orphans=orphans, both=s.lead_and_support,
                           joint=s.joint_leads_unstated, pairs=s.colead_pairs,
                           similar=s.similar_tasks, quality=s.quality),
    ]
    concrete = [x for x in audit.loads if not x.collective][:top]
    if concrete:
        out.append("\n" + w["heaviest"])
        out += ["  " + w["load_row"].format(
            rank=x.rank, name=x.unit.name, weighted=x.weighted, lead=x.lead, support=x.support,
            implement=x.implement, supervise=x.supervise, share=x.share) for x in concrete]
    sections = [
        ("overloaded", [(w["overloaded_row"].format(
            name=o.unit.name, weighted=o.weighted, leads=o.leads,
            reasons=sep.join(kinds.get(r, r) for r in o.reasons)),
            _where(o.tasks[0].task.path, o.tasks[0].line) if o.tasks else "")
            for o in audit.overloaded]),
        ("orphans", [(f"[{kinds.get(o.kind, o.kind)}] {o.task.label} {_clip(o.task.title)}",
                      _where(o.task.path, o.task.line)) for o in audit.orphans]),
        ("both", [(w["both_row"].format(name=x.unit.name, label=x.task.label,
                                        title=_clip(x.task.title, 20)),
                   _where(x.task.path, x.line)) for x in audit.lead_and_support]),
        ("joint", [(f"{x.task.label}: {'、'.join(u.name for u in x.leads)}",
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

    from graph.build import graph_for_export

    suffix = Path(path).suffix.lower()
    writers = {".graphml": nx.write_graphml, ".gexf": nx.write_gexf}
    if suffix not in writers:
        raise ValueError(f"{path}: the graph file must end in .graphml or .gexf")
    writers[suffix](graph_for_export(graph), str(path))
