"""Task-division tables (.xlsx, .xls, .csv) as pipe-table lines for the outline parser.

The contract with the outline parser: a table reaches it as a header line
``| 序号 | 工作任务 | 牵头单位 | 配合单位 | 完成时限 |`` and one ``| … |`` line per row,
with a blank line between tables. The parser finds the columns by their header words, so
this module never guesses what a column means. Tables inside Word files and web pages go
through ``pipe_lines`` too.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

from .document import Document, LoadError, decode_bytes, looks_binary, sha256_of
from .limits import LIMITS, TableTooLarge
from ...model import Finding

SUFFIXES = (".xlsx", ".xlsm", ".xls", ".csv", ".tsv")

HEADER_WORDS = re.compile(r"序号|任务|内容|措施|事项|牵头|责任|主体|配合|协同|参与|协助|时限|时间|期限|单位")


def clean_cell(value) -> str:
    """One cell as text: dates in Chinese, whole numbers without ``.0``, no newlines or pipes."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime) and (value.hour, value.minute, value.second) == (0, 0, 0):
        value = value.date()
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        text = f"{value.year}年{value.month}月{value.day}日"
    elif isinstance(value, float) and value.is_integer():
        text = str(int(value))
    elif isinstance(value, bool):
        text = "是" if value else "否"
    else:
        text = str(value)
    text = re.sub(r"\s*[\r\n\v]+\s*", " ", text).replace("|", "｜")
    return text.strip()


def pipe_lines(rows) -> list[str]:
    """Rows of cells as pipe-table lines; text rows before the header stay plain lines.

    A row with a single filled cell above the first multi-cell row is a title, not a
    table row. Empty rows and trailing empty columns are dropped.
    """
    rows = [[clean_cell(c) for c in row] for row in rows]
    rows = [row for row in rows if any(row)]
    if not rows:
        return []
    width = max(max((i + 1 for i, c in enumerate(row) if c), default=0) for row in rows)
    if len(rows) * width > LIMITS["cells"].default_or_set():  # one wide row pads every row
        raise TableTooLarge(len(rows), width)
    out, started = [], False
    for row in rows:
        cells = row[:width] + [""] * (width - len(row))
        if not started and width > 1 and sum(1 for c in cells if c) < 2 and not _is_header(cells):
            out.append(next(c for c in cells if c))
            continue
        started = True
        out.append("| " + " | ".join(cells) + " |")
    return out


def _is_header(cells) -> bool:
    return sum(1 for c in cells if c and HEADER_WORDS.search(c)) >= 2


def read(path: Path, data: bytes, encoding: str | None = None) -> Document:
    kind = table_kind(path, data)
    warnings: list[Finding] = []
    used = None
    if kind == "csv":
        if looks_binary(data):
            raise LoadError(path, "is a binary file, not a table (an image, archive or program?)")
        text, used, found = decode_bytes(data, path, declared=encoding)
        warnings.extend(found)
        sheets = [("", _csv_rows(text, path.suffix.lower() == ".tsv"))]
    elif kind == "xls":
        sheets = _xls_sheets(path, data)
    else:
        sheets = _xlsx_sheets(path, data, warnings)
    lines: list[str] = []
    several = sum(1 for _, rows in sheets if any(any(c not in (None, "") for c in r) for r in rows)) > 1
    for title, rows in sheets:
        table = pipe_lines(rows)
        if not table:
            continue
        if lines:
            lines.append("")
        if several and title:
            lines.extend((f"工作表：{title}", ""))
        lines.extend(table)
    if not lines:
        raise LoadError(path, "holds no cells with text (an empty table?)")
    fmt = {"csv": "csv", "xls": "xls"}.get(kind, "xlsx")
    return Document(path=str(path), format=fmt, lines=tuple(lines), encoding=used,
                    sha256=sha256_of(data), size=len(data), warnings=tuple(warnings))


def table_kind(path: Path, data: bytes) -> str:
    """xlsx, xls or csv, from the content first (a renamed file still reads)."""
    if data[:4] == b"PK\x03\x04":
        return "xlsx"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "xls"
    return "csv"


def _csv_rows(text: str, tabs: bool) -> list[list[str]]:
    sample = text[:20000]
    delimiter = "\t" if tabs else ","
    if not tabs:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",\t;，").delimiter
        except csv.Error:
            pass
    return list(csv.reader(io.StringIO(text), delimiter=delimiter))


def _xlsx_sheets(path: Path, data: bytes, warnings: list[Finding]):
    """The visible sheets' rows (workbook.py: only the cells that exist, merged cells
    filled down); a formula with no saved value is named in a warning."""
    from dutygraph.loaders.readers.workbook import read_workbook

    sheets = []
    for sheet in read_workbook(path, data):
        if sheet.state != "visible":
            continue
        if sheet.unsaved:
            shown = "、".join(sheet.where(r, c) for r, c, _ in sheet.unsaved[:5])
            more = f" and {len(sheet.unsaved) - 5} more" if len(sheet.unsaved) > 5 else ""
            warnings.append(Finding("formula", 0, f"sheet {sheet.title}: {shown}{more} hold a "
                                    "formula with no saved value, read as empty; open and save "
                                    "the workbook in Excel or WPS to compute them",
                                    sheet.unsaved[0][2][:80]))
        sheets.append((sheet.title, [list(r) for r in sheet.rows]))
    return sheets


def _xls_sheets(path: Path, data: bytes):
    try:
        import xlrd
    except ImportError:
        raise LoadError(path, "is an old-style .xls workbook; install the xls extra to read "
                              "it (pip install 'dutygraph[xls]') or save it as .xlsx") from None
    try:
        book = xlrd.open_workbook(file_contents=data, formatting_info=True)
    except Exception as err:  # xlrd raises its own and generic errors for damaged files
        raise LoadError(path, f"is not a readable .xls workbook ({err})") from None
    sheets = []
    for sheet in book.sheets():
        rows = []
        for r in range(sheet.nrows):
            row = []
            for c in range(sheet.ncols):
                cell = sheet.cell(r, c)
                value = cell.value
                if cell.ctype == xlrd.XL_CELL_DATE:
                    value = xlrd.xldate.xldate_as_datetime(value, book.datemode)
                row.append(value)
            rows.append(row)
        for top, bottom, left, _right in sheet.merged_cells:
            for r in range(top + 1, bottom):
                rows[r][left] = rows[top][left]
        sheets.append((sheet.name, rows))
    return sheets
