"""The compare result for the terminal (a short summary) and as an Excel workbook."""
from __future__ import annotations

import io

from graph.compare import KINDS, Comparison

from .cells import text_row


def _year(info, k: int) -> str:
    return str(info.year) if info.year else f"#{k + 1}"


def compare_summary(result: Comparison, top: int = 10) -> str:
    """What a reader wants first: counts by kind, renames, lead changes, biggest movers."""
    out = []
    for k, step in enumerate(result.steps):
        out.append(f"{step.old.path} ({_year(step.old, k)}) -> {step.new.path} "
                   f"({_year(step.new, k + 1)})")
        out.append(f"  tasks: {step.old.tasks} -> {step.new.tasks}")
        kinds = ", ".join(f"{kind} {sum(1 for p in step.pairs if p.kind == kind)}"
                          for kind in KINDS)
        out.append(f"  pairs: {len(step.pairs)} ({kinds}); added {len(step.added)}, "
                   f"removed {len(step.removed)}")
        for r in step.renames:
            out.append(f"  renamed: {r.old} -> {r.new}" + (f" ({r.year})" if r.year else ""))
        for p in step.pairs:
            if p.lead_changed:
                out.append(f"  lead changed: {p.old.label} -> {p.new.label} {p.new.title[:30]}: "
                           f"{'、'.join(p.leads_old) or '-'} -> {'、'.join(p.leads_new) or '-'}")
        for t in step.added:
            out.append(f"  added: {t.label} {t.title[:40]}")
        for t in step.removed:
            out.append(f"  removed: {t.label} {t.title[:40]}")
    movers = [u for u in result.loads if u.total_change][:top]
    if movers:
        out.append("load change (tasks, first plan -> last):")
        for u in movers:
            trend = " -> ".join(str(n) for n in u.totals)
            out.append(f"  {u.unit}: {trend} ({u.total_change:+d}; lead {u.lead_change:+d})")
    return "\n".join(out) + "\n"


def compare_xlsx(result: Comparison) -> bytes:
    """Sheets: pairs, added, removed, renames, loads. One row per (old, new) link."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    pairs = book.active
    pairs.title = "pairs"
    text_row(pairs, ["step", "old_id", "old_label", "old_title", "new_id", "new_label",
                  "new_title", "similarity", "kind", "units_added", "units_removed",
                  "units_renamed", "leads_old", "leads_new", "lead_changed"])
    added = book.create_sheet("added")
    removed = book.create_sheet("removed")
    for sheet in (added, removed):
        text_row(sheet, ["step", "id", "label", "title", "text"])
    renames = book.create_sheet("renames")
    text_row(renames, ["step", "old", "new", "year"])
    for k, step in enumerate(result.steps):
        for p in step.pairs:
            text_row(pairs, [k, p.old.id, p.old.label, p.old.title, p.new.id, p.new.label,
                          p.new.title, p.similarity, p.kind, "、".join(p.units_added),
                          "、".join(p.units_removed),
                          "、".join(f"{a}→{b}" for a, b in p.units_renamed),
                          "、".join(p.leads_old), "、".join(p.leads_new), p.lead_changed])
        for t in step.added:
            text_row(added, [k, t.id, t.label, t.title, t.text])
        for t in step.removed:
            text_row(removed, [k, t.id, t.label, t.title, t.text])
        for r in step.renames:
            text_row(renames, [k, r.old, r.new, r.year])
    loads = book.create_sheet("loads")
    years = [_year(p, k) for k, p in enumerate(result.plans)]
    text_row(loads, ["unit"] + [f"{y} {w}" for y in years for w in ("lead", "support", "total")]
                 + ["total_change", "lead_change"])
    for u in result.loads:
        text_row(loads, [u.unit] + [v for k in range(len(years))
                                 for v in (u.leads[k], u.supports[k], u.totals[k])]
                     + [u.total_change, u.lead_change])
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
