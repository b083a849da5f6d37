"""The change a director asks about first: who gained or lost lead work, what is new, what
was dropped, what has been carried for years.

Lead changes are read per unit, not per pair: for each step, a unit *gained* a new task it
leads when it led none of the old tasks linked to it (or the task is new), and *lost* an old
task it led when it leads none of the new tasks linked to it (or the task was dropped).
Units are named as ``compare`` names them (one name per office, renames carried), and
``inline`` assignments never count (``compare_units.COUNTED_SOURCES``).
"""
from __future__ import annotations

from dataclasses import dataclass

from dutygraph.model import Plan, Task

from .compare_units import task_units


@dataclass(frozen=True)
class LeadMove:
    """One unit's lead work in one step."""

    unit: str
    before: int  # tasks it leads in the old plan
    after: int  # tasks it leads in the new plan
    gained: tuple[Task, ...]  # new tasks it now leads (new, or led by others before)
    lost: tuple[Task, ...]  # old tasks it no longer leads (dropped, or led by others now)

    @property
    def change(self) -> int:
        return self.after - self.before


@dataclass(frozen=True)
class StepChange:
    """The change from one plan to the next; empty where the plans were not linked."""

    step: int
    linked: bool
    moves: tuple[LeadMove, ...]  # every unit whose lead work moved: most gained first
    added: tuple[Task, ...]
    removed: tuple[Task, ...]

    def rises(self, top: int = 5) -> tuple[LeadMove, ...]:
        return tuple(m for m in self.moves if m.change > 0)[:top]

    def falls(self, top: int = 5) -> tuple[LeadMove, ...]:
        return tuple(sorted((m for m in self.moves if m.change < 0),
                            key=lambda m: (m.change, m.unit)))[:top]


def step_change(k: int, old: Plan, new: Plan, step, names) -> StepChange:
    """The per-unit lead moves of one step (``step`` a ``compare.Step``)."""
    if step.series is not None and not step.series.linked:
        return StepChange(k, False, (), (), ())
    rename = {r.old: r.new for r in step.renames}
    leads_old = {t.id: task_units(t, names, rename)[1] for t in old.tasks}
    leads_new = {t.id: task_units(t, names, {})[1] for t in new.tasks}
    forward: dict[str, set] = {}
    backward: dict[str, set] = {}
    for p in step.pairs:
        forward.setdefault(p.old.id, set()).add(p.new.id)
        backward.setdefault(p.new.id, set()).add(p.old.id)
    units = sorted(set().union(*leads_old.values(), *leads_new.values()))
    moves = []
    for u in units:
        gained = tuple(t for t in new.tasks if u in leads_new[t.id] and not any(
            u in leads_old[o] for o in backward.get(t.id, ())))
        lost = tuple(t for t in old.tasks if u in leads_old[t.id] and not any(
            u in leads_new[n] for n in forward.get(t.id, ())))
        if gained or lost:
            before = sum(1 for ls in leads_old.values() if u in ls)
            after = sum(1 for ls in leads_new.values() if u in ls)
            moves.append(LeadMove(u, before, after, gained, lost))
    moves.sort(key=lambda m: (-m.change, -len(m.gained) - len(m.lost), m.unit))
    return StepChange(k, True, tuple(moves), step.added, step.removed)
