"""The bipartite graph: node ids, unit identity across plans, edge attributes, export."""
from __future__ import annotations

import networkx as nx
import pytest

from dutygraph.graph.build import TASK, UNIT, build_graph, graph_for_export, plan_keys
from dutygraph.graph.quality import data_quality, similar_unit_names
from dutygraph.graph.settings import AuditSettings
from dutygraph.model import Assignment, Plan, Source, Task
from dutygraph.loaders.units import Registry


def a(unit, role, source="explicit", clause="", line=0, **kw):
    return Assignment(unit=unit, mention=kw.pop("mention", unit), role=role, source=source,
                      clause=clause, line=line, **kw)


def plan(path, jurisdiction, *tasks, sha="0" * 64, **kw):
    return Plan(source=Source(path=path, format="txt", sha256=sha), jurisdiction=jurisdiction,
                tasks=tuple(Task(id=tid, section=None, label=tid, number=tid, title=tid,
                                 text=tid, line=line, assignments=tuple(assignments))
                            for tid, line, assignments in tasks), **kw)


def test_bipartite_attribute_and_node_ids():
    g = build_graph([plan("x/a.txt", "甲市", ("t1", 5, [a("市应急管理局", "lead")]))])
    assert dict(g.nodes(data="bipartite")) == {"a:t1": TASK, "甲市/市应急管理局": UNIT}
    assert g.nodes["a:t1"]["line"] == 5 and g.nodes["甲市/市应急管理局"]["name"] == "市应急管理局"


def test_plan_keys_unique_across_plans():
    plans = [plan("x/a.txt", ""), plan("y/a.txt", "", sha="1" * 64), plan("z/b.txt", ""),
             plan("w/b.txt", "")]
    assert plan_keys(plans) == ("a@00000000", "a@11111111", "b@00000000#1", "b@00000000#2")


def test_same_unit_in_two_plans_of_one_jurisdiction_is_one_node():
    registry = Registry.default()
    plans = [plan("p2021.txt", "甲市", ("1", 1, [a("市应急局", "lead")])),
             plan("p2022.txt", "甲市", ("1", 1, [a("市应急管理局", "lead")])),
             plan("other.txt", "乙市", ("1", 1, [a("市应急管理局", "lead")]))]
    g = build_graph(plans, registry=registry)
    assert sorted(g["甲市/市应急管理局"]) == ["p2021:1", "p2022:1"]
    assert list(g["乙市/市应急管理局"]) == ["other:1"]
    assert nx.utils.graphs_equal(build_graph(plans), g)  # the default registry
    assert "甲市/市应急局" in build_graph(plans, registry=Registry())  # an empty one


def test_plan_alias_groups_join_names():
    p = plan("p.txt", "甲市", ("1", 1, [a("市甲办", "lead")]), ("2", 2, [a("市甲办公室", "lead")]),
             aliases=(("市甲办公室", "市甲办"),))
    g = build_graph([p])
    assert sorted(g["甲市/市甲办公室"]) == ["p:1", "p:2"] and "甲市/市甲办" not in g


def test_two_roles_on_one_task_are_one_edge_keeping_both():
    p = plan("p.txt", "", ("1", 7, [a("市甲局", "support", clause="配合", line=8),
                                    a("市甲局", "lead", clause="市甲局牵头", line=7)]))
    edge = build_graph([p]).edges["p:1", "市甲局"]
    assert edge["roles"] == ("lead", "support")
    assert edge["clauses"] == ("配合", "市甲局牵头") and edge["line"] == 7


def test_inline_edges_kept_but_not_counted_unless_asked():
    p = plan("p.txt", "", ("1", 1, [a("市甲局", "lead", "inline"), a("市乙局", "lead")]))
    edge = build_graph([p]).edges["p:1", "市甲局"]
    assert (edge["roles"], edge["counted_roles"], edge["counted"]) == (("lead",), (), False)
    assert build_graph([p], include_inline=True).edges["p:1", "市甲局"]["counted"]


def test_standing_clauses_extend_every_task():
    standing = (a("各县市区", "implement", clause="以下各项均需各县市区负责", line=2, collective=True),)
    p = plan("p.txt", "", ("1", 3, []), ("2", 4, [a("市甲局", "lead", line=4)]), standing=standing)
    g = build_graph([p])
    assert sorted(g["各县市区"]) == ["p:1", "p:2"]
    assert g.edges["p:1", "各县市区"]["standing"] and g.edges["p:1", "各县市区"]["line"] == 2
    assert "各县市区" not in build_graph([p], include_standing=False)


def test_build_does_not_mutate_plans():
    p = plan("p.txt", "", ("1", 1, [a("市甲局", "lead")]))
    before = repr(p)
    build_graph([p], registry=Registry.default())
    assert repr(p) == before


@pytest.mark.parametrize("suffix", ["graphml", "gexf"])
def test_export_round_trips_through_networkx(tmp_path, suffix):
    p = plan("p.txt", "甲市", ("1", 1, [a("市甲局", "lead", clause="市甲局牵头"),
                                      a("市甲局", "support")]))
    out = tmp_path / f"g.{suffix}"
    export = graph_for_export(build_graph([p]))
    (nx.write_graphml if suffix == "graphml" else nx.write_gexf)(export, out)
    back = (nx.read_graphml if suffix == "graphml" else nx.read_gexf)(out)
    assert back.edges["p:1", "甲市/市甲局"]["roles"] == "lead|support"
    assert int(back.nodes["甲市/市甲局"]["bipartite"]) == UNIT


def test_similar_unit_names_flagged_as_a_pair_never_merged():
    # 市警支队 (4 chars) vs 市交警支队 (5): ratio 2*4/9 = 88.9; 市财政局 vs 市民政局: 2*3/8 = 75;
    # the registry names 市交警支队 市公安局交通警察支队, and the typo stays apart
    p = plan("p.txt", "甲市",
             ("1", 1, [a("市交警支队", "lead")]), ("2", 2, [a("市交警支队", "lead")]),
             ("3", 3, [a("市警支队", "lead", clause="市警支队负责", line=3)]),
             ("4", 4, [a("市财政局", "lead"), a("市民政局", "support")]))
    g = build_graph([p])
    [found] = similar_unit_names(g)
    assert (found.units, found.line, found.score, found.text) == (
        ("市警支队", "市公安局交通警察支队"), 3, 88.9, "市警支队负责")
    assert "甲市/市警支队" in g and "甲市/市公安局交通警察支队" in g
    assert similar_unit_names(g, AuditSettings(similar_units=89)) == ()


def test_similar_names_compare_mentions_too():
    # the canonical name hides the mention as written: 市交警支队 -> 市公安局交通警察支队
    p = plan("p.txt", "", ("1", 1, [a("市公安局交通警察支队", "lead", mention="市交警支队")]),
             ("2", 2, [a("市警支队", "lead")]), ("3", 3, [a("市公安局交通警察支队", "lead")]))
    assert [f.units for f in data_quality(build_graph([p]), [p])] == [("市警支队", "市公安局交通警察支队")]


def test_not_exhaustive_list_is_a_finding():
    p = plan("p.txt", "", ("1", 6, [a("市甲局", "lead", clause="市甲局、市乙局等负责", line=6,
                                      exhaustive=False),
                                    a("市乙局", "lead", clause="市甲局、市乙局等负责", line=6,
                                      exhaustive=False)]))
    [found] = data_quality(build_graph([p]), [p])
    assert (found.kind, found.line, found.units, found.text) == (
        "not_exhaustive", 6, ("市乙局", "市甲局"), "市甲局、市乙局等负责")
