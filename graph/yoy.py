"""The year-over-year change inside an audit: when the plans audited hold two or more years
of one place, what changed from each year to the next (for the report's key findings).

A place is a jurisdiction with plans of two or more years; of several plans of one year the
first given is compared. The comparison is ``compare.compare_plans`` itself, so the report
says what ``dutygraph compare`` would say, and plans ``check_series`` calls unrelated give
no change.
"""
from __future__ import annotations

from dataclasses import dataclass

from dutygraph.loaders.units import Registry
from dutygraph.model import Plan

from .compare import PlanInfo, compare_plans
from .compare_summary import StepChange


@dataclass(frozen=True)
class PlaceChange:
    """One place's change from one year's plan to the next."""

    jurisdiction: str
    old: PlanInfo
    new: PlanInfo
    change: StepChange


def year_over_year(plans, registry: Registry | None = None) -> tuple[PlaceChange, ...]:
    """Per place with plans of two or more years, the change of each step (oldest first);
    places in the order their first plan is given."""
    places: dict[str, dict[int, Plan]] = {}
    for plan in plans:
        if plan.jurisdiction and plan.year is not None:
            places.setdefault(plan.jurisdiction, {}).setdefault(plan.year, plan)
    out = []
    for place, by_year in places.items():
        if len(by_year) < 2:
            continue
        result = compare_plans([by_year[y] for y in sorted(by_year)], registry)
        out.extend(PlaceChange(place, result.steps[k].old, result.steps[k].new, change)
                   for k, change in enumerate(result.changes) if change.linked)
    return tuple(out)
