"""PDF plans: the text layer via pypdfium2, page furniture removed, paragraphs rebuilt.

A PDF holds positioned lines, not paragraphs: a task wraps over several lines and over
page ends, and every page repeats a header, a footer and a page number. The outline
parser wants one paragraph per line, so lines that run to the right margin are joined to
the next, and lines repeated at the top or bottom of most pages are dropped (one warning
names each). pypdfium2 reads Chinese fast and reliably (DESIGN.md).
"""
from __future__ import annotations

import re
import statistics
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .document import Document, LoadError, sha256_of
from ...model import Finding

SUFFIXES = (".pdf",)

PAGE_NUMBER = re.compile(r"^[-–—－\s]*\d{1,4}[-–—－\s]*$|^第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?$|"
                         r"^\d+\s*/\s*\d+$|^共\s*\d+\s*页\s*第\s*\d+\s*页$|^page\s*\d+(\s*of\s*\d+)?$",
                         re.IGNORECASE)
STARTS_ITEM = re.compile(r"^\s*(第[一二三四五六七八九十百零〇\d]+[章节条部分]|[一二三四五六七八九十]+[、.．]|"
                         r"[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、)）](?!\d)|[①-⑳]|[#*]|附件)")
KANGXI = {cp: unicodedata.normalize("NFKC", chr(cp)) for cp in range(0x2F00, 0x2FD6)}
EDGE_LINES = 2  # how many lines at the top and the bottom of a page may be furniture


@dataclass(frozen=True)
class PdfLine:
    text: str
    left: float
    right: float
    page: int


def read(path: Path, data: bytes, encoding: str | None = None) -> Document:
    pages = _page_lines(path, data)
    if not any(line.text.strip() for page in pages for line in page):
        raise LoadError(path, "has no text layer (a scanned PDF?); run OCR first")
    pages, warnings = _drop_furniture(pages)
    lines = _paragraphs([line for page in pages for line in page])
    return Document(path=str(path), format="pdf", lines=tuple(lines), encoding=None,
                    sha256=sha256_of(data), size=len(data), warnings=tuple(warnings))


def _page_lines(path: Path, data: bytes) -> list[list[PdfLine]]:
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise LoadError(path, "needs pypdfium2 to read PDF files: pip install pypdfium2") from None
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as err:
        problem = "is password-protected" if "password" in str(err).lower() else \
            f"is not a readable PDF ({err})"
        raise LoadError(path, problem) from None
    pages = []
    try:
        for number in range(len(pdf)):
            page = pdf[number]
            textpage = page.get_textpage()
            pages.append(_lines_of(textpage, number + 1))
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return pages


def _lines_of(textpage, page: int) -> list[PdfLine]:
    """Split the page text at line ends, with each line's left and right edge."""
    count = textpage.count_chars()
    text = textpage.get_text_range(0, count) if count else ""
    lines, start = [], 0
    for end in [m.start() for m in re.finditer("\n", text)] + [len(text)]:
        raw = text[start:end].rstrip("\r")
        boxes = [textpage.get_charbox(i) for i in range(start, min(start + len(raw), count))
                 if not text[i].isspace()]
        start = end + 1
        clean = _clean(raw)
        if not clean:
            continue
        lines.append(PdfLine(clean, min(b[0] for b in boxes) if boxes else 0.0,
                             max(b[2] for b in boxes) if boxes else 0.0, page))
    return lines


def _clean(text: str) -> str:
    """Kangxi radicals to their ideographs (NFKC on those alone), control characters out."""
    text = text.translate(KANGXI)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\ufffe\uffff\x02]", "", text)
    return text.strip()


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", re.sub(r"\s+", "", text))


def _drop_furniture(pages):
    """Remove page numbers and lines repeated at the top or bottom of most pages."""
    edges = [page[:EDGE_LINES] + page[-EDGE_LINES:] for page in pages]
    seen: dict[str, set[int]] = {}
    for number, edge in enumerate(edges):
        for line in edge:
            seen.setdefault(_furniture_key(line.text), set()).add(number)
    need = max(2, (len(pages) + 1) // 2)
    repeated = {key for key, where in seen.items() if len(pages) >= 2 and len(where) >= need}
    kept, dropped = [], {}
    for page in pages:
        edge_ids = {id(ln) for ln in page[:EDGE_LINES] + page[-EDGE_LINES:]}
        out = []
        for line in page:
            if id(line) in edge_ids and (PAGE_NUMBER.match(line.text)
                                         or _furniture_key(line.text) in repeated):
                dropped.setdefault(_furniture_key(line.text), [line.text, 0])[1] += 1
                continue
            out.append(line)
        kept.append(out)
    warnings = [Finding("furniture", 0, f"removed a running header, footer or page number "
                                        f"on {n} page(s)", text) for text, n in dropped.values()]
    return kept, warnings


def _paragraphs(lines: list[PdfLine]) -> list[str]:
    """Join each line that continues the one before it (a wrapped line) into one paragraph."""
    if not lines:
        return []
    placed = [ln for ln in lines if ln.right > 0]
    margin = max((ln.right for ln in placed), default=0.0)
    left = min((ln.left for ln in placed), default=0.0)
    widths = [(ln.right - ln.left) / len(ln.text) for ln in placed if len(ln.text) > 4]
    char = statistics.median(widths) if widths else 10.0
    indented = sum(1 for ln in lines if ln.left > left + 1.5 * char) >= 0.1 * len(lines)
    out: list[str] = []
    previous = None
    for line in lines:
        if previous is not None and _continues(previous, line, margin, left, char, indented):
            sep = " " if out[-1][-1:].isascii() and out[-1][-1:].isalnum() \
                and line.text[:1].isascii() and line.text[:1].isalnum() else ""
            out[-1] += sep + line.text
        else:
            out.append(line.text)
        previous = line
    return out


def _continues(previous: PdfLine, line: PdfLine, margin, left, char, indented) -> bool:
    """Whether ``line`` wraps on from ``previous``.

    Where paragraphs start indented, a line at the left edge continues the one before
    unless that one ended a sentence short of the margin; elsewhere a line continues one
    that ran to the margin. A line starting like a numbered item
    starts a new paragraph, unless the line before ran right to the margin mid-sentence.
    """
    if line.left > left + 0.6 * char:
        return False
    stops = bool(re.search(r"[。！？；：]$", previous.text))
    full = previous.right >= margin - 1.5 * char and not stops
    if STARTS_ITEM.match(line.text) and not (indented and full):
        return False
    if indented:
        return previous.right >= margin - 4 * char or not stops
    return previous.right >= margin - 2.5 * char
