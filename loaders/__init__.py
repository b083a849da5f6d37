"""Loaders: files to ``Plan``. One reader per format, chosen by suffix, then by content.

    >>> from loaders import load_plan
    >>> plan = load_plan("data/plans/huaihua-2021-safety-key-points.txt")  # doctest: +SKIP
"""
from __future__ import annotations

from pathlib import Path

from . import text
from .document import Document, LoadError
from .model import Plan

READERS = {suffix: text for suffix in text.SUFFIXES}


def read_document(path, encoding: str | None = None) -> Document:
    """Read one file into clean lines, or raise LoadError naming the file and the problem."""
    from .document import looks_binary

    path = Path(path)
    if not path.exists():
        raise LoadError(path, "no such file")
    if path.is_dir():
        raise LoadError(path, "is a folder, not a file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise LoadError(path, f"cannot be read ({err.strerror or err})") from None
    if not data.strip():
        raise LoadError(path, "is empty" if not data else "holds only white space")
    reader = READERS.get(path.suffix.lower())
    if reader is None or reader is text:
        if looks_binary(data):
            raise LoadError(path, "is a binary file, not a plan (an image, archive or program?)")
        reader = text
    return reader.read(path, data, encoding=encoding)


def load_plan(path, encoding: str | None = None, registry=None) -> Plan:
    """Read and parse one plan file."""
    from .parse import parse_document

    return parse_document(read_document(path, encoding=encoding), registry=registry)


__all__ = ["Document", "LoadError", "Plan", "load_plan", "read_document"]
