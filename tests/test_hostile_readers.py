"""Issue 23, the readers' half: hostile inputs that lost text silently or blew up.

Invisible characters inside unit names, Word structures (layout and nested tables,
tracked changes, content controls, fields), web pages whose declared charset lies or uses
a WHATWG label, zip bombs, workbooks with a far-corner cell or one huge shared string,
formulas with no saved value. Each file is generated here; each test asserts the promise:
nothing lost, or one line naming the file and the limit, with the other files still read.
"""
from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from dutygraph.loaders import LoadError, load_plan, load_plans, read_document
from tests.format_builders import build_docx_xml, w_p, w_tbl, w_text

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
TITLE = "某市2024年安全生产工作要点"
TASK_ONE = "（一）开展安全生产大检查。（牵头单位：市应急管理局；配合单位：市公安局、市住建局）"
TASK_TWO = "（二）加强宣传教育。（牵头单位：市教育局；配合单位：市公安局）"
UNITS = [[("市应急管理局", "lead"), ("市公安局", "support"), ("市住房和城乡建设局", "support")],
         [("市教育局", "lead"), ("市公安局", "support")]]
HEADER = ["序号", "工作任务", "牵头单位", "配合单位"]
ROWS = [["1", "开展安全生产大检查", "市应急管理局", "市公安局"],
        ["2", "加强宣传教育", "市教育局", "市住建局"]]
TABLE_UNITS = [[("市应急管理局", "lead"), ("市公安局", "support")],
               [("市教育局", "lead"), ("市住房和城乡建设局", "support")]]


def units_of(plan):
    return [[(a.unit, a.role) for a in t.assignments] for t in plan.tasks]


def main_py(*args, env=None, timeout=120):
    """A fresh interpreter: a hang or a blow-up fails the test instead of the suite."""
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, timeout=timeout, env={**os.environ, **(env or {})})
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def plan_text(inside: str = "") -> str:
    """The two-task plan with ``inside`` after the first lead and inside a support unit."""
    return "\n".join([TITLE, "一、重点任务",
                      TASK_ONE.replace("市应急管理局", "市应急管理局" + inside)
                              .replace("市公安局", "市公" + inside + "安局"),
                      TASK_TWO, ""])


# --- invisible characters ----------------------------------------------------------------------

@pytest.mark.parametrize("char", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u202e",
                                  "\u2066", "\u200f"])
def test_an_invisible_character_in_or_after_a_unit_name_is_removed_and_said(char, tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(char), encoding="utf-8")
    plan = load_plan(path)
    assert units_of(plan) == UNITS
    assert not any(char in a.unit or char in a.mention for t in plan.tasks for a in t.assignments)
    [warning] = [w for w in plan.warnings if w.kind == "invisible"]
    assert warning.line == 3 and f"U+{ord(char):04X} ×2" in warning.message
    assert warning.message.startswith("removed 2 invisible characters (first on line 3)")


def test_a_late_nul_keeps_the_units_around_it(tmp_path):
    """Past the binary sniff's first 8 KB, a NUL inside a unit list used to cut the list."""
    filler = "说明：本要点适用于全市各级各部门。" * 600  # about 30 KB before the tasks
    text = plan_text("\x00").replace(TITLE, TITLE + "\n" + filler)
    path = tmp_path / "plan.txt"
    path.write_bytes(text.encode("utf-8"))
    plan = load_plan(path)
    assert units_of(plan) == UNITS
    [warning] = [w for w in plan.warnings if w.kind == "invisible"]
    assert "2 NUL" in warning.message and warning.line == 4


def test_invisible_characters_in_word_and_excel_cells_are_removed_too(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in ROWS:
        book.active.append([row[0], row[1], row[2] + "\u200b", "\u202e" + row[3]])
    book.save(tmp_path / "t.xlsx")
    build_docx_xml(w_p(TITLE) + w_p("一、重点任务") + w_p(plan_text("\u2060").split("\n")[2])
                   + w_p(TASK_TWO), tmp_path / "t.docx")
    table = load_plan(tmp_path / "t.xlsx")
    assert units_of(table) == TABLE_UNITS
    assert [w.kind for w in table.warnings].count("invisible") == 1
    word = load_plan(tmp_path / "t.docx")
    assert units_of(word) == UNITS and "U+2060 ×2" in word.warnings[-1].message


def test_a_plain_plan_gets_no_invisible_warning(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(plan_text(), encoding="utf-8")
    assert not [w for w in load_plan(path).warnings if w.kind == "invisible"]


# --- Word: every structure that holds text -----------------------------------------------------

def task_table() -> str:
    return w_tbl([HEADER] + ROWS)


TABLE_LINES = ["| 序号 | 工作任务 | 牵头单位 | 配合单位 |",
               "| 1 | 开展安全生产大检查 | 市应急管理局 | 市公安局 |",
               "| 2 | 加强宣传教育 | 市教育局 | 市住建局 |"]


def test_docx_task_table_inside_a_one_cell_layout_table(tmp_path):
    frame = w_tbl([[w_p("一、重点任务") + task_table() + w_p("以上任务年底前完成。")]])
    build_docx_xml(w_p(TITLE) + frame, tmp_path / "layout.docx")
    doc = read_document(tmp_path / "layout.docx")
    assert list(doc.lines) == [TITLE, "一、重点任务", "", *TABLE_LINES, "", "以上任务年底前完成。"]
    assert units_of(load_plan(tmp_path / "layout.docx")) == TABLE_UNITS


def test_docx_tables_nested_deeper_still_give_their_rows(tmp_path):
    body = task_table()
    for depth in range(4):  # four frames around the task table
        body = w_tbl([[w_p(f"第{depth}层") + body]])
    build_docx_xml(w_p(TITLE) + body, tmp_path / "deep.docx")
    lines = list(read_document(tmp_path / "deep.docx").lines)
    assert lines == [TITLE, "第3层", "第2层", "第1层", "第0层", "", *TABLE_LINES]
    assert units_of(load_plan(tmp_path / "deep.docx")) == TABLE_UNITS


def test_docx_table_nested_in_a_data_cell_comes_after_its_table(tmp_path):
    outer = w_tbl([["类别", "说明"], ["重点任务", w_p("见下表") + task_table()],
                   ["保障措施", "加强组织领导"]])
    build_docx_xml(w_p(TITLE) + outer, tmp_path / "cell.docx")
    lines = list(read_document(tmp_path / "cell.docx").lines)
    assert lines == [TITLE, "", "| 类别 | 说明 |", "| 重点任务 | 见下表 |", "| 保障措施 | 加强组织领导 |",
                     "", *TABLE_LINES]


def test_docx_tracked_insertion_is_read_and_deletion_dropped(tmp_path):
    ins = ('<w:ins w:id="1" w:author="审核" w:date="2024-01-01T00:00:00Z">'
           + w_text("市应急管理局") + "</w:ins>")
    deleted = ('<w:del w:id="2" w:author="审核" w:date="2024-01-01T00:00:00Z"><w:r>'
               "<w:delText>、市教育局</w:delText></w:r></w:del>")
    task = w_p("（一）开展安全生产大检查。（牵头单位：", ins, "；配合单位：市公安局", deleted,
               "、市住建局）")
    gone_row = ("<w:tr><w:trPr><w:del w:id='3' w:author='a' w:date='2024-01-01T00:00:00Z'/>"
                "</w:trPr><w:tc>" + w_p("作废") + "</w:tc><w:tc>" + w_p("作废") + "</w:tc></w:tr>")
    table = w_tbl([["甲", "乙"], ["丙", "丁"]]).replace("</w:tbl>", gone_row + "</w:tbl>")
    build_docx_xml(w_p(TITLE) + w_p("一、重点任务") + task + w_p(TASK_TWO) + table,
                   tmp_path / "ins.docx")
    doc = read_document(tmp_path / "ins.docx")
    assert doc.lines[2] == TASK_ONE and "作废" not in "".join(doc.lines)
    assert units_of(load_plan(tmp_path / "ins.docx")) == UNITS


def test_docx_content_controls_block_and_run_level(tmp_path):
    def sdt(content):
        return f'<w:sdt><w:sdtPr><w:alias w:val="填写"/></w:sdtPr><w:sdtContent>{content}</w:sdtContent></w:sdt>'

    prompt = ('<w:sdt><w:sdtPr><w:showingPlcHdr/></w:sdtPr><w:sdtContent>'
              + w_text("单击或点击此处输入文字。") + "</w:sdtContent></w:sdt>")  # an unfilled control
    task = w_p("（一）开展安全生产大检查。（牵头单位：", sdt(w_text("市应急管理局")),
               "；配合单位：市公安局、市住建局）", prompt)
    build_docx_xml(w_p(TITLE) + sdt(w_p("一、重点任务") + task) + w_p(TASK_TWO),
                   tmp_path / "sdt.docx")
    doc = read_document(tmp_path / "sdt.docx")
    assert list(doc.lines) == [TITLE, "一、重点任务", TASK_ONE, TASK_TWO]
    assert units_of(load_plan(tmp_path / "sdt.docx")) == UNITS


def test_docx_simple_and_complex_fields_keep_their_result_not_the_instruction(tmp_path):
    simple = f'<w:fldSimple w:instr=" DOCPROPERTY 牵头 \\* MERGEFORMAT ">{w_text("市应急管理局")}</w:fldSimple>'
    complex_ = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
                '<w:r><w:instrText xml:space="preserve"> MERGEFIELD 配合单位 </w:instrText></w:r>'
                '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'  # a field nested in the instruction
                '<w:r><w:instrText> REF x </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>'
                + w_text("内层") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>' + w_text("市公安局")
                + '<w:r><w:fldChar w:fldCharType="end"/></w:r>')
    task = w_p("（一）开展安全生产大检查。（牵头单位：", simple, "；配合单位：", complex_, "、市住建局）")
    build_docx_xml(w_p(TITLE) + w_p("一、重点任务") + task + w_p(TASK_TWO), tmp_path / "fld.docx")
    doc = read_document(tmp_path / "fld.docx")
    assert doc.lines[2] == TASK_ONE
    assert units_of(load_plan(tmp_path / "fld.docx")) == UNITS


# --- web pages: the declared charset ----------------------------------------------------------

PLAN_LINES = [TITLE, "一、重点任务", TASK_ONE, TASK_TWO]


@pytest.mark.parametrize("declared, encoding, used, warned", [
    ("utf-16", "utf-8", "utf_8", ""),  # browsers read a declared UTF-16 as UTF-8
    ("UTF-16LE", "utf-8", "utf_8", ""),
    ("gb2312", "utf-8", "utf_8", "declares charset 'gb2312' but its bytes are UTF-8"),
    ("big5", "utf-8", "utf_8", "declares charset 'big5' but its bytes are UTF-8"),
    ("csgb2312", "gbk", "gb18030", ""),  # WHATWG labels of gbk
    ("gb_2312-80", "gbk", "gb18030", ""),
    ("iso-ir-58", "gbk", "gb18030", ""),
    ("x-gbk", "gb18030", "gb18030", ""),
    ("utf-8", "gbk", "gb18030", "declares charset 'utf-8' but its bytes are not; read as gb18030"),
    ("no-such-charset", "gbk", "gb18030", "declares charset 'no-such-charset', which cannot be read"),
])
def test_html_charset_as_browsers_read_it_and_bytes_win_over_a_wrong_one(
        declared, encoding, used, warned, tmp_path):
    from tests.format_builders import build_html

    path = tmp_path / "page.html"
    build_html(PLAN_LINES, path, declared=declared, encoding=encoding)
    plan = load_plan(path)
    assert units_of(plan) == UNITS and plan.source.encoding == used
    said = [w.message for w in plan.warnings if w.kind == "charset"]
    assert (warned in said[0]) if warned else not said


# --- budgets: zip bombs, far-corner cells, one string shared by many cells --------------------

def good_plan(folder: Path) -> Path:
    path = folder / "good.txt"
    path.write_text(plan_text(), encoding="utf-8")
    return path


def assert_one_line_failure(code, out, err, bad: Path, limit: str):
    """The bad file fails alone, in one line naming it and the limit; the good plan is read."""
    assert code == 2 and "Traceback" not in err
    lines = err.splitlines()
    assert lines[0] == "1 of 2 files could not be read:" and len(lines) == 2
    assert lines[1].startswith(f"error: {bad}: ") and f"raise it (e.g. {limit}=" in lines[1]
    assert [p["title"] for p in map(__import__("json").loads, out.splitlines())] == [TITLE]


def test_docx_bomb_fails_alone_with_the_limit_to_raise(tmp_path):
    from tests.format_builders import docx_bomb

    bomb = tmp_path / "bomb.docx"
    docx_bomb(bomb, 2)  # 3 MB of XML in a small file, over a limit lowered to 1 MB (reading
    env = {"DUTYGRAPH_MAX_UNZIPPED_MB": "1"}  # 30 MB of it took a minute; the 1.2 GB test is slow)
    code, out, err = main_py("extract", bomb, good_plan(tmp_path), "--format", "json", env=env)
    assert_one_line_failure(code, out, err, bomb, "DUTYGRAPH_MAX_UNZIPPED_MB")
    assert "unzips to 3 MB: over the limit of 1 MB" in err and "_MB=4)" in err
    code, out, err = main_py("extract", bomb, "--format", "json",  # the fix the message gives
                             env={"DUTYGRAPH_MAX_UNZIPPED_MB": "4"})
    assert "error" not in err and err.startswith(f"skipped: {bomb}: not a plan")  # read: no units


def test_docx_bomb_with_a_forged_directory_is_refused_too(tmp_path):
    """A directory that declares a small size cannot make the reader inflate more."""
    from tests.format_builders import docx_bomb, forge_size

    bomb = tmp_path / "forged.docx"
    docx_bomb(bomb, 30)
    forge_size(bomb, "word/document.xml", 1000)
    with pytest.raises(LoadError) as caught:
        read_document(bomb)
    assert str(caught.value) == (f"{bomb}: is a damaged zip package "
                                 "(Bad CRC-32 for file 'word/document.xml')")


@pytest.mark.slow
def test_docx_bomb_of_1_2_gb_fails_in_one_line_not_xml_syntax_error(tmp_path):
    from tests.format_builders import docx_bomb

    bomb = tmp_path / "bomb.docx"
    docx_bomb(bomb, 1200)
    assert bomb.stat().st_size < 5_000_000  # 1.2 GB of XML in 3.5 MB
    code, out, err = main_py("extract", bomb, good_plan(tmp_path), "--format", "json", timeout=60)
    assert_one_line_failure(code, out, err, bomb, "DUTYGRAPH_MAX_UNZIPPED_MB")
    assert re.search(r": unzips to 1,20\d MB: over the limit of 100 MB ", err)
    assert "XMLSyntaxError" not in err


@pytest.mark.parametrize("corner", ["XFD1", "XFD1048576"])
def test_xlsx_with_a_far_corner_cell_reads_only_its_cells(corner, tmp_path):
    """The sheet claims A1:XFD… (17 billion cells at most); five cells exist. Run in a fresh
    interpreter with a timeout: before, this took 4 minutes or ran out of memory."""
    import json

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in ROWS:
        book.active.append(row)
    book.active[corner] = "备注"
    path = tmp_path / "far.xlsx"
    book.save(path)
    assert path.stat().st_size < 6000 and b"XFD" in zipfile.ZipFile(path).read("xl/worksheets/sheet1.xml")
    code, out, err = main_py("extract", path, good_plan(tmp_path), "--format", "json", timeout=60)
    assert code == 0 and err == ""
    plans = [json.loads(line) for line in out.splitlines()]
    assert [[(a["unit"], a["role"]) for a in t["assignments"]] for t in plans[0]["tasks"]] == \
        [list(map(tuple, u)) for u in TABLE_UNITS]
    assert "备注" in "".join(read_document(path).lines)  # the far cell itself is not lost


def test_xlsx_cells_sharing_one_huge_string_stop_at_the_text_limit(tmp_path):
    from tests.format_builders import xlsx_sheet

    path = tmp_path / "shared.xlsx"
    xlsx_sheet(path, [(f"A{i}", "<v>0</v>", "s") for i in range(1, 100_001)], shared=["安" * 32_000])
    assert path.stat().st_size < 1_000_000  # 3.2 billion characters once expanded
    started = time.perf_counter()
    code, out, err = main_py("extract", path, good_plan(tmp_path), "--format", "json", timeout=60)
    assert_one_line_failure(code, out, err, path, "DUTYGRAPH_MAX_CELL_TEXT_M")
    assert "its cells hold more than 50,000,000 characters of text" in err
    assert time.perf_counter() - started < 60


def test_xlsx_cell_limit_fails_alone_then_the_raise_it_names_reads_it(tmp_path):
    from tests.format_builders import xlsx_sheet

    path = tmp_path / "many.xlsx"
    cells = [("A1", "<is><t>工作任务</t></is>", "inlineStr"), ("B1", "<is><t>牵头单位</t></is>", "inlineStr")]
    cells += [(f"{c}{r}", f"<v>{r}</v>", "") for r in range(2, 1002) for c in "AB"]
    xlsx_sheet(path, cells)
    env = {"DUTYGRAPH_MAX_CELLS": "1000"}
    code, out, err = main_py("extract", path, good_plan(tmp_path), "--format", "json", env=env)
    assert_one_line_failure(code, out, err, path, "DUTYGRAPH_MAX_CELLS")
    assert "holds more than 1,000 cells: over the limit of 1,000 cells on a workbook or table" in err
    code, out, err = main_py("extract", path, "--format", "json", env={"DUTYGRAPH_MAX_CELLS": "4000"})
    assert "error" not in err and err.startswith(f"skipped: {path}: not a plan")  # read: no units


def test_a_bad_limit_value_is_named(tmp_path, monkeypatch):
    import openpyxl

    path = tmp_path / "t.xlsx"
    openpyxl.Workbook().save(path)
    monkeypatch.setenv("DUTYGRAPH_MAX_CELLS", "lots")
    with pytest.raises(LoadError, match=r": DUTYGRAPH_MAX_CELLS=lots is not a positive whole number$"):
        read_document(path)


# --- formulas with no saved value -------------------------------------------------------------

def test_table_formula_without_a_saved_value_is_named_in_a_warning(tmp_path):
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER)
    book.active.append(ROWS[0])
    book.active.append(["2", "加强宣传教育", '="市教育局"', "市住建局"])  # openpyxl saves no value
    book.save(tmp_path / "formula.xlsx")
    plan = load_plan(tmp_path / "formula.xlsx")
    [warning] = [w for w in plan.warnings if w.kind == "formula"]
    assert warning.message.startswith("sheet Sheet: C3 hold a formula with no saved value")
    assert warning.text == '="市教育局"'


def test_review_unit_formula_without_a_saved_value_is_an_error_naming_the_cell(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from dutygraph.loaders.readers.review import COLUMNS, REVIEW_SHEET
    from dutygraph.main import cli

    target = tmp_path / "review.xlsx"
    result = CliRunner().invoke(cli, ["review", str(good_plan(tmp_path)), "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    sheet = book[REVIEW_SHEET]
    unit = next(c.column_letter for c in sheet[1] if c.value == dict(COLUMNS)["unit"])
    sheet[f"{unit}3"] = '=CONCATENATE("市","公安局")'
    book.save(target)
    with pytest.raises(LoadError) as caught:
        load_plans(target)
    assert str(caught.value) == (f"{target}: cell {unit}3 (责任单位) holds a formula with no saved "
                                 'value (=CONCATENATE("市","公安局")); open and save the workbook '
                                 "in Excel or WPS, or type the value")


def test_docx_rows_and_cells_inside_content_controls_and_text_boxes(tmp_path):
    """A repeating-section control wraps rows; a cell control wraps a cell; a text box (kept
    twice by Word: DrawingML and a VML fallback) holds a task: each read once."""
    def sdt(content):
        return f"<w:sdt><w:sdtPr/><w:sdtContent>{content}</w:sdtContent></w:sdt>"

    def tr(cells):
        return "<w:tr>" + "".join(cells) + "</w:tr>"

    def tc(text):
        return f"<w:tc><w:tcPr/>{w_p(text)}</w:tc>"

    rows = tr(map(tc, HEADER)) + sdt(tr(map(tc, ROWS[0])) + tr([tc(ROWS[1][0]), sdt(tc(ROWS[1][1])),
                                                               *map(tc, ROWS[1][2:])]))
    table = f"<w:tbl><w:tblPr/><w:tblGrid/>{rows}</w:tbl>"
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    box = w_p("（三）强化应急值守。（牵头单位：市应急管理局）")
    anchored = (f'<w:r><mc:AlternateContent xmlns:mc="{mc}" xmlns:wps="{wps}"><mc:Choice Requires="wps">'
                f"<w:drawing><wps:txbx><w:txbxContent>{box}</w:txbxContent></wps:txbx></w:drawing>"
                f"</mc:Choice><mc:Fallback><w:pict><w:txbxContent>{box}</w:txbxContent></w:pict>"
                "</mc:Fallback></mc:AlternateContent></w:r>")
    build_docx_xml(w_p(TITLE) + table + w_p(TASK_TWO, anchored), tmp_path / "controls.docx")
    lines = list(read_document(tmp_path / "controls.docx").lines)
    assert lines == [TITLE, "", *TABLE_LINES, "", TASK_TWO, "（三）强化应急值守。（牵头单位：市应急管理局）"]


def test_review_unit_typed_with_an_invisible_character_is_the_unit(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from dutygraph.loaders.readers.review import COLUMNS, REVIEW_SHEET
    from dutygraph.main import cli

    target = tmp_path / "review.xlsx"
    result = CliRunner().invoke(cli, ["review", str(good_plan(tmp_path)), "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    sheet = book[REVIEW_SHEET]
    unit = next(c.column_letter for c in sheet[1] if c.value == dict(COLUMNS)["unit"])
    assert sheet[f"{unit}3"].value == "市公安局"
    sheet[f"{unit}3"] = "市公安\u200b局\u202c"  # pasted from a web page
    book.save(target)
    [plan] = load_plans(target)
    assert units_of(plan) == UNITS
    assert plan.warnings[-1].message == ("removed 2 invisible characters (first in row 3 of sheet "
                                         "审核): 1 zero-width (U+200B ×1), 1 bidi control (U+202C ×1)")


def test_one_wide_row_cannot_pad_every_row_of_a_table(tmp_path, monkeypatch):
    """A 1 MB CSV whose one row has 200,000 columns would pad 10,000 rows to 2 billion
    cells; a Word table the same: the cells limit names the table's size."""
    path = tmp_path / "wide.csv"
    path.write_text("工作任务,牵头单位\n" + "开展检查,市应急管理局\n" * 10_000 + "x," * 200_000 + "y\n",
                    encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        read_document(path)
    assert str(caught.value) == (f"{path}: a table spans 10,002 rows × 200,001 columns: over the "
                                 "limit of 1,000,000 cells on a workbook or table; if "
                                 "the file is genuine, raise it (e.g. DUTYGRAPH_MAX_CELLS=4000000)")
    monkeypatch.setenv("DUTYGRAPH_MAX_CELLS", "100")
    build_docx_xml(w_tbl([HEADER] + ROWS * 30), tmp_path / "t.docx")
    with pytest.raises(LoadError, match=r"a table spans 61 rows × 4 columns: over the limit of 100"):
        read_document(tmp_path / "t.docx")


def test_review_workbook_with_a_far_corner_cell_reads_its_rows(tmp_path):
    import openpyxl
    from click.testing import CliRunner

    from dutygraph.loaders.readers.review import REVIEW_SHEET
    from dutygraph.main import cli

    target = tmp_path / "review.xlsx"
    result = CliRunner().invoke(cli, ["review", str(good_plan(tmp_path)), "-o", str(target)])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(target)
    book[REVIEW_SHEET]["XFD1048576"] = "备注"
    book.save(target)
    code, out, err = main_py("extract", target, "--format", "json", timeout=60)
    assert code == 0 and err == ""
    tasks = __import__("json").loads(out)["tasks"]
    assert [[(a["unit"], a["role"]) for a in t["assignments"]] for t in tasks] == \
        [list(map(tuple, u)) for u in UNITS]
