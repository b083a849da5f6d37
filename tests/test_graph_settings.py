"""Audit settings: option strings, dutygraph.toml, and the errors that name what is wrong."""
from __future__ import annotations

import pytest

from dutygraph.graph.settings import (AuditSettings, parse_pairs, read_settings, settings_from_toml,
                            with_overload, with_weights)


def test_parse_pairs():
    assert parse_pairs("lead=1, support=0.5,") == {"lead": 1.0, "support": 0.5}
    with pytest.raises(ValueError, match="'lead' is not KEY=NUMBER"):
        parse_pairs("lead")
    with pytest.raises(ValueError, match="'x' in 'lead=x' is not a number"):
        parse_pairs("lead=x")


def test_weights_and_overload_replace_only_what_is_given():
    settings = with_weights(AuditSettings(), {"support": 0.75})
    assert dict(settings.weights) == {"lead": 1.0, "support": 0.75, "implement": 0.5,
                                      "supervise": 0.25}
    assert with_overload(settings, {"min_tasks": 5.0}).min_tasks == 5
    with pytest.raises(ValueError, match="unknown role 'boss'"):
        with_weights(settings, {"boss": 1})
    with pytest.raises(ValueError, match="unknown key 'tukey'"):
        with_overload(settings, {"tukey": 1})
    with pytest.raises(ValueError, match="must not be negative"):
        with_weights(settings, {"lead": -1})


def test_settings_from_toml_tables():
    data = {"audit": {"include_inline": True, "similar_tasks": 80,
                      "weights": {"lead": 2}, "overload": {"fence": 3}}}
    settings = settings_from_toml(data)
    assert (settings.include_inline, settings.similar_tasks, settings.weight("lead"),
            settings.fence, settings.lead_share) == (True, 80.0, 2.0, 3.0, 0.2)
    assert settings_from_toml({}) == AuditSettings()
    with pytest.raises(ValueError, match="unknown key 'fenc' in \\[audit\\]"):
        settings_from_toml({"audit": {"fenc": 2}})
    with pytest.raises(ValueError, match="include_inline must be true or false"):
        settings_from_toml({"audit": {"include_inline": "yes"}})


def test_read_settings_from_a_folder(tmp_path):
    assert read_settings(tmp_path) == (AuditSettings(), None)
    (tmp_path / "dutygraph.toml").write_text("[audit.weights]\nsupervise = 0.5\n", encoding="utf-8")
    settings, path = read_settings(tmp_path)
    assert settings.weight("supervise") == 0.5 and path == tmp_path / "dutygraph.toml"
    (tmp_path / "dutygraph.toml").write_text("[audit\n", encoding="utf-8")
    with pytest.raises(ValueError, match="dutygraph.toml: "):
        read_settings(tmp_path)
