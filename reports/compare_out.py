"""The compare result for the terminal (a short summary) and as an Excel workbook."""
from __future__ import annotations

import io

from graph.compare import KINDS, Comparison


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
    if result.chronic:
        out.append(f"carried over in all {len(result.plans)} plans: {len(result.chronic)} tasks "
                   "(lead changes; labels oldest first):")
        for c in result.chronic[:top]:
            chain = " -> ".join("、".join(ls) for ls in c.labels)
            out.append(f"  {c.lead_changes}  {c.title[:30]}: {chain}")
    movers = [u for u in result.loads if u.total_change][:top]
    if movers:
        out.append("load change (tasks, first plan -> last):")
        for u in movers:
            trend = " -> ".join(str(n) for n in u.totals)
            out.append(f"  {u.unit}: {trend} ({u.total_change:+d}; lead {u.lead_change:+d})")
    return "\n".join(out) + "\n"


def compare_xlsx(result: Comparison) -> bytes:
    """Sheets: pairs, added, removed, renames, loads, chronic. One row per (old, new) link."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    pairs = book.active
    pairs.title = "pairs"
    pairs.append(["step", "old_id", "old_label", "old_title", "new_id", "new_label",
                  "new_title", "similarity", "kind", "units_added", "units_removed",
                  "units_renamed", "leads_old", "leads_new", "lead_changed"])
    added = book.create_sheet("added")
    removed = book.create_sheet("removed")
    for sheet in (added, removed):
        sheet.append(["step", "id", "label", "title", "text"])
    renames = book.create_sheet("renames")
    renames.append(["step", "old", "new", "year"])
    for k, step in enumerate(result.steps):
        for p in step.pairs:
            pairs.append([k, p.old.id, p.old.label, p.old.title, p.new.id, p.new.label,
                          p.new.title, p.similarity, p.kind, "、".join(p.units_added),
                          "、".join(p.units_removed),
                          "、".join(f"{a}→{b}" for a, b in p.units_renamed),
                          "、".join(p.leads_old), "、".join(p.leads_new), p.lead_changed])
        for t in step.added:
            added.append([k, t.id, t.label, t.title, t.text])
        for t in step.removed:
            removed.append([k, t.id, t.label, t.title, t.text])
        for r in step.renames:
            renames.append([k, r.old, r.new, r.year])
    loads = book.create_sheet("loads")
    years = [_year(p, k) for k, p in enumerate(result.plans)]
    loads.append(["unit"] + [f"{y} {w}" for y in years for w in ("lead", "support", "total")]
                 + ["total_change", "lead_change"])
    for u in result.loads:
        loads.append([u.unit] + [v for k in range(len(years))
                                 for v in (u.leads[k], u.supports[k], u.totals[k])]
                     + [u.total_change, u.lead_change])
    chronic = book.create_sheet("chronic")
    chronic.append(["title", *(f"{y} labels" for y in years), *(f"{y} leads" for y in years),
                    "lead_changes"])
    for c in result.chronic:
        chronic.append([c.title, *("、".join(ls) for ls in c.labels),
                        *("、".join(ls) for ls in c.leads), c.lead_changes])
    for sheet in book.worksheets:
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A2"
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()
