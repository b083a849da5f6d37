"""Audit settings: option strings, dutygraph.toml, and the errors that name what is wrong."""
from __future__ import annotations

import pytest

from dutygraph.graph.settings import (AuditSettings, parse_pairs, read_settings, settings_from_toml,
                                      with_overload, with_weights)

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages


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


# --- issue 23: NaN, infinities, negative weights and wrong types, one line each -------------

@pytest.mark.parametrize("pairs, says", [
    ("lead=nan", "lead must be a finite number, not nan"),
    ("support=inf", "support must be a finite number, not inf"),
    ("lead=-inf", "lead must be a finite number, not -inf"),
    ("supervise=-0.5", "supervise must not be negative, not -0.5"),
])
def test_weights_that_are_not_finite_non_negative_numbers_are_refused(pairs, says):
    with pytest.raises(ValueError) as err:
        with_weights(AuditSettings(), parse_pairs(pairs))
    assert str(err.value) == says


def test_overload_values_must_be_finite_and_whole_where_counted():
    with pytest.raises(ValueError, match="^fence must be a finite number, not nan$"):
        with_overload(AuditSettings(), parse_pairs("fence=nan"))
    with pytest.raises(ValueError, match="^min_tasks must be a whole number, not 2.5$"):
        with_overload(AuditSettings(), parse_pairs("min_tasks=2.5"))
    assert with_overload(AuditSettings(), parse_pairs("min_peers=4")).min_peers == 4


@pytest.mark.parametrize("toml, says", [
    ("[audit.weights]\nlead = nan\n", "[audit.weights] lead must be a finite number, not nan"),
    ("[audit.weights]\nsupport = -inf\n",
     "[audit.weights] support must be a finite number, not -inf"),
    ("[audit.weights]\nlead = -1\n", "[audit.weights] lead must not be negative, not -1"),
    ("[audit.weights]\nlead = \"1\"\n", "[audit.weights] lead must be a number, not '1'"),
    ("[audit]\nweights = 3\n", "[audit.weights] must be a table of KEY = NUMBER, not 3"),
    ("[audit]\noverload = [1, 2]\n",
     "[audit.overload] must be a table of KEY = NUMBER, not [1, 2]"),
    ("audit = 3\n", "[audit] must be a table of KEY = NUMBER, not 3"),
    ("[audit.overload]\nfence = inf\n", "[audit.overload] fence must be a finite number, not inf"),
    ("[audit.overload]\nmin_tasks = true\n",
     "[audit.overload] min_tasks must be a number, not True"),
    ("[audit]\nsimilar_tasks = nan\n", "[audit] similar_tasks must be a finite number, not nan"),
    ("[audit]\nseed = 1.5\n", "[audit] seed must be a whole number, not 1.5"),
    ("[audit]\ncolead_min = -3\n", "[audit] colead_min must not be negative, not -3"),
])
def test_a_bad_value_in_the_settings_file_names_the_file_and_key(tmp_path, toml, says):
    (tmp_path / "dutygraph.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        read_settings(tmp_path)
    assert str(err.value) == f"{tmp_path / 'dutygraph.toml'}: {says}"


@pytest.mark.parametrize("args, says", [
    (["--weights", "lead=nan"], "lead must be a finite number, not nan"),
    (["--weights", "lead=inf"], "lead must be a finite number, not inf"),
    (["--weights", "support=-1"], "support must not be negative, not -1.0"),
    (["--overload", "fence=nan"], "fence must be a finite number, not nan"),
])
def test_the_options_refuse_them_in_one_line(args, says):
    from click.testing import CliRunner

    from dutygraph.main import cli
    from report_plans import SAMPLE_PLANS

    for command in ("audit", "report"):
        result = CliRunner().invoke(cli, [command, str(SAMPLE_PLANS / "huaihua-2022-safety-key-"
                                                     "points.txt"), *args, "-o", "-"])
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.count("\n") == 1 and says in result.stderr, result.stderr
        assert args[0] in result.stderr


def test_the_settings_file_refuses_them_on_the_command_line(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    (tmp_path / "dutygraph.toml").write_text("[audit.weights]\nlead = nan\n", encoding="utf-8")
    plan = Path(__file__).parent.parent / "data" / "plans" / "huaihua-2022-safety-key-points.txt"
    done = subprocess.run([sys.executable, str(Path(__file__).parent.parent / "main.py"),
                           "audit", str(plan), "--format", "json"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == (f"error: {tmp_path / 'dutygraph.toml'}: [audit.weights] lead must "
                           "be a finite number, not nan\n")


def test_compare_thresholds_refuse_nan_and_infinity():
    from dutygraph.graph.compare import match_settings

    with pytest.raises(ValueError, match="^min_similarity must be a finite number, not nan$"):
        match_settings("min_similarity=nan")
    with pytest.raises(ValueError, match="^near_best must be a finite number, not inf$"):
        match_settings("near_best=inf")
