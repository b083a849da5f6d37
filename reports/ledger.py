"""The ledger (台账) a supervision (督查督办) system imports: one row per task.

Columns, in the order those systems use: 序号 (a number, so it sorts 1, 2, … 10), 任务来源
(the plan's title and the task's printed number; a plan without a title is named by its
place and year, never by its file name, which would go straight into the system), 任务内容, 牵头单位, 配合单位, 责任领导 (people
the plan names), 完成时限 (as written), 办理状态 (left empty for the office to fill in).
Units come from every assignment but inline ones (a unit that is only a sentence's subject
is not a stated duty); units that implement (落实) or supervise (督促) are listed with the
supporting units, their role in brackets. Every other cell is text: nothing a plan says
can become a formula in Excel or WPS.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from dutygraph.model import Plan

from .cells import csv_row, text_row
from .matrix import sheet_name
from .strings import LEDGER_COLUMNS, LEDGER_WORDS, ROLE_WORDS, plan_name

WIDTHS = (6, 30, 60, 24, 30, 12, 16, 10)
"""Column widths in characters, one per ledger column."""


@dataclass(frozen=True)
class LedgerRow:
    number: str  # 序号, counted from 1 in its sheet
    source: str  # 任务来源: the plan's title and the task's printed number
    content: str  # 任务内容: the task's full text
    leads: str  # 牵头单位, joined with 、
    supports: str  # 配合单位 (and 落实 / 督促 units, their role in brackets)
    leaders: str  # 责任领导
    deadline: str  # 完成时限, as written
    status: str = ""  # 办理状态, for the office to fill in

    def cells(self) -> tuple[str, ...]:
        return (self.number, self.source, self.content, self.leads, self.supports,
                self.leaders, self.deadline, self.status)


def _units(task, lang: str) -> tuple[str, str]:
    words = ROLE_WORDS[lang]
    leads: dict[str, None] = {}
    others: dict[str, None] = {}
    for a in task.assignments:
        if a.source == "inline":
            continue
        if a.role == "lead":
            leads.setdefault(a.unit)
        elif a.role == "support":
            others.setdefault(a.unit)
        else:
            others.setdefault(f"{a.unit}（{words[a.role]}）" if lang == "zh"
                              else f"{a.unit} ({words[a.role]})")
    sep = "、" if lang == "zh" else "; "
    return sep.join(leads), sep.join(u for u in others if u not in leads)


def _plan_name(plan: Plan, lang: str) -> str:
    """The plan's title, else its jurisdiction, year and file name (never a machine path)."""
    return plan_name(plan.title, plan.jurisdiction, plan.year, plan.source.path, lang)


def _source_name(plan: Plan, lang: str) -> str:
    """任务来源: the plan's title, else its place and year (no file name: the cell goes into
    a supervision system as it is); the file name only when nothing else names the plan."""
    return (plan_name(plan.title, plan.jurisdiction, plan.year, "", lang)
            or _plan_name(plan, lang))


def ledger_rows(plan: Plan, lang: str = "zh", start: int = 1) -> tuple[LedgerRow, ...]:
    """The ledger rows of one plan in task order, numbered from ``start``."""
    title = _source_name(plan, lang)
    sep = "、" if lang == "zh" else "; "
    rows = []
    for i, task in enumerate(plan.tasks, start):
        leads, supports = _units(task, lang)
        rows.append(LedgerRow(
            number=str(i), source=f"{title} {task.label}".strip(), content=task.text,
            leads=leads, supports=supports, leaders=sep.join(task.leaders),
            deadline=task.deadline or ""))
    return tuple(rows)


def all_rows(plans, lang: str = "zh") -> tuple[LedgerRow, ...]:
    """The rows of every plan in one run of numbers, plans in the order given."""
    rows: list[LedgerRow] = []
    for plan in plans:
        rows.extend(ledger_rows(plan, lang, start=len(rows) + 1))
    return tuple(rows)


def ledger_csv(plans, lang: str = "zh") -> str:
    """Every plan's rows in one CSV, UTF-8 with a byte-order mark (Excel reads it as such),
    cells that would start a formula neutralised."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(LEDGER_COLUMNS[lang])
    for row in all_rows(plans, lang):
        writer.writerow(csv_row(row.cells()))
    return "\ufeff" + buf.getvalue()


def write_ledger_xlsx(plans, path, lang: str = "zh") -> None:
    """One sheet of all tasks first, then one sheet per plan; header bold and frozen, column
    widths set, text wrapped, every cell stored as text (never a formula)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    sheets = [(LEDGER_WORDS[lang]["all"], all_rows(plans, lang))]
    sheets += [(_plan_name(p, lang), ledger_rows(p, lang)) for p in plans]
    wrap = Alignment(wrap_text=True, vertical="top")
    for title, rows in sheets:
        ws = wb.create_sheet(sheet_name(title, taken))
        text_row(ws, LEDGER_COLUMNS[lang])
        for row in rows:  # 序号 a number; every other cell a string cell, never a formula
            text_row(ws, (int(row.number), *row.cells()[1:]))
        for cells in ws.iter_rows():
            for cell in cells:
                cell.alignment = wrap
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for c, width in enumerate(WIDTHS, 1):
            ws.column_dimensions[get_column_letter(c)].width = width
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = f"A1:{get_column_letter(len(WIDTHS))}{max(len(rows) + 1, 1)}"
    wb.save(path)
