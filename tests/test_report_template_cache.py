"""The templates' compiled code kept between runs: the same page from the cache as without
it, and the page still made, the same, when the cache folder cannot be used."""
from __future__ import annotations

import os
import stat

import pytest

from dutygraph.graph.audit import run_audit
from dutygraph.reports import html
from dutygraph.reports.template_cache import cache_folder
from report_plans import small_plan


def fresh_page() -> str:
    """The small plan's page from a new Environment (made again after, for the next test)."""
    html.environment.cache_clear()
    try:
        plans = [small_plan()]
        return html.render_report(plans, run_audit(plans))
    finally:
        html.environment.cache_clear()


def page(monkeypatch, cache_home) -> str:
    """The small plan's page, its templates' cache under ``cache_home``."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache_home))
    return fresh_page()


def cached_files(cache_home):
    return sorted(cache_home.glob("dutygraph/templates-*/*.cache"))


@pytest.fixture(scope="module")
def uncached() -> str:
    """The page with no cache at all."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("dutygraph.reports.template_cache.cache_folder", lambda tag: None)
        return fresh_page()


def test_compiled_once_then_read_from_the_cache(monkeypatch, tmp_path, uncached):
    assert page(monkeypatch, tmp_path) == uncached
    files = cached_files(tmp_path)
    assert files and all(stat.S_IMODE(f.parent.stat().st_mode) == 0o700 for f in files)
    written = {f: f.stat().st_mtime_ns for f in files}
    assert page(monkeypatch, tmp_path) == uncached
    assert {f: f.stat().st_mtime_ns for f in cached_files(tmp_path)} == written


def test_a_damaged_cache_file_is_compiled_again(monkeypatch, tmp_path, uncached):
    page(monkeypatch, tmp_path)
    for f in cached_files(tmp_path):
        f.write_bytes(f.read_bytes()[:40])  # cut short: the header, part of the checksum
    assert page(monkeypatch, tmp_path) == uncached


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0,
                    reason="root may write a read-only folder")
def test_a_read_only_cache_home_is_left_alone(monkeypatch, tmp_path, uncached):
    tmp_path.chmod(0o500)
    try:
        assert page(monkeypatch, tmp_path) == uncached
        assert not cached_files(tmp_path)
    finally:
        tmp_path.chmod(0o700)


def test_a_folder_others_may_write_is_not_used(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder("x") == tmp_path / "dutygraph" / "templates-x"
    (tmp_path / "dutygraph" / "templates-x").chmod(0o777)
    assert cache_folder("x") is None


def test_a_cache_home_that_is_a_file_or_relative_is_not_used(tmp_path, monkeypatch, uncached):
    (tmp_path / "file").write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "file"))
    assert cache_folder("x") is None
    assert page(monkeypatch, tmp_path / "file") == uncached
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache_folder("x") is None
