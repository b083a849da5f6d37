"""Plan metadata: title, jurisdiction, year, issuer, document number, publish date.

Read from the first lines and the furniture; the jurisdiction is the place name the text
names most, so a defaced title (spam in place of the city) does not mislead it.
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
                         r"台账|部署|决定|制度)$")
NOTICE = re.compile(r"^关于印发《(.{4,60}?)》的通知$")  # the plan a notice issues
TITLE_PLACE = re.compile(r"^[\u4e00-\u9fff]{1,4}?(自治州|自治县|市|县|区|州|盟|旗)(?![级委直场])")
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
    head = [to_simplified(line.text) for line in cleaned.lines[:25]]
    raw_head = [SPAM.sub("", to_simplified(r.strip())) for r in list(raw_lines)[:40]]
    all_text = to_simplified("\n".join(line.text for line in cleaned.lines))
    title = find_title(head, "")
    named = TITLE_PLACE.match(title)
    jurisdiction = named.group(0) if named else find_jurisdiction(head, all_text)
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
def _gazetteer() -> dict[str, str]:
    """Short and full names of China's provinces, cities and counties -> full name.

    From the administrative-division table that the cpca package ships (read as a file:
    importing cpca itself would load pandas for nothing).
    """
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return {}
    table = Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"
    names: dict[str, str] = {}
    with table.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            full = row["name"]
            if len(full) < 3:
                continue
            names.setdefault(full, full)
            short = ADMIN_SUFFIX.sub("", full)
            if len(short) >= 2 and short != full:
                names.setdefault(short, full)
    return names


def find_jurisdiction(head, all_text: str) -> str:
    """The place the plan names most (full names count double, the title ten times)."""
    gazetteer = _gazetteer()
    if not gazetteer:
        return ""
    automaton = _automaton()
    counts: Counter = Counter()
    full_seen = set()
    for end, name in automaton.iter(all_text):
        start = end - len(name) + 1
        if gazetteer[name] != name and start and all_text[start - 1] in "省市县区":
            continue  # 市公安局 holds 公安 (县), not a place
        counts[gazetteer[name]] += 2 if gazetteer[name] == name else 1
        if gazetteer[name] == name:
            full_seen.add(name)
    for _, name in automaton.iter("\n".join(head[:6])):
        counts[gazetteer[name]] += 10
    ranked = [(n, c) for n, c in counts.most_common() if n in full_seen or c >= 10]
    return ranked[0][0] if ranked else ""


@lru_cache(maxsize=1)
def _automaton():
    """Aho–Corasick over every place name: one pass over the text finds them all."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name in _gazetteer():
        automaton.add_word(name, name)
    automaton.make_automaton()
    return automaton


def find_title(head, jurisdiction: str) -> str:
    candidates = [t for t in head if 5 <= len(t) <= 60 and TITLE_WORDS.search(t)
                  and not t.startswith("关于印发") and "〔" not in t]
    stem = jurisdiction[:-1] if jurisdiction else ""
    named = [t for t in candidates if stem and stem in t]
    notices = [m.group(1) for t in head for m in [NOTICE.search(t)] if m]
    title = (named or candidates or notices or [""])[0]
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
