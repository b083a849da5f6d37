"""Audit scopes and peer groups on the sample plans: years are never added together, units
are ranked among their peers, one office is one node."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.graph.audit import audit_graph, audit_to_dict, run_audit
from dutygraph.graph.build import plan_keys
from dutygraph.graph.scopes import plan_scopes
from dutygraph.graph.settings import AuditSettings, with_overload
from dutygraph.loaders import load_plan
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
PLANS = ROOT / "data" / "plans"
HUAIHUA = [PLANS / "huaihua-2021-safety-key-points.txt",
           PLANS / "huaihua-2022-safety-key-points.txt"]
HONGJIANG = PLANS / "hongjiang-2021-2025-emergency-plan.txt"
LIUPANSHUI = PLANS / "liupanshui-2020-rescue-action-plan.txt"


@pytest.fixture(scope="module")
def huaihua():
    return [load_plan(p) for p in HUAIHUA]


@pytest.fixture(scope="module")
def together(huaihua):
    return run_audit(huaihua)


def overload(audit):
    return sorted((o.unit.node, o.reasons, o.weighted, o.leads) for o in audit.overloaded)


def test_two_years_together_give_each_year_its_own_overload(huaihua, together):
    alone = [run_audit([plan]) for plan in huaihua]
    assert [overload(a) for a in alone] == [[("怀化市/市应急管理局", ("fence",), 16.5, 15)], [
        ("怀化市/市安全生产委员会办公室", ("fence",), 11.0, 11),
        ("怀化市/市应急管理局", ("fence",), 10.0, 9)]]
    per_year = [sorted((o.unit.node, o.reasons, o.weighted, o.leads)
                       for o in together.overloaded if o.scope == scope.scope.key)
                for scope in together.scopes]
    assert per_year == [overload(a) for a in alone]
    assert [s.overloaded for s in together.scopes] == [1, 2]
    for year, a in zip(together.scopes, alone):
        assert [g.distribution for g in year.groups] == [g.distribution for g in a.scopes[0].groups]
        assert [(x.unit.node, x.weighted, x.rank) for x in together.loads
                if x.scope == year.scope.key] == [(x.unit.node, x.weighted, x.rank)
                                                  for x in a.loads]


def test_scopes_say_which_plans_they_hold(together):
    body = audit_to_dict(together)
    assert body["settings"]["scope"] == "jurisdiction-year"
    assert [(s["key"], s["year"], s["jurisdictions"], s["plans"]) for s in body["scopes"]] == [
        ("怀化市/2021", 2021, ["怀化市"], ["huaihua-2021-safety-key-points"]),
        ("怀化市/2022", 2022, ["怀化市"], ["huaihua-2022-safety-key-points"])]
    assert body["summary"]["scopes"] == 2
    # the fields published before are all still there
    assert {"schema", "settings", "plans", "summary", "loads", "distribution", "overloaded",
            "orphans", "lead_and_support", "joint_leads", "colead_pairs", "similar_tasks",
            "collaboration", "quality"} < set(body)


def test_trend_of_each_unit_across_the_years(together):
    [trend] = [t for t in together.trends if t.unit.name == "市应急管理局"]
    assert [(p.scope, p.tasks, p.lead, p.weighted, p.rank) for p in trend.points] == [
        ("怀化市/2021", 18, 15, 16.5, 1), ("怀化市/2022", 11, 9, 10.0, 2)]
    assert together.trends[0].unit.name == "市应急管理局"  # heaviest at its peak first
    # a unit one year's plan does not name shows nothing that year
    [police] = [t for t in together.trends if t.unit.name == "市警支队"]
    assert [(p.tasks, p.rank) for p in police.points] == [(1, police.points[0].rank), (0, None)]


def test_the_communist_youth_league_is_one_node(huaihua, together):
    graph = audit_graph(huaihua)
    assert "怀化市/团市委" in graph and "怀化市/共青团怀化市委" not in graph
    assert {p for t in graph["怀化市/团市委"] for p in [graph.nodes[t]["plan"]]} == {
        "huaihua-2021-safety-key-points", "huaihua-2022-safety-key-points"}
    merged = {m.unit.name: m.forms for m in together.merged_names}
    assert merged["团市委"] == ("共青团怀化市委",)
    assert merged["市安委会成员单位"] == ("市安委会各成员单位",)
    assert "市警支队" not in merged and all("市警支队" not in f for f in merged.values())


def test_the_development_zone_is_ranked_among_territorial_units():
    audit = run_audit([load_plan(LIUPANSHUI)])
    [zone] = [x for x in audit.loads if x.unit.name == "六盘水高新区"]
    assert zone.peer_group == "六盘水市/territorial" and zone.rank == 1
    departments = [x for x in audit.loads if x.peer_group == "六盘水市/department"]
    assert [x.rank for x in departments][:1] == [1]
    assert departments[0].unit.name == "市应急救援总指挥部"
    assert zone.unit.node not in {o.unit.node for o in audit.overloaded}
    groups = {g.key: g for g in audit.scopes[0].groups}
    assert groups["六盘水市/territorial"].units == 1
    assert not groups["六盘水市/territorial"].judged  # one unit has no peers to exceed


def test_small_peer_groups_are_judged_when_allowed():
    settings = with_overload(AuditSettings(), {"min_peers": 1})
    audit = run_audit([load_plan(LIUPANSHUI)], settings)
    # alone in its group, the zone leads all its group's leads: over the lead share
    assert [(o.unit.name, o.peer_group, o.reasons) for o in audit.overloaded
            if o.unit.name == "六盘水高新区"] == [("六盘水高新区", "六盘水市/territorial", ("lead_share",))]


def test_scope_kinds(huaihua):
    plans = [*huaihua, load_plan(HONGJIANG)]
    keys = plan_keys(plans)
    by_year = plan_scopes(plans, keys, "year")
    assert [(s.key, s.jurisdictions, len(s.plans)) for s in by_year] == [
        ("2021", ("怀化市", "洪江市"), 2), ("2022", ("怀化市",), 1)]
    assert [s.key for s in plan_scopes(plans, keys, "plan")] == [  # year, place, plan
        "huaihua-2021-safety-key-points", "hongjiang-2021-2025-emergency-plan",
        "huaihua-2022-safety-key-points"]
    assert [s.key for s in plan_scopes(plans, keys)] == ["怀化市/2021", "洪江市/2021", "怀化市/2022"]


def test_a_plan_without_a_year_is_a_scope_of_its_own(huaihua):
    import dataclasses

    undated = dataclasses.replace(huaihua[0], year=None)
    scopes = plan_scopes([undated, huaihua[1]], ["a", "b"], "year")
    assert [(s.key, s.year) for s in scopes] == [("2022", 2022), ("怀化市", None)]


def test_cli_scope_option_and_toml(tmp_path, monkeypatch):
    runner = CliRunner()
    files = [str(p) for p in HUAIHUA]
    result = runner.invoke(cli, ["audit", *files, "--format", "json", "--scope", "year"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["settings"]["scope"] == "year"
    assert [s["key"] for s in body["scopes"]] == ["2021", "2022"]
    bad = runner.invoke(cli, ["audit", *files, "--scope", "decade"])
    assert bad.exit_code == 2 and "Invalid value for '--scope'" in bad.output
    monkeypatch.chdir(tmp_path)
    (tmp_path / "dutygraph.toml").write_text('[audit]\nscope = "plan"\n', encoding="utf-8")
    body = json.loads(runner.invoke(cli, ["audit", *files, "--format", "json"]).output)
    assert body["settings"]["scope"] == "plan"
    (tmp_path / "dutygraph.toml").write_text('[audit]\nscope = "decade"\n', encoding="utf-8")
    bad = runner.invoke(cli, ["audit", *files])
    assert bad.exit_code == 2 and "[audit] unknown scope 'decade'" in bad.output


def test_report_has_a_section_per_scope_and_names_the_peer_group(tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["report", *map(str, HUAIHUA), str(LIUPANSHUI),
                                      "-o", str(out), "--png", str(tmp_path / "png")])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    loads = page.split('id="loads"')[1].split('id="network"')[0]
    network = page.split('id="network"')[1].split('id="findings"')[0]
    for part in (loads, network):  # 六盘水市/2020, 怀化市/2021, 怀化市/2022: never merged
        assert part.count("<h3>范围 ") == 3
    assert loads.count('<figure class="chart bars"') == 3  # a load chart per scope
    assert sorted(p.name for p in (tmp_path / "png").iterdir()) == [
        "deadlines.png", "loads-1.png", "loads-2.png", "loads-3.png", "network.png"]
    assert "每个地区每年的计划单独审计" in page
    assert "同类单位组：六盘水市 属地单位" in page and "各单位负荷的年度变化" in page
    assert "共青团怀化市委" in page.split("合并的单位名称")[1]


def small_plan(path, place, year, *units):
    from dutygraph.model import Assignment, Plan, Source, Task

    tasks = tuple(Task(f"T{i}", None, str(i), str(i), "t", "t", i,
                       assignments=(Assignment(u, u, "lead", line=i),))
                  for i, u in enumerate(units, 1))
    return Plan(Source(path, "txt"), jurisdiction=place, year=year, tasks=tasks)


def test_trends_per_place_only_where_a_place_has_several_years(tmp_path):
    from dutygraph.reports.html import render_report

    plans = [small_plan("a1.txt", "甲市", 2020, "市甲局", "市甲局", "市乙局"),
             small_plan("a2.txt", "甲市", 2021, "市乙局"),
             small_plan("b1.txt", "乙县", 2019, "县丙局"),
             small_plan("b2.txt", "乙县", 2021, "县丙局", "县丁局"),
             small_plan("c.txt", "丙区", 2021, "区戊局")]
    audit = run_audit(plans)
    got = [(t.unit.node, [(p.scope, p.tasks) for p in t.points]) for t in audit.trends]
    assert got == [  # by place, heaviest at its peak first, then by node
        ("乙县/县丁局", [("乙县/2019", 0), ("乙县/2021", 1)]),
        ("乙县/县丙局", [("乙县/2019", 1), ("乙县/2021", 1)]),
        ("甲市/市甲局", [("甲市/2020", 2), ("甲市/2021", 0)]),
        ("甲市/市乙局", [("甲市/2020", 1), ("甲市/2021", 1)])]
    page = render_report(plans, audit)
    trends = page.split("各单位负荷的年度变化")[1].split("</section>")[0]
    assert trends.count("<table") == 2  # one table per place: its own years as columns
    assert "<th class=\"num\">乙县/2019</th>" in trends and "丙区" not in trends


def test_text_summary_per_scope_and_peer_group():
    from dutygraph.reports.audit_text import audit_summary

    audit = run_audit([load_plan(p) for p in (*HUAIHUA, LIUPANSHUI)])
    text = audit_summary(audit, top=2, lang="en")
    assert ("scopes (one place's plans of one year audited together; loads never added across "
            "scopes): 六盘水市/2020 (1 plan(s), 0 overloaded), 怀化市/2021 (1 plan(s), 1 "
            "overloaded), 怀化市/2022 (1 plan(s), 2 overloaded)") in text
    assert ("fence of departments of 怀化市 in 怀化市/2021: Q3 3.75 + 1.5*IQR 2.375 = 7.3125"
            in text)
    assert "heaviest among territorial units of 六盘水市 in 六盘水市/2020" in text
    assert ("市应急管理局 in 怀化市/2021 among departments of 怀化市: load 16.5, 15 leads "
            "(weighted load above the fence)") in text
    assert "团市委 = 共青团怀化市委" in text  # the second merged name, by place and name
    text = audit_summary(audit, top=2)  # the same in Chinese
    assert ("审计范围（每个地区每年的计划单独审计；负荷不跨范围累加）：六盘水市/2020（1 份计划，"
            "负荷过重 0 个）") in text
    assert "怀化市的部门（怀化市/2021）超负荷上限 Q3 3.75 + 1.5×IQR 2.375 = 7.3125" in text
    assert "六盘水市的属地单位（六盘水市/2020）负荷最重的单位" in text
    assert ("市应急管理局（怀化市/2021，怀化市的部门）：加权负荷 16.5，牵头 15 项（加权负荷超过上限）"
            in text)


def test_matrix_has_one_column_per_office(huaihua):
    from dutygraph.reports.matrix import build_matrices

    columns = build_matrices(huaihua)[1].units  # 2022
    assert "市安委会成员单位" in columns and "市安委会各成员单位" not in columns
    assert "市警支队" in build_matrices(huaihua)[0].units  # a typo keeps its column
