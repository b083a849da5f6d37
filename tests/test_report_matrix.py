"""The responsibility matrix: its cells, the CSV (golden files, BOM), Excel and the CLI."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from dutygraph.graph.audit import run_audit
from dutygraph.loaders import load_plan
from dutygraph.main import cli
from dutygraph.reports.matrix import build_matrix, cell_text, matrix_csv, sheet_name, write_matrix_xlsx
from report_plans import REPORT_DATA, small_plan

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

REGEN = os.environ.get("DUTYGRAPH_REGEN_GOLDEN") == "1"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/data/report/NAME exactly; DUTYGRAPH_REGEN_GOLDEN=1 rewrites it."""
    path = REPORT_DATA / name
    if REGEN:
        path.write_bytes(text.encode("utf-8"))
    assert path.exists(), f"golden file {path} is missing; run with DUTYGRAPH_REGEN_GOLDEN=1"
    assert text.encode("utf-8") == path.read_bytes()


def test_columns_follow_first_mention_and_cells_hold_roles():
    m = build_matrix(small_plan())
    assert m.units == ("市应急管理局", "市财政局", "市住建局", "各有关部门", "市交通运输局",
                       "市公安局", "市安委办")
    assert m.collective == (False, False, False, True, False, False, False)
    assert [r.label for r in m.rows] == ["一/1", "一/2", "二/3", "二/4", "二/5"]
    t4 = m.rows[3].cells
    assert t4[0] == (("support", "inline"),)
    assert t4[4] == (("lead", "explicit"),) and t4[6] == (("supervise", "explicit"),)
    assert m.rows[4].cells == ((),) * 7  # the orphan keeps its row


def test_cell_text_names_roles_and_non_explicit_sources():
    assert cell_text((("lead", "explicit"), ("support", "explicit"))) == "牵头、配合"
    assert cell_text((("support", "inline"),)) == "配合（文中）"
    assert cell_text((("lead", "inherited"),), lang="en") == "lead (inherited)"
    assert cell_text(()) == ""


def test_csv_starts_with_a_bom_and_matches_the_golden_file():
    text = matrix_csv([small_plan()])
    assert text.startswith("\ufeff计划,编号,行,任务,市应急管理局,")
    assert text.encode("utf-8")[:3] == b"\xef\xbb\xbf"
    check_golden("small-plan-model.matrix.csv", text)


def test_csv_of_the_small_text_plan_matches_the_golden_file():
    plan = load_plan(REPORT_DATA / "small-plan.txt")
    text = matrix_csv([plan]).replace(plan.source.path, "small-plan.txt")
    check_golden("small-plan.matrix.csv", text)


def test_csv_in_english():
    lines = matrix_csv([small_plan()], lang="en").splitlines()
    assert lines[0] == ("\ufeffPlan,No.,Line,Task,市应急管理局,市财政局,市住建局,各有关部门,"
                        "市交通运输局,市公安局,市安委办")
    assert lines[4].endswith("support (inline),,,,lead,support,supervise")


def test_sheet_names_follow_excels_rules():
    taken: set[str] = set()
    assert sheet_name("a/b:c", taken) == "a_b_c"
    long = "很" * 40
    assert sheet_name(long, taken) == "很" * 31
    assert sheet_name(long, taken) == "很" * 27 + " (2)"


def test_xlsx_has_summary_loads_frozen_headers_and_role_colours(tmp_path):
    plan = small_plan()
    audit = run_audit([plan])
    path = tmp_path / "m.xlsx"
    write_matrix_xlsx([plan], path, loads=audit.loads)
    wb = load_workbook(path)
    assert wb.sheetnames == ["负荷汇总", "某市安全生产工作要点"]
    summary = wb["负荷汇总"]
    rows = list(summary.iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == [x.unit.name for x in audit.loads]
    first = audit.loads[0]
    assert rows[0][2:6] == (first.lead, first.support, first.implement, first.supervise)
    sheet = wb["某市安全生产工作要点"]
    assert sheet.freeze_panes == "D2"
    assert sheet["D2"].value == "牵头" and sheet["D2"].fill.fgColor.rgb.endswith("F4CCCC")
    assert sheet["E2"].value == "配合" and sheet["E2"].fill.fgColor.rgb.endswith("CFE2F3")
    assert sheet["J5"].value == "督促"


def test_cli_matrix_writes_csv_xlsx_and_html(tmp_path):
    source = REPORT_DATA / "small-plan.txt"
    runner = CliRunner()
    for suffix in ("csv", "xlsx", "html"):
        out = tmp_path / f"m.{suffix}"
        result = runner.invoke(cli, ["matrix", str(source), "-o", str(out)])
        assert result.exit_code == 0, result.output
        assert out.stat().st_size > 0
    assert (tmp_path / "m.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert "<table class=\"mx\">" in (tmp_path / "m.html").read_text(encoding="utf-8")


def test_cli_matrix_rejects_an_unknown_suffix_then_accepts_the_fix(tmp_path):
    source = str(REPORT_DATA / "small-plan.txt")
    runner = CliRunner()
    result = runner.invoke(cli, ["matrix", source, "-o", str(tmp_path / "m.txt")])
    assert result.exit_code == 2
    assert "must end in .xlsx, .csv or .html" in result.output
    result = runner.invoke(cli, ["matrix", source, "-o", str(tmp_path / "m.csv")])
    assert result.exit_code == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_xlsx_headers_follow_the_language(tmp_path, lang):
    path = tmp_path / "m.xlsx"
    write_matrix_xlsx([small_plan()], path, lang=lang)
    header = [c.value for c in load_workbook(path).worksheets[0][1]][:3]
    assert header == (["编号", "行", "任务"] if lang == "zh" else ["No.", "Line", "Task"])


def test_workbook_shares_are_percentages_and_deadlines_come_per_place(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "m.xlsx"
    folder = Path(__file__).parent.parent / "data" / "plans"
    result = CliRunner().invoke(cli, ["matrix", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    wb = load_workbook(out)
    summary = wb[wb.sheetnames[0]]
    column = [c.value for c in summary[1]].index("占比") + 1
    cell = summary.cell(2, column)
    assert isinstance(cell.value, float) and cell.number_format == "0.0%"
    due = wb["完成时限分布"]
    rows = [[c.value for c in row] for row in due.iter_rows()]
    places = [r[0] for r, nxt in zip(rows, rows[1:]) if nxt[0] == "单位"]
    assert len(places) >= 3 and "怀化市" in places
    for i, row in enumerate(rows):
        if row[0] == "单位" and rows[i - 1][0] in places:  # a block's months: each has a task
            months = [m for m in row[1:] if m and m != "合计"]
            block = []
            for r in rows[i + 1:]:
                if not r[0]:
                    break
                block.append(r)
            for j, _ in enumerate(months, 1):
                assert any(r[j] for r in block)
