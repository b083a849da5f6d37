"""Clean lines: page furniture and spam out (recorded as skipped), Markdown marks off,
sentences broken at page ends rejoined, garbled text flagged.

Every source line ends either in a ``Line`` (possibly joined with others) or in a
skipped ``Region``; nothing is dropped silently.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .clauses import LABEL
from .unitlist import is_unit_like
from ...model import Finding, Region
from .normalise import Line, Normalised
from .tables import find_tables
from ..grammar.markers import SEQUENCE_MARK
from ..grammar.numerals import to_int

# Web-page furniture: breadcrumbs, publication lines, page tools, navigation. Most forms
# open the line (matched there only: a pattern anchored at the start is still tried at
# every offset by search); the page tools stand anywhere.
FURNITURE_LINE = re.compile(
    r"(您现在的位置|当前位置|您的位置|首页\s*[>»›])|[^<>]{1,16}\s[>»›]\s[^<>]{1,16}\s[>»›]\s"
    r"|(发布时间|发布日期|信息来源|来源|浏览次数|点击数|访问量|作者|编辑|责任编辑)\s*[:：]"
    r"|(上一篇|下一篇|上一条|下一条|相关链接|相关阅读|分享到|扫一扫|打印本页|关闭窗口|免责声明)"
    r"|(English\s|智能问答|网站地图|无障碍|政务微博|政务微信|主办单位|承办单位|版权所有|ICP备)"
    r"|(抄送|抄报|主送|印发|分送)\s*[:：]"
    r"|(索引号|主题分类|发文机关|发布机构|成文日期|发文字号|文号|公开方式|公开范围|公开属性|有效性|生效日期|"
    r"废止日期|主题词|阅读次数|浏览量|联系人|联系电话|传真|电子邮箱)\s*[:：]"
    r"|[\[【(（]?\s*字体\s*[:：]|[（(]此件(主动|依申请|不予)?公开(发布)?[）)]$"
    r"|[-—－–]\s*\d{1,3}\s*[-—－–]$|第\s*\d{1,3}\s*页(\s*[/，,]?\s*共\s*\d{1,3}\s*页)?$"
)
PAGE_TOOLS = re.compile(r"字号\s*[:：]?\s*[\[【(（]?\s*[大中小\]]|[\[【]\s*(关闭|打印|收藏)\s*[\]】]|视力保护色")


def is_furniture(text: str) -> bool:
    return len(text) < 120 and bool(FURNITURE_LINE.match(text) or PAGE_TOOLS.search(text))


# A page's mark that it goes on from the page before ([接上页] 省水利厅：…), cut off its line.
CONTINUED = re.compile(r"^[\[【〔（]?\s*(接上页|续上页|续前页|上接第?\d{0,3}页)\s*[\]】〕）]?\s*")
# Gambling spam that defaced pages inject, often in place of a place name.
SPAM = re.compile(
    r"(老虎机|百家乐|娱乐城|博彩|赌场|葡京|威尼斯人|时时彩|六合彩|真人视讯|电子游艺|网投|"
    r"体育投注|彩票网|开户送|棋牌游戏|捕鱼游戏)[\u4e00-\u9fffA-Za-z0-9]{0,6}[:：]?"
)


GARBLED = re.compile(r"\ufffd|\?{2,}|[\u4e00-\u9fff]\?[\u4e00-\u9fff;；]|[\u4e00-\u9fff]\?$")
SENTENCE_END = "。；;！!？?：:”’」』)）]】》>…"
STARTS_NEW_BLOCK = re.compile(
    r"^(第[一二三四五六七八九十百零〇\d]+[章节部分篇编条]|[一二三四五六七八九十百]+[、是]"
    r"|[（(][一二三四五六七八九十百\d]+[）)]|\d{1,3}\s*[.．、)）]|\d{1,3}\s+\S|[①-⑳]|附件|[|｜)）]"
    r"|.*[|｜].*[|｜]"  # a pipe row
    r"|[^，。；;：:,、（()）]{2,24}[:：])"
)
TITLE_END = re.compile(r"(方案|要点|规划|计划|意见|办法|通知|细则|措施|安排|纲要|清单|分工|"
                       r"方案|要點|規劃|計劃|意見|辦法|通知|細則|措施|安排|綱要|清單)$")
PIPE_ROW = re.compile(r"[|｜].*[|｜]")


def pipe_row(text: str) -> bool:
    """Two bars on the line: a table row. (Most lines hold no bar: said without a scan.)"""
    return ("|" in text or "｜" in text) and PIPE_ROW.search(text) is not None


BROKEN_LINE_MIN = 24  # a line this long ending mid-sentence was broken at a page end


@dataclass(frozen=True)
class CleanText:
    lines: tuple[Line, ...]
    skipped: tuple[Region, ...]
    warnings: tuple[Finding, ...]
    tables: tuple = ()  # tables.TableBlock, found before lines were rejoined


def clean_lines(normalised: Normalised) -> CleanText:
    """Clean a document's normalised lines (see the module docstring)."""
    kept: list[Line] = []
    skipped = list(normalised.skipped)
    warnings: list[Finding] = []
    for line in normalised.lines:
        if is_furniture(line.text):
            skipped.append(Region(line.number, line.number, "furniture", len(line.raw)))
            continue
        if SPAM.search(line.text):
            warnings.append(Finding("spam", line.number, "spam text removed from a defaced page",
                                    line.raw[:80]))
            cleaned = cut_spam(line)
            skipped.append(Region(line.number, line.number, "spam",
                                  len(line.text) - len(cleaned.text)))
            if not cleaned.text:
                continue
            line = cleaned
        continued = CONTINUED.match(line.text)
        if continued:
            skipped.append(Region(line.number, line.number, "furniture", continued.end()))
            line = line.cut(continued.end())
            if not line.text.strip():
                continue
        garbled = GARBLED.search(line.raw) if "?" in line.raw or "\ufffd" in line.raw else None
        if garbled:
            warnings.append(Finding("garbled", line.number, "garbled characters (mojibake or "
                                    "replacement marks)", garbled.group(0)))
        kept.extend(split_run_on(line))
    tables = find_tables(kept)  # before rejoining: a table's cells are lines of their own
    inside = {k for block in tables.values() for k in range(block.start, block.end)}
    lines, run = [], []
    for k, line in enumerate(kept):
        if k in inside:
            lines.extend(rejoin_broken(run))
            lines.append(line)
            run = []
        else:
            run.append(line)
    lines.extend(rejoin_broken(run))
    return CleanText(tuple(lines), tuple(skipped), tuple(warnings), tuple(tables.values()))


RUN_ON_SPLIT = re.compile(
    r"\s(?=\d{1,3}[.、．](?!\d)|[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十\d]{1,3}[)）]"
    r"|第[一二三四五六七八九十百\d]{1,4}[条章]"
    r"|(?:" + LABEL.pattern + "))")
RUN_ON_MIN = 150
# …。市房管局：负责… and …;第二组: — the stop is matched (the cut is after it), not looked
# behind for: a pattern opening with a set of characters is scanned for them, one opening
# with a look-behind is tried at every offset
UNIT_COLON = re.compile(r"[。；]\s*(?=([^，。；：、\s]{2,24})：)")
GROUP_SPLIT = re.compile(r"[;；。]\s*(?=第[一二三四五六七八九十\d]{1,3}(?:组|小组)[:：])")


def cut_spam(line: Line) -> Line:
    """The line without the spam in it, raw text beside (stripped; maybe empty)."""
    pieces, last = [], 0
    for m in SPAM.finditer(line.text):
        pieces.append(line.cut(last, m.start()))
        last = m.end()
    out = pieces[0]
    for piece in pieces[1:] + [line.cut(last)]:
        out = out.joined(piece)
    return out.strip()


def numbered_cuts(text: str) -> list[int]:
    """Where a run-together page's items start: markers after a space or a stop that count
    on, one sequence per kind of marker (1. … 2. … 3.; （34）… （35）; 1.1 … 1.2): a marker
    is a cut when it is the first of its kind or a neighbour of one before or after it."""
    marks = []  # (kind, number, offset); a decimal's kind holds its prefix (1.2 -> dec1.)
    for m in SEQUENCE_MARK.finditer(text):
        kind = m.lastgroup
        value = m.group(kind)
        if kind == "dec":
            prefix, _, value = value.rpartition(".")
            kind += prefix
        n = to_int(value)
        if n:
            marks.append((kind, n, m.start() + 1))  # after its space or stop
    if len(marks) < 2:
        return []
    seen = {(kind, n) for kind, n, _ in marks}
    cuts = [at for kind, n, at in marks
            if n == 1 or (kind, n - 1) in seen or (kind, n + 1) in seen]
    return cuts if len(cuts) >= 2 else []


def split_run_on(line: Line) -> list[Line]:
    """A page that put a whole list on one line (``…。 2.落实… 责任单位:X 3.…``): pieces at
    each space before an item number or a label; a shorter line stays whole. Groups
    (``第一组：…；第二组：…``) are cut apart wherever they stand."""
    text = line.text
    if pipe_row(text):
        return [line]  # a table row keeps its cells together
    cuts = [m.start() for m in RUN_ON_SPLIT.finditer(text)] if len(text) >= RUN_ON_MIN else []
    if len(cuts) < 2:
        cuts = []
    cuts += numbered_cuts(text)
    if "组" in text:  # each pattern only where the word it needs stands; cut after the stop
        cuts += [m.start() + 1 for m in GROUP_SPLIT.finditer(text)]
    if "：" in text:
        cuts += [m.start() + 1 for m in UNIT_COLON.finditer(text) if is_unit_like(m.group(1))]
    cuts = sorted(set(cuts))
    if not cuts:
        return [line]
    bounds = [0] + cuts + [len(text)]
    return [line.cut(a, b).strip() for a, b in zip(bounds, bounds[1:]) if text[a:b].strip()]


def open_bracket_at_end(text: str) -> bool:
    """An opening bracket in the last few characters that no closing one follows."""
    tail = text[-12:]
    at = max(tail.rfind("("), tail.rfind("（"))
    return at >= 0 and ")" not in tail[at:] and "）" not in tail[at:] and len(text) >= BROKEN_LINE_MIN


def rejoin_broken(lines: list[Line]) -> list[Line]:
    """Join a long line that stops mid-sentence with the next line that starts no block."""
    out: list[Line] = []
    for line in lines:
        if out:
            prev = out[-1]
            if open_bracket_at_end(prev.text) and line.number - prev.end <= 3:
                out[-1] = prev.joined(line)
                continue  # a bracket left open: the clause goes on, whatever the line starts with
            if (len(prev.text) >= BROKEN_LINE_MIN and prev.text[-1] not in SENTENCE_END
                    and not STARTS_NEW_BLOCK.match(line.text)
                    and not (STARTS_NEW_BLOCK.match(prev.text) and len(prev.text) < 30)
                    and not TITLE_END.search(prev.text)
                    and not pipe_row(prev.text)
                    and line.number - prev.end <= 3):
                out[-1] = prev.joined(line)
                continue
        out.append(line)
    return out
