"""Task-division tables that reached the text flattened.

Three shapes: pipe tables (``| 工作任务 | 牵头单位 | 配合单位 |``, also what the Excel, Word
and HTML readers emit), a row a line with cells separated by spaces, and one cell a line
(a web page's table copied as text). The header row says which column is what.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .document import to_simplified

COLUMN_WORDS = [  # (column role, header words); the first role a header cell matches wins
    ("number", r"^(序号|编号|序|No\.?)$"),
    ("leader", r"领导"),
    ("support", r"配合|协同|协办|参与|协作"),
    ("lead", r"牵头|责任单位|责任部门|责任主体|主体|主办|负责单位|承办|实施单位|主责"),
    ("deadline", r"时限|时间|进度|期限"),
    ("task", r"任务|内容|措施|事项|要求|重点工作|项目|工作"),
]
HEADER_WORD = re.compile("|".join(p for _, p in COLUMN_WORDS) + r"|指标|目标|性质|备注|类别|名称|单位")
PIPE = re.compile(r"^\s*[|｜]")
RULE = re.compile(r"^[\s|｜:：\-—=+]+$")
ROW_NUMBER = re.compile(r"^\d{1,3}$")


@dataclass(frozen=True)
class TableBlock:
    start: int  # index of the header line among the clean lines
    end: int  # index after the last line of the table
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    row_lines: tuple[int, ...]  # source line number of each row
    columns: tuple[tuple[str, int], ...]  # (column role, index)

    def column(self, role: str) -> int | None:
        return next((i for r, i in self.columns if r == role), None)

    @property
    def is_task_table(self) -> bool:
        roles = {r for r, _ in self.columns}
        return "task" in roles and bool(roles & {"lead", "support"})


def classify_columns(header) -> tuple[tuple[str, int], ...]:
    out, used = [], set()
    for index, cell in enumerate(header):
        cell = to_simplified(cell).replace(" ", "")
        for role, pattern in COLUMN_WORDS:
            if re.search(pattern, cell) and role not in used:
                out.append((role, index))
                used.add(role)
                break
    return tuple(out)


def find_tables(lines) -> dict[int, TableBlock]:
    """Tables among the clean lines, keyed by the index of their first line."""
    found: dict[int, TableBlock] = {}
    i = 0
    while i < len(lines):
        block = _pipe_table(lines, i) or _cell_table(lines, i) or _space_table(lines, i)
        if block:
            found[i] = block
            i = block.end
        else:
            i += 1
    return found


def _split_pipe(text: str) -> list[str]:
    """Cells of a pipe row; a row opened with | keeps ｜ inside its cells (and the reverse)."""
    bar = text.strip()[0]
    return [c.strip() for c in text.strip().strip(bar).split(bar)]


def _pipe_table(lines, i) -> TableBlock | None:
    if not PIPE.match(lines[i].text):
        return None
    j = i
    while j < len(lines) and PIPE.match(lines[j].text):
        j += 1
    rows = [(_split_pipe(lines[k].text), lines[k].number) for k in range(i, j)
            if not RULE.match(lines[k].text)]
    if len(rows) < 2:
        return None
    header = tuple(rows[0][0])
    body = [(tuple(cells + [""] * (len(header) - len(cells)))[: len(header)], n)
            for cells, n in rows[1:]]
    return TableBlock(i, j, header, tuple(r for r, _ in body), tuple(n for _, n in body),
                      classify_columns(header))


def _cell_table(lines, i) -> TableBlock | None:
    """One cell a line: short header cells, then rows that each start with their number."""
    j = i
    while j < len(lines) and len(lines[j].text) <= 12 and not ROW_NUMBER.match(lines[j].text) \
            and not re.search(r"[。，；]", lines[j].text):
        j += 1
    ncols = j - i
    if ncols < 3 or j >= len(lines) or lines[j].text != "1":
        return None
    header = tuple(lines[k].text for k in range(i, j))
    if sum(1 for h in header if HEADER_WORD.search(to_simplified(h))) < 2:
        return None
    rows, row_lines, k, expected = [], [], j, 1
    while k + ncols <= len(lines) and lines[k].text == str(expected):
        rows.append(tuple(lines[m].text for m in range(k, k + ncols)))
        row_lines.append(lines[k].number)
        k += ncols
        expected += 1
    return TableBlock(i, k, header, tuple(rows), tuple(row_lines), classify_columns(header))


def _space_table(lines, i) -> TableBlock | None:
    """A row a line, cells separated by spaces, under a header of column words."""
    header = lines[i].text.split()
    if len(header) < 3 or any(len(h) > 10 for h in header):
        return None
    columns = classify_columns(header)
    if not TableBlock(0, 0, (), (), (), columns).is_task_table:
        return None
    task_col = next(ix for r, ix in columns if r == "task")
    rows, row_lines, k = [], [], i + 1
    while k < len(lines):
        cells = lines[k].text.split()
        if len(cells) < len(header) - 1 or match_block_start(lines[k].text):
            break
        extra = len(cells) - len(header)
        if extra > 0:  # spaces inside the task text: give them back to its column
            cells = cells[:task_col] + [" ".join(cells[task_col: task_col + extra + 1])] \
                + cells[task_col + extra + 1:]
        rows.append(tuple(cells + [""] * (len(header) - len(cells))))
        row_lines.append(lines[k].number)
        k += 1
    if not rows:
        return None
    return TableBlock(i, k, tuple(header), tuple(rows), tuple(row_lines), columns)


def match_block_start(text: str) -> bool:
    return bool(re.match(r"^(第[一二三四五六七八九十]+章|[一二三四五六七八九十]+、)", text))
