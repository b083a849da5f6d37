"""Bytes to text: encoding detection, script detection, and the Document every reader returns.

A reader (one module per format) turns a file into a ``Document``: the text as lines,
numbered as in the source, plus what it learned on the way (encoding, warnings). The
outline parser never sees bytes, nor what cannot be seen: zero-width characters, bidi
controls and NULs are removed once, at reading (``strip_invisible``; the text readers as
they decode, ``read_document`` for the others), with one ``invisible`` warning.
"""
from __future__ import annotations

import codecs
import hashlib
import os
import re
from dataclasses import dataclass
from functools import lru_cache

from ...model import Finding, Region

CANDIDATE_ENCODINGS = ("utf_8", "gb18030", "big5")
DECLARED_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030",
                    "x-gbk": "gb18030", "big5-hkscs": "big5"}


def shown_path(path) -> str:
    """A path as text that can be printed and written anywhere: a name that is not valid
    UTF-8 (a GBK name from a Windows disk) shows its bytes escaped (``\\xb0\\xb2.txt``)."""
    text = os.fspath(path)
    if isinstance(text, str):
        try:
            text.encode("utf-8")
            return text
        except UnicodeEncodeError:
            text = os.fsencode(text)
    parts = []
    for part in text.split(b"/"):
        try:
            parts.append(part.decode("utf-8"))
        except UnicodeDecodeError:
            parts.append(part.decode("ascii", errors="backslashreplace"))
    return "/".join(parts)


class LoadError(Exception):
    """A file that cannot be read as a plan; the message names the file and the problem."""

    def __init__(self, path, problem: str):
        self.path = shown_path(path)
        self.problem = " ".join(problem.split()) if "\n" in problem or "\r" in problem else problem
        shown = self.path.replace("\n", "\\n").replace("\r", "\\r")
        super().__init__(f"{shown}: {self.problem}")  # one line, whatever a library said

    def __reduce__(self):  # a worker process hands it back whole
        return LoadError, (self.path, self.problem)


@dataclass(frozen=True)
class Document:
    """A file as clean text lines, before any outline is found."""

    path: str
    format: str
    lines: tuple[str, ...]
    encoding: str | None = None
    sha256: str = ""
    size: int = 0
    warnings: tuple[Finding, ...] = ()
    skipped: tuple[Region, ...] = ()  # regions a reader dropped (e.g. html navigation)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: an image, archive or executable."""
    sample = data[:8192]
    if b"\x00" in sample and not (sample.startswith(codecs.BOM_UTF16_LE)
                                  or sample.startswith(codecs.BOM_UTF16_BE)):
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls > max(8, len(sample) // 50)


WIDE_BOMS = ((codecs.BOM_UTF32_LE, "utf_32"), (codecs.BOM_UTF32_BE, "utf_32"),
             (codecs.BOM_UTF16_LE, "utf_16"), (codecs.BOM_UTF16_BE, "utf_16"))
WIDE = ("utf_16", "utf_16_le", "utf_16_be", "utf_32", "utf_32_le", "utf_32_be")


def wide_encoding(data: bytes, declared: str | None = None) -> str | None:
    """UTF-16 or UTF-32, when a byte-order mark says so (UTF-32's first: it starts like
    UTF-16's) or ``declared`` asks for it; else None. LookupError for an unknown name."""
    for bom, enc in WIDE_BOMS:
        if data.startswith(bom):
            return enc
    if declared:
        name = codecs.lookup(DECLARED_ALIASES.get(declared.lower(), declared)).name
        name = name.replace("-", "_")
        if name in WIDE:
            return name
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """The byte order of text that reads as UTF-16 without a byte-order mark (Windows
    Notepad's "Unicode" saved by some tools), else None."""
    if len(data) % 2:
        return None
    for enc in ("utf_16_le", "utf_16_be"):
        try:
            text = data[:8192].decode(enc)
        except UnicodeDecodeError:
            continue
        fine = sum(1 for ch in text if ch.isprintable() or ch in "\r\n\t\u3000")
        if "\x00" not in text and fine >= 0.95 * len(text):
            return enc
    return None


# --- what is invisible ------------------------------------------------------------------

INVISIBLE = {"\x00": "NUL"}
INVISIBLE.update((chr(c), "zero-width") for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF))
INVISIBLE.update((chr(c), "bidi control") for c in (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F),
                                                    *range(0x2066, 0x206A)))
INVISIBLE_RE = re.compile("[" + "".join(INVISIBLE) + "]")


def strip_invisible(text: str) -> tuple[str, dict[str, int]]:
    """Text without zero-width characters, bidi controls and NULs, and how many of each
    were removed (by code point). They hide inside unit names (市公安\u200b局) and the
    stages would read such a name as another unit, or none."""
    if not INVISIBLE_RE.search(text):
        return text, {}
    counts: dict[str, int] = {}
    for ch in INVISIBLE_RE.findall(text):
        counts[ch] = counts.get(ch, 0) + 1
    return INVISIBLE_RE.sub("", text), counts


def invisible_warning(counts: dict[str, int], line: int, where: str = "") -> Finding:
    """One warning for what ``strip_invisible`` removed: what and how many, and where the
    first was (``line``, or ``where`` for a place that is not a line, such as a row)."""
    kinds: dict[str, dict[str, int]] = {}
    for ch in sorted(counts):
        kinds.setdefault(INVISIBLE[ch], {})[f"U+{ord(ch):04X}"] = counts[ch]
    parts = []
    for kind, codes in kinds.items():
        shown = ", ".join(f"{code} ×{n}" for code, n in codes.items())
        parts.append(f"{sum(codes.values())} {kind}" + ("" if kind == "NUL" else f" ({shown})"))
    return Finding("invisible", line, f"removed {sum(counts.values())} invisible characters "
                                      f"(first {where or f'on line {line}'}): " + ", ".join(parts))


def without_invisible(doc: "Document") -> "Document":
    """The document with invisible characters removed from its lines (one warning if any)."""
    import dataclasses

    if not INVISIBLE_RE.search("\n".join(doc.lines)):  # most: one scan, not one a line
        return doc
    total: dict[str, int] = {}
    lines, first = [], 0
    for number, line in enumerate(doc.lines, 1):
        line, counts = strip_invisible(line)
        if counts:
            first = first or number
            for ch, n in counts.items():
                total[ch] = total.get(ch, 0) + n
        lines.append(line)
    if not total:
        return doc
    return dataclasses.replace(doc, lines=tuple(lines),
                               warnings=doc.warnings + (invisible_warning(total, first),))


def decode_bytes(data: bytes, path, declared: str | None = None) -> tuple[str, str, list[Finding]]:
    """Decode a plan's bytes: BOM (UTF-8, -16, -32), then a declared charset, then UTF-8,
    then detection; invisible characters removed (one warning says which).

    Returns (text, encoding, warnings). A file that mixes encodings is decoded line by
    line; a truncated UTF-8 tail becomes a replacement character and a warning.
    """
    text, used, warnings = _decode(data, path, declared)
    first = INVISIBLE_RE.search(text)
    if first:
        line = text.count("\n", 0, first.start()) + 1
        text, counts = strip_invisible(text)
        warnings.append(invisible_warning(counts, line))
    return text, used, warnings


def _decode(data: bytes, path, declared: str | None = None) -> tuple[str, str, list[Finding]]:
    warnings: list[Finding] = []
    wide = wide_encoding(data, declared)
    if data.startswith(codecs.BOM_UTF8) or wide:
        enc = wide or "utf_8_sig"
        return data.decode(enc, errors="replace").lstrip("\ufeff"), enc, warnings
    if declared:
        enc = DECLARED_ALIASES.get(declared.lower(), declared.lower())
        try:
            return data.decode(enc), enc, warnings
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return data.decode("utf_8"), "utf_8", warnings
    except UnicodeDecodeError as err:
        if err.start >= len(data) - 3 and err.reason == "unexpected end of data":
            text = data.decode("utf_8", errors="replace")
            warnings.append(Finding("truncated", text.count("\n") + 1,
                                    "the file ends in the middle of a character (truncated?)"))
            return text, "utf_8", warnings
    guess = detect_encoding(data)
    if guess is None:  # no one encoding fits: lines in two encodings (a pasted-together file)?
        mixed: list[Finding] = []
        text = _decode_mixed(data, mixed)
        bad = sum(1 for w in mixed if w.kind == "garbled")
        if bad * 10 <= text.count("\n") + 1:
            return text, "mixed", warnings + mixed
        raise LoadError(path, "cannot tell the text encoding; try saving it as UTF-8 "
                              "or give --encoding gb18030")
    if guess == "utf_8" or _bad_share(data, guess) > 0.001:
        return _decode_mixed(data, warnings), "mixed", warnings
    return data.decode(guess, errors="replace"), guess, warnings


def detect_encoding(data: bytes) -> str | None:
    """charset-normalizer, limited to the encodings Chinese plans come in."""
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CANDIDATE_ENCODINGS)).best()
    return best.encoding if best else None


def _bad_share(data: bytes, enc: str) -> float:
    text = data.decode(enc, errors="replace")
    return text.count("\ufffd") / max(1, len(text))


def _decode_mixed(data: bytes, warnings: list[Finding]) -> str:
    """Decode each line on its own: UTF-8 first, then GB18030, then Big5."""
    out = []
    for number, raw in enumerate(data.split(b"\n"), 1):
        for enc in CANDIDATE_ENCODINGS:
            try:
                out.append(raw.decode(enc))
                if enc != "utf_8" and any(b > 127 for b in raw):
                    warnings.append(Finding("encoding", number, f"line decoded as {enc}"))
                break
            except UnicodeDecodeError:
                continue
        else:
            out.append(raw.decode("utf_8", errors="replace"))
            warnings.append(Finding("garbled", number, "line not decodable; bad bytes replaced"))
    return "\n".join(out)


# --- script ---------------------------------------------------------------------------

@lru_cache(maxsize=None)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config)


PINYIN = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\)")
TONE_MARK = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")  # no pinyin without one (a quick test)


@lru_cache(maxsize=65536)
def to_simplified(text: str) -> str:
    """Simplified script. tw2s also converts what t2s leaves (著力 → 着力). Pinyin a
    converter left after a character (責(zé)任單位) is dropped: it hides every label."""
    if "(" in text and TONE_MARK.search(text):
        text = PINYIN.sub("", text)
    return _converter("tw2s").convert(text)


NOT_HAN = re.compile(r"[^\u4e00-\u9fff]+")
SCRIPT_SAMPLE = 20000  # ideographs


def detect_script(text: str) -> str:
    """simplified, traditional or mixed, from how many characters conversion changes
    (of the first ideographs: the text is read a piece at a time until there are enough)."""
    sample, start = "", 0
    while len(sample) < SCRIPT_SAMPLE and start < len(text):
        sample += NOT_HAN.sub("", text[start: start + 4 * SCRIPT_SAMPLE])
        start += 4 * SCRIPT_SAMPLE
    sample = sample[:SCRIPT_SAMPLE]
    if not sample:
        return "simplified"
    changed = sum(map(str.__ne__, sample, to_simplified(sample)))
    share = changed / len(sample)
    if share > 0.08:
        return "traditional"
    return "mixed" if share > 0.01 else "simplified"
