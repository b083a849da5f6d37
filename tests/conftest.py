"""Fixtures shared by the test files."""
from __future__ import annotations

import pytest


@pytest.fixture
def english_messages(monkeypatch):
    """The command line's messages in English (DUTYGRAPH_LANG=en; outputs keep their own
    --lang): for the tests that read its exact English lines. tests/test_cli_words.py checks
    the Chinese default."""
    monkeypatch.setenv("DUTYGRAPH_LANG", "en")
