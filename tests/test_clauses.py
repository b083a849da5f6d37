"""The clause grammar on clauses as Chinese plans write them, one convention a case."""
import pytest

from dutygraph.loaders.stages.clauses import find_clauses, read_clause
from dutygraph.loaders.stages.normalise import normalise_line
from dutygraph.loaders.stages.unitlist import split_units

CASES = [
    ("市应急管理局牵头，市直有关部门按职责分工负责",
     {"市应急管理局": "lead", "市直有关部门": "support"}),
    ("牵头单位：市应急管理局；责任单位：各县（市、区）人民政府，市直有关部门",
     {"市应急管理局": "lead", "各县(市、区)人民政府": "implement", "市直有关部门": "implement"}),
    ("市公安局、市交通运输局按职责分别牵头", {"市公安局": "lead", "市交通运输局": "lead"}),
    ("市住建局负责，各县市区政府配合", {"市住建局": "lead", "各县市区政府": "support"}),
    ("市应急管理局会同各有关部门分工负责", {"市应急管理局": "lead", "各有关部门": "support"}),
    ("市安委辦督促,各相關部門負責落實", {"市安委办": "supervise", "各相关部门": "implement"}),
    ("责任单位：市卫健委（牵头），市医保局、市市场监管局",
     {"市卫健委": "lead", "市医保局": "support", "市市场监管局": "support"}),
    ("由市教育局牵头，市公安局、市消防救援支队参与",
     {"市教育局": "lead", "市公安局": "support", "市消防救援支队": "support"}),
    ("市应急局牵头，各成员单位配合，各县市区落实",
     {"市应急局": "lead", "各成员单位": "support", "各县市区": "implement"}),
    ("主要责任单位：市应急局；协同责任单位：市公安局", {"市应急局": "lead", "市公安局": "support"}),
    ("市科技局牵头、市财政局配合", {"市科技局": "lead", "市财政局": "support"}),
    ("各县（市、区）党委和政府负责", {"各县(市、区)党委和政府": "lead"}),
    ("市应急管理局负责指导", {"市应急管理局": "supervise"}),
    ("市应急管理局牵头,市自然资源和规划局、市生态环境局分工牵头负责",
     {"市应急管理局": "lead", "市自然资源和规划局": "lead", "市生态环境局": "lead"}),
    ("市安委辦,各專業安委會辦公室和各相關部門分工負責",
     {"市安委办": "lead", "各专业安委会办公室": "lead", "各相关部门": "lead"}),
    ("市安委辦牽頭,各專委辦及其成員單位分工負責",
     {"市安委办": "lead", "各专委办": "support", "各专委会成员单位": "support"}),
    ("市公安局、交通運輸局、市市場監管局分工負責",
     {"市公安局": "lead", "市交通运输局": "lead", "市市场监管局": "lead"}),
    ("责任单位:市、县级应急救援总指挥部,六盘水高新区;完成时限:2020年12月",
     {"市应急救援总指挥部": "lead", "县级应急救援总指挥部": "lead", "六盘水高新区": "lead"}),
    ("牵头科室：安全生产科；配合科室：法规科、办公室",
     {"安全生产科": "lead", "法规科": "support", "办公室": "support"}),
    ("由市应急局牵头，会同市公安局、市交通运输局等部门",
     {"市应急局": "lead", "市公安局": "support", "市交通运输局": "support"}),
    ("市政府负总责，各部门抓落实", {"市政府": "lead", "各部门": "implement"}),
    ("市应急局牵头，各县区具体实施", {"市应急局": "lead", "各县区": "implement"}),
    ("各县区政府具体实施", {"各县区政府": "lead"}),
    ("市应急局（牵头）、市公安局、市交通运输局",
     {"市应急局": "lead", "市公安局": "support", "市交通运输局": "support"}),
    ("市县级党校、行政学院负责",
     {"市党校": "lead", "县级党校": "lead", "市行政学院": "lead", "县级行政学院": "lead"}),
]


def normalised(text: str) -> str:
    """The text as the stages read it (simplified script, one width of punctuation)."""
    return normalise_line(1, text).text


@pytest.mark.parametrize("clause, expected", CASES, ids=[c for c, _ in CASES])
def test_roles_of_a_clause(clause, expected):
    reading = read_clause(normalised(clause))  # the clause grammar reads normalised text
    assert {r.mention.name: r.role for r in reading.roles} == expected
    assert reading.clean


def test_deadline_people_and_standing_clause():
    reading = read_clause(normalised("牵头领导：张三；牵头单位：市应急局；完成时限：2023年底"))
    assert (reading.deadline, reading.leaders) == ("2023年底", ("张三",))
    blanket = read_clause(normalised("市安委会各成员单位分工负责，各县市区组织落实;以下各项均需各县市区负责,"
                                     "不再一一列出"))
    assert [(r.mention.name, r.role) for r in blanket.standing] == [("各县市区", "lead")]


def test_unit_lists():
    assert [u.name for u in split_units("县委宣传部、组织部、公安局")] == ["县委宣传部", "县委组织部", "县公安局"]
    listed = split_units("市应急管理局、市公安局等有关部门")
    assert [(u.name, u.exhaustive) for u in listed] == [("市应急管理局", False), ("市公安局", False)]
    assert [u.name for u in split_units("市住房和城乡建设局和市交通运输局")] == [
        "市住房和城乡建设局", "市交通运输局"]
    assert [u.name for u in split_units("各县〈市、区、特区〉应急救援总指挥部")] == [
        "各县(市、区、特区)应急救援总指挥部"]
    # stems share the last member's 部门, however long the last one is
    assert [u.name for u in split_units("司法、劳动和社会保障、安全生产监督管理部门")] == [
        "司法部门", "劳动和社会保障部门", "安全生产监督管理部门"]
    assert [u.name for u in split_units("市应急局、有关部门")] == ["市应急局", "有关部门"]


def test_where_clauses_stand():
    text = "加强管理。（市应急局牵头）推进建设（市公安局负责。由市交通局负责。责任单位：市水利局"
    kinds = [(s.kind, s.inner) for s in find_clauses(normalised(text))]
    assert ("paren", "市应急局牵头") in kinds
    assert ("sentence", "由市交通局负责") in kinds
    assert any(k == "label" and inner.startswith("责任单位") for k, inner in kinds)
