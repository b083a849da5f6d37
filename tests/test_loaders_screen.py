"""What users drop in a folder besides the plans: copies read once, files that are no plan
left out, both named (stderr, audit JSON, report) and never counted."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from dutygraph.loaders import load_plan
from dutygraph.loaders.screen import content_key, is_plan, screen_plans
from dutygraph.main import cli
from format_builders import build_docx

PLANS_DIR = Path(__file__).parent.parent / "data" / "plans"
H21 = "huaihua-2021-safety-key-points.txt"
H22 = "huaihua-2022-safety-key-points.txt"
SHOPPING = "购物清单\n1. 鸡蛋两斤\n2. 牛奶一箱\n3. 酱油\n"


@pytest.fixture(scope="module")
def folders(tmp_path_factory):
    """(clean, messy): the sample plans; the same plus a byte copy, the same plan as .docx,
    a shopping list and a one-line csv."""
    root = tmp_path_factory.mktemp("screen")
    clean, messy = root / "clean", root / "messy"
    shutil.copytree(PLANS_DIR, clean)
    shutil.copytree(PLANS_DIR, messy)
    shutil.copy(PLANS_DIR / H22, messy / "huaihua-2022-safety-key-points - 副本.txt")
    build_docx((PLANS_DIR / H21).read_text(encoding="utf-8").splitlines(),
               messy / "怀化2021要点.docx")
    (messy / "购物清单.txt").write_text(SHOPPING, encoding="utf-8")
    (messy / "one.csv").write_text("a,b\n", encoding="utf-8")
    return clean, messy


def test_the_same_plan_as_docx_has_the_same_content_key(folders):
    _, messy = folders
    txt, docx = load_plan(messy / H21), load_plan(messy / "怀化2021要点.docx")
    assert txt.source.sha256 != docx.source.sha256
    assert content_key(txt) == content_key(docx)
    assert content_key(txt) != content_key(load_plan(messy / H22))


def test_a_shopping_list_and_a_one_line_csv_are_no_plans(folders):
    _, messy = folders
    assert not is_plan(load_plan(messy / "购物清单.txt"))
    assert not is_plan(load_plan(messy / "one.csv"))
    assert is_plan(load_plan(messy / "hongjiang-2021-2025-emergency-plan.txt"))


def test_numbered_items_under_a_plan_title_are_a_plan_though_they_name_nobody(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某市2023年应急工作要点\n1. 加强应急值守工作。\n2. 完善应急预案体系。\n",
                    encoding="utf-8")
    plan = load_plan(path)
    assert len(plan.tasks) == 2 and not plan.units and is_plan(plan)


def test_screening_keeps_the_original_and_names_the_copy(folders):
    _, messy = folders
    copy, original = (load_plan(messy / n) for n in
                      ("huaihua-2022-safety-key-points - 副本.txt", H22))
    screened = screen_plans([copy, original])
    assert screened.plans == (original,)
    assert [(s.path, s.reason, s.same_as) for s in screened.skipped] == [
        (copy.source.path, "duplicate", original.source.path)]


def audit(folder: Path):
    result = CliRunner().invoke(cli, ["audit", str(folder), "--format", "json"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    return json.loads(text), result.stderr


def test_a_messy_folder_gives_the_loads_of_the_clean_one_and_names_the_rest(folders):
    clean, messy = folders
    want, quiet = audit(clean)
    got, said = audit(messy)
    assert quiet == "" and want["skipped"] == []
    assert got["loads"] == want["loads"]
    assert got["summary"]["tasks"] == want["summary"]["tasks"]
    assert [p["title"] for p in got["plans"]] == [p["title"] for p in want["plans"]]
    assert {(Path(s["path"]).name, s["reason"], Path(s["same_as"]).name)
            for s in got["skipped"]} == {
        ("huaihua-2022-safety-key-points - 副本.txt", "duplicate", H22),
        ("怀化2021要点.docx", "duplicate", H21),
        ("购物清单.txt", "not_plan", ""), ("one.csv", "not_plan", "")}
    assert (got["summary"]["duplicates"], got["summary"]["not_plans"]) == (2, 2)
    lines = said.splitlines()
    assert len(lines) == 4 and all(line.startswith("已跳过：") for line in lines)
    assert f"已跳过：{messy / '购物清单.txt'}：不是计划" in said
    assert (f"已跳过：{messy / 'huaihua-2022-safety-key-points - 副本.txt'}：与 {messy / H22} "
            f"是同一份计划（只读一次）") in said


def test_the_report_names_the_copies_and_the_junk(folders, tmp_path):
    _, messy = folders
    out = tmp_path / "r.html"
    result = CliRunner().invoke(cli, ["report", str(messy), "-o", str(out)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "购物清单.txt" in page and "one.csv" in page and "怀化2021要点.docx" in page
    assert "内容与" in page and "不是工作计划" in page


def test_every_command_screens(folders, tmp_path):
    _, messy = folders
    result = CliRunner().invoke(cli, ["extract", str(messy), "--format", "csv"])
    assert result.exit_code == 0
    assert "购物清单" not in result.stdout and "鸡蛋" not in result.stdout
    assert result.stderr.count("已跳过：") == 4
