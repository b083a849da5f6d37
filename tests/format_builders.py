"""Build Word, PDF, web-page and Excel versions of a plan's text at test time.

Each builder writes what a user's file of that kind really holds: Word paragraphs with
automatic list numbering (numbering.xml) where the printed number allows it, a PDF with
wrapped lines, a running header and page numbers, a page declared gb2312 with navigation
and scripts around the article, a workbook with merged cells.
"""
from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
CHINESE = "零一二三四五六七八九"
# (level, pattern of the printed number, numFmt, lvlText)
LEVELS = ((0, re.compile(r"^([一二三四五六七八九十]+)、"), "chineseCounting", "%1、"),
          (1, re.compile(r"^（([一二三四五六七八九十]+)）"), "chineseCounting", "（%2）"),
          (2, re.compile(r"^(\d+)\.(?!\d)"), "decimal", "%3."))


def chinese(n: int) -> str:
    if n < 10:
        return CHINESE[n]
    if n < 20:
        return "十" + (CHINESE[n % 10] if n % 10 else "")
    return CHINESE[n // 10] + "十" + (CHINESE[n % 10] if n % 10 else "")


def _printed(level: int, n: int) -> str:
    return {0: f"{chinese(n)}、", 1: f"（{chinese(n)}）", 2: f"{n}."}[level]


def _plan_numbering(lines, continuous: bool):
    """Which lines Word numbers automatically: (level or None, text without the number)."""
    counters = [0, 0, 0]
    out = []
    for line in lines:
        for level, pattern, _, _ in LEVELS:
            m = pattern.match(line)
            if m and m.group(0) == _printed(level, counters[level] + 1):
                counters[level] += 1
                for deeper in range(level + 1, 3):
                    if not (continuous and deeper == 2):
                        counters[deeper] = 0
                out.append((level, line[m.end():]))
                break
        else:
            out.append((None, line))
    return out


def _add_numbering(document, continuous: bool) -> str:
    """An abstractNum with three levels (一、 / （一） / 1.) and a num pointing at it."""
    from docx.oxml import parse_xml

    part = document.part.numbering_part.element
    levels = "".join(
        f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
        + ('<w:lvlRestart w:val="0"/>' if continuous and lvl == 2 else "")
        + f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/></w:lvl>'
        for lvl, _, fmt, text in LEVELS)
    abstract = parse_xml(f'<w:abstractNum xmlns:w="{W_NS}" w:abstractNumId="77">{levels}</w:abstractNum>')
    num = parse_xml(f'<w:num xmlns:w="{W_NS}" w:numId="77"><w:abstractNumId w:val="77"/></w:num>')
    first_num = part.find(f"{{{W_NS}}}num")
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        part.append(abstract)
    part.append(num)
    return "77"


def build_docx(lines, path: Path) -> int:
    """A .docx of the lines; returns how many paragraphs carry automatic numbering."""
    import docx
    from docx.oxml import parse_xml

    lines = [ln.strip() for ln in lines if ln.strip()]
    plans = {c: _plan_numbering(lines, c) for c in (False, True)}
    continuous = max(plans, key=lambda c: sum(1 for lvl, _ in plans[c] if lvl is not None))
    document = docx.Document()
    num_id = _add_numbering(document, continuous)
    numbered = 0
    for level, text in plans[continuous]:
        paragraph = document.add_paragraph(text)
        if level is not None:
            ppr = paragraph._p.get_or_add_pPr()
            ppr.append(parse_xml(f'<w:numPr xmlns:w="{W_NS}"><w:ilvl w:val="{level}"/>'
                                 f'<w:numId w:val="{num_id}"/></w:numPr>'))
            numbered += 1
    document.save(path)
    return numbered


def build_pdf(lines, path: Path, header: str = "内部资料 注意保存") -> None:
    """An A4 PDF: indented wrapped paragraphs, a running header and ``- N -`` page numbers."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=17,
                           firstLineIndent=22, wordWrap="CJK", spaceAfter=2)

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 40, header)
        canvas.drawCentredString(A4[0] / 2, 30, f"- {doc.page} -")
        canvas.restoreState()

    story = [Paragraph(html.escape(ln.strip()), style) for ln in lines if ln.strip()]
    SimpleDocTemplate(str(path), pagesize=A4, topMargin=70, bottomMargin=60).build(
        story, onFirstPage=furniture, onLaterPages=furniture)


def build_html(lines, path: Path, declared: str = "gb2312", encoding: str = "gb18030") -> None:
    """A government-style page: navigation, header, the article in div#zoom, footer, script."""
    body = "\n".join(f"<p>{html.escape(ln.strip())}</p>" for ln in lines if ln.strip())
    page = f"""<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset={declared}">
<title>政府门户网站</title><style>p {{ text-indent: 2em; }}</style>
<script>var menu = "首页 机构 政务公开";</script></head>
<body><header><div class="logo">某某市人民政府门户网站</div></header>
<nav><ul><li><a href="/">首页</a></li><li><a href="/zwgk">政务公开</a></li></ul></nav>
<div class="container"><div class="sidebar-links">相关链接：国务院 省政府</div>
<div id="zoom">
{body}
</div></div>
<footer>主办单位：某某市人民政府办公室 版权所有</footer>
<script>document.write("统计代码");</script></body></html>"""
    path.write_bytes(page.encode(encoding))


def build_xlsx(rows, path: Path, merge_column: int | None = None) -> int:
    """A workbook of rows (the first is the header); runs of equal values in
    ``merge_column`` become merged cells, as staff lay out a category column.
    Returns the number of merged ranges."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "任务分工"
    for row in rows:
        sheet.append(list(row))
    merged = 0
    if merge_column is not None:
        col, start = merge_column + 1, 2
        values = [row[merge_column] for row in rows]
        for r in range(2, len(rows) + 2):  # sheet rows 2..n+1 hold data rows 1..n
            last = r == len(rows) + 1
            if last or values[r - 1] != values[start - 1]:
                if r - 1 > start:
                    for k in range(start + 1, r):
                        sheet.cell(k, col).value = None
                    sheet.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
                    merged += 1
                start = r
    book.save(path)
    return merged


# --- raw Word XML: the structures python-docx does not write ---------------------------------

def w_text(text: str) -> str:
    """A run of text (the unit of Word's inline content)."""
    return f'<w:r><w:t xml:space="preserve">{html.escape(text, quote=False)}</w:t></w:r>'


def w_p(*inline: str) -> str:
    """A paragraph of runs (plain strings become runs; markup starting with < stays)."""
    return "<w:p>" + "".join(x if x.startswith("<") else w_text(x) for x in inline) + "</w:p>"


def w_tbl(rows) -> str:
    """A table; each cell is a string of block markup, or plain text for one paragraph."""
    width = max(len(row) for row in rows)
    grid = "".join('<w:gridCol w:w="2000"/>' for _ in range(width))
    body = "".join("<w:tr>" + "".join(
        f"<w:tc><w:tcPr/>{c if c.startswith('<') else w_p(c)}</w:tc>" for c in row) + "</w:tr>"
        for row in rows)
    return f'<w:tbl><w:tblPr/><w:tblGrid>{grid}</w:tblGrid>{body}</w:tbl>'


def build_docx_xml(body: str, path: Path) -> None:
    """A .docx whose body is ``body`` (w: markup), written as Word writes it."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    element = document.element.body
    section = element[-1]
    for child in list(element)[:-1]:
        element.remove(child)
    for child in parse_xml(f'<w:body xmlns:w="{W_NS}">{body}</w:body>'):
        section.addprevious(child)
    document.save(path)


# --- hostile packages: zip bombs and workbooks with far or shared cells -------------------------

def rewrite_zip(path: Path, parts: dict, force_zip64: bool = False) -> None:
    """Replace (or add) members of a .docx/.xlsx; a part given as an iterable of bytes is
    streamed in, so a member can inflate to gigabytes without being held in memory."""
    with zipfile.ZipFile(path) as old:
        kept = [(info, old.read(info)) for info in old.infolist() if info.filename not in parts]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as new:
        for info, data in kept:
            new.writestr(info, data)
        for name, content in parts.items():
            with new.open(name, "w", force_zip64=force_zip64) as member:
                for chunk in ([content] if isinstance(content, bytes) else content):
                    member.write(chunk)


def docx_bomb(path: Path, megabytes: int) -> None:
    """A .docx whose document.xml inflates to ``megabytes`` MB of paragraphs."""
    build_docx_xml(f'<w:p><w:r><w:t>某市安全生产工作要点</w:t></w:r></w:p>', path)
    head = f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}"><w:body>'.encode()
    para = "<w:p><w:r><w:t>开展安全生产大检查</w:t></w:r></w:p>".encode() * 20000
    count = megabytes * 1_000_000 // len(para) + 1

    def chunks():
        yield head
        for _ in range(count):
            yield para
        yield b"</w:body></w:document>"

    rewrite_zip(path, {"word/document.xml": chunks()}, force_zip64=megabytes > 2000)


def forge_size(path: Path, name: str, size: int) -> None:
    """Make the zip directory (local header and central record) declare ``size`` bytes
    unzipped for member ``name``, whatever it really holds."""
    import struct

    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as z:
        local = z.getinfo(name).header_offset
    struct.pack_into("<I", data, local + 22, size)
    at = data.find(b"PK\x01\x02")
    while at >= 0:
        length = struct.unpack_from("<H", data, at + 28)[0]
        if data[at + 46:at + 46 + length] == name.encode():
            struct.pack_into("<I", data, at + 24, size)
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))


def xlsx_sheet(path: Path, cells, shared=()) -> None:
    """A workbook whose one sheet holds ``cells`` ((ref, xml of the <c> body, type) …),
    written as XML so that a test controls every cell and the shared strings."""
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "x"
    book.save(path)
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rows: dict[int, list[str]] = {}
    for ref, body, kind in cells:
        number = int(re.sub(r"^[A-Z]+", "", ref))
        rows.setdefault(number, []).append(f'<c r="{ref}"{f" t={chr(34)}{kind}{chr(34)}" if kind else ""}>{body}</c>')

    def sheet():
        yield f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}"><sheetData>'.encode()
        for number in sorted(rows):
            yield f'<row r="{number}">{"".join(rows[number])}</row>'.encode()
        yield b"</sheetData></worksheet>"

    strings = "".join(f"<si><t>{html.escape(s, quote=False)}</t></si>" for s in shared)
    with zipfile.ZipFile(path) as z:
        types, rels = z.read("[Content_Types].xml").decode(), z.read("xl/_rels/workbook.xml.rels").decode()
    if "sharedStrings" not in types:
        types = types.replace("</Types>", '<Override PartName="/xl/sharedStrings.xml" ContentType='
                              '"application/vnd.openxmlformats-officedocument.spreadsheetml.'
                              'sharedStrings+xml"/></Types>')
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdStrings" Type="http://schemas.'
                            'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                            'Target="sharedStrings.xml"/></Relationships>')
    rewrite_zip(path, {"[Content_Types].xml": types.encode(), "xl/_rels/workbook.xml.rels": rels.encode(),
                       "xl/worksheets/sheet1.xml": sheet(),
                       "xl/sharedStrings.xml": f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{ns}" '
                                               f'count="{len(shared)}" uniqueCount="{len(shared)}">'
                                               f'{strings}</sst>'.encode()})
