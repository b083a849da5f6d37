"""The one data model of dutygraph, shared by every layer.

Records are frozen dataclasses holding tuples, never lists: a layer that wants a changed
record makes a new one with ``dataclasses.replace``. ``to_dict`` gives the JSON form of the
``dutygraph.plan/1`` contract (documented in the README); ``plan_from_dict`` reads it back.
"""
from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass

import orjson

PLAN_SCHEMA = "dutygraph.plan/1"

ROLES = ("lead", "support", "implement", "supervise")
"""lead  # 牵头 / 负责; support  # 配合 / 参与 / 协助 / 会同的一方; implement  # 落实;
supervise  # 督促 / 督导 / 指导."""

SOURCES = ("explicit", "inherited", "range", "inline", "expanded")
"""explicit: an assignment clause of the task itself; inherited: a section header's
``（牵头单位：X）``; range: ``（一）至（五）项由X负责``; inline: the grammatical subject of an
action sentence inside the task's text (kept apart from the others in every count);
expanded: a roster member a catch-all (各成员单位) stands for, added by ``graph.expand``
(never by the loaders; counted apart)."""


@dataclass(frozen=True)
class Source:
    """Where a plan came from: enough to find and verify the file again."""

    path: str
    format: str  # txt, md, html, docx, pdf, xlsx, csv, review
    encoding: str | None = None
    script: str = "simplified"  # simplified, traditional, mixed
    sha256: str = ""
    size: int = 0


@dataclass(frozen=True)
class Section:
    id: str
    number: str  # as printed: 一、 / （二） / 第三章
    title: str
    parent: str | None
    line: int
    level: int = 0


@dataclass(frozen=True)
class Assignment:
    unit: str  # canonical name, simplified script
    mention: str  # as written in the source
    role: str  # one of ROLES
    collective: bool = False  # a class such as 各有关部门, not one office
    source: str = "explicit"  # one of SOURCES
    clause: str = ""  # the clause it came from, as written
    line: int = 0
    exhaustive: bool = True  # False where the list ended in 等 (not every unit named)
    evidence: str = ""  # the kind of clause: paren, label, sentence, opening, units, table,
    # header (a unit heading its duties), heading (a section's clause), range, first (a
    # first-is-lead rule), inline


DUE_KINDS = ("date", "period", "ongoing", "recurring", "relative")
"""date: falls due on ``date``; period: between ``start`` and ``end``; ongoing: 长期坚持 /
持续推进; recurring: every ``every`` (每月 …); relative: after ``event`` (省级文件下发后1个月内)."""


@dataclass(frozen=True)
class Due:
    """A task's deadline normalised (``loaders.deadlines``); the text stays in ``deadline``."""

    kind: str  # one of DUE_KINDS
    date: str = ""  # date: ISO YYYY-MM-DD
    start: str = ""  # period: ISO first day
    end: str = ""  # period: ISO last day
    every: str = ""  # recurring: day, week, month, quarter, half_year, year, or "" (定期)
    event: str = ""  # relative: the event as written (省级文件下发), "" for the plan's issue
    within: str = ""  # relative: the delay as written (1个月), "" where none is given

    @property
    def falls_due(self) -> str:
        """The ISO day the task must be done by: a date, or a period's end; else ""."""
        return self.date or self.end


@dataclass(frozen=True)
class Task:
    id: str
    section: str | None
    label: str  # numbering path as printed, e.g. 二/（三）/2
    number: str  # this item's own number as printed
    title: str  # first sentence
    text: str  # full text as in the source
    line: int
    end_line: int = 0
    deadline: str | None = None
    assignments: tuple[Assignment, ...] = ()
    leaders: tuple[str, ...] = ()  # people named by 牵头领导：/责任领导： (never units)
    due: Due | None = None  # the deadline normalised; None where there is none or it is unread


@dataclass(frozen=True)
class Unit:
    name: str  # canonical, simplified
    mentions: tuple[str, ...] = ()
    level: str = ""  # 市 / 县 / 区 / 省 / 镇 / ""
    collective: bool = False


@dataclass(frozen=True)
class Finding:
    """A warning about the source: what could not be read, or looks wrong, and where."""

    kind: str  # garbled, typo, not_exhaustive, furniture, page_break, …
    line: int
    message: str
    text: str = ""


@dataclass(frozen=True)
class Region:
    """A stretch of the source that is in no task: a heading, preamble, furniture, table…"""

    start_line: int
    end_line: int
    kind: str  # heading, preamble, furniture, roster, table, notice, blank, other
    chars: int = 0


@dataclass(frozen=True)
class Member:
    """One member of a plan's leading group or committee roster (领导小组 / 安委会)."""

    post: str  # the roster's post as printed: 组长, 常务副组长, 副组长, 成员, …
    person: str  # the person's name, spaces removed ("" where the roster names a unit only)
    unit: str  # the member's unit, canonical ("" where only a person's office is named)
    title: str = ""  # the person's office as written (市应急局局长)
    line: int = 0


@dataclass(frozen=True)
class Reading:
    """How well the plan was read: of the unit-like names in its text, the share that ended
    in an assignment or was accounted for (the roster, the issuer), the names that did not,
    and whether the reading should not be trusted (``poor``)."""

    coverage: float = 1.0
    unread: tuple[str, ...] = ()
    poor: bool = False


@dataclass(frozen=True)
class Plan:
    source: Source
    title: str = ""
    jurisdiction: str = ""
    year: int | None = None
    issuer: str = ""
    document_number: str = ""
    publish_date: str = ""
    sections: tuple[Section, ...] = ()
    tasks: tuple[Task, ...] = ()
    units: tuple[Unit, ...] = ()
    standing: tuple[Assignment, ...] = ()  # blanket clauses that extend every task
    warnings: tuple[Finding, ...] = ()
    coverage: tuple[Region, ...] = ()
    aliases: tuple[tuple[str, ...], ...] = ()  # groups of names this plan uses for one unit
    roster: tuple[Member, ...] = ()  # the leading group's members, as the plan prints them
    reading: Reading = Reading()


def to_dict(plan: Plan) -> dict:
    """The ``dutygraph.plan/1`` JSON object, field order fixed so output is byte-stable."""
    body = dataclasses.asdict(plan)
    return {"schema": PLAN_SCHEMA, **body}


def plan_json(plan: Plan, indent: bool = True) -> bytes:
    """The ``dutygraph.plan/1`` JSON as UTF-8, byte for byte what
    ``json.dumps(to_dict(plan), ensure_ascii=False, indent=1)`` gives (``indent=False``: the
    one-line form, ``json.dumps``'s default separators), without copying the plan first.

    orjson writes the frozen dataclasses as they are (fields in order, tuples as arrays,
    its string escapes are json's with ``ensure_ascii=False``); its two-space indentation
    is then made json's one space (a JSON string never holds a raw newline).
    A quarter of the time of ``asdict`` and json's pure-Python indenting, all told. Not for
    floats (orjson writes 1e-05 as 0.00001; json, 1e-05): the plan holds none. What orjson
    refuses (a lone surrogate, an integer past 64 bits) takes the slow path, which gives
    the same bytes.
    """
    body = {"schema": PLAN_SCHEMA, **{f.name: getattr(plan, f.name)
                                      for f in dataclasses.fields(plan)}}
    try:
        data = orjson.dumps(body, option=orjson.OPT_INDENT_2)
    except orjson.JSONEncodeError:
        return json.dumps(to_dict(plan), ensure_ascii=False,
                          indent=1 if indent else None).encode("utf-8")
    if not indent:  # ",\n  x" -> ", x"; "[\n  x" -> "[x"; "x\n]" -> "x]": json's one line
        return _NEWLINE.sub(b"", _AFTER_COMMA.sub(b", ", data))
    return _one_space_indent(data, body)


def _one_space_indent(data: bytes, body: dict) -> bytes:
    """orjson's indentation (two spaces a level) made json's (one). When no string holds two
    spaces running (orjson's one-line form, which has no spaces of its own, says so), every
    pair of spaces is indentation: one replace halves them all. Otherwise level by level."""
    if b"  " not in orjson.dumps(body):
        return data.replace(b"  ", b" ")
    return _reindent(data)


def _reindent(data: bytes) -> bytes:
    """By whole-text replaces rather than line by line (a line at a time took longer than
    orjson itself). The deepest level first, its spaces made tabs, so a level's run of
    spaces is never the start of a deeper one's; then the tabs spaces. orjson writes no raw
    tab: strings escape it."""
    depth = 0
    while b"\n" + b"  " * (depth + 1) in data:
        depth += 1
    for level in range(depth, 0, -1):
        data = data.replace(b"\n" + b"  " * level, b"\n" + b"\t" * level)
    return data.replace(b"\t", b" ")


_AFTER_COMMA = re.compile(rb",\n *")
_NEWLINE = re.compile(rb"\n *")


def plan_from_dict(data: dict) -> Plan:
    """Rebuild a Plan from its JSON form (the inverse of ``to_dict``)."""

    def build(cls, value):
        if value is None:
            return None
        kwargs = {}
        for f in dataclasses.fields(cls):
            if f.name not in value:
                continue
            kwargs[f.name] = value[f.name]
        return cls(**kwargs)

    d = dict(data)
    d.pop("schema", None)
    tasks = tuple(
        dataclasses.replace(
            build(Task, {k: v for k, v in t.items()
                         if k not in ("assignments", "leaders", "due")}),
            assignments=tuple(build(Assignment, a) for a in t.get("assignments", ())),
            leaders=tuple(t.get("leaders", ())),
            due=build(Due, t.get("due")),
        )
        for t in d.get("tasks", ())
    )
    return Plan(
        source=build(Source, d["source"]),
        title=d.get("title", ""),
        jurisdiction=d.get("jurisdiction", ""),
        year=d.get("year"),
        issuer=d.get("issuer", ""),
        document_number=d.get("document_number", ""),
        publish_date=d.get("publish_date", ""),
        sections=tuple(build(Section, s) for s in d.get("sections", ())),
        tasks=tasks,
        units=tuple(
            dataclasses.replace(build(Unit, u), mentions=tuple(u.get("mentions", ())))
            for u in d.get("units", ())
        ),
        standing=tuple(build(Assignment, a) for a in d.get("standing", ())),
        warnings=tuple(build(Finding, w) for w in d.get("warnings", ())),
        coverage=tuple(build(Region, r) for r in d.get("coverage", ())),
        aliases=tuple(tuple(g) for g in d.get("aliases", ())),
        roster=tuple(build(Member, m) for m in d.get("roster", ())),
        reading=Reading(**{**d["reading"], "unread": tuple(d["reading"].get("unread", ()))})
        if d.get("reading") else Reading(),
    )
