"""Inline assignments: a unit that is the grammatical subject of an action sentence.

``市应急救援总指挥部办公室牵头组织研究制定…``, ``各级和发改、住建、国土、安监等部门要…``.
Kept apart from explicit assignments (source ``inline``) in every count.
"""
from __future__ import annotations

import re

from .clauses import UnitMention, is_unit_like, split_units
from .document import to_simplified

SUBJECT = re.compile(
    r"^(?:由|请|同时|并|各级和|要求)?(?P<units>(?:[\u4e00-\u9fff、]|[（(〈][\u4e00-\u9fff、]{1,8}[）)〉]){2,40}?)"
    r"(?P<verb>要|应当|应|须|必须|负责|牵头|会同|督促|指导|组织|统筹|结合|按照|根据|依托|"
    r"围绕|参照|分别|分级|加快|加强|推动|推进|建立|制定|开展|落实|做好|抓好)")
SUPERVISE = ("督促", "指导")
GENERIC = re.compile(r"^(各级|各地|全市|全县|全区|我市|我县|本市|市县|市、县|省、市、县)$")


def find_inline(text: str, taken, stem: str = ""):
    """(mention, role, sentence, offset) for each subject unit outside the clause spans."""
    out = []
    for a, b in taken:  # clause spans are not sentences of their own
        text = text[:a] + "。" * (b - a) + text[b:]
    for m in re.finditer(r"[^。；;！？\n]+", text):
        start = m.start()
        sentence = m.group(0).strip()
        offset = start + (len(m.group(0)) - len(m.group(0).lstrip()))
        simple = to_simplified(sentence)
        sm = SUBJECT.match(simple)
        if not sm:
            continue
        role = "supervise" if sm.group("verb") in SUPERVISE else "lead"
        units = split_units(sm.group("units"), stem)
        units = [u for u in units if is_unit_like(u.name) and len(u.name) > 2
                 and not GENERIC.match(u.name)]
        if units and len(units) == len(split_units(sm.group("units"), stem)):
            out.extend((UnitMention(u.text, u.name, u.exhaustive), role, sentence, offset)
                       for u in units)
    return out
