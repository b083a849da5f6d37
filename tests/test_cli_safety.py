"""Issue 14, points 6 and 7 and --jobs: paths checked by the loader, one-line errors for
outputs, usage and settings, Ctrl-C exit 130 with no partial file, and --jobs N giving
the output of one process.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders.parallel import MANY, default_jobs
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
PLAN = next(p for p in SAMPLE_PLANS if p.name.startswith("huaihua-2022"))
TEXT_PLANS = [p for p in SAMPLE_PLANS if p.suffix == ".txt"]


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def main_py(*args, cwd=None):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, text=True, timeout=120, cwd=cwd)
    return done.returncode, done.stdout, done.stderr


def plan_folder(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for i in range(copies):
        for plan in TEXT_PLANS:
            shutil.copy(plan, folder / f"{i:03d}-{plan.name}")
    return folder


# --- point 6: a path click would have refused ------------------------------------------------

def test_an_unreadable_file_fails_alone(monkeypatch, tmp_path):
    locked = tmp_path / "locked.txt"
    locked.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    locked.chmod(0)
    real_access, real_read = os.access, Path.read_bytes

    def access(path, mode, *args, **kwargs):  # what a user without root sees
        return False if Path(path) == locked else real_access(path, mode, *args, **kwargs)

    def read_bytes(self):
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = run("extract", locked, PLAN, "--format", "table")
    assert result.exit_code == 2
    assert result.stderr.splitlines() == ["1 of 2 files could not be read:",
                                          f"error: {locked}: cannot be read (Permission denied)"]
    assert PLAN.name in result.stdout  # the other file was processed


def test_every_command_reading_plans_takes_jobs_and_leaves_the_paths_to_the_loader():
    commands = {name: {p.name: p for p in c.params} for name, c in cli.commands.items()}
    readers = sorted(name for name, params in commands.items() if "files" in params)
    assert readers == ["archive", "audit", "compare", "extract", "ledger", "matrix", "report",
                       "review"]
    for name in readers:
        files = commands[name]["files"].type
        assert {"jobs", "db", "year", "jurisdiction"} <= set(commands[name]), name
        assert not (files.exists or files.readable), name  # click checks nothing


def test_ledger_with_a_missing_file_writes_the_other_plans(tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("ledger", missing, PLAN, "--jobs", "2", "-o", tmp_path / "l.csv")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert lines[:2] == ["1 of 2 files could not be read:", f"error: {missing}: no such file"]
    assert len(lines) == 3 and lines[2].startswith(f"wrote {tmp_path / 'l.csv'} (")
    assert "怀化市" in (tmp_path / "l.csv").read_text(encoding="utf-8")


# --- point 7: one line for every error --------------------------------------------------------

def test_a_full_disk_is_one_line_naming_the_output(tmp_path):
    code, _, err = main_py("extract", PLAN, "-o", "/dev/full")
    assert (code, err) == (2, "error: /dev/full: cannot be written (No space left on device)\n")
    (tmp_path / "m.xlsx").symlink_to("/dev/full")  # a workbook written onto a full disk
    code, _, err = main_py("matrix", PLAN, "-o", tmp_path / "m.xlsx")
    assert (code, err) == (2, f"error: {tmp_path / 'm.xlsx'}: cannot be written (No space left "
                              "on device)\n")


def test_a_read_only_folder_names_the_target_not_the_temporary_file(monkeypatch, tmp_path):
    def refused(dir=None, prefix="", suffix=""):
        raise PermissionError(13, "Permission denied", os.path.join(dir, prefix + "x" + suffix))

    monkeypatch.setattr(tempfile, "mkstemp", refused)
    result = run("extract", PLAN, "-o", tmp_path / "plan.json")
    assert result.exit_code == 2
    assert result.stderr == f"error: {tmp_path / 'plan.json'}: cannot be written (Permission " \
                            "denied)\n"


@pytest.mark.parametrize("args, says", [
    (["matrix", PLAN, "-o", "m.txt"], "'m.txt' must end in .xlsx, .csv or .html"),
    (["review", PLAN, "-o", "r.csv"], "'r.csv' must end in .xlsx"),
    (["ledger", PLAN, "-o", "l.txt"], "'l.txt' must end in .xlsx or .csv"),
    (["audit", PLAN, "--graph", "g.txt"], "'g.txt' must end in .graphml or .gexf"),
    (["audit", PLAN, "--weights", "lead"], "'lead' is not KEY=NUMBER"),
    (["compare", PLAN], "compare needs at least two plans"),
    (["extract"], "no plans given: name FILE… or an archive with --db"),
    (["audit", PLAN], "dutygraph.toml: unknown key 'colour' in [audit]"),
], ids=["matrix-suffix", "review-suffix", "ledger-suffix", "graph-suffix", "weights", "compare-one", "no-file",
        "toml"])
def test_usage_and_settings_errors_are_one_line(tmp_path, args, says):
    if "toml" in says:
        (tmp_path / "dutygraph.toml").write_text("[audit]\ncolour = 1\n", encoding="utf-8")
    code, out, err = main_py(*args, cwd=tmp_path)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("error: ") and says in err, err


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_exits_130_with_one_line_and_no_file(tmp_path, jobs):
    plan_folder(tmp_path / "plans", 100)
    out = tmp_path / "out"
    out.mkdir()
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "audit", "plans",
                                "--jobs", jobs, "-o", out / "audit.json", "--graph",
                                out / "g.graphml"], cwd=tmp_path, stderr=subprocess.PIPE,
                               stdout=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    time.sleep(2.5)  # started, and reading the 400 plans
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err == "error: interrupted (Ctrl-C); no output written\n"
    assert list(out.iterdir()) == []


# --- --jobs: the output of one process --------------------------------------------------------

@pytest.mark.slow
def test_jobs_give_the_output_of_one_process(tmp_path):
    folder = plan_folder(tmp_path / "plans", 5)
    (folder / "010-empty.txt").write_bytes(b"")
    (folder / "011-binary.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    one = main_py("extract", folder, "--format", "json", "--jobs", "1")
    assert one[0] == 2 and one[2].count("error: ") == 2 and len(one[1].splitlines()) == 4
    assert one[2].count("skipped: ") == 16  # the copies: each plan read once
    assert main_py("extract", folder, "--format", "json", "--jobs", "2") == one
    assert main_py("extract", folder, "--format", "json") == one  # default: one per core
    assert main_py("audit", folder, "--format", "json", "--jobs", "2") == \
        main_py("audit", folder, "--format", "json", "--jobs", "1")


def test_default_jobs():
    assert default_jobs(1) == default_jobs(MANY - 1) == 1
    assert default_jobs(MANY) == min(len(os.sched_getaffinity(0)), MANY)
