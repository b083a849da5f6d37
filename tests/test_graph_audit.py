"""The audit analyses on a plan written for the test; every figure is worked out by hand.

The plan (某市, units 甲…庚; lines as given):

    t1  L3  甲 lead; 乙, 丙 support
    t2  L4  甲, 乙 lead                      (no division stated)
    t3  L5  甲, 乙 lead, clause says 分工     (division stated)
    t4  L6  甲, 乙 lead; 丁 supervise
    t5  L7  甲 lead and support; 戊 support
    t6  L8  各有关部门 lead (collective)       -> diffuse
    t7  L9  nobody                            -> none
    t8  L10 己 lead, inline only              -> implicit
    t9  L11 甲 lead; 丙 implement (list ends in 等)
    t10 L12 丁 lead; text near-identical to t2 (ratio 2*17/(17+19) = 94.4)
    t11 L13 庚 lead, alone                    -> isolated in the projection

Weighted loads (lead 1, support .5, implement .5, supervise .25; heaviest role per task):
甲 6 (t1-t5, t9), 乙 3.5 (support t1 + lead t2-t4), 丁 1.25, 丙 1.0, 庚 1.0, 戊 0.5.
Sorted [0.5, 1, 1, 1.25, 3.5, 6]: Q1 (position 1.25) = 1.0, Q3 (position 3.75) =
1.25 + .75*2.25 = 2.9375, IQR 1.9375, fence 2.9375 + 1.5*1.9375 = 5.84375: 甲 is above.
Leads of concrete units: 甲 6 + 乙 3 + 丁 1 + 庚 1 = 11, limit .2*11 = 2.2: 甲 and 乙 above.
"""
from __future__ import annotations

import dataclasses
from itertools import product

import pytest

from dutygraph.graph.audit import audit_to_dict, finding_counts, run_audit
from dutygraph.graph.build import build_graph
from dutygraph.graph.collaboration import collaboration, unit_projection
from dutygraph.graph.loads import gini, load_distribution, overloaded_units, peer_groups, unit_loads
from dutygraph.graph.orphans import orphan_tasks
from dutygraph.graph.overlaps import colead_pairs, joint_leads, lead_and_support, similar_tasks
from dutygraph.graph.settings import AuditSettings, with_overload, with_weights
from dutygraph.model import Assignment, Finding, Plan, Region, Source, Task

CITY = "某市"


def a(unit, role, clause="", line=0, **kw):
    return Assignment(unit=unit, mention=unit, role=role, clause=clause, line=line, **kw)


def task(tid, line, text, *assignments):
    return Task(id=tid, section=None, label=f"一/{tid[1:]}", number=tid[1:], title=text[:12],
                text=text, line=line, assignments=assignments)


def sample_plan(path="plans/test-plan.txt") -> Plan:
    jia, yi, bing, ding, wu = "市甲局", "市乙局", "市丙局", "市丁局", "市戊局"
    c1, c2 = "市甲局牵头，市乙局、市丙局配合", "市甲局、市乙局牵头"
    c3, c4 = "市甲局、市乙局分工牵头", "市甲局、市乙局负责，市丁局督促"
    c5, c9 = "市甲局牵头，市甲局、市戊局配合", "市甲局牵头，市丙局等落实"
    tasks = (
        task("t1", 3, "健全安全生产责任体系", a(jia, "lead", c1, 3), a(yi, "support", c1, 3),
             a(bing, "support", c1, 3)),
        task("t2", 4, "加强道路交通安全整治，开展隐患排查", a(jia, "lead", c2, 4), a(yi, "lead", c2, 4)),
        task("t3", 5, "推进危险化学品专项治理", a(jia, "lead", c3, 5), a(yi, "lead", c3, 5)),
        task("t4", 6, "强化建筑施工领域监管", a(jia, "lead", c4, 6), a(yi, "lead", c4, 6),
             a(ding, "supervise", c4, 6)),
        task("t5", 7, "提升应急救援能力", a(jia, "lead", c5, 7), a(jia, "support", c5, 7),
             a(wu, "support", c5, 7)),
        task("t6", 8, "落实企业主体责任", a("各有关部门", "lead", "各有关部门负责", 8, collective=True)),
        task("t7", 9, "营造安全文化氛围"),
        task("t8", 10, "市己局组织开展消防检查", a("市己局", "lead", "市己局组织开展", 10,
                                                  source="inline")),
        task("t9", 11, "开展燃气安全排查", a(jia, "lead", c9, 11),
             a(bing, "implement", c9, 11, exhaustive=False)),
        task("t10", 12, "加强道路交通安全整治，开展隐患排查行动", a(ding, "lead", "市丁局负责", 12)),
        task("t11", 13, "完善气象灾害预警", a("市庚局", "lead", "市庚局负责", 13)),
    )
    return Plan(source=Source(path=path, format="txt", sha256="ab" * 32), title="测试方案",
                jurisdiction=CITY, year=2022, tasks=tasks,
                warnings=(Finding("garbled", 20, "undecodable bytes", "锟斤拷"),),
                coverage=(Region(21, 22, "other", 40), Region(1, 2, "preamble", 80)))


def node(name):
    return f"{CITY}/{name}"


@pytest.fixture(scope="module")
def graph():
    return build_graph([sample_plan()])


@pytest.fixture(scope="module")
def loads(graph):
    return {x.unit.name: x for x in unit_loads(graph)}


def test_loads_by_role_weight_share_and_rank(loads):
    jia, yi = loads["市甲局"], loads["市乙局"]
    assert (jia.tasks, jia.lead, jia.support, jia.weighted, jia.rank) == (6, 6, 1, 6.0, 1)
    assert (yi.tasks, yi.lead, yi.support, yi.weighted, yi.rank) == (4, 3, 1, 3.5, 2)
    assert (loads["市丁局"].weighted, loads["市丁局"].supervise, loads["市丁局"].rank) == (1.25, 1, 3)
    assert (loads["市丙局"].weighted, loads["市丙局"].implement) == (1.0, 1)
    assert loads["市丙局"].rank == loads["市庚局"].rank == 4  # tie shares the better rank
    assert loads["市戊局"].rank == 6
    assert jia.share == pytest.approx(6 / 13.25)
    assert "市己局" not in loads  # inline only: not counted


def test_collective_units_are_ranked_apart(loads):
    collective = loads["各有关部门"]
    assert (collective.collective, collective.rank, collective.share) == (True, 1, 1.0)
    concrete_shares = sum(x.share for x in loads.values() if not x.collective)
    assert concrete_shares == pytest.approx(1.0)


def test_weights_change_the_loads(graph):
    settings = with_weights(AuditSettings(), {"supervise": 1, "lead": 2})
    loads = {x.unit.name: x for x in unit_loads(graph, settings)}
    assert loads["市丁局"].weighted == 3.0  # lead 2 + supervise 1
    assert loads["市甲局"].weighted == 12.0  # lead (2) outweighs support on t5


def test_distribution_fence_gini_top3(graph):
    loads = unit_loads(graph)
    d = load_distribution(graph, loads)
    assert (d.units, d.total_load, d.q1, d.q3) == (6, 13.25, 1.0, 2.9375)
    assert d.fence == pytest.approx(5.84375)
    values = [0.5, 1, 1, 1.25, 3.5, 6]
    mean_difference = sum(abs(x - y) for x, y in product(values, values)) / 36
    assert d.gini == pytest.approx(mean_difference / (2 * 13.25 / 6))
    assert d.top3_share == pytest.approx((6 + 3.5 + 1.25) / 13.25)
    assert (d.total_leads, d.lead_limit) == (11, pytest.approx(2.2))
    assert (d.tasks, d.collective_only_tasks, d.collective_only_share) == (11, 1, 1 / 11)


def test_gini_edges():
    assert gini([]) == gini([5]) == gini([0, 0]) == gini([2, 2, 2]) == 0.0
    assert gini([0, 0, 0, 4]) == pytest.approx(0.75)  # (n-1)/n when one carries all


def test_overloaded_units_with_reasons_and_tasks(graph):
    loads = unit_loads(graph)
    found = overloaded_units(graph, loads, peer_groups(graph, loads))
    assert [(o.unit.name, o.reasons) for o in found] == [
        ("市甲局", ("fence", "lead_share")), ("市乙局", ("lead_share",))]
    assert [t.task.task for t in found[0].tasks] == ["t1", "t2", "t3", "t4", "t5", "t9"]
    assert found[0].tasks[4].roles == ("lead", "support")
    assert found[1].lead_share == pytest.approx(3 / 11)


def test_overload_thresholds_are_configurable(graph):
    loads = unit_loads(graph)
    settings = with_overload(AuditSettings(), {"lead_share": 0.5, "fence": 3})
    # fence 2.9375 + 3*1.9375 = 8.75: nobody; lead limit 5.5: only 甲 (6 leads)
    found = overloaded_units(graph, loads, peer_groups(graph, loads, settings), settings)
    assert [(o.unit.name, o.reasons) for o in found] == [("市甲局", ("lead_share",))]
    settings = with_overload(AuditSettings(), {"min_tasks": 5})
    found = overloaded_units(graph, loads, peer_groups(graph, loads, settings), settings)
    assert [o.unit.name for o in found] == ["市甲局"]  # 乙 is on 4 tasks only


def test_orphans_by_kind_with_text_and_line(graph):
    found = [(o.task.task, o.kind, o.task.line, o.units) for o in orphan_tasks(graph)]
    assert found == [("t6", "diffuse", 8, ("各有关部门",)), ("t7", "none", 9, ()),
                     ("t8", "implicit", 10, ("市己局",))]
    assert orphan_tasks(graph)[2].text == "市己局组织开展消防检查"


def test_inline_counts_only_when_asked():
    graph = build_graph([sample_plan()], include_inline=True)
    loads = {x.unit.name: x for x in unit_loads(graph)}
    assert loads["市己局"].weighted == 1.0
    assert [o.kind for o in orphan_tasks(graph)] == ["diffuse", "none", "implicit"]


def test_lead_and_support_of_one_task(graph):
    found = lead_and_support(graph)
    assert [(x.task.task, x.unit.name, x.line) for x in found] == [("t5", "市甲局", 7)]
    assert found[0].clauses == ("市甲局牵头，市甲局、市戊局配合",)


def test_joint_leads_graded_by_stated_division(graph):
    found = [(x.task.task, x.division, tuple(u.name for u in x.leads)) for x in joint_leads(graph)]
    assert found == [("t2", "unstated", ("市乙局", "市甲局")), ("t3", "stated", ("市乙局", "市甲局")),
                     ("t4", "unstated", ("市乙局", "市甲局"))]


def test_colead_pairs_counted_and_thresholded(graph):
    [pair] = colead_pairs(graph)
    assert ({pair.first.name, pair.second.name}, pair.count) == ({"市甲局", "市乙局"}, 3)
    assert [t.task for t in pair.tasks] == ["t2", "t3", "t4"]
    assert colead_pairs(graph, dataclasses.replace(AuditSettings(), colead_min=4)) == ()


def test_similar_tasks_with_different_leads(graph):
    [found] = similar_tasks(graph)
    assert (found.first.task, found.second.task) == ("t2", "t10")
    assert found.score == pytest.approx(94.4)
    assert (found.first_leads, found.second_leads) == (("市乙局", "市甲局"), ("市丁局",))
    assert similar_tasks(graph, dataclasses.replace(AuditSettings(), similar_tasks=95)) == ()


def test_projection_weights_and_centrality(graph):
    projection = unit_projection(graph)
    assert projection[node("市甲局")][node("市乙局")]["weight"] == 4  # t1-t4
    assert projection[node("市甲局")][node("市丙局")]["weight"] == 2  # t1, t9
    assert node("各有关部门") not in projection
    result = collaboration(graph)
    hubs = {h.unit.name: h for h in result.hubs}
    # 戊 reaches 乙, 丙, 丁 only through 甲 (3); 丙-丁 has two shortest paths (甲, 乙: .5 each)
    assert hubs["市甲局"].betweenness == pytest.approx(3.5 * 2 / (4 * 3))
    assert hubs["市乙局"].betweenness == pytest.approx(0.5 * 2 / (4 * 3))
    assert (hubs["市甲局"].partners, hubs["市甲局"].shared_tasks, hubs["市甲局"].degree) == (4, 8, 1.0)
    assert result.hubs[0].unit.name == "市甲局"
    assert [u.name for u in result.isolated] == ["市庚局"]
    assert (node("市庚局"),) in result.communities
    assert (result.units, result.links, result.components) == (6, 6, 2)


def test_sampled_betweenness_is_seeded(graph):
    settings = dataclasses.replace(AuditSettings(), betweenness_exact_max=2, betweenness_samples=3)
    first, second = collaboration(graph, settings), collaboration(graph, settings)
    assert first.sampled and first == second


def test_run_audit_counts_and_json(graph):
    audit = run_audit([sample_plan()])
    s = audit.summary
    assert (s.tasks, s.units, s.collective_units, s.overloaded) == (11, 6, 1, 2)
    assert dict(s.orphans) == {"none": 1, "implicit": 1, "diffuse": 1}
    assert (s.lead_and_support, s.joint_leads_unstated, s.joint_leads_stated) == (1, 2, 1)
    assert finding_counts(audit) == {"overloaded": 2, "orphans": 3, "overlaps": 5, "quality": 3}
    kinds = [q.kind for q in audit.quality]
    assert kinds == ["not_exhaustive", "garbled", "unplaced"]
    data = audit_to_dict(audit)
    assert data["schema"] == "dutygraph.audit/1"
    assert data["settings"]["weights"] == {"lead": 1.0, "support": 0.5, "implement": 0.5,
                                           "supervise": 0.25}
    assert data["orphans"][0]["task"] == {"node": "test-plan:t6", "path": "plans/test-plan.txt",
                                          "task": "t6", "label": "一/6", "line": 8,
                                          "title": "落实企业主体责任"}
    assert audit_to_dict(run_audit([sample_plan()])) == data  # deterministic
