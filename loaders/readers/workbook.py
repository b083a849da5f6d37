"""The cells an .xlsx really holds, read within the budgets of limits.py.

openpyxl's ``iter_rows`` walks the rectangle a sheet claims (its ``<dimension>``, or the
furthest cell): one cell at XFD1048576 makes it 17 billion cells. Here the sheet's XML is
streamed and only the cells present in it are kept; rows and columns with no value are
dropped (they carry nothing, and a table's header finds its columns by their words).
Every cell counts against the cells budget and every character of text against the text
budget (a shared string counts at each use: 100,000 cells can share one 32,000-character
string). A formula with no saved value (a file written by a program, never opened in
Excel) is reported by its cell, not silently read as empty.
"""
from __future__ import annotations

import io
import zipfile
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from dutygraph.loaders.readers.document import LoadError
from dutygraph.loaders.readers.limits import LIMITS


@dataclass(frozen=True)
class Sheet:
    """A sheet's cells on a grid of the rows and columns that hold a value."""

    title: str
    state: str  # visible, hidden, veryHidden
    rows: tuple[tuple, ...]  # values; None where a cell is empty
    row_numbers: tuple[int, ...]  # the sheet's row number of each row (1-based)
    columns: tuple[int, ...]  # the sheet's column number of each column (1-based)
    unsaved: tuple[tuple[int, int, str], ...] = ()  # (row, column, formula): no saved value

    def where(self, row: int, column: int) -> str:
        """A cell's name as Excel shows it (E5)."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(column)}{row}"


class _Budget:
    """Cells and characters read so far in one workbook, against their limits."""

    def __init__(self, path):
        self.path = path
        self.cells = self.chars = 0
        self.most_cells = LIMITS["cells"].value(path)
        self.most_chars = LIMITS["cell_text"].value(path)

    def take(self, value) -> None:
        self.cells += 1
        if isinstance(value, str):
            self.chars += len(value)
        if self.cells > self.most_cells:
            raise LIMITS["cells"].exceeded(self.path, f"holds more than {self.most_cells:,} cells")
        if self.chars > self.most_chars:
            raise LIMITS["cell_text"].exceeded(
                self.path, f"its cells hold more than {self.most_chars:,} characters of text")


def read_workbook(path, data: bytes) -> list[Sheet]:
    """Every worksheet of an .xlsx (chart sheets have no cells), with saved formula values.
    The package's unzipped size is checked before (``limits.check_unzipped``)."""
    try:
        import openpyxl
    except ImportError:
        raise LoadError(path, "needs openpyxl to read Excel files: pip install openpyxl") from None
    from openpyxl.reader.excel import ExcelReader
    from openpyxl.styles.stylesheet import apply_stylesheet

    try:  # openpyxl's reader, less its sheets: a read-only sheet scans its whole XML for a size
        reader = ExcelReader(io.BytesIO(data), read_only=True, data_only=True)
        reader.read_manifest()
        reader.read_strings()
        reader.read_workbook()
        apply_stylesheet(reader.archive, reader.wb)
        found = [(sheet, rel.target) for sheet, rel in reader.parser.find_sheets()
                 if rel.target in reader.valid_files and "chartsheet" not in rel.Type]
    except (zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError, AttributeError) as err:
        raise LoadError(path, f"is not a readable Excel workbook ({type(err).__name__}: {err})") from None
    budget = _Budget(path)
    try:
        return [_read_sheet(reader, sheet.name, sheet.state or "visible", target, budget)
                for sheet, target in found]
    except LoadError:
        raise
    except Exception as err:  # damaged sheet XML: one line, whoever called
        raise LoadError(path, f"is not a readable Excel workbook ({type(err).__name__}: {err})") from None
    finally:
        reader.archive.close()


def _parser_class():
    from openpyxl.worksheet._reader import FORMULA_TAG, WorkSheetParser

    class CellParser(WorkSheetParser):
        """openpyxl's own sheet parser, counting each cell and noting unsaved formulas."""

        budget: _Budget
        unsaved: list

        def parse_cell(self, element):
            cell = super().parse_cell(element)
            if cell["value"] is None:
                formula = element.find(FORMULA_TAG)
                if formula is not None:
                    self.unsaved.append((cell["row"], cell["column"], "=" + (formula.text or "")))
            else:
                self.budget.take(cell["value"])
            return cell

    return CellParser


def _read_sheet(reader, title: str, state: str, target: str, budget: _Budget) -> Sheet:
    from openpyxl.utils import range_boundaries

    book = reader.wb
    parser = _parser_class()(reader.archive.open(target), reader.shared_strings, data_only=True,
                             epoch=book.epoch, date_formats=book._date_formats,
                             timedelta_formats=book._timedelta_formats)
    parser.budget, parser.unsaved = budget, []
    cells: dict[int, dict[int, object]] = {}
    try:
        for number, row in parser.parse():
            values = {c["column"]: c["value"] for c in row if c["value"] is not None}
            if values:
                cells.setdefault(number, {}).update(values)
    finally:
        parser.source.close()
    numbers = sorted(cells)
    merged = parser.merged_cells.mergeCell if parser.merged_cells is not None else ()
    for rng in merged:  # a merged cell's value fills its first column down (fill down)
        try:
            left, top, _right, bottom = range_boundaries(rng.ref)
        except (TypeError, ValueError):
            continue
        value = cells.get(top, {}).get(left)
        if value is None:
            continue
        for number in numbers[bisect_right(numbers, top):bisect_left(numbers, bottom + 1)]:
            budget.take(value)
            cells[number][left] = value
    columns = sorted({c for row in cells.values() for c in row})
    area = len(numbers) * len(columns)
    if area > budget.most_cells:
        raise LIMITS["cells"].exceeded(budget.path, f"its cells span {len(numbers):,} rows × "
                                                    f"{len(columns):,} columns")
    rows = tuple(tuple(cells[n].get(c) for c in columns) for n in numbers)
    return Sheet(title, state, rows, tuple(numbers), tuple(columns),
                 tuple(parser.unsaved))
