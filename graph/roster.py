"""Who on the leading group holds nothing: each roster member unit's tasks, named or not.

For every plan with a roster (``Plan.roster``, from the plan or a roster file), each member
unit gets the plan's tasks that name it (explicit, inherited, range assignments and, with
``include_standing``, blanket clauses; never inline ones) and the tasks that reach it only
through a catch-all (各成员单位 …, see ``graph.expand``; counted whether or not expansion is
on). Its status: ``assigned`` (named on a task), ``collective_only`` (only through
catch-alls) or ``none`` (no task at all).
"""
from __future__ import annotations

from dataclasses import dataclass

from dutygraph.model import Plan
from dutygraph.loaders.roster import member_units

from .build import unit_node
from .expand import is_catch_all
from .settings import AuditSettings

MEMBER_STATUSES = ("assigned", "collective_only", "none")


@dataclass(frozen=True)
class RosterMember:
    path: str  # the plan whose roster it is
    node: str  # the unit's node id in the audit graph (it may hold no edge)
    unit: str  # canonical name
    people: tuple[str, ...]  # the roster's people of this unit, as 姓名（职务）
    lines: tuple[int, ...]  # the roster lines naming it
    tasks: tuple[str, ...]  # ids of the tasks naming the unit
    collective_tasks: tuple[str, ...]  # ids of the other tasks, reaching it through a catch-all
    status: str  # one of MEMBER_STATUSES


def roster_members(plans, settings: AuditSettings = AuditSettings()) -> tuple[RosterMember, ...]:
    """Every member unit of every plan's roster, in roster order, with its tasks."""
    found = []
    for plan in plans:
        aliases = {n: g[0] for g in plan.aliases for n in g[1:]}
        for unit in member_units(plan.roster):
            named, through = _tasks(plan, unit, aliases, settings)
            rows = [m for m in plan.roster if m.unit == unit]
            found.append(RosterMember(
                path=plan.source.path, node=unit_node(plan.jurisdiction, unit), unit=unit,
                people=tuple(f"{m.person}（{m.post}）" if m.person else m.post for m in rows),
                lines=tuple(m.line for m in rows), tasks=named, collective_tasks=through,
                status="assigned" if named else "collective_only" if through else "none"))
    return tuple(found)


def _tasks(plan: Plan, unit: str, aliases: dict, settings: AuditSettings):
    named, through = [], []
    standing = plan.standing if settings.include_standing else ()
    for task in plan.tasks:
        given = [a for a in task.assignments + standing if a.source != "inline"]
        if any(aliases.get(a.unit, a.unit) == unit for a in given):
            named.append(task.id)
        elif any(a.collective and is_catch_all(a.unit, settings.expand_also) for a in given):
            through.append(task.id)
    return tuple(named), tuple(through)
