"""Plan metadata: title, jurisdiction, year, issuer, document number, publish date.

Read from the first lines and the furniture. The jurisdiction comes only from evidence
(the title, the issuer or signature, a province's document number, a place's full name
at the level the plan speaks as, a place prefixing its units), never from a place name
found inside a longer word; unknown beats wrong.
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
from ..grammar.numerals import to_int
from ..readers.document import to_simplified

TITLE_WORDS = re.compile(r"(方案|要点|规划|计划|意见|办法|通知|细则|措施|安排|纲要|清单|分工|表|任务|"
                         r"台账|部署|决定|制度|预案|职责|规定|规则)"
                         r"([（(][^()（）]{1,12}[)）])?(\.(docx?|pdf|txt|html?))?$")  # …预案(2023版).docx
TITLE_PLACE = re.compile(r"^(?![全我本各该此])((?:(?!某)[\u4e00-\u9fff]){1,4}?(?:自治州|自治县|市|县|区|州|盟|旗|镇|乡))"
                         r"(?=关于|人民政府|政府|党委|委员会|[省市县区镇乡]委|[\d（(“《]|20)")  # 卢市镇关于…, not 某市
SHORT_OPENS = re.compile(r"[\d（(“《\s]|关于|市|县|区")  # 怀化2021年…, 怀化关于…
LEADING = re.compile(r"^(中共|中国共产党|(19|20)\d\d\s*年度?)")  # 中共金乡县委, 2025年浙江省…
NOTICE = re.compile(r"^关于印发《(.{4,60}?)》的通知$")  # the plan a notice issues
PLACE = re.compile(r"(自治州|自治县|市|县|区|州|盟|旗)")
ADMIN_SUFFIX = re.compile(r"(维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|特别行政区|"
                          r"地区|林区|新区|省|市|县|区|盟|旗)$")
DOC_NUMBER = re.compile(r"[\u4e00-\u9fff]{1,10}[〔\[［(（【]\s*(\d{4})\s*[〕\]］)）】]\s*\d+\s*号")
DATE = re.compile(r"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?")
FIVE_YEAR = re.compile(r"“?(十[一二三四五六七八九])五”?")  # 十四五: the fourteenth
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


@dataclass(frozen=True)
class Divisions:
    """China's provinces, cities and counties, from the administrative-division table the
    cpca package ships (read as a file: importing cpca would load pandas for nothing)."""
    names: dict[str, str]  # short and full names -> full name (沈阳, 沈阳市 -> 沈阳市)
    above: dict[str, frozenset[str]]  # full name -> the full names of the divisions above it
    shorts: dict[str, tuple[str, ...]]  # short name -> every full name it may stand for


@lru_cache(maxsize=1)
def _divisions() -> Divisions:
    """The division table, read once; empty where cpca is not installed."""
    spec = importlib.util.find_spec("cpca")
    if spec is None or not spec.submodule_search_locations:
        return Divisions({}, {}, {})
    table = Path(spec.submodule_search_locations[0]) / "resources" / "adcodes.csv"
    with table.open(encoding="utf-8") as fh:  # 市辖区, 省直辖县级行政区划: groupings, not places
        rows = [(r["adcode"], r["name"]) for r in csv.DictReader(fh) if "辖" not in r["name"]]
    by_code = dict(rows)
    names: dict[str, str] = {}
    above: dict[str, set[str]] = {}
    shorts: dict[str, list[str]] = {}
    for code, full in rows:
        parents = {by_code.get(code[:2] + "0" * 10), by_code.get(code[:4] + "0" * 8)}
        above.setdefault(full, set()).update(p for p in parents if p and p != full)
        if len(full) < 3:
            continue
        names.setdefault(full, full)
        short = ADMIN_SUFFIX.sub("", full)
        if len(short) >= 2 and short != full:
            names.setdefault(short, full)
            shorts.setdefault(short, []).append(full)
    return Divisions(names, {k: frozenset(v) for k, v in above.items()},
                     {k: tuple(dict.fromkeys(v)) for k, v in shorts.items()})


def _gazetteer() -> dict[str, str]:
    return _divisions().names


SELF_LEVEL = re.compile(r"[我全本]([省市县区州盟旗镇乡])(?![场民域间块位级委])")  # 我市, 全县, 本区
UNIT_LEVEL = re.compile(r"(?:(?<![\u4e00-\u9fff])|(?<=年))([省市县区])(?![场民域级内外直辖]|政(?!府))"
                        r"(?=[\u4e00-\u9fff]{0,8}?([局委厅办]|政府))")  # 市应急局, 县委, 省局, 区政府
ISSUED = re.compile(r"(?:印发|现将)《([^《》]{4,60})》")  # 关于印发《X》的通知, 现将《X》印发给你们
OWN_NUMBER = re.compile(r"(?:^|(?<![》>〉])[(（\s])([\u4e00-\u9fff]{1,8})[〔\[［(（【]\s*\d{4}\s*[〕\]］)）】]"
                        r"\s*\d+\s*号")  # 粤安监〔2010〕93号 opening a line or after the title
PROVINCES = dict(zip("冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川蜀贵黔云滇陕秦甘陇青", (
    "河北省 山西省 辽宁省 吉林省 黑龙江省 江苏省 浙江省 安徽省 福建省 江西省 山东省 河南省 湖北省 "
    "湖南省 广东省 海南省 四川省 四川省 贵州省 贵州省 云南省 云南省 陕西省 陕西省 甘肃省 甘肃省 "
    "青海省").split()))  # the one character a province signs its documents with (粤府, 鲁政办字);
#  municipalities and autonomous regions speak of themselves as 全市, 全区, as cities do


OPENING_CHARS = 200_000  # about 100 pages: where a plan says what it is for; a 50 MB plan's
#                          tables add only time (the place scan costs ~0.5 µs a character)


def find_jurisdiction(title: str, issuers, head, all_text: str) -> str:
    """The plan's place, only from evidence, most specific first found:

    1. declared: the place its title, the plan a notice issues (《…》), or its issuer or
       signature opens with (池州市贵池区… gives 贵池区, the place the plan is for);
    2. a province's document number (粤安监〔2010〕93号) in a plan that speaks as a province;
    3. a place's full name in the text, at the level the plan speaks of itself (我市, 全县,
       市X局): a province in a city's plan is one it cites, a county one it assigns work to;
    4. the place whose short name prefixes the units it lists (莆田出入境检验检疫局);
    3 and 4 read in the plan's first ``OPENING_CHARS`` characters.

    A short name inside a longer word (会同 in 会同各部门, 资源 in 自然资源局, 公安 in
    公安局) is never a place: unknown beats wrong."""
    if not _gazetteer():
        return ""
    issued = [m.group(1) for line in head for m in ISSUED.finditer(line)]
    for text in [title, *issued, *issuers]:
        place = opening_place(text)
        if place:
            return place
    opening = all_text[:OPENING_CHARS]
    level = plan_level(opening)
    if level in ("镇", "乡"):
        return ""  # towns are not in the table: a county or city it names is its superior
    mentions = place_mentions(opening)
    return (numbered_province(head, level) or body_place(mentions, opening, head, level)
            or unit_prefix_place(mentions, level))


def plan_level(text: str) -> str:
    """The level the plan speaks as (市 from 我市, 全市, 市应急局), or "" where none stands out.
    Speaking of itself (我市) weighs more than naming its units (a county names the city's)."""
    votes = Counter()
    for m in SELF_LEVEL.finditer(text):
        votes[m.group(1)] += 3
    for m in UNIT_LEVEL.finditer(text):
        votes[m.group(1)] += 1
    ranked = votes.most_common(2)
    if not ranked or len(ranked) == 2 and ranked[1][1] == ranked[0][1]:
        return ""
    return ranked[0][0]


def numbered_province(head, level: str) -> str:
    """The province whose one-character name opens the plan's own document number, in a plan
    that speaks as a province (粤安监〔2010〕93号); a city uses its own characters (许政)."""
    if level != "省":
        return ""
    for line in head:
        m = OWN_NUMBER.search(line)
        if m and m.group(1)[0] in PROVINCES:
            return PROVINCES[m.group(1)[0]]
    return ""


def body_place(mentions: Mentions, all_text: str, head, level: str) -> str:
    """The place the text names most, by full name (沈阳市, 海原县), among those at the level
    the plan speaks as (or, where it says none, in its first lines); named twice, in the first
    lines, or the only one at that level. None where another of that level is named as often:
    a city's plan listing its counties is not any one county's."""
    counts = Counter(mentions.full)
    in_head = set(full_names_in("\n".join(head[:8])))
    score = {name: 2 * count + all_text.count(ADMIN_SUFFIX.sub("", name)) - count
             for name, count in counts.items()}  # its short name counts once the full one stood
    fits = sorted((n for n in score if (n[-1] == level if level else n in in_head)),
                  key=lambda n: -score[n])
    if not fits:
        return ""
    best = fits[0]
    rivals = [n for n in score if n != best and n[-1] == best[-1] and score[n] >= score[best]]
    sole = level and len(fits) == 1
    return best if not rivals and (score[best] >= 3 or best in in_head or sole) else ""


def opening_place(text: str) -> str:
    """The place a title or an issuer opens with (怀化市…, 怀化2021…, 中共金乡县委…, 2025年浙江省…),
    the most specific of a chain (山西省运城市 gives 运城市), or ""."""
    text = LEADING.sub("", text)
    gazetteer = _gazetteer()
    opening = [name for name in full_names_in(text[:12], opening=True) if text.startswith(name)]
    if opening:
        return narrowest(text, max(opening, key=len))
    named = TITLE_PLACE.match(text)  # a place the gazetteer does not know (new, renamed, a town)
    if named:
        return named.group(1)
    for size in (4, 3, 2):  # a short name (怀化) followed by no office word
        short = text[:size]
        if short in gazetteer and gazetteer[short] != short and SHORT_OPENS.match(
                text, size):
            return gazetteer[short]
    return ""


def narrowest(text: str, place: str) -> str:
    """The last place of a chain at the start of ``text``, each inside the one before it
    (重庆市沙坪坝区 -> 沙坪坝区, 溆浦县均坪镇关于 -> 均坪镇): the plan is for the most specific."""
    divisions = _divisions()
    while True:
        rest = text[len(place):]
        inner = [n for n in full_names_in(rest[:12], opening=True)
                 if rest.startswith(n) and place in divisions.above.get(n, ())]
        if not inner:
            town = TITLE_PLACE.match(rest)  # towns are not in the table
            return town.group(1) if town and town.group(1)[-1] in "镇乡" else place
        text, place = rest, max(inner, key=len)


BEFORE_NO_PLACE = set("局委办部厅队院所站室心")  # 县应急局会同县公安局: 会同 is a verb there
AFTER_NO_PLACE = set("场民域间块位级委")  # 市场, 区域, 县域, 县级: the suffix starts a word
UNIT_AFTER = re.compile(r"(?![省市县区州镇乡])(?:(?![局委办厅])[\u4e00-\u9fff]){2,10}?"
                        r"(局|公司|集团|中心|海关|管委会|警备区|支队|大队|银行|开发区|园区)")
LIST_START = set("\n \t\u3000、|:：(（)）.．0123456789")  # a unit listed, not a clause's verb


@dataclass(frozen=True)
class Mentions:
    """The places a text names: full names in order, and each short name's count as the
    place prefix of a unit (莆田出入境检验检疫局, 济南供电公司) and elsewhere (济南段)."""
    full: tuple[str, ...]
    prefixed: Counter
    loose: Counter


def place_mentions(text: str, opening: bool = False) -> Mentions:
    """Every place name in ``text``, Aho–Corasick in one pass. A full name (沈阳市, 海原县)
    counts where it stands as a name: not where its suffix starts a longer word, nor right
    after a unit's name; a place followed by one inside it (怀化市沅陵县) counts as the
    inner one. ``opening``: the head of a title or an issuer, where 县委 (金乡县委) is the
    county's and a chain (重庆市沙坪坝区) is kept whole."""
    full, prefixed, loose = [], Counter(), Counter()
    last_end, above = -2, _divisions().above
    for end, (name, is_full) in _automaton().iter(text):
        start = end - len(name) + 1
        if not is_full:
            _count_short(text, start, end, name, prefixed, loose)
        elif _stands_as_name(text, start, end, opening):
            if not opening and full and start == last_end + 1 and full[-1] in above.get(name, ()):
                full.pop()  # 怀化市 in 怀化市沅陵县: the county is the place meant
            full.append(name)
            last_end = end
    return Mentions(tuple(full), prefixed, loose)


def _stands_as_name(text: str, start: int, end: int, opening: bool) -> bool:
    """Not 会同县 in 局会同县公安局, 阳市 in 阳市场, 城区 in 城区域, 州政 in 州政务, nor
    揭阳市 in 吸取揭阳市“2·26”事故教训 (a place naming an accident elsewhere)."""
    after = text[end + 1: end + 3]
    return not ((start and text[start - 1] in BEFORE_NO_PLACE)
                or after[:1] in AFTER_NO_PLACE and not (opening and after[:1] == "委")
                or after[:1] == "政" and after != "政府"
                or after[:1] in "“\"" and after[1:].isdigit())


def _count_short(text: str, start: int, end: int, short: str, prefixed, loose) -> None:
    """A short name opening a unit's name where units are listed (7.莆田出入境检验检疫局负责,
    、济南供电公司) is a place prefix; anywhere else (公安 in 县公安局, 会同 in 会同有关部门)
    it is loose. Inside its own full name (济南 in 济南市) it is neither."""
    if any(text.startswith(f, start) for f in _divisions().shorts[short]):
        return
    if (not start or text[start - 1] in LIST_START) and UNIT_AFTER.match(text, end + 1):
        prefixed[short] += 1
    else:
        loose[short] += 1


def unit_prefix_place(mentions: Mentions, level: str) -> str:
    """The one place whose short name prefixes units (济南供电公司, 济南黄河河务局) more often
    than it stands anywhere else, at the level the plan speaks as (济南市 in a plan of
    市X局): where 公安 is a word (县公安局, 公安交警大队), it stands loose as often."""
    places = {full for short, n in mentions.prefixed.items() if n > mentions.loose[short]
              for full in _divisions().shorts[short] if level and full[-1] == level}
    return places.pop() if len(places) == 1 else ""


def full_names_in(text: str, opening: bool = False) -> list[str]:
    """The full place names standing in ``text`` as names (see ``place_mentions``)."""
    return list(place_mentions(text, opening).full)


@lru_cache(maxsize=1)
def _automaton():
    """Aho–Corasick over every place name, full (value: name, True) and short (False)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for name, full in _gazetteer().items():
        automaton.add_word(name, (name, name == full))
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
        return 1966 + 5 * (to_int(m.group(1)) - 3)
    if number:
        return int(number.group(1))
    if published[:4].isdigit():
        return int(published[:4])
    m = re.search(r"(20\d\d)\s*年", all_text)
    return int(m.group(1)) if m else None
