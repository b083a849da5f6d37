"""Word, PDF, web-page and Excel versions of the sample plans read like the text files.

The files are built at test time from data/plans/ (tests/format_builders.py). Each must
give the same lines (after white space is folded) and then the same tasks and units.
Tolerance for PDF: the same lines are required too, since the builder's PDF keeps one
paragraph per source line; only white space inside a line may differ.
"""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.format_builders import build_docx, build_html, build_pdf, build_xlsx
from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders import LoadError, load_plan, read_document
from dutygraph.loaders.grammar.numerals import to_chinese, to_int
from dutygraph.loaders.readers.docx import Numbering, format_number
from dutygraph.loaders.readers.pdf import _clean
from dutygraph.loaders.units import split_level

HERE = Path(__file__).parent
PLANS = list(SAMPLE_PLANS)
IDS = [p.stem.split("-")[0] + "-" + p.stem.split("-")[1] for p in PLANS]


def folded(lines) -> list[str]:
    """Non-blank lines with all white space removed."""
    return [re.sub(r"\s+", "", ln) for ln in lines if ln.strip()]


def signature(plan):
    """What must not change between formats: each task's label and text, its units by role."""
    return [(t.label, re.sub(r"\s+", "", t.text),
             sorted((a.unit, a.role, a.source, a.collective) for a in t.assignments))
            for t in plan.tasks]


def source_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


# --- Word -------------------------------------------------------------------------------

@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_docx_reads_like_the_text_file(plan, tmp_path):
    target = tmp_path / "plan.docx"
    numbered = build_docx(source_lines(plan), target)
    doc = read_document(target)
    assert doc.format == "docx"
    assert folded(doc.lines) == folded(read_document(plan).lines)
    if plan.name.startswith(("huaihua", "liupanshui", "huantai")):
        assert numbered >= 10  # the outline came from numbering.xml, not from typed text
    assert signature(load_plan(target)) == signature(load_plan(plan))


def test_docx_numbering_formats_and_levels(tmp_path):
    """一、 / （一） / 1. rebuilt from numbering.xml, deeper levels restarting under a new parent."""
    target = tmp_path / "numbered.docx"
    lines = ["一、总体要求", "（一）指导思想", "（二）工作目标", "二、重点任务", "（一）强化责任",
             "1.压实属地责任", "2.压实部门责任", "（二）开展整治", "1.排查隐患"]
    assert build_docx(lines, target) == len(lines)
    body = zipfile.ZipFile(target).read("word/document.xml").decode()
    assert "一、总体要求" not in body and "总体要求" in body  # the numbers are not typed
    assert list(read_document(target).lines) == lines


def test_docx_tables_become_pipe_rows(tmp_path):
    import docx

    document = docx.Document()
    document.add_paragraph("重点工作任务分工")
    table = document.add_table(rows=4, cols=4)
    cells = [["序号", "工作任务", "牵头单位", "配合单位"],
             ["1", "开展燃气安全\n排查整治", "市住房和城乡建设局", "市应急管理局|市消防救援支队"],
             ["2", "强化消防安全", "市消防救援支队", ""],
             ["", "整治电动车停放", "", "市公安局"]]
    for r, row in enumerate(cells):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    table.cell(2, 2).merge(table.cell(3, 2))  # one lead for two rows (vertical merge)
    table.cell(2, 2).text = "市消防救援支队"
    document.add_paragraph("以上任务年底前完成。")
    target = tmp_path / "table.docx"
    document.save(target)
    assert list(read_document(target).lines) == [
        "重点工作任务分工",
        "",
        "| 序号 | 工作任务 | 牵头单位 | 配合单位 |",
        "| 1 | 开展燃气安全 排查整治 | 市住房和城乡建设局 | 市应急管理局｜市消防救援支队 |",
        "| 2 | 强化消防安全 | 市消防救援支队 |  |",
        "|  | 整治电动车停放 | 市消防救援支队 | 市公安局 |",
        "",
        "以上任务年底前完成。",
    ]


@pytest.mark.parametrize("n, fmt, printed", [
    (1, "chineseCounting", "一"), (10, "chineseCounting", "十"), (11, "chineseCounting", "十一"),
    (20, "chineseCounting", "二十"), (35, "chineseCountingThousand", "三十五"),
    (105, "chineseCounting", "一百零五"), (3, "decimalEnclosedCircle", "③"),
    (2, "ideographTraditional", "乙"), (4, "lowerRoman", "iv"), (28, "upperLetter", "BB"),
    (7, "decimal", "7"), (5, "bullet", ""),
])
def test_word_number_formats(n, fmt, printed):
    assert format_number(n, fmt) == printed


def test_numbering_start_override_restarts_a_list():
    from lxml import etree

    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = f"""<w:numbering xmlns:w="{w}">
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="1"/>
        <w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/>
        <w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>
    </w:numbering>"""
    numbering = Numbering(etree.fromstring(xml))
    assert [numbering.label("1", 0) for _ in range(3)] == ["1.", "2.", "3."]
    assert [numbering.label("2", 0) for _ in range(2)] == ["1.", "2."]
    assert numbering.label("9", 0) == ""  # a numId the part does not define


def test_chinese_numbers():
    assert [to_chinese(n) for n in (1, 9, 12, 40, 99, 110)] == \
        ["一", "九", "十二", "四十", "九十九", "一百一十"]
    assert all(to_int(to_chinese(n)) == n for n in range(1, 1000))  # read back as written
    assert (to_int("两"), to_int("〇"), to_int("甲")) == (2, 0, None)


# --- PDF --------------------------------------------------------------------------------

@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_pdf_reads_like_the_text_file(plan, tmp_path):
    target = tmp_path / "plan.pdf"
    build_pdf(source_lines(plan), target, header="内部资料 注意保存")
    doc = read_document(target)
    assert doc.format == "pdf"
    assert not any("内部资料" in ln or re.fullmatch(r"- \d+ -", ln) for ln in doc.lines)
    assert any(w.kind == "furniture" and w.text == "内部资料 注意保存" for w in doc.warnings)
    assert folded(doc.lines) == folded(read_document(plan).lines)
    assert signature(load_plan(target)) == signature(load_plan(plan))


def test_scanned_pdf_says_so(tmp_path):
    from reportlab.pdfgen import canvas

    target = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(target))
    page.rect(50, 50, 400, 600, fill=1)  # a page of ink, no text layer
    page.showPage()
    page.save()
    with pytest.raises(LoadError) as err:
        read_document(target)
    assert str(err.value) == f"{target}: has no text layer (a scanned PDF?); run OCR first"


def test_damaged_pdf_is_one_line(tmp_path):
    target = tmp_path / "cut.pdf"
    target.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n")
    with pytest.raises(LoadError) as err:
        read_document(target)
    assert str(err.value).startswith(f"{target}: is not a readable PDF")


def test_kangxi_radicals_become_ideographs_and_nothing_else_changes():
    assert "\u2f63\u2f00" == "⽣⼀"  # KANGXI RADICAL LIFE, KANGXI RADICAL ONE
    assert _clean("⽣产经营单位（⼀）：１，ｆｉ") == "生产经营单位（一）：１，ｆｉ"


# --- web pages --------------------------------------------------------------------------

@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_html_reads_like_the_text_file(plan, tmp_path):
    target = tmp_path / "plan.html"
    build_html(source_lines(plan), target, declared="gb2312")
    doc = read_document(target)
    assert doc.format == "html" and doc.encoding == "gb18030"
    assert not any(word in "".join(doc.lines) for word in ("版权所有", "统计代码", "政务公开 首页"))
    assert folded(doc.lines) == folded(read_document(plan).lines)
    assert signature(load_plan(target)) == signature(load_plan(plan))


def test_gb2312_page_with_a_gbk_only_character(tmp_path):
    """bs4 alone returns an empty page here; decoding first keeps every line."""
    from bs4 import BeautifulSoup

    lines = ["关于做好安全生产工作的通知", "1.加强隐患排查。（市应急管理局牵头，王喆同志负责联络）"]
    target = tmp_path / "page.htm"
    build_html(lines, target, declared="gb2312")
    data = target.read_bytes()
    with pytest.raises(UnicodeEncodeError):
        "喆".encode("gb2312")
    naive = BeautifulSoup(data, "lxml").get_text()
    assert "喆" not in naive  # what the naive route loses
    assert list(read_document(target).lines) == lines


def test_html_data_table_becomes_pipe_rows(tmp_path):
    page = """<html><head><meta charset="utf-8"></head><body><div class="article-content">
    <p>重点工作任务分工表</p>
    <table border="1"><tr><th>序号</th><th>工作任务</th><th>牵头单位</th><th>完成时限</th></tr>
    <tr><td>1</td><td>开展燃气<br>安全排查</td><td rowspan="2">市住房和城乡建设局</td><td>6月底前</td></tr>
    <tr><td>2</td><td>整治老旧管网</td><td>12月底前</td></tr></table>
    <p>各单位要按时限完成。</p></div></body></html>"""
    target = tmp_path / "table.html"
    target.write_text(page, encoding="utf-8")
    assert list(read_document(target).lines) == [
        "重点工作任务分工表", "",
        "| 序号 | 工作任务 | 牵头单位 | 完成时限 |",
        "| 1 | 开展燃气 安全排查 | 市住房和城乡建设局 | 6月底前 |",
        "| 2 | 整治老旧管网 | 市住房和城乡建设局 | 12月底前 |", "",
        "各单位要按时限完成。"]


# --- Excel and CSV task tables ----------------------------------------------------------

def bare(unit: str) -> str:
    """A unit without its level prefix: a cell joins mentions from several clauses, and
    whether 市 is shared across a list depends on the list (as eval/score.py folds it)."""
    return split_level(unit)[1]


def task_table(plan):
    """The plan's explicitly assigned tasks as a task-division table (类别 merged per chapter)."""
    sections = {s.id: s for s in plan.sections}
    rows, expected = [("类别", "序号", "工作任务", "牵头单位", "配合单位", "完成时限")], []
    for task in plan.tasks:
        roles = {a.role for a in task.assignments if a.source == "explicit"}
        if not roles or roles - {"lead", "support"}:
            continue
        top = sections.get(task.section)
        while top is not None and top.parent in sections:
            top = sections[top.parent]
        chosen = [a for a in task.assignments if a.source == "explicit"]
        cells = {r: "、".join(dict.fromkeys(a.mention for a in chosen if a.role == r))
                 for r in ("lead", "support")}
        rows.append((top.title if top else "", str(len(rows)), task.title,
                     cells["lead"], cells["support"], task.deadline or ""))
        expected.append(sorted({(bare(a.unit), a.role) for a in chosen}))
    return rows, expected


@pytest.mark.parametrize("plan", PLANS, ids=IDS)
def test_xlsx_task_table_gives_the_same_units(plan, tmp_path):
    rows, expected = task_table(load_plan(plan))
    if len(rows) < 3:
        pytest.skip("the plan has fewer than two explicitly assigned tasks")
    target = tmp_path / "table.xlsx"
    assert build_xlsx(rows, target, merge_column=0) >= 1
    doc = read_document(target)
    assert doc.format == "xlsx"
    assert doc.lines[0] == "| 类别 | 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |"
    assert not any(ln.startswith("|  |") for ln in doc.lines)  # merged 类别 filled down
    got = [sorted({(bare(a.unit), a.role) for a in t.assignments if a.source != "inline"})
           for t in load_plan(target).tasks]
    assert got == expected


def test_xlsx_merged_cells_dates_and_sheets(tmp_path):
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "分工"
    sheet.append(["2022年重点任务分工表"])
    sheet.merge_cells("A1:D1")
    sheet.append(["序号", "工作任务", "责任单位", "完成时间"])
    sheet.append([1, "排查燃气管网", "市住建局", datetime.datetime(2022, 6, 30)])
    sheet.append([2.0, "整治电动车", None, "长期坚持"])
    sheet.merge_cells("C3:C4")
    book.create_sheet("附表").append(["任务", "牵头单位"])
    book["附表"].append(["督查", "市安委办"])
    target = tmp_path / "t.xlsx"
    book.save(target)
    assert list(read_document(target).lines) == [
        "工作表：分工", "", "2022年重点任务分工表",
        "| 序号 | 工作任务 | 责任单位 | 完成时间 |",
        "| 1 | 排查燃气管网 | 市住建局 | 2022年6月30日 |",
        "| 2 | 整治电动车 | 市住建局 | 长期坚持 |", "",
        "工作表：附表", "", "| 任务 | 牵头单位 |", "| 督查 | 市安委办 |"]


def test_csv_in_gbk(tmp_path):
    target = tmp_path / "t.csv"
    target.write_bytes("序号,工作任务,牵头单位\n1,\"加强消防\n安全\",市消防救援支队\n".encode("gbk"))
    doc = read_document(target)
    assert doc.encoding == "gb18030"
    assert list(doc.lines) == ["| 序号 | 工作任务 | 牵头单位 |", "| 1 | 加强消防 安全 | 市消防救援支队 |"]


def test_xls_without_xlrd_names_the_extra(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "xlrd", None)
    target = tmp_path / "old.xls"
    target.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    with pytest.raises(LoadError) as err:
        read_document(target)
    assert "pip install 'dutygraph[xls]'" in str(err.value)


# --- format from content ----------------------------------------------------------------

def test_format_from_content_when_the_suffix_lies(tmp_path):
    lines = ["一、总体要求", "1.加强隐患排查（市应急管理局牵头）"]
    build_docx(lines, tmp_path / "a.docx")
    build_pdf(lines, tmp_path / "b.pdf")
    build_html(lines, tmp_path / "c.html")
    build_xlsx([("工作任务", "牵头单位"), ("加强隐患排查", "市应急管理局")], tmp_path / "d.xlsx")
    (tmp_path / "e.docx").write_text("\n".join(lines), encoding="utf-8")
    renamed = {"a.docx": "a.txt", "b.pdf": "b", "c.html": "c.txt", "d.xlsx": "d.dat",
               "e.docx": "e.docx"}
    formats = {}
    for old, new in renamed.items():
        (tmp_path / old).rename(tmp_path / ("x" + new))
        formats[new] = read_document(tmp_path / ("x" + new)).format
    assert formats == {"a.txt": "docx", "b": "pdf", "c.txt": "html", "d.dat": "xlsx", "e.docx": "txt"}


@pytest.mark.parametrize("name, data, problem", [
    ("bad.docx", b"PK\x03\x04" + b"\x00" * 40, "is a damaged zip package (a truncated .docx or .xlsx?)"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
     "is an old Word .doc file; save it as .docx and load that"),
    ("blank.html", b"<html><body><script>var a=1;</script></body></html>",
     "holds no text in its page body (an empty or script-only page?)"),
    ("empty.xlsx", None, "holds no cells with text (an empty table?)"),
])
def test_bad_files_get_one_line(tmp_path, name, data, problem):
    target = tmp_path / name
    if data is None:
        import openpyxl

        openpyxl.Workbook().save(target)
    else:
        target.write_bytes(data)
    with pytest.raises(LoadError) as err:
        read_document(target)
    assert str(err.value) == f"{target}: {problem}"
