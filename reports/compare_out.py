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


def series_line(series, lang: str = "zh") -> str:
    """What the series check found, in a line: the warning, or what the plans share."""
    w = COMPARE_WORDS[lang]
    if series is None:
        return ""
    if series.verdict == "unrelated":
        return w["forced" if series.forced else "unrelated"].format(
            why=series_words(series, lang))
    if series.verdict == "unknown":
        return w["series_unknown"]
    sep = "、" if lang == "zh" else ", "
    return w["series_same"].format(why=sep.join(
        f"{w['fields'].get(f.field, f.field)} {f.new}" for f in series.facts if f.agrees))


def series_warnings(result: Comparison, lang: str = "en") -> tuple[str, ...]:
    """One line (for stderr, in ``lang``) per step whose plans look unrelated."""
    out = []
    for step in result.steps:
        s = step.series
        if s is None or s.verdict != "unrelated":
            continue
        if lang == "zh":
            then = "仍已匹配（--force）" if s.forced else "未匹配任务；加 --force 仍可匹配"
            out.append(f"{step.old.path} 与 {step.new.path} 看来无关（{series_words(s, 'zh')}）："
                       f"{then}")
            continue
        then = ("linked anyway (--force)" if s.forced
                else "no tasks linked; --force links them anyway")
        out.append(f"{step.old.path} and {step.new.path} look unrelated "
                   f"({series_words(s, 'en')}): {then}")
    return tuple(out)


def task_list(tasks, w, most: int = 5, width: int = 24) -> str:
    """'二/3 压实部门…；三/5 …；等 4 项': the first tasks by label and title."""
    shown = [f"{t.label} {t.title[:width]}" for t in tasks[:most]]
    if len(tasks) > most:
        shown.append(w["more"].format(n=len(tasks) - most))
    return "；".join(shown) if w is COMPARE_WORDS["zh"] else "; ".join(shown)


def change_lines(result: Comparison, k: int, w: dict, top: int = 5) -> list[str]:
    """The change summary of step k: lead moves per unit (with the tasks that moved),
    tasks added and dropped; the warning first when the plans look unrelated."""
    step, change = result.steps[k], result.changes[k]
    lang = "zh" if w is COMPARE_WORDS["zh"] else "en"
    out = ["  " + series_line(step.series, lang)] if step.series is not None else []
    if not change.linked:
        return out
    out.append("  " + (w["change_title"] + w["colon"]).rstrip())
    for key, moves in (("rises", change.rises(top)), ("falls", change.falls(top))):
        if not moves:
            continue
        out.append("    " + (w[key] + w["colon"]).rstrip())
        for m in moves:
            out.append("      " + w["move"].format(unit=m.unit, before=m.before, after=m.after,
                                                   change=m.change))
            for label, tasks in ((w["gained"], m.gained), (w["lost"], m.lost)):
                if tasks:
                    out.append(f"        {label}{w['colon']}{task_list(tasks, w)}")
    if not change.moves:
        out.append("    " + w["no_moves"])
    out.append("    " + w["added_n"].format(n=len(change.added)) + w["colon"]
               + task_list(change.added, w, most=8))
    out.append("    " + w["removed_n"].format(n=len(change.removed)) + w["colon"]
               + task_list(change.removed, w, most=8))
    return out


def compare_summary(result: Comparison, top: int = 10, lang: str = "zh") -> str:
    """The change first (tasks carried through every plan, then per step: lead moves per
    unit with their tasks, added, dropped), then the pairs' counts, renames, possible
    links and the units whose load moved most."""
    w = COMPARE_WORDS[lang]
    sep = "、" if lang == "zh" else ", "
    out = []
    if result.chronic:
        out.append(w["text_chronic"].format(plans=len(result.plans), n=len(result.chronic)))
        for c in result.chronic[:top]:
            chain = " -> ".join("、".join(ls) for ls in c.labels)
            out.append(w["text_chronic_row"].format(changes=c.lead_changes, title=c.title[:30],
                                                    chain=chain))
    for k, step in enumerate(result.steps):
        out.append(w["text_step"].format(old=info_name(step.old, lang), old_year=_year(step.old, k),
                                         new=info_name(step.new, lang),
                                         new_year=_year(step.new, k + 1)))
        out.extend(change_lines(result, k, w, top=min(top, 5)))
        out.append(w["text_tasks"].format(old=step.old.tasks, new=step.new.tasks))
        kinds = sep.join(w["text_kind"].format(kind=w["kinds"][kind],
                                               n=sum(1 for p in step.pairs if p.kind == kind))
                         for kind in KINDS)
        out.append(w["text_pairs"].format(n=len(step.pairs), kinds=kinds, added=len(step.added),
                                          removed=len(step.removed)))
        for r in step.renames:
            out.append(w["text_renamed"].format(old=r.old, new=r.new)
                       + (f" ({r.year})" if r.year else ""))
        for p in step.possible:
            out.append(w["text_possible"].format(
                old_label=p.old.label, old_title=p.old.title[:20], new_label=p.new.label,
                new_title=p.new.title[:20], sim=p.similarity))
    movers = [u for u in result.loads if u.total_change][:top]
    if movers:
        out.append(w["text_movers"])
        for u in movers:
            out.append(w["text_mover"].format(unit=u.unit, trend=" -> ".join(map(str, u.totals)),
                                              total=u.total_change, lead=u.lead_change))
    return "\n".join(out) + "\n"


def _tasks_cell(tasks) -> str:
    return "\n".join(f"{t.label} {t.title}" for t in tasks)


def _summary_sheet(sheet, result: Comparison, w: dict, lang: str) -> None:
    """The change first: per step, the units whose lead work rose and fell (with the
    tasks gained and lost), the tasks added and dropped; then the chronic tasks."""
    cat = w["categories"]
    text_row(sheet, w["summary_columns"])
    for k, (step, change) in enumerate(zip(result.steps, result.changes)):
        label = f"{_year(step.old, k)}→{_year(step.new, k + 1)}" if lang == "zh" else k
        if step.series is not None:
            text_row(sheet, [label, series_line(step.series, lang)])
        for kind, moves in (("rise", change.rises(top=len(change.moves))),
                            ("fall", change.falls(top=len(change.moves)))):
            for m in moves:
                text_row(sheet, [label, cat[kind], m.unit, m.before, m.after, m.change,
                                 "\n".join(filter(None, (
                                     m.gained and f"{w['gained']}{w['colon']}" + "；".join(
                                         f"{t.label} {t.title}" for t in m.gained),
                                     m.lost and f"{w['lost']}{w['colon']}" + "；".join(
                                         f"{t.label} {t.title}" for t in m.lost))))])
        for kind, tasks in (("added", change.added), ("removed", change.removed)):
            if tasks:
                text_row(sheet, [label, cat[kind], "", "", "", len(tasks), _tasks_cell(tasks)])
    for c in result.chronic:
        text_row(sheet, ["", cat["chronic"], "", "", "", c.lead_changes,
                         " → ".join("、".join(ls) for ls in c.labels) + " " + c.title])


def compare_xlsx(result: Comparison, lang: str = "zh") -> bytes:
    """Sheets: summary (the change first), pairs, added, removed, renames, loads, chronic.
    One row per (old, new) link."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    w = COMPARE_WORDS[lang]
    sheets = w["sheets"]
    book = Workbook()
    summary = book.active
    summary.title = sheets["summary"]
    _summary_sheet(summary, result, w, lang)
    pairs = book.create_sheet(sheets["pairs"])
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


def yoy_items(plans, lang: str = "zh", top: int = 2) -> list[dict]:
    """One key-finding sentence per place and step of ``graph.yoy.year_over_year`` (the
    units whose lead work rose and fell most, tasks added and dropped), with its change."""
    from dutygraph.graph.yoy import year_over_year

    w = COMPARE_WORDS[lang]
    items = []
    for c in year_over_year(plans):
        moves = c.change.rises(top) + c.change.falls(top)
        said = ("、" if lang == "zh" else ", ").join(
            w["report_yoy_move"].format(unit=m.unit, before=m.before, after=m.after)
            for m in moves) or w["no_moves"]
        items.append({
            "sentence": w["report_yoy"].format(place=c.jurisdiction, old_year=c.old.year,
                                               new_year=c.new.year, moves=said,
                                               added=len(c.change.added),
                                               removed=len(c.change.removed)),
            "label": f"{c.jurisdiction} {c.old.year} → {c.new.year}",
            "change": c.change, "moves": moves})
    return items
