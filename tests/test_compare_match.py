"""graph.compare on hand-built plans: matching, kinds, units through the registry, loads."""
import json

import pytest

from dutygraph.graph.compare import (MatchSettings, compare_plans, compare_to_dict, compare_two,
                                     match_settings, text_diff)
from dutygraph.graph.textsim import task_body
from tests.compare_helpers import plan, task

FIRE = "深化消防安全整治。持续开展消防通道整治，对高层建筑、大型综合体开展消防设施检测。"
ROAD = "强化道路交通安全整治。集中整治超速超载、酒驾醉驾等违法行为，强化客运车辆动态监控。"
MINE = "深入开展非煤矿山安全整治。严格尾矿库安全监管，关闭不达标的小型露天采石场。"
GAS = "推进城镇燃气安全排查。更新老旧燃气管道和阀门，推广安装燃气泄漏报警装置。"
FLOOD = "做好防汛抗旱工作。汛前检查水库堤防，落实山洪地质灾害监测预警和人员转移预案。"
SCHOOL = "加强校园安全管理。完善校园安保设施，开展学生防溺水和交通安全教育。"


def test_task_body_drops_number_script_clause_and_punctuation():
    assert task_body("12.深化消防安全整治。（市消防救援支队牵头，市住建局配合）") == "深化消防安全整治"
    assert task_body("（三）深化消防安全整治。") == task_body("3.深化消防安全整治")
    assert task_body("深化消防安全整治。由市消防救援支队负责。",
                     ("由市消防救援支队负责。",)) == "深化消防安全整治"
    assert task_body("二是深化消防安全整治（2022年6月底前完成）") == "深化消防安全整治"


def test_renumbered_and_traditional_tasks_are_same():
    old = plan(2021, task("t1", "1." + FIRE), task("t2", "2." + ROAD), task("t3", "3." + MINE))
    new = plan(2022, task("n1", "1." + MINE), task("n2", "2.深化消防安全整治。持續開展消防通道整治，"
                                                    "對高層建築、大型綜合體開展消防設施檢測。"),
               task("n3", "3." + ROAD))
    step = compare_two(old, new)
    assert sorted((p.old.id, p.new.id, p.kind) for p in step.pairs) == [
        ("t1", "n2", "same"), ("t2", "n3", "same"), ("t3", "n1", "same")]
    assert step.added == () and step.removed == ()


def test_unrelated_tasks_are_added_and_removed_not_paired():
    old = plan(2021, task("t1", FIRE), task("t2", ROAD), task("t3", FLOOD))
    new = plan(2022, task("n1", FIRE), task("n2", ROAD), task("n3", SCHOOL))
    step = compare_two(old, new)
    assert [(p.old.id, p.new.id) for p in step.pairs] == [("t1", "n1"), ("t2", "n2")]
    assert [t.id for t in step.removed] == ["t3"]
    assert [t.id for t in step.added] == ["n3"]


def test_merge_and_split_give_one_pair_per_link():
    old = plan(2021, task("t1", FIRE), task("t2", GAS), task("t3", MINE + FLOOD),
               task("t4", ROAD))
    new = plan(2022, task("n1", FIRE + GAS), task("n2", MINE), task("n3", FLOOD),
               task("n4", ROAD))
    kinds = sorted((p.old.id, p.new.id, p.kind) for p in compare_two(old, new).pairs)
    assert kinds == [("t1", "n1", "merged"), ("t2", "n1", "merged"), ("t3", "n2", "split"),
                     ("t3", "n3", "split"), ("t4", "n4", "same")]


def test_thresholds_are_settings():
    old, new = plan(2021, task("t1", FIRE), task("t2", ROAD)), plan(2022, task("n1", FIRE),
                                                                     task("n2", SCHOOL))
    assert [(p.old.id, p.new.id) for p in compare_two(old, new).pairs] == [("t1", "n1")]
    strict = MatchSettings(min_similarity=1.01, sure_similarity=1.01)
    assert compare_two(old, new, settings=strict).pairs == ()
    assert match_settings("min_distinct=2,unit_similarity=0.5") == MatchSettings(
        min_distinct=2.0, unit_similarity=0.5)
    with pytest.raises(ValueError, match="known key"):
        match_settings("distinct=2")
    with pytest.raises(ValueError, match="needs a number"):
        match_settings("unit_similarity=high")


def test_reform_rename_is_a_rename_not_a_change():
    old = plan(2017, task("t1", FIRE, [("市安监局", "lead"), ("市工商局", "support")]),
               task("t2", FLOOD, [("市国土局", "lead"), ("市水利局", "support")]))
    new = plan(2019, task("n1", FIRE, [("市应急管理局", "lead"), ("市市场监管局", "support")]),
               task("n2", FLOOD, [("市自然资源和规划局", "lead"), ("市水利局", "support")]))
    step = compare_two(old, new)
    assert [(r.old, r.new, r.year) for r in step.renames] == [
        ("市国土局", "市自然资源和规划局", 2019),
        ("市安全生产监督管理局", "市应急管理局", 2018),
        ("市工商局", "市市场监督管理局", 2018)]
    first = step.pairs[0]
    assert first.units_added == () and first.units_removed == ()
    assert not first.lead_changed
    assert first.units_renamed == (("市安全生产监督管理局", "市应急管理局"),
                                   ("市工商局", "市市场监督管理局"))
    assert step.units_added == () and step.units_removed == ()


def test_unit_changes_and_lead_change_on_a_carried_task():
    old = plan(2021, task("t1", FIRE, [("市住建局", "lead"), ("市公安局", "support")]))
    new = plan(2022, task("n1", FIRE, [("市消防救援支队", "lead"), ("市住房和城乡建设局", "support")]))
    (pair,) = compare_two(old, new).pairs
    assert pair.units_added == ("市消防救援支队",)
    assert pair.units_removed == ("市公安局",)
    assert pair.lead_changed
    assert pair.leads_old == ("市住房和城乡建设局",) and pair.leads_new == ("市消防救援支队",)


def test_loads_count_explicit_inherited_range_but_not_inline():
    old = plan(2021, task("t1", FIRE, [("市应急局", "lead")]),
               task("t2", ROAD, [("市应急管理局", "support")], source="inherited"),
               task("t3", MINE, [("市应急管理局", "lead")], source="inline"))
    new = plan(2022, task("n1", FIRE, [("市应急管理局", "lead")]),
               task("n2", ROAD, [("市应急管理局", "lead")], source="range"),
               task("n3", MINE, [("市应急管理局", "lead")]))
    (load,) = compare_plans([old, new]).loads
    assert (load.unit, load.leads, load.supports, load.totals) == (
        "市应急管理局", (1, 3), (1, 0), (2, 3))
    assert (load.lead_change, load.support_change, load.total_change) == (2, -1, 1)


def test_three_plans_chain_and_load_follow_a_rename():
    p1 = plan(2017, task("a1", FIRE, [("市安监局", "lead")]), task("a2", FLOOD, [("市水利局", "lead")]))
    p2 = plan(2018, task("b1", FIRE, [("市应急管理局", "lead")]), task("b2", ROAD, [("市公安局", "lead")]))
    p3 = plan(2019, task("c1", ROAD, [("市公安局", "lead")]),
              task("c2", FIRE, [("市应急管理局", "lead")]), task("c3", MINE, [("市应急管理局", "lead")]))
    result = compare_plans([p1, p2, p3])
    assert result.chains == ((("a1",), ("b1",), ("c2",)), (("a2",), (), ()),
                             ((), ("b2",), ("c1",)), ((), (), ("c3",)))
    loads = {u.unit: u for u in result.loads}
    assert loads["市应急管理局"].names == ("市安全生产监督管理局", "市应急管理局", "市应急管理局")
    assert loads["市应急管理局"].leads == (1, 1, 2)
    assert loads["市水利局"].totals == (1, 0, 0)
    with pytest.raises(ValueError, match="at least two"):
        compare_plans([p1])


def test_json_contract_is_stable_and_complete():
    old = plan(2021, task("t1", "1." + FIRE, [("市安监局", "lead")]), task("t2", "2." + FLOOD))
    new = plan(2022, task("n1", "1." + SCHOOL), task("n2", "2." + FIRE, [("市应急管理局", "lead")]))
    data = compare_to_dict(compare_plans([old, new]))
    assert data["schema"] == "dutygraph.compare/1"
    (pair,) = data["pairs"]
    assert pair["old"]["id"] == "t1" and pair["new"]["label"] == "n2"
    assert pair["old"]["text"] == "1." + FIRE and pair["new"]["title"] == "2.深化消防安全整治"
    assert pair["kind"] == "same" and pair["similarity"] == 1.0
    assert [t["id"] for t in data["added"]] == ["n1"]
    assert [t["id"] for t in data["removed"]] == ["t2"]
    assert data["renames"] == [{"step": 0, "old": "市安全生产监督管理局", "new": "市应急管理局",
                                "year": 2018}]
    assert data["loads"][0]["unit"] == "市应急管理局"
    first = json.dumps(data, ensure_ascii=False)
    assert json.dumps(compare_to_dict(compare_plans([old, new])), ensure_ascii=False) == first


def test_text_diff_keeps_long_texts_intact():
    old = "加强安全生产宣传培训教育。" * 30
    new = old.replace("宣传培训教育", "宣传教育培训", 1)
    ops = text_diff(old, new)
    assert "".join(a for _, a, _ in ops) == old and "".join(b for _, _, b in ops) == new
    changed = [(a, b) for op, a, b in ops if op != "equal"]
    assert sum(len(a) for a, _ in changed) <= 4  # autojunk would rewrite far more
