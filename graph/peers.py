"""Peer groups: which units a unit's load is fairly compared with.

A plan names two kinds of concrete unit, and their loads are not comparable:

- ``department``: the departments and offices of the plan's own level (市直部门: 局, 委, 办,
  中心, 支队, 指挥部, 分公司 …), each holding a line of work;
- ``territorial``: the governments of the places below it and the committees that govern
  a zone as a place (county, district, township governments, 街道, development-zone and
  park committees: 人民政府, 管委会, 街道办事处, 开发区, 高新区, 园区 …), each answering
  for everything on its ground, so they are named on nearly every task.

``collective`` classes (各有关部门, 各县市区) are a third group, never judged. Within a
scope a peer group is one jurisdiction's units of one kind: ``怀化市/department``.

The kind comes from the name's morphology only (its suffix), never from a list of names.
"""
from __future__ import annotations

import re

PEER_KINDS = ("department", "territorial", "collective")

GOVERNMENT = re.compile(r"(人民政府|政府|街道办事处|街道办)$")
"""Suffixes that make a unit a place's government whatever comes before them."""

ZONE_COMMITTEE = re.compile(r"(党工委|工委|管委会|管理委员会|管委|办事处)$")
"""Suffixes of a body that may govern a zone (高新区管委会) or be an office (国资管理委员会):
territorial only when what comes before them is a place or a zone."""

PLACE = re.compile(r"(区|工业园|产业园|科技园|街道|乡|镇|县|(?<!城)市|州|旗)$")
"""Endings of a place or zone name: 区 (钟山区, 六盘水高新区, 经济开发区, 新区, 园区, 示范区,
社区 …), 工业园, 产业园, 科技园, 街道, 乡, 镇, 县, 市 (not 城市), 州, 旗."""

OFFICE_INSIDE = re.compile(r"(局|委|办|厅|部|队|站|所|院|中心|公司|会|室|处)$")


def peer_kind(name: str, collective: bool = False) -> str:
    """The peer kind of a unit, from its canonical name (see the module docstring).

    >>> peer_kind("市应急管理局"), peer_kind("六盘水高新区"), peer_kind("某某县人民政府")
    ('department', 'territorial', 'territorial')
    >>> peer_kind("市政府办"), peer_kind("市国有资产监督管理委员会"), peer_kind("高新区管委会")
    ('department', 'department', 'territorial')
    >>> peer_kind("市城市管理委员会"), peer_kind("钟山区"), peer_kind("某某街道办事处")
    ('department', 'territorial', 'territorial')
    >>> peer_kind("各有关部门", collective=True)
    'collective'
    """
    if collective:
        return "collective"
    name = re.sub(r"\(.*?\)", "", name)  # 某某县(区)人民政府: the brackets add places
    if GOVERNMENT.search(name):
        return "territorial"
    committee = ZONE_COMMITTEE.search(name)
    if committee:
        stem = name[: committee.start()]
        return "territorial" if PLACE.search(stem) and len(stem) > 1 else "department"
    if OFFICE_INSIDE.search(name):
        return "department"
    # a bare place (钟山区, 六盘水高新区) needs more than its level character (市, 区)
    return "territorial" if PLACE.search(name) and len(name) > 2 else "department"


def peer_group(jurisdiction: str, kind: str) -> str:
    """The key of one jurisdiction's units of one kind: ``怀化市/department``."""
    return f"{jurisdiction}/{kind}" if jurisdiction else kind
