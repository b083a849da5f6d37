"""compare over folders and globs: plans grouped by jurisdiction and put in year order."""
from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.graph.compare import compare_plans
from dutygraph.graph.compare_order import arrange_plans
from dutygraph.loaders import load_plan
from dutygraph.model import Plan, Source
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
PLANS = ROOT / "data" / "plans"
H2021 = PLANS / "huaihua-2021-safety-key-points.txt"
H2022 = PLANS / "huaihua-2022-safety-key-points.txt"


def plan(path, place, year):
    return Plan(Source(path, "txt"), jurisdiction=place, year=year)


def test_year_order_and_a_warning_when_named_otherwise():
    new, old = plan("b.txt", "甲市", 2022), plan("a.txt", "甲市", 2021)
    arranged = arrange_plans([new, old])
    assert arranged.plans == (old, new)
    assert arranged.warnings == ("plans given out of year order; compared oldest first: "
                                 "a.txt (2021), b.txt (2022)",)
    assert arrange_plans([new, old], named_one_by_one=False).warnings == ()  # a folder's order
    assert arrange_plans([old, new]).warnings == ()


def test_unknown_year_keeps_the_order_given():
    a, b = plan("a.txt", "甲市", None), plan("b.txt", "甲市", 2020)
    arranged = arrange_plans([b, a])
    assert arranged.plans == (b, a)
    assert arranged.warnings == ("the year of a.txt is unknown: plans compared in the order given",)


def test_one_place_with_several_plans_is_chosen_the_others_left_out():
    plans = [plan("x.txt", "乙县", 2016), plan("b.txt", "甲市", 2022), plan("a.txt", "甲市", 2021)]
    arranged = arrange_plans(plans, named_one_by_one=False)
    assert [p.source.path for p in arranged.plans] == ["a.txt", "b.txt"]
    assert arranged.warnings == ("comparing the plans of 甲市; left out: x.txt (2016)",)


def test_several_places_with_several_plans_need_a_choice():
    plans = [plan("a.txt", "甲市", 2021), plan("b.txt", "甲市", 2022),
             plan("c.txt", "乙县", 2016), plan("d.txt", "乙县", 2017)]
    with pytest.raises(ValueError, match=r"乙县 \(2\), 甲市 \(2\); compare one with "
                                         r"--jurisdiction 乙县"):
        arrange_plans(plans)
    assert [p.source.path for p in arrange_plans(plans, only="甲市").plans] == ["a.txt", "b.txt"]
    with pytest.raises(ValueError, match="--jurisdiction 丙市: needs two plans of 丙市"):
        arrange_plans(plans, only="丙市")


def test_different_places_one_plan_each_are_compared_and_the_series_check_warns():
    arranged = arrange_plans([plan("a.txt", "甲市", 2021), plan("b.txt", "乙县", 2016)])
    assert [p.year for p in arranged.plans] == [2016, 2021]
    assert not any("jurisdictions" in w for w in arranged.warnings)
    # the one warning is the series check's (tests/test_compare_evidence.py)


def test_compare_a_folder_of_the_samples():
    result = CliRunner().invoke(cli, ["compare", str(PLANS), "--format", "json"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.stdout)
    assert [(p["jurisdiction"], p["year"]) for p in body["plans"]] == [("怀化市", 2021), ("怀化市", 2022)]
    assert result.stderr.startswith("warning: comparing the plans of 怀化市; left out: ")
    glob = CliRunner().invoke(cli, ["compare", str(PLANS / "huaihua-*.txt"), "--format", "json"])
    assert glob.exit_code == 0 and json.loads(glob.stdout)["plans"] == body["plans"]


def test_compare_plans_named_newest_first_are_put_in_order():
    result = CliRunner().invoke(cli, ["compare", str(H2022), str(H2021), "--format", "json"])
    assert result.exit_code == 0
    assert [p["year"] for p in json.loads(result.stdout)["plans"]] == [2021, 2022]
    assert "warning: plans given out of year order; compared oldest first:" in result.stderr


def test_one_office_two_names_is_one_row_across_the_years():
    # 2021 names 团市委, 2022 names 共青团怀化市委: one unit, no false change
    old, new = load_plan(H2021), load_plan(H2022)
    result = compare_plans([old, new])
    rows = [u for u in result.loads if "团" in u.unit]
    assert [(u.unit, u.totals) for u in rows] == [("团市委", (2, 1))]
    names = {x for step in result.steps for p in step.pairs
             for x in (*p.units_added, *p.units_removed, *p.leads_old, *p.leads_new)}
    names |= {x for step in result.steps for x in step.units_added + step.units_removed}
    assert "团市委" in names and "共青团怀化市委" not in names


def test_one_file_alone_is_still_a_usage_error_but_a_folder_is_not(tmp_path):
    one = CliRunner().invoke(cli, ["compare", str(H2021)])
    assert one.exit_code == 2 and "compare needs at least two plans: OLD NEW…" in one.output
    (tmp_path / "only.txt").write_bytes(H2021.read_bytes())
    folder = CliRunner().invoke(cli, ["compare", str(tmp_path)])
    assert folder.exit_code == 2
    assert folder.stderr == "error: compare needs two different plans; got 1\n"


def test_plans_of_two_places_each_twice_is_one_line_naming_the_fix(tmp_path):
    for name in ("a-2021.txt", "a-2022.txt"):
        (tmp_path / name).write_bytes(H2021.read_bytes() if "2021" in name else H2022.read_bytes())
    compare = ROOT / "tests" / "data" / "compare"
    result = CliRunner().invoke(cli, ["compare", str(tmp_path), str(compare)])
    assert result.exit_code == 2
    assert result.stderr.endswith("compare one with --jurisdiction 怀化市\n")
    fixed = CliRunner().invoke(cli, ["compare", str(tmp_path), str(compare),
                                     "--jurisdiction", "示范市", "--format", "json"])
    assert fixed.exit_code == 0
    assert [p["year"] for p in json.loads(fixed.stdout)["plans"]] == [2017, 2018]


def test_arrange_keeps_records_as_they_are():
    p = plan("a.txt", "甲市", 2021)
    assert arrange_plans([p, dataclasses.replace(p, year=2022)]).plans[0] is p
