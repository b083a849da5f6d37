"""Input screening: what users drop in a folder besides the plans.

A folder of plans often holds the same plan twice (``… - 副本.txt``, or the .txt beside
the .docx it was saved from) and files that are no plan at all (a shopping list, a
one-line .csv). Counting them would double every load of the copied plan and add plans
of 0 tasks. ``screen_plans`` keeps each plan once and names the rest; it is a pure
function of the plans read, so every command applies the same rule.

- **Duplicate**: the same plan after reading, whatever the format: the same title,
  section headings and task texts (labels included), white space aside. The first file
  in reading order is kept (the original rather than a file
  named as a copy, 副本 / copy / (1)); a corrected review workbook is never a duplicate of a plan
  (its corrections must stand).
- **Not a plan**: no task and no unit; or tasks but no unit anywhere and a title that
  names no kind of official document (a numbered shopping list). A plan that names no
  unit at all but calls itself a 规划 stays: that is a finding about the plan.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from dutygraph.model import Plan

# the last word of an official document's title (方案, 要点, 规划 …); 清单 alone is not one
DOCUMENT_KIND = re.compile(r"(方案|要点|规划|计划|意见|办法|通知|细则|措施|安排|纲要|分工|任务|"
                           r"台账|部署|决定|制度|责任清单|任务清单|分工表|任务表|预案|职责|规定)")
SPACE = re.compile(r"\s+")
COPY = re.compile(r"(副本|拷贝|复件|copy|[（(]\d+[)）]$)", re.I)  # how systems name a copy


@dataclass(frozen=True)
class Skipped:
    """A file read but not counted: ``duplicate`` of the plan at ``same_as``, or
    ``not_plan``."""

    path: str
    reason: str  # duplicate, not_plan
    same_as: str = ""  # duplicate: the path of the plan kept
    title: str = ""  # the title read from it ("" where none)


@dataclass(frozen=True)
class Screened:
    plans: tuple[Plan, ...]  # the plans to count, each once, in the order given
    skipped: tuple[Skipped, ...]  # in the order given


def content_key(plan: Plan) -> str:
    """A fingerprint of what was read (not of the bytes): equal for the same plan saved as
    .txt and .docx, or copied under another name."""
    squeeze = lambda s: SPACE.sub("", s or "")  # noqa: E731
    parts = [plan.source.format if plan.source.format == "review" else "", squeeze(plan.title)]
    parts += [squeeze(s.number) + squeeze(s.title) for s in plan.sections]
    parts += [squeeze(t.label) + "\x1f" + squeeze(t.text) for t in plan.tasks]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()


def is_plan(plan: Plan) -> bool:
    """Has the features of a work plan: a unit named anywhere, or numbered items under a
    title that names a kind of official document. A review workbook always is one."""
    if plan.source.format == "review":
        return True
    named = bool(plan.units) or any(t.assignments for t in plan.tasks) or bool(plan.standing)
    named = named or len(plan.reading.unread) >= 2  # units its text names that were not read
    if named:
        return True
    titled = bool(DOCUMENT_KIND.search(plan.title or ""))
    return titled and (bool(plan.tasks) or bool(plan.reading.unread))  # a plan read badly


def screen_plans(plans) -> Screened:
    """The plans each counted once and only real plans, with the files skipped and why."""
    kept: list[Plan] = []
    skipped: list[Skipped] = []
    first: dict[str, Plan] = {}
    plans = tuple(plans)
    for plan in plans:
        if not is_plan(plan):
            skipped.append(Skipped(plan.source.path, "not_plan", title=plan.title))
            continue
        if len(plans) == 1:  # a plan alone is no copy: no fingerprint of its whole text
            kept.append(plan)
            continue
        key = content_key(plan)
        if key not in first:
            first[key] = plan
            kept.append(plan)
            continue
        earlier = first[key]
        if COPY.search(Path(earlier.source.path).stem) and not COPY.search(
                Path(plan.source.path).stem):  # keep the original, not "… - 副本"
            kept[kept.index(earlier)] = first[key] = plan
            plan, earlier = earlier, plan
        skipped.append(Skipped(plan.source.path, "duplicate", earlier.source.path, plan.title))
    return Screened(tuple(kept), tuple(skipped))


def skipped_line(s: Skipped) -> str:
    """One line for stderr naming the file and why it is not counted."""
    if s.reason == "duplicate":
        return f"skipped: {s.path}: the same plan as {s.same_as} (read once)"
    return f"skipped: {s.path}: not a plan (no unit, and no numbered items under a plan title)"
