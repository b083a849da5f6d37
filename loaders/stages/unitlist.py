"""Unit names in a list as plans write them: what looks like a unit, and how a list splits.

A list shares its level prefix (``市公安局、交通运输局``), its owner (``市政府各部门、各直属
机构``) or its body (``示范区、高新区党工委和管委会``); combined names split (``市、县级X``);
bodies named as one stay whole (``党委和人民政府``). A unit must look like a unit: an
office's ending, and not a phrase that happens to end like one (``打造安全韧性城市``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


UNIT_END = re.compile(
    r"(局|委|办|厅|部|院|队|所|站|中心|公司|政府|单位|部门|机关|机构|委员会|会|组|室|校|团|"
    r"社|馆|处|行|街道|乡镇|镇|乡|区|县|市|州|指挥部|党委|党组|企业|集团|银行|分行|支行|"
    r"分局|协会|工会|法院|检察院|办事处|管委会|学院|片区|园区|村|社区|居委会|街|署|台|联|协|"
    r"厂|矿|场|中队|分队|科|股|处室|科室|园|段|专班|海关|基地|^各地)$")
# Narrower than clauses.UNIT_END: no place words (区, 县, 园区), so a closing bracket of
# place names, e.g. （集中区）, is not read as the units responsible.
OFFICE_END = re.compile(r"(局|委|办|厅|部|队|中心|政府|单位|部门|指挥部|公司|院|(?<!场)所|站|处|办公室|"
                        r"委员会|机关|机构|党委|党组|街道|乡镇|团|会|室|社|馆|行|"
                        r"军分区|警备区)$")  # a military district is a command, not a place
UNIT_START_OK = re.compile(r"^[\u4e00-\u9fff]")
LEVELS = r"(?:省级|市级|县级|区级|乡级|镇级|省|市|县|区|乡|镇)"
BARE_LEVEL = re.compile(rf"^{LEVELS}$")
STACKED_LEVELS = re.compile(r"^(省|市|县)((?:县|区|乡|镇)(?:级|两级|三级)?)(?=[\u4e00-\u9fff]{2})")
HAS_LEVEL = re.compile(rf"^{LEVELS}(?!委|场|民|直属|政府)")
NOT_EXHAUSTIVE = re.compile(r"等([^、，,]{0,24}?(部门|单位|机构))?$")
JOINERS = re.compile(r"(以及|及其|和|及|与|暨)")
JOINED_LEVELS = re.compile(r"^(省|市|县|区|乡|镇)(和|及|与)(省|市|县|区|乡|镇)$")
ALIAS_NOTE = re.compile(r"[(（](以下|下文)?(简称|下称)[^()（）]{1,20}[)）]")  # X（简称Y）: X
LEADING_WORD = re.compile(r"^(由|请|是|为|即)")
KIND_IN_BRACKETS = re.compile(r"[（(](单位|部门|单位、部门)[)）]$")
SPACES = re.compile(r"\s+")
LEVEL_TIERS = re.compile(rf"^({LEVELS})(两级|三级)")
PLACE_CHAR = re.compile(r"[省市县区乡镇]")
PLACE_FREE_WORDS = re.compile(r"市场|城市|城乡|乡村|社区|区域|市政|市容|县域|都市|超市|镇村")


def has_place(name: str) -> bool:
    """A place character outside words that only hold one (市场监管局 names no place)."""
    return bool(PLACE_CHAR.search(PLACE_FREE_WORDS.sub("", name)))
CLASS_START = re.compile(r"^(各|有关|相关|其他|负有)")
PARTY_PREFIX = re.compile(r"^(省|市|县|区)委(?=[\u4e00-\u9fff]{2})")
PARTY_ORGAN = re.compile(r"(组织部|宣传部|统战部|政法委|编办|党校|办公室|巡察办|网信办|农办)$")
DEPT_FOR_PREFIX = re.compile(r"(局|委|办|厅|部|支队|大队|中心|院|站|所|室)$")


@dataclass(frozen=True)
class UnitMention:
    text: str  # as written (brackets and script as in the source)
    name: str  # simplified, with the level prefix it shares with its list
    exhaustive: bool = True


# A phrase, not a name: it opens with an action verb or adverb (打造安全韧性城市, 倒逼企业,
# 明确高危行业企业), holds a clause word (审批权限一律由投资管理部门), or ends in a word that
# only looks like an office's suffix (良好开局, 总体格局, 社会).
PHRASE_START = re.compile(
    r"^(打造|倒逼|联合|明确|确保|推进|加强|推动|开展|建立|分级|分类|分层|分片|实施|完成|提升|强化|落实|做好|抓好|深化|"
    r"健全|完善|加快|严格|全面|坚持|持续|积极|切实|进一步|依法|引导|鼓励|督促|按照|根据|通过|围绕|"
    r"聚焦|压实|夯实|守住|保持|防范|防止|整治|排查|优化|创建|打好|打赢|扎实|稳步|大力|着力|努力|"
    r"不断|逐步|认真|要求|构建|形成|推行|探索|筑牢|压紧|召开|印发|制定|出台|配合|会同|牵头|负责|"
    r"参与|协助|成立|设立|组建|听取|抽查|查阅|了解|其(?!他|它|余)|同级|上级|本级)")  # 其…, 同级…: relative
PHRASE_INSIDE = re.compile(r"一律|(?<!自)由|通过|(?:\d+|[一两三四五六七八九十几每某])个|的[\u4e00-\u9fff]{0,3}(工作|任务)|[，。；;！？]"
                           r"|^(家庭|个人|群众|公民|市民|游客)(?:$|[和与及、])")  # people are never units
FALSE_SUFFIX = re.compile(r"(开局|格局|布局|大局|全局|结局|会议|大会|机会|社会|体会|"
                          r"都会|峰会|年会|例会|盛会)$")


def without_trailing_brackets(name: str) -> str:
    """The name without the bracket closing it (市应急局（牵头）→ 市应急局): from the first
    opening bracket after the last closing one before the end. Linear in the name (a
    pattern searched from every opening bracket was quadratic on a run of them)."""
    if not name or name[-1] not in ")）〉":
        return name
    before = max(name.rfind(c, 0, len(name) - 1) for c in ")）〉")
    opens = [k for k in (name.find(c, before + 1, len(name) - 1) for c in "(（〈") if k >= 0]
    return name[:min(opens)] if opens else name


@lru_cache(maxsize=65536)  # a plan names the same offices again and again
def is_unit_like(name: str) -> bool:
    """Ends like an office (局, 委, 办, 政府, 单位 …), brackets after the name aside, and is
    not a phrase that happens to (see PHRASE_START)."""
    core = without_trailing_brackets(name)
    return bool(UNIT_START_OK.match(core) and 2 <= len(name) <= 40 and UNIT_END.search(core)
                and not PHRASE_START.match(core) and not PHRASE_INSIDE.search(core)
                and not FALSE_SUFFIX.search(core))



ANY_BRACKET = re.compile(r"[(（〈<《\[［【)）〉>》\]］】]")


@lru_cache(maxsize=32)
def _separators(seps: str) -> re.Pattern:
    return re.compile("[" + re.escape(seps) + "]")


def split_top(text: str, seps: str) -> list[str]:
    """Split at separators that stand outside brackets."""
    if not ANY_BRACKET.search(text):  # (the common case, without a walk over every character)
        return [p.strip() for p in _separators(seps).split(text) if p.strip()]
    parts, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch in "(（〈<《[［【":
            depth += 1
        elif ch in ")）〉>》]］】":
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


PERSON_TITLE = re.compile(r"(主要领导|主要负责同志|主要负责人|分管领导|负责同志|"  # X主要领导: X
                          r"(\d+|[一二两三四五])名[\u4e00-\u9fff]{0,4}?(领导|同志|干部|负责人))$")
EACH_PLACE = re.compile(r"^各[\u4e00-\u9fff]{0,3}[市县区](?=[\u4e00-\u9fff]{2})")  # 各设区市安委办、应急管理局
ZONE = re.compile(r"(区|园区|新区|开发区)$")
ZONE_BODY = re.compile(r"^(.+?(?:区|园区))(党工委和管委会|党工委|管委会|人民政府|政府)$")
ROUND_BRACKETS = str.maketrans("〈〉（）", "()()")
TIER_WORD = re.compile(r"^(两级|三级|级)")
BARE_PLACE = re.compile(r"^(?!各)[\u4e00-\u9fff]{1,2}[州县区市]$")  # 鄞州: a place, no office
GOVERNMENT_EACH = re.compile(r"^((?:省|市|县|区)(?:人民)?政府)各")
ONE_BODY = re.compile(r"(党委|党工委)$")
ONE_BODY_END = re.compile(r"^(人民)?政府$|^管委会$|^管理委员会$")
CLASS_WORD = re.compile(r"单位|部门|机构|企业")
SHARED_KIND = re.compile(r"(?!各|有关|相关|其他)[\u4e00-\u9fff]{2,10}(部门)")  # 司法、劳动和社会保障部门
LEVEL_LIST = re.compile(r"(?<![\u4e00-\u9fff])各((?:省|市|县|区|乡|镇)、)+(?:省|市|县|区|乡|镇)"
                        r"[\u4e00-\u9fff]")


def split_joined(item: str) -> list[str]:
    """Split ``X和Y`` / ``X及Y`` where X is a whole unit name (住房和城乡建设局 stays)."""
    for m in JOINERS.finditer(item):
        left, right = item[: m.start()], item[m.end():]
        if ONE_BODY.search(left) and ONE_BODY_END.match(right):
            continue  # 党委和政府, 党工委和管委会: a place's leadership, named as one
        if CLASS_WORD.fullmatch(right):
            continue  # 有关部门和单位: one class
        if is_unit_like(left) and right:
            right = ("其" + right) if m.group(1) == "及其" else right
            return [left] + split_joined(right)
    return [item]


def owner_of(name: str) -> str:
    """The body an office belongs to: 各专委会办公室 -> 各专委会, 市安委办 -> 市安委会."""
    for suffix, repl in (("办公室", ""), ("委办", "委会"), ("办", "")):
        if name.endswith(suffix):
            return name[: -len(suffix)] + repl
    return name


def split_units(text: str, jurisdiction_stem: str = "") -> list[UnitMention]:
    """A list of unit names as written -> unit mentions, prefixes shared, 等 flagged."""
    return list(_split_units(text, jurisdiction_stem))


@lru_cache(maxsize=16384)  # (the same lists recur through a plan; mentions are frozen)
def _split_units(text: str, jurisdiction_stem: str) -> tuple[UnitMention, ...]:
    text = LEADING_WORD.sub("", ALIAS_NOTE.sub("", text).strip(" ，,、；;：:。"))
    exhaustive = True
    text = KIND_IN_BRACKETS.sub("", text)
    simple = text
    m = NOT_EXHAUSTIVE.search(simple)
    kind_word = ""
    if m and m.start() > 0:
        text, exhaustive = text[: m.start()], False
        kind_word = re.sub(r"^.*?(?=部门|单位|机构)", "", m.group(1) or "") if m.group(2) else ""
    raw_items = []
    if "、" in text and LEVEL_LIST.search(simple):  # 各县、市、区政府: one class
        text = LEVEL_LIST.sub(lambda m: m.group(0).replace("、", "\x00"), text)
    for part in split_top(text, "、，,/／"):
        part = part.replace("\x00", "、")
        if kind_word and not is_unit_like(part) and len(part) <= 12:
            # 教育、交通运输和公安消防等部门: each stem names its department
            raw_items.extend(p + kind_word for p in re.split(r"[和及与]", part) if p)
            continue
        words = part.split()
        if len(words) > 1 and all(is_unit_like(w) for w in words):
            raw_items.extend(words)  # 市应急局 市公安局: whole names a space apart
            continue
        if JOINED_LEVELS.match(part):  # 市和区、县人民政府: each level's body
            raw_items.extend(JOINERS.split(part)[::2])
            continue
        raw_items.extend(split_joined(part))
    for k in range(len(raw_items) - 1):  # 示范区、高新区党工委和管委会: the zones share the body
        shared = ZONE_BODY.match(raw_items[k + 1])
        if shared and ZONE.search(raw_items[k]):
            raw_items[k] += shared.group(2)
    last_kind = SHARED_KIND.fullmatch(raw_items[-1]) if raw_items else None
    if last_kind and len(raw_items) > 1:  # 公安、交通部门: the stems share the last one's 部门
        raw_items = [r + last_kind.group(1) if 2 <= len(r) <= 8 and not is_unit_like(
            r) and not CLASS_START.match(r) and not has_place(r)
            else r for r in raw_items[:-1]] + raw_items[-1:]
    out: list[UnitMention] = []
    levels: list[str] = []
    for i, raw in enumerate(raw_items):
        name = raw.translate(ROUND_BRACKETS)
        if " " in name or "\t" in name:
            name = SPACES.sub("", name)
        title = PERSON_TITLE.search(name)
        if title and title.start() >= 2:
            name = name[: title.start()]
        if name.endswith("等") and len(name) > 2:  # 市水利局等，各县政府: 等 mid-list
            name, exhaustive = name[:-1], False
        if name.startswith("各") and out and GOVERNMENT_EACH.match(out[-1].name):
            name = GOVERNMENT_EACH.match(out[-1].name).group(1) + name  # 市政府各部门、各直属机构
        if name.startswith("其") and out:
            name = owner_of(out[-1].name) + name[1:]
        if BARE_LEVEL.match(name) and i + 1 < len(raw_items):
            nxt = raw_items[i + 1]
            m = HAS_LEVEL.match(nxt) or STACKED_LEVELS.match(nxt)
            core = nxt[m.end():] if m else nxt
            core = TIER_WORD.sub("", core)
            out.append(UnitMention(raw, name + core, exhaustive))
            continue
        stacked = STACKED_LEVELS.match(name)
        if stacked:
            core = name[stacked.end():]
            second = re.sub(r"(两级|三级)$", "级", stacked.group(2))
            levels = [stacked.group(1), second]
            out.extend(UnitMention(raw, lv + core, exhaustive) for lv in levels)
            continue
        tiers = LEVEL_TIERS.match(name)
        if tiers:
            name = tiers.group(1) + "级" + name[tiers.end():]
        lv = HAS_LEVEL.match(name) or PARTY_PREFIX.match(name) or EACH_PLACE.match(name)
        if lv:
            levels = [lv.group(0)]
        elif (levels and DEPT_FOR_PREFIX.search(name) and not has_place(name)
              and not (jurisdiction_stem and name.startswith(jurisdiction_stem))
              and not CLASS_START.match(name)):
            # 县委宣传部、组织部 share 县委; 县委办、公安局 share only 县
            out.extend(UnitMention(raw, (p if not p.endswith("委") or PARTY_ORGAN.search(name)
                                         else p[:-1]) + name, exhaustive) for p in levels)
            continue
        out.append(UnitMention(raw, name, exhaustive))
    return tuple(u for u in out if u.name)


