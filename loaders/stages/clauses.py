"""Assignment clauses: where they stand in a task's text, and what they say.

A clause names units and their roles: a parenthetical (``（市应急局牵头，市公安局配合）``),
a labelled part (``责任单位：…；完成时限：…``), or a sentence that does nothing but
assign (``由市应急局负责。``). The grammar is the one of Chinese official documents:

- ``X牵头`` / ``牵头单位：X`` / ``责任单位：X`` / ``X负责``: lead  # 牵头
- ``Y配合`` / ``参与`` / ``协助``, the part after ``会同``, and the units after a lead in
  ``X牵头，Y分工负责``: support  # 配合
- ``Y落实`` / ``分别落实`` / ``组织落实`` / ``负责落实``: implement  # 落实
- ``X督促`` / ``督导`` / ``指导``: supervise  # 督促
- units listed without a verb share the next verb (``X，Y和Z分工负责``: all lead).
"""
from __future__ import annotations

import re
from functools import lru_cache
from bisect import bisect_left
from dataclasses import dataclass

from .unitlist import BARE_PLACE, UnitMention, is_unit_like, split_top, split_units

LINE_BREAK = re.compile(r"\s*\n\s*")
LIST_MARKS = re.compile(r"[，,；;]")
COMMA_AND = re.compile(r"，[和及]")
STANDING_WORDS = re.compile(r"^.*?(均需|均由|都要|均要)|不再一一列出.*$|下同.*$")

OPEN, CLOSE = "(（〔［[【", ")）〕］]】"
LABEL_ROLE = [
    (r"牵头(责任)?(单位|部门|科室|处室|股室)?|主责(单位|部门)|(主要)?责任(单位|部门|主体|科室|处室|股室)|"
     r"(主办|组织|承办|负责|实施)(单位|部门|主体)|(部门|责任)分工", "lead"),
    (r"(配合|协同|协办|参与|参加|协作)(责任)?(单位|部门|科室|处室|股室)?", "support"),
    (r"(督导|监督|督办)(单位|部门)", "supervise"),
    (r"(完成|办结)(时限|时间)|时限(要求)?|时间(要求|节点|安排)", "deadline"),
    (r"(牵头|责任|分管|包保|联系)(负责)?(省|市|县|区)?领导|(项目)?责任人|负责人", "leader"),
]
LABEL_ROLE_RES = [(re.compile(p), r) for p, r in LABEL_ROLE]
LABEL = re.compile("(" + "|".join(f"(?:{p})" for p, _ in LABEL_ROLE) +  # 责任单位及责任人：
                   r")(?:[及和/]责任人)?\s*(?:[:：]|[】\]]\s*[:：]?)")
VERBS = [  # (pattern at the end of a segment, role); order matters
    (r"(负责)?(督促|督导|指导|监督|督办)(检查|落实)?", "supervise"),
    (r"(负责)?(分工|分别)?牵头(负责|落实|推进|实施|抓总|协调|组织)?|主办|承办|带队|统筹(协调|推进)?|"
     r"统一(领导|指挥)", "lead"),
    (r"(分别|分工|组织|负责|按要求|抓好|具体|认真|共同|督促|抓)?落实|(具体|组织|负责)实施", "implement"),
    (r"(积极|分工)?(配合|参与|参加|协助|协同|协办)", "support"),
    (r"(分工|具体|共同|各自|分别)?负责|负总责", "lead"),
    (r"主责", "lead"),
]
VERB_AT_END = re.compile(r"(?:(?:按|依|根据)(?:照)?(?:各自)?(?:职责|职能|分工)(?:分工)?|各司其职)?(?:" + "|".join(
    f"(?P<v{i}>{p})" for i, (p, _) in enumerate(VERBS)) + r")(?:工作)?$")
VERB_SPAN = 24  # no verb with its prefix and 工作 is longer (根据各自职责分工 分工牵头负责 工作: 18)


def verb_at_end(text: str):
    """VERB_AT_END searched only where a match can start (a search from every offset of a
    long segment was a fifth of the clause reading)."""
    if not VERB_WORD.search(text, max(0, len(text) - 12)):
        return None  # every match holds one of these words in its last 12 characters
    return VERB_AT_END.search(text, max(0, len(text) - VERB_SPAN))


VERB_WORD = re.compile(r"督促|督导|指导|监督|督办|牵头|主办|承办|带队|统筹|统一|落实|实施|配合|参与|参加|"
                       r"协助|协同|协办|负责|负总责|主责")
REPEATED_COLON = re.compile(r"\s*[:：]")


LABEL_WORD = re.compile("|".join(f"(?:{p})" for p, _ in LABEL_ROLE))
ALIAS_NOTE = re.compile(r"^(以下|下文)?(简称|称|下称)")
ROLE_MARK = re.compile(r"牵头|主责|牵头单位|负责|配合|协办|主办")
ROLE_VERB = re.compile(r"牵头|负责|配合|落实|督促|督导|会同|参与|协助")


def has_role_word(text: str) -> bool:
    """A role verb or a label; the long label pattern only where a colon or 】 could close
    one (most sentences have neither)."""
    return bool(ROLE_VERB.search(text) or LABEL_MARK.search(text) and LABEL.search(text))
SHARED_DUTY = re.compile(r"分工|分别|各自|共同|按职责")
STANDING = re.compile(r"(以下|下列|以上|上述|其余)?各项.{0,12}(均需|均由|都要|均要).{0,30}|不再一一列出|下同")
SENTENCE_CLOSES = re.compile(r"\s*([。；;\n]|$)")


@dataclass(frozen=True)
class Role:
    mention: UnitMention
    role: str


@dataclass(frozen=True)
class ClauseReading:
    roles: tuple[Role, ...] = ()
    deadline: str | None = None
    leaders: tuple[str, ...] = ()
    standing: tuple[Role, ...] = ()  # blanket statements that extend every task
    clean: bool = False  # the text was nothing but units, verbs and labels
    ordered: bool = False  # a plain labelled list of leads: a first-is-lead rule applies
    first_is_lead: bool = False  # the clause states that rule (首位单位为牵头单位，下同)


# --- clause grammar -------------------------------------------------------------------

@lru_cache(maxsize=16384)  # a plan writes the same clauses again and again (（市应急局牵头）)
def read_clause(text: str, jurisdiction_stem: str = "", lead_named: bool = False) -> ClauseReading:
    """Read one clause's text (without its brackets) into roles, deadline and leaders;
    ``lead_named``: another clause of the item names the lead (责任单位 then implements)."""
    text = LINE_BREAK.sub("", text)  # a clause broken over two lines reads as one
    roles: list[Role] = []
    standing: list[Role] = []
    deadline, leaders, clean, ordered, first_is_lead = None, [], True, False, False
    pieces = _split_labels(text)
    has_lead_label = lead_named or any(label == "lead" and re.match(r"牵头|主责|主办", text_label)
                                       for label, _, text_label in pieces)
    for label, body, text_label in pieces:
        body = body.strip(" ，,；;。")
        if label == "lead" and has_lead_label and text_label.startswith("责任"):
            label = "implement"
        if label is None and ("（" in body or "(" in body) and MARKED_UNIT.search(body) \
                and not verb_at_end(body):
            label = "lead"  # （市应急局（牵头）、市公安局）: a list whose marks say the roles
        if label == "deadline":
            deadline = body or deadline
        elif label == "leader":
            leaders.extend(split_top(body, "、，,；;"))
        elif label:  # in a labelled list, commas and semicolons only separate names
            repeated = body.startswith(text_label) and REPEATED_COLON.match(body, len(text_label))
            if repeated:  # 组织单位:组织单位:
                body = body[repeated.end():]
            body = body.split("。")[0]  # a note after the list is not part of it
            note = FIRST_IS_LEAD_NOTE.search(body)  # X(首位单位为牵头单位，下同)、Y
            if note:
                body, first_is_lead = body[: note.start()] + body[note.end():], True
            if any(verb_at_end(seg) for seg in split_top(body, "，,；;")):
                got, _, ok = _read_verbs(body, jurisdiction_stem, lead_seen=False)
                roles.extend(got)  # 责任单位：X牵头，Y参加，各镇街落实
                clean &= ok
                continue
            body = _names_only(body, jurisdiction_stem)
            marked = dict(MARKED_UNIT.findall(body))  # 市应急局（牵头）、市公安局
            body = MARKED_UNIT.sub(lambda m: m.group(1), body)
            units = split_units(LIST_MARKS.sub("、", body), jurisdiction_stem)
            roles.extend(Role(u, _marked_role(marked.get(u.text.strip()), label, bool(marked)))
                         for u in units)
            ordered = ordered or (label == "lead" and not marked and len(units) > 1)
            clean &= all(is_unit_like(u.name) for u in units)
        else:
            for part in split_top(body, "；;"):
                got, got_standing, ok = _read_verbs(part, jurisdiction_stem,
                                                    lead_seen=any(r.role == "lead" for r in roles))
                roles.extend(got)
                standing.extend(got_standing)
                clean &= ok
    if roles and not lead_named and not any(r.role in ("lead", "supervise") for r in roles):
        # 落实 names the implementers where someone else leads; alone, they lead
        roles = [Role(r.mention, "lead" if r.role == "implement" else r.role) for r in roles]
    return ClauseReading(tuple(roles), deadline, tuple(leaders), tuple(standing),
                         clean and bool(roles or standing or deadline), ordered, first_is_lead)


def _names_only(body: str, stem: str) -> str:
    """A labelled list on a run-on page ends where names stop (``各区政府 鄞州 海曙…``); a
    space between whole names separates them (``市应急局 市公安局``), a space inside a
    name (``农 办``) is only a space."""
    words = body.split()
    if len(words) < 2:
        return body
    kept = words[:1]
    for word in words[1:]:
        joined = "".join(kept) + word
        if BARE_PLACE.match(word) or not all(is_unit_like(u.name) for u in split_units(joined, stem)):
            break
        kept.append(word)
    whole = all(units and all(is_unit_like(u.name) for u in units)
                for units in (split_units(w, stem) for w in kept))
    return "、".join(kept) if whole else " ".join(kept)


FIRST_IS_LEAD = re.compile(r"(首位|第一位|排名第一|列第一位|排在第一位|排第一|排名首位|列首位)"
                           r"[^，。；,;)）]{0,12}?(为|是)?牵头")
FIRST_IS_LEAD_NOTE = re.compile(r"[（(][^（）()]*?" + FIRST_IS_LEAD.pattern + r"[^（）()]*[)）]")
MARKED_UNIT = re.compile(r"([^、，,；;（(]+)[（(](牵头|主责|牵头单位|负责|配合|协办|主办)[)）]")


def _marked_role(mark: str | None, label: str, any_marked: bool) -> str:
    if mark in ("牵头", "主责", "牵头单位", "负责", "主办"):
        return "lead"
    if mark in ("配合", "协办") or (any_marked and label == "lead"):
        return "support"
    return label


def _split_labels(part: str) -> list[tuple[str | None, str, str]]:
    """'责任单位：X 完成时限：Y' -> [('lead', 'X', '责任单位'), ('deadline', 'Y', '完成时限')];
    text without a label -> (None, text, '')."""
    if not LABEL_MARK.search(part):  # a label needs a colon or a closing 】
        return [(None, part, "")]
    matches = [m for m in LABEL.finditer(part)
               if m.start() == 0 or part[m.start() - 1] in " ，,。；;【[\n"]
    if not matches:
        return [(None, part, "")]
    out = []
    if matches[0].start() > 0 and part[: matches[0].start()].strip(" ，,。；;【["):
        out.append((None, part[: matches[0].start()].rstrip("【["), ""))
    for i, m in enumerate(matches):
        end = matches[i + 1].start() if i + 1 < len(matches) else len(part)
        role = next(r for p, r in LABEL_ROLE_RES if p.fullmatch(m.group(1)))
        out.append((role, part[m.end(): end].rstrip("【["), m.group(1)))
    return out


VERB_THEN_LIST = re.compile(r"(牵头|负责|配合|参与|协助|落实|督促|督导)(?=[、和及][\u4e00-\u9fff])")


BY_WITH_TAIL = re.compile(r"^由(.{2,60}?)(牵头|负责|承办)[\u4e00-\u9fff]{2,4}$")
BACKS = re.compile(r"^由?(.{2,80}?)配合(.{2,80}?)(?:开展|实施|做好|落实|推进|进行)(?:工作)?$")


def _read_verbs(part: str, stem: str, lead_seen: bool):
    """``X牵头，Y配合`` style: segments by comma; verbless units take the next verb."""
    roles, standing, pending, clean = [], [], [], True
    part = VERB_THEN_LIST.sub(lambda m: m.group(1) + "，", part)  # X牵头、Y配合
    part = COMMA_AND.sub("，", part)
    for seg in split_top(part, "，,"):
        if STANDING.search(seg):  # 以下各项均需各县市区负责 / 不再一一列出
            body = STANDING_WORDS.sub("", seg)
            vm = verb_at_end(body)
            if vm:
                standing.extend(Role(u, _role(vm)) for u in split_units(body[: vm.start()], stem))
            continue
        by_tail = seg.startswith("由") and BY_WITH_TAIL.match(seg)  # 由协调处负责协调调度
        if by_tail and all(is_unit_like(u.name) for u in split_units(by_tail.group(1), stem)):
            seg = by_tail.group(1) + by_tail.group(2)
        backs = "配合" in seg and BACKS.match(seg)  # 由X配合Y开展: Y leads, X supports
        if backs:
            helpers, leaders = split_units(backs.group(1), stem), split_units(backs.group(2), stem)
            if helpers and leaders and all(is_unit_like(u.name) for u in helpers + leaders):
                roles.extend(Role(u, "lead") for u in pending + leaders)
                roles.extend(Role(u, "support") for u in helpers)
                pending, lead_seen = [], True
                continue
        m = verb_at_end(seg)
        if not m and seg.startswith("会同"):  # 由X牵头，会同Y等部门: Y supports
            partners = split_units(seg[2:], stem)
            roles.extend(Role(u, "support") for u in partners)
            clean &= bool(partners) and all(is_unit_like(u.name) for u in partners)
            continue
        if not m:
            units = split_units(seg, stem)
            if units and all(is_unit_like(u.name) for u in units):
                pending.extend(units)
            else:
                clean = False
            continue
        role = _role(m)
        head = seg[: m.start()]
        by = head.rfind("由")  # 上述项目由X负责, …工作由X牵头: the units follow 由
        if by > 0 and not is_unit_like(head[:by].strip()):
            head = head[by + 1:]
        if "会同" in head:
            leader_text, _, partner_text = head.partition("会同")
            leaders = pending + split_units(leader_text, stem)
            roles.extend(Role(u, "lead" if role in ("lead", "support") else role) for u in leaders)
            roles.extend(Role(u, "support") for u in split_units(partner_text, stem))
            pending, lead_seen = [], lead_seen or role in ("lead", "support")
            continue
        units = pending + split_units(head, stem)
        pending = []
        if not units:
            clean = False
            continue
        if not all(is_unit_like(u.name) for u in units):
            clean = False
        if role == "lead" and lead_seen and "牵头" not in m.group(0) and (
                SHARED_DUTY.search(m.group(0)) or m.group(0).endswith("负责")):
            role = "support"
        roles.extend(Role(u, role) for u in units)
        lead_seen = lead_seen or role == "lead"
    if pending:
        clean = False
    return roles, standing, clean


def _role(match: re.Match) -> str:
    for i, (_, role) in enumerate(VERBS):
        if match.group(f"v{i}"):
            return role
    return "lead"


# --- where clauses stand ---------------------------------------------------------------

BRACKET_OR_STOP = re.compile("[" + re.escape(OPEN + CLOSE) + "。；;\n]")


@dataclass(frozen=True)
class ClauseSpan:
    start: int  # offsets in the task text, brackets included
    end: int
    inner: str  # the clause without brackets
    kind: str  # paren, label, sentence, opening, units


@lru_cache(maxsize=4096)  # a heading is read for its ranges and again for its clauses
def find_clauses(text: str) -> tuple[ClauseSpan, ...]:
    """Parentheticals that assign, labelled parts, and sentences that only assign."""
    spans: list[ClauseSpan] = []
    depth_stack: list[int] = []
    last_boundary = 0
    for hit in BRACKET_OR_STOP.finditer(text):
        i, ch = hit.start(), hit.group(0)
        if ch in OPEN:
            depth_stack.append(i)
        elif ch in CLOSE:
            if depth_stack:
                start = depth_stack.pop()
                if not depth_stack:
                    inner = text[start + 1: i]
                    simple_inner = inner.strip()
                    if ALIAS_NOTE.match(simple_inner):
                        continue  # （以下简称市防指）: a short name defined, no clause
                    if LABEL_WORD.fullmatch(simple_inner) or ROLE_MARK.fullmatch(simple_inner):
                        continue  # 【牵头单位】X, 市应急局（牵头）: read with the text around
                    if has_role_word(simple_inner):
                        spans.append(ClauseSpan(start, i + 1, inner, "paren"))
                    elif SENTENCE_CLOSES.match(text, i + 1):
                        spans.append(ClauseSpan(start, i + 1, inner, "units"))
            else:  # the opening bracket was lost: back to the sentence start
                # short only (checked before slicing): a run of ）would be quadratic
                inner = text[last_boundary:i] if i - last_boundary < 300 else ""
                if inner and has_role_word(inner):
                    spans.append(ClauseSpan(last_boundary, i + 1, inner, "paren"))
        elif ch in "。；;\n" and not depth_stack:
            last_boundary = i + 1
    if depth_stack:  # a bracket never closed: (市应急局牵头 — up to its sentence's end
        start = depth_stack[0]
        stop = re.search(r"[。\n]", text[start:])
        end = start + stop.start() if stop else len(text)
        inner = text[start + 1: end]
        if has_role_word(inner) and len(inner) < 300:
            spans.append(ClauseSpan(start, end, inner, "paren"))
    blocks = _label_blocks(text)  # a bracket inside a labelled list is part of a name:
    if blocks:  # 责任单位：…，各县(市、区)政府(管委会)
        block_starts = [a for a, _ in blocks]
        spans = [s for s in spans if not _inside(s.start, blocks, block_starts)]
    taken = _merged((s.start, s.end) for s in spans)  # disjoint and sorted: one bisect a
    starts, label_until = [a for a, _ in taken], 0  # sentence, not a scan (long lines)
    for m in SENTENCES.finditer(text):
        seg = m.group(0)
        k = bisect_left(starts, m.end()) - 1  # the last span starting before the sentence ends
        if not seg.strip() or m.start() < label_until or (k >= 0 and taken[k][1] > m.start()):
            continue
        if _opening_label(seg):
            rest_end = _label_block_end(text, m.start())
            spans.append(ClauseSpan(m.start(), rest_end, text[m.start():rest_end].rstrip("。"), "label"))
            label_until = max(label_until, rest_end)
        elif not has_role_word(seg):
            continue
        elif opening := opening_clause_end(seg):
            named = NAME_PREFIX.match(seg)  # 第一组：X带队，负责…: the clause after the name
            at = named.end() if named and opening > named.end() else 0
            spans.append(ClauseSpan(m.start() + at, m.start() + opening,
                                    seg[at:opening].rstrip("，, "), "opening"))
        elif len(seg) <= 120:
            spans.append(ClauseSpan(m.start(), m.end(), seg.strip(), "sentence"))
            tail = re.search(r"[，,]\s*(由[^，,]*[^。；;\n]*)$", seg)
            if tail and tail.start() > 0:  # …工作，由市应急局牵头负责。
                spans.append(ClauseSpan(m.start() + tail.start(1), m.end(), tail.group(1), "sentence"))
    return tuple(sorted(spans, key=lambda s: s.start))


def opening_clause_end(sentence: str, stem: str = "") -> int:
    """Where the clause that opens a sentence ends (``市工商局负责，市经贸委配合，严格实施…``:
    after 配合), or 0: comma-separated parts that each only assign, then the action."""
    named = NAME_PREFIX.match(sentence)
    end = named.end() if named else 0
    first = FIRST_PART.match(sentence, end)
    if not first or not (verb_at_end(first.group(0)) or BY_WITH_TAIL.match(first.group(0))):
        return 0  # (cheap: most sentences do not open with a clause)
    for part in COMMA_PARTS.finditer(sentence[end:]):
        piece = part.group(0).rstrip("，,")
        reading = read_clause(piece, stem)
        if not (reading.roles and reading.clean) or STANDING.search(piece):
            break
        end = (named.end() if named else 0) + part.end()
    start = named.end() if named else 0
    return end if start < end < len(sentence.rstrip("。；; ")) else 0


SENTENCES = re.compile(r"(?:^|(?<=[。；;\n]))[^。；;\n]*")
LABEL_MARK = re.compile(r"[:：】\]]")
FIRST_PART = re.compile(r"[^，,]+")
COMMA_PARTS = re.compile(r"[^，,]+[，,]?")
NAME_PREFIX = re.compile(r"^\s*[^，,:：。；;]{1,8}[:：]")
def _label_blocks(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence that opens with a label (责任单位：…), in order."""
    out = []
    for m in SENTENCES.finditer(text):
        lm = _opening_label(m.group(0))
        if lm:
            out.append((m.start() + lm.start(), _label_block_end(text, m.start())))
    return out


def _opening_label(sentence: str):
    """The label a sentence opens with (责任单位：, 【牵头单位】), or None."""
    if not LABEL_MARK.search(sentence):
        return None  # (cheap: a label needs a colon or a closing 】)
    lead = len(sentence) - len(sentence.lstrip(" 　【["))
    return LABEL.match(sentence, lead)


def _inside(at: int, blocks, starts) -> bool:
    k = bisect_left(starts, at) - 1
    return k >= 0 and blocks[k][0] < at < blocks[k][1]


def _merged(intervals) -> list[tuple[int, int]]:
    """Overlapping or touching (start, end) intervals joined, sorted by start."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(intervals):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _label_block_end(text: str, start: int) -> int:
    """A labelled part runs to the end of its line (labels may follow each other on it)."""
    end = text.find("\n", start)
    return len(text) if end < 0 else end
