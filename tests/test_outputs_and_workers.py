"""Issue 23, outputs and workers: -o through a symlink or onto a device never replaces it, a
read-only file is never replaced, a closed, full or cut stdout fails in one line, names with
a newline or of 245 bytes, stdout written in chunks; --jobs capped at the cores, a worker
killed mid-run fails its file alone and the run goes on."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph import cli_support
from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders import parallel
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
PLAN = next(p for p in SAMPLE_PLANS if p.name.startswith("huaihua-2022"))
BIG = next(p for p in SAMPLE_PLANS if p.name.startswith("hongjiang"))  # JSON past a pipe's 64 KB


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def main_py(*args, **kwargs):
    kwargs.setdefault("stdout", subprocess.PIPE)
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          stderr=subprocess.PIPE, text=True, timeout=120, **kwargs)
    return done.returncode, done.stdout, done.stderr


def plan_json_text(path=PLAN) -> str:
    result = run("extract", path)
    assert result.exit_code == 0
    return result.stdout


# --- -o: links, devices, read-only files, odd names ----------------------------------------

def test_a_symlink_as_output_is_written_through_and_kept(tmp_path):
    real = tmp_path / "real.json"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    result = run("extract", PLAN, "-o", link)
    assert result.exit_code == 0, result.output
    assert link.is_symlink() and os.readlink(link) == str(real)
    assert real.read_text(encoding="utf-8") == plan_json_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.json", "real.json"]


def test_dev_stdout_as_output_writes_into_the_redirected_file(tmp_path):
    out = tmp_path / "out.json"
    with open(out, "wb") as handle:  # dutygraph extract PLAN -o /dev/stdout > out.json
        code, _, err = main_py("extract", PLAN, "-o", "/dev/stdout", stdout=handle)
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == plan_json_text()
    assert Path("/dev/stdout").is_symlink()  # untouched


def test_a_read_only_output_is_an_error_and_kept(tmp_path):
    out = tmp_path / "locked.json"
    out.write_text("keep me", encoding="utf-8")
    out.chmod(0o444)
    result = run("extract", PLAN, "-o", out)
    assert result.exit_code == 2
    assert result.stderr == (f"error: {out}: is read-only; not replaced (make it writable or "
                             "choose another name)\n")
    assert out.read_text(encoding="utf-8") == "keep me"
    out.chmod(0o644)  # the message's fix works
    assert run("extract", PLAN, "-o", out).exit_code == 0


def test_an_output_name_with_a_newline_gives_one_line(tmp_path):
    missing = tmp_path / "no\nsuch" / "plan.json"
    result = run("extract", PLAN, "-o", missing)
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and "no\\nsuch" in result.stderr, result.stderr
    odd = tmp_path / "two\nlines.json"
    result = run("extract", PLAN, "-o", odd)
    assert result.exit_code == 0 and odd.read_text(encoding="utf-8") == plan_json_text()
    assert result.stderr.count("\n") == 1 and "two\\nlines.json" in result.stderr


def test_an_output_name_of_245_bytes_is_written(tmp_path):
    name = "计" * 80 + ".json"  # 245 bytes: mkstemp's ".NAME-XXXXXXXX.tmp.json" would not fit
    assert len(os.fsencode(name)) == 245
    result = run("extract", PLAN, "-o", tmp_path / name)
    assert result.exit_code == 0, result.output
    assert [p.name for p in tmp_path.iterdir()] == [name]
    assert (tmp_path / name).read_text(encoding="utf-8") == plan_json_text()


# --- stdout: closed, full, cut, and written in chunks -----------------------------------------

def test_a_closed_stdout_fails_in_one_line():
    code, _, err = main_py("extract", PLAN, stdout=None, pass_fds=(),
                           preexec_fn=lambda: os.close(1))  # dutygraph extract PLAN >&-
    assert (code, err) == (2, "error: stdout is closed: nothing written (give -o FILE)\n")


def test_a_full_stdout_fails_in_one_line():
    with open("/dev/full", "wb") as full:  # dutygraph extract PLAN > /dev/full
        code, _, err = main_py("extract", PLAN, stdout=full)
    assert (code, err) == (2, "error: stdout: cannot be written (No space left on device); "
                              "the output is incomplete\n")


def test_a_cut_stdout_fails_in_one_line():
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "extract", str(BIG)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    process.stdout.close()  # dutygraph extract PLAN | head -c 0
    err = process.stderr.read()
    assert process.wait(timeout=120) == 2
    assert err == "error: stdout: cannot be written (Broken pipe); the output is incomplete\n"


def test_stdout_is_written_in_chunks_past_short_writes(monkeypatch, tmp_path):
    """One write() of more than 2 GiB stops short on Linux: every chunk is written until all
    of it is (here with 1 KB chunks and writes that stop after 300 bytes)."""
    real_write = os.write
    calls = []

    def short_write(fd, data):
        calls.append(len(data))
        return real_write(fd, bytes(data[:300]))

    monkeypatch.setattr(cli_support, "CHUNK", 1024)
    monkeypatch.setattr(cli_support.os, "write", short_write)
    text = plan_json_text()
    with open(tmp_path / "out.json", "w", encoding="utf-8") as handle:
        monkeypatch.setattr(sys, "stdout", handle)
        cli_support.write_stdout(text.rstrip("\n"))  # the final newline is added
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == text
    assert max(calls) == 1024 and len(calls) > len(text.encode()) // 300


# --- workers --------------------------------------------------------------------------------

def test_jobs_past_the_cores_are_lowered_and_said_once():
    cores = parallel.usable_cores()
    result = run("extract", PLAN, PLAN, "--jobs", "10000", "--format", "csv")
    assert result.exit_code == 0
    assert result.stderr == f"note: --jobs 10000 lowered to {cores}, the cores this run may use\n"
    assert parallel.cap_jobs(cores) == cores and parallel.cap_jobs(None) is None


@pytest.mark.skipif(parallel.usable_cores() < 2, reason="--jobs 2 needs two cores")
def test_a_killed_worker_fails_its_file_alone_and_the_run_goes_on(monkeypatch, tmp_path):
    """The out-of-memory killer's SIGKILL on the worker reading one file: that file is one
    line, every other file is read, nothing hangs (an alarm fails the test after 120 s)."""
    real = parallel.load_one

    def killed_on_doomed_files(path, encoding=None, catch=True):
        if "doomed" in path.name:
            os.kill(os.getpid(), signal.SIGKILL)
        return real(path, encoding, catch)

    doomed = tmp_path / "doomed.txt"
    doomed.write_text(PLAN.read_text(encoding="utf-8"), encoding="utf-8")
    others = sorted(p for p in SAMPLE_PLANS if p.suffix in (".txt", ".md"))
    monkeypatch.setattr(parallel, "load_one", killed_on_doomed_files)  # workers are forked

    def hung(*_):
        raise TimeoutError("the run hung after a worker was killed")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        result = run("extract", others[0], doomed, *others[1:], "--jobs", "2")
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        f"1 of {len(others) + 1} files could not be read:",
        f"error: {doomed}: could not be read: the process reading it died (killed, e.g. by the "
        "out-of-memory killer, or crashed)"]
    titles = [json.loads(line)["source"]["path"] for line in result.stdout.splitlines()]
    assert titles == [str(p) for p in others]


@pytest.mark.skipif(parallel.usable_cores() < 2, reason="--jobs 2 needs two cores")
def test_ctrl_c_while_the_workers_are_forked_stops_the_run(tmp_path):
    """Ctrl-C arriving in the middle of fork (here: sent by a fork handler) is held back and
    raised just after, so it stops the run instead of being swallowed by fork's handlers
    ("Exception ignored") while the run goes on, or hangs on a lock left held."""
    for i in range(3):
        (tmp_path / f"{i}.txt").write_bytes(PLAN.read_bytes())
    script = (f"import os, signal, sys; sys.path.insert(0, {str(ROOT.parent)!r})\n"
              "sent = []\n"
              "def interrupt():\n"
              "    if not sent:\n"
              "        sent.append(1); os.kill(os.getpid(), signal.SIGINT)\n"
              "os.register_at_fork(after_in_parent=interrupt)\n"
              "from dutygraph.main import cli\n"
              f"cli(['audit', {str(tmp_path)!r}, '--jobs', '2', '-o', {str(tmp_path / 'a.json')!r}])\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert (done.returncode, done.stderr) == (130, "error: interrupted (Ctrl-C); no output "
                                                   "written\n")
    assert not (tmp_path / "a.json").exists()
