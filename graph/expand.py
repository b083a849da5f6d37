"""Catch-alls expanded into the roster's members: ``各成员单位`` on a task names every member.

A catch-all is a collective unit of a task (各成员单位, 领导小组各成员单位, 市安委会各成员单位 …)
that stands for the members of the plan's roster (``Plan.roster``, read from the plan or
given as a roster file). Expanding it adds one assignment per member unit not already named
on the task, with the catch-all's role and clause and ``source`` ``expanded``. Expanded
assignments are kept apart: they never count in loads, never make a task less orphaned,
and ``settings.expand_members`` switches them off. Other classes (各有关部门) are expanded
only when named in ``settings.expand_also``; the catch-all itself stays on the task.
"""
from __future__ import annotations

import dataclasses
import re

from dutygraph.model import Assignment, Plan
from dutygraph.loaders.roster import member_units

MEMBER_CATCH_ALL = re.compile(r"^(?:[^各、]*?(?:领导小组|安委会|安全生产委员会))?各?成员单位$")
"""各成员单位, 成员单位, 领导小组各成员单位, 市安委会各成员单位; not 市应急救援总指挥部成员单位
(another body's members: name it in ``expand_also`` to expand it into the roster)."""


def is_catch_all(name: str, also=()) -> bool:
    """Whether a collective unit name stands for the roster's members.

    >>> [is_catch_all(n) for n in ("领导小组各成员单位", "市安委会各成员单位", "各成员单位",
    ...                            "市应急救援总指挥部成员单位", "各有关部门")]
    [True, True, True, False, False]
    >>> is_catch_all("各有关部门", also=("各有关部门",))
    True
    """
    return name in also or bool(MEMBER_CATCH_ALL.match(name))


def expand_plan(plan: Plan, also=()) -> Plan:
    """The plan with every catch-all of its tasks expanded into its roster's member units."""
    members = member_units(plan.roster)
    if not members:
        return plan
    tasks = []
    for task in plan.tasks:
        named = {a.unit for a in task.assignments}
        extra: dict[str, Assignment] = {}
        for a in task.assignments:
            if a.collective and a.source != "inline" and is_catch_all(a.unit, also):
                for unit in members:
                    if unit not in named and unit not in extra:
                        extra[unit] = dataclasses.replace(
                            a, unit=unit, mention=unit, collective=False, source="expanded",
                            exhaustive=True)
        if extra:
            task = dataclasses.replace(task, assignments=task.assignments + tuple(extra.values()))
        tasks.append(task)
    return dataclasses.replace(plan, tasks=tuple(tasks))


def expand_plans(plans, also=()) -> tuple[Plan, ...]:
    return tuple(expand_plan(p, also) for p in plans)
