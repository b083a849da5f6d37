"""What a flattened table's cells look like: the role a header cell names, and the type
of a body cell (a number, unit names, a person, a deadline, prose), and the cheapest
alignment of a row's cells to the header's columns (a small dynamic programme that lets a
column take no cell or several). ``tables.py`` finds the tables and reads their rows.
"""
from __future__ import annotations

import re
from functools import lru_cache

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


@lru_cache(maxsize=8192)  # the table search asks it of every short line, again and again
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


def header_ok(cells) -> bool:
    if len(cells) < 2 or any(len(c.replace(" ", "")) > 14 for c in cells):
        return False
    roles = classify_header(cells)
    named = sum(1 for c in cells if header_role(c))
    return any(r in UNIT_ROLES for r in roles) and named >= 2 and named * 2 >= len(cells)


def cells_of(text: str) -> list[str]:
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


def bare_cell(text: str) -> str:
    """A cell without the bars a page leaves before or after it. (A line without a bar is
    only stripped: the pattern, tried at every offset of a long line, cost more than the
    rest of the table search.)"""
    if "|" not in text and "｜" not in text:
        return text.strip()
    return EDGE_BARS.sub("", text).strip()


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
