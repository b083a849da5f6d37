"""Extraction rules on small plans written for the test, one convention each.

Each plan under tests/data/plans/ is written the way Chinese official plans write work
items; the expectations follow ../shared/gold/SPEC.md (roles, tiers, collective units).
"""
from pathlib import Path

import pytest

from dutygraph.loaders import load_plan

PLANS = Path(__file__).parent / "data" / "plans"


def roles(plan, label, source=None):
    """{unit: role} of the task with this label (explicit, inherited and range by default)."""
    task = next(t for t in plan.tasks if t.label == label)
    return {(a.unit, a.role) for a in task.assignments
            if (a.source != "inline" if source is None else a.source == source)}


@pytest.fixture(scope="module")
def labelled():
    return load_plan(PLANS / "labelled-lines.txt")


def test_labelled_lines_under_an_item(labelled):
    assert roles(labelled, "一/(一)/1") == {
        ("县公安局", "lead"), ("县交通运输局", "support"), ("县住房和城乡建设局", "support")}
    task = next(t for t in labelled.tasks if t.label == "一/(一)/1")
    assert task.deadline == "2023年12月底前"


def test_heading_clause_is_inherited(labelled):
    task = next(t for t in labelled.tasks if t.label == "一/(一)/1")
    sources = {a.unit: a.source for a in task.assignments}
    assert sources["县公安局"] == "inherited"
    assert sources["县交通运输局"] == "explicit"


def test_label_line_under_a_heading_is_inherited_not_a_task(labelled):
    labels = [t.label for t in labelled.tasks]
    assert "一/(二)" not in labels
    assert roles(labelled, "一/(二)/1") == {("县消防救援大队", "lead")}


def test_closing_sentence_assigns(labelled):
    assert roles(labelled, "一/(二)/2") == {
        ("县消防救援大队", "lead"), ("县市场监督管理局", "support"), ("县公安局", "support")}


def test_parenthetical_with_labels_and_deadline(labelled):
    task = next(t for t in labelled.tasks if t.label == "二/(一)")
    assert roles(labelled, "二/(一)") == {
        ("县住房和城乡建设局", "lead"), ("县应急管理局", "support"), ("县市场监督管理局", "support")}
    assert task.deadline == "2023年6月底前"


def test_lead_then_shared_duty_is_support_and_list_with_deng_not_exhaustive(labelled):
    task = next(t for t in labelled.tasks if t.label == "二/(二)")
    assert roles(labelled, "二/(二)") == {
        ("县应急管理局", "lead"), ("县公安局", "support"), ("县交通运输局", "support"),
        ("县生态环境局", "support")}
    assert [a.exhaustive for a in task.assignments if a.role == "support"] == [False] * 3


def test_sentence_that_only_assigns(labelled):
    assert roles(labelled, "二/(三)") == {("县住房和城乡建设局", "lead")}


def test_item_without_unit_is_still_a_task(labelled):
    assert roles(labelled, "二/(四)") == set()


def test_preamble_and_title_are_not_tasks(labelled):
    assert labelled.title == "青山县2023年安全生产重点工作任务分工方案"
    assert labelled.jurisdiction == "青山县"
    assert labelled.year == 2023
    assert all("为全面落实" not in t.text for t in labelled.tasks)
    assert any(r.kind == "preamble" for r in labelled.coverage)


def test_pipe_table_rows_are_tasks():
    plan = load_plan(PLANS / "pipe-table.md")
    assert [t.title for t in plan.tasks] == [
        "开展城镇燃气安全专项整治", "推进自然灾害综合风险普查成果应用", "加强森林防灭火队伍建设"]
    assert roles(plan, "1") == {
        ("市住房和城乡建设局", "lead"), ("市市场监督管理局", "support"), ("市公安局", "support")}
    third = plan.tasks[2]
    assert third.deadline == "长期坚持"
    assert {a.unit: a.collective for a in third.assignments}["各县(市、区)人民政府"] is True


def test_numbered_parens_circled_and_bracket_labels():
    plan = load_plan(PLANS / "numbered-parens.txt")
    assert roles(plan, "一/(一)/(1)") == {
        ("区应急管理局", "lead"), ("区水利局", "support"), ("区气象局", "support")}
    assert roles(plan, "一/(二)/①") == {("区水利局", "lead"), ("各街道", "implement")}
    assert roles(plan, "一/(二)/②") == {("区自然资源局", "lead"), ("区应急管理局", "supervise")}
    assert roles(plan, "三/1") == {("区应急管理局", "lead"), ("各街道", "support")}
    assert roles(plan, "三/2") == {
        ("区应急管理局", "lead"), ("区财政局", "support"), ("区水利局", "support")}
    assert roles(plan, "三/3") == {("区应急管理局", "lead"), ("各街道办事处", "implement")}


def test_traditional_script_units_are_simplified_mentions_kept():
    plan = load_plan(PLANS / "traditional.txt")
    assert plan.source.script == "traditional"
    assert roles(plan, "一/1") == {
        ("市消防救援支队", "lead"), ("市委组织部", "support"),
        ("市人力资源和社会保障局", "support")}
    assert roles(plan, "一/2") == {
        ("市安全生产委员会办公室", "supervise"), ("市教育局", "implement"),
        ("市民政局", "implement"), ("市卫生健康委员会", "implement")}
    mention = next(a.mention for a in plan.tasks[0].assignments if a.unit == "市消防救援支队")
    assert mention == "市消防救援支隊"
    assert "落實消防安全責任制" in plan.tasks[0].text


def test_units_closing_a_sentence_marked_leads_tail_by_clause_and_people():
    plan = load_plan(PLANS / "numbered-parens.txt")
    assert roles(plan, "三/4") == {("区应急管理局", "lead"), ("区水利局", "lead")}
    assert roles(plan, "三/5") == {
        ("区水利局", "lead"), ("区应急管理局", "support"), ("各街道", "support")}
    assert roles(plan, "三/6") == {("区气象局", "lead"), ("区应急管理局", "support")}
    last = next(t for t in plan.tasks if t.label == "三/7")
    assert last.leaders == ("张三", "李四")
    assert last.assignments == ()


def test_a_unit_written_two_ways_in_two_years_is_one_graph_node(tmp_path):
    """One plan writes 市住建局, the next 市住房和城乡建设局: one office, one node."""
    from dutygraph.graph.build import UNIT, build_graph

    first = tmp_path / "2021.txt"
    first.write_text("某市2021年工作要点\n一、任务\n1.整治燃气隐患。（市住建局牵头）\n", encoding="utf-8")
    second = tmp_path / "2022.txt"
    second.write_text("某市2022年工作要点\n一、任务\n1.整治燃气隐患。（市住房和城乡建设局牵头）\n"
                      "2.整治自建房。（市住建局负责）\n", encoding="utf-8")
    plans = [load_plan(first), load_plan(second)]
    assert plans[0].aliases == (("市住房和城乡建设局", "市住建局"),)
    graph = build_graph(plans)
    units = [n for n, side in graph.nodes(data="bipartite") if side == UNIT]
    assert units == ["市住房和城乡建设局"]  # 某市 names no place: no jurisdiction in the node
    assert graph.degree("市住房和城乡建设局") == 3


@pytest.mark.parametrize("name", ["cell-table.txt", "space-table.txt"])
def test_flattened_tables_one_cell_a_line_and_a_row_a_line(name):
    plan = load_plan(PLANS / name)
    assert len(plan.tasks) == 2
    first = plan.tasks[0]
    assert {a.role for a in first.assignments} == {"lead", "support"}
    assert first.deadline and first.deadline.endswith("底前")
    assert all(a.source == "explicit" for t in plan.tasks for a in t.assignments)
    assert any(r.kind == "table_header" for r in plan.coverage)


def test_space_table_rows_keep_their_own_units():
    plan = load_plan(PLANS / "space-table.txt")
    assert roles(plan, "1") == {("县林业局", "lead"), ("县公安局", "support"), ("各乡镇", "support")}
    assert plan.tasks[1].deadline == "长期坚持"


def test_dash_bullets_are_items_party_prefix_shared_and_lone_implementers_lead():
    plan = load_plan(PLANS / "bullets.txt")
    assert [t.label for t in plan.tasks] == ["一/•1", "一/•2"]
    assert roles(plan, "一/•1") == {
        ("县委宣传部", "lead"), ("县委组织部", "lead"), ("县市场监督管理局", "lead")}
    assert roles(plan, "一/•2") == {("各乡镇人民政府", "lead")}
    assert all("抽检" not in t.text for t in plan.tasks)  # a target section gives no task


def test_without_numbering_the_paragraphs_that_assign_are_tasks():
    plan = load_plan(PLANS / "no-numbering.txt")
    assert [t.title for t in plan.tasks] == ["加强汛期值班值守，严格执行24小时值班制度", "开展山洪灾害隐患排查"]
    assert roles(plan, "2") == {("县水利局", "lead")}
    assert any(r.kind == "preamble" and r.start_line == 5 for r in plan.coverage)


def test_lines_broken_inside_a_sentence_or_a_bracket_are_rejoined():
    plan = load_plan(PLANS / "hard-wrapped.txt")
    assert [t.label for t in plan.tasks] == ["一/1", "一/2"]
    assert roles(plan, "一/1") == {("区安全生产委员会办公室", "lead"), ("区委组织部", "support"),
                                   ("区应急管理局", "support")}
    assert roles(plan, "一/2") == {("区住房和城乡建设局", "lead"), ("区市场监督管理局", "support")}
    assert (plan.tasks[0].line, plan.tasks[0].end_line) == (4, 6)


def test_inline_units_are_kept_apart():
    plan = load_plan(PLANS / "inline.txt")
    assert roles(plan, "一/1", source="inline") == {
        ("县发展和改革委员会", "lead"), ("县住房和城乡建设局", "lead"), ("县国土局", "lead")}
    assert roles(plan, "一/1") == set()  # nothing explicit: an orphan with inline units
    assert roles(plan, "一/2", source="inline") == {("相关部门", "implement"), ("县应急管理局", "lead")}
    assert roles(plan, "一/3", source="inline") == {("水利局", "lead")}
    assert roles(plan, "一/3") == {("县农业农村局", "lead")}


def test_disclosure_table_and_signature_are_not_task_text():
    plan = load_plan(PLANS / "page-furniture.txt")
    assert (plan.title, plan.document_number, plan.publish_date) == (
        "平川县2023年防汛工作方案", "平政办发〔2023〕5号", "2023-03-01")
    assert [t.text for t in plan.tasks] == ["加强值班。（县应急管理局负责）"]
    kinds = {r.start_line: r.kind for r in plan.coverage}
    assert [kinds[n] for n in (1, 2, 4, 10, 11, 12)] == [
        "furniture", "furniture", "furniture", "signature", "signature", "furniture"]


def test_a_page_number_between_the_halves_of_a_clause_is_furniture():
    plan = load_plan(PLANS / "page-number.txt")
    assert roles(plan, "一/1") == {("县应急管理局", "lead"), ("县教育局", "support")}
    assert {r.start_line: r.kind for r in plan.coverage}[6] == "furniture"


def test_chapters_sections_and_a_box_of_projects():
    plan = load_plan(PLANS / "chapters-and-boxes.txt")
    assert [t.label for t in plan.tasks] == [
        "第四章/第一节/一", "第四章/第一节/二", "第四章/第一节/专栏1/1", "第四章/第一节/专栏1/2",
        "第四章/第二节/一"]
    assert roles(plan, "第四章/第一节/二") == {("市公安局", "lead"), ("市交通运输局", "lead")}
    assert roles(plan, "第四章/第一节/专栏1/1") == set()  # the box does not inherit the item above


def test_a_unit_name_one_character_short_of_another_is_a_typo_warning():
    from dutygraph.data import PLANS_DIR

    plan = load_plan(PLANS_DIR / "huaihua-2021-safety-key-points.txt")
    typos = [w for w in plan.warnings if w.kind == "typo"]
    assert [(w.text, w.message) for w in typos] == [
        ("市警支队", "unit name 市警支队 looks like a typo of 市交警支队")]
    assert "市警支队" in {u.name for u in plan.units}  # kept as written, never merged


def test_a_second_box_and_the_next_item_close_the_box_before():
    plan = load_plan(PLANS / "two-boxes.txt")
    assert [t.label for t in plan.tasks] == [
        "第一节/一", "第一节/专栏1/1", "第一节/专栏1/2", "第一节/专栏2/1", "第一节/二"]


def test_a_plan_known_only_by_its_issuing_notice_takes_the_title_inside_the_brackets():
    plan = load_plan(PLANS / "notice-only.txt")
    assert (plan.title, plan.jurisdiction, plan.year) == ("西坪县2024年消防工作方案", "西坪县", 2024)
    assert roles(plan, "一/1") == {("县消防救援大队", "lead")}
