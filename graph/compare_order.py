"""Which plans ``compare`` puts side by side, and in which order.

Plans are compared within one jurisdiction, oldest first. ``arrange_plans`` takes the
plans as loaded (a folder or a glob gives them in file-name order) and returns them
grouped and ordered, with what a user should be told:

- one jurisdiction (``only``, or the one place given more than one plan) is compared;
  plans of other places are left out with a warning; several places with several plans
  each are an error asking to choose one; plans of different places, one each, are
  compared (``compare_series`` warns that they look unrelated and links none of their
  tasks unless forced);
- plans are ordered by year; plans named one by one in another order get a warning
  saying the order used; where a year is unknown the order given is kept, with a warning.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Arrangement:
    plans: tuple  # the plans to compare, oldest first
    warnings: tuple[str, ...]


def _name(plan) -> str:
    return plan.source.path


def _described(plan) -> str:
    return f"{_name(plan)} ({plan.year if plan.year is not None else 'year unknown'})"


def arrange_plans(plans, only: str | None = None, named_one_by_one: bool = True) -> Arrangement:
    """The plans to compare, in year order, and the warnings; ValueError when no set of
    two or more plans of one jurisdiction can be chosen without the user's say."""
    plans, warnings = tuple(plans), []
    places: dict[str, list] = {}
    for plan in plans:
        places.setdefault(plan.jurisdiction, []).append(plan)
    if only is not None:
        if len(places.get(only, ())) < 2:
            have = ", ".join(f"{p or '?'} ({len(v)})" for p, v in sorted(places.items()))
            raise ValueError(f"--jurisdiction {only}: needs two plans of {only}; the plans "
                             f"are of {have}")
        chosen = places[only]
    elif len(places) == 1:
        chosen = list(plans)
    else:
        several = sorted(p for p, v in places.items() if len(v) > 1)
        if len(several) > 1:
            have = ", ".join(f"{p or '?'} ({len(places[p])})" for p in several)
            raise ValueError(f"the plans are of several jurisdictions with more than one plan "
                             f"each: {have}; compare one with --jurisdiction {several[0]}")
        # plans of different places, one each, are compared: ``compare_series`` then
        # warns that they look unrelated and links no task unless forced
        chosen = places[several[0]] if several else list(plans)
    left = [p for p in plans if p not in chosen]
    if left:
        warnings.append(f"comparing the plans of {chosen[0].jurisdiction or '?'}; left out: "
                        + ", ".join(_described(p) for p in left))
    if any(p.year is None for p in chosen):
        unknown = ", ".join(_name(p) for p in chosen if p.year is None)
        warnings.append(f"the year of {unknown} is unknown: plans compared in the order given")
        return Arrangement(tuple(chosen), tuple(warnings))
    ordered = sorted(chosen, key=lambda p: p.year)
    if named_one_by_one and ordered != chosen:
        warnings.append("plans given out of year order; compared oldest first: "
                        + ", ".join(_described(p) for p in ordered))
    return Arrangement(tuple(ordered), tuple(warnings))
