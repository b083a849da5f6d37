"""The last stage: how well the plan was read, so a plan read badly says so.

Every unit-like name standing in the plan's body (a name ending like an office, between
the marks that separate names) should end in an assignment of some task, or be accounted
for otherwise: the issuer, the leading group's roster (skipped before), the notice's
addressees. The share that did is the reading's ``coverage``; the names that did not are
``unread``; the reading is ``poor`` when most names were missed, or when the body names
units and no task was found at all.
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from ...model import Plan, Reading
from ..units import Registry, is_collective, split_level
from .clauses import LABEL_WORD
from .unitlist import OFFICE_END, is_unit_like, split_units

# Where a plan names the units responsible: a bracket (（市应急局牵头，市公安局配合）), a
# label (责任单位：…), a list before a role verb (市应急局、市公安局负责…), a line opening with
# names (县住建局：…, （1）市林业局。). Names elsewhere are narrative and not counted.
IN_BRACKETS = re.compile(r"（([^（）]{0,120}?(?:牵头|负责|配合|落实|督促|参与|协助|会同|单位：)"
                         r"[^（）]{0,120})）|（([^（）]{2,120})）(?=[。；]|$)")
AFTER_LABEL = re.compile(r"(?:责任|牵头|配合|协办|主办|参与)(?:单位|部门)：([^。；\n]{2,160})")
BEFORE_VERB = re.compile(r"(?:^|(?<=[，；：。（由]))([^，；：。（）]{2,60}?)"
                         r"(?=牵头|负责|配合|落实|督促|参与|协助|会同)")
OPENING = re.compile(r"^([^，；：。（）]{2,30})[：。]")
NAME_SEPARATORS = re.compile(r"[，；、]")
# …and any name between separators that ends like a government office
NAME = re.compile(r"(?:^|(?<=[、，；：）。由\s]))((?:(?!由)[\u4e00-\u9fff]){2,14}?"
                  r"(?:局|委员会|委|办公室|办|厅|部门|政府|指挥部|支队|大队|管委会|办事处))"
                  r"(?=[、，；：（）。\s牵负配落督参协会等和及与要应定报组向统指]|$)")
NOT_READ = ("roster", "signature", "notice", "furniture", "spam", "blank", "annex", "table_header")
POOR_BELOW = 0.5
MIN_NAMES = 4  # fewer names than this are too few to judge a reading by their share


def read_quality(plan: Plan, lines, registry: Registry) -> Reading:
    """The Reading of ``plan`` from the lines the stages read (normalised ``Line``s)."""
    not_read = NOT_READ + (("preamble",) if plan.tasks else ())  # the notice: its addressees
    skipped = {n for r in plan.coverage if r.kind in not_read
               for n in range(r.start_line, r.end_line + 1)}
    written: Counter = Counter()  # every unit-like name as written
    assigning: set = set()  # those standing where plans assign (a clause, a label, a heading)
    for line in lines:
        if line.number in skipped:
            continue
        for name, assigns in names_in(line.text):
            written[name] += 1
            if assigns:
                assigning.add(name)
    key = {name: bare(registry.canonical(name)) for name in written}  # each name once
    found: Counter = Counter()
    for name, count in written.items():
        found[key[name]] += count
    placed = {key[name] for name in assigning}
    accounted = {bare(unit) for unit in {a.unit for t in plan.tasks for a in t.assignments}}
    accounted |= {bare(a.unit) for a in plan.standing}
    accounted |= {bare(registry.canonical(m.unit)) for m in plan.roster if m.unit}
    accounted |= {bare(registry.canonical(u.name)) for u in split_units(plan.issuer or "")}
    names = [n for n in found if n]
    read = {n for n in names if n in accounted or any(n in a or a in n for a in accounted
                                                       if len(a) >= 3 and len(n) >= 3)}
    unread = tuple(sorted((n for n in names if n not in read), key=lambda n: (-found[n], n)))
    coverage = round(len(read) / len(names), 3) if names else 1.0
    placed_read = len(placed & read) / len(placed) if placed else 1.0
    poor = bool(names) and (not plan.tasks or len(placed) >= MIN_NAMES
                            and placed_read < POOR_BELOW
                            or not read and sum(found[n] for n in names) >= MIN_NAMES)
    return Reading(coverage, unread[:20], poor)


@lru_cache(maxsize=16384)  # boilerplate lines recur (a table's cells, repeated clauses)
def names_in(text: str) -> tuple[tuple[str, bool], ...]:
    """(name, whether it stands where plans assign) for the unit names in ``text``."""
    pieces = [(m.group(m.lastindex), rx is not NAME) for rx in (
        IN_BRACKETS, AFTER_LABEL, BEFORE_VERB, OPENING, NAME) for m in rx.finditer(text)]
    out = []
    for piece, assigning in pieces:
        for part in NAME_SEPARATORS.split(piece):
            units = split_units(part) if len(part) <= 40 else []
            out.extend((u.name, assigning) for u in units
                       if is_unit_like(u.name) and OFFICE_END.search(u.name)
                       and 3 <= len(u.name) <= 16 and not NOT_A_NAME.search(u.name)
                       and not LABEL_WORD.fullmatch(u.name)  # 责任单位 is a label
                       and not is_collective(u.name))  # a class (各有关部门) is no one office
    return tuple(out)


# 有关部门 names nobody; 街道, 党组 alone name no office; a label or 的 is inside a phrase
NOT_A_NAME = re.compile(r"^(各|有关|相关|其他)?(部门|单位|机构)$|^(街道|党组|管委会|编办)$|[的：]"
                        r"|(开|新|变|时|战|布|格|大|全|结|困|破)局$|(督|承|举|主|创|协|包|代|会|交)办$"
                        r"|将|把|对|向|^在|抄告|报告|组织|开展|及时|按照|根据")  # a verb: a phrase


def bare(name: str) -> str:
    """A unit's name without its level prefix (市应急管理局 and 县应急管理局 alike)."""
    return split_level(name)[1]
