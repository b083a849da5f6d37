"""The sentences that open the report: the three to five findings that matter most, in
plain words, each with the anchor of its evidence in the page.

A choice of what to say first, not an analysis: every number comes from the audit."""
from __future__ import annotations

from dataclasses import dataclass

from .strings import KIND_WORDS, SUMMARY

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
        o = audit.overloaded[0]
        first.append(KeyFinding(w["overloaded"].format(
            name=o.unit.name, tasks=len(o.tasks), leads=o.leads, weighted=_num(o.weighted),
            fence=_num(d.fence)), "#ov-1"))
        if len(audit.overloaded) > 1:
            rest = audit.overloaded[1:]
            first.append(KeyFinding(w["overloaded_more"].format(
                n=len(rest), names=sep.join(x.unit.name for x in rest)), "#overloaded"))
    orphans = dict(s.orphans)
    if sum(orphans.values()):
        first.append(KeyFinding(w["orphans"].format(
            n=sum(orphans.values()), none=orphans.get("none", 0),
            diffuse=orphans.get("diffuse", 0)), "#orphans"))
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
    if audit.colead_pairs:
        p = audit.colead_pairs[0]
        then.append(KeyFinding(w["pairs"].format(a=p.first.name, b=p.second.name, n=p.count),
                               "#colead"))
    chosen = first[:MOST]
    chosen += then[:max(0, LEAST - len(chosen))]
    if not chosen:
        chosen = [KeyFinding(w["clear"], "#findings")]
    return tuple(chosen)
