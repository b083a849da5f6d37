"""Item markers as plans print them: their kinds, their conventional depth, how each kind
prints its number, and the forms a marker takes where it is not at a line's start (a page
that ran its items together, numbered sub-items in one table cell, 一是…二是… in a
sentence). The outline, the run-on cuts and the table reader all read them here.
"""
from __future__ import annotations

import re

from .numerals import CN

MARKERS = [  # (kind, pattern); the group is the number as printed
    ("chapter", rf"^第\s*([{CN}\d]+)\s*[章篇编]\s*"),
    ("part", rf"^第\s*([{CN}\d]+)\s*(?:节|部分)\s*"),
    ("article", rf"^第\s*([{CN}\d]+)\s*条\s*"),
    ("box", rf"^专栏\s*([{CN}\d]+)\s*[:：.、]?\s*"),
    ("group", rf"^第\s*([{CN}\d]+)\s*(?:组|小组)\s*[:：]\s*"),
    ("cn", rf"^([{CN}]+)\s*[、．.]\s*"),
    ("cn_paren", rf"^[（(]\s*([{CN}]+)\s*[）)]\s*[、.．]?\s*"),
    ("decimal", r"^(\d{1,2}(?:\.\d{1,2}){1,3})(?![\d.%])\s*(?=[\u4e00-\u9fff“（(])"),  # 3.1预防
    ("num", r"^(\d+)\s*[.．、﹒](?:(?!\d)|(?=\d{4}\s*年|\d{1,2}\s*月))\s*"),  # 1.2009年底前
    ("num_half", r"^(\d+)\s*[)）]\s*"),
    ("num_paren", r"^[（(]\s*(\d+)\s*[）)]\s*"),
    ("circled", r"^([①-⑳])\s*"),
    ("paren_digit", r"^([⑴-⒇])\s*"),
    ("digit_stop", r"^([⒈-⒛])\s*"),
    ("bullet", r"^()(?:——|—|●|■|◆|•|▲|★|☆|○|◇|□|※|➢|Ø)\s*(?=\S)"),
    ("ordinal", rf"^([{CN}]+)是\s*[，,：:]?\s*"),
    ("lost_paren", r"^()[)）]\s*(?=[\u4e00-\u9fff])"),
]
# The conventional depth of each marker (第一章 > 第一条 > 一、 > （一） > 1. > 1.1 > （1） > ①):
# a marker never opens inside a deeper one, so an item that a page cut off before its
# heading (a stray （五） or 4.) does not swallow the headings after it.
RANK = {"chapter": 0, "part": 1, "article": 2, "cn": 3, "lost_paren": 4, "cn_paren": 4,
        "num": 5, "decimal1": 6, "decimal2": 6.1, "decimal3": 6.2, "num_half": 7, "num_paren": 7,
        "circled": 8, "paren_digit": 8, "digit_stop": 8, "ordinal": 9, "bullet": 9}
MARKER_RES = [(kind, re.compile(p)) for kind, p in MARKERS]
# all of them in one pattern: the first kind whose marker opens a text, in one call
ANY_MARKER = re.compile("|".join(f"(?P<{kind}>{p})" for kind, p in MARKERS))
KIND_AT = {kind: k for k, (kind, _) in enumerate(MARKERS)}

PRINTED = {"cn_paren": "({})", "num_half": "{})", "num_paren": "({})", "ordinal": "{}是",
           "chapter": "第{}章", "part": "第{}节", "article": "第{}条", "box": "专栏{}",
           "group": "第{}组", "bullet": "•{}"}  # a kind's number as printed


def printed_number(kind: str, number: str) -> str:
    form = PRINTED.get(kind)
    return form.format(number) if form else number


# 一是…二是… after a stop inside a sentence
INLINE_ORDINAL = re.compile(rf"(?:^|(?<=[。；;:：]))\s*([{CN}]{{1,2}})是(?=[\u4e00-\u9fff“])")

# a marker on a page that ran its items together (…。 2.落实…): the space or stop before it
# is matched, not looked behind for (scanned, not tried
# at every offset; no marker ends in a space or stop, so no match takes the next one's)
SEQUENCE_MARK = re.compile(r"[\s。；，](?:(?P<dec>\d{1,2}(?:\.\d{1,2}){1,2})(?=\s*\D)|"
                           r"(?P<num>\d{1,3})[.、．](?!\d)|"
                           r"(?P<cn>[一二三四五六七八九十]{1,3})、|（(?P<paren>[一二三四五六七八九十]{1,3})）|"
                           r"（(?P<pnum>\d{1,3})）)")

# numbered sub-items in one cell (1.明确…；2.补充…), and a cell's own printed number (135.统筹…)
SUB_ITEM = re.compile(r"(?:^|(?<=[。；;\s]))(\d{1,2})\s*[.、．](?!\d)")
ITEM_NUMBER = re.compile(r"^(\d{1,4})[.、．]\s*(?=\D)")
