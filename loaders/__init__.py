"""Loaders: files to ``Plan``. One reader per format, chosen by suffix, then by content.

    >>> from dutygraph.loaders import load_plan
    >>> plan = load_plan("data/plans/huaihua-2021-safety-key-points.txt")  # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path

from .readers import docx, html, pdf, table, text
from .readers.document import Document, LoadError
from ..model import Plan

READERS = {suffix: module for module in (text, docx, pdf, html, table)
           for suffix in module.SUFFIXES}


def sniff_reader(path: Path, data: bytes):
    """The reader the content calls for, whatever the suffix says (a renamed file still reads)."""
    import re
    import zipfile
    from io import BytesIO

    from dutygraph.loaders.readers.limits import check_unzipped

    if data[:4] == b"PK\x03\x04":
        try:
            package = zipfile.ZipFile(BytesIO(data))
        except zipfile.BadZipFile:
            raise LoadError(path, "is a damaged zip package (a truncated .docx or .xlsx?)") from None
        check_unzipped(path, package)  # a zip bomb stops here, with the limit to raise
        names = package.namelist()
        if "word/document.xml" in names:
            return docx
        if any(n.startswith("xl/") for n in names):
            return table
        return None
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        if "EncryptedPackage".encode("utf-16-le") in data:
            raise LoadError(path, "is protected by a password (an encrypted Office file); "
                                  "save a copy without the password and load that")
        if path.suffix.lower() in (".doc", ".wps"):
            raise LoadError(path, "is an old Word .doc file; save it as .docx and load that")
        return table  # an old .xls workbook
    if b"%PDF-" in data[:1024]:
        return pdf
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head[:1] == b"<" and re.search(rb"<(!doctype\s+html|html|head|body|meta)[\s>]", head, re.I):
        return html
    if READERS.get(path.suffix.lower()) in (docx, pdf):
        return text  # a .docx or .pdf that is plain text inside
    return READERS.get(path.suffix.lower())


def read_document(path, encoding: str | None = None) -> Document:
    """Read one file into clean lines, or raise LoadError naming the file and the problem."""
    import dataclasses

    from .readers.limits import LIMITS, TableTooLarge
    from .readers.document import (looks_binary, sha256_of, shown_path, utf16_without_bom,
                                   wide_encoding, without_invisible)

    path = Path(path)
    if not path.exists():
        raise LoadError(path, "no such file")
    if path.is_dir():
        raise LoadError(path, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LoadError(path, f"cannot be read ({err.strerror or err})") from None
    try:
        wide = wide_encoding(data, encoding)
    except LookupError:
        raise LoadError(path, f"--encoding {encoding}: no such encoding (e.g. gb18030, big5, "
                              "utf-16)") from None
    raw = data
    if wide:  # UTF-16/32 text goes on as UTF-8, so every text reader takes it
        try:
            data = data.decode(wide).lstrip("\ufeff").encode("utf-8")
        except UnicodeDecodeError as err:
            raise LoadError(path, f"is not {wide.upper().replace('_', '-')} text (bad bytes "
                                  f"at {err.start})") from None
        encoding = None
    if not data.strip():
        raise LoadError(path, "is empty" if not data else "holds only white space")
    reader = sniff_reader(path, data)
    if reader is None or reader is text:
        if looks_binary(data):
            order = utf16_without_bom(data)
            if order:
                raise LoadError(path, "looks like UTF-16 text without a byte-order mark; "
                                      f"give --encoding {order.replace('_', '-')}")
            raise LoadError(path, "is a binary file, not a plan (an image, archive or program?)")
        reader = text
    try:
        doc = reader.read(path, data, encoding=encoding)
    except LoadError:
        raise
    except TableTooLarge as err:
        raise LIMITS["cells"].exceeded(path, str(err)) from None
    except Exception as err:  # a damaged file can upset any parsing library: one line, no trace
        kind = reader.__name__.rsplit(".", 1)[-1]
        raise LoadError(path, f"could not be read as {kind} ({type(err).__name__}: {err})") from err
    doc = without_invisible(doc)  # what the text readers' decoding did not already remove
    changes = {"path": shown_path(path)}
    if wide:
        changes.update(encoding=wide, sha256=sha256_of(raw), size=len(raw))
    return dataclasses.replace(doc, **changes)


def load_plan(path, encoding: str | None = None, registry=None) -> Plan:
    """Read and parse one plan file."""
    from .stages.parse import parse_document

    plans = _review_plans(path, registry)
    if plans is not None:
        if len(plans) != 1:
            raise LoadError(path, f"is a review workbook of {len(plans)} plans; use load_plans")
        return plans[0]
    doc = read_document(path, encoding=encoding)
    return finish_plan(parse_document(doc, registry=registry))


def finish_plan(plan: Plan) -> Plan:
    """The loaders' last step: each task's deadline normalised (``due``)."""
    from .stages.deadlines import with_due

    return with_due(plan)


def load_plans(path, encoding: str | None = None, registry=None) -> tuple[Plan, ...]:
    """The plans in one file: a review workbook may hold several, any other file holds one."""
    plans = _review_plans(path, registry)
    return plans if plans is not None else (load_plan(path, encoding, registry),)


def _review_plans(path, registry):
    """The corrected plans when the file is a review workbook (loaders/review.py), else None."""
    from .readers.review import is_review_workbook, read_review

    if not is_review_workbook(path):
        return None
    return tuple(finish_plan(p) for p in read_review(path, registry=registry))


__all__ = ["Document", "LoadError", "Plan", "load_plan", "load_plans", "read_document"]
