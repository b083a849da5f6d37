"""Peer kinds and office names: the two pure rules behind fair comparison and one node per
office, each on names written for the test (no name is looked up in a list)."""
from __future__ import annotations

import pytest

from dutygraph.graph.build import build_graph
from dutygraph.graph.names import OfficeNames, city_forms, merged_forms, merged_names, plan_names
from dutygraph.graph.peers import peer_group, peer_kind
from dutygraph.graph.quality import similar_unit_names
from dutygraph.model import Assignment, Plan, Source, Task
from dutygraph.loaders.units import Registry


@pytest.mark.parametrize("name, kind", [
    ("市应急管理局", "department"), ("市委宣传部", "department"), ("市消防救援支队", "department"),
    ("市应急救援总指挥部", "department"), ("国网电力某市分公司", "department"),
    ("市政府办", "department"), ("市委编办", "department"), ("市总工会", "department"),
    ("市国有资产监督管理委员会", "department"), ("市城市管理委员会", "department"),
    ("某某高新区", "territorial"), ("某某经济开发区", "territorial"), ("钟山区", "territorial"),
    ("某某县人民政府", "territorial"), ("某某街道办事处", "territorial"),
    ("高新区管委会", "territorial"), ("某某工业园区管理委员会", "territorial"),
    ("某某新区党工委", "territorial"), ("某某镇", "territorial"), ("某某县(区)人民政府", "territorial"),
    ("某某工业园", "territorial"), ("市植物园", "department"),
    ("市", "department"),  # a bare level character is no place of its own
])
def test_peer_kind_from_the_suffix(name, kind):
    assert peer_kind(name) == kind


def test_collective_units_are_their_own_kind_and_groups_name_the_place():
    assert peer_kind("各县市区人民政府", collective=True) == "collective"
    assert peer_group("某市", "territorial") == "某市/territorial"
    assert peer_group("", "department") == "department"


def test_city_forms():
    assert city_forms("怀化市") == ("怀化市", "怀化", "市")
    assert city_forms("桓台县") == ("桓台县", "桓台", "县")
    assert city_forms("某市") == ("某市", "", "市")  # a one-character stem is never stripped


def names(*units, place="怀化市", registry=None):
    plan = Plan(Source("p.txt", "txt"), jurisdiction=place, tasks=(Task(
        "T1", None, "1", "1", "t", "t", 1,
        assignments=tuple(Assignment(u, u, "lead") for u in units)),))
    return plan_names([plan], registry or Registry.default())


def test_a_name_with_its_city_is_the_name_without_it():
    office = names("团市委", "市应急管理局")
    assert office.canonical("共青团怀化市委") == "团市委"  # through the registry's 共青团市委
    assert office.canonical("怀化市应急管理局") == "市应急管理局"
    assert office.canonical("怀化市应急局") == "市应急管理局"
    # named only with its city, and unknown to the registry: kept as written
    assert office.canonical("怀化银保监分局") == "怀化银保监分局"
    # the stem alone is dropped when the plans use the shorter name too
    assert names("银保监分局").canonical("怀化银保监分局") == "银保监分局"


def test_each_member_is_member():
    office = names()
    assert office.canonical("市安委会各成员单位") == "市安委会成员单位"
    assert office.canonical("各专委会成员单位") == "各专委会成员单位"  # 各 of the whole class


def test_names_of_other_places_stay():
    office = names("团市委", place="某某市")
    assert office.canonical("共青团怀化市委") == "共青团怀化市委"
    assert OfficeNames(Registry()).canonical("共青团怀化市委") == "共青团怀化市委"


def test_merged_forms_leave_out_script_level_fragments_and_back_references():
    assert merged_forms("团市委", ["團市委", "共青團懷化市委"]) == ("共青团怀化市委",)
    assert merged_forms("市交通运输局", ["交通运输局", "市交通運輸局"]) == ()
    assert merged_forms("县级党校", ["市县级党校"]) == ()
    assert merged_forms("市应急救援总指挥部", ["市"]) == ()
    assert merged_forms("各专委会成员单位", ["其成员单位"]) == ()


def test_typos_stay_apart_while_other_names_merge():
    def a(unit):
        return Assignment(unit, unit, "lead", line=1)

    tasks = tuple(Task(f"T{i}", None, str(i), str(i), "t", "t", i, assignments=(a(u),))
                  for i, u in enumerate(["市交警支队", "市交警支队", "市警支队", "共青团怀化市委",
                                         "团市委"], 1))
    plan = Plan(Source("p.txt", "txt"), jurisdiction="怀化市", tasks=tasks)
    graph = build_graph([plan])
    assert "怀化市/市警支队" in graph and "怀化市/团市委" in graph
    assert "怀化市/共青团怀化市委" not in graph
    [typo] = similar_unit_names(graph)
    assert typo.units == ("市警支队", "市公安局交通警察支队")
    merged = {m.unit.name: m.forms for m in merged_names(graph)}
    assert merged == {"团市委": ("共青团怀化市委",), "市公安局交通警察支队": ("市交警支队",)}
