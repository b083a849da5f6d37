"""The outline: numbered headings and items into a tree; its finest action items into tasks.

Numbering conventions of Chinese official documents, tried in order on each line. Their
nesting is not fixed (一、 may hold （一） or 1.), so a marker kind seen before closes
everything opened after it, and a new kind opens a level below the current one.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .clean import CleanText
from ..grammar.markers import (ANY_MARKER, INLINE_ORDINAL, KIND_AT, MARKER_RES, RANK,
                               printed_number)
from ..grammar.numerals import CN, RANGE_AT_START
from .normalise import Line
from .tables import TableBlock

FIRST_SENTENCE = re.compile(r"^(.+?)(。|；|;|！|？|：|:|$)")
CLOSING_CLAUSE = re.compile(r"[（(][^（）()]*[)）]$")

ANNEX = re.compile(rf"^附\s*件\s*[\d{CN}]*\s*(?:[:：].*)?$")
ANNEX_KINDS = r"(表|方案|清单|办法|细则|名单|计划|要点|意见|安排|分解)[。;；]?\s*([（(]略[)）])?$"
ANNEX_LIST = re.compile(r"^附\s*件\s*[:：]\s*(\d{1,2}\s*[.、．]\s*)?.{2,60}" + ANNEX_KINDS)
ANNEX_TITLE = re.compile(r"^\d{1,2}\s*[.、．]\s*.{2,60}" + ANNEX_KINDS)
TITLED = re.compile(r"^([^，。；;：:,、（()）“”\"]{2,24})[:：](.{6,})$")
NOT_A_TITLE = re.compile(r"(注|备注|说明|如下|包括|是|为|有|即|例如|其中|目标|要求|组长|成员|主任|"
                         r"时间|范围|地点|对象|人员|主题)$")  # …时间：/…范围： are an item's fields
CATEGORY = re.compile(r"^[【\[][^】\]]{1,12}[】\]]$")
ROSTER = re.compile(r"^(常务副组长|副组长|组长|成员|副主任|主任|总指挥|副总指挥|秘书长|办公室主任|"
                    r"联络员)\s*[:：]")
PERSON = re.compile(r"^[\u4e00-\u9fff]{1,3}\s*[\u4e00-\u9fff]{0,2}\s*[（(][^（）()]{2,40}"
                    r"(长|主任|书记|委员|主席|经理|负责人|政委|秘书)[)）]$")
NON_ACTION = re.compile(
    r"^(指导思想|总体要求|基本原则|工作原则|主要原则|(总体|主要|工作|发展|行动|具体|预期)目标|"
    r"组织领导$|组织机构|领导小组|编制依据|适用范围|现状|形势|背景|面临的|发展的机遇|总体思路|"
    r"工作思路|实施步骤|工作步骤|时间安排|进度安排|方法步骤|步骤安排|实施范围|实施期限|规划期限|"
    r"基本情况|工作背景|存在(的)?问题|主要问题|问题和不足|编制说明|重要意义|目标要求|"
    r"(发展|工作|现实)基础$|发展环境$)"
    r"|(现状|形势分析|形势|成效|回顾|机遇|挑战|指导思想|基本原则|指标)$|^.{0,8}目标$")


@dataclass
class Node:
    """A heading or item while the tree is built (mutable here, frozen in the Plan)."""

    kind: str  # a MARKERS kind, annex, titled, root
    number: str  # as printed, without its punctuation: 一 / (一) / 1 / 一是 / title
    lines: list[Line]
    parent: "Node | None" = None
    children: list["Node"] = field(default_factory=list)
    table: TableBlock | None = None
    marker_len: int = 0  # characters of the first line taken by the marker
    closes_on: str = ""  # a box (专栏) ends where an item of this kind, its siblings', comes
    after: "Line | None" = None  # a clause standing after a group of items, naming their units
    trail: tuple = ()  # the nodes from the top down to this one (set once the tree stands)
    action: bool = True  # not inside principles, targets, a roster … (set then too)
    heading: str = ""  # heading_title of the first line as written (set then too)
    topic: str = ""  # the same, normalised: the title the grammar reads (set then too)

    @property
    def first_text(self) -> str:
        return self.lines[0].text[self.marker_len:] if self.lines else ""

    @property
    def first_raw(self) -> str:
        return self.lines[0].raw_at(self.marker_len) if self.lines else ""

    @property
    def title(self) -> str:
        return heading_title(self.first_text)

    def path(self) -> list["Node"]:
        node, out = self, []
        while node is not None and node.kind != "root":
            out.append(node)
            node = node.parent
        return out[::-1]


def heading_title(text: str) -> str:
    """The first sentence, or the text up to a colon, without trailing punctuation."""
    m = FIRST_SENTENCE.match(text)
    title = (m.group(1) if m else text).strip()
    title = CLOSING_CLAUSE.sub("", title).strip() or title  # its clause aside
    return title[:60]


def match_marker(text: str):
    """(kind, match) of the marker opening the text: the first kind in MARKERS that
    matches with text after it (a chapter or part may stand alone)."""
    first = ANY_MARKER.match(text)
    if first is None:  # no kind matches: most lines that are no item say so in one call
        return None
    for kind, rx in MARKER_RES[KIND_AT[first.lastgroup]:]:
        m = rx.match(text)
        if m and len(text) > m.end() or (m and kind in ("chapter", "part")):
            return kind, m
    return None


def build_tree(cleaned: CleanText) -> tuple[Node, list, list]:
    """Nest the lines. Returns (root, skipped lines as (line, kind), damaged-numbering lines):
    skipped are leadership rosters and the signature (issuer and date) closing the text."""
    root = Node("root", "", [])
    stack: list[Node] = [root]
    lines = list(cleaned.lines)
    tables = {id(block.first): block for block in cleaned.tables}  # the Line itself, not its hash
    roster: list[tuple[Line, str]] = []
    signature = signature_lines(lines)
    damaged: list[Line] = []
    in_roster = False
    last_number: dict[str, int] = {}  # the last number seen of each marker kind
    i = 0
    while i < len(lines):
        line = lines[i]
        table = tables.get(id(line))
        if table is not None:
            end = next((k for k in range(i, len(lines)) if lines[k].number > table.last_line),
                       len(lines))
            node = Node("table", "", lines[i: end], stack[-1], table=table)
            stack[-1].children.append(node)
            i = end
            continue
        text = line.text
        if ANNEX_LIST.match(text):  # 附件：1. …分解表 2. …: the notice's list
            roster.append((line, "notice"))
            while i + 1 < len(lines) and ANNEX_TITLE.match(lines[i + 1].text):
                i += 1
                roster.append((lines[i], "notice"))
            i += 1
            continue
        if ANNEX.match(text):
            del stack[1:]
            node = Node("annex", "附件", [line], root, marker_len=len(text))
            root.children.append(node)
            stack.append(node)
            in_roster = False
            i += 1
            continue
        found = None if RANGE_AT_START.match(text) else match_marker(text)  # （一）至（五）项由…
        if found and found[1].group(1).isdigit() and len(found[1].group(1)) > 3 and \
                last_number.get(found[0]) != int(found[1].group(1)) - 1:
            found = None  # 2021、2022年…: a number past 999 is an item only after its predecessor
        if found and found[1].group(1).isdecimal():  # (under another heading too; ① is no number)
            last_number[found[0]] = int(found[1].group(1))
        if found:
            kind, m = found
            in_roster = False
            if kind == "lost_paren":
                kind = "cn_paren"
                damaged.append(line)
            number = m.group(1)
            if kind == "decimal":  # 3.1 and 3.1.2 are two levels
                kind = f"decimal{number.count('.')}"
            if kind in ("chapter", "part") and len(text) == m.end() and i + 1 < len(lines) \
                    and not match_marker(lines[i + 1].text):  # 第六章 / 提升… on two lines
                line = line.joined(lines[i + 1])
                i += 1
            closes_on = ""
            if kind == "chapter":
                del stack[1:]
            else:
                same = next((k for k in range(len(stack) - 1, 0, -1)
                             if kind in (stack[k].kind, stack[k].closes_on)), None)
                if same is not None:
                    closes_on = stack[same].closes_on  # a box after a box ends alike
                    del stack[same:]
                elif kind in RANK:  # 二、 after 1. 2. (the page lost 一、): never inside 1.
                    while len(stack) > 1 and RANK.get(stack[-1].kind, -1) > RANK[kind]:
                        stack.pop()
            if kind == "box":  # 专栏: beside the items it follows, not inside the last one
                while len(stack) > 1 and not stack[-1].children:
                    closes_on = stack.pop().kind
            while stack[-1].kind == "titled":
                stack.pop()
            parent = stack[-1]
            if not number:  # lost or never printed (bullets): count the siblings of this kind
                count = sum(1 for c in parent.children if c.kind == kind)
                number = str(count + 1) if kind == "bullet" else CN[count] if count < 10 else "?"
            node = Node(kind, printed_number(kind, number), [line], parent,
                        marker_len=0 if kind == "group" else m.end(),  # 第一组：… names itself
                        closes_on=closes_on)
            parent.children.append(node)
            stack.append(node)
            i += 1
            continue
        if i in signature:
            roster.append((line, "signature"))
            i += 1
            continue
        if CATEGORY.match(text):  # 【公共设施】 alone on a line: a category heading
            roster.append((line, "heading"))
            i += 1
            continue
        if ROSTER.match(text) or (in_roster and PERSON.match(text)):
            roster.append((line, "roster"))
            in_roster = True
            i += 1
            continue
        in_roster = False
        titled = TITLED.match(text)
        if titled and (stack[-1].kind != "root" or unit_heading(titled.group(1)) and len(
                titled.group(2)) >= 12 and not unit_heading(titled.group(2))) \
                and not NOT_A_TITLE.search(titled.group(1)) and not _is_label(text):
            if stack[-1].kind == "titled":
                stack.pop()
            node = Node("titled", titled.group(1), [line], stack[-1])
            stack[-1].children.append(node)
            stack.append(node)
        else:
            stack[-1].lines.append(line)
        i += 1
    merge_field_items(root)
    split_inline_ordinals(root)
    split_backward_groups(root)
    split_unit_paragraphs(root)
    attach_group_clauses(root)
    settle(root)
    return root, roster, damaged


def release(root: Node) -> None:
    """Cut every node's links to its parent, its children and itself (``trail``) once the
    tree has been read: with no cycle left, the tree is freed as soon as it is dropped (a
    command run from the shell keeps the cyclic collector off, and every plan's tree would
    stay to the end of the run)."""
    nodes = [root]
    while nodes:
        node = nodes.pop()
        nodes.extend(node.children)
        node.parent, node.children, node.trail = None, [], ()


def written_heading(node: Node) -> str:
    """``heading_title`` of the first line as written, from the normalised title (``topic``)
    where the two texts meet offset for offset: normalising changes no stop, bracket or
    space, so the title is the same stretch of both."""
    first = node.lines[0] if node.lines else None
    if first is None or first.omap is not None:
        return heading_title(node.first_raw)
    if first.raw is first.text:
        return node.topic
    start = node.marker_len + len(node.first_text) - len(node.first_text.lstrip())
    return first.raw[start: start + len(node.topic)]


def paragraph_node(line: Line, number: str, root: Node) -> Node:
    """A paragraph of a plan without numbered items, as an item of its own."""
    node = Node("paragraph", number, [line], root)
    node.trail, node.action = (node,), is_action(node)
    node.heading, node.topic = heading_title(node.first_raw), heading_title(node.first_text)
    return node


def settle(node: Node, trail: tuple = ()) -> None:
    """What later stages ask of each node, once the tree stands: its path from the top,
    whether it sits among actions, its heading as the source wrote it."""
    for child in node.children:
        child.trail = trail + (child,)
        child.topic = heading_title(child.first_text)
        child.heading = written_heading(child)
        child.action = node.action and (child.kind in ("titled", "table") or not NON_ACTION.search(
            child.topic))  # is_action, from the parent's
        settle(child, child.trail)


UNIT_SUBJECT = re.compile(r"^([^，。；：“”]{2,30}?)(?=要|应当|应|须|必须|负责|牵头|协助|配合|会同|承担)")
OWN_LEAD = re.compile(r"^[^，。；：]{2,30}?由([^，。；：]{2,30}?)(?=牵头|负责)")
HEADING_ONLY = re.compile(r"^[^。；！？]{1,30}$")


def opens_with_unit(text: str) -> bool:
    """A paragraph whose subject is a unit (县民政局负责…, 财政部门应…), or whose first
    clause names its lead (校园内部安全整治主要由教育局牵头，…)."""
    from .unitlist import is_unit_like, split_units

    for m in (UNIT_SUBJECT.match(text), OWN_LEAD.match(text)):
        units = split_units(m.group(1)) if m else []
        if units and all(is_unit_like(u.name) for u in units):
            return True
    return False


def unit_sentences(line: Line) -> list[Line]:
    """A paragraph of sentences that each open with their unit (财政部门应当…。建设部门应当…),
    cut into them; any other paragraph whole."""
    cuts = [m.end() for m in SENTENCE_END.finditer(line.text)]
    starts = [0] + [c for c in cuts if c < len(line.text)]
    if len(starts) < 2 or sum(opens_with_unit(line.text[a:]) for a in starts) < 2:
        return [line]
    keep = [a for a in starts if a == 0 or opens_with_unit(line.text[a:])]
    return [line.cut(a, b) for a, b in zip(keep, keep[1:] + [len(line.text)])]


SENTENCE_END = re.compile(r"[。；]")
LIST_INTRO = re.compile(r"如下[：。]?$")  # …任务作如下明确：


def split_unit_paragraphs(node: Node) -> None:
    """Paragraphs that each open with their unit are items of their own: under a heading
    (``6.7 应急资金保障`` / ``县财政局负责…`` / ``县发改局负责…``), and at the top of a page
    that starts inside a list of duties (two such paragraphs at least)."""
    for child in node.children:
        split_unit_paragraphs(child)
    if node.kind == "article" and not node.children and len(node.lines) > 1 and not (
            HEADING_ONLY.match(node.first_text) or node.first_text.endswith("：")):
        node.children = [Node("paragraph", f"款{k}", [x], node)  # an article's paragraphs
                         for k, x in enumerate(node.lines, 1)]
        node.lines = node.lines[:1]
        node.marker_len, node.children[0].marker_len = len(node.lines[0].text), node.marker_len
        return
    if node.kind == "root":
        body = [piece for x in node.lines for piece in unit_sentences(x)]
    elif node.children or node.kind in ("table", "annex", "titled") or not HEADING_ONLY.match(
            node.first_text):
        return
    else:
        body = node.lines[1:]
    owned = [opens_with_unit(x.text) for x in body]
    if len(body) < 2 or sum(owned) < 2:
        return
    if node.kind == "root":  # the paragraphs before the first item, from the first owned one
        first = owned.index(True)
        if node.children and first and not any(LIST_INTRO.search(x.text) for x in body[:first]):
            return  # a notice before the plan's items, not a page that starts in a duty list
        node.lines, body = body[:first], body[first:]
        items = [Node("paragraph", str(k), [x], node) for k, x in enumerate(body, 1)]
        node.children[:0] = items
        return
    node.lines = node.lines[:1]
    node.children = [Node("paragraph", str(k), [x], node) for k, x in enumerate(body, 1)]


BACKWARD = re.compile(r"^(上述|以上)(各项|各|所有)?(项目|任务|工作|措施|事项|内容)?均?由.{2,80}"
                      r"(负责|牵头|落实|承担|实施)")


def split_backward_groups(node: Node) -> None:
    """An item whose paragraphs are closed by ``上述项目由X牵头负责。`` lines: each paragraph
    is an item of its own, and the closing line names the units of the paragraphs since
    the previous one."""
    for child in node.children:
        split_backward_groups(child)
    if node.children or node.kind in ("root", "table", "annex") or len(node.lines) < 3:
        return
    closing = [k for k, x in enumerate(node.lines) if k and BACKWARD.match(x.text)]
    if not closing:
        return
    group: list[Node] = []
    for k, line in enumerate(node.lines[1:], 1):
        if k in closing:
            if group:
                group[-1].lines.append(line)
                for item in group:
                    item.after = line
            group = []
            continue
        item = Node("paragraph", str(len(node.children) + 1), [line], node)
        node.children.append(item)
        group.append(item)
    node.lines = node.lines[:1]


def attach_group_clauses(node: Node) -> None:
    """A clause alone on the last line of the last item, ``（责任单位：X）``, where the items
    before it name no unit of their own: it names the units of the whole group."""
    for child in node.children:
        attach_group_clauses(child)
    if len(node.children) < 2 or node.children[-1].children or len(node.children[-1].lines) < 2:
        return  # (the last child is the last leaf, of two lines at least)
    leaves = [c for c in node.children if not c.children and c.kind not in ("table", "annex")]
    if len(leaves) < 2 or node.children[-1] is not leaves[-1]:
        return
    last = leaves[-1].lines[-1]
    from .clauses import find_clauses

    if not CLAUSE_LINE.match(last.text) or any(
            c.after or find_clauses(c.first_text + "".join(x.text for x in c.lines[1:]))
            for c in leaves[:-1]):
        return
    for item in leaves[:-1]:
        item.after = last


CLAUSE_LINE = re.compile(r"^[（(【\[]?\s*(责任单位|牵头单位|主责单位|责任部门|牵头部门)\s*[:：]")


FIELD = re.compile(r"^([\u4e00-\u9fff]{2,6})\s*[:：]")


def merge_field_items(node: Node) -> None:
    """Numbered sub-items that are an item's fields (``1.活动时间：… 2.活动内容：…
    3.组织单位：…``, one of them a clause label) are lines of the item, not items; a field
    listing 一是…二是… gives those as the item's children."""
    for child in node.children:
        merge_field_items(child)
    kids = node.children
    if len(kids) < 2 or not all(FIELD.match(k.first_text) for k in kids) or any(
            k.children for k in kids) or not any(_is_label(k.first_text) for k in kids):
        return
    node.children = []
    for kid in kids:
        text = kid.first_text
        first = kid.lines[0].cut(kid.marker_len)
        marks = [m for m in INLINE_ORDINAL.finditer(text)]
        if len(marks) >= 2 and [m.group(1) for m in marks[:2]] == ["一", "二"]:
            cut = [m.start(1) for m in marks] + [len(text)]
            node.lines.append(first.cut(0, cut[0]))
            node.children += [Node("ordinal", f"{m.group(1)}是", [first.cut(cut[k], cut[k + 1])],
                                   node, marker_len=len(m.group(1)) + 1)
                              for k, m in enumerate(marks)]
        else:
            node.lines.append(first)
        node.lines.extend(kid.lines[1:])


def split_inline_ordinals(node: Node) -> None:
    """``实施科技动态管矿。一是…。二是…。``: an item whose title sentence is followed by
    一是/二是 sub-items gets them as children (a list after a colon stays one task)."""
    for child in list(node.children):
        split_inline_ordinals(child)
    if node.children or node.kind in ("root", "titled", "table", "annex") or len(node.lines) != 1:
        return
    line, body = node.lines[0], node.first_text
    marks = [m for m in INLINE_ORDINAL.finditer(body)] if "是" in body else []
    numbers = [m.group(1) for m in marks]
    if len(marks) < 2 or numbers[:2] != ["一", "二"] or marks[0].start() != len(heading_title(body)) + 1:
        return
    cut = [node.marker_len + m.start(1) for m in marks] + [len(line.text)]
    node.lines = [line.cut(0, cut[0])]
    for k, m in enumerate(marks):
        piece = line.cut(cut[k], cut[k + 1])
        node.children.append(Node("ordinal", f"{m.group(1)}是", [piece], node,
                                  marker_len=len(m.group(1)) + 1))


DATE_LINE = re.compile(r"^\s*(19|20)\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$")
ISSUER = re.compile(r"^[\u4e00-\u9fff（）()]{2,30}(人民政府办公室|人民政府|办公室|委员会|管理局|指挥部|"
                    r"办公厅|局|委)$")


def signature_lines(lines) -> set[int]:
    """A date alone on a line, and the issuer's name just above it: the signature."""
    out = set()
    for i, line in enumerate(lines):
        if DATE_LINE.match(line.text):
            out.add(i)
            if i and ISSUER.match(lines[i - 1].text):
                out.add(i - 1)
    return out


def _is_label(text: str) -> bool:
    from .clauses import LABEL

    m = LABEL.match(text)
    return bool(m)


def is_action(node: Node) -> bool:
    """False inside a section of principles, targets, situation, roster or schedule."""
    return not any(NON_ACTION.search(n.title) for n in node.path()
                   if n.kind not in ("titled", "table"))


def unit_heading(title: str) -> bool:
    """A title that is nothing but unit names (县住建局：负责… opens a unit's duties)."""
    from .duties import header_units

    return bool(header_units(title))
