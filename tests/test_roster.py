"""Rosters: the Liupanshui leading group read from the lines extraction skipped; roster files."""
from __future__ import annotations

import json

import pytest
from openpyxl import Workbook

from dutygraph.loaders import load_plan
from dutygraph.model import plan_from_dict, to_dict
from dutygraph.loaders.roster import member_units, read_roster_file
from report_plans import SAMPLE_PLANS

LIUPANSHUI = SAMPLE_PLANS / "liupanshui-2020-rescue-action-plan.txt"


def test_liupanshui_roster_members_people_and_units():
    roster = load_plan(LIUPANSHUI).roster
    assert len(roster) == 25
    first = roster[0]
    assert (first.post, first.person, first.unit, first.line) == ("组长", "侯美传", "市人民政府", 15)
    assert first.title == "市委常委,市人民政府常务副市长"
    assert [(m.post, m.person, m.unit) for m in roster[3:5]] == [
        ("副组长", "雷邦元", "市应急管理局"),  # 市应急局局长, named through the registry
        ("成员", "吴坚", "市工业和信息化局")]  # 吴  坚: spaces of the printed name dropped
    assert roster[-1].unit == "六盘水银保监分局" and roster[-1].line == 63
    people = {m.person for m in roster}
    assert not people & {m.unit for m in roster}  # people are never units
    units = member_units(roster)
    assert len(units) == 20 and "市人民政府" not in units
    assert units[:3] == ("市应急管理局", "市工业和信息化局", "市教育局")


def test_plans_without_a_roster_have_none():
    assert load_plan(SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt").roster == ()


def test_roster_is_in_the_plan_json_and_read_back():
    plan = load_plan(LIUPANSHUI)
    data = json.loads(json.dumps(to_dict(plan), ensure_ascii=False))
    assert data["roster"][4] == {"post": "成员", "person": "吴坚", "unit": "市工业和信息化局",
                                 "title": "市工业和信息化局局长", "line": 23}
    assert plan_from_dict(data) == plan


def test_a_roster_paragraph_of_units(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text("某市2023年安全生产工作要点\n\n一、组织领导\n\n组长：张三（市人民政府副市长）\n"
                    "成员单位：市公安局、市应急局、市交通运输局。\n\n二、重点任务\n\n"
                    "1.整治道路隐患。（市交通运输局牵头）\n", encoding="utf-8")
    roster = load_plan(path).roster
    assert [(m.post, m.person, m.unit) for m in roster] == [
        ("组长", "张三", "市人民政府"), ("成员单位", "", "市公安局"),
        ("成员单位", "", "市应急管理局"), ("成员单位", "", "市交通运输局")]


def test_a_roster_in_traditional_script(tmp_path):
    """The roster is read from the normalised lines: its posts and units in simplified
    script, the person and the title as the plan prints them."""
    path = tmp_path / "plan.txt"
    path.write_text("某市安全生產工作要點\n一、成立領導小組\n組  長：張 三（市應急局局長）\n"
                    "副組長：李四(市公安局副局長)\n二、重點任務\n1.開展檢查。（牽頭單位：市應急管理局）\n",
                    encoding="utf-8")
    roster = load_plan(path).roster
    assert [(m.post, m.person, m.unit, m.title) for m in roster] == [
        ("组长", "張三", "市应急管理局", "市應急局局長"),
        ("副组长", "李四", "市公安局", "市公安局副局長")]


def test_roster_file_csv_and_xlsx(tmp_path):
    csv_path = tmp_path / "roster.csv"
    csv_path.write_text("\ufeff单位,姓名,职务\n市应急局,张 三,副组长\n市公安局,,\n\n", encoding="utf-8")
    members = read_roster_file(csv_path)
    assert [(m.post, m.person, m.unit, m.line) for m in members] == [
        ("副组长", "张三", "市应急管理局", 2), ("成员", "", "市公安局", 3)]
    wb = Workbook()
    wb.active.append(["unit"])
    wb.active.append(["市财政局"])
    wb.save(tmp_path / "roster.xlsx")
    assert [m.unit for m in read_roster_file(tmp_path / "roster.xlsx")] == ["市财政局"]
    gb = tmp_path / "gb.csv"
    gb.write_bytes("单位\n市教育局\n".encode("gb18030"))
    assert read_roster_file(gb)[0].unit == "市教育局"


@pytest.mark.parametrize("name,content,problem", [
    ("r.csv", "姓名\n张三\n", "no unit column; name one 'unit' or '单位' in the first row"),
    ("r.csv", "", "the roster is empty"),
    ("r.txt", "单位\n市公安局\n", "a roster must be a .csv or .xlsx file"),
    ("r.xlsx", "not a zip", "not a readable .xlsx workbook (BadZipFile)"),
])
def test_bad_roster_files_name_the_problem(tmp_path, name, content, problem):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError) as err:
        read_roster_file(path)
    assert str(err.value) == f"{path}: {problem}"
