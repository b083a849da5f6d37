"""Bad input: every file the office might find on a shared drive gets a result with
warnings or one line on stderr naming the file and the problem, with the README's exit
codes (0 done, 1 findings where --fail-on asked, 2 bad input or usage); no traceback
unless --debug; outputs written whole or not at all. Inputs are built in tmp_path.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.data import SAMPLE_PLANS
from invariants import check_plan
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
PLAN = next(p for p in SAMPLE_PLANS if p.name.startswith("huaihua-2022"))
PLAN_TEXT = PLAN.read_text(encoding="utf-8")
PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00"
       b"\x00\x1f\xf3\xffa\x00\x00\x00\x0bIDATx\x9cc\xf8\x0f\x00\x01\x01\x01\x00\x18\xdd\x8d"
       b"\xb0\x00\x00\x00\x00IEND\xaeB`\x82")


def run(*args):
    return CliRunner().invoke(cli, [str(a) for a in args])


def run_process(*args, timeout=60):
    """A fresh interpreter, so a hang fails the test instead of stalling the suite."""
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                          capture_output=True, timeout=timeout)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def extract_one(path):
    result = run("extract", path)
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    return json.loads(result.stdout)


# --- files that are not plans: one line, exit 2 ------------------------------------------

def zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("photo.bin", PNG * 4)
    return buffer.getvalue()


@pytest.mark.parametrize("content, problem", [
    (b"", "is empty"),
    (b"  \n\t\r\n\xe3\x80\x80\n", None),  # spaces, tabs and an ideographic space
    (b" \n \n", "holds only white space"),
    (PNG, "is a binary file, not a plan (an image, archive or program?)"),
    (zip_bytes(), "is a binary file, not a plan (an image, archive or program?)"),
], ids=["empty", "ideographic-space", "white-space", "png", "zip"])
def test_a_file_that_is_no_plan_is_one_line_and_exit_2(tmp_path, content, problem):
    path = tmp_path / "plan.txt"
    path.write_bytes(content)
    result = run("extract", path)
    if problem is None:  # white space read as text: no task, no unit, so no plan (screen.py)
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr == f"skipped: {path}: not a plan (no unit, and no numbered items " \
                                "under a plan title)\n"
        return
    assert result.exit_code == 2
    assert result.stderr == f"error: {path}: {problem}\n"
    assert result.stdout == ""


def test_a_path_that_does_not_exist(tmp_path):
    missing = tmp_path / "nowhere.txt"
    result = run("audit", missing)
    assert result.exit_code == 2
    assert result.stderr == f"error: {missing}: no such file\n"


@pytest.mark.parametrize("command, out", [
    ("extract", "plan.json"), ("audit", "audit.json"), ("report", "report.html"),
    ("matrix", "matrix.xlsx"), ("review", "review.xlsx"), ("compare", "compare.html")])
def test_an_output_in_a_folder_that_does_not_exist(tmp_path, command, out):
    target = tmp_path / "no" / out
    files = SAMPLE_PLANS[1:3] if command == "compare" else [PLAN]
    result = run(command, *files, "-o", target)
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: the folder {target.parent} does not exist\n"
    fixed = run(command, *files, "-o", tmp_path / out)  # the fix the message suggests
    assert fixed.exit_code == 0, fixed.stderr
    assert (tmp_path / out).stat().st_size > 0
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / out).stat().st_mode & 0o777 == 0o666 & ~umask  # as open() would
    assert [p.name for p in tmp_path.iterdir()] == [out]  # no temporary file left


def test_a_folder_of_bad_and_good_files_reads_the_good_ones(tmp_path):
    folder = tmp_path / "drive"
    folder.mkdir()
    (folder / "a-empty.txt").write_bytes(b"")
    (folder / "b-picture.txt").write_bytes(PNG)
    (folder / "c-plan.txt").write_text(PLAN_TEXT, encoding="utf-8")
    locked = folder / "d-locked.txt"  # another plan: a copy of c would be read once
    locked.write_text(next(p for p in SAMPLE_PLANS if p != PLAN).read_text(encoding="utf-8"),
                      encoding="utf-8")
    locked.chmod(0)
    try:
        result = run("extract", folder)
    finally:
        locked.chmod(0o644)
    lines = result.stderr.splitlines()
    assert result.exit_code == 2
    assert f"error: {folder / 'a-empty.txt'}: is empty" in lines
    assert any(x.startswith(f"error: {folder / 'b-picture.txt'}: is a binary file") for x in lines)
    plans = [json.loads(x) for x in result.stdout.splitlines()]
    assert str(folder / "c-plan.txt") in [p["source"]["path"] for p in plans]
    if os.geteuid() == 0:  # root reads a chmod 000 file: it is simply one more good plan
        assert lines[0] == "2 of 4 files could not be read:" and len(plans) == 2
    else:
        assert lines[0] == "3 of 4 files could not be read:" and len(plans) == 1
        assert f"error: {locked}: cannot be read (Permission denied)" in lines


# --- damaged text: a result with warnings, exit 0 ----------------------------------------

def test_truncated_utf8_is_read_with_a_warning(tmp_path):
    data = PLAN_TEXT.rstrip().encode("utf-8")
    path = tmp_path / "cut.txt"
    path.write_bytes(data + "局".encode("utf-8")[:2])  # the last character cut in half
    plan = extract_one(path)
    assert [w["kind"] for w in plan["warnings"]].count("truncated") == 1
    assert len(plan["tasks"]) == len(extract_one(PLAN)["tasks"])


def test_a_file_mixing_utf8_and_gb18030_lines(tmp_path):
    lines = PLAN_TEXT.splitlines()
    path = tmp_path / "mixed.txt"
    path.write_bytes(b"\n".join(line.encode("gb18030" if k % 2 else "utf-8")
                                for k, line in enumerate(lines)))
    plan = extract_one(path)
    whole = extract_one(PLAN)
    assert plan["source"]["encoding"] == "mixed"
    assert any(w["kind"] == "encoding" and w["message"] == "line decoded as gb18030"
               for w in plan["warnings"])
    assert [t["text"] for t in plan["tasks"]] == [t["text"] for t in whole["tasks"]]


@pytest.mark.slow
def test_a_50_mb_plan(tmp_path):
    """Repeated sample text: every copy read, nothing lost (minutes would mean a quadratic)."""
    path = tmp_path / "big.txt"
    copies = 50_000_000 // len(PLAN_TEXT.encode("utf-8")) + 1
    path.write_text((PLAN_TEXT.rstrip("\n") + "\n") * copies, encoding="utf-8")
    code, out, err = run_process("extract", path, "--format", "csv", "-o", tmp_path / "big.csv",
                                 timeout=300)
    assert code == 0 and err.startswith(f"wrote {tmp_path / 'big.csv'} (") and err.count("\n") == 1
    one = run("extract", PLAN, "--format", "csv").stdout
    rows = (tmp_path / "big.csv").read_text(encoding="utf-8-sig").count("\n")
    assert rows - 1 == (one.count("\n") - 1) * copies


def test_a_line_of_1_mb_extracts_in_seconds(tmp_path):
    paragraph = max(PLAN_TEXT.splitlines(), key=len)
    path = tmp_path / "long.txt"
    path.write_text("一、重点工作\n（一）" + paragraph * (1_000_000 // len(paragraph.encode()) + 1)
                    + "\n（二）" + "）" * 300_000 + "\n", encoding="utf-8")
    code, out, err = run_process("extract", path, timeout=60)
    assert code == 0 and err == ""
    assert json.loads(out)["tasks"][0]["assignments"]


def test_ten_thousand_nested_brackets(tmp_path):
    path = tmp_path / "nested.txt"
    path.write_text("某市安全生产工作要点\n一、重点工作\n（一）加强管理" + "（" * 10_000 + "市应急局牵头" + "）" * 10_000
                    + "\n（二）做好宣传" + "（" * 10_000 + "\n", encoding="utf-8")
    code, out, err = run_process("extract", path, timeout=60)
    assert code == 0 and err == ""
    check_plan(path)


def test_a_run_of_32000_opening_brackets_is_read_in_linear_time(tmp_path):
    """Issue 23: 32,000 unmatched （ on a line took 17.5 s (a pattern searched from each)."""
    path = tmp_path / "brackets.txt"
    path.write_text("一、重点工作\n（一）加强管理" + "（" * 32_000 + "市应急局牵头\n"
                    "（二）做好宣传工作。（市委宣传部负责）\n", encoding="utf-8")
    code, out, err = run_process("extract", path, timeout=30)
    assert code == 0 and err == ""
    plan = json.loads(out)  # the bracket left open swallows the next line: the plan says so
    units = {a["unit"] for t in plan["tasks"] for a in t["assignments"]}
    assert "市委宣传部" in units | set(plan["reading"]["unread"])


@pytest.mark.slow
def test_a_clause_of_20000_units_audits_in_bounded_time_and_memory(tmp_path):
    """Issue 23: one clause naming 20,000 units took 3 min and 13.7 GB (typo pairs and a
    projection of 200 million links); every unit is still read and counted."""
    path = tmp_path / "units.txt"
    path.write_text("一、重点工作\n（一）加强隐患排查。（" + "、".join(f"市第{i}局" for i in range(20_000))
                    + "牵头）\n", encoding="utf-8")
    code, out, err = run_process("audit", path, "--format", "json", timeout=120)
    assert code == 0 and err == ""
    assert json.loads(out)["summary"]["units"] == 20_000


def test_unbalanced_brackets_still_give_their_units(tmp_path):
    path = tmp_path / "unbalanced.txt"
    path.write_text("一、重点工作\n（一）加强隐患排查（市应急局牵头，市公安局配合\n"
                    "（二）做好宣传工作。市委宣传部牵头，市教育局配合）\n"
                    "（三）开展应急演练）））（市消防救援支队负责）\n", encoding="utf-8")
    plan = check_plan(path)
    units = {(a.unit, a.role) for t in plan.tasks for a in t.assignments if a.source != "inline"}
    assert {("市应急管理局", "lead"), ("市公安局", "support"), ("市委宣传部", "lead"),
            ("市教育局", "support"), ("市消防救援支队", "lead")} <= units


def test_a_plan_with_no_numbering_at_all(tmp_path):
    path = tmp_path / "plain.txt"
    plain = [line.lstrip("一二三四五六七八九十、（）()0123456789.．") for line in PLAN_TEXT.splitlines()]
    path.write_text("\n".join(plain), encoding="utf-8")
    plan = check_plan(path)
    assert plan.tasks or any(w.kind == "numbering" for w in plan.warnings)
    assert run("audit", path).exit_code == 0


def test_a_plan_that_is_only_a_table(tmp_path):
    path = tmp_path / "table.txt"
    path.write_text("| 序号 | 工作任务 | 牵头单位 | 配合单位 |\n| --- | --- | --- | --- |\n"
                    "| 1 | 排查燃气管网 | 市住建局 | 市应急局、市市场监管局 |\n"
                    "| 2 | 整治电动自行车 | | 市消防救援支队 |\n| 3 | | 市公安局 | |\n",
                    encoding="utf-8")
    plan = check_plan(path)
    assert [t.title for t in plan.tasks] == ["排查燃气管网", "整治电动自行车", ""]
    assert [a.unit for a in plan.tasks[2].assignments] == ["市公安局"]


# --- unexpected errors and --debug ---------------------------------------------------------

def test_compare_of_one_plan_named_twice(tmp_path):
    result = run("compare", PLAN, PLAN)
    assert result.exit_code == 2
    assert result.stderr == "error: compare needs two different plans; got 1\n"


def test_an_unexpected_error_is_one_line_unless_debug(monkeypatch):
    import dutygraph.graph.audit  # noqa: F401 (loads the submodule patched below)
    from dutygraph import graph

    def broken(*args, **kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(graph.audit, "run_audit", broken)
    result = run("audit", PLAN)
    assert result.exit_code == 2
    assert result.stderr == ("error: RuntimeError: boom second line (run with --debug for "
                             "the traceback)\n")
    debug = run("--debug", "audit", PLAN)
    assert isinstance(debug.exception, RuntimeError) and debug.exit_code == 1


def test_a_parser_error_on_one_file_leaves_the_others(monkeypatch, tmp_path):
    from dutygraph.loaders.stages import parse as parse_stage

    real = parse_stage.parse_document
    bad = tmp_path / "bad.txt"
    bad.write_text(PLAN_TEXT, encoding="utf-8")

    def parse(doc, registry=None):
        if doc.path == str(bad):
            raise ValueError("cannot nest")
        return real(doc, registry=registry)

    monkeypatch.setattr(parse_stage, "parse_document", parse)
    result = run("extract", bad, PLAN)
    assert result.exit_code == 2
    assert result.stderr.splitlines() == [
        "1 of 2 files could not be read:",
        f"error: {bad}: could not be parsed (ValueError: cannot nest; --debug shows the "
        "traceback)"]
    assert json.loads(result.stdout)["source"]["path"] == str(PLAN)
    assert isinstance(run("--debug", "extract", bad, PLAN).exception, ValueError)


# --- atomic outputs ------------------------------------------------------------------------

def test_a_writer_failing_midway_leaves_no_file(monkeypatch, tmp_path):
    import dutygraph.reports.matrix  # noqa: F401 (loads the submodule patched below)
    from dutygraph import reports

    def half_then_full_disk(plans, path, **kwargs):
        Path(path).write_bytes(b"PK\x03\x04 half a workbook")
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(reports.matrix, "write_matrix_xlsx", half_then_full_disk)
    target = tmp_path / "matrix.xlsx"
    result = run("matrix", PLAN, "-o", target)
    assert result.exit_code == 2
    assert result.stderr == f"error: {target}: cannot be written (No space left on device)\n"
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_an_interrupted_report_keeps_the_old_one(monkeypatch, tmp_path):
    from dutygraph import cli_support

    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli_support.os, "replace", interrupted)
    result = run("report", PLAN, "-o", target, "--png", tmp_path / "charts")
    assert result.exit_code == 130
    assert result.stderr == "error: interrupted (Ctrl-C); no output written\n"
    assert target.read_text(encoding="utf-8") == "the old report"
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["report.html"]
    monkeypatch.undo()
    assert run("report", PLAN, "-o", target, "--png", tmp_path / "charts").exit_code == 0
    assert sorted(p.name for p in tmp_path.rglob("*")) == [  # (a task of it falls due)
        "charts", "deadlines.png", "loads.png", "network.png", "report.html"]
