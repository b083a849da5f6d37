"""Are two plans one series (this year's plan and last year's of one office), or unrelated?

Task links between unrelated plans are noise that looks like findings (the 洪江 十四五
emergency plan against Huaihua's 2022 safety key points gave 59 "pairs"), so ``compare``
first reads what the plans say of themselves:

- **source**: the jurisdiction, the issuer, the document number's prefix (许政, 桓政办发);
- **kind**: the genre the title names (工作要点, 实施方案, 规划, 责任分解 …) and the
  title's subject once place, years and genre are taken out (安全生产, 应急体系建设).

Each is ``True`` (both known and alike), ``False`` (both known and different) or unknown.
The plans are unrelated when a source field disagrees and none agrees, or a kind field
does; short of that they are one series when some field agrees. Unknown beats wrong: where
nothing is known either way the verdict is ``unknown`` and the tasks are compared.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from dutygraph.model import Plan

from .textsim import plain_text, tfidf_cosine

KINDS = (  # (genre, what the title says), the more specific first
    ("预案", r"应急预案|预案"), ("要点", r"工作要点|要点"), ("规划", r"规划"),
    ("分解", r"责任分解|任务分解|分工"), ("方案", r"实施方案|工作方案|行动方案|方案"),
    ("计划", r"计划"), ("意见", r"实施意见|意见"), ("办法", r"办法|细则"),
    ("职责", r"职责"), ("清单", r"清单"), ("报告", r"报告"))
_YEAR = re.compile(r"(19|20)\d\d年?(度)?|[一二三四五六七八九十]{2,3}五|[0-9]+")
_FILLER = re.compile(r"关于|印发|的|通知|转发|人民政府|政府|办公室|全市|全县|全区|我市|我县")
_DOC_PREFIX = re.compile(r"^\s*([\u4e00-\u9fff]{1,6})\s*[〔\[【(（]")


@dataclass(frozen=True)
class SeriesFact:
    field: str  # jurisdiction, issuer, document_number, kind, subject
    old: str
    new: str
    agrees: bool | None  # None: unknown on one side


@dataclass(frozen=True)
class SeriesCheck:
    """The verdict on two plans: ``same`` (one series), ``unrelated``, or ``unknown``."""

    verdict: str
    facts: tuple[SeriesFact, ...]
    forced: bool = False  # unrelated, and linked anyway (``--force``)

    @property
    def linked(self) -> bool:
        """Whether the tasks are matched at all."""
        return self.verdict != "unrelated" or self.forced

    def differences(self) -> tuple[SeriesFact, ...]:
        return tuple(f for f in self.facts if f.agrees is False)


def plan_kind(title: str) -> str:
    """The genre a title names ('' where none): 怀化市2021年安全生产工作要点 → 要点."""
    text = plain_text(title)
    for kind, pattern in KINDS:
        if re.search(pattern, text):
            return kind
    return ""


def plan_subject(plan: Plan) -> str:
    """The title without place, years, genre and filler words: what the plan is about."""
    text = plain_text(plan.title)
    for name in (plan.jurisdiction, plan.issuer):
        if name:
            text = text.replace(plain_text(name), "")
    text = _YEAR.sub("", text)
    for _, pattern in KINDS:
        text = re.sub(pattern, "", text)
    text = _FILLER.sub("", text)
    return re.sub(r"(工作|年)$", "", text)


def _doc_prefix(number: str) -> str:
    m = _DOC_PREFIX.match(number or "")
    return m.group(1) if m else ""


def _alike(a: str, b: str) -> bool:
    return a == b or (len(a) >= 4 and a in b) or (len(b) >= 4 and b in a)


def _fact(field: str, old: str, new: str, same=_alike) -> SeriesFact:
    old, new = (old or "").strip(), (new or "").strip()
    return SeriesFact(field, old, new, same(old, new) if old and new else None)


def _same_subject(a: str, b: str) -> bool:
    return a == b or float(tfidf_cosine([a], [b], (2,))[0, 0]) >= 0.3


def check_series(old: Plan, new: Plan, force: bool = False) -> SeriesCheck:
    """Whether ``old`` and ``new`` are one series (see the module docstring)."""
    source = (_fact("jurisdiction", old.jurisdiction, new.jurisdiction, str.__eq__),
              _fact("issuer", plain_text(old.issuer), plain_text(new.issuer)),
              _fact("document_number", _doc_prefix(old.document_number),
                    _doc_prefix(new.document_number), str.__eq__))
    kind = (_fact("kind", plan_kind(old.title), plan_kind(new.title), str.__eq__),)
    subjects = (plan_subject(old), plan_subject(new))
    if all(len(s) >= 2 for s in subjects):
        kind += (_fact("subject", *subjects, same=_same_subject),)
    facts = source + kind
    source_yes = any(f.agrees for f in source)
    source_no = any(f.agrees is False for f in source)
    kind_yes = any(f.agrees for f in kind)
    kind_no = any(f.agrees is False for f in kind)
    if (source_no and not source_yes) or (kind_no and not kind_yes):
        verdict = "unrelated"
    elif source_yes or kind_yes:
        verdict = "same"
    else:
        verdict = "unknown"
    return SeriesCheck(verdict, facts, forced=force and verdict == "unrelated")
