"""Budgets that keep a small hostile file from taking minutes or gigabytes.

A .docx or .xlsx is a zip: a 2 MB file can inflate to gigabytes (a zip bomb), and a 5 KB
workbook can claim a sheet of 17 billion cells. Each limit fails the one file with one
line that names the limit and the environment variable that raises it; the other files
of the run go on. The README's robustness section lists them.

    >>> LIMITS["unzipped"].env
    'DUTYGRAPH_MAX_UNZIPPED_MB'
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass

from dutygraph.loaders.readers.document import LoadError


@dataclass(frozen=True)
class Limit:
    env: str  # the environment variable that raises it
    default: int  # in ``label`` units
    scale: int  # one unit in bytes, cells or characters
    label: str  # the unit as printed: MB, cells, million characters
    what: str  # what it bounds, for the message

    def value(self, path) -> int:
        """The limit in bytes, cells or characters (the variable's value, else the default)."""
        return self.units(path) * self.scale

    def units(self, path) -> int:
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        try:
            number = int(raw)
        except ValueError:
            number = -1
        if number <= 0:
            raise LoadError(path, f"{self.env}={raw} is not a positive whole number")
        return number

    def default_or_set(self) -> int:
        """The limit where no file is at hand to blame for a bad variable (the default then)."""
        try:
            return self.value("")
        except LoadError:
            return self.default * self.scale

    def exceeded(self, path, seen: str) -> LoadError:
        """The one-line error: what the file reached, which limit, how to raise it."""
        number = self.units(path)
        return LoadError(path, f"{seen}: over the limit of {number:,} {self.label} on "
                               f"{self.what}; if the file is genuine, raise it "
                               f"(e.g. {self.env}={number * 4})")


LIMITS = {
    "unzipped": Limit("DUTYGRAPH_MAX_UNZIPPED_MB", 100, 1_000_000, "MB",
                      "the unzipped size of a .docx or .xlsx"),
    "cells": Limit("DUTYGRAPH_MAX_CELLS", 1_000_000, 1, "cells", "a workbook or table"),
    "cell_text": Limit("DUTYGRAPH_MAX_CELL_TEXT_M", 50, 1_000_000, "million characters",
                       "the text of a workbook's cells"),
}


class TableTooLarge(ValueError):
    """A table (of any format) whose rows × columns pass the cells limit; ``read_document``
    names the file."""

    def __init__(self, rows: int, columns: int):
        super().__init__(f"a table spans {rows:,} rows × {columns:,} columns")


def check_unzipped(path, package: zipfile.ZipFile) -> None:
    """Refuse a package whose members inflate past the limit: first by the sizes its
    directory declares, then by reading (a forged directory cannot lie past the limit)."""
    limit = LIMITS["unzipped"]
    most = limit.value(path)
    declared = sum(info.file_size for info in package.infolist())
    if declared > most:
        raise limit.exceeded(path, f"unzips to {declared / 1e6:,.0f} MB")
    total = 0
    try:
        for info in package.infolist():
            with package.open(info) as member:
                while chunk := member.read(1 << 20):
                    total += len(chunk)
                    if total > most:
                        raise limit.exceeded(path, "unzips to more than its directory says")
    except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as err:
        raise LoadError(path, f"is a damaged zip package ({err})") from None
