"""Chronic tasks: work carried over in every plan of three or more years, and how often its
lead changed on the way.

Read from a comparison's lineages (``Comparison.chains``, the tasks linked through every
step): a lineage is chronic when it holds a task in every plan. Its lead changes are the
steps where a link inside the lineage says the set of leads changed (``TaskPair.
lead_changed``: registry renames are not changes). Plans of several jurisdictions give no
chronic tasks: a lineage across places is not one office's unfinished work.
"""
from __future__ import annotations

from dataclasses import dataclass

from dutygraph.loaders.units import Registry

from .compare_units import task_units

MIN_YEARS = 3


@dataclass(frozen=True)
class ChronicTask:
    chain: tuple[tuple[str, ...], ...]  # task ids in each plan, oldest first
    labels: tuple[tuple[str, ...], ...]  # their printed numbers
    title: str  # the newest plan's (first) task title
    leads: tuple[tuple[str, ...], ...]  # lead units in each plan (canonical, sorted)
    lead_changes: int  # steps where the lineage's leads changed
    changed_steps: tuple[int, ...]  # which steps (k: plan k to plan k+1)


def chronic_tasks(plans, steps, chains, registry: Registry | None = None
                  ) -> tuple[ChronicTask, ...]:
    """The lineages holding a task in every one of three or more plans of one jurisdiction,
    most lead changes first, then in the newest plan's order."""
    plans = tuple(plans)
    if len(plans) < MIN_YEARS or len({p.jurisdiction for p in plans}) > 1:
        return ()
    registry = registry or Registry.default()
    by_id = [{t.id: t for t in p.tasks} for p in plans]
    order = {t.id: n for n, t in enumerate(plans[-1].tasks)}
    found = []
    for chain in chains:
        if not all(chain):
            continue
        changed = tuple(k for k, step in enumerate(steps)
                        if any(p.lead_changed for p in step.pairs
                               if p.old.id in chain[k] and p.new.id in chain[k + 1]))
        found.append(ChronicTask(
            chain=chain,
            labels=tuple(tuple(by_id[k][i].label for i in ids) for k, ids in enumerate(chain)),
            title=by_id[-1][chain[-1][0]].title,
            leads=tuple(_leads(by_id[k], ids, registry) for k, ids in enumerate(chain)),
            lead_changes=len(changed), changed_steps=changed))
    found.sort(key=lambda c: (-c.lead_changes, order[c.chain[-1][0]]))
    return tuple(found)


def _leads(tasks: dict, ids, registry) -> tuple[str, ...]:
    leads: set = set()
    for i in ids:
        leads |= task_units(tasks[i], registry, {})[1]
    return tuple(sorted(leads))
