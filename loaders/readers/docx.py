"""Word documents (.docx): paragraphs and tables in body order, list numbers rebuilt.

python-docx does not expose Word's automatic list numbers (its issues 92, 471, 554), yet
in many plans they carry the whole outline (一、 / （一） / 1.). They live in
``numbering.xml``; ``Numbering`` replays them so each paragraph reads as printed.

The body is walked in its XML, not through python-docx's paragraphs and tables, which
skip what plans do hold: tables nested in tables (a task table in a one-cell frame),
tracked insertions, content controls, fields and text boxes (issue 23).
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .document import Document, LoadError, sha256_of
from .table import pipe_lines
from ..grammar.numerals import to_chinese

SUFFIXES = (".docx", ".docm")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY = "甲乙丙丁戊己庚辛壬癸"


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                           (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + numeral, n - value
    return out


def _letters(n: int) -> str:
    return chr(ord("A") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def format_number(n: int, fmt: str) -> str:
    """One counter in one of Word's number formats (w:numFmt)."""
    if fmt in ("chineseCounting", "chineseCountingThousand", "chineseLegalSimplified",
               "ideographDigital", "japaneseCounting", "taiwaneseCounting"):
        return to_chinese(n)
    if fmt == "decimalFullWidth":
        return str(n).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and n <= len(CIRCLED):
        return CIRCLED[n - 1]
    if fmt in ("ideographTraditional", "ideographZodiac") and n <= len(HEAVENLY):
        return HEAVENLY[n - 1]
    if fmt == "upperLetter":
        return _letters(n)
    if fmt == "lowerLetter":
        return _letters(n).lower()
    if fmt == "upperRoman":
        return _roman(n)
    if fmt == "lowerRoman":
        return _roman(n).lower()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


class Numbering:
    """Replays numbering.xml: each numbered paragraph gets the text Word would print."""

    def __init__(self, numbering_element):
        self.levels: dict[tuple[str, int], dict] = {}
        self.abstract_of: dict[str, str] = {}
        self.starts: dict[tuple[str, int], int] = {}  # (numId, ilvl) -> startOverride
        self.counters: dict[str, list[int]] = {}
        self.fresh: set[str] = set()
        if numbering_element is None:
            return
        for abstract in numbering_element.iter(W + "abstractNum"):
            aid = abstract.get(W + "abstractNumId")
            for lvl in abstract.iter(W + "lvl"):
                self.levels[(aid, int(lvl.get(W + "ilvl", "0")))] = {
                    "start": int(_val(lvl, "start") or 1),
                    "fmt": _val(lvl, "numFmt") or "decimal",
                    "text": _val(lvl, "lvlText") or "",
                    "restart": _val(lvl, "lvlRestart"),
                    "legal": lvl.find(W + "isLgl") is not None,
                }
        for num in numbering_element.iter(W + "num"):
            nid = num.get(W + "numId")
            ref = num.find(W + "abstractNumId")
            if ref is not None:
                self.abstract_of[nid] = ref.get(W + "val")
            for override in num.iter(W + "lvlOverride"):
                start = override.find(W + "startOverride")
                if start is not None:
                    self.starts[(nid, int(override.get(W + "ilvl", "0")))] = int(start.get(W + "val"))
                    self.fresh.add(nid)

    def label(self, num_id: str, ilvl: int) -> str:
        """Advance the counters for (numId, ilvl) and return the printed label."""
        aid = self.abstract_of.get(num_id)
        if aid is None or (aid, ilvl) not in self.levels:
            return ""
        counters = self.counters.setdefault(aid, [0] * 9)
        if num_id in self.fresh:  # a list that restarts (startOverride): forget the old counts
            self.fresh.discard(num_id)
            counters[:] = [0] * 9
        level = self.levels[(aid, ilvl)]
        start = self.starts.get((num_id, ilvl), level["start"])
        counters[ilvl] = start if counters[ilvl] == 0 else counters[ilvl] + 1
        for deeper in range(ilvl + 1, 9):
            restart = self.levels.get((aid, deeper), {}).get("restart")
            if restart is None or (restart != "0" and ilvl + 1 <= int(restart)):
                counters[deeper] = 0

        def fill(match):
            k = int(match.group(1)) - 1
            info = self.levels.get((aid, k))
            if info is None:
                return ""
            value = counters[k] or self.starts.get((num_id, k), info["start"])
            return format_number(value, "decimal" if level["legal"] else info["fmt"])

        if level["fmt"] == "bullet":
            return ""
        return re.sub(r"%(\d)", fill, level["text"])


def _val(element, tag):
    child = element.find(W + tag)
    return None if child is None else child.get(W + "val")


class StyleNumbering:
    """(numId, ilvl) of each paragraph style, through its basedOn chain, looked up once
    per style: python-docx resolves a paragraph's style by scanning every style, which
    took seconds per thousand paragraphs."""

    def __init__(self, styles_element):
        self.styles: dict[str, object] = {}
        self.default = None
        for style in (styles_element.iter(W + "style") if styles_element is not None else ()):
            sid = style.get(W + "styleId")
            self.styles[sid] = style
            if style.get(W + "type") == "paragraph" and style.get(W + "default") in ("1", "true", "on"):
                self.default = sid
        self.cache: dict[str | None, object] = {}

    def num_pr(self, style_id: str | None):
        """The w:numPr a paragraph of this style inherits, or None."""
        if style_id not in self.styles:
            style_id = self.default
        if style_id not in self.cache:
            found, seen, sid = None, set(), style_id
            while found is None and sid in self.styles and sid not in seen:
                seen.add(sid)
                style = self.styles[sid]
                found = style.find(f"{W}pPr/{W}numPr")
                based = style.find(W + "basedOn")
                sid = based.get(W + "val") if based is not None else None
            self.cache[style_id] = found
        return self.cache[style_id]


def _num_pr(p, styles: StyleNumbering):
    """(numId, ilvl) from the paragraph's own properties, else from its style chain."""
    ppr = p.find(W + "pPr")
    num_pr = ppr.find(W + "numPr") if ppr is not None else None
    if num_pr is None:
        pstyle = ppr.find(W + "pStyle") if ppr is not None else None
        num_pr = styles.num_pr(pstyle.get(W + "val") if pstyle is not None else None)
    if num_pr is None:
        return None
    num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
    if not num_id or num_id == "0":
        return None
    return num_id, int(ilvl or 0)


# --- the body: every structure Word keeps text in ------------------------------------------

# Wrappers read through; anything else that is not a run, paragraph, table, row or cell is
# left out: w:del and w:moveFrom (deletions, as accepted), properties (w:pPr, w:sdtPr …).
TRANSPARENT = {W + t for t in ("ins", "moveTo", "hyperlink", "smartTag", "customXml", "sdt",
                               "sdtContent", "fldSimple", "dir", "bdo")}


class Fields:
    """Complex fields (w:fldChar begin / separate / end): the instruction (w:instrText, and
    any field nested in it) is not text; the result after ``separate`` is."""

    def __init__(self):
        self.stack: list[str] = []

    def see(self, kind: str | None) -> None:
        if kind == "begin":
            self.stack.append("code")
        elif kind == "separate" and self.stack:
            self.stack[-1] = "result"
        elif kind == "end" and self.stack:
            self.stack.pop()

    @property
    def in_code(self) -> bool:
        return "code" in self.stack


def paragraph_text(p, fields: Fields | None = None) -> str:
    """A paragraph's text as Word shows it with changes accepted: insertions kept, deletions
    dropped, content controls, hyperlinks and simple fields read through, a complex
    field's result kept and its instruction left out."""
    out: list[str] = []
    fields = fields or Fields()

    def walk(element):
        for child in element:
            tag = child.tag
            if tag == W + "r":
                run(child)
            elif tag in TRANSPARENT and not _placeholder(child):
                walk(child)

    def run(r):
        for child in r:
            tag = child.tag
            if tag == W + "fldChar":
                fields.see(child.get(W + "fldCharType"))
            elif fields.in_code:
                continue
            elif tag == W + "t":
                out.append(child.text or "")
            elif tag in (W + "tab", W + "ptab"):
                out.append("\t")
            elif tag in (W + "br", W + "cr"):
                out.append("\n")
            elif tag == W + "noBreakHyphen":
                out.append("-")

    walk(p)
    return "".join(out)


def _placeholder(element) -> bool:
    """A content control still showing its prompt (单击或点击此处输入文字): not the plan's text."""
    return element.tag == W + "sdt" and element.find(f"{W}sdtPr/{W}showingPlcHdr") is not None


def _children(element, wanted: str):
    """The ``wanted`` children of a container, looking through content controls, custom
    XML and tracked insertions that wrap them (a row or a cell can sit in a w:sdt)."""
    for child in element:
        if child.tag == W + wanted:
            yield child
        elif child.tag in TRANSPARENT:
            yield from _children(child, wanted)


def _blocks(element):
    """Paragraphs and tables of a body, cell or content control, in order."""
    for child in element:
        if child.tag in (W + "p", W + "tbl"):
            yield child
        elif child.tag in TRANSPARENT and not _placeholder(child):
            yield from _blocks(child)


def _cell_text(tc, nested: list) -> str:
    """A cell's paragraphs as one line; tables inside it go to ``nested``."""
    parts = []
    for block in _blocks(tc):
        if block.tag == W + "tbl":
            nested.append(block)
            continue
        text = paragraph_text(block).strip()
        if text:
            parts.append(text)
    return " ".join(parts)


def _table_rows(tbl, nested: list) -> list[list[str]]:
    """Rows of cell text on the table's grid: a vertically merged cell fills down, a
    horizontal span (w:gridSpan) counts once, w:gridBefore leaves its columns empty."""
    rows, above = [], []
    for tr in _rows_kept(tbl):
        before = tr.find(f"{W}trPr/{W}gridBefore")
        cells = [""] * _int_val(before)
        for tc in _children(tr, "tc"):
            props = tc.find(W + "tcPr")
            span = _int_val(props.find(W + "gridSpan") if props is not None else None) or 1
            merge = props.find(W + "vMerge") if props is not None else None
            text = _cell_text(tc, nested)
            col = len(cells)
            if not text and merge is not None and merge.get(W + "val") != "restart" \
                    and col < len(above):
                text = above[col]
            cells.append(text)
            cells.extend([""] * (min(span, 64) - 1))
        rows.append(cells)
        above = cells
    return rows


def _rows_kept(tbl):
    """The table's rows, less those deleted as a tracked change (w:trPr/w:del)."""
    return [tr for tr in _children(tbl, "tr") if tr.find(f"{W}trPr/{W}del") is None]


def _int_val(element) -> int:
    try:
        return max(0, int(element.get(W + "val"))) if element is not None else 0
    except (TypeError, ValueError):
        return 0


def _is_layout(tbl, rows) -> bool:
    """A table that frames content rather than holding rows of data: one column (a box
    around the text), or tables nested in it and fewer than two rows of several cells."""
    filled = [sum(1 for c in row if c) for row in rows]
    if max((len(row) for row in rows), default=0) <= 1:
        return True
    if tbl.find(f".//{W}tc//{W}tbl") is None:
        return False
    multi = sum(1 for n in filled if n >= 2)
    return multi < 2 or multi < 0.5 * len(rows)


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def _text_boxes(p):
    """The text boxes (w:txbxContent) anchored in a paragraph, each once: the VML copy Word
    keeps in mc:Fallback is skipped, and a box inside a box is read with its box."""
    boxes = []
    for box in p.iter(W + "txbxContent"):
        outer = box.getparent()
        while outer is not None and outer is not p:
            if outer.tag in (MC_FALLBACK, W + "txbxContent"):
                break
            outer = outer.getparent()
        else:
            boxes.append(box)
    return boxes


class BodyReader:
    """Walks the body into lines: a paragraph a line (its list number rebuilt), a data
    table as pipe rows, a layout table's cells as the blocks they hold, a table nested in
    a data table's cell after that table (a table's rows are rows wherever it stands)."""

    def __init__(self, document, numbering: Numbering):
        try:
            styles = document.styles.element
        except (KeyError, NotImplementedError):
            styles = None
        self.styles = StyleNumbering(styles)
        self.numbering = numbering
        self.lines: list[str] = []

    def read(self, container, depth: int = 0) -> None:
        for block in _blocks(container):
            if block.tag == W + "tbl":
                self.table(block, depth)
            else:
                self.text(block)

    def text(self, p) -> None:
        text = paragraph_text(p).replace("\t", " ").strip()
        num = _num_pr(p, self.styles)
        if num is not None:
            label = self.numbering.label(*num)
            if label and text:
                text = label + text
        for part in text.split("\n"):
            self.lines.append(part.strip())
        for box in _text_boxes(p):  # a text box anchored in the paragraph: its blocks follow it
            self.read(box)

    def table(self, tbl, depth: int) -> None:
        if depth > 64:  # Word itself stops nesting long before: say so, drop nothing silently
            raise ValueError("tables nested more than 64 deep")
        nested: list = []
        rows = _table_rows(tbl, nested)
        if _is_layout(tbl, rows):
            for tr in _rows_kept(tbl):
                for tc in _children(tr, "tc"):
                    self.read(tc, depth + 1)
            return
        table = pipe_lines(rows)
        if table:
            if self.lines and self.lines[-1]:
                self.lines.append("")
            self.lines.extend(table)
            self.lines.append("")
        for inner in nested:
            self.table(inner, depth + 1)


def read(path: Path, data: bytes, encoding: str | None = None) -> Document:
    try:
        import docx
    except ImportError:
        raise LoadError(path, "needs python-docx to read Word files: pip install python-docx") from None
    try:
        document = docx.Document(io.BytesIO(data))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise LoadError(path, f"is not a readable Word .docx file ({err})") from None
    except Exception as err:  # python-docx raises its own errors for a damaged package
        raise LoadError(path, f"is not a readable Word .docx file ({type(err).__name__})") from None
    try:
        numbering = Numbering(document.part.numbering_part.element)
    except (KeyError, NotImplementedError):
        numbering = Numbering(None)
    body = BodyReader(document, numbering)
    body.read(document.element.body)
    lines = body.lines
    while lines and not lines[-1]:
        lines.pop()
    if not any(lines):
        raise LoadError(path, "holds no text (an empty Word document?)")
    return Document(path=str(path), format="docx", lines=tuple(lines), encoding=None,
                    sha256=sha256_of(data), size=len(data))
