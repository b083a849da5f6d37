"""Plan metadata: title, jurisdiction, year, issuer, document number, publish date.

Read from the first lines and the furniture. The jurisdiction comes only from evidence
(the title, the issuer, a place's full name in the text), never from a place name found
inside a longer word; unknown beats wrong.
"""
from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from dataclasses import dataclass

from .clean import SPAM
from ..readers.document import to_simplified

TITLE_WORDS = re.compile(r"(方案|要点|规划|计划|意见|办法|通知|细则|措施|安排|纲要|清单|分工|表|任务|"
                         r"台账|部署|决定|制度|预案|职责|规定|规则)"
                         r"([（(][^()（）]{1,12}[)）])?(\.(docx?|pdf|txt|html?))?$")  # …预案(2023版).docx
TITLE_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,4}?(自治州|自治县|市|县|区|州|盟|旗|镇|乡)(?![级委直场])")
NOTICE = re.compile(r"^关于印发《(.{4,60}?)》的通知$")  # the plan a notice issues
PLACE = re.compile(r"(自治州|自治县|市|县|区|州|盟|旗)")
ADMIN_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|特别行政区|"
                          r"地区|林区|新区|省|市|县|区|盟|旗)$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*\d+\s*号")
DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
FIVE_YEAR = re.compile(r"“?十([一二三四五六七八九])五”?")
CN_DIGITS = "一二三四五六七八九"
PUBLISHED = re.compile(r"(发布时间|发布日期|成文日期)\s*[:：]\s*(\S+)")
SOURCE = re.compile(r"(信息来源|来源|发布机构)\s*[:：]\s*([\u4e00-\u9fff]+)")
ISSUER_LINE = re.compile(r"^[\u4e00-\u9fff]{2,30}(人民政府办公室|人民政府|办公室|委员会|管理局|指挥部|"
                         r"办公厅)$")


@dataclass(frozen=True)
class Metadata:
    title: str = ""
    jurisdiction: str = ""
    year: int | None = None
    issuer: str = ""
    document_number: str = ""
    publish_date: str = ""


def read_metadata(raw_lines, cleaned) -> Metadata:
    """Metadata from the raw lines (furniture included) and the cleaned lines."""
    head = [line.text for line in cleaned.lines[:25]]
    raw_head = [SPAM.sub("", to_simplified(r.strip())) for r in list(raw_lines)[:40]]
    all_text = "\n".join(line.text for line in cleaned.lines)
    title = find_title(head, "")
    issuers = [m.group(2) for m in (SOURCE.search(t) for t in raw_head) if m] + [
        t for t in head + [x.text for x in cleaned.lines[-6:]]
        if ISSUER_LINE.match(t)]
    jurisdiction = find_jurisdiction(title, issuers, head, all_text)
    title = find_title(head, jurisdiction)
    number = next((m for m in (DOC_NUMBER.fullmatch(t) for t in head) if m), None) or next(
        (m for m in (DOC_NUMBER.search(t) for t in raw_head if re.match(r"(发文字号|文号)", t))
         if m), None)
    published = next((m.group(2) for m in (PUBLISHED.search(t) for t in raw_head) if m), "")
    published = published or next((t for t in head if DATE.fullmatch(t)), "")  # the signature date
    if published:
        date = DATE.search(published)
        published = f"{date.group(1)}-{int(date.group(2)):02d}-{int(date.group(3)):02d}" if date else published
    issuer = next((m.group(2) for m in (SOURCE.search(t) for t in raw_head) if m), "")
    if not issuer or not PLACE.search(issuer):
        issuer = next((t for t in head if ISSUER_LINE.match(t)), issuer)
    return Metadata(title=title, jurisdiction=jurisdiction,
                    year=find_year(title, number, published, all_text),
                    issuer=issuer, document_number=number.group(0) if number else "",
                    publish_date=published)


@lru_cache(maxsize=1)
def _divisions() -> tuple[dict[str, str], dict[str, int]]:
    """China's provinces, cities and counties from the administrative-division table the
    cpca package ships (read as a file: importing cpca would load pandas for nothing):
    short and full names -> full name, and full name -> level (0 province, 1 city,
    2 county or district, from the adcode)."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return {}, {}
    table = Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"
    names: dict[str, str] = {}
    levels: dict[str, int] = {}
    with table.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            full, code = row["name"], row["adcode"]
            levels.setdefault(full, 0 if code[2:6] == "0000" else 1 if code[4:6] == "00" else 2)
            if len(full) < 3:
                continue
            names.setdefault(full, full)
            short = ADMIN_SUFFIX.sub("", full)
            if len(short) >= 2 and short != full:
                names.setdefault(short, full)
    return names, levels


def _gazetteer() -> dict[str, str]:
    return _divisions()[0]


def find_jurisdiction(title: str, issuers, head, all_text: str) -> str:
    """The plan's place, only from evidence: the place its title opens with, else the place
    its issuer or signature names, else a place's full name (沈阳市, 海原县) the text uses
    at least twice or in its first lines. A short name inside a longer word (会同 in 会同
    各部门, 资源 in 自然资源局, 公安 in 公安局) is never a place: unknown beats wrong."""
    gazetteer = _gazetteer()
    if not gazetteer:
        return ""
    for text in [title, *issuers]:
        place = opening_place(text, gazetteer)
        if place:
            return place
    full = Counter(full_names_in(all_text))
    in_head = set(full_names_in("\n".join(head[:8])))
    score = {name: 2 * count + all_text.count(ADMIN_SUFFIX.sub("", name)) - count
             for name, count in full.items()}  # its short name counts once the full one stood
    level = _divisions()[1]
    ranked = sorted(score, key=lambda n: (-score[n], level.get(n, 9), n))
    good = [n for n in ranked if score[n] >= 3 or n in in_head or len(ranked) == 1]
    return good[0] if good else ""


def opening_place(text: str, gazetteer) -> str:
    """The place a title or an issuer opens with (怀化市…, 怀化2021…, 中共金乡县委…), or ""."""
    text = re.sub(r"^(中共|中国共产党)", "", text)
    opening = [name for name in full_names_in(text[:12]) if text.startswith(name)]
    if opening:
        return max(opening, key=len)
    named = TITLE_PLACE.match(text)  # a place the gazetteer does not know (new, renamed)
    if named:
        return named.group(0)
    for size in (4, 3, 2):  # a short name (怀化) followed by no office word
        short = text[:size]
        if short in gazetteer and gazetteer[short] != short and re.match(
                r"[\d（(““《\s]|20|关于|市|县|区", text[size:size + 2] or "x"):
            return gazetteer[short]
    return ""


BEFORE_NO_PLACE = set("局委办部厅队院所站室心")  # 县应急局会同县公安局: 会同 is a verb there
AFTER_NO_PLACE = set("场民域间块位级委")  # 市场, 区域, 县域, 县级: the suffix starts a word


def full_names_in(text: str) -> list[str]:
    """Every full place name (沈阳市, 海原县) standing in ``text`` as a name: not where its
    suffix starts a longer word, nor right after a unit's name. Aho–Corasick: one pass."""
    gazetteer, out = _gazetteer(), []
    for end, name in _automaton().iter(text):
        start = end - len(name) + 1
        after = text[end + 1: end + 3]
        if gazetteer[name] != name or (start and text[start - 1] in BEFORE_NO_PLACE) or (
                after[:1] in AFTER_NO_PLACE or after[:1] == "政" and after != "政府"):
            continue
        out.append(name)
    return out


@lru_cache(maxsize=1)
def _automaton():
    """Aho–Corasick over every full place name."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, full in _gazetteer().items():
        if name == full:
            automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def find_title(head, jurisdiction: str) -> str:
    candidates = [t for t in head if 5 <= len(t) <= 60 and TITLE_WORDS.search(t)
                  and not t.startswith("关于印发") and "〔" not in t]
    stem = jurisdiction[:-1] if jurisdiction else ""
    named = [t for t in candidates if stem and stem in t]
    notices = [m.group(1) for t in head for m in [NOTICE.search(t)] if m]
    title = re.sub(r"\.(docx?|pdf|txt|html?)$", "", (named or candidates or notices or [""])[0])
    if stem and title.startswith(stem) and not PLACE.match(title[len(stem):]):
        title = jurisdiction + title[len(stem):]
    return title


def find_year(title: str, number, published: str, all_text: str) -> int | None:
    m = re.search(r"(20\d\d|19\d\d)\s*年", title)
    if m:
        return int(m.group(1))
    m = FIVE_YEAR.search(title)
    if m:  # the n-th five-year plan starts in 1966 + 5 (n - 3), from the third on
        return 1966 + 5 * (10 + CN_DIGITS.index(m.group(1)) + 1 - 3)
    if number:
        return int(number.group(1))
    if published[:4].isdigit():
        return int(published[:4])
    m = re.search(r"(20\d\d)\s*年", all_text)
    return int(m.group(1)) if m else None
