"""The responsibility matrix: tasks × units with their roles, as data, CSV and Excel.

The matrix is a rendering of the plans' assignments, not an analysis: one row per task, one
column per unit named in the plan (in order of first mention; the names as extracted, with
``graph.names``' rules on top, so 市安委会各成员单位 and 市安委会成员单位 are one column),
each cell the roles that unit holds in that task.
Loads for the Excel summary sheet come from the audit layer.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from dutygraph.model import ROLES, Plan

from .cells import csv_row, text_row
from .strings import ROLE_WORDS, SOURCE_WORDS, peer_group_name, plan_name, strings

Mark = tuple[str, str]  # (role, source)


@dataclass(frozen=True)
class MatrixRow:
    task_id: str
    label: str
    line: int
    title: str
    cells: tuple[tuple[Mark, ...], ...]  # one per unit column; () where the unit has no role


@dataclass(frozen=True)
class Matrix:
    """The matrix of one plan."""

    path: str
    title: str
    units: tuple[str, ...]
    collective: tuple[bool, ...]  # per unit column: a class such as 各有关部门
    rows: tuple[MatrixRow, ...]


def build_matrix(plan: Plan, names=None, lang: str = "zh") -> Matrix:
    """One row per task in plan order; columns are units in order of first mention, each
    office once (``names``: a ``graph.names.OfficeNames``, by default the plan's own)."""
    names = names or _names([plan])[plan.jurisdiction]
    order: dict[str, bool] = {}
    for task in plan.tasks:
        for a in task.assignments:
            order.setdefault(names.canonical(a.unit), a.collective)
    units = tuple(order)
    index = {u: i for i, u in enumerate(units)}
    rows = []
    for task in plan.tasks:
        cells: list[list[Mark]] = [[] for _ in units]
        for a in task.assignments:
            mark, column = (a.role, a.source), index[names.canonical(a.unit)]
            if mark not in cells[column]:
                cells[column].append(mark)
        rows.append(MatrixRow(
            task_id=task.id, label=task.label, line=task.line, title=task.title,
            cells=tuple(tuple(sorted(c, key=lambda m: ROLES.index(m[0])
                                     if m[0] in ROLES else len(ROLES))) for c in cells)))
    title = plan_name(plan.title, plan.jurisdiction, plan.year, plan.source.path, lang)
    return Matrix(path=plan.source.path, title=title, units=units,
                  collective=tuple(order.values()), rows=tuple(rows))


def _names(plans):
    """Per jurisdiction, the naming rules of ``graph.names`` over the extracted names (the
    loaders applied the registry already; it is not applied twice)."""
    from dutygraph.graph.names import office_names
    from dutygraph.loaders.units import Registry

    return office_names(plans, Registry())


def build_matrices(plans, lang: str = "zh") -> tuple[Matrix, ...]:
    names = _names(plans)
    return tuple(build_matrix(p, names[p.jurisdiction], lang) for p in plans)


def cell_text(marks: tuple[Mark, ...], lang: str = "zh") -> str:
    """Role words joined by 、; a role not stated in the task's own clause names its source."""
    words, sources = ROLE_WORDS[lang], SOURCE_WORDS[lang]
    parts = []
    for role, source in marks:
        word = words.get(role, role)
        if source != "explicit":
            word += f"（{sources.get(source, source)}）" if lang == "zh" else f" ({source})"
        parts.append(word)
    return "、".join(parts) if lang == "zh" else "; ".join(parts)


def all_units(matrices) -> tuple[str, ...]:
    """The union of the matrices' unit columns, in order of first mention."""
    seen: dict[str, None] = {}
    for m in matrices:
        for u in m.units:
            seen.setdefault(u, None)
    return tuple(seen)


def matrix_csv(plans, lang: str = "zh") -> str:
    """One CSV for all plans, starting with a byte-order mark so Excel reads it as UTF-8."""
    t = strings(lang)
    matrices = build_matrices(plans, lang)
    units = all_units(matrices)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(csv_row([t["plan"], t["label"], t["line"], t["task"], *units]))
    for m in matrices:
        col = {u: i for i, u in enumerate(m.units)}
        for row in m.rows:
            cells = [cell_text(row.cells[col[u]], lang) if u in col else "" for u in units]
            writer.writerow(csv_row([m.title, row.label, row.line, row.title, *cells]))
    return "\ufeff" + buf.getvalue()


ROLE_FILLS = {"lead": "F4CCCC", "support": "CFE2F3", "implement": "D9EAD3",
              "supervise": "E4D7F5"}
"""Light fills a printed Excel sheet still shows; the same hues as the HTML report."""


def sheet_name(title: str, taken: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    name = "".join("_" if ch in "[]:*?/\\" else ch for ch in title).strip("'") or "plan"
    if len(name) > 31 and "（" in name:  # 怀化市2022年（huaihua-2022-….txt）: place and year
        name = name[:name.index("（")]
    name = name[:31]
    base, n = name, 2
    while name.lower() in taken:
        suffix = f" ({n})"
        name, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(name.lower())
    return name


def write_matrix_xlsx(plans, path, loads=None, lang: str = "zh", deadlines=None) -> None:
    """A sheet per plan (frozen header row and task columns, role colours) and a summary
    sheet of loads (a row per unit and audit scope). ``loads`` are the audit layer's
    ``UnitLoad`` records (``Audit.loads``); without them the summary is omitted rather than
    recounted here. ``deadlines`` (``Audit.deadlines``) adds a sheet of tasks falling due per
    unit and month."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    t = strings(lang)
    words = ROLE_WORDS[lang]
    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    bold = Font(bold=True)
    fills = {r: PatternFill("solid", fgColor=c) for r, c in ROLE_FILLS.items()}
    if loads is not None:
        ws = wb.create_sheet(sheet_name(t["summary"], taken))
        header = [t["rank"], t["unit"], *(words[r] for r in ROLES), t["tasks"], t["load"],
                  t["share"], t["scope"], t["peer_group"]]
        text_row(ws, header)
        for x in loads:  # a row per unit and audit scope, ranked within its peer group
            text_row(ws, [x.rank, x.unit.name, *(getattr(x, r) for r in ROLES), x.tasks,
                          x.weighted, round(x.share, 4), x.scope,
                          peer_group_name(x.peer_group, lang)])
            ws.cell(row=ws.max_row, column=len(ROLES) + 5).number_format = "0.0%"
        for cell in ws[1]:
            cell.font = bold
        for i, role in enumerate(ROLES):
            ws.cell(row=1, column=3 + i).fill = fills[role]
        ws.freeze_panes = "C2"
        ws.column_dimensions["B"].width = 28
    for m in build_matrices(plans, lang):
        ws = wb.create_sheet(sheet_name(m.title, taken))
        text_row(ws, [t["label"], t["line"], t["task"], *m.units])
        for r, row in enumerate(m.rows, 2):
            text_row(ws, [row.label, row.line, row.title,
                          *(cell_text(c, lang) for c in row.cells)])
            for j, marks in enumerate(row.cells):
                if marks:
                    ws.cell(row=r, column=4 + j).fill = fills.get(marks[0][0], PatternFill())
        for cell in ws[1]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")
        for j, collective in enumerate(m.collective):
            col = get_column_letter(4 + j)
            ws.column_dimensions[col].width = 7
            ws[f"{col}1"].alignment = Alignment(text_rotation=255, vertical="bottom")
            if collective:
                ws[f"{col}1"].font = Font(bold=True, italic=True)
        ws.column_dimensions["A"].width = 12
        ws.column_dimensions["C"].width = 40
        ws.row_dimensions[1].height = 150
        ws.freeze_panes = "D2"
    if deadlines is not None:
        names = {p.source.path: plan_name(p.title, p.jurisdiction, p.year, p.source.path, lang)
                 for p in plans}
        _deadline_sheet(wb.create_sheet(sheet_name(t["deadlines"], taken)), deadlines, t, bold,
                        names)
    if not wb.sheetnames:
        wb.create_sheet(t["matrix"])
    wb.save(path)


def _deadline_sheet(ws, deadlines, t, bold, names) -> None:
    """Units x months of tasks falling due (collective units marked *), a block per place,
    each over only the months in which one of its tasks falls due (plans of unrelated
    places and years would leave most months empty); then the tasks with no deadline, each
    with its plan's name (``names``, by path)."""
    places: dict[str, list] = {}
    for r in deadlines.table:
        places.setdefault(r.unit.jurisdiction, []).append(r)
    heads = []
    for place, rows in places.items():
        months = [j for j in range(len(deadlines.months)) if any(r.counts[j] for r in rows)]
        if len(places) > 1:
            text_row(ws, [place or t["none"]])
            heads.append(ws.max_row)
        text_row(ws, [t["unit"], *(deadlines.months[j] for j in months), t["total"]])
        heads.append(ws.max_row)
        for r in rows:
            text_row(ws, [r.unit.name + (" *" if r.collective else ""),
                          *(r.counts[j] or None for j in months), r.total])
        ws.append([])
    text_row(ws, [f"{t['undated']}{t['lp']}{len(deadlines.undated)}{t['rp']}"])
    ws.cell(row=ws.max_row, column=1).font = bold
    text_row(ws, [t["plan"], t["label"], t["line"], t["task"]])
    header = ws.max_row
    for ref in deadlines.undated:
        text_row(ws, [names.get(ref.path, ref.path), ref.label, ref.line, ref.title])
    for row in (*heads, header):
        for cell in ws[row]:
            cell.font = bold
    ws.column_dimensions["A"].width = 28
    ws.freeze_panes = "B2" if len(places) == 1 else "B1"
