"""The sentences that open the report: the three to five findings that matter most, in
plain words, each with the anchor of its evidence in the page.

A choice of what to say first, not an analysis: every number comes from the audit."""
from __future__ import annotations

from dataclasses import dataclass

from .strings import KIND_WORDS, SUMMARY, peer_group_name, plan_name

MOST, LEAST = 5, 3


@dataclass(frozen=True)
class KeyFinding:
    text: str
    href: str  # anchor of the evidence in the page, e.g. "#ov-1"


def _num(x) -> str:
    return f"{x:.3g}" if isinstance(x, float) else str(x)


def key_findings(audit, lang: str = "zh") -> tuple[KeyFinding, ...]:
    """Overload, orphans, undivided joint leads and data quality first (what a leader must
    act on or check), then concentration, lead-and-support and co-leading pairs to make
    at least three; at most five."""
    w, kinds = SUMMARY[lang], KIND_WORDS[lang]
    sep = "、" if lang == "zh" else ", "
    s, d = audit.summary, audit.distribution
    first, then = [], []
    if audit.overloaded:
        first += _overloaded(audit, w, lang)
    for q in audit.quality:
        if q.kind in ("no_units", "poor_reading"):
            plan = next(p for p in audit.plans if p.path == q.path)
            name = plan_name(plan.title, plan.jurisdiction, plan.year, plan.path, lang)
            first.append(KeyFinding(w[q.kind].format(plan=name, **dict(q.params)),
                                    "#quality"))
    orphans = dict(s.orphans)
    if sum(orphans.values()):
        first.append(KeyFinding(w["orphans"].format(
            n=sum(orphans.values()), none=orphans.get("none", 0),
            implicit=orphans.get("implicit", 0), diffuse=orphans.get("diffuse", 0)),
            "#orphans"))
    if s.joint_leads_unstated:
        first.append(KeyFinding(w["joint"].format(n=s.joint_leads_unstated), "#joint-leads"))
    if s.quality:
        counts: dict[str, int] = {}
        for q in audit.quality:
            counts[q.kind] = counts.get(q.kind, 0) + 1
        kind, n = max(counts.items(), key=lambda kv: (kv[1], kv[0]))
        first.append(KeyFinding(w["quality"].format(n=s.quality, top=kinds.get(kind, kind),
                                                    top_n=n), "#quality"))
    if d.top3_share:
        then.append(KeyFinding(w["concentration"].format(
            top3=f"{d.top3_share:.0%}", gini=f"{d.gini:.2f}"), "#loads"))
    if s.lead_and_support:
        then.append(KeyFinding(w["both"].format(n=s.lead_and_support), "#lead-and-support"))
    idle = [m.unit for m in audit.roster if m.status == "none"]
    if idle:
        then.append(KeyFinding(w["roster_none"].format(n=len(idle), names=sep.join(idle)),
                               "#roster"))
    if audit.colead_pairs:
        p = audit.colead_pairs[0]
        then.append(KeyFinding(w["pairs"].format(a=p.first.name, b=p.second.name, n=p.count),
                               "#colead"))
    chosen = first[:MOST]
    chosen += then[:max(0, LEAST - len(chosen))]
    if not chosen:
        chosen = [KeyFinding(w["clear"], "#findings")]
    return tuple(chosen)


def _overloaded(audit, w: dict, lang: str) -> list[KeyFinding]:
    """The heaviest overloaded unit, named with its peer group (and its scope when there
    are several), judged by its group's fence or lead share; then the others in one line."""
    sep = "、" if lang == "zh" else ", "
    several = len(audit.scopes) > 1
    k, o = max(enumerate(audit.overloaded), key=lambda ko: (ko[1].weighted, -ko[0]))
    group = next((g for sa in audit.scopes for g in sa.groups
                  if g.scope == o.scope and g.key == o.peer_group), None)
    d = group.distribution if group else audit.distribution
    rank = next((x.rank for x in audit.loads
                 if x.scope == o.scope and x.unit.node == o.unit.node), None)
    why = (w["why_fence"].format(fence=_num(d.fence)) if "fence" in o.reasons else
           w["why_lead_share"].format(share=f"{o.lead_share:.0%}",
                                      limit=f"{audit.settings.lead_share:.0%}"))
    template = w["overloaded"] if rank == 1 else w["overloaded_not_first"]
    found = [KeyFinding(template.format(
        name=o.unit.name, group=peer_group_name(o.peer_group, lang),
        scope=w["in_scope"].format(scope=o.scope) if several else "", tasks=len(o.tasks),
        leads=o.leads, weighted=_num(o.weighted), why=why), f"#ov-{k + 1}")]
    rest = [x for x in audit.overloaded if x is not o]
    if rest:
        names = sep.join(x.unit.name + (w["in_scope"].format(scope=x.scope) if several else "")
                         for x in rest)
        found.append(KeyFinding(w["overloaded_more"].format(n=len(rest), names=names),
                                "#overloaded"))
    return found
