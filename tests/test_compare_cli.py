"""The compare command through click's CliRunner."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

PAIR = Path(__file__).parent / "data" / "compare"
OLD, NEW = str(PAIR / "city-2017-work-plan.txt"), str(PAIR / "city-2018-work-plan.txt")


def run(*args):
    return CliRunner().invoke(cli, ["compare", *args], catch_exceptions=False)


def test_text_summary_in_chinese_and_english():
    result = run(OLD, NEW)
    assert result.exit_code == 0, result.output
    assert "对应 7 对（相同 2、改写 1、合并 2、拆分 2）；新增 1，删去 1" in result.output
    assert "更名：市安全生产监督管理局 → 市应急管理局 (2018)" in result.output
    result = run(OLD, NEW, "--lang", "en")
    assert "pairs: 7 (same 2, reworded 1, merged 2, split 2); added 1, removed 1" in result.output
    assert "renamed: 市安全生产监督管理局 -> 市应急管理局 (2018)" in result.output


def test_json_is_the_contract_and_byte_stable():
    first, second = run(OLD, NEW, "--format", "json"), run(OLD, NEW, "--format", "json")
    assert first.exit_code == 0 and first.output == second.output
    data = json.loads(first.output)
    assert data["schema"] == "dutygraph.compare/1"
    assert len(data["pairs"]) == 7
    assert {"id", "label", "title", "text"} <= set(data["pairs"][0]["old"])


def test_threshold_option_and_its_message():
    bad = CliRunner().invoke(cli, ["compare", OLD, NEW, "--threshold", "nearest=1"])
    assert bad.exit_code == 2
    assert "Invalid value for --threshold: 'nearest=1' is not KEY=VALUE with a known key" in bad.output
    strict = run(OLD, NEW, "--format", "json", "--threshold", "min_similarity=1.01")
    assert json.loads(strict.output)["pairs"] == []


def test_one_plan_is_a_usage_error():
    result = CliRunner().invoke(cli, ["compare", OLD])
    assert result.exit_code == 2
    assert "compare needs at least two plans: OLD NEW…" in result.output


def test_missing_file_names_the_file():
    result = CliRunner().invoke(cli, ["compare", OLD, str(PAIR / "nope.txt")])
    assert result.exit_code == 2
    assert "nope.txt: no such file" in result.output


def test_html_is_offline_escaped_and_marks_differences(tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(Path(NEW).read_text(encoding="utf-8").replace(
        "深化消防安全治理", "深化消防安全治理<script>alert(1)</script>"), encoding="utf-8")
    out = tmp_path / "compare.html"
    result = run(OLD, str(hostile), "--format", "html", "-o", str(out))
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page
    assert 'http-equiv="Content-Security-Policy"' in page
    assert "<del>" in page and "<ins>" in page
    assert page.count("<svg") == 2 and "Microsoft YaHei" in page
    assert "src=\"http" not in page and "href=\"http" not in page


def test_xlsx_needs_a_file_then_writes_sheets(tmp_path):
    refused = CliRunner().invoke(cli, ["compare", OLD, NEW, "--format", "xlsx"])
    assert refused.exit_code == 2
    assert "--format xlsx writes a workbook: give a file with -o, e.g. -o compare.xlsx" in refused.output
    out = tmp_path / "compare.xlsx"
    assert run(OLD, NEW, "--format", "xlsx", "-o", str(out)).exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["变化概要", "对应任务", "新增任务", "删去的任务", "机构更名", "任务量",
                               "连续多年的任务"]
    assert book["对应任务"].max_row == 8
    assert [c.value for c in book["对应任务"][1]][:4] == ["对比", "原任务编号", "原序号", "原任务"]
    assert run(OLD, NEW, "--format", "xlsx", "--lang", "en", "-o", str(out)).exit_code == 0
    book = load_workbook(out)
    assert book.sheetnames == ["summary", "pairs", "added", "removed", "renames", "loads",
                               "chronic"]
    assert book["pairs"].max_row == 8


HUAIHUA = [str(Path(__file__).parent.parent / "data" / "plans" / f"huaihua-{y}-safety-key-points.txt")
           for y in (2021, 2022)]


def test_huaihua_text_opens_with_the_change_grouped_per_unit():
    lines = run(*HUAIHUA).stdout.splitlines()
    assert lines[1:5] == ["  同一系列（地区 怀化市）", "  变化概要：", "    牵头任务增加最多的单位：",
                          "      市安全生产委员会办公室：牵头 5 → 11（+6）"]
    assert lines[5].startswith("        新牵头：三/5 強化安全生產綜合監管；")
    first_pairs = next(k for k, line in enumerate(lines) if line.startswith("  对应 "))
    summary = lines[:first_pairs]
    assert "    牵头任务减少最多的单位：" in summary
    assert "      市应急管理局：牵头 15 → 9（-6）" in summary
    assert any(line.startswith("    新增任务 3 项：三/5 強化安全生產綜合監管") for line in summary)
    assert not any("牵头变化：" in line for line in lines)  # no line per pair any more


def test_huaihua_page_and_workbook_open_with_the_change(tmp_path):
    import lxml.html

    page = run(*HUAIHUA, "--format", "html").stdout
    doc = lxml.html.document_fromstring(page)
    sections = doc.xpath("//section/@id")
    assert sections[0] == "change-0" and sections[1] == "summary"
    first = doc.xpath("//section")[0].text_content()
    assert "市安全生产委员会办公室 牵头 5 → 11（+6）" in first and "新增任务 3 项" in first
    assert "<del>" in page and "<ins>" in page
    out = tmp_path / "c.xlsx"
    assert run(*HUAIHUA, "--format", "xlsx", "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).worksheets[0]
    assert sheet.title == "变化概要"
    assert [c.value for c in sheet[2]][:2] == ["2021→2022", "同一系列（地区 怀化市）"]
    assert [c.value for c in sheet[3]][:6] == ["2021→2022", "牵头增加", "市安全生产委员会办公室",
                                              5, 11, 6]


def test_word_diff_marks_whole_words():
    from dutygraph.reports.compare_html import diff_parts

    left, right = diff_parts("加强安全生产宣传培训教育", "加强安全生产宣传教育培训")
    assert [(p.op, p.text) for p in right if p.op != "equal"] == [("insert", "宣传教育")]
    assert [(p.op, p.text) for p in left if p.op != "equal"] == [("delete", "宣传"),
                                                                ("delete", "教育")]
