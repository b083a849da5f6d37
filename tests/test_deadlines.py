"""Structured deadlines: the forms the sample plans write, normalised with the plan's year."""
from __future__ import annotations

import json

import pytest

from dutygraph.loaders import load_plan
from dutygraph.loaders.stages.deadlines import normalise_deadline
from dutygraph.model import Due, plan_from_dict, to_dict
from report_plans import SAMPLE_PLANS

FORMS = [
    # as written in the sample plans (and its deadlines' variants), plan year 2020
    ("2022年底前", Due("date", date="2022-12-31")),
    ("2016年年底前", Due("date", date="2016-12-31")),
    ("2025年底", Due("date", date="2025-12-31")),
    ("6月底前", Due("date", date="2020-06-30")),
    ("2023年6月底前", Due("date", date="2023-06-30")),
    ("三季度末", Due("date", date="2020-09-30")),
    ("年底前", Due("date", date="2020-12-31")),
    ("11月6日前", Due("date", date="2020-11-06")),
    ("2021年1月6日前", Due("date", date="2021-01-06")),
    ("二〇二二年底", Due("date", date="2022-12-31")),
    ("2020年12月", Due("period", start="2020-12-01", end="2020-12-31")),
    ("年内", Due("period", start="2020-01-01", end="2020-12-31")),
    ("上半年", Due("period", start="2020-01-01", end="2020-06-30")),
    ("第二季度", Due("period", start="2020-04-01", end="2020-06-30")),
    ("9月30日至10月31日", Due("period", start="2020-09-30", end="2020-10-31")),
    ("2021—2025年", Due("period", start="2021-01-01", end="2025-12-31")),
    ("长期坚持", Due("ongoing")),
    ("持续推进", Due("ongoing")),
    ("每月", Due("recurring", every="month")),
    ("每季度", Due("recurring", every="quarter")),
    ("省级文件下发后1个月内", Due("relative", event="省级文件下发", within="1个月")),
    ("在省级预案下发后1个月内", Due("relative", event="省级预案下发", within="1个月")),
    ("按省应急救援总指挥部办公室安排落实", Due("relative", event="省应急救援总指挥部办公室安排")),
    ("3年内", Due("relative", within="3年")),
    ("市级2020年12月,县级按照省统一安排完成", Due("period", start="2020-12-01", end="2020-12-31")),
]


@pytest.mark.parametrize("text,due", FORMS)
def test_written_forms_normalise(text, due):
    assert normalise_deadline(text, 2020) == due


@pytest.mark.parametrize("text", ["", "  ", None, "尽快", "2月30日前"])
def test_unreadable_or_impossible_deadlines_give_none(text):
    assert normalise_deadline(text, 2020) is None


def test_a_date_without_a_year_needs_the_plans_year():
    assert normalise_deadline("6月底前", None) is None
    assert normalise_deadline("2022年底前", None) == Due("date", date="2022-12-31")


def test_every_deadline_of_the_sample_plans_is_read():
    """Each deadline the five sample plans write gets a kind; the dated ones fall due."""
    kinds = {}
    for path in sorted(SAMPLE_PLANS.glob("*-*")):
        plan = load_plan(path)
        for task in plan.tasks:
            if task.deadline:
                assert task.due is not None, (path.name, task.id, task.deadline)
                kinds[task.deadline] = task.due.kind
            else:
                assert task.due is None
    assert kinds["2022年底前"] == kinds["2016年年底前"] == "date"
    assert kinds["长期坚持"] == kinds["持续推进"] == "ongoing"
    assert kinds["年内"] == kinds["2020年12月"] == "period"
    assert kinds["省级文件下发后1个月内"] == "relative"


def test_liupanshui_deadlines_take_the_plans_year():
    plan = load_plan(SAMPLE_PLANS / "liupanshui-2020-rescue-action-plan.txt")
    dated = [t for t in plan.tasks if t.due and t.due.falls_due]
    assert len(dated) == 13 and {t.due.falls_due for t in dated} == {"2020-12-31"}


def test_due_is_in_the_plan_json_and_read_back():
    plan = load_plan(SAMPLE_PLANS / "hongjiang-2021-2025-emergency-plan.txt")
    data = json.loads(json.dumps(to_dict(plan), ensure_ascii=False))
    dues = [t["due"] for t in data["tasks"] if t["deadline"] == "2022年底前"]
    assert dues and dues[0] == {"kind": "date", "date": "2022-12-31", "start": "", "end": "",
                                "every": "", "event": "", "within": ""}
    assert plan_from_dict(data) == plan
