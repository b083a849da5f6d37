"""The review loop: export the extraction, correct it in Excel, load the corrections back."""
from __future__ import annotations

import dataclasses
from pathlib import Path

import openpyxl
import pytest
from click.testing import CliRunner

from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders import LoadError, load_plan, load_plans
from dutygraph.model import to_dict
from dutygraph.loaders.readers.review import COLUMNS, REVIEW_SHEET, is_review_workbook
from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

PLANS_DIR = Path(__file__).parent.parent / "data" / "plans"
HUAIHUA = PLANS_DIR / "huaihua-2022-safety-key-points.txt"


def write_review(tmp_path, *files) -> Path:
    target = tmp_path / "review.xlsx"
    result = CliRunner().invoke(cli, ["review", *map(str, files), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def as_review(plan) -> dict:
    data = to_dict(plan)
    data["source"] = dict(data["source"], format="review")
    return data


def column(sheet, key: str) -> int:
    label = dict(COLUMNS)[key]
    return next(c.column for c in sheet[1] if c.value == label)


def rows_of(sheet, task_id: str) -> list[int]:
    col = column(sheet, "task_id")
    return [r for r in range(2, sheet.max_row + 1) if sheet.cell(r, col).value == task_id]


@pytest.mark.slow
def test_round_trip_without_edits_changes_nothing(tmp_path):
    originals = [load_plan(p) for p in SAMPLE_PLANS]
    target = write_review(tmp_path, PLANS_DIR)
    assert is_review_workbook(target) and not is_review_workbook(HUAIHUA)
    plans = load_plans(target)
    assert [as_review(p) for p in originals] == [to_dict(p) for p in plans]
    assert all(p.source.format == "review" for p in plans)


def test_review_rows_one_per_task_and_unit(tmp_path):
    plan = load_plan(HUAIHUA)
    sheet = openpyxl.load_workbook(write_review(tmp_path, HUAIHUA))[REVIEW_SHEET]
    expected = sum(max(1, len(t.assignments)) for t in plan.tasks)
    assert sheet.max_row - 1 == expected
    assert [c.value for c in sheet[1]] == [label for _, label in COLUMNS]
    assert sheet.freeze_panes == "C2"
    lists = {dv.formula1 for dv in sheet.data_validations.dataValidation}
    assert '"牵头,配合,落实,督促"' in lists


def test_edits_stand_in_the_plan_and_the_audit(tmp_path):
    from dutygraph.graph.audit import run_audit

    original = load_plan(HUAIHUA)
    target = write_review(tmp_path, HUAIHUA)
    book = openpyxl.load_workbook(target)
    sheet = book[REVIEW_SHEET]
    unit_col, role_col = column(sheet, "unit"), column(sheet, "role")
    several = [t for t in original.tasks if len(t.assignments) >= 2]
    added, changed, deleted = several[0], several[1], several[2]
    cleared = next(t for t in original.tasks if t.assignments
                   and not any(a.collective for a in t.assignments)
                   and t.id not in (added.id, changed.id, deleted.id))
    # a role changed: the first unit of `changed` becomes a supporting unit
    first = rows_of(sheet, changed.id)[0]
    assert sheet.cell(first, role_col).value == "牵头"
    sheet.cell(first, role_col).value = "配合"
    # units cleared: every unit of `cleared` was wrong, the task stays with none
    for row in rows_of(sheet, cleared.id):
        sheet.cell(row, unit_col).value = None
    # a row deleted: the last unit of `deleted`
    sheet.delete_rows(rows_of(sheet, deleted.id)[-1])
    # a unit added: copy the first row of `added`, name another unit
    source_row = rows_of(sheet, added.id)[0]
    sheet.insert_rows(source_row + 1)
    for col in range(1, sheet.max_column + 1):
        sheet.cell(source_row + 1, col).value = sheet.cell(source_row, col).value
    sheet.cell(source_row + 1, unit_col).value = "市审计局"
    sheet.cell(source_row + 1, role_col).value = "配合"
    book.save(target)

    plan = load_plan(target)
    tasks = {t.id: t for t in plan.tasks}
    assert [t.id for t in plan.tasks] == [t.id for t in original.tasks]
    new = tasks[added.id].assignments
    assert new[1].unit == "市审计局" and new[1].role == "support"
    assert new[1].mention == "市审计局" and len(new) == len(added.assignments) + 1
    assert tasks[changed.id].assignments[0].role == "support"
    assert tasks[changed.id].assignments[1:] == changed.assignments[1:]
    assert tasks[deleted.id].assignments == deleted.assignments[:-1]
    assert tasks[cleared.id].assignments == ()
    untouched = {added.id, changed.id, deleted.id, cleared.id}
    assert [t for t in plan.tasks if t.id not in untouched] == \
        [t for t in original.tasks if t.id not in untouched]
    assert "市审计局" in {u.name for u in plan.units}

    before, after = run_audit([original]), run_audit([plan])
    loads_before = {ld.unit.name: ld for ld in before.loads}
    loads_after = {ld.unit.name: ld for ld in after.loads}
    assert "市审计局" not in loads_before and loads_after["市审计局"].support == 1
    unit = changed.assignments[0].unit
    assert loads_after[unit].lead == loads_before[unit].lead - 1
    assert loads_after[unit].support == loads_before[unit].support + 1
    assert cleared.id not in {o.task.task for o in before.orphans}
    assert cleared.id in {o.task.task for o in after.orphans}  # no unit of its own now


def test_deleting_every_row_of_a_task_drops_it(tmp_path):
    original = load_plan(HUAIHUA)
    target = write_review(tmp_path, HUAIHUA)
    book = openpyxl.load_workbook(target)
    sheet = book[REVIEW_SHEET]
    dropped = original.tasks[0]
    for row in reversed(rows_of(sheet, dropped.id)):
        sheet.delete_rows(row)
    book.save(target)
    plan = load_plan(target)
    assert [t.id for t in plan.tasks] == [t.id for t in original.tasks[1:]]


def test_a_bad_role_is_one_line_naming_the_row(tmp_path):
    target = write_review(tmp_path, HUAIHUA)
    book = openpyxl.load_workbook(target)
    sheet = book[REVIEW_SHEET]
    sheet.cell(2, column(sheet, "role")).value = "主办"
    book.save(target)
    result = CliRunner().invoke(cli, ["extract", str(target)])
    assert result.exit_code == 2
    assert result.output.strip().splitlines()[-1] == (
        f"error: {target}: row 2: role '主办' is not one of 牵头 (lead)、配合 (support)、"
        "落实 (implement)、督促 (supervise)")


def test_extract_and_audit_read_a_review_workbook(tmp_path):
    target = write_review(tmp_path, HUAIHUA, PLANS_DIR / "huaihua-2021-safety-key-points.txt")
    with pytest.raises(LoadError, match="is a review workbook of 2 plans; use load_plans"):
        load_plan(target)
    result = CliRunner().invoke(cli, ["extract", str(target), "--format", "json"])
    assert result.exit_code == 0 and len(result.output.strip().splitlines()) == 2
    result = CliRunner().invoke(cli, ["audit", str(target), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert '"dutygraph.audit/1"' in result.output


def test_review_needs_an_xlsx_target(tmp_path):
    result = CliRunner().invoke(cli, ["review", str(HUAIHUA), "-o", str(tmp_path / "r.csv")])
    assert result.exit_code == 2
    assert "'" + str(tmp_path / "r.csv") + "' must end in .xlsx" in result.output


def test_new_unit_names_are_canonical(tmp_path):
    """A unit typed in review goes through the registry like an extracted one."""
    from dutygraph.loaders.units import Registry

    plan = load_plan(HUAIHUA)
    target = write_review(tmp_path, HUAIHUA)
    book = openpyxl.load_workbook(target)
    sheet = book[REVIEW_SHEET]
    row = rows_of(sheet, plan.tasks[0].id)[0]
    sheet.cell(row, column(sheet, "unit")).value = " 市应急局 "
    book.save(target)
    first = load_plan(target).tasks[0].assignments[0]
    assert first.unit == Registry.default().canonical("市应急局")
    assert first.mention == "市应急局"
    assert dataclasses.replace(first, unit="", mention="") == dataclasses.replace(
        plan.tasks[0].assignments[0], unit="", mention="", exhaustive=True)
