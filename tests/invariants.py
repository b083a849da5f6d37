"""The invariants every extraction keeps, whatever the input (README, the plan schema).

Shared by the property tests and the bad-input tests.
"""
from __future__ import annotations

import re
from pathlib import Path

from dutygraph.loaders import LoadError, read_document
from dutygraph.loaders.stages.clean import clean_lines
from dutygraph.loaders.stages.normalise import normalise
from dutygraph.loaders.stages.parse import parse_document


def squash(text: str) -> str:
    """Text without white space and Markdown marks, as the cleaner may drop them."""
    return re.sub(r"[\s*#>_]", "", text)


def check_plan(path: Path):
    """Parse ``path`` and assert every invariant; returns the plan (None if refused)."""
    try:
        doc = read_document(path)
    except LoadError as err:  # refusing is allowed; it must say which file
        assert str(path) in str(err)
        return None
    plan = parse_document(doc)
    covered = set()
    for task in plan.tasks:
        assert task.end_line >= task.line
        covered.update(range(task.line, task.end_line + 1))
    for region in plan.coverage:
        covered.update(range(region.start_line, region.end_line + 1))
    lost = [n for n, line in enumerate(doc.lines, 1) if line.strip() and n not in covered]
    assert not lost, f"lines in no task and no coverage region: {lost[:5]}"
    for prev, task in zip(plan.tasks, plan.tasks[1:]):
        assert task.line >= prev.line, (prev.id, task.id)
        assert task.line > prev.end_line or task.line in (prev.line, prev.end_line), \
            f"{task.id} starts inside {prev.id}"
    # A heading's clause is quoted from the lines the cleaner gave the parser: rejoined
    # across a page break and the furniture (page numbers, breadcrumbs) dropped between.
    source = squash("\n".join(line.raw for line in clean_lines(normalise(doc.lines)).lines))
    for task in plan.tasks:
        for a in task.assignments:
            if a.source in ("inherited", "range"):  # the heading's clause, not the task's
                assert squash(a.clause) in source, (task.id, a.source, a.clause)
            else:
                assert a.clause in task.text, (task.id, a.source, a.clause)
    return plan
