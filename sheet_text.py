"""What text a spreadsheet cell can hold: one rule for the writers (``reports/cells.py``)
and for the review reader, which compares a cell with what the writer put there.

    >>> excel_safe("市应急局\\x07")
    '市应急局'
"""
from __future__ import annotations

import re

ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters an Excel cell may not hold (tab, new line and carriage return may)."""


def excel_safe(text: str) -> str:
    """Text as an Excel cell can hold it: no control characters, at most 32,767 characters."""
    return ILLEGAL.sub("", text)[:32767]
