"""The ledger (台账): one row per task, golden CSV per sample plan, the workbook, the CLI."""
from __future__ import annotations

import csv
import dataclasses
import io
import os

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.loaders import load_plan
from dutygraph.main import cli
from dutygraph.reports.cells import csv_cell
from dutygraph.reports.ledger import ledger_csv, ledger_rows, write_ledger_xlsx
from report_plans import HERE, SAMPLE_PLANS, small_plan

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

LEDGER_DATA = HERE / "data" / "ledger"
REGEN = os.environ.get("DUTYGRAPH_REGEN_GOLDEN") == "1"
SAMPLES = sorted(p.name for p in SAMPLE_PLANS.iterdir() if p.name != "README.md")
HEADER_ZH = ["序号", "任务来源", "任务内容", "牵头单位", "配合单位", "责任领导", "完成时限", "办理状态"]


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize("name", SAMPLES)
def test_ledger_of_each_sample_plan_matches_its_golden_file(name):
    text = ledger_csv([load_plan(SAMPLE_PLANS / name)])
    path = LEDGER_DATA / f"{name}.ledger.csv"
    if REGEN:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"golden file {path} is missing; run with DUTYGRAPH_REGEN_GOLDEN=1"
    assert text.encode("utf-8") == path.read_bytes()


def test_rows_hold_leads_supports_deadline_and_an_empty_status():
    rows = ledger_rows(small_plan())
    assert [r.number for r in rows] == ["1", "2", "3", "4", "5"]
    first = rows[0]
    assert first.source == "某市安全生产工作要点 一/1"
    assert (first.leads, first.supports) == ("市应急管理局", "市财政局")
    assert rows[3].leads == "市交通运输局"
    assert rows[3].supports == "市公安局、市安委办（督促）"  # the inline supporter left out
    assert rows[4].leads == rows[4].supports == "" and all(r.status == "" for r in rows)


def test_liupanshui_ledger_keeps_deadlines_and_collective_units_as_written():
    plan = load_plan(SAMPLE_PLANS / "liupanshui-2020-rescue-action-plan.txt")
    rows = read_csv(ledger_csv([plan]))
    assert rows[0] == HEADER_ZH
    first = rows[1]
    assert first[0] == "1" and first[1].endswith("四/(一)/1")
    assert first[3].startswith("市应急救援总指挥部成员单位、") and first[6] == "长期坚持"
    assert len(rows) == 1 + 57


def test_the_shared_csv_rule_prefixes_formula_starts_only():  # reports/cells.py
    assert [csv_cell(s) for s in ("=1+1", "+86", "-", "@SUM(A1)", "市应急局", "")] == [
        "'=1+1", "'+86", "'-", "'@SUM(A1)", "市应急局", ""]


def hostile_plan():
    plan = small_plan()
    task = dataclasses.replace(plan.tasks[0], text='=HYPERLINK("http://evil","x")',
                               deadline="@SUM(1)")
    return dataclasses.replace(plan, tasks=(task, *plan.tasks[1:]))


def test_csv_neutralises_formulas():
    rows = read_csv(ledger_csv([hostile_plan()]))
    assert rows[1][2] == "'=HYPERLINK(\"http://evil\",\"x\")" and rows[1][6] == "'@SUM(1)"


def test_workbook_sheets_header_widths_and_text_cells(tmp_path):
    other = dataclasses.replace(small_plan("tests/other.txt"), title="另一计划")
    write_ledger_xlsx([hostile_plan(), other], tmp_path / "l.xlsx")
    wb = load_workbook(tmp_path / "l.xlsx")
    assert wb.sheetnames == ["全部任务", "某市安全生产工作要点", "另一计划"]
    whole = wb["全部任务"]
    assert [c.value for c in whole[1]] == HEADER_ZH
    assert whole.freeze_panes == "A2" and whole.column_dimensions["C"].width == 60
    assert whole.max_row == 11 and whole["A11"].value == 10  # one run of numbers
    assert [whole.cell(r, 1).data_type for r in range(2, 12)] == ["n"] * 10  # sorts 1, 2 … 10
    cell = whole["C2"]
    assert cell.value == '=HYPERLINK("http://evil","x")' and cell.data_type == "s"
    assert all(c.data_type == "s" for row in whole.iter_rows(min_col=2) for c in row if c.value)
    assert wb["另一计划"]["A2"].value == 1


def test_a_plan_without_a_title_is_named_by_place_and_year_not_its_file():
    plan = load_plan(SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt")
    assert plan.title == ""  # the sample's title line is not read as one
    sources = {r.source.rsplit(" ", 1)[0] for r in ledger_rows(plan)}
    assert sources == {"怀化市2022年"}


def test_cli_ledger_writes_xlsx_and_csv_and_english_headers(tmp_path):
    plan = str(SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt")
    runner = CliRunner()
    result = runner.invoke(cli, ["ledger", plan, "-o", str(tmp_path / "台账.xlsx")])
    assert result.exit_code == 0, result.output
    assert load_workbook(tmp_path / "台账.xlsx").sheetnames[0] == "全部任务"
    result = runner.invoke(cli, ["ledger", plan, "-o", str(tmp_path / "l.csv"), "--lang", "en"])
    assert result.exit_code == 0, result.output
    rows = read_csv((tmp_path / "l.csv").read_text("utf-8"))
    assert rows[0] == ["No.", "Source", "Task", "Lead units", "Support units",
                       "Responsible leaders", "Deadline", "Status"]
    assert rows[1][1] == "怀化市 2022 一/1"  # no file name: it would go into the system
    assert "、" not in rows[1][3]  # units joined the English way
    result = runner.invoke(cli, ["ledger", plan, "-o", str(tmp_path / "l.csv")])
    rows = read_csv((tmp_path / "l.csv").read_text("utf-8"))
    assert rows[0] == HEADER_ZH
    assert rows[1][1] == "怀化市2022年 一/1"


def test_cli_ledger_rejects_an_unknown_suffix_then_accepts_the_fix(tmp_path):
    plan = str(SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt")
    result = CliRunner().invoke(cli, ["ledger", plan, "-o", str(tmp_path / "l.txt")])
    assert result.exit_code == 2
    assert f"'{tmp_path / 'l.txt'}' must end in .xlsx or .csv" in result.output
    result = CliRunner().invoke(cli, ["ledger", plan, "-o", str(tmp_path / "l.csv")])
    assert result.exit_code == 0
