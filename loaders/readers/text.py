"""Plain text and Markdown plans (.txt, .md): decode, split into lines."""
from __future__ import annotations

from pathlib import Path

from .document import Document, decode_bytes, sha256_of

SUFFIXES = (".txt", ".text", ".md", ".markdown")


def read(path: Path, data: bytes, encoding: str | None = None) -> Document:
    text, used, warnings = decode_bytes(data, path, declared=encoding)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    fmt = "md" if path.suffix.lower() in (".md", ".markdown") else "txt"
    return Document(path=str(path), format=fmt, lines=tuple(text.split("\n")), encoding=used,
                    sha256=sha256_of(data), size=len(data), warnings=tuple(warnings))
