"""Plain renderings of a Plan: flat CSV rows (task x unit) and a table for the terminal."""
from __future__ import annotations

import csv
import io

from loaders.model import Plan

from .cells import csv_row

CSV_COLUMNS = ("file", "task_id", "label", "line", "title", "unit", "mention", "role",
               "collective", "source", "clause", "deadline")


def plan_rows(plan: Plan):
    """One row per task x unit, and one row (empty unit) for a task with no unit."""
    for task in plan.tasks:
        base = (plan.source.path, task.id, task.label, task.line, task.title)
        if not task.assignments:
            yield (*base, "", "", "", "", "", "", task.deadline or "")
        for a in task.assignments:
            yield (*base, a.unit, a.mention, a.role, a.collective, a.source, a.clause,
                   task.deadline or "")


def plan_rows_csv(plans) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for plan in plans:
        writer.writerows(csv_row(row) for row in plan_rows(plan))
    return buf.getvalue()


def plan_table(plan: Plan, width: int = 28) -> str:
    """Readable text: each task with its label, line, title and units by role."""
    out = [f"{plan.title or plan.source.path}  ({plan.source.path}; {len(plan.tasks)} tasks)"]
    for task in plan.tasks:
        title = task.title if len(task.title) <= width else task.title[: width - 1] + "…"
        out.append(f"{task.label:<14} L{task.line:<5} {title}")
        for role in ("lead", "support", "implement", "supervise"):
            names = [a.unit for a in task.assignments if a.role == role]
            if names:
                out.append(f"{'':<21} {role:<9} {'、'.join(dict.fromkeys(names))}")
    if plan.standing:
        out.append("standing: " + "、".join(f"{a.unit} ({a.role})" for a in plan.standing))
    return "\n".join(out) + "\n"
