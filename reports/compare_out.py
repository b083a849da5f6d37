"""The compare result for the terminal (a short summary) and as an Excel workbook, in the
language asked for (``reports.strings.COMPARE_WORDS``)."""
from __future__ import annotations

import io

from dutygraph.graph.compare import KINDS, Comparison

from .cells import text_row
from .strings import COMPARE_WORDS, plan_name


def _year(info, k: int) -> str:
    return str(info.year) if info.year else f"#{k + 1}"


def info_name(info, lang: str = "zh") -> str:
    """A compared plan's name: its title, or jurisdiction, year and file name."""
    return plan_name(info.title, info.jurisdiction, info.year, info.path, lang)


def series_words(series, lang: str = "en") -> str:
    """What set two plans apart, e.g. 'jurisdiction 洪江市 ≠ 怀化市; kind 规划 ≠ 要点'."""
    w = COMPARE_WORDS[lang]
    sep = "；" if lang == "zh" else "; "
    return sep.join(f"{w['fields'].get(f.field, f.field)} {f.old} ≠ {f.new}"
                    for f in series.differences())


def series_warnings(result: Comparison) -> tuple[str, ...]:
    """One line (English, for stderr) per step whose plans look unrelated."""
    out = []
    for step in result.steps:
        s = step.series
        if s is None or s.verdict != "unrelated":
            continue
        then = ("linked anyway (--force)" if s.forced
                else "no tasks linked; --force links them anyway")
        out.append(f"{step.old.path} and {step.new.path} look unrelated "
                   f"({series_words(s, 'en')}): {then}")
    return tuple(out)


def compare_summary(result: Comparison, top: int = 10, lang: str = "zh") -> str:
    """What a reader wants first: counts by kind, renames, lead changes, biggest movers."""
    w = COMPARE_WORDS[lang]
    sep = "、" if lang == "zh" else ", "
    out = []
    for k, step in enumerate(result.steps):
        out.append(w["text_step"].format(old=info_name(step.old, lang), old_year=_year(step.old, k),
                                         new=info_name(step.new, lang),
                                         new_year=_year(step.new, k + 1)))
        out.append(w["text_tasks"].format(old=step.old.tasks, new=step.new.tasks))
        kinds = sep.join(w["text_kind"].format(kind=w["kinds"][kind],
                                               n=sum(1 for p in step.pairs if p.kind == kind))
                         for kind in KINDS)
        out.append(w["text_pairs"].format(n=len(step.pairs), kinds=kinds, added=len(step.added),
                                          removed=len(step.removed)))
        for r in step.renames:
            out.append(w["text_renamed"].format(old=r.old, new=r.new)
                       + (f" ({r.year})" if r.year else ""))
        for p in step.pairs:
            if p.lead_changed:
                out.append(w["text_lead"].format(
                    old_label=p.old.label, new_label=p.new.label, title=p.new.title[:30],
                    old="、".join(p.leads_old) or "-", new="、".join(p.leads_new) or "-"))
        for t in step.added:
            out.append(w["text_added"].format(label=t.label, title=t.title[:40]))
        for t in step.removed:
            out.append(w["text_removed"].format(label=t.label, title=t.title[:40]))
    if result.chronic:
        out.append(w["text_chronic"].format(plans=len(result.plans), n=len(result.chronic)))
        for c in result.chronic[:top]:
            chain = " -> ".join("、".join(ls) for ls in c.labels)
            out.append(w["text_chronic_row"].format(changes=c.lead_changes, title=c.title[:30],
                                                    chain=chain))
    movers = [u for u in result.loads if u.total_change][:top]
    if movers:
        out.append(w["text_movers"])
        for u in movers:
            out.append(w["text_mover"].format(unit=u.unit, trend=" -> ".join(map(str, u.totals)),
                                              total=u.total_change, lead=u.lead_change))
    return "\n".join(out) + "\n"


def compare_xlsx(result: Comparison, lang: str = "zh") -> bytes:
    """Sheets: pairs, added, removed, renames, loads, chronic. One row per (old, new) link."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    w = COMPARE_WORDS[lang]
    sheets = w["sheets"]
    book = Workbook()
    pairs = book.active
    pairs.title = sheets["pairs"]
    text_row(pairs, w["pair_columns"])
    added = book.create_sheet(sheets["added"])
    removed = book.create_sheet(sheets["removed"])
    for sheet in (added, removed):
        text_row(sheet, w["task_columns"])
    renames = book.create_sheet(sheets["renames"])
    text_row(renames, w["rename_columns"])
    for k, step in enumerate(result.steps):
        label = f"{_year(step.old, k)}→{_year(step.new, k + 1)}" if lang == "zh" else k
        for p in step.pairs:
            text_row(pairs, [label, p.old.id, p.old.label, p.old.title, p.new.id, p.new.label,
                             p.new.title, p.similarity, w["kinds"][p.kind],
                             "、".join(p.units_added), "、".join(p.units_removed),
                             "、".join(f"{a}→{b}" for a, b in p.units_renamed),
                             "、".join(p.leads_old), "、".join(p.leads_new),
                             w["yes"] if p.lead_changed else w["no"]])
        for t in step.added:
            text_row(added, [label, t.id, t.label, t.title, t.text])
        for t in step.removed:
            text_row(removed, [label, t.id, t.label, t.title, t.text])
        for r in step.renames:
            text_row(renames, [label, r.old, r.new, r.year])
    loads = book.create_sheet(sheets["loads"])
    years = [_year(p, k) for k, p in enumerate(result.plans)]
    text_row(loads, [w["unit"]] + [f"{y} {w[x]}" for y in years
                                    for x in ("lead", "support", "total")]
             + list(w["load_tail"]))
    for u in result.loads:
        text_row(loads, [u.unit] + [v for k in range(len(years))
                                    for v in (u.leads[k], u.supports[k], u.totals[k])]
                 + [u.total_change, u.lead_change])
    chronic = book.create_sheet(sheets["chronic"])
    title, labels, leads, changes = w["chronic_columns"]
    text_row(chronic, [title, *(labels.format(year=y) for y in years),
                       *(leads.format(year=y) for y in years), changes])
    for c in result.chronic:
        text_row(chronic, [c.title, *("、".join(ls) for ls in c.labels),
                           *("、".join(ls) for ls in c.leads), c.lead_changes])
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
