"""Chronic tasks: carried over in every one of three Huaihua years, with their lead changes.

The third year, tests/data/compare/huaihua-2023-safety-key-points.txt, was written for the
test from the real 2022 plan: 2022 → 2023 throughout; item 2 led by 市政府办 alone (not 市委办
and 市政府办); item 6 led by 市安委办 alone (市委巡察办 now supports); item 24 replaced by a
new task (安全生产信用体系建设)."""
from __future__ import annotations

import json

from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.graph.compare import compare_plans, compare_to_dict
from dutygraph.loaders import load_plan
from dutygraph.main import cli
from report_plans import HERE, SAMPLE_PLANS

YEARS = (SAMPLE_PLANS / "huaihua-2021-safety-key-points.txt",
         SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt",
         HERE / "data" / "compare" / "huaihua-2023-safety-key-points.txt")


def comparison():
    return compare_plans([load_plan(p) for p in YEARS])


def test_tasks_carried_over_every_year_with_their_chain_and_lead_changes():
    chronic = comparison().chronic
    assert len(chronic) == 15
    first = chronic[0]  # most lead changes first: 2021→2022 and 2022→2023
    assert first.title == "壓實安全生產屬地責任"
    assert first.labels == (("二/4",), ("二/2",), ("二/2",))
    assert (first.lead_changes, first.changed_steps) == (2, (0, 1))
    assert first.leads == ((), ("市委办", "市政府办"), ("市政府办",))  # 2021: 市安委办 督促
    (inspection,) = [c for c in chronic if "三/6" in c.labels[1]]  # 巡查, with 考核督导
    assert inspection.lead_changes == 2
    assert inspection.leads == (("市安全生产委员会办公室",),
                                ("市委巡察办", "市安全生产委员会办公室"),
                                ("市安全生产委员会办公室",))
    steady = chronic[-1]
    assert (steady.title, steady.labels, steady.lead_changes) == (
        "加強消防安全風險防控", (("三/13",), ("五/18",), ("五/18",)), 0)
    # the task replaced in 2023 leaves its lineage: not chronic through 六/24
    assert not any("六/24" in c.labels[2] for c in chronic)


def test_two_years_or_several_places_give_no_chronic_tasks():
    assert compare_plans([load_plan(p) for p in YEARS[:2]]).chronic == ()
    other = load_plan(SAMPLE_PLANS / "liupanshui-2020-rescue-action-plan.txt")
    assert compare_plans([other, *(load_plan(p) for p in YEARS[1:])]).chronic == ()


def test_chronic_in_json_text_page_and_workbook(tmp_path):
    data = json.loads(json.dumps(compare_to_dict(comparison()), ensure_ascii=False))
    assert data["chronic"][0] == {
        "chain": [["T4"], ["T2"], ["T2"]], "labels": [["二/4"], ["二/2"], ["二/2"]],
        "title": "壓實安全生產屬地責任", "leads": [[], ["市委办", "市政府办"], ["市政府办"]],
        "lead_changes": 2, "changed_steps": [0, 1]}
    runner = CliRunner()
    files = [str(p) for p in YEARS]
    text = runner.invoke(cli, ["compare", *files]).output
    assert "3 份计划中都有的任务：15 项" in text
    text = runner.invoke(cli, ["compare", *files, "--lang", "en"]).output
    assert "carried over in all 3 plans: 15 tasks" in text
    page = runner.invoke(cli, ["compare", *files, "--format", "html"]).output
    assert '<section id="chronic">' in page and "连续多年延续的任务 (15)" in page
    out = tmp_path / "c.xlsx"
    result = runner.invoke(cli, ["compare", *files, "--format", "xlsx", "-o", str(out)])
    assert result.exit_code == 0
    ws = load_workbook(out)["连续多年的任务"]
    assert ws["A2"].value == "壓實安全生產屬地責任" and ws["H2"].value == 2 and ws.max_row == 16
    assert ws["B1"].value == "2021 序号" and ws["E1"].value == "2021 牵头单位"


def test_report_of_two_years_names_the_change_among_key_findings():
    import lxml.html

    from dutygraph.graph.audit import run_audit
    from dutygraph.reports.html import render_report

    plans = [load_plan(p) for p in YEARS[:2]]
    doc = lxml.html.document_fromstring(render_report(plans, run_audit(plans)))
    summary = doc.xpath("//section[@id='summary']")[0]
    items = [li.text_content() for li in summary.xpath(".//ol[contains(@class, 'key')]/li")]
    (yoy,) = [i for i in items if "年度变化" in i]
    assert yoy.startswith("怀化市 2021 → 2022 年度变化：市安全生产委员会办公室牵头 5 → 11")
    assert "新增任务 3 项" in yoy and "市应急管理局牵头 15 → 9" in yoy
    link = summary.xpath(".//ol[contains(@class, 'yoy')]//a/@href")[0]
    assert doc.xpath(f"//*[@id='{link[1:]}']")  # the details it links to
    one_year = [load_plan(YEARS[1])]
    assert "年度变化" not in render_report(one_year, run_audit(one_year))
