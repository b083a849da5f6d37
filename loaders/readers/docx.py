"""Word documents (.docx): paragraphs and tables in body order, list numbers rebuilt.

python-docx does not expose Word's automatic list numbers (its issues 92, 471, 554), yet
in many plans they carry the whole outline (一、 / （一） / 1.). They live in
``numbering.xml``; ``Numbering`` replays them so each paragraph reads as printed.
"""
from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from .document import Document, LoadError, sha256_of
from .table import pipe_lines

SUFFIXES = (".docx", ".docm")

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
DIGITS = "零一二三四五六七八九"
CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
HEAVENLY = "甲乙丙丁戊己庚辛壬癸"


def chinese_number(n: int) -> str:
    """一 … 九十九 … 九百九十九, as Word's chineseCounting prints them."""
    if n <= 0:
        return str(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 1000:
        rest = n % 100
        tail = "" if not rest else ("零" + DIGITS[rest] if rest < 10 else
                                    ("一" + chinese_number(rest) if rest < 20 else chinese_number(rest)))
        return DIGITS[n // 100] + "百" + tail
    return str(n)


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
        return chinese_number(n)
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


def _num_pr(paragraph):
    """(numId, ilvl) from the paragraph's own properties, else from its style chain."""
    ppr = paragraph._p.pPr
    num_pr = ppr.find(W + "numPr") if ppr is not None else None
    style = paragraph.style if num_pr is None else None
    while num_pr is None and style is not None:
        spr = style.element.pPr
        num_pr = spr.find(W + "numPr") if spr is not None else None
        style = style.base_style
    if num_pr is None:
        return None
    num_id, ilvl = _val(num_pr, "numId"), _val(num_pr, "ilvl")
    if not num_id or num_id == "0":
        return None
    return num_id, int(ilvl or 0)


def _cell_text(cell) -> str:
    return " ".join(p.text.strip() for p in cell.paragraphs if p.text.strip())


def _table_rows(table) -> list[list[str]]:
    """Rows of cell text; a vertically merged cell fills down, a horizontal span counts once."""
    rows, above = [], []
    for row in table.rows:
        cells, seen = [], set()
        for i, cell in enumerate(row.cells):
            tc = id(cell._tc)
            if tc in seen:
                cells.append("")
                continue
            seen.add(tc)
            cells.append(_cell_text(cell))
            if not cells[-1] and i < len(above) and cell._tc.tcPr is not None \
                    and cell._tc.tcPr.find(W + "vMerge") is not None:
                cells[-1] = above[i]
        rows.append(cells)
        above = cells
    return rows


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
    from docx.table import Table

    lines: list[str] = []
    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table = pipe_lines(_table_rows(block))
            if table:
                if lines and lines[-1]:
                    lines.append("")
                lines.extend(table)
                lines.append("")
            continue
        text = block.text.replace("\t", " ").strip()
        num = _num_pr(block)
        if num is not None:
            label = numbering.label(*num)
            if label and text:
                text = label + text
        for part in text.split("\n"):
            lines.append(part.strip())
    while lines and not lines[-1]:
        lines.pop()
    if not any(lines):
        raise LoadError(path, "holds no text (an empty Word document?)")
    return Document(path=str(path), format="docx", lines=tuple(lines), encoding=None,
                    sha256=sha256_of(data), size=len(data))
