"""Issue 14, point 1: plan text that starts like a formula never becomes one.

Every .xlsx writer (matrix with its deadline sheet, compare with its chronic sheet, ledger,
review) stores text as string cells (no ``<f>`` in the sheet XML), every CSV writer
(extract, matrix, ledger) neutralises a cell a spreadsheet would read as a formula (a leading ``'``, the
OWASP rule); the review workbook still gives back the text exactly as written.
"""
from __future__ import annotations

import csv
import io
import re
import zipfile

from click.testing import CliRunner

from dutygraph.loaders import load_plans
from dutygraph.main import cli
from dutygraph.reports.cells import FORMULA_START, csv_cell

PLAN = """某市2024年安全生产工作要点
一、重点任务
（一）=HYPERLINK("http://evil.example/","点击")开展隐患排查。（牵头单位：市应急管理局；配合单位：市公安局）
（二）+SUM(1,2)加强宣传教育。（牵头单位：市教育局）
（三）-2+3 落实企业主体责任。（牵头单位：市应急管理局）
（四）@SUM(1)强化执法。（牵头单位：市公安局）
（五）#N/A 完善应急预案。（牵头单位：市应急管理局）
"""
OLD = PLAN.replace("2024", "2023").replace("（五）#N/A 完善应急预案", "（五）=1+1 做好汛期防范")
HOSTILE = ("=HYPERLINK", "+SUM", "-2+3", "@SUM", "#N/A", "=1+1")


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    assert result.exit_code == 0, result.stderr
    return result


def plans(tmp_path):
    new, old = tmp_path / "2024.txt", tmp_path / "2023.txt"
    new.write_text(PLAN, encoding="utf-8")
    old.write_text(OLD, encoding="utf-8")
    return old, new


def sheet_cells(path, sheet=None):
    """(type, value) of every cell of every sheet (or of the sheet named ``sheet``) as
    openpyxl reads it back, and the number of formulas stored in the sheet XML."""
    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as book:
        formulas = sum(len(re.findall(rb"<f[ >]", book.read(name)))
                       for name in book.namelist() if name.startswith("xl/worksheets/"))
    book = load_workbook(path)
    sheets = book.worksheets if sheet is None else [book[sheet]]
    cells = [(c.data_type, c.value) for ws in sheets
             for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    return cells, formulas


def check_workbook(path, starts=HOSTILE[:5], sheet=None):
    cells, formulas = sheet_cells(path, sheet)
    assert formulas == 0
    for start in starts:
        hits = [(k, v) for k, v in cells if v.startswith(start)]
        assert hits, start
        assert all(k == "s" for k, _ in hits), hits  # a string cell, not a formula or error


def test_matrix_ledger_and_review_workbooks_hold_no_formula(tmp_path):
    _, new = plans(tmp_path)
    run("matrix", new, "-o", tmp_path / "m.xlsx")
    check_workbook(tmp_path / "m.xlsx")
    check_workbook(tmp_path / "m.xlsx", sheet="完成时限分布")  # the tasks with no deadline
    run("ledger", new, "-o", tmp_path / "l.xlsx")
    check_workbook(tmp_path / "l.xlsx")
    run("review", new, "-o", tmp_path / "r.xlsx")
    check_workbook(tmp_path / "r.xlsx")
    back = load_plans(tmp_path / "r.xlsx")[0]
    assert [t.text[:6] for t in back.tasks] == ['=HYPER', '+SUM(1', '-2+3 落', '@SUM(1', '#N/A 完']


def test_compare_workbook_holds_no_formula(tmp_path):
    old, new = plans(tmp_path)
    run("compare", old, new, "--format", "xlsx", "-o", tmp_path / "c.xlsx")
    check_workbook(tmp_path / "c.xlsx", starts=("=HYPERLINK", "+SUM", "@SUM"))
    oldest = tmp_path / "2022.txt"  # three years: the tasks carried over are chronic
    oldest.write_text(OLD.replace("2023", "2022"), encoding="utf-8")
    run("compare", oldest, old, new, "--format", "xlsx", "-o", tmp_path / "c3.xlsx")
    check_workbook(tmp_path / "c3.xlsx", starts=("=HYPERLINK", "+SUM", "@SUM"),
                   sheet="连续多年的任务")


def csv_values(text):
    return [cell for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))) for cell in row]


def test_csv_outputs_neutralise_formulas(tmp_path):
    _, new = plans(tmp_path)
    run("matrix", new, "-o", tmp_path / "m.csv")
    run("ledger", new, "-o", tmp_path / "l.csv")
    for text in (run("extract", new, "--format", "csv").stdout,
                 (tmp_path / "m.csv").read_text(encoding="utf-8"),
                 (tmp_path / "l.csv").read_text(encoding="utf-8")):
        values = csv_values(text)
        assert not [v for v in values if v.startswith(FORMULA_START)]
        for start in HOSTILE[:4]:
            assert any(v.startswith("'" + start) for v in values), start


def test_csv_cell_rule():
    assert [csv_cell(v) for v in ("=1", "+1", "-1", "@A", "\t=1", "\r=1", "＝1", "a=1", "", 5)] \
        == ["'=1", "'+1", "'-1", "'@A", "'\t=1", "'\r=1", "'＝1", "a=1", "", 5]
