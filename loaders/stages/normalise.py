"""The first stage: every line read once into the form all later stages read.

A plan reaches us in either script, with ASCII or full-width punctuation (``县住建局:负责…``
and ``县住建局：负责…`` mean the same), with pinyin a converter left after characters
(``責(zé)任單位``), Markdown marks, runs of spaces and non-breaking spaces saved as ``?``.
Each ``Line`` keeps two texts: ``text``, normalised (simplified script, one width of
punctuation, no pinyin, spaces collapsed), which every later stage reads; and ``raw``, the
line as the source wrote it (spaces and marks tidied), from which the Plan's task texts,
titles and clauses are cut, so a citation is what the document says.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from ...model import Region
from ..readers.document import PINYIN, TONE_MARK, _converter

# ASCII and full-width forms of the marks the grammar reads, read alike (one width: the
# full-width forms Chinese documents use); full-width digits and letters read as ASCII.
WIDTH = str.maketrans({":": "：", ";": "；", ",": "，", "(": "（", ")": "）",
                       **{chr(0xFF10 + k): str(k) for k in range(10)},
                       **{chr(0xFF21 + k): chr(0x41 + k) for k in range(26)},
                       **{chr(0xFF41 + k): chr(0x61 + k) for k in range(26)}})
NBSP_AS_QUESTION = re.compile(r"^\?+(?=[（(一二三四五六七八九十\d\u4e00-\u9fff])|(?<= )\?+(?=\S)")
MARKDOWN_HEADING = re.compile(r"^\s{0,3}#{1,6}\s*")
MARKDOWN_EMPHASIS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
QUOTE_MARK = re.compile(r"^>\s*")
SPACE_RUN = re.compile(r"[ \t]+")
# A word of two to four characters spaced out to align a column or a signature (户 县,
# 牵 头 部 门, 杨 剑): read as the word; a space between words of two or more stays.
LETTER_SPACED = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff](?: [\u4e00-\u9fff]){1,3}(?![\u4e00-\u9fff])")
ASCII_MARKS = [chr(k) for k in WIDTH if k < 128]  # the characters WIDTH changes: these,
FULL_WIDTH_ALNUM = re.compile("[" + "".join(chr(k) for k in WIDTH if k >= 128) + "]")  # these


class Line(NamedTuple):
    """One line of the plan: ``text`` normalised, ``raw`` as written (the same object when
    they are the same); ``omap`` gives the offset in ``raw`` of each offset of ``text``
    (None where they are one to one). A tuple: a large plan makes a line and its pieces
    tens of thousands of times."""

    number: int  # first source line
    text: str
    end: int  # last source line (differs when lines were rejoined)
    raw: str
    omap: tuple[int, ...] | None = None

    def raw_at(self, start: int, stop: int | None = None) -> str:
        """The source text under ``text[start:stop]``."""
        stop = len(self.text) if stop is None else stop
        if self.omap is None:
            return self.raw[start:stop]
        return self.raw[self.omap[start]: self.omap[stop]]

    def written(self, piece: str) -> str:
        """A piece of ``text`` as the source wrote it (itself where it is not found)."""
        at = -1 if self.raw is self.text else self.text.find(piece)
        if at < 0:
            return piece
        return self.raw[at: at + len(piece)] if self.omap is None else self.raw_at(
            at, at + len(piece))

    def cut(self, start: int, stop: int | None = None) -> "Line":
        """The part ``text[start:stop]`` as a Line of its own, its raw text beside it."""
        stop = len(self.text) if stop is None else stop
        if self.omap is None:  # the raw text the same object where it reads the same: a
            text = self.text[start:stop]  # piece without a widened mark is cited at once
            raw = text if self.raw is self.text else self.raw[start:stop]
            return Line(self.number, text, self.end, text if raw == text else raw)
        base = self.omap[start]
        return Line(self.number, self.text[start:stop], self.end, self.raw_at(start, stop),
                    tuple(k - base for k in self.omap[start: stop + 1]))

    def strip(self) -> "Line":
        start = len(self.text) - len(self.text.lstrip())
        return self.cut(start, len(self.text.rstrip()))

    def joined(self, other: "Line", sep: str = "") -> "Line":
        """This line and the next as one (a sentence broken at a page end)."""
        if self.omap is None and other.omap is None:
            text = self.text + sep + other.text
            same = self.raw is self.text and other.raw is other.text
            return Line(self.number, text, other.end, text if same else self.raw + sep + other.raw)
        left = self.omap or tuple(range(len(self.text) + 1))
        right = other.omap or tuple(range(len(other.text) + 1))
        shift = len(self.raw) + len(sep)
        omap = left[:-1] + tuple(left[-1] + k for k in range(len(sep))) + tuple(
            shift + k for k in right)
        return Line(self.number, self.text + sep + other.text, other.end,
                    self.raw + sep + other.raw, omap)


def tidy(text: str) -> str:
    """Spaces collapsed (ideographic and non-breaking ones too), Markdown marks off. Each
    pattern runs only on a line holding the character it needs (a ``?``, a ``#`` near the
    start, a ``*`` or ``__``, a ``>`` first, two spaces or a tab): most lines hold none,
    and a pattern tried at every offset of a long line costs more than the rest of the
    stage."""
    text = text.replace("\u3000", " ").replace("\xa0", " ").replace("\ufeff", "")
    if "?" in text:
        text = NBSP_AS_QUESTION.sub(" ", text)  # a page's non-breaking spaces saved as ?
    if "#" in text[:4]:  # (no more than three spaces before it)
        text = MARKDOWN_HEADING.sub("", text)
    if "*" in text or "__" in text:
        text = MARKDOWN_EMPHASIS.sub("", text)
    if text.startswith(">"):
        text = QUOTE_MARK.sub("", text)
    if "  " in text or "\t" in text:
        text = SPACE_RUN.sub(" ", text)
    return text.strip()


def simplify(text: str) -> str:
    """Simplified script, one character for one (a phrase conversion that changes the
    length is redone character by character, so offsets still meet the raw text)."""
    converter = _converter("tw2s")
    out = converter.convert(text)
    if len(out) != len(text):
        out = "".join(converter.convert(ch) for ch in text)
    return out


def simplify_all(texts: list[str]) -> list[str]:
    """``simplify`` of each text, with one call of the converter for them all (a call per
    line cost a fifth of the stage). No phrase of the converter holds a newline, so the
    texts joined by newlines convert as each alone; where the lines do not come back one
    for one, or one changed length, that text is converted alone as ``simplify`` does."""
    out = _converter("tw2s").convert("\n".join(texts)).split("\n")
    if len(out) != len(texts):
        return [simplify(text) for text in texts]
    return [new if len(new) == len(text) else simplify(text) for new, text in zip(out, texts)]


def widen(text: str) -> str:
    """``text.translate(WIDTH)``: one width of punctuation, ASCII digits and letters. A
    replace for each ASCII mark, and the full-width letters and digits only where some are
    found (translate looks every character up, a tenth of the stage); no character WIDTH
    gives is one it changes, so the order does not matter."""
    for ch in ASCII_MARKS:
        text = text.replace(ch, WIDTH[ord(ch)])
    if FULL_WIDTH_ALNUM.search(text):
        for ch in set(FULL_WIDTH_ALNUM.findall(text)):
            text = text.replace(ch, WIDTH[ord(ch)])
    return text


def without_marks(raw: str, pinyin: bool = True) -> tuple[str, tuple[int, ...] | None]:
    """The text without the pinyin a converter left (``責(zé)任``; ``pinyin=False``: the
    document has no tone mark) and the spaces inside a letter-spaced word (``户 县``), and
    the offset in ``raw`` of each of its offsets (None where nothing was removed)."""
    dropped = []
    if pinyin and "(" in raw and TONE_MARK.search(raw):
        dropped = [(m.start(), m.end()) for m in PINYIN.finditer(raw)]
    if " " in raw:  # 户 县, 牵 头 部 门: the spaces inside the word
        dropped += [(m.start() + k, m.start() + k + 1) for m in LETTER_SPACED.finditer(raw)
                    for k in range(1, m.end() - m.start(), 2)]
    if not dropped:
        return raw, None
    keep = [True] * len(raw)
    for a, b in dropped:
        keep[a:b] = [False] * (b - a)
    idx = [k for k in range(len(raw)) if keep[k]]
    return "".join(raw[k] for k in idx), tuple(idx) + (len(raw),)


def normalise_line(number: int, raw: str) -> Line:
    """One tidied source line as a Line."""
    text, omap = without_marks(raw)
    norm = widen(simplify(text))
    return Line(number, raw if norm == raw else norm, number, raw, omap)


@dataclass(frozen=True)
class Normalised:
    lines: tuple[Line, ...]
    skipped: tuple[Region, ...]  # lines of nothing but marks or invisible characters


def normalise(raw_lines) -> Normalised:
    """Every non-blank line normalised; a line of marks only is recorded as skipped."""
    kept, skipped = [], []
    for number, raw in enumerate(raw_lines, 1):
        if not raw or raw.isspace():
            continue  # (a blank line, as tidy would give)
        text = tidy(raw)
        if not text:
            if raw.strip():  # only marks (>, #, **) or invisible characters: say so
                skipped.append(Region(number, number, "blank", len(raw)))
            continue
        kept.append((number, text))
    pinyin = TONE_MARK.search("\n".join(text for _, text in kept)) is not None
    plain = [without_marks(text, pinyin) for _, text in kept]
    # widened all at once: a few replaces over the whole text, not a search per line
    normal = widen("\n".join(simplify_all([text for text, _ in plain]))).split("\n")
    lines = tuple(Line(number, raw if norm == raw else norm, number, raw, omap)
                  for (number, raw), (_, omap), norm in zip(kept, plain, normal))
    return Normalised(lines, tuple(skipped))
