"""Plain renderings of a Plan: flat CSV rows (task x unit) and a table for the terminal."""
from __future__ import annotations

import csv
import io

from dutygraph.model import Plan

from .cells import csv_row
from .strings import (EVIDENCE_WORDS, EXTRACT_COLUMNS, ROLE_WORDS, SOURCE_WORDS, YES_NO,
                      plan_name, strings)


def plan_rows(plan: Plan, lang: str = "zh"):
    """One row per task x unit, and one row (empty unit) for a task with no unit. In
    Chinese the plan is named by its title and roles, sources and flags are words; in
    English the columns keep the plan JSON's values (path, lead, explicit, True)."""
    zh = lang == "zh"
    name = (plan_name(plan.title, plan.jurisdiction, plan.year, plan.source.path, lang)
            if zh else plan.source.path)
    roles, sources, (yes, no) = ROLE_WORDS[lang], SOURCE_WORDS[lang], YES_NO[lang]
    for task in plan.tasks:
        base = (name, task.id, task.label, task.line, task.title)
        if not task.assignments:
            yield (*base, "", "", "", "", "", "", task.deadline or "")
        for a in task.assignments:
            yield (*base, a.unit, a.mention, roles.get(a.role, a.role) if zh else a.role,
                   (yes if a.collective else no) if zh else a.collective,
                   sources.get(a.source, a.source) if zh else a.source, a.clause,
                   task.deadline or "")


def plan_rows_csv(plans, lang: str = "zh") -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(EXTRACT_COLUMNS[lang])
    for plan in plans:
        writer.writerows(csv_row(row) for row in plan_rows(plan, lang))
    return buf.getvalue()


def plan_table(plan: Plan, width: int = 28, lang: str = "zh") -> str:
    """Readable text: each task with its label, line, title and units by role, each unit
    with the source and the kind of clause it was read from."""
    t, roles = strings(lang), ROLE_WORDS[lang]
    sources, kinds = SOURCE_WORDS[lang], EVIDENCE_WORDS[lang]

    def where(a) -> str:  # why the unit is there: 市教育局（继承·单位标题）
        said = sources.get(a.source, a.source) + (
            f"·{kinds.get(a.evidence, a.evidence)}" if a.evidence not in ("", a.source) else "")
        return f"（{said}）" if lang == "zh" else f" ({said})"

    name = plan_name(plan.title, plan.jurisdiction, plan.year, plan.source.path, lang)
    out = [f"{name}  ({plan.source.path}; {len(plan.tasks)} {t['tasks']})"]
    r = plan.reading
    out.append(t["reading"].format(
        coverage=f"{r.coverage:.0%}", poor=t["poor"] if r.poor else "",
        unread=t["unread"].format(names="、".join(r.unread[:8])) if r.unread else ""))
    for task in plan.tasks:
        title = task.title if len(task.title) <= width else task.title[: width - 1] + "…"
        out.append(f"{task.label:<14} L{task.line:<5} {title}")
        for role in ("lead", "support", "implement", "supervise"):
            names = [f"{a.unit}{where(a)}" for a in task.assignments if a.role == role]
            if names:
                out.append(f"{'':<21} {roles[role]:<9} {'、'.join(dict.fromkeys(names))}")
    if plan.standing:
        out.append(t["standing"] + ": " + "、".join(f"{a.unit} ({roles.get(a.role, a.role)})"
                                                  for a in plan.standing))
    return "\n".join(out) + "\n"
