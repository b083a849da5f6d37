"""What a reader reads: Chinese by default in every output (English with --lang en), data
quality rendered from data, plans named by title or place, year and file name (never a
machine path), the key findings first, a network with one row per unit node, the matrix
cut into printed parts, and one stderr line for every file written."""
from __future__ import annotations

import dataclasses
import re
import shutil

import lxml.html
import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.graph.audit import run_audit
from dutygraph.loaders import load_plan
from dutygraph.loaders.inputs import expand_inputs
from dutygraph.main import cli
from dutygraph.reports.audit_text import audit_json, audit_summary
from dutygraph.reports.html import network_view, render_report
from dutygraph.reports.strings import quality_message
from dutygraph.reports.views import PRINT_COLUMNS
from report_plans import REPORT_DATA, SAMPLE_PLANS, small_plan

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,:;]+[A-Za-z]{2,}){2,}")  # three words: a sentence
HUAIHUA_2021 = SAMPLE_PLANS / "huaihua-2021-safety-key-points.txt"
HUAIHUA_2022 = SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt"  # no printed title


@pytest.fixture(scope="module")
def samples():
    plans = [load_plan(p) for p in expand_inputs([SAMPLE_PLANS])]
    return plans, run_audit(plans)


def body_text(html: str) -> str:
    doc = lxml.html.document_fromstring(html)
    for bad in doc.xpath("//script | //style"):
        bad.drop_tree()
    return doc.text_content()


def test_quality_findings_are_data_and_read_in_either_language(samples):
    _, audit = samples
    typo = next(q for q in audit.quality if q.kind == "similar_names")
    assert dict(typo.params)["name"] == "市警支队"
    assert quality_message(typo) == ("“市警支队”（1 项任务）与“市公安局交通警察支队”（"
                                     f"{dict(typo.params)['like_tasks']} 项）名称相近：是错别字，"
                                     "还是单位名录缺少的别称？")
    assert "looks like 市公安局交通警察支队" in quality_message(typo, "en")
    for q in audit.quality:
        assert ENGLISH.findall(quality_message(q)) == [], q
    body = audit_json(audit)["quality"]
    assert body[0]["message"] == quality_message(audit.quality[0], "en")  # the contract's field
    assert body[0]["params"] == {k: v for k, v in audit.quality[0].params}


@pytest.mark.slow
def test_the_chinese_report_has_no_english_sentence_and_opens_with_findings(samples):
    plans, audit = samples
    html = render_report(plans, audit)
    assert ENGLISH.findall(body_text(html)) == []
    doc = lxml.html.document_fromstring(html)
    first = doc.xpath("//section")[0]
    assert first.get("id") == "summary"
    items = first.xpath(".//ol[@class='key']/li")
    assert 3 <= len(items) <= 5
    assert items[0].text_content().startswith(  # judged among its peers, in its scope
        "县安全生产监督管理局在桓台县的部门中负荷最重（桓台县/2016）")
    ids = set(doc.xpath("//@id"))
    assert all(a[1:] in ids for a in first.xpath(".//a/@href"))
    assert "Key findings" in body_text(render_report(plans, audit, lang="en"))


def test_a_plan_without_a_title_is_named_by_place_year_and_file(tmp_path):
    deep = tmp_path / "deep" / "folder"
    deep.mkdir(parents=True)
    shutil.copy(HUAIHUA_2022, deep)
    shutil.copy(HUAIHUA_2021, deep)
    plans = [load_plan(deep / HUAIHUA_2021.name), load_plan(deep / HUAIHUA_2022.name)]
    name = "怀化市2022年（huaihua-2022-safety-key-points.txt）"
    html = render_report(plans, run_audit(plans))
    assert name in html and str(tmp_path) not in html
    out = tmp_path / "m.xlsx"
    assert CliRunner().invoke(cli, ["matrix", *map(str, plans_paths(plans)), "-o",
                                    str(out)]).exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["负荷汇总", "怀化市2021年安全生产工作要点", "怀化市2022年",
                               "完成时限分布"]
    undated = [row[0] for row in book["完成时限分布"].values if row[0]]
    assert name in undated and not any(str(tmp_path) in str(v) for v in undated)
    result = CliRunner().invoke(cli, ["compare", *map(str, plans_paths(plans)), "--format",
                                      "html", "-o", str(tmp_path / "c.html")])
    page = (tmp_path / "c.html").read_text(encoding="utf-8")
    assert result.exit_code == 0 and name in page and str(tmp_path) not in page


def plans_paths(plans):
    return [p.source.path for p in plans]


def test_same_named_units_of_two_cities_are_two_rows_of_the_network():
    one = small_plan("a/city.txt")
    two = dataclasses.replace(small_plan("b/city.txt"), jurisdiction="另一市")
    audit = run_audit([one, two])
    from dutygraph.graph.audit import audit_graph

    view = network_view(audit.collaboration, audit_graph([one, two], audit.settings))
    assert "市应急管理局（某市）" in view.labels and "市应急管理局（另一市）" in view.labels
    assert len(view.labels) == len(set(view.labels))
    again = network_view(audit.collaboration, audit_graph([one, two], audit.settings))
    assert again.labels == view.labels and again.communities == view.communities


def test_the_printed_matrix_is_cut_into_parts_that_repeat_the_task_column():
    plan = load_plan(HUAIHUA_2021)
    doc = lxml.html.document_fromstring(render_report([plan], run_audit([plan])))
    screen = [th.text_content() for th in doc.xpath("//table[@class='mx']/thead//th")]
    parts = doc.xpath("//table[@class='mxp']")
    assert len(screen) - 1 > PRINT_COLUMNS and len(parts) == 2
    heads = [[th.text_content() for th in part.xpath("thead//th")] for part in parts]
    assert all(h[0].startswith("任务") and len(h) - 1 <= PRINT_COLUMNS for h in heads)
    assert screen[1:] == heads[0][1:] + heads[1][1:]
    rows = [len(part.xpath("tbody/tr")) for part in parts]
    assert rows == [len(doc.xpath("//table[@class='mx']/tbody/tr"))] * 2


def test_audit_text_and_extract_csv_speak_chinese_unless_asked(samples):
    _, audit = samples
    text = audit_summary(audit)
    assert text.startswith("5 份计划，289 项任务") and "数据质量（41）：" in text
    assert audit_summary(audit, lang="en").startswith("5 plan(s), 289 tasks")
    zh = CliRunner().invoke(cli, ["extract", str(REPORT_DATA / "small-plan.txt"), "--format",
                                  "csv"]).stdout
    assert zh.splitlines()[0] == "计划,任务编号,序号,行号,任务,单位,原文称谓,角色,集合性单位,来源,分工条款,完成时限"
    assert ",牵头,否,明示," in zh
    en = CliRunner().invoke(cli, ["extract", str(REPORT_DATA / "small-plan.txt"), "--format",
                                  "csv", "--lang", "en"]).stdout
    assert en.splitlines()[0].startswith("file,task_id,label,line,title,unit")


@pytest.mark.parametrize("args", [
    ["extract", "{plan}", "--format", "csv", "-o", "{out}/x.csv"],
    ["audit", "{plan}", "--format", "json", "-o", "{out}/a.json"],
    ["audit", "{plan}", "-o", "{out}/a.html"],
    ["report", "{plan}", "-o", "{out}/r.html"],
    ["matrix", "{plan}", "-o", "{out}/m.xlsx"],
    ["review", "{plan}", "-o", "{out}/r.xlsx"],
    ["compare", "{plan}", "{plan2}", "--format", "xlsx", "-o", "{out}/c.xlsx"],
])
def test_every_file_written_is_named_on_stderr_with_its_size(tmp_path, args):
    fill = {"plan": str(HUAIHUA_2021), "plan2": str(HUAIHUA_2022), "out": str(tmp_path)}
    result = CliRunner().invoke(cli, [a.format(**fill) for a in args])
    assert result.exit_code == 0, result.output
    target = tmp_path / args[-1].rsplit("/", 1)[-1]
    kb = round(target.stat().st_size / 1024)
    assert result.stderr == f"wrote {target} ({kb} KB)\n"
    assert result.stdout == ""


@pytest.mark.slow
def test_report_with_png_says_each_file(tmp_path):
    result = CliRunner().invoke(cli, ["report", str(HUAIHUA_2021), "-o", str(tmp_path / "r.html"),
                                      "--png", str(tmp_path)])
    lines = result.stderr.splitlines()
    assert [ln.split(" (")[0] for ln in lines] == [
        f"wrote {tmp_path / n}" for n in ("r.html", "loads.png", "network.png", "deadlines.png")]


def test_the_orphans_line_adds_up_and_a_plan_naming_nobody_is_one_finding(samples):
    import re

    from dutygraph.reports.summary import key_findings

    plans, audit = samples
    texts = [f.text for f in key_findings(audit)]
    line = next(t for t in texts if "没有明确的责任单位" in t)
    total, *parts = (int(n) for n in re.findall(r"(\d+) 项", line))
    assert len(parts) == 3 and total == sum(parts) == len(audit.orphans)
    assert dict(audit.summary.orphans) == {"none": parts[0], "implicit": parts[1],
                                           "diffuse": parts[2]}
    silent = [t for t in texts if "未写明任何责任单位" in t]
    assert silent == ["《洪江市十四五应急体系建设规划》未写明任何责任单位（共 69 项任务），需要补充分工。"]
    assert not any(o.task.path.endswith("hongjiang-2021-2025-emergency-plan.txt")
                   for o in audit.orphans)
    page = body_text(render_report(plans, audit))
    assert (f"按情形：无任何单位 {parts[0]}，仅文中提及 {parts[1]}，仅集合性单位 {parts[2]}；"
            f"合计 {total}") in page


def test_the_chinese_page_names_no_command_line_flag(samples):
    import re

    plans, audit = samples
    page = body_text(render_report(plans, audit))
    assert re.findall(r"--[a-z]", page) == []
