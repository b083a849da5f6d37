"""The doctests of the modules that have them run as tests (they are examples that must hold)."""
from __future__ import annotations

import doctest
import importlib

import pytest

MODULES = ("dutygraph.api", "dutygraph.sheet_text", "dutygraph.loaders.stages.deadlines", "dutygraph.loaders.grammar.numerals", "dutygraph.loaders.roster",
           "dutygraph.graph.expand", "dutygraph.graph.deadlines", "dutygraph.reports.cells",
           "dutygraph.reports.strings")


@pytest.mark.parametrize("name", MODULES)
def test_doctests(name):
    result = doctest.testmod(importlib.import_module(name))
    assert result.attempted > 0 and result.failed == 0
