"""Deadlines as written (2022年底前, 6月底前, 三季度末, 长期坚持 …) to a normalised ``Due``.

A pure function of the text and the plan's year: ``normalise_deadline``. The kinds:

- ``date``: one day (年底前, 6月底前, 三季度末, 11月6日前), the plan's year where none is written;
- ``period``: a span (年内, 上半年, 2020年12月, 9月30日至10月31日, 2021—2025年);
- ``ongoing``: 长期坚持, 持续推进, 常态化 …;
- ``recurring``: 每月, 每季度, 每年, 定期 …;
- ``relative``: after an event (省级文件下发后1个月内, 按省…办公室安排落实), or within a delay of
  the plan's issue (1年内).

A date wins over the other kinds where a deadline holds several (市级2020年12月,县级按照省统一
安排完成 falls due with the city's date). Text none of these fits gives ``None``, as does a
date without a year in a plan whose year is unknown.
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

from ...model import Due
from ..grammar.numerals import VALUE, to_int

NUM = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})"
YEAR = r"(?:(?P<year>\d{4})\s*年|(?P<next>明年|次年)|(?:今年|本年|当年))?"

ONGOING = re.compile(r"长期|持续|常态化|常年|长效|经常性|始终")
RECURRING = (("每日", "day"), ("每天", "day"), ("每周", "week"), ("每旬", "ten_days"),
             ("每月", "month"), ("每季", "quarter"), ("每半年", "half_year"),
             ("每年", "year"), ("定期", ""))
AFTER = re.compile(rf"(?:在|于|待)?(?P<event>[^，,；;。]+?)(?:之后|以后|后)(?:的)?"
                   rf"(?P<within>{NUM}\s*(?:个)?(?:工作日|月|日|天|周|年))?(?:以内|内)?")
ARRANGED = re.compile(r"(?:按照|按|根据|依据)(?P<event>[^，,；;。]+?(?:安排|要求|部署|时间|进度))")
WITHIN = re.compile(rf"(?P<within>{NUM}\s*(?:个)?(?:工作日|月|日|天|周|年))(?:以内|内)")

DAY = re.compile(rf"{YEAR}(?P<month>{NUM})\s*月(?:份)?\s*(?P<day>{NUM})\s*[日号]")
SPAN = re.compile(rf"{DAY.pattern}\s*(?:至|到|—|－|-|~|～)\s*"
                  rf"(?:(?P<year2>\d{{4}})\s*年)?(?:(?P<month2>{NUM})\s*月)?"
                  rf"\s*(?P<day2>{NUM})\s*[日号]")
MONTH_END = re.compile(rf"{YEAR}(?P<month>{NUM})\s*月(?:份)?\s*(?:底|末|末前|中旬|上旬|下旬)?")
YEARS_OF = r"(?:(?P<year>\d{4})\s*|(?P<next>明|次)|今|本|当)?年"  # 2022年 / 明年 / 年
YEAR_END = re.compile(rf"{YEARS_OF}年?(?:底|末)")
QUARTER = re.compile(rf"{YEAR}(?:第)?(?P<q>[一二三四1-4])\s*季度(?P<end>末|底)?")
HALF = re.compile(rf"{YEAR}(?P<half>上|下)半年")
MID = re.compile(rf"{YEARS_OF}中(?!旬)")
WHOLE_YEAR = re.compile(r"(?<![\d个一二三四五六七八九十])年内|全年|本年度|年度内|今年内|当年")
YEARS = re.compile(r"(?P<y1>\d{4})\s*(?:年)?\s*(?:至|到|—|－|-|~|～)\s*(?P<y2>\d{4})\s*年")
BARE_YEAR = re.compile(r"(?P<year>\d{4})\s*年(?:前|内|以前|之前|完成)?")


def cn_number(text: str) -> int:
    """A month, day or quarter in digits or Chinese numerals (0 where it is neither)."""
    return to_int(text) or 0


def _iso(year: int, month: int, day: int | None = None) -> str:
    """An ISO day; ``day`` None is the month's last day. Impossible dates raise ValueError."""
    last = calendar.monthrange(year, month)[1]
    if day is None:
        day = last
    if not 1 <= day <= last:
        raise ValueError(f"no day {day} in {year}-{month:02d}")
    return f"{year:04d}-{month:02d}-{day:02d}"


def _year(match: re.Match, year: int | None) -> int | None:
    if match.group("year"):
        return int(match.group("year"))
    if match.group("next") and year:
        return year + 1
    return year


def _dated(text: str, year: int | None) -> Due | None:
    """The first date or period the text names, or None."""
    m = YEARS.search(text)
    if m:
        return Due("period", start=f"{int(m['y1']):04d}-01-01", end=f"{int(m['y2']):04d}-12-31")
    m = SPAN.search(text)
    if m and (y := _year(m, year)):
        y2 = int(m["year2"]) if m["year2"] else y
        month2 = cn_number(m["month2"]) if m["month2"] else cn_number(m["month"])
        return Due("period", start=_iso(y, cn_number(m["month"]), cn_number(m["day"])),
                   end=_iso(y2, month2, cn_number(m["day2"])))
    for pattern, build in ((DAY, _day), (QUARTER, _quarter), (HALF, _half), (MID, _mid),
                           (YEAR_END, _year_end), (MONTH_END, _month)):
        m = pattern.search(text)
        if m:
            y = _year(m, year)
            return build(m, y) if y else None
    m = BARE_YEAR.search(text)
    if m:
        y = int(m["year"])
        return Due("period", start=f"{y:04d}-01-01", end=f"{y:04d}-12-31")
    if WHOLE_YEAR.search(text) and year:
        return Due("period", start=f"{year:04d}-01-01", end=f"{year:04d}-12-31")
    return None


def _day(m, y):
    return Due("date", date=_iso(y, cn_number(m["month"]), cn_number(m["day"])))


def _quarter(m, y):
    q = cn_number(m["q"])
    end = _iso(y, q * 3)
    if m["end"]:
        return Due("date", date=end)
    return Due("period", start=_iso(y, q * 3 - 2, 1), end=end)


def _half(m, y):
    first = m["half"] == "上"
    return Due("period", start=_iso(y, 1 if first else 7, 1), end=_iso(y, 6 if first else 12))


def _mid(m, y):
    return Due("date", date=_iso(y, 6))


def _year_end(m, y):
    return Due("date", date=_iso(y, 12))


def _month(m, y):
    month = cn_number(m["month"])
    written = m.group(0)
    if any(w in written for w in ("底", "末")):
        return Due("date", date=_iso(y, month))
    return Due("period", start=_iso(y, month, 1), end=_iso(y, month))


@lru_cache(maxsize=4096)  # a plan writes the same few deadlines (年底前, 长期坚持) again and again
def normalise_deadline(text: str | None, year: int | None) -> Due | None:
    """The normalised form of a deadline as written, in a plan of ``year`` (or None).

    >>> normalise_deadline("2022年底前", 2021)
    Due(kind='date', date='2022-12-31', start='', end='', every='', event='', within='')
    >>> normalise_deadline("6月底前", 2022).date, normalise_deadline("三季度末", 2022).date
    ('2022-06-30', '2022-09-30')
    >>> d = normalise_deadline("年内", 2021); (d.kind, d.start, d.end)
    ('period', '2021-01-01', '2021-12-31')
    >>> normalise_deadline("长期坚持", 2020).kind, normalise_deadline("每季度", 2020).every
    ('ongoing', 'quarter')
    >>> d = normalise_deadline("省级文件下发后1个月内", 2020); (d.kind, d.event, d.within)
    ('relative', '省级文件下发', '1个月')
    >>> normalise_deadline("6月底前", None) is None, normalise_deadline("尽快", 2020) is None
    (True, True)
    """
    if not text or not text.strip():
        return None
    text = CN_YEAR.sub(lambda m: "".join(str(VALUE[c]) for c in m[1]) + "年",
                      text.translate(FULL_WIDTH)).strip()
    for word, every in RECURRING:
        if word in text:
            return Due("recurring", every=every)
    try:
        dated = _dated(text, year)
    except ValueError:  # 2月30日: a date that does not exist is left unread
        dated = None
    if dated is not None:
        return dated
    m = AFTER.search(text)
    if m and (m["within"] or any(w in m["event"] for w in ("下发", "印发", "出台", "发布"))):
        within = (m["within"] or "").replace(" ", "")
        return Due("relative", event=m["event"].strip(), within=within)
    m = ARRANGED.search(text)
    if m:
        return Due("relative", event=m["event"].strip())
    m = WITHIN.search(text)
    if m:
        return Due("relative", within=m["within"].replace(" ", ""))
    if ONGOING.search(text):
        return Due("ongoing")
    return None


CN_YEAR = re.compile(r"([〇零一二三四五六七八九]{4})年")  # 二〇二二年
FULL_WIDTH = str.maketrans("０１２３４５６７８９", "0123456789")


def with_due(plan):
    """The plan with every task's ``due`` filled in from its ``deadline`` and the plan's year."""
    import dataclasses

    def dated(task):
        due = normalise_deadline(task.deadline, plan.year)
        return task if due == task.due else dataclasses.replace(task, due=due)

    return dataclasses.replace(plan, tasks=tuple(dated(t) for t in plan.tasks))
