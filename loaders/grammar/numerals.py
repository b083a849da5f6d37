"""Chinese numerals as plans print them, and ranges of items.

Item numbers (``（十二）``), deadlines (``三季度``, ``十二月``), five-year plans (``十四五``)
and Word's numbering (``chineseCounting``) all count in the same numerals: read and
written here, once.
"""
from __future__ import annotations

import re

CN = "一二三四五六七八九十百零〇两"  # the characters of a numeral (a character class)
DIGITS = "零一二三四五六七八九"
VALUE = {**{c: k for k, c in enumerate(DIGITS)}, "〇": 0, "两": 2}

# （一）至（五）项 / （三）项: the items a clause names by number
RANGE = re.compile(rf"[（(]([{CN}\d]+)[）)]\s*(?:至|到|—|－|-|~|～)\s*[（(]([{CN}\d]+)[）)]\s*项?"
                   rf"|[（(]([{CN}\d]+)[）)]\s*项")
RANGE_AT_START = re.compile(rf"^[（(][{CN}\d]+[）)]\s*(?:至|到|—|－|-|~|～)\s*[（(][{CN}\d]+[）)]")


def to_int(text: str) -> int | None:
    """A number in digits or Chinese numerals up to 999; None when it is neither.

    >>> to_int("12"), to_int("三"), to_int("十二"), to_int("二十"), to_int("一百零五"), to_int("甲")
    (12, 3, 12, 20, 105, None)
    """
    if text.isdigit():
        return int(text)
    if not text or any(c not in VALUE and c not in "十百" for c in text):
        return None
    total, rest = 0, text
    for unit, size in (("百", 100), ("十", 10)):
        if unit in rest:
            head, _, rest = rest.partition(unit)
            head = head.lstrip("零〇")
            if len(head) > 1:
                return None
            total += (VALUE[head] if head else 1) * size
    rest = rest.lstrip("零〇") or "零"
    return total + VALUE[rest] if len(rest) == 1 else None


def to_chinese(n: int) -> str:
    """一 … 九十九 … 九百九十九, as Word's chineseCounting and plans print them."""
    if n <= 0 or n >= 1000:
        return str(n)
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return DIGITS[n // 10] + "十" + (DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + DIGITS[rest] if rest < 10 else
                                ("一" + to_chinese(rest) if rest < 20 else to_chinese(rest)))
    return DIGITS[n // 100] + "百" + tail


def number_range(first: str, last: str) -> list[str]:
    """The item numbers from ``first`` to ``last`` as printed (一 … 五, or 1 … 5)."""
    a, b = to_int(first), to_int(last)
    if a is None or b is None or b < a or b - a > 50:
        return [first]
    cn = first[0] in CN
    return [to_chinese(n) if cn else str(n) for n in range(a, b + 1)]
