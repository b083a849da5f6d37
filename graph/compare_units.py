"""Units across years: renames through the registry, and each unit's load per year.

A unit keeps its identity across plans when the registry says the names mean one office
(aliases) or that the old office became the new one (successors, e.g. the 2018 reform's
安监局 → 应急管理局). Only a successor the new plan actually names counts as a rename:
otherwise the old unit was dropped, and the report says so.
"""
from __future__ import annotations

from dataclasses import dataclass

from dutygraph.model import Plan, Task
from dutygraph.loaders.units import Registry

COUNTED_SOURCES = ("explicit", "inherited", "range")
"""Assignments that count towards load and unit changes; ``inline`` ones (a unit named as
the subject of a sentence) are too uncertain to compare across years."""


@dataclass(frozen=True)
class Rename:
    """An office of the old plan that the new plan names under its successor's name."""

    old: str
    new: str
    year: int | None  # year of the change, from the registry
    old_year: int | None = None  # years of the two plans compared
    new_year: int | None = None


@dataclass(frozen=True)
class UnitLoad:
    """One unit's tasks by role in each plan of the comparison (oldest first)."""

    unit: str  # the name in the newest plan that names it
    names: tuple[str, ...]  # the name used in each plan ("" where the plan does not name it)
    leads: tuple[int, ...]  # lead  # 牵头
    supports: tuple[int, ...]  # support  # 配合
    others: tuple[int, ...]  # implement (落实) and supervise (督促)
    totals: tuple[int, ...]

    @property
    def lead_change(self) -> int:
        return self.leads[-1] - self.leads[0]

    @property
    def support_change(self) -> int:
        return self.supports[-1] - self.supports[0]

    @property
    def total_change(self) -> int:
        return self.totals[-1] - self.totals[0]


def counted(task: Task):
    """The task's assignments that count (not inline)."""
    return tuple(a for a in task.assignments if a.source in COUNTED_SOURCES)


def plan_unit_names(plan: Plan, registry: Registry) -> frozenset[str]:
    """Canonical names of every unit a plan makes responsible for some task."""
    return frozenset(registry.canonical(a.unit) for t in plan.tasks for a in counted(t))


def find_renames(old: Plan, new: Plan, registry: Registry) -> tuple[Rename, ...]:
    """Old units absent from the new plan whose registry successor chain reaches a name
    the new plan uses. The chain is followed step by step (国土局 → 自然资源局 →
    自然资源和规划局) and stops at the first name the new plan knows."""
    old_names, new_names = plan_unit_names(old, registry), plan_unit_names(new, registry)
    renames = []
    for name in sorted(old_names - new_names):
        current, seen, year = name, {name}, None
        while True:
            hit = registry.successor(current)
            if hit is None or hit[0] in seen:
                break
            current, year = hit[0], hit[1] if hit[1] is not None else year
            seen.add(current)
            if current in new_names:
                renames.append(Rename(name, current, year, old.year, new.year))
                break
    return tuple(renames)


def task_units(task: Task, registry: Registry, rename: dict) -> tuple[frozenset, frozenset]:
    """(all units, lead units) of a task, canonical, old names carried to new ones."""
    units, leads = set(), set()
    for a in counted(task):
        name = registry.canonical(a.unit)
        name = rename.get(name, name)
        units.add(name)
        if a.role == "lead":
            leads.add(name)
    return frozenset(units), frozenset(leads)


def unit_loads(plans, renames_per_step, registry: Registry) -> tuple[UnitLoad, ...]:
    """Load per unit and plan. ``renames_per_step[k]`` holds the renames from plan k to
    plan k+1; a unit is followed through them so a renamed office is one row."""
    forward = [{r.old: r.new for r in step} for step in renames_per_step]
    rows: dict[str, dict] = {}
    n = len(plans)
    for k, plan in enumerate(plans):
        for task in plan.tasks:
            for a in counted(task):
                name = registry.canonical(a.unit)
                key = name
                for step in forward[k:]:
                    key = step.get(key, key)
                row = rows.setdefault(key, {"names": [""] * n, "lead": [0] * n,
                                            "support": [0] * n, "other": [0] * n,
                                            "tasks": [set() for _ in range(n)]})
                row["names"][k] = row["names"][k] or name
                if task.id in row["tasks"][k]:
                    continue  # one unit counted once per task, by its first role there
                row["tasks"][k].add(task.id)
                role = a.role if a.role in ("lead", "support") else "other"
                row[role][k] += 1
    loads = []
    for key in sorted(rows):
        row = rows[key]
        totals = tuple(row["lead"][k] + row["support"][k] + row["other"][k] for k in range(n))
        loads.append(UnitLoad(key, tuple(row["names"]), tuple(row["lead"]),
                              tuple(row["support"]), tuple(row["other"]), totals))
    loads.sort(key=lambda u: (-abs(u.total_change), -u.totals[-1], u.unit))
    return tuple(loads)
