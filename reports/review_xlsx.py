"""The review workbook: extracted tasks × units laid out for correcting in Excel.

One row per task × unit and one per task with no unit; drop-down lists for role and
source; a frozen header; a hidden sheet holding each plan as extracted so that
``loaders.review`` can rebuild the plans with the corrections applied.
"""
from __future__ import annotations

import io
import json

from dutygraph.model import Plan, to_dict
from dutygraph.loaders.readers.review import (COLUMNS, MARKER_SHEET, REVIEW_SHEET, ROLE_LABELS, SCHEMA,
                            SOURCE_LABELS, CHUNK, NO, YES)

from .cells import text_row

WIDTHS = {"file": 24, "task_id": 10, "label": 12, "text": 60, "unit": 26, "role": 8,
          "source": 10, "clause": 40, "line": 7, "collective": 9, "deadline": 14,
          "mention": 20, "origin": 10}
HELP = (
    "如何审核",
    "每行是一项任务与一个责任单位；没有责任单位的任务占一行，单位留空。",
    "改角色：在“角色”列的下拉列表中选择 牵头 / 配合 / 落实 / 督促。",
    "加单位：复制该任务的一行，插入其下，改写“责任单位”和“角色”。",
    "删单位：删除整行。删除一项任务的全部行即删除该任务。",
    "改任务内容、序号或完成时限：改写该任务任一行即可。",
    "请勿改动“计划文件”“任务编号”两列和隐藏的 origin 列：它们把每行连回原计划。",
    "改好后：dutygraph extract 本文件.xlsx 或 dutygraph audit 本文件.xlsx。",
)


def review_rows(plan: Plan):
    """The rows for one plan, as dicts keyed like ``COLUMNS``."""
    for task in plan.tasks:
        base = {"file": plan.source.path, "task_id": task.id, "label": task.label,
                "text": task.text, "deadline": task.deadline or ""}
        if not task.assignments:
            yield {**base, "unit": "", "role": "", "source": "", "clause": "", "line": task.line,
                   "collective": "", "mention": "", "origin": ""}
        for a in task.assignments:
            origin = json.dumps({"unit": a.unit, "mention": a.mention, "exhaustive": a.exhaustive,
                                 "evidence": a.evidence}, ensure_ascii=False)
            yield {**base, "unit": a.unit, "role": ROLE_LABELS.get(a.role, a.role),
                   "source": SOURCE_LABELS.get(a.source, a.source), "clause": a.clause,
                   "line": a.line, "collective": YES if a.collective else NO,
                   "mention": a.mention, "origin": origin}


def review_workbook(plans) -> bytes:
    """The workbook as .xlsx bytes (the caller writes them where it likes)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = REVIEW_SHEET
    text_row(sheet, [label for _, label in COLUMNS])
    count = 0
    for plan in plans:
        for row in review_rows(plan):
            text_row(sheet, [row[key] for key, _ in COLUMNS])
            count += 1
    keys = [key for key, _ in COLUMNS]
    letter = {key: get_column_letter(i + 1) for i, key in enumerate(keys)}
    last = max(2, count + 1)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor="DDEBF7")
    grey = PatternFill("solid", fgColor="EEEEEE")
    wrap = Alignment(wrap_text=True, vertical="top")
    for key in keys:
        sheet.column_dimensions[letter[key]].width = WIDTHS.get(key, 12)
    for row in sheet.iter_rows(min_row=2, max_row=count + 1):
        for cell, key in zip(row, keys):
            cell.alignment = wrap if key in ("text", "clause") else Alignment(vertical="top")
            if key in ("file", "task_id"):
                cell.fill = grey
    sheet.column_dimensions[letter["origin"]].hidden = True
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{letter[keys[-1]]}{last}"
    for key, labels in (("role", ROLE_LABELS), ("source", SOURCE_LABELS)):
        valid = DataValidation(type="list", formula1='"' + ",".join(labels.values()) + '"',
                               allow_blank=True, showErrorMessage=True,
                               errorTitle="dutygraph", error="请从下拉列表中选择")
        valid.add(f"{letter[key]}2:{letter[key]}{max(last, 2000)}")
        sheet.add_data_validation(valid)
    valid = DataValidation(type="list", formula1=f'"{YES},{NO}"', allow_blank=True)
    valid.add(f"{letter['collective']}2:{letter['collective']}{max(last, 2000)}")
    sheet.add_data_validation(valid)

    notes = book.create_sheet("说明")
    for line in HELP:
        text_row(notes, [line])
    notes["A1"].font = Font(bold=True)
    notes.column_dimensions["A"].width = 90

    marker = book.create_sheet(MARKER_SHEET)
    text_row(marker, [SCHEMA])
    for plan in plans:
        blob = json.dumps(to_dict(plan), ensure_ascii=False)
        text_row(marker, [plan.source.path] + [blob[i:i + CHUNK] for i in range(0, len(blob), CHUNK)])
    marker.sheet_state = "hidden"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
