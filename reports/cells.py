"""Cells for spreadsheets: what a plan's text may not do in Excel.

Plan text comes from anyone. A cell that starts with ``=`` (or ``+``, ``-``, ``@``) is a
formula to Excel and LibreOffice: ``=HYPERLINK(…)`` or a DDE call would run when a leader
opens the file. Every writer of cells goes through this module:

- ``.xlsx``: ``text_row`` / ``text_cell`` make every text a string cell (``t="s"``),
  never a formula or an error value, and keep the text exactly as written;
- ``.csv``: ``csv_cell`` / ``csv_row`` neutralise a cell a spreadsheet would read as a
  formula (the OWASP CSV-injection rule: a leading ``'``), leaving other cells unchanged.

    >>> csv_cell("=1+2"), csv_cell("-3 项"), csv_cell("市应急局"), csv_cell(7)
    ("'=1+2", "'-3 项", '市应急局', 7)
"""
from __future__ import annotations

from dutygraph.sheet_text import excel_safe

FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "＝", "＋", "－", "＠")
"""What makes a spreadsheet read a cell as a formula (with the full-width forms some
locales accept, and the white space it skips before one)."""


def csv_cell(value):
    """A CSV cell a spreadsheet shows as text: a leading ``'`` when it would be a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_cell(v) for v in values]


def text_cell(sheet, value):
    """An openpyxl cell for ``value``; a text is always a string cell (openpyxl would store
    one starting with ``=`` as a formula and ``#N/A`` as an error value), without the
    control characters a cell cannot hold."""
    from openpyxl.cell.cell import Cell

    if not isinstance(value, str):
        return Cell(sheet, value=value)
    cell = Cell(sheet, value=excel_safe(value))
    cell.data_type = "s"
    return cell


def text_row(sheet, values) -> None:
    """``sheet.append(values)`` with every text a string cell."""
    sheet.append([text_cell(sheet, v) for v in values])
