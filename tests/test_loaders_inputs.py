"""Folders and globs on the command line; a bad file among good ones."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.loaders.inputs import expand_inputs
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

PLANS_DIR = Path(__file__).parent.parent / "data" / "plans"


def make_tree(root: Path) -> None:
    (root / "sub").mkdir(parents=True)
    (root / ".git").mkdir()
    for name in ("b.txt", "a.md", "sub/c.docx", "notes.png", ".hidden.txt", ".git/x.txt",
                 "~$lock.docx", "sub/d.PDF", "README.md", "sub/readme.txt"):
        (root / name).write_bytes(b"x")


def test_folders_are_walked_sorted_plan_files_only(tmp_path):
    make_tree(tmp_path)
    names = [p.relative_to(tmp_path).as_posix() for p in expand_inputs([tmp_path])]
    assert names == ["a.md", "b.txt", "sub/c.docx", "sub/d.PDF"]


def test_globs_expand_and_missing_names_pass_through(tmp_path):
    make_tree(tmp_path)
    got = expand_inputs([str(tmp_path / "*.txt"), str(tmp_path / "**" / "*.docx"),
                         str(tmp_path / "nothing*.txt"), str(tmp_path / "b.txt")])
    assert got == [tmp_path / "b.txt", tmp_path / "sub" / "c.docx", tmp_path / "nothing*.txt"]


def test_an_empty_folder_is_named(tmp_path):
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(cli, ["extract", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert result.output.strip() == (f"error: {tmp_path / 'empty'}: holds no plan files "
                                     "(.txt .md .docx .pdf .html .xlsx .xls .csv)")


def test_a_bad_file_does_not_stop_the_run_and_is_summarised(tmp_path):
    shutil.copy(PLANS_DIR / "huaihua-2022-safety-key-points.txt", tmp_path / "a.txt")
    (tmp_path / "b.docx").write_bytes(b"PK\x03\x04broken")
    (tmp_path / "c.txt").write_bytes(b"")
    shutil.copy(PLANS_DIR / "huaihua-2021-safety-key-points.txt", tmp_path / "d.txt")
    result = CliRunner().invoke(cli, ["extract", str(tmp_path), "--format", "csv", "--lang", "en"])
    assert result.exit_code == 2
    lines = result.output.splitlines()  # stderr and stdout, as click's runner mixes them
    start = lines.index("2 of 4 files could not be read:")
    assert lines[start:start + 3] == [
        "2 of 4 files could not be read:",
        f"error: {tmp_path / 'b.docx'}: is a damaged zip package (a truncated .docx or .xlsx?)",
        f"error: {tmp_path / 'c.txt'}: is empty",
    ]
    rows = [ln for ln in lines if ln.startswith(str(tmp_path))]
    assert {r.split(",")[0] for r in rows} == {str(tmp_path / "a.txt"), str(tmp_path / "d.txt")}
    assert "Reading plans" not in result.output  # no progress bar when stderr is no terminal


UNNUMBERED = ("某县安全生产工作方案\n加强隐患排查治理，由县应急局牵头负责。\n"
              "做好道路交通安全整治（责任单位：县公安局）。\n")


def test_reading_a_plan_leaves_no_cycle_for_the_collector(tmp_path):
    """A command run from the shell keeps Python's cyclic collector off (``SafeGroup``):
    reading a plan must leave nothing that only the collector frees (the outline's nodes
    point at their parents), or a folder's trees would all stay to the end of the run."""
    import gc

    from dutygraph.loaders import load_plan

    plain = tmp_path / "unnumbered.txt"  # its paragraphs are the tasks
    plain.write_text(UNNUMBERED, encoding="utf-8")
    paths = sorted(p for p in PLANS_DIR.iterdir() if p.suffix in (".txt", ".md")
                   and p.name != "README.md") + [plain]
    for path in paths:  # once first: what a module makes on first use is kept on purpose
        load_plan(path)
    gc.collect()
    gc.disable()
    try:
        for path in paths:
            assert load_plan(path).tasks
            assert gc.collect() == 0, path.name
    finally:
        gc.enable()
