"""Inline assignments: a unit that the text of a task itself sets to work.

The grammatical subject of an action sentence (``市应急救援总指挥部办公室牵头组织…``,
``各负有安全监管执法职责的部门每季度向…报送``), and the unit a sentence urges or backs
(``督促相关部门构建…``: it implements; ``配合水利局统筹推进…``: it leads). Kept apart from
explicit assignments (source ``inline``) in every count.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .unitlist import UnitMention, is_unit_like, split_units
from ..units import is_collective

SUBJECT = re.compile(
    r"^(?:由|请|同时|并|各级和|要求)?(?P<units>(?:[\u4e00-\u9fff、]|[（(〈][\u4e00-\u9fff、]{1,8}[）)〉]){2,40}?)"
    r"(?:每(?:半年|[年季月周])度?|定期|及时|切实|积极|全面|进一步|统一|共同)?"
    r"(?P<verb>要(?!求)|应当|应(?!急|用|对)|须|必须|负责|牵头|会同|督促|指导|组织|统筹|结合|按照|根据|依托|"
    r"围绕|参照|分别|分级|加快|加强|推动|推进|建立|制定|开展|落实|做好|抓好|向|报送|编制|研究|完成)")
SUPERVISE = ("督促", "指导")
OBJECT = re.compile(  # 督促相关部门构建… / 配合水利局统筹推进…
    r"(?P<verb>督促|鼓励|协调|支持|指导|要求|动员|配合|协助)(?:和督促|和指导)?"
    r"(?P<units>(?:各|相关|有关|市直|县直)?[\u4e00-\u9fff]{0,12}?(?:部门|单位|局|委|办|政府|队|中心))"
    r"(?=[\u4e00-\u9fff]{2})(?![等员伍公室])")
NOT_A_SUBJECT = re.compile(
    r"^(建立|建设|成立|推动|推进|加强|根据|按照|督促|鼓励|支持|统筹|配合|协调|对|在|将|把|以|为|加快|"
    r"完善|健全|实施|开展|组织|落实|深化|强化|提升|提高|做好|抓好|坚持|积极|进一步|全面|切实|不断|着力|"
    r"大力|依法|严格|重点|及时|确保|推广|引导|发挥|利用|依托|结合|围绕|参照|通过|从|向|与|和|由于|"
    r"针对|按|经|凡|各类|所有|新)")
GENERIC = re.compile(r"^(各级|各地|全市|全县|全区|我市|我县|本市|市县|市、县|省、市、县)$")


ABBREVIATED = re.compile(  # 发改、住建、国土、安监等部门要…: departments by their short stems
    r"(?:各级和|各级)?(?P<stems>(?:[\u4e00-\u9fff]{2}、)+[\u4e00-\u9fff]{2})等?(?:有关|相关)?部门"
    r"(?:(?:及|和)(?P<more>[\u4e00-\u9fff]{2,10}部门))?(?:要|应|须|负责|按照|根据)")


PIECE_END = re.compile(r"[。；;！？\n，,]")  # a sentence's pieces end at stops and commas
# 由 marks the agent wherever it stands (整改结果由县安委办（县安监局）组织复查): the units
# after it, up to an office's ending (and a bracketed other name), lead
AGENT = re.compile(r"(?:^|(?<=[\u4e00-\u9fff]))由(?P<units>[^，。；：由]{2,40}?"
                   r"(?:局|委|办|厅|部门|政府|单位|中心|支队|大队|管委会|办事处|指挥部)"
                   r"(?:（[^（）]{2,16}）)?)(?=[\u4e00-\u9fff])(?!相关|有关|所属|直属|[各办局委室会队厅部处所站心])")


def find_inline(text: str, taken, stem: str = "", level: str = ""):
    """(mention, role, sentence, offset) for each subject unit outside the clause spans;
    ``level`` (市, 县 …) prefixes departments named by their short stems."""
    out = []
    for start, end in _outside(taken, len(text)):
        at = start  # where the piece starts
        for piece in PIECE_END.split(text[start:end]):
            sentence = piece.strip()
            found = sentence and units_in(sentence, stem, level)
            if found:
                offset = at + len(piece) - len(piece.lstrip())
                out.extend((u, role, sentence, offset) for u, role in found)
            at += len(piece) + 1
    return out


def _outside(taken, length: int):
    """(start, end) of the stretches of the text outside the clause spans: a clause is not
    a sentence of its own, and the text on either side of it ends there."""
    last = 0
    for a, b in sorted(taken):
        a = max(a, last)
        if b > a:
            yield last, a
            last = b
    yield last, length


@lru_cache(maxsize=16384)  # boilerplate sentences recur (各地各部门要…)
def units_in(sentence: str, stem: str, level: str) -> tuple[tuple[UnitMention, str], ...]:
    """(unit, role) for each unit a sentence sets to work: those it urges or backs, then
    departments by their short stems, else its subject, else the agent after 由."""
    out = []
    for om in OBJECT.finditer(sentence):
        role = "lead" if om.group("verb") in ("配合", "协助") else "implement"
        out.extend((UnitMention(u.text, u.name, u.exhaustive), role)
                   for u in split_units(om.group("units"), stem)
                   if is_unit_like(u.name) and not NOT_A_SUBJECT.match(u.name)
                   and "的" not in u.name)
    am = ABBREVIATED.match(sentence)
    if am:  # 发改 -> 县发改局: the registry folds it into its full name
        out.extend((UnitMention(s, f"{level}{s}局"), "lead") for s in am.group("stems").split("、"))
        if am.group("more"):
            out.append((UnitMention(am.group("more"), am.group("more")), "lead"))
        return tuple(out)
    return tuple(out) + (subjects(sentence, stem)
                         or tuple((u, "lead") for u in agents(sentence, stem)))


ROLE_INSIDE = re.compile(r"会同|牵头|配合|协助|负责")


def subjects(sentence: str, stem: str) -> tuple[tuple[UnitMention, str], ...]:
    """(unit, role) for the units a sentence opens with as its subject, when all of them
    are units (县应急局牵头组织…: lead; X督促…: supervise)."""
    sm = SUBJECT.match(sentence)
    if not sm or NOT_A_SUBJECT.match(sm.group("units")):
        return ()
    role = "supervise" if sm.group("verb") in SUPERVISE else "lead"
    listed = split_units(sm.group("units"), stem)
    units = [u for u in listed if is_unit_like(u.name) and not GENERIC.match(u.name)
             and "的" not in u.name and (len(u.name) > 2 or is_collective(u.name))]
    if not units or len(units) != len(listed):
        return ()
    return tuple((UnitMention(u.text, u.name, u.exhaustive), role) for u in units)


def agents(sentence: str, stem: str) -> tuple[UnitMention, ...]:
    """The units 由 names as the agent inside a sentence, when all of them are units."""
    m = AGENT.search(sentence) if "由" in sentence else None
    if not m or ROLE_INSIDE.search(m.group("units")):
        return ()  # (由X会同Y…: the clause grammar's, not an agent alone)
    units = split_units(m.group("units"), stem)
    named = [UnitMention(u.text, u.name, u.exhaustive) for u in units
             if is_unit_like(u.name) and not GENERIC.match(u.name) and "的" not in u.name]
    return tuple(named) if named and len(named) == len(units) else ()
