"""View records for the templates: the plans' matrix and task text, shaped once in Python
so templates only loop. Input text is escaped here (``escape`` then ``Markup``) or by the
templates' autoescape; nothing else turns text into markup."""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from dutygraph.model import ROLES

from .matrix import build_matrices
from .strings import ROLE_MARKS, ROLE_WORDS, plan_name

ROLE_CLASSES = {"lead": "L", "support": "S", "implement": "I", "supervise": "V"}
PRINT_COLUMNS = 34
"""Unit columns of one printed (landscape A4) matrix part; the task column repeats."""


def highlight(text: str, clauses) -> Markup:
    """``text`` escaped, with every occurrence of each clause wrapped in <mark>."""
    spans = []
    for clause in sorted({c for c in clauses if c}, key=len, reverse=True):
        start = text.find(clause)
        while start >= 0:
            end = start + len(clause)
            if not any(s < end and start < e for s, e in spans):
                spans.append((start, end))
            start = text.find(clause, end)
    out, pos = [], 0
    for start, end in sorted(spans):
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>%s</mark>") % text[start:end])
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def anchors(plans) -> dict[tuple[str, str], str]:
    """(plan path, task id) -> an ASCII id for the task's text (``t<plan>-<task>``)."""
    return {(p.source.path, task.id): f"t{i}-{j}"
            for i, p in enumerate(plans) for j, task in enumerate(p.tasks)}


@dataclass(frozen=True)
class RoleLegend:
    cls: str
    mark: str
    word: str


@dataclass(frozen=True)
class UnitColumn:
    name: str
    collective: bool


@dataclass(frozen=True)
class MatrixRowView:
    anchor: str
    label: str
    title: str
    cells: tuple[tuple[str, str] | None, ...]  # (css classes, marks) or None if empty


@dataclass(frozen=True)
class MatrixView:
    title: str
    units: tuple[UnitColumn, ...]
    rows: tuple[MatrixRowView, ...]
    parts: tuple[tuple[int, int], ...]  # (start, end) unit columns of each printed part


def column_parts(n: int, most: int = PRINT_COLUMNS) -> tuple[tuple[int, int], ...]:
    """``n`` columns cut into the fewest parts of at most ``most``, of equal width.

    >>> column_parts(54)
    ((0, 27), (27, 54))
    >>> column_parts(0)
    ((0, 0),)
    """
    count = max(1, -(-n // most))
    cuts = [round(k * n / count) for k in range(count + 1)]
    return tuple(zip(cuts, cuts[1:]))


@dataclass(frozen=True)
class TaskView:
    anchor: str
    label: str
    line: int
    deadline: str
    text: Markup
    roles: tuple[tuple[str, str], ...]  # (role word, units joined)


@dataclass(frozen=True)
class PlanView:
    path: str
    title: str
    tasks: tuple[TaskView, ...]


def role_legend(lang: str) -> tuple[RoleLegend, ...]:
    return tuple(RoleLegend(ROLE_CLASSES[r], ROLE_MARKS[lang][r], ROLE_WORDS[lang][r])
                 for r in ROLES)


def matrix_views(plans, lang: str, anchor: dict) -> tuple[MatrixView, ...]:
    marks = ROLE_MARKS[lang]
    views = []
    for plan, m in zip(plans, build_matrices(plans, lang)):
        rows = []
        for row in m.rows:
            cells = []
            for cell in row.cells:
                if not cell:
                    cells.append(None)
                    continue
                classes = [ROLE_CLASSES.get(r, "") for r, _ in cell]
                if all(s in ("inline", "inherited") for _, s in cell):
                    classes.append("x")
                cells.append((" ".join(dict.fromkeys(c for c in classes if c)),
                              "".join(marks.get(r, "?") for r, _ in cell)))
            rows.append(MatrixRowView(anchor[(plan.source.path, row.task_id)], row.label,
                                      row.title, tuple(cells)))
        views.append(MatrixView(m.title, tuple(UnitColumn(u, c) for u, c in
                                               zip(m.units, m.collective)), tuple(rows),
                                column_parts(len(m.units))))
    return tuple(views)


def plan_views(plans, lang: str, anchor: dict, extra_clauses=None) -> tuple[PlanView, ...]:
    """Each plan's tasks with their text, clauses marked. ``extra_clauses`` maps an anchor
    to clauses a finding quotes that are not among the task's assignments."""
    words = ROLE_WORDS[lang]
    sep = "、" if lang == "zh" else ", "
    extra_clauses = extra_clauses or {}
    views = []
    for plan in plans:
        tasks = []
        for task in plan.tasks:
            key = anchor[(plan.source.path, task.id)]
            clauses = [a.clause for a in task.assignments] + list(extra_clauses.get(key, ()))
            roles = tuple(
                (words[r], sep.join(dict.fromkeys(a.unit for a in task.assignments
                                                  if a.role == r)))
                for r in ROLES if any(a.role == r for a in task.assignments))
            tasks.append(TaskView(key, task.label, task.line, task.deadline or "",
                                  highlight(task.text, clauses), roles))
        views.append(PlanView(plan.source.path, plan_name(
            plan.title, plan.jurisdiction, plan.year, plan.source.path, lang), tuple(tasks)))
    return tuple(views)


