"""Plans of a chosen size made from one sample plan, for the end-to-end extraction rows.

``repeated_plan`` keeps the sample's preamble once and repeats its body (from the first
``一、`` heading on), each copy a chapter of its own (``第一章``, ``第二章`` …) so the outline
stays one a reader would number: every copy's items are tasks again.
Used by ``bench/run.py`` (``extract_e2e``): ``dutygraph extract PLAN --format json`` timed
as a whole process, start-up subtracted.

    python bench/extract_bench.py huaihua-2022-safety-key-points.txt 6 /tmp/big.txt
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST_HEADING = re.compile(r"^\s*一、", re.M)
DIGITS = "零一二三四五六七八九"


def chinese_number(n: int) -> str:
    """1 -> 一, 10 -> 十, 207 -> 二百零七, 1234 -> 一千二百三十四 (n < 10,000)."""
    if n < 10:
        return DIGITS[n]
    if n < 20:
        return "十" + (DIGITS[n % 10] if n % 10 else "")
    out, zero = "", False
    for value, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit:
            out += ("零" if zero and out else "") + DIGITS[digit] + name
            zero = False
        else:
            zero = bool(out)
    return out


def repeated_plan(sample: str, megabytes: float) -> str:
    """The sample's preamble, then its body once per chapter until ``megabytes`` of UTF-8."""
    text = (ROOT / "data" / "plans" / sample).read_text(encoding="utf-8")
    start = FIRST_HEADING.search(text).start()
    preamble, body = text[:start], text[start:].rstrip("\n") + "\n"
    copies = int(megabytes * 1_000_000 // len(body.encode("utf-8"))) + 1
    return preamble + "".join(f"第{chinese_number(k)}章 重点任务（{k}）\n{body}"
                              for k in range(1, copies + 1))


if __name__ == "__main__":
    name, size, out = sys.argv[1], float(sys.argv[2]), sys.argv[3]
    Path(out).write_text(repeated_plan(name, size), encoding="utf-8")
