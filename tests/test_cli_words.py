"""The command line speaks Chinese by default and English with --lang en (or
DUTYGRAPH_LANG=en): help, errors, warnings and the "wrote …" lines."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.cli_words import HELP, wrap_wide
from dutygraph.main import cli

PLANS_DIR = Path(__file__).parent.parent / "data" / "plans"
PLAN = PLANS_DIR / "huaihua-2022-safety-key-points.txt"


@pytest.fixture(autouse=True)
def no_language_set(monkeypatch):
    monkeypatch.delenv("DUTYGRAPH_LANG", raising=False)


def run(*args, env=None):
    result = CliRunner().invoke(cli, [str(a) for a in args], env=env)
    return result.exit_code, result.stdout, result.stderr


def columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


@pytest.mark.parametrize("command", [None, *sorted(cli.commands)])
def test_help_is_chinese_by_default_and_english_on_request(command):
    args = [command] if command else []
    code, zh, _ = run(*args, "--help")
    assert code == 0 and zh.startswith("用法：") and "选项：" in zh and "显示本帮助并退出。" in zh
    for english in (run("--lang", "en", *args, "--help")[1], run(*args, "--help", "--lang", "en")[1],
                    run(*args, "--help", env={"DUTYGRAPH_LANG": "en"})[1]):
        assert english.startswith("Usage:") and "Show this message and exit." in english
    assert all(columns(line) <= 80 for line in zh.splitlines()), zh


def test_every_option_has_help_in_both_languages():
    for name, command in cli.commands.items():
        for param in command.params:
            if param.param_type_name != "option":
                continue
            for lang in ("zh", "en"):
                record = run(name, "--help", "--lang", lang)[1]
                assert param.opts[-1] in record
            long = param.opts[-1].lstrip("-").replace("-", "_")
            keys = (f"{name}.{param.name}", param.name, long)
            assert any(k in HELP and all(HELP[k]) for k in keys), (name, param.name)


def test_threshold_help_keeps_its_words_whole():
    english = run("compare", "--help", "--lang", "en")[1]
    assert "min_similarity=0.16,unit_similarity=0.4" in english
    chinese = run("compare", "--help")[1]
    assert "min_similarity=0.16,unit_similarity=0.4" in chinese


def test_wrap_never_starts_a_line_with_a_closing_mark():
    text = "用 N 个进程读取计划（默认：16 个文件以上每核一个，否则 1 个）；输出不变。" * 3
    lines = wrap_wide(text, 30).splitlines()
    assert all(columns(line) <= 30 for line in lines) and len(lines) > 3
    assert not any(line[0] in "，。；）：" for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_errors_and_written_files_are_said_in_the_chosen_language(tmp_path):
    missing = tmp_path / "missing.txt"
    code, _, err = run("extract", missing)
    assert (code, err) == (2, f"错误：{missing}：文件不存在\n")
    code, _, err = run("extract", missing, "--lang", "en")
    assert (code, err) == (2, f"error: {missing}: no such file\n")
    out = tmp_path / "l.csv"
    code, _, err = run("ledger", PLAN, missing, "-o", out)
    assert code == 2 and err.splitlines() == [
        "2 个文件中有 1 个无法读取：", f"错误：{missing}：文件不存在",
        f"已写入 {out}（{out.stat().st_size / 1024:.0f} KB）"]
    code, _, err = run("ledger", PLAN, "-o", out, env={"DUTYGRAPH_LANG": "en"})
    assert code == 0 and err.startswith(f"wrote {out} (")


def test_report_writes_report_html_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, out, err = run("report", PLAN)
    assert code == 0 and out == "" and (tmp_path / "report.html").is_file()
    assert err.startswith("已写入 report.html（") and err.endswith(" KB）\n")


def test_usage_errors_in_chinese_then_the_fix_works(tmp_path):
    code, _, err = run("audit", PLAN, "--weights", "boss=1")
    assert (code, err) == (2, "错误：--weights 的值无效：未知角色 'boss'（角色：lead, support, "
                              "implement, supervise）（见 'cli audit --help'）\n")
    code, _, err = run("audit", PLAN, "--wieghts", "lead=2")
    assert code == 2 and err.startswith("错误：没有这个选项：--wieghts；是不是 --weights？")
    assert run("audit", PLAN, "--weights", "lead=2")[0] == 0


def test_a_warning_is_said_in_the_chosen_language():
    code, _, err = run("compare", PLANS_DIR / "huaihua-2022-safety-key-points.txt",
                       PLANS_DIR / "huaihua-2021-safety-key-points.txt", "--format", "json")
    assert code == 0 and err.startswith("警告：计划未按年份顺序给出；按从旧到新比较：")
    assert run("compare", PLANS_DIR / "huaihua-2022-safety-key-points.txt",
               PLANS_DIR / "huaihua-2021-safety-key-points.txt", "--format", "json",
               "--lang", "en")[2].startswith("warning: ")
