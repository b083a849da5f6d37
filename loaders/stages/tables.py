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
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from .clauses import read_clause
from .unitlist import is_unit_like, split_units

EDGE_BAR = re.compile(r"^\s*[|｜]|[|｜]\s*$")
EDGE_BARS = re.compile(r"^\s*[|｜]\s*|\s*[|｜]\s*$")

ROLE_WORDS = [  # (column role, header words); in a cell, the word standing first decides
    ("number", r"^(序号|编号|序|No\.?|项目编号)$"),
    ("leader", r"领导|责任人|联系人|负责人"),
    ("lead", r"牵头|主办|主责"),
    ("implement", r"责任单位|责任部门|责任主体|责任科室|责任股室|责任处室|责任清单|负责单位|承办|"
                  r"实施单位|实施主体|组织单位|主体单位|落实单位|责任$"),
    ("support", r"配合|协同|协办|参与|协作|协助|参加"),
    ("other", r"情况|说明|备注|是否|类别|性质|类型|分类|依据|成效|评价|考核|分值|得分"),
    ("deadline", r"时限|完成时间|时间|期限|进度安排|节点"),
    ("task", r"任务|内容|措施|事项|要求|工作|项目|目标|指标|实事|名称|举措|清单|重点"),
]
ROLE_PATTERNS = [(role, re.compile(pattern)) for role, pattern in ROLE_WORDS]
UNIT_ROLES = ("lead", "support", "implement")
RULE = re.compile(r"^[\s|｜:：\-—=+]+$")
NUMBER_CELL = re.compile(r"^[（(]?(\d{1,4})[)）]?[.、．]?$")
DEADLINE_CELL = re.compile(
    r"^.{0,12}(\d{1,2}\s*月|年底|年末|季度|年内|上半年|下半年|全年|长期|持续|常态|每年|每月|前$|底前|"
    r"月份|\d{4}\s*年)")
WORD_THEN_DATE = re.compile(r"^[\u4e00-\u9fff]{2,}\s+\d")  # 烟花爆竹  1月份: a topic and its month
ONGOING_CELL = re.compile(r"^(长期|持续|常态|每年|每月|每季|全年)[\u4e00-\u9fff]{0,4}$")
PERSON_CELL = re.compile(r"^([\u4e00-\u9fff]{2,4})(?:同志)?$|^[\u4e00-\u9fff]{1,4}(县长|区长|市长|"
                         r"镇长|主任|书记|局长|部长|秘书长|常委|委员)$")
HEADING_CELL = re.compile(r"^([一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十]+[)）])")
SUB_ITEM = re.compile(r"(?:^|(?<=[。；;\s]))(\d{1,2})\s*[.、．](?!\d)")
GROUP_CELL = re.compile(r"^第[一二三四五六七八九十\d]+[组队批]$")  # 第一组: a row's name
TITLE_CELL = re.compile(r"(表|方案|清单|计划|要点|附件\s*\d*)$")
ROLE_VERB = re.compile(r"牵头|负责|配合|落实|参与|协助")
UNIT_WORD = re.compile(r"牵\s*头|责\s*任|配\s*合|协\s*同|主\s*办|承\s*办|参\s*与|参\s*加|组织单位|主责|"
                       r"负责单位|实施单位|落实单位")
PIPE_SPLIT = re.compile(r"\s*[|｜]\s*")
COORDINATED = re.compile(r"(?<=..)[与和及、/](?=..)")  # 责任主体与协同单位: the first part speaks
LIST_WORD = re.compile(r"(?<=..)(清单|名称|列表|一览)$")
PROSE_MARK = re.compile(r"[。，；,;]")
SENTENCE_MARK = re.compile(r"[。；;！]")
SPACES = re.compile(r"\s+")


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


def header_role(cell: str) -> str | None:
    """The column role a header cell names, or None. Of a coordinated name (责任主体与协同
    单位) the first part speaks; 牵头 / 配合 fix the role wherever they stand (牵头责任单位);
    otherwise the head noun, the word ending last (目标类型 is a type, not a target)."""
    cell = COORDINATED.split(cell.replace(" ", ""))[0]
    cell = LIST_WORD.sub("", cell)  # 时限清单: a list of deadlines
    hits = [(m.end(), -m.start(), role) for role, pattern in ROLE_PATTERNS
            for m in pattern.finditer(cell)]  # the longest of the words ending last
    fixed = [h for h in hits if h[2] in ("lead", "support")]
    if fixed:
        return min(fixed, key=lambda h: -h[1])[2]
    return max(hits)[2] if hits else None


def classify_header(cells) -> tuple[str, ...]:
    """The role of each header cell (责任单位 is the lead unless a 牵头 column stands beside)."""
    roles = [header_role(cell) or "other" for cell in cells]
    if "lead" not in roles:  # 责任单位 alone leads; beside 牵头单位 it implements
        roles = ["lead" if r == "implement" else r for r in roles]
    return tuple(roles)


def _header_ok(cells) -> bool:
    if len(cells) < 2 or any(len(c.replace(" ", "")) > 14 for c in cells):
        return False
    roles = classify_header(cells)
    named = sum(1 for c in cells if header_role(c))
    return any(r in UNIT_ROLES for r in roles) and named >= 2 and named * 2 >= len(cells)


def _cells_of(text: str) -> list[str]:
    """Cells of a pipe line (empty ones kept, a trailing bar dropped)."""
    parts = PIPE_SPLIT.split(text.strip())
    if parts and parts[0] == "" and text.strip()[:1] in "|｜":
        parts = parts[1:]
    if parts and parts[-1] == "":
        parts = parts[:-1]
    return parts


def is_pipe_line(text: str) -> bool:
    bars = text.count("|") + text.count("｜")
    return bars >= 2 or bars == 1 and bool(EDGE_BAR.search(text))


def _bare(text: str) -> str:
    """A cell without the bars a page leaves before or after it. (A line without a bar is
    only stripped: the pattern, tried at every offset of a long line, cost more than the
    rest of the table search.)"""
    if "|" not in text and "｜" not in text:
        return text.strip()
    return EDGE_BARS.sub("", text).strip()


def _row_starts(lines, j) -> bool:
    """Line j names no column and a unit cell follows it: the first row's task cell, not one
    more header cell (a table without numbers: 工作任务 / 牵头单位 / … / 加大监管力度 / 省安监局)."""
    return (j + 1 < len(lines) and not header_role(_bare(lines[j].text))
            and cell_type(_bare(lines[j + 1].text)) == "units")


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
        if end - start >= 3 and end < len(words) and _header_ok(words[start:end]) and \
                len(words[end]) > 14:
            return words[start:end]
    return None


def find_header(lines, i):
    """(header cells, shape, index after the header) when a header starts at line i."""
    text = lines[i].text
    if is_pipe_line(text):
        cells = [c for c in _cells_of(text) if c]
        if not RULE.match(text) and _header_ok(cells):
            return cells, "pipe", i + 1
    words = text.split()
    if len(words) >= 3 and _header_ok(words) and not NUMBER_CELL.match(words[0] or "x"):
        return words, "space", i + 1
    inline = header_in_line(words)
    if inline:
        return inline, "run", i + 1
    j, cells = i, []  # one cell a line
    while j < len(lines) and len(_bare(lines[j].text).replace(" ", "")) <= 14 \
            and _bare(lines[j].text) and not NUMBER_CELL.match(_bare(lines[j].text)) \
            and not PROSE_MARK.search(lines[j].text) and not HEADING_CELL.match(lines[j].text):
        cells.append(_bare(lines[j].text))
        j += 1
        if len(cells) >= 3 and _header_ok(cells) and (not _header_ok(cells + [
                _bare(lines[j].text)] if j < len(lines) else cells) or _row_starts(lines, j)):
            break
    while len(cells) >= 3 and (not _header_ok(cells) or TITLE_CELL.search(cells[0])
                               or not header_role(cells[0]) and _header_ok(cells[1:])
                               and len(cells[0]) > 4):  # a title above the header
        cells, i = cells[1:], i + 1
    if len(cells) >= 3 and _header_ok(cells):
        after = i + len(cells)
        if after < len(lines) and not _bare(lines[after].text):
            cells.append("")  # an empty header cell of its own: the page marks every cell
        return cells, "cells", i + len(cells)
    return None


# --- what a cell looks like -----------------------------------------------------------

def cell_type(text: str) -> str:
    """number, units, person, deadline, dash, or text."""
    text = text.strip()
    if not text or text in "/／-—–无":
        return "dash"
    if NUMBER_CELL.match(text):
        return "number"
    if GROUP_CELL.match(text):
        return "text"
    simple = text
    if (DEADLINE_CELL.match(simple) and len(simple) <= 12 and not WORD_THEN_DATE.match(simple)
            or ONGOING_CELL.match(simple)):
        return "deadline"
    simple = simple.rstrip("。；;")
    parts = [p for p in SPACES.split(simple) if p]
    if not SENTENCE_MARK.search(simple) and len(simple) <= 200:
        units = [u for p in parts for u in split_units(p)]
        named = [is_unit_like(u.name) for u in units]
        if units and (all(named) or len(units) > 2 and all(named[:-1]) and len(units[-1].name) <= 2):
            return "units"  # (a list the page cut off may end in a stub: 区统计局、区)
    if PERSON_CELL.match(simple) and len(parts) == 1:
        return "person"
    if len(simple) <= 120 and ROLE_VERB.search(simple):  # 省安委办牵头，各设区市安委办落实
        reading = read_clause(simple)
        if reading.roles and reading.clean:
            return "units"
    return "text"


FIT = {  # cost of a cell of a type in a column of a role
    "number": {"number": 0, "dash": 1},
    "task": {"text": 0, "units": 0.9, "deadline": 1.6, "person": 1.5, "number": 2.5},
    "lead": {"units": 0, "dash": 0.2, "person": 2.2},
    "support": {"units": 0, "dash": 0.2, "person": 2.2},
    "implement": {"units": 0, "dash": 0.2, "person": 2.2},
    "leader": {"person": 0, "units": 1.5, "dash": 0.3, "text": 2.5},
    "deadline": {"deadline": 0, "text": 1.2, "dash": 0.3, "number": 2},
    "other": {"text": 0.3, "number": 0.4, "deadline": 0.5, "dash": 0.2, "person": 0.8,
              "units": 0.4},
}
STACK = {"lead": 0.05, "support": 0.05, "implement": 0.05, "leader": 0.4, "task": 0.8,
         "other": 0.3}
SKIP = {"number": 1.0, "task": 1.2}


def align(types: list[str], roles: tuple[str, ...]) -> list[tuple[int, int]]:
    """For each column the (first, end) of the cells it takes: the cheapest alignment.

    A column takes no cell (empty or merged: a small cost), one, or several (stacked unit
    names cost almost nothing, stacked prose more). A short row leaves out its leftmost
    (merged) task columns, and its last (empty) unit columns: a lone unit cell leads.
    """
    n, m = len(types), len(roles)
    last_task = max((j for j, r in enumerate(roles) if r == "task"), default=-1)
    inf = float("inf")
    best = [[inf] * (n + 1) for _ in range(m + 1)]
    back = [[0] * (n + 1) for _ in range(m + 1)]
    best[0][0] = 0.0
    for j, role in enumerate(roles):
        fit, stack = FIT[role], STACK.get(role, 3.0)
        skip = SKIP.get(role, 0.6) + (0.01 * j if role in ("task", "number") else -0.01 * j)
        if j == last_task:
            skip += 1.3  # the finest task column is rarely the empty one
        for i in range(n + 1):
            if best[j][i] == inf:
                continue
            if best[j][i] + skip < best[j + 1][i]:
                best[j + 1][i], back[j + 1][i] = best[j][i] + skip, i
            cost = best[j][i]
            for k in range(i, n):
                cost += fit.get(types[k], 3.0) + (stack if k > i else 0)
                if cost < best[j + 1][k + 1]:
                    best[j + 1][k + 1], back[j + 1][k + 1] = cost, i
    if n == m:  # as many cells as columns: each in its place, unless that fits much worse
        placed = sum(FIT[role].get(t, 3.0) for role, t in zip(roles, types))
        if placed <= best[m][n] + 1.0:
            return [(k, k + 1) for k in range(n)]
    spans, i = [], n
    for j in range(m, 0, -1):
        start = back[j][i] if best[j][i] < inf else i
        spans.append((start, i))
        i = start
    return spans[::-1]


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
        cells = _cells_of(text) if shape_pipe else text.split()
        if _header_ok([c for c in cells if c]) and len(cells) >= 2 and classify_header(
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
        text = _bare(lines[k].text)
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
        if [_bare(x.text).replace(" ", "") for x in lines[k: k + len(header)]] == bare_header:
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
            value, k = _bare(lines[k].text), k + 1
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
