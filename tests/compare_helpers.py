"""Hand-built plans for the compare tests, and the gold pair scoring of ../shared/eval."""
from __future__ import annotations

import re

import opencc

from dutygraph.model import Assignment, Plan, Source, Task

_T2S = opencc.OpenCC("t2s").convert
_BRACKETS = str.maketrans({"〈": "(", "〉": ")", "（": "(", "）": ")", "【": "(", "】": ")",
                           "《": "(", "》": ")", "[": "(", "]": ")"})


def fold_text(s):
    """As score.py folds text: simplified (t2s), no spaces or emphasis, round brackets."""
    return re.sub(r"[\s*#>_`]", "", _T2S(s or "")).translate(_BRACKETS)


def score_pairs(gold: dict, pred: dict) -> tuple[float, float]:
    """Pair precision and recall exactly as score_yoy.py computes them."""
    def text(t):
        return fold_text((t.get("title") or "") + (t.get("text") or ""))

    gpairs = [(fold_text(p["old"]), fold_text(p["new"])) for p in gold["pairs"]]
    ppairs = [(text(p["old"]), text(p["new"])) for p in pred["pairs"]]
    right = sum(1 for po, pn in ppairs if any(go in po and gn in pn for go, gn in gpairs))
    found = sum(1 for go, gn in gpairs if any(go in po and gn in pn for po, pn in ppairs))
    return (right / len(ppairs) if ppairs else 0.0), (found / len(gpairs) if gpairs else 0.0)


def task(tid: str, text: str, units=(), label=None, source="explicit") -> Task:
    """A task whose units are given as (name, role) pairs."""
    label = label or tid
    return Task(id=tid, section=None, label=label, number=label, title=text.split("。")[0],
                text=text, line=int(re.sub(r"\D", "", tid) or 1),
                assignments=tuple(Assignment(unit=u, mention=u, role=r, source=source)
                                  for u, r in units))


def plan(year: int, *tasks: Task, path: str = "") -> Plan:
    return Plan(source=Source(path=path or f"plan-{year}.txt", format="txt"),
                title=f"{year}年工作要点", year=year, tasks=tuple(tasks))
