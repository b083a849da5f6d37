"""Saved web pages (.html, .htm): the article body as lines, tables as pipe rows.

The bytes are decoded here, before parsing: bs4 with lxml silently returns an empty
document for a page declared gb2312 that holds one GBK-only character (DESIGN.md). The
declared charset is looked up as browsers do (every WHATWG label; gb2312/gbk read as
gb18030), and valid UTF-8 bytes win over a declaration they contradict.
Navigation, scripts, styles, headers and footers are dropped; one warning counts them.
"""
from __future__ import annotations

import codecs
import re
from pathlib import Path

from .document import Document, LoadError, decode_bytes, looks_binary, sha256_of
from ...model import Finding
from .table import pipe_lines

SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")

DECLARED = re.compile(rb"""(?:charset|encoding)\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
DROP = ("script", "style", "noscript", "template", "nav", "header", "footer", "aside", "iframe",
        "select", "button", "input", "textarea", "svg", "object", "embed", "head")
BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
          "section", "article", "main", "blockquote", "pre", "tr", "td", "th", "table", "tbody",
          "thead", "tfoot", "center", "address", "figure", "figcaption", "hr", "form",
          "fieldset", "caption", "body", "html"}
CONTENT = re.compile(r"^(article|content|main|zoom|text|detail|body|con|TRS_Editor|"
                     r"Custom_UnionStyle|pages?_content|news_?con|xxgk)|content|article|zoom|"
                     r"TRS_Editor|Custom_UnionStyle|detail|zw|wenzhang", re.IGNORECASE)
FURNITURE = re.compile(r"nav|menu|breadcrumb|crumb|footer|header|sidebar|share|position|location",
                       re.IGNORECASE)
CJK = re.compile(r"[\u4e00-\u9fff]")
BREAK = "\x00"  # a line break marker inside the flattened text


def declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its first bytes (meta or XML declaration)."""
    m = DECLARED.search(data[:4096])
    return m.group(1).decode("ascii").lower() if m else None


def page_encoding(label: str) -> str | None:
    """The codec for a charset label as browsers read it (the WHATWG Encoding Standard's
    labels, through ``webencodings``: csgb2312 and gb_2312-80 are gbk), else None.
    GBK is read as its superset GB18030 (DESIGN.md); a declared UTF-16 is read as UTF-8,
    as browsers do: a declaration readable as ASCII cannot be in UTF-16."""
    import webencodings

    found = webencodings.lookup(label)
    if found is None:
        return None
    name = found.name
    if name in ("utf-16le", "utf-16be", "utf-8"):
        return "utf_8"
    if name in ("gbk", "gb18030"):
        return "gb18030"
    if name == "big5":
        return "big5"
    try:  # x-user-defined has no Python codec: detect instead
        return codecs.lookup(found.codec_info.name).name.replace("-", "_")
    except LookupError:
        return None


def page_charset(data: bytes) -> tuple[str | None, list[Finding]]:
    """The encoding to decode a page with: its declaration, unless the bytes contradict it
    (a page that declares utf-16 or gb2312 but is valid UTF-8 is UTF-8: GB18030 and Big5
    would decode UTF-8 bytes into nonsense without an error)."""
    label = declared_charset(data)
    if label is None:
        return None, []
    enc = page_encoding(label)
    if enc is None:
        return None, [Finding("charset", 1, f"the page declares charset '{label}', which "
                                             "cannot be read; its encoding was detected")]
    if enc != "utf_8" and max(data, default=0) > 127:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return enc, []
        return "utf_8", [Finding("charset", 1, f"the page declares charset '{label}' but its "
                                                "bytes are UTF-8; read as UTF-8")]
    return enc, []


def read(path: Path, data: bytes, encoding: str | None = None) -> Document:
    try:
        from bs4 import BeautifulSoup, Comment
    except ImportError:
        raise LoadError(path, "needs beautifulsoup4 and lxml to read web pages: "
                              "pip install beautifulsoup4 lxml") from None
    if looks_binary(data):
        raise LoadError(path, "is a binary file, not a web page (an image, archive or program?)")
    declared, found = (encoding, []) if encoding else page_charset(data)
    text, used, warnings = decode_bytes(data, path, declared=declared)
    warnings = found + warnings
    if declared and not encoding and used not in (declared, "utf_8_sig"):
        warnings.append(Finding("charset", 1, f"the page declares charset "
                                               f"'{declared_charset(data)}' but its bytes are not; "
                                               f"read as {used}"))
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        soup = BeautifulSoup(text, "lxml")
    except Exception:  # lxml missing: the stdlib parser reads the same markup, slower
        soup = BeautifulSoup(text, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    total = _cjk(soup.body or soup)
    for tag in soup.find_all(DROP):
        tag.decompose()
    for tag in soup.find_all(attrs={"role": "navigation"}):
        tag.decompose()
    body = soup.body or soup
    content = _article(body)
    lines = []
    if content is not body:
        title = _title_outside(soup, body, content)
        if title:
            lines.append(title)
    lines.extend(_lines(content))
    kept = sum(len(CJK.findall(line)) for line in lines)
    if not any(lines):
        raise LoadError(path, "holds no text in its page body (an empty or script-only page?)")
    if total > kept:
        warnings.append(Finding("furniture", 0, f"dropped {total - kept} Chinese characters of "
                                                "navigation, scripts, headers and footers"))
    return Document(path=str(path), format="html", lines=tuple(lines), encoding=used,
                    sha256=sha256_of(data), size=len(data), warnings=tuple(warnings))


def _cjk(node) -> int:
    return len(CJK.findall(node.get_text()))


def _article(body):
    """The tightest element named like article content that holds most of the page's text."""
    page = _cjk(body)
    if not page:
        return body
    best, best_size = body, page
    for tag in body.find_all(True):
        names = " ".join([tag.get("id") or ""] + list(tag.get("class") or []))
        is_candidate = tag.name in ("article", "main") or (names and CONTENT.search(names)
                                                           and not FURNITURE.search(names))
        if not is_candidate:
            continue
        size = _cjk(tag)
        if size >= 0.5 * page and size < best_size:
            best, best_size = tag, size
    return best


def _title_outside(soup, body, content) -> str:
    """The page's heading when the article body leaves it out (so the plan keeps its title)."""
    if content.find(["h1", "h2"]) is not None:
        return ""
    for name in ("h1", "h2"):
        for tag in body.find_all(name):
            text = _squash(tag.get_text(" "))
            if text and CJK.search(text):
                return text
    title = soup.find("title")
    return _squash(title.get_text(" ")) if title else ""


def _squash(text: str) -> str:
    """HTML white space: a line break between two Chinese characters vanishes, runs become one space."""
    text = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef])[ \t\r\n\f]*\n[ \t\r\n\f]*"
                  r"(?=[\u3000-\u9fff\uff00-\uffef])", "", text)
    text = re.sub(r"[ \t\r\n\f\xa0]+", " ", text)
    return text.strip(" \u3000")


def _lines(node) -> list[str]:
    parts: list[str] = []
    _walk(node, parts)
    out = []
    for line in "".join(parts).split(BREAK):
        if line.startswith("\x01"):  # a pipe-table line, kept as built
            out.append(line[1:])
        else:
            line = _squash(line)
            if line:
                out.append(line)
    # a blank line around each table, as the table contract asks
    spaced: list[str] = []
    for line in out:
        is_row = line.startswith("| ")
        if spaced and is_row != spaced[-1].startswith("| ") and spaced[-1]:
            spaced.append("")
        spaced.append(line)
    return spaced


def _walk(node, parts: list[str]) -> None:
    from bs4 import NavigableString, Tag

    for child in node.children:
        if isinstance(child, NavigableString):
            parts.append(str(child))
            continue
        if not isinstance(child, Tag):
            continue
        if child.name == "br":
            parts.append(BREAK)
            continue
        if child.name == "table" and _is_data_table(child):
            parts.append(BREAK)
            for line in pipe_lines(_table_rows(child)):
                parts.append("\x01" + line + BREAK)
            continue
        block = child.name in BLOCKS
        if block:
            parts.append(BREAK)
        if child.name == "pre":
            parts.append(BREAK.join(child.get_text().split("\n")))
        else:
            _walk(child, parts)
        if block:
            parts.append(BREAK)


def _is_data_table(table) -> bool:
    """Rows of several cells and no nested tables: data. Anything else is page layout."""
    if table.find("table") is not None:
        return False
    rows = table.find_all("tr")
    multi = [r for r in rows if len(r.find_all(["td", "th"])) >= 2]
    return len(multi) >= 2 and len(multi) >= 0.5 * len(rows)


def _table_rows(table) -> list[list[str]]:
    """Cell text on a grid: rowspan fills down, colspan leaves the spanned cells empty."""
    rows, pending = [], {}  # pending: column -> (text, rows left)
    for tr in table.find_all("tr"):
        row: list[str] = []
        cells = tr.find_all(["td", "th"])
        col = 0
        queue = list(cells)
        while queue or col in pending:
            if col in pending:
                text, left = pending[col]
                row.append(text)
                pending[col] = (text, left - 1)
                if left - 1 <= 0:
                    del pending[col]
                col += 1
                continue
            cell = queue.pop(0)
            text = _squash(cell.get_text(" "))
            span = _int(cell.get("colspan"))
            down = _int(cell.get("rowspan"))
            row.append(text)
            if down > 1:
                pending[col] = (text, down - 1)
            row.extend([""] * (span - 1))
            col += span
        rows.append(row)
    return rows


def _int(value) -> int:
    try:
        return max(1, min(int(value), 100))
    except (TypeError, ValueError):
        return 1
