"""Extraction accuracy on 46 more real plans from 20+ provinces (tests/data/corpus/, a copy
of the team's development corpus with its gold annotations and SOURCES.md).

Fails below the figures the extraction issue sets for the corpus: task recall 0.93, unit
F1 0.90, lead F1 0.90, role agreement 0.90 (over all 46 plans together); no plan may fail
to load. These plans are openings of web pages, tables flattened in every way, labelled
lines, unit headers, opening clauses, first-is-lead rules, people beside units, both
scripts: the conventions tests/test_extraction_conventions.py pins one by one.
"""
import json
from pathlib import Path

import pytest

from dutygraph.loaders import load_plan
from dutygraph.model import to_dict
from gold_scoring import prf, score_doc
from invariants import check_plan
from test_extraction_accuracy import totals

CORPUS = Path(__file__).parent / "data" / "corpus"


@pytest.fixture(scope="module")
def results():
    out = {}
    for gold_file in sorted((CORPUS / "gold").glob("*.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        out[gold["doc"]] = score_doc(gold, to_dict(load_plan(CORPUS / "docs" / gold["doc"])))
    return out


def test_the_whole_corpus_is_scored(results):
    assert len(results) == 46


def test_task_recall(results):
    t = totals(results)
    assert t["thit"] / t["treq"] >= 0.93


def test_unit_and_lead_f1(results):
    t = totals(results)
    assert prf(t["tp"], t["npred"], t["ngold"])[2] >= 0.90
    assert prf(t["lead_tp"], t["lead_pred"], t["lead_gold"])[2] >= 0.90


def test_role_agreement(results):
    t = totals(results)
    assert t["role_ok"] / t["role_n"] >= 0.90


@pytest.mark.parametrize("doc", sorted(p.name for p in (CORPUS / "docs").glob("*.txt")))
def test_nothing_lost_and_every_clause_quoted(doc):
    """Every line in a task or a coverage region; each clause quoted from the text."""
    check_plan(CORPUS / "docs" / doc)
