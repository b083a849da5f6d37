"""Deadlines over time: the unit x month table, crunches and undated tasks, in the audit
JSON, the report and the matrix workbook."""
from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.graph.audit import audit_graph, audit_to_dict, run_audit
from dutygraph.graph.deadlines import deadlines_over_time
from dutygraph.graph.settings import AuditSettings
from dutygraph.loaders import load_plan
from dutygraph.main import cli
from dutygraph.reports.html import render_report
from report_plans import HERE, SAMPLE_PLANS

HUANTAI = SAMPLE_PLANS / "huantai-2016-major-accident-plan.md"
LEADING_GROUP = HERE / "data" / "roster" / "leading-group.txt"


def test_huantai_unit_by_month_table_crunches_and_undated_tasks():
    """The Huantai sample: dated tasks fall due in December 2016 and December 2018."""
    d = deadlines_over_time(audit_graph([load_plan(HUANTAI)]))
    assert d.months[0] == "2016-12" and d.months[-1] == "2018-12" and len(d.months) == 25
    rows = {r.unit.name: (r.counts[0], r.counts[-1], r.total) for r in d.table}
    assert rows["县交通运输局"] == (3, 0, 3)
    assert rows["县住房和城乡建设局"] == (2, 0, 2)
    assert rows["县安全生产监督管理局"] == (1, 1, 2)
    crunch = d.crunches[0]
    assert (crunch.unit.name, crunch.month) == ("县交通运输局", "2016-12")
    assert [t.label for t in crunch.tasks] == ["附件/一/(八)/1", "附件/一/(八)/2", "附件/一/(八)/3"]
    assert dict(d.kinds) == {"date": 2, "period": 5, "ongoing": 1, "recurring": 0,
                             "relative": 0, "unread": 0, "none": 100}
    assert len(d.undated) == 100 and d.undated[0].label == "二/(一)/1"


def test_months_run_without_gaps_and_crunch_threshold_is_a_setting():
    graph = audit_graph([load_plan(LEADING_GROUP)])
    d = deadlines_over_time(graph)
    assert d.months == ("2023-06", "2023-07", "2023-08", "2023-09", "2023-10", "2023-11",
                        "2023-12")
    assert [(r.unit.name, r.counts[3], r.collective) for r in d.table][:2] == [
        ("市交通运输局", 1, False), ("市公安局", 1, False)]
    assert d.table[-1].unit.name == "领导小组成员单位"  # collective units last (one name: 各 dropped)
    assert d.crunches == ()
    assert len(deadlines_over_time(graph, AuditSettings(crunch_min=1)).crunches) == 3


def test_audit_json_carries_deadlines():
    data = json.loads(json.dumps(audit_to_dict(run_audit([load_plan(HUANTAI)])),
                                 ensure_ascii=False))
    dl = data["deadlines"]
    assert dl["kinds"]["none"] == 100 and dl["months"][0] == "2016-12"
    assert dl["table"][0]["unit"]["name"] == "县交通运输局" and dl["table"][0]["counts"][0] == 3
    assert dl["crunches"][0]["month"] == "2016-12" and len(dl["crunches"][0]["tasks"]) == 3
    assert data["summary"]["undated_tasks"] == 100 and data["summary"]["crunches"] == 2


def test_report_has_the_deadline_section_and_heatmap_in_both_languages():
    plans = [load_plan(LEADING_GROUP)]
    audit = run_audit(plans)
    zh = render_report(plans, audit)
    assert '<section class="part" id="deadlines">' in zh and "完成时限分布" in zh
    assert 'table class="list compact due"' in zh and "background:rgba(" in zh  # shaded cells
    assert '<section class="part" id="roster">' in zh and "仅由“各成员单位”等统称涉及" in zh
    en = render_report(plans, audit, lang="en")
    assert "Deadlines over time" in en and "only under catch-alls" in en


def test_matrix_workbook_has_a_deadline_sheet(tmp_path):
    out = tmp_path / "m.xlsx"
    result = CliRunner().invoke(cli, ["matrix", str(HUANTAI), "-o", str(out)])
    assert result.exit_code == 0, result.output
    ws = load_workbook(out)["完成时限分布"]
    assert ws["A1"].value == "单位" and ws["B1"].value == "2016-12" and ws["A2"].value == "县交通运输局"
    assert ws["B2"].value == 3 and ws["A6"].value == "未写完成时限的任务（100）"
