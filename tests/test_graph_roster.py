"""Catch-alls expanded into the roster's members, and the members that hold nothing."""
from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from dutygraph.graph.audit import audit_graph, audit_to_dict, run_audit
from dutygraph.graph.expand import expand_plan
from dutygraph.graph.settings import AuditSettings, settings_from_toml
from dutygraph.loaders import load_plan
from dutygraph.main import cli
from report_plans import HERE, SAMPLE_PLANS

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROSTER_DATA = HERE / "data" / "roster"
LEADING_GROUP = ROSTER_DATA / "leading-group.txt"  # a Liupanshui-style plan written for the test
LIUPANSHUI = SAMPLE_PLANS / "liupanshui-2020-rescue-action-plan.txt"


def test_leading_group_catch_all_expands_into_every_member_not_named():
    plan = expand_plan(load_plan(LEADING_GROUP))
    t1, t2, t3, t4 = plan.tasks
    expanded = [a for a in t1.assignments if a.source == "expanded"]
    assert [a.unit for a in expanded] == ["市应急管理局", "市公安局", "市交通运输局", "市教育局",
                                         "市气象局"]
    assert all(a.role == "lead" and not a.collective and "领导小组各成员单位" in a.clause
               for a in expanded)
    assert not any(a.source == "expanded" for a in t2.assignments + t3.assignments)
    # 市应急局 leads task 4: the members expand as supporters, the lead is not repeated
    assert [(a.unit, a.role) for a in t4.assignments if a.source == "expanded"] == [
        ("市公安局", "support"), ("市交通运输局", "support"), ("市教育局", "support"),
        ("市气象局", "support")]
    assert t1.assignments[0].unit == "领导小组各成员单位"  # the catch-all stays


def test_related_departments_expand_only_when_asked():
    plan = expand_plan(load_plan(LEADING_GROUP), also=("各有关部门",))
    assert sum(a.source == "expanded" for a in plan.tasks[2].assignments) == 5


def test_expanded_edges_count_apart_and_can_be_switched_off():
    plan = load_plan(LEADING_GROUP)
    on, off = run_audit([plan]), run_audit([plan], AuditSettings(expand_members=False))
    assert on.summary.expanded_links == 9 and off.summary.expanded_links == 0
    assert on.summary.counted_links == off.summary.counted_links
    assert [(x.unit.name, x.tasks) for x in on.loads] == [(x.unit.name, x.tasks) for x in off.loads]
    assert [o.task.label for o in on.orphans] == ["二/1", "二/3"]  # expansion names nobody
    edge = audit_graph([plan]).edges["leading-group:T1", "市教育局"]  # 某市 names no place
    assert edge["sources"] == ("expanded",) and edge["expanded"] and not edge["counted"]


def test_members_on_no_task_and_only_under_catch_alls_with_their_roster_line():
    audit = run_audit([load_plan(LEADING_GROUP)])
    status = {m.unit: (m.status, m.lines, m.tasks, m.collective_tasks) for m in audit.roster}
    assert status == {
        "市应急管理局": ("assigned", (9,), ("T4",), ("T1",)),
        "市公安局": ("assigned", (11,), ("T2",), ("T1", "T4")),
        "市交通运输局": ("assigned", (13,), ("T2",), ("T1", "T4")),
        "市教育局": ("collective_only", (15,), (), ("T1", "T4")),
        "市气象局": ("collective_only", (17,), (), ("T1", "T4")),
    }
    s = audit.summary
    assert (s.roster_members, s.members_without_tasks, s.members_collective_only) == (5, 0, 2)


def test_liupanshui_roster_members_hold_no_task_by_name():
    """The sample plan's leading group: 20 member units, none named on a task (every task
    names 市应急救援总指挥部成员单位, the members of another body, or counties and firms)."""
    audit = run_audit([load_plan(LIUPANSHUI)])
    assert len(audit.roster) == 20 and {m.status for m in audit.roster} == {"none"}
    first = audit.roster[0]
    assert first.unit == "市应急管理局" and first.lines == (21, 57, 59)
    assert first.people == ("雷邦元（副组长）", "袁怀祥（成员）", "徐应华（成员）")
    assert audit.summary.expanded_links == 0


def test_liupanshui_command_members_expand_when_asked():
    settings = AuditSettings(expand_also=("市应急救援总指挥部成员单位",))
    plan = expand_plan(load_plan(LIUPANSHUI), also=settings.expand_also)
    t1 = next(t for t in plan.tasks if t.label == "四/(一)/1")
    expanded = [a for a in t1.assignments if a.source == "expanded"]
    assert len(expanded) == 20 and expanded[0].unit == "市应急管理局"
    assert expanded[0].clause.startswith("(责任单位:市应急救援总指挥部成员单位")
    audit = run_audit([load_plan(LIUPANSHUI)], settings)
    assert {m.status for m in audit.roster} == {"collective_only"}
    assert audit.summary.expanded_links == 320


def test_audit_json_has_roster_and_expanded_counts():
    data = json.loads(json.dumps(audit_to_dict(run_audit([load_plan(LEADING_GROUP)]))))
    assert data["settings"]["expand_members"] is True and data["settings"]["expand_also"] == []
    assert data["summary"]["members_collective_only"] == 2
    assert data["roster"][3] == {
        "path": str(LEADING_GROUP), "node": "市教育局", "unit": "市教育局",
        "people": ["钱七（成员）"], "lines": [15], "tasks": [], "collective_tasks": ["T1", "T4"],
        "status": "collective_only"}


def test_toml_expand_also_is_a_list_of_names():
    assert settings_from_toml({"audit": {"expand_also": ["各有关部门"]}}).expand_also == ("各有关部门",)


def test_cli_roster_file_replaces_the_plans_roster_and_no_expand_switches_off(tmp_path):
    runner = CliRunner()
    args = ["audit", str(LEADING_GROUP), "--format", "json", "--roster",
            str(ROSTER_DATA / "roster.csv")]
    data = json.loads(runner.invoke(cli, args).output)
    assert [(m["unit"], m["status"]) for m in data["roster"]] == [
        ("市应急管理局", "assigned"), ("市公安局", "assigned"), ("市财政局", "collective_only")]
    assert data["roster"][2]["lines"] == [4]  # the roster file's row
    data = json.loads(runner.invoke(cli, [*args, "--no-expand"]).output)
    assert data["summary"]["expanded_links"] == 0
    data = json.loads(runner.invoke(cli, [*args, "--expand-also", "各有关部门"]).output)
    assert data["summary"]["expanded_links"] == 8


def test_cli_bad_roster_file_is_one_line_then_the_fix_works(tmp_path):
    bad = tmp_path / "roster.csv"
    bad.write_text("姓名\n张三\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(LEADING_GROUP), "--roster", str(bad)])
    assert result.exit_code == 2
    assert result.output == (f"error: {bad}: no unit column; name one 'unit' or '单位' in the "
                             "first row\n")
    bad.write_text("单位,姓名\n市财政局,张三\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(LEADING_GROUP), "--roster", str(bad)])
    assert result.exit_code == 0 and "仅由“各成员单位”等统称涉及的领导小组成员单位（1）" in result.output
