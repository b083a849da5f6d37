"""Review workbooks: the corrected task × unit table read back into Plans.

``dutygraph review`` writes one row per task × unit (reports/review_xlsx.py); staff fix
it in Excel; loading it gives Plans in which the corrections stand. A hidden sheet
(``MARKER_SHEET``) holds each plan as extracted, so what a table cannot say (sections,
coverage, warnings) survives; the visible rows decide tasks, units, roles and deadlines.
Deleting every row of a task drops the task; a row with a new task id adds one.
"""
from __future__ import annotations

import dataclasses
import io
import json
import re
import zipfile
from pathlib import Path

from .document import LoadError, invisible_warning, strip_invisible
from ...model import SOURCES, Assignment, Plan, Task, Unit, plan_from_dict
from ...sheet_text import excel_safe

SCHEMA = "dutygraph.review/1"
MARKER_SHEET = "dutygraph"
REVIEW_SHEET = "审核"
CHUNK = 30000  # an Excel cell holds at most 32,767 characters

# (key, header as printed); the reader finds columns by header, so users may reorder them
COLUMNS = (
    ("file", "计划文件"), ("task_id", "任务编号"), ("label", "序号"), ("text", "任务内容"),
    ("unit", "责任单位"), ("role", "角色"), ("source", "来源"), ("clause", "原文条款"),
    ("line", "行号"), ("collective", "集合单位"), ("deadline", "完成时限"),
    ("mention", "原文称谓"), ("origin", "origin"),
)
ROLE_LABELS = {"lead": "牵头", "support": "配合", "implement": "落实", "supervise": "督促"}
SOURCE_LABELS = {"explicit": "明确分工", "inherited": "继承上级", "range": "范围分工",
                 "inline": "正文主语"}
YES, NO = "是", "否"


def cell_text(value) -> str:
    """A cell as text, kept exactly (new lines and spaces are part of a task's text)."""
    from .table import clean_cell

    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return clean_cell(value)


def is_review_workbook(path) -> bool:
    """An .xlsx with the marker sheet; cheap (reads at most 1 MB of the workbook part)."""
    path = Path(path)
    try:
        with path.open("rb") as f:
            if f.read(4) != b"PK\x03\x04":
                return False
        with zipfile.ZipFile(path) as z, z.open("xl/workbook.xml") as part:
            book = part.read(1 << 20)
    except (OSError, KeyError, zipfile.BadZipFile, EOFError, ValueError, NotImplementedError):
        return False
    return f'name="{MARKER_SHEET}"'.encode() in book


def read_review(path, registry=None) -> tuple[Plan, ...]:
    """The Plans of a review workbook, with the corrections in its rows applied."""
    from dutygraph.loaders.readers.limits import check_unzipped
    from dutygraph.loaders.readers.workbook import read_workbook

    path = Path(path)
    data = path.read_bytes()
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as err:
        raise LoadError(path, f"is not a readable review workbook ({err})") from None
    check_unzipped(path, package)
    sheets = {sheet.title: sheet for sheet in read_workbook(path, data)}
    if MARKER_SHEET not in sheets:
        raise LoadError(path, f"is not a readable review workbook (no sheet '{MARKER_SHEET}')")
    originals = _originals(path, sheets[MARKER_SHEET])
    if REVIEW_SHEET not in sheets:
        raise LoadError(path, f"has no sheet '{REVIEW_SHEET}' (a review workbook needs it)")
    rows = _rows(path, sheets[REVIEW_SHEET])
    if registry is None:
        from ..units import Registry

        registry = Registry.default()
    grouped: dict[str, list[dict]] = {name: [] for name in originals}
    for row in rows:
        if row["file"] not in grouped:
            raise LoadError(path, f"row {row['row']}: plan file '{row['file']}' is not one of "
                                  f"the plans in this workbook")
        grouped[row["file"]].append(row)
    return tuple(_rebuild(originals[name], grouped[name], registry) for name in originals)


def _originals(path: Path, sheet) -> dict[str, Plan]:
    values = sheet.rows
    if not values or values[0][0] != SCHEMA:
        raise LoadError(path, f"has a '{MARKER_SHEET}' sheet but not of {SCHEMA}")
    plans = {}
    for row in values[1:]:
        if not row or not row[0]:
            continue
        try:
            plans[row[0]] = plan_from_dict(json.loads("".join(c or "" for c in row[1:])))
        except (ValueError, KeyError, TypeError) as err:
            raise LoadError(path, f"the hidden '{MARKER_SHEET}' sheet is damaged ({err})") from None
    return plans


def _rows(path: Path, sheet) -> list[dict]:
    """The review sheet's rows (its first row with a value is the header), by column key."""
    header = [cell_text(c).strip() for c in (sheet.rows[0] if sheet.rows else ())]
    names = {label: key for key, label in COLUMNS} | {key: key for key, _ in COLUMNS}
    where = {names[h]: i for i, h in enumerate(header) if h in names}
    missing = [label for key, label in COLUMNS[:6] if key not in where]
    if missing:
        raise LoadError(path, f"sheet '{REVIEW_SHEET}' lacks the column(s) {'、'.join(missing)}")
    _refuse_unsaved(path, sheet, {sheet.columns[i]: header[i] for i in where.values()})
    rows = []
    for number, raw in zip(sheet.row_numbers[1:], sheet.rows[1:]):
        cells = {key: raw[i] if i < len(raw) else None for key, i in where.items()}
        if all(v in (None, "") for v in cells.values()):
            continue
        row = {key: cell_text(cells.get(key)) for key, _ in COLUMNS}
        row["invisible"] = {}
        for key, _ in COLUMNS:  # typed or pasted in Excel: what the readers remove, removed here
            row[key], counts = strip_invisible(row[key])
            for ch, n in counts.items():
                row["invisible"][ch] = row["invisible"].get(ch, 0) + n
        for key in ("file", "task_id", "unit", "role", "source", "collective", "line", "mention"):
            row[key] = row[key].strip()
        row["row"] = number
        if not row["file"] or not row["task_id"]:
            raise LoadError(path, f"row {number}: the plan file and task id must not be empty")
        row["role"] = _code(path, number, "role", row["role"], ROLE_LABELS) if row["unit"] else ""
        row["source"] = _code(path, number, "source", row["source"] or "explicit", SOURCE_LABELS)
        rows.append(row)
    return rows


def _refuse_unsaved(path: Path, sheet, headers: dict[int, str]) -> None:
    """A formula with no saved value in a column the review reads (a workbook written by a
    program and never opened in Excel): its unit or text is unknown, so say which cell."""
    first = sheet.row_numbers[0]
    for row, column, formula in sheet.unsaved:
        if row > first and column in headers:
            raise LoadError(path, f"cell {sheet.where(row, column)} ({headers[column]}) holds a "
                                  f"formula with no saved value ({formula[:60]}); open and save "
                                  "the workbook in Excel or WPS, or type the value")


def _code(path, number, what, value, labels) -> str:
    """A role or source as written (Chinese label or English code) to its code."""
    by_label = {label: code for code, label in labels.items()}
    code = by_label.get(value, value.lower())
    if code not in labels:
        choices = "、".join(f"{label} ({c})" for c, label in labels.items())
        raise LoadError(path, f"row {number}: {what} '{value or '(empty)'}' is not one of {choices}")
    return code


def _rebuild(original: Plan, rows: list[dict], registry) -> Plan:
    by_id = {t.id: t for t in original.tasks}
    order: dict[str, list[dict]] = {}
    for row in rows:
        order.setdefault(row["task_id"], []).append(row)
    tasks = tuple(_task(by_id.get(tid), tid, task_rows, registry) for tid, task_rows in order.items())
    used = _names(tasks, original.standing)
    was_used = _names(original.tasks, original.standing)
    units = [u for u in original.units if u.name in used or u.name not in was_used]
    known = {u.name: i for i, u in enumerate(units)}
    for task in tasks:
        for a in task.assignments:
            if a.unit not in known:
                known[a.unit] = len(units)
                units.append(Unit(a.unit, (a.mention,), _level(a.unit), a.collective))
            elif a.mention not in units[known[a.unit]].mentions:
                u = units[known[a.unit]]
                units[known[a.unit]] = dataclasses.replace(u, mentions=u.mentions + (a.mention,))
    source = dataclasses.replace(original.source, format="review")
    warnings = original.warnings
    hidden = [row for row in rows if row["invisible"]]
    if hidden:
        counts: dict[str, int] = {}
        for row in hidden:
            for ch, n in row["invisible"].items():
                counts[ch] = counts.get(ch, 0) + n
        warnings += (invisible_warning(counts, 0, f"in row {hidden[0]['row']} of sheet "
                                                  f"{REVIEW_SHEET}"),)
    return dataclasses.replace(original, source=source, tasks=tasks, units=tuple(units),
                               warnings=warnings)


def _names(tasks, standing) -> set[str]:
    return {a.unit for t in tasks for a in t.assignments} | {a.unit for a in standing}


def _level(name: str) -> str:
    from ..units import split_level

    return split_level(name)[0][:1]


def _task(base: Task | None, tid: str, rows: list[dict], registry) -> Task:
    """A task from its rows: label, text and deadline as edited, one assignment per unit row."""
    if base is None:
        first = rows[0]
        base = Task(id=tid, section=None, label=first["label"], number=first["label"].split("/")[-1],
                    title="", text="", line=_int(first["line"]))

    def edited(key, current):
        for row in rows:
            if row[key] != excel_safe(current or ""):
                return row[key]
        return current

    text = edited("text", base.text)
    title = base.title if text == base.text else _first_sentence(text)
    deadline = edited("deadline", base.deadline) or None
    assignments = tuple(_assignment(row, registry) for row in rows if row["unit"])
    return dataclasses.replace(base, label=edited("label", base.label), text=text, title=title,
                               deadline=deadline, assignments=assignments)


def _assignment(row: dict, registry) -> Assignment:
    origin = json.loads(row["origin"]) if row["origin"].startswith("{") else {}
    unit = row["unit"]
    evidence = origin.get("evidence", "")  # the row's clause is the same whatever its unit
    if origin.get("unit") == unit:
        mention, exhaustive = origin.get("mention", unit), origin.get("exhaustive", True)
    else:  # a unit typed in review: the registry's name, the typed text as its mention
        mention, exhaustive = row["mention"] if row["mention"] and not origin else unit, True
        unit = registry.canonical(unit)
    if row["collective"] in (YES, "true", "True", "TRUE", "1"):
        collective = True
    elif row["collective"] in (NO, "false", "False", "FALSE", "0"):
        collective = False
    else:
        from ..units import is_collective

        collective = is_collective(unit)
    return Assignment(unit=unit, mention=mention, role=row["role"], collective=collective,
                      source=row["source"] if row["source"] in SOURCES else "explicit",
                      clause=row["clause"], line=_int(row["line"]), exhaustive=exhaustive,
                      evidence=evidence)


def _first_sentence(text: str) -> str:
    m = re.match(r"[^。！？；]*[。！？；]?", text)
    return (m.group(0) if m else text).strip()


def _int(value) -> int:
    try:
        return int(float(value))
    except (TypeError, ValueError):
        return 0

