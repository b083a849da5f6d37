"""The README documents every command and option (as sqlite-utils' test_docs.py checks its
docs), its Python example runs, and the command line stays thin: main.py under 250 lines,
no option declared twice."""
from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.main import cli

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
COMMANDS = sorted(cli.commands)


def options_table(command: str) -> str:
    """The README's table of a command's own options (after "`dutygraph COMMAND`:")."""
    found = re.search(rf"^`dutygraph {command}`:\n\n(\|.*\n)+", README, re.M)
    assert found, f"README has no options table for {command}"
    return found.group(0)


SHARED = README.split("### Options", 1)[1].split("`dutygraph extract`:", 1)[0]


@pytest.mark.parametrize("command", COMMANDS)
def test_readme_documents_the_command_and_every_option(command):
    assert f"| `dutygraph {command} " in README  # in the commands table
    table = options_table(command)
    for param in cli.commands[command].params:
        if param.param_type_name != "option":
            continue
        documented = [o for o in (*param.opts, *param.secondary_opts)
                      if f"`{o}" in table or f"/{o}" in table or f"`{o}" in SHARED
                      or f"/{o}" in SHARED]
        assert documented, f"{command} {param.opts[-1]} is not in the README"


def test_readme_documents_the_group_options():
    for param in cli.params:
        assert any(o in SHARED for o in param.opts), param.opts


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command):
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0 and f"{command} [OPTIONS]" in result.stdout
    assert len(result.stdout.splitlines()) > 5


def test_the_readme_python_example_runs(monkeypatch):
    monkeypatch.chdir(ROOT)  # it reads data/plans as a notebook in this folder would
    block = README.split("## Python API", 1)[1].split("```python\n", 1)[1].split("```", 1)[0]
    test = doctest.DocTestParser().get_doctest(block, {}, "README", "README.md", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.summarize(verbose=False) == (0, len(test.examples)) and test.examples


def test_main_is_thin_and_declares_no_option_twice():
    main = (ROOT / "main.py").read_text(encoding="utf-8")
    assert len(main.splitlines()) < 250
    declared = re.findall(r"""option\(((?:\s*"-[^"]*"\s*,?)+)""",
                          main + (ROOT / "cli_options.py").read_text(encoding="utf-8"))
    names = [n for group in declared for n in re.findall(r'"(-[^"]+)"', group)]
    assert "--lang" in names and "--encoding" in names and "-o" in names
    assert sorted(n for n in set(names) if names.count(n) > 1) == []
    assert "sys.exit" not in main  # one exit path: each command returns its code
