"""The tables stage: task-division tables that reached the text flattened, into rows.

A web page, a Word file or a spreadsheet flattens a table in one of a few ways: a pipe row
a line (``序号 | 工作任务 | 牵头单位 |``, also what the Excel, Word and HTML readers emit),
a row a line with cells separated by spaces, or one cell a line (each maybe ending in
`` |``). A table is found by its header: a run of cells naming at least a task column and
a responsible-unit column, wherever it stands (also right under a heading).

The header says what each column means (task, number, lead, support, implement, deadline,
leader — a person —, or other). Flattening loses where cells start and end: a cell may be
missing (empty or merged with the row above), several units may be stacked one a line,
and rows may have no number. So each row's cells are aligned to the columns by what they
look like (a number, a list of unit names, a person, a deadline, prose): a small dynamic
programme that lets a column take no cell or several. Rows are told apart by their
number, by a new task cell after the unit cells, or by their own line in pipe tables.
What a cell looks like, and the alignment, are in ``table_cells.py``.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from ..grammar.markers import SUB_ITEM
from .table_cells import (HEADING_CELL, NUMBER_CELL, PROSE_MARK, RULE, TITLE_CELL,
                          UNIT_ROLES, UNIT_WORD, align, bare_cell, cell_type, cells_of,
                          classify_header, header_ok, header_role, is_pipe_line)
from .unitlist import is_unit_like


@dataclass(frozen=True)
class Row:
    """One table row: its cell texts by column role (stacked cells joined by 、)."""

    line: int  # source line of the row's first cell
    end_line: int
    cells: tuple[tuple[str, str], ...]  # (column role, text), roles in header order
    kind: str = "task"  # task, heading (a spanning row that only titles the rows below)
    continued: bool = False  # a row without its own number, under the numbered one above
    text: str = ""  # the row's lines as written
    written: tuple[tuple[str, str], ...] = ()  # (column role, its cells as written)
    source: tuple = ()  # the row's Lines (normalised text and raw text)

    def get(self, role: str) -> str:
        return "、".join(t for r, t in self.cells if r == role and t)

    def as_written(self, role: str) -> str:
        """The cells of a column as the page wrote them (an assignment's clause)."""
        return "\n".join(t for r, t in self.written if r == role and t)

    def raw_of(self, piece: str) -> str:
        """A piece of a cell as the source wrote it (the piece itself where not found)."""
        if "\n" in piece:
            return "\n".join(self.raw_of(part) for part in piece.split("\n"))
        for line in self.source:
            at = line.text.find(piece)
            if at >= 0:
                return line.raw_at(at, at + len(piece))
        return piece

    def tasks(self) -> list[str]:
        """The task cells, coarsest first (a row may hold a category and its task)."""
        return [t for r, t in self.cells if r == "task" and t]


@dataclass(frozen=True)
class TableBlock:
    start: int  # index of the header's first line among the lines given
    end: int  # index after the table's last line
    header: tuple[str, ...]
    roles: tuple[str, ...]  # one per header cell
    rows: tuple[Row, ...]
    header_lines: tuple[int, ...]  # source lines that hold header cells
    last_line: int = 0  # source line of the table's last line
    first: object = None  # the header's first clean Line (where the outline meets the table)

    @property
    def is_task_table(self) -> bool:
        return "task" in self.roles and any(r in self.roles for r in UNIT_ROLES)


def _row_starts(lines, j) -> bool:
    """Line j names no column and a unit cell follows it: the first row's task cell, not one
    more header cell (a table without numbers: 工作任务 / 牵头单位 / … / 加大监管力度 / 省安监局)."""
    return (j + 1 < len(lines) and not header_role(bare_cell(lines[j].text))
            and cell_type(bare_cell(lines[j + 1].text)) == "units")


def header_in_line(words: list[str]) -> list[str] | None:
    """A header a page ran together with its title and its rows (``附件 X职责清单 工作任务
    责任单位 配合单位 完成时间 负责全县…``): the longest run of header cells right after
    the line's start or a title, with prose after it; else None."""
    for start in range(len(words)):
        if start and not TITLE_CELL.search(words[start - 1]):
            continue
        end = start
        while end < len(words) and len(words[end]) <= 14 and header_role(words[end]):
            end += 1
        if end - start >= 3 and end < len(words) and header_ok(words[start:end]) and \
                len(words[end]) > 14:
            return words[start:end]
    return None


def find_header(lines, i):
    """(header cells, shape, index after the header) when a header starts at line i."""
    text = lines[i].text
    if is_pipe_line(text):
        cells = [c for c in cells_of(text) if c]
        if not RULE.match(text) and header_ok(cells):
            return cells, "pipe", i + 1
    words = text.split()
    if len(words) >= 3 and header_ok(words) and not NUMBER_CELL.match(words[0] or "x"):
        return words, "space", i + 1
    inline = header_in_line(words) if len(words) > 3 else None  # three cells, then a row's
    if inline:
        return inline, "run", i + 1
    if len(bare_cell(text).replace(" ", "")) > 14:
        return None  # a line too long to be a header cell (most lines: said at once)
    j, cells = i, []  # one cell a line
    while j < len(lines) and len(bare_cell(lines[j].text).replace(" ", "")) <= 14 \
            and bare_cell(lines[j].text) and not NUMBER_CELL.match(bare_cell(lines[j].text)) \
            and not PROSE_MARK.search(lines[j].text) and not HEADING_CELL.match(lines[j].text):
        cells.append(bare_cell(lines[j].text))
        j += 1
        if len(cells) >= 3 and header_ok(cells) and (not header_ok(cells + [
                bare_cell(lines[j].text)] if j < len(lines) else cells) or _row_starts(lines, j)):
            break
    while len(cells) >= 3 and (not header_ok(cells) or TITLE_CELL.search(cells[0])
                               or not header_role(cells[0]) and header_ok(cells[1:])
                               and len(cells[0]) > 4):  # a title above the header
        cells, i = cells[1:], i + 1
    if len(cells) >= 3 and header_ok(cells):
        after = i + len(cells)
        if after < len(lines) and not bare_cell(lines[after].text):
            cells.append("")  # an empty header cell of its own: the page marks every cell
        return cells, "cells", i + len(cells)
    return None


# --- rows -------------------------------------------------------------------------------

def _row(cells: list[tuple[str, int]], roles: tuple[str, ...], continued=False,
         raw: str = "", lines_apart: bool = True, source: tuple = ()) -> Row | None:
    texts = [c for c, _ in cells]
    if not any(texts):
        return None
    types = [cell_type(t) for t in texts]
    if "leader" not in roles:  # a short name is a person only where a column holds people
        types = ["text" if t == "person" else t for t in types]
    spans = align(types, roles)
    out, written = [], []
    for role, (a, b) in zip(roles, spans):
        written.append((role, "\n".join(t for t in texts[a:b] if t)))
        # stacked prose: a line each where cells are lines, else words a space split
        joiner = "、" if role in UNIT_ROLES else "\n" if lines_apart else " "
        parts = [t for t in texts[a:b] if t and cell_type(t) != "dash"]
        if role in UNIT_ROLES:
            parts = [" ".join(p.split()) for p in parts]
            parts = ["、".join(p.split(" ")) if all(cell_type(x) == "units" for x in p.split(" "))
                     else p for p in parts]
        out.append((role, joiner.join(parts)))
    has_units = any(t for r, t in out if r in UNIT_ROLES)
    filled = [t for _, t in out if t]
    heading = (not has_units and len(filled) == 1 and (
        HEADING_CELL.match(filled[0]) or len(texts) < len(roles) - 1))
    return Row(cells[0][1], cells[-1][1], tuple(out), "heading" if heading else "task",
               continued, raw, tuple(written), source)


def _rows_by_line(lines, start, roles) -> tuple[list[Row], int]:
    """Pipe or space rows: one line each, until a line of another kind."""
    shape_pipe = is_pipe_line(lines[start - 1].text)
    rows, k = [], start
    while k < len(lines):
        text = lines[k].text
        if RULE.match(text):
            k += 1
            continue
        if shape_pipe and not is_pipe_line(text):
            break
        if not shape_pipe and (len(text.split()) < 2 or HEADING_CELL.match(text)):
            break
        cells = cells_of(text) if shape_pipe else text.split()
        if header_ok([c for c in cells if c]) and len(cells) >= 2 and classify_header(
                [c for c in cells if c]) == roles:
            k += 1  # the header again (a table over pages)
            continue
        row = _row([(c, lines[k].number) for c in cells], roles, raw=lines[k].raw,
                   source=(lines[k],),
                   lines_apart=False)
        if row:
            rows.append(row)
        k += 1
    return rows, k


def _rows_by_token(lines, at, header, roles) -> tuple[list[Row], int]:
    """Rows a page ran together, cells a space apart: the words after the header, a unit's
    name broken by a space joined again (县交通 运输局); a row starts at each prose cell
    (a long one, or one with a stop) after a unit cell."""
    first = lines[at].text
    cut = first.find(header[-1]) + len(header[-1])
    tokens = [(w, at) for w in first[cut:].split()]
    k = at + 1
    while k < len(lines) and not STOP_LINE.match(lines[k].text) and not HEADING_CELL.match(
            lines[k].text) and not is_pipe_line(lines[k].text):
        tokens += [(w, k) for w in lines[k].text.split()]
        k += 1
    merged: list[tuple[str, int, str]] = []  # (cell, line index, as written)
    for word, n in tokens:
        if merged and _broken_name(merged[-1][0], word):
            left, m, written = merged[-1]
            merged[-1] = (left + word, m, written + lines[n].written(word))  # as one name
        else:
            merged.append((word, n, lines[n].written(word)))
    rows, current, seen_units = [], [], False
    for cell in merged:
        kind = cell_type(cell[0])
        if kind == "text" and (len(cell[0]) > 14 or PROSE_STOP.search(cell[0])) and seen_units:
            rows.append(current)
            current, seen_units = [], False
        current.append(cell)
        seen_units = seen_units or kind == "units"
    rows.append(current)
    out = []
    for cells in rows:
        source = tuple(dict.fromkeys(lines[n] for _, n, _ in cells))
        row = _row([(w, lines[n].number) for w, n, _ in cells], roles,  # its own cells only
                   raw=" ".join(written for _, _, written in cells), lines_apart=False,
                   source=source)
        if row:
            out.append(row)
    return out, k


PROSE_STOP = re.compile(r"[。；;，,.]")


def _broken_name(left: str, right: str) -> bool:
    """``县交通 运输局``, ``县委县政府 督查室``: one name a space broke, not two names (the
    second would carry its own level: 县委宣传部 县公安局)."""
    return (len(right) <= 4 and len(left) <= 10 and not PROSE_STOP.search(left + right)
            and right[0] not in "省市县区乡镇" and is_unit_like(left + right)
            and (not is_unit_like(left) or bool(OFFICE_PART.search(right))))


OFFICE_PART = re.compile(r"^[\u4e00-\u9fff]{1,3}(室|科|股|处|组)$")  # 督查室: a body's office


STOP_LINE = re.compile(r"^(附\s*件|第[一二三四五六七八九十]+[章节条]|[一二三四五六七八九十]+、)")


def _rows_by_cell(lines, start, roles, header) -> tuple[list[Row], int]:
    """One cell a line: a row starts at its number, at a task cell after unit cells, or at
    any cell after a last column of deadlines."""
    numbered = "number" in roles
    unit_at = min((k for k, r in enumerate(roles) if r in UNIT_ROLES), default=len(roles))
    task_at = roles.index("task") if "task" in roles else -1
    text_after_units = any(r in ("task", "other") for r in roles[unit_at:])
    rows, current, last_number, seen_units, k = [], [], None, False, start
    bare_header = [h.replace(" ", "") for h in header]

    def flush(continued=False):
        numbers = {n for _, n in current}
        source = tuple(x for x in lines[start:k] if x.number in numbers)
        row = _row(current, roles, continued, "\n".join(x.raw for x in source), source=source)
        if row:
            rows.append(row)

    continued = complete = False
    while k < len(lines):
        text = bare_cell(lines[k].text)
        marked = text != lines[k].text.strip()  # a cell the page closed with a bar: 一、… | is a
        if RULE.match(lines[k].text):  # group row; a line of bars only ends the row above
            if current:
                flush(continued)
                current, seen_units, continued = [], False, False
            k += 1
            continue
        if STOP_LINE.match(text) and not current and not marked:
            break
        if STOP_LINE.match(lines[k].text) and cell_type(text) != "units" and not marked:
            break
        if [bare_cell(x.text).replace(" ", "") for x in lines[k: k + len(header)]] == bare_header:
            k += len(header)  # the header again
            continue
        kind = cell_type(text)
        number = NUMBER_CELL.match(text)
        new_row = False
        if numbered and number and (last_number is None or int(number.group(1)) > last_number):
            new_row, continued_next = True, False
            last_number = int(number.group(1))
        elif (kind == "text" or complete and kind != "deadline") and seen_units \
                and task_at < unit_at and (not numbered or not text_after_units):
            new_row, continued_next = True, numbered  # (a task cell may look like a unit name)
        if new_row and current:
            flush(continued)
            current, seen_units = [], False
        if new_row:
            continued = continued_next
            if continued:  # a row under the numbered one: its number cell is absent
                current.append(("", lines[k].number))
        current.append((text, lines[k].number))
        seen_units = seen_units or kind in ("units", "deadline")
        complete = roles[-1] == "deadline" and kind == "deadline"  # the row's last cell
        k += 1
    if current:
        flush(continued)
    return rows, k


RECORD_LINE = re.compile(r"^([^|｜:：]{2,24})[:：]\s*[|｜]\s*(.*?)\s*[|｜]?\s*$")


def read_record(lines, i) -> TableBlock | None:
    """One record as key–value rows (``牵头单位: | 市城管局 |``; a value may take the next
    line): a table of one row whose header is the keys."""
    keys, values, k = [], [], i
    while k < len(lines) and (m := RECORD_LINE.match(lines[k].text)):
        value, k = m.group(2), k + 1
        if not value and k < len(lines) and not RECORD_LINE.match(lines[k].text):
            value, k = bare_cell(lines[k].text), k + 1
        keys.append(m.group(1).strip())
        values.append((value, lines[k - 1].number))
    roles = list(classify_header(keys)) if len(keys) >= 2 else []
    if "task" not in roles or not any(r in UNIT_ROLES for r in roles):
        return None
    first_task = roles.index("task")  # the work item; later target rows are notes
    roles = tuple("other" if r == "task" and n != first_task else r for n, r in enumerate(roles))
    cells = tuple((role, value) for role, (value, _) in zip(roles, values))
    text = "\n".join(x.raw for x in lines[i:k])
    row = Row(lines[i].number, lines[k - 1].end, cells, "task", False, text, cells,
              tuple(lines[i:k]))
    return TableBlock(i, k, tuple(keys), roles, (row,), (), lines[k - 1].end, lines[i])


def read_table(lines, i) -> TableBlock | None:
    """The table whose header starts at line i, or None."""
    record = read_record(lines, i)
    if record:
        return record
    found = find_header(lines, i)
    if not found:
        return None
    header, shape, body = found
    roles = classify_header(header)
    if "task" not in roles:  # no task word: the first prose column is the task
        roles = tuple("task" if k == next((n for n, r in enumerate(roles) if r == "other"), -1)
                      else r for k, r in enumerate(roles))
    if not any(r in UNIT_ROLES for r in roles) or "task" not in roles:
        return None
    if shape == "cells":
        rows, end = _rows_by_cell(lines, body, roles, header)
    elif shape == "run":
        rows, end = _rows_by_token(lines, body - 1, header, roles)
    else:
        rows, end = _rows_by_line(lines, body, roles)
    if not any(r.kind == "task" for r in rows):
        return None
    header_lines = tuple(x.number for x in lines[i: body])
    return TableBlock(i, end, tuple(header), roles, tuple(rows), header_lines,
                      lines[end - 1].end, lines[i])


def find_tables(lines) -> dict[int, TableBlock]:
    """Tables among the lines, keyed by the index of their header's first line."""
    found: dict[int, TableBlock] = {}
    # a header names a unit column within its first dozen lines: look only near such words
    near = [k for k, x in enumerate(lines) if UNIT_WORD.search(x.text[:400])]
    i = 0
    while i < len(lines):
        k = bisect_left(near, i)
        if k == len(near):
            break
        if near[k] - i > 12:
            i = near[k] - 12
        block = read_table(lines, i)
        if block:
            found[i] = block
            i = block.end
        else:
            i += 1
    return found


def sub_items(text: str) -> list[str]:
    """``1.明确…；2.补充…`` in one cell: the numbered sub-items (two or more), else []."""
    marks = [m for m in SUB_ITEM.finditer(text)]
    numbers = [int(m.group(1)) for m in marks]
    if len(marks) < 2 or numbers[0] != 1 or numbers != list(range(1, len(numbers) + 1)):
        return []
    cuts = [m.start() for m in marks] + [len(text)]
    return [text[cuts[k]: cuts[k + 1]].strip() for k in range(len(marks))]
