"""The SQLite archive: written idempotently, corrections kept as history, read back with --db
by every command (issue 22's must-show items)."""
from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
from pathlib import Path

import openpyxl
import pytest
import sqlite_utils
from click.testing import CliRunner

from dutygraph.loaders.readers.review import COLUMNS, REVIEW_SHEET
from dutygraph.main import cli

PLANS_DIR = Path(__file__).parent.parent / "data" / "plans"
pytestmark = pytest.mark.xdist_group("archive")  # one worker: the module fixture built once
HUAIHUA = PLANS_DIR / "huaihua-2022-safety-key-points.txt"


def run(*args):
    result = CliRunner().invoke(cli, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def samples_db(tmp_path_factory) -> Path:
    """The sample plans archived once (copied by the tests that change it)."""
    db = tmp_path_factory.mktemp("archive") / "plans.db"
    code, _, err = run("archive", PLANS_DIR, "--db", db)
    assert code == 0, err
    assert err == f"档案 {db}：新增 5 份计划，更新 0 份，未变 0 份\n"
    return db


def test_archiving_again_gives_the_same_database(samples_db, tmp_path):
    db = tmp_path / "t.db"
    shutil.copy(samples_db, db)
    before = digest(db)
    code, _, err = run("archive", PLANS_DIR, "--db", db, "--lang", "en")
    assert (code, err) == (0, f"archive {db}: 0 plans added, 0 updated, 5 unchanged\n")
    assert digest(db) == before


def test_assignments_are_the_rows_with_a_unit_of_extract_csv(samples_db):
    code, out, _ = run("extract", PLANS_DIR, "--format", "csv", "--lang", "en")
    rows = list(csv.DictReader(io.StringIO(out)))
    with sqlite3.connect(samples_db) as conn:
        count = conn.execute("select count(*) from assignments").fetchone()[0]
        roles = dict(conn.execute("select role, count(*) from assignments group by role"))
    assert code == 0 and count == sum(1 for r in rows if r["unit"]) > 500
    assert roles == {role: sum(1 for r in rows if r["role"] == role)
                     for role in ("lead", "support", "implement", "supervise")}


def test_tables_keys_indexes_and_schema_version(samples_db):
    db = sqlite_utils.Database(samples_db)
    assert set(db.table_names()) == {"schema_version", "plans", "tasks", "assignments",
                                     "assignment_history", "units", "aliases", "findings"}
    assert db["schema_version"].get(1)["version"] == 1
    assert {(fk.column, fk.other_table) for fk in db["assignments"].foreign_keys} == {
        ("plan_id", "plans"), ("task", "tasks"), ("unit", "units")}
    assert db["plans"].pks == ["id"] and db["aliases"].pks == ["plan_id", "unit", "alias"]
    assert {tuple(i.columns) for i in db["plans"].indexes} >= {("sha256",), ("jurisdiction", "year")}
    assert {tuple(i.columns) for i in db["assignments"].indexes} >= {("unit",), ("role",)}
    assert db.execute("pragma foreign_key_check").fetchall() == []
    kinds = dict(db.execute("select kind, count(*) from findings group by kind").fetchall())
    audit = json.loads(run("audit", PLANS_DIR, "--format", "json")[1])
    assert db["plans"].count == 5 and db["tasks"].count == sum(p["tasks"] for p in audit["plans"])
    assert kinds == {k: len(audit[k]) for k in ("overloaded", "orphans", "lead_and_support",
                                                "joint_leads", "quality")}


def test_every_command_reads_the_archive_as_it_reads_the_files(samples_db, tmp_path):
    assert run("extract", "--db", samples_db)[1] == run("extract", PLANS_DIR)[1]
    assert run("audit", "--db", samples_db, "--format", "json")[1] == \
        run("audit", PLANS_DIR, "--format", "json")[1]
    only_2022 = json.loads(run("audit", "--db", samples_db, "--year", "2022", "--format", "json")[1])
    assert [(p["jurisdiction"], p["year"]) for p in only_2022["plans"]] == [("怀化市", 2022)]
    code, out, err = run("compare", "--db", samples_db, "--jurisdiction", "怀化市", "--format", "json")
    assert code == 0, err
    assert [p["year"] for p in json.loads(out)["plans"]] == [2021, 2022]
    assert run("ledger", "--db", samples_db, "-o", tmp_path / "l.csv")[0] == 0
    assert (tmp_path / "l.csv").read_text(encoding="utf-8-sig").count("\n") > 200


def test_a_corrected_review_workbook_replaces_the_assignments_and_keeps_history(tmp_path):
    db, review = tmp_path / "t.db", tmp_path / "review.xlsx"
    assert run("archive", HUAIHUA, "--db", db)[0] == 0
    assert run("review", HUAIHUA, "-o", review)[0] == 0
    before = json.loads(run("audit", "--db", db, "--format", "json")[1])
    book = openpyxl.load_workbook(review)
    sheet = book[REVIEW_SHEET]
    cols = {key: next(c.column for c in sheet[1] if c.value == label) for key, label in COLUMNS}
    row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, cols["role"]).value == "牵头")
    task_id, unit = sheet.cell(row, cols["task_id"]).value, sheet.cell(row, cols["unit"]).value
    sheet.cell(row, cols["role"]).value = "配合"  # the correction: a lead was a supporter
    book.save(review)

    code, _, err = run("archive", review, "--db", db, "--lang", "en")
    assert (code, err) == (0, f"archive {db}: 0 plans added, 1 updated, 0 unchanged\n")
    conn = sqlite3.connect(db)
    assert conn.execute("select count(*), max(version), max(format) from plans").fetchone() == \
        (1, 2, "review")
    history = conn.execute("select count(*), min(version), max(version) from assignment_history"
                           ).fetchone()
    current = conn.execute("select count(*) from assignments").fetchone()[0]
    assert history == (current, 1, 1)  # every old assignment kept, as version 1
    assert conn.execute(
        "select h.role, a.role from assignment_history h join tasks t on t.task_id = h.task_id "
        "join assignments a on a.task = t.id and a.unit = h.unit where h.task_id = ? and h.unit = ?",
        [task_id, unit]).fetchall() == [("lead", "support")]
    after = json.loads(run("audit", "--db", db, "--format", "json")[1])
    assert after == json.loads(run("audit", review, "--format", "json")[1])
    lead = [x for x in after["loads"] if x["unit"]["name"] == unit][0]["lead"]
    assert lead == [x for x in before["loads"] if x["unit"]["name"] == unit][0]["lead"] - 1
    same = digest(db)
    assert run("archive", review, "--db", db)[0] == 0 and digest(db) == same
    assert run("archive", HUAIHUA, "--db", db)[0] == 0 and digest(db) == same  # it stands


@pytest.mark.parametrize("content, says", [
    (None, "no such archive (write one with dutygraph archive FILE… --db "),
    (b"not a database at all, just text" * 100, "is not a SQLite database"),
])
def test_a_bad_archive_is_one_line(tmp_path, content, says):
    db = tmp_path / "x.db"
    if content:
        db.write_bytes(content)
    code, out, err = run("--lang", "en", "audit", "--db", db)
    assert code == 2 and out == "" and err.count("\n") == 1
    assert err.startswith(f"error: {db}: ") and says in err


def test_archive_needs_files_and_a_database():
    code, _, err = run("archive", PLANS_DIR)
    assert code == 2 and err.startswith("错误：archive 需要 FILE… 和 --db 档案")
