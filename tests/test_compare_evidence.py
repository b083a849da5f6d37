"""compare links tasks on evidence, one test per kind: a task renumbered and moved to
another section, two merged into one, one split into three, a text rewritten whose units
and title stayed, a text kept whose lead changed; and two unrelated plans get no links."""
from __future__ import annotations

import dataclasses
import json

from click.testing import CliRunner

from dutygraph.graph.compare import compare_plans, compare_two
from dutygraph.main import cli
from dutygraph.model import Section
from report_plans import SAMPLE_PLANS
from tests.compare_helpers import plan, task

FIRE = "深化消防安全整治。持续开展消防通道整治，对高层建筑、大型综合体开展消防设施检测。"
ROAD = "强化道路交通安全整治。集中整治超速超载、酒驾醉驾等违法行为，强化客运车辆动态监控。"
MINE = "深入开展非煤矿山安全整治。严格尾矿库安全监管，关闭不达标的小型露天采石场。"
GAS = "推进城镇燃气安全排查。更新老旧燃气管道和阀门，推广安装燃气泄漏报警装置。"
FLOOD = "做好防汛抗旱工作。汛前检查水库堤防，落实山洪地质灾害监测预警和人员转移预案。"
SCHOOL = "加强校园安全管理。完善校园安保设施，开展学生防溺水和交通安全教育。"
HAZMAT = "严格危险化学品安全管理。开展危险化学品企业重大危险源专项检查，推进化工园区整治提升。"
TRAIN = "加强安全生产宣传培训。组织安全生产月活动，开展企业主要负责人安全培训考核。"
SCHOOL_REWRITTEN = ("加强校园安全管理。全面推进平安校园建设，落实学校周边治安巡逻，"
                    "每学期组织一次应急疏散演练。")
BACKGROUND = (("b1", HAZMAT, [("市应急管理局", "lead")]),
              ("b2", TRAIN, [("市委宣传部", "lead"), ("市应急管理局", "support")]))


def background(prefix: str):
    return [task(prefix + tid, text, units) for tid, text, units in BACKGROUND]


def pairs_of(step):
    return sorted((p.old.id, p.new.id, p.kind) for p in step.pairs)


def test_renumbered_and_moved_to_another_section():
    heads = (Section("S1", "一、", "专项整治", None, 1), Section("S2", "二、", "风险防控", None, 5))
    old = dataclasses.replace(plan(2021, dataclasses.replace(task("t1", "1." + FIRE), section="S1"),
                                   dataclasses.replace(task("t2", "2." + ROAD), section="S1"),
                                   *background("o")), sections=heads)
    new = dataclasses.replace(plan(2022, dataclasses.replace(task("n1", "1." + ROAD), section="S1"),
                                   dataclasses.replace(task("n7", "7." + FIRE), section="S2"),
                                   *background("n")), sections=heads)
    step = compare_two(old, new)
    assert ("t1", "n7", "same") in pairs_of(step)
    assert ("t2", "n1", "same") in pairs_of(step)
    assert step.added == () and step.removed == ()


def test_two_tasks_merged_into_one():
    old = plan(2021, task("t1", FIRE), task("t2", GAS), task("t3", ROAD), *background("o"))
    new = plan(2022, task("n1", FIRE + GAS[:-1] + "，年底前完成。"), task("n2", ROAD),
               *background("n"))
    step = compare_two(old, new)
    assert [p for p in pairs_of(step) if p[1] == "n1"] == [("t1", "n1", "merged"),
                                                        ("t2", "n1", "merged")]
    merged = [p for p in step.pairs if p.new.id == "n1"]
    assert all("sentence" in p.evidence for p in merged)  # whole sentences carried over


def test_one_task_split_into_three():
    old = plan(2021, task("t1", MINE + FLOOD + SCHOOL), task("t2", ROAD), *background("o"))
    new = plan(2022, task("n1", MINE), task("n2", FLOOD), task("n3", SCHOOL), task("n4", ROAD),
               *background("n"))
    step = compare_two(old, new)
    assert [p for p in pairs_of(step) if p[0] == "t1"] == [
        ("t1", "n1", "split"), ("t1", "n2", "split"), ("t1", "n3", "split")]
    assert ("t2", "n4", "same") in pairs_of(step)


def test_text_rewritten_but_title_and_units_stayed():
    units = [("市教育局", "lead"), ("市公安局", "support")]
    old = plan(2021, task("t1", SCHOOL, units), task("t2", ROAD, [("市公安局", "lead")]),
               *background("o"))
    new = plan(2022, task("n1", SCHOOL_REWRITTEN, units), task("n2", ROAD, [("市公安局", "lead")]),
               *background("n"))
    (link,) = [p for p in compare_two(old, new).pairs if p.old.id == "t1"]
    assert (link.new.id, link.kind) == ("n1", "reworded")
    assert {"title", "units"} <= set(link.evidence)
    assert link.similarity < 0.4  # the text alone would not link it
    # the same rewritten text under another title and other units is not linked
    other = plan(2022, task("n1", "开展平安创建活动。" + SCHOOL_REWRITTEN.split("。", 1)[1],
                            [("市住房和城乡建设局", "lead")]),
                 task("n2", ROAD, [("市公安局", "lead")]), *background("n"))
    step = compare_two(old, other)
    assert not [p for p in step.pairs if p.old.id == "t1"]
    assert [t.id for t in step.removed] == ["t1"]


def test_text_kept_and_lead_changed():
    old = plan(2021, task("t1", ROAD, [("市交通运输局", "lead"), ("市公安局", "support")]),
               task("t2", FIRE, [("市消防救援支队", "lead")]), *background("o"))
    new = plan(2022, task("n1", ROAD, [("市公安局", "lead"), ("市交通运输局", "support")]),
               task("n2", FIRE, [("市消防救援支队", "lead")]), *background("n"))
    result = compare_plans([old, new])
    (link,) = [p for p in result.steps[0].pairs if p.old.id == "t1"]
    assert (link.new.id, link.kind, link.lead_changed) == ("n1", "same", True)
    assert (link.leads_old, link.leads_new) == (("市交通运输局",), ("市公安局",))
    moves = {m.unit: m for m in result.changes[0].moves}  # grouped per unit
    assert [t.id for t in moves["市公安局"].gained] == ["n1"] and not moves["市公安局"].lost
    assert [t.id for t in moves["市交通运输局"].lost] == ["t1"]
    assert "市消防救援支队" not in moves


HONGJIANG = SAMPLE_PLANS / "hongjiang-2021-2025-emergency-plan.txt"
HUAIHUA_2022 = SAMPLE_PLANS / "huaihua-2022-safety-key-points.txt"


def test_unrelated_plans_get_a_warning_and_no_links():
    result = CliRunner().invoke(cli, ["compare", str(HONGJIANG), str(HUAIHUA_2022),
                                      "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["pairs"]) <= 3 and data["pairs"] == []
    assert data["series"][0]["verdict"] == "unrelated"
    warning = [line for line in result.stderr.splitlines() if "看来无关" in line]
    assert warning == [f"警告：{HONGJIANG} 与 {HUAIHUA_2022} 看来无关（地区 洪江市 ≠ 怀化市）："
                       "未匹配任务；加 --force 仍可匹配"]
    english = CliRunner().invoke(cli, ["compare", str(HONGJIANG), str(HUAIHUA_2022), "--lang",
                                       "en", "--format", "json"]).stderr.splitlines()
    assert [line for line in english if "look unrelated" in line] == [
        f"warning: {HONGJIANG} and {HUAIHUA_2022} look unrelated (jurisdiction 洪江市 ≠ 怀化市): "
        "no tasks linked; --force links them anyway"]
    text = CliRunner().invoke(cli, ["compare", str(HONGJIANG), str(HUAIHUA_2022)]).stdout
    assert "两份计划看来不是同一系列（地区 洪江市 ≠ 怀化市），没有对应任务；确需对应请加 --force" in text
    forced = CliRunner().invoke(cli, ["compare", str(HONGJIANG), str(HUAIHUA_2022), "--force",
                                      "--format", "json"])
    assert json.loads(forced.stdout)["series"][0]["forced"] is True
    assert json.loads(forced.stdout)["pairs"]  # asked for: linked on the same evidence


def test_two_small_plans_of_different_places_and_kinds():
    safety = dataclasses.replace(plan(2021, task("t1", FIRE), task("t2", ROAD)),
                                 jurisdiction="甲市", title="甲市2021年安全生产工作要点")
    flood = dataclasses.replace(plan(2022, task("n1", FIRE), task("n2", FLOOD)),
                                jurisdiction="乙县", title="乙县2022年防汛抗旱应急预案")
    step = compare_two(safety, flood)
    assert step.series.verdict == "unrelated" and step.pairs == ()
    assert {f.field for f in step.series.differences()} == {"jurisdiction", "kind", "subject"}
    assert compare_two(safety, flood, force=True).pairs  # FIRE is word for word the same
    same_office = dataclasses.replace(flood, jurisdiction="甲市", title="甲市2022年安全生产工作要点")
    assert compare_two(safety, same_office).series.verdict == "same"
