"""Unit headings: the units a heading, or an item's opening, names as the holders of the
duties below it, in the forms duty lists take:

- a heading: ``一、市教育局的工作职责``, ``第七条 区公安分局工作职责：``, ``X应当…履行下列职责：``;
- an item over its duty lines: ``（1）市林业局。`` (an office's name, not a place);
- an item that opens with a name and a colon: ``（一）市安监局：履行…``;
- a titled paragraph: ``县住建局：负责…`` (an office's name, not a topic).
"""
from __future__ import annotations

import re

from .unitlist import OFFICE_END, UnitMention, is_unit_like, split_units

ORDINAL_NAME = re.compile(r"^第[一二三四五六七八九十\d]+")
GENERIC_BODY = re.compile(r"(各|有关|相关|组织|工作|领导|职能|议事|协调)?(部门|单位|机构|成员单位)")  # 部门职责,
# 组织机构: headings that name nobody
DUTY_WORDS = (r"(?:安全生产|安全|生产|消防|防汛|抗旱|森林防火|防火|应急|救援|监督管理|监管|管理|"
              r"工作|主要|具体|行业|岗位|相关)")  # 安全生产监管职责, 消防安全工作职责
HEADER_UNITS = re.compile(r"^(?P<units>[^，。；;：:]{2,60}?)(?:的)?" + DUTY_WORDS + r"*"
                          r"(?:职责|任务|分工|责任)(?:如下|清单)?[:：]?$")
DUTY_ENDING = re.compile(r"(?:职责|任务|分工|责任)(?:如下|清单|是|为)?[:：]?$")  # how both end
# X应当…履行下列消防安全职责： / X的主要职责是：: the subject holds the duties listed below
DUTY_INTRO = re.compile(r"^(?P<units>[^，。；;：:]{2,40}?)(?=应当|应|要|须|必须|负责|履行|承担|具体|的主要)"
                        r"[^。；;]{0,60}?(?:下列|以下|如下|主要)[\u4e00-\u9fff]{0,8}(?:职责|任务)"
                        r"(?:如下|是|为)?[:：]?$")


def header_units(heading: str, stem: str = "") -> list[UnitMention]:
    """The units a whole heading names as the holders of the duties below it (``市教育局的
    工作职责``, ``区公安分局工作职责：``, ``各街道办事处``), or []."""
    simple = heading.strip(" 。")
    m = (HEADER_UNITS.match(simple) or DUTY_INTRO.match(simple)) \
        if DUTY_ENDING.search(simple[-8:]) else None  # (their lazy heads, tried at length)
    text = m.group("units") if m else simple
    if not m and (len(text) > 30 or re.search(r"[（(：:，,。]", text)) or ORDINAL_NAME.match(text):
        return []  # 第一检查督导组: a group's name, not an office
    units = split_units(text, stem) if len(text) <= 60 else []
    return units if units and all(is_unit_like(u.name) and not GENERIC_BODY.fullmatch(u.name)
                                  and (m or OFFICE_END.search(u.name)) for u in units) else []
HEADER_DUTIES = re.compile(r"职责[:：]?\s*$")
DUTY_SECTION = re.compile(r"职责|职能|分工")  # 三、成员单位职责: a section of duty lists
NAME_COLON = re.compile(r"^([^，。；：]{2,30})：(?=\S)")
DUTY_START = re.compile(r"^\s*(负责|承担|牵头|主要职责|职责)")  # 县住建局：负责…


def _offices(named) -> bool:
    return all(OFFICE_END.search(u.name) for u in named)


def item_heading_units(kind: str, first_text: str, text: str, title: str, several_lines: bool,
                       outer_titles, at_top: bool, has_own: bool,
                       stem: str = "") -> list[tuple[UnitMention, str]]:
    """(unit, the words naming it) for each unit an item names as the holder of its own
    duties (see the module docstring); ``has_own``: the item's clauses already name some."""
    if kind == "titled":
        named = header_units(title, stem)
        in_duties = at_top or any(DUTY_SECTION.search(t) for t in outer_titles)
        if DUTY_START.match(text[len(title) + 1:]) or in_duties and _offices(named):
            return [(u, title) for u in named]
        return []
    out = []
    if several_lines:
        named = header_units(first_text, stem)
        if HEADER_DUTIES.search(first_text) or _offices(named):  # an office, not a place
            out = [(u, first_text) for u in named]
    opening = NAME_COLON.match(text)
    if opening and not (has_own or out):
        named = header_units(opening.group(1), stem)
        if named and _offices(named):
            out = [(u, opening.group(1)) for u in named]
    return out
