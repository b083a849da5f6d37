"""One convention of Chinese official plans a test, each on a small plan written for it.

The conventions are the ones the 46-plan corpus showed the extractor lacked (flattened
tables, unit headers, opening clauses, first-is-lead rules, people, groups, damaged
numbering, pinyin left by a converter …); the expected readings follow
../shared/gold/SPEC.md.
"""
import pytest

from dutygraph.loaders import load_plan


def read(tmp_path, text, name="plan.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_plan(path)


def roles(plan, key):
    """{(unit, role)} of the one task whose text holds ``key`` (inline left out)."""
    [task] = [t for t in plan.tasks if key in t.text]
    return {(a.unit, a.role) for a in task.assignments if a.source != "inline"}


def test_a_pipe_table_right_under_a_heading(tmp_path):
    plan = read(tmp_path, "一、市政府重点工作任务\n"
                "序号 | 目标与任务 | 牵头责任单位 | 责任单位 |\n"
                "(1) | 地区生产总值增长6%以上。 | 市统计局 | 各县市区政府、 开发区管委会 |\n"
                "(2) | 居民收入与经济增长相匹配。 | 市人社局 市农业农村局 | 各县市区政府 |\n")
    assert roles(plan, "地区生产总值") == {
        ("市统计局", "lead"), ("各县市区政府", "implement"), ("开发区管委会", "implement")}
    assert ("市农业农村局", "lead") in roles(plan, "居民收入")  # two leads, a space apart


def test_a_bracket_inside_a_labelled_list_is_part_of_a_name(tmp_path):
    plan = read(tmp_path, "一、疫情防控\n1.完善常态化疫情防控举措。\n"
                "责任单位:市卫生健康委等,各县(市、区)政府(管委会)\n")
    assert roles(plan, "完善常态化") == {("市卫生健康委员会", "lead"),
                                     ("各县(市、区)政府(管委会)", "lead")}


def test_one_cell_a_line_without_numbers_stacked_units_and_a_repeated_header(tmp_path):
    plan = read(tmp_path, "附件\n重点工作任务分解表\n目标与任务 |\n牵头责任单位 |\n责任单位 |\n"
                "加快推进国土空间规划编制,让城市更宜居。 |\n市自然资源局 |\n各县区政府 |\n"
                "目标与任务 |\n牵头责任单位 |\n责任单位 |\n"
                "扎实打好污染防治攻坚战。 |\n市生态环境局 |\n市水利局 |\n各县区政府 |\n")
    assert [t.title for t in plan.tasks] == ["加快推进国土空间规划编制,让城市更宜居", "扎实打好污染防治攻坚战"]
    assert roles(plan, "污染防治") == {("市生态环境局", "lead"), ("市水利局", "implement"),
                                   ("各县区政府", "implement")}


def test_a_numbered_cell_table_with_a_row_spanning_two_tasks(tmp_path):
    plan = read(tmp_path, "民生实事目标任务分解表\n序号\n民生实事\n责任单位\n完成时限\n"
                "1\n新建2座人行天桥。\n县住建局\n县代建中心\n9月底前\n"
                "2\n开工建设县老年养护楼。\n县民政局\n5月底前\n开工建设老年大学。\n12月底前\n")
    assert roles(plan, "人行天桥") == {("县住房和城乡建设局", "lead"), ("县代建中心", "lead")}
    assert roles(plan, "老年大学") == {("县民政局", "lead")}  # the merged cell above
    assert [t.deadline for t in plan.tasks] == ["9月底前", "5月底前", "12月底前"]


@pytest.mark.parametrize("text, key, unit", [
    ("一、市教育局的工作职责\n(一)制定校舍安全工程规划。\n(二)组织排查校舍隐患。\n", "组织排查",
     "市教育局"),
    ("第七条 总则\n第八条 区公安分局工作职责:\n加强校园周边治安管理。\n", "校园周边", "区公安分局"),
    ("三、部门职责\n县住房城乡建设局:负责校舍加固工程的质量监管。\n", "质量监管", "县住房和城乡建设局"),
])
def test_units_heading_their_duties(tmp_path, text, key, unit):
    assert roles(read(tmp_path, text), key) == {(unit, "lead")}


def test_an_item_that_opens_with_its_clause(tmp_path):
    plan = read(tmp_path, "一、流通环节\n(一)市工商局负责,市经贸委、市农业局配合,严格实施肉品公示制度。\n"
                "(二)由市农业局负责,市环保局配合,做好农产品质量认证工作。\n")
    assert roles(plan, "肉品公示") == {("市工商局", "lead"), ("市经贸委", "support"),
                                    ("市农业局", "support")}
    assert roles(plan, "质量认证") == {("市农业局", "lead"), ("市环保局", "support")}


def test_lead_participants_and_implementers_in_one_label(tmp_path):
    plan = read(tmp_path, "1.做好教育扶贫工作(责任单位:县扶贫开发办牵头,县教育局、县财政局等有关部门"
                "参加,各镇街落实)。\n")
    assert roles(plan, "教育扶贫") == {("县扶贫开发办", "lead"), ("县教育局", "support"),
                                    ("县财政局", "support"), ("各镇街", "implement")}


def test_a_stated_first_is_lead_rule(tmp_path):
    plan = read(tmp_path, "1.生产总值增长7.5%左右。\n责任单位:县发改局(首位单位为牵头单位,下同)、县财政局\n"
                "2.严控三公经费。\n责任单位:县财政局、县审计局\n"
                "3.稳定就业。\n责任单位:县人社局、县农业农村局分别牵头\n")
    assert roles(plan, "生产总值") == {("县发展和改革委员会", "lead"), ("县财政局", "support")}
    assert roles(plan, "三公经费") == {("县财政局", "lead"), ("县审计局", "support")}
    assert roles(plan, "稳定就业") == {("县人力资源和社会保障局", "lead"), ("县农业农村局", "lead")}


def test_people_are_never_units(tmp_path):
    plan = read(tmp_path, "1.新辟公交线路10条。\n牵头领导:王仁洲\n责任单位:市交通委\n项目责任人:劳可军\n"
                "2.完成消防站建设。\n责任单位及责任人:盘龙区政府主要领导。\n")
    task = plan.tasks[0]
    assert roles(plan, "公交线路") == {("市交通委", "lead")}
    assert "王仁洲" in task.leaders and all("王仁洲" not in a.unit for a in task.assignments)
    assert roles(plan, "消防站") == {("盘龙区政府", "lead")}


def test_groups_led_by_a_unit_are_tasks_and_the_places_inspected_are_not(tmp_path):
    plan = read(tmp_path, "四、组织形式\n第一组:省局执法分局带队,负责对阳江、湛江市进行督查;"
                "第二组:省局监管三处带队,负责对梅州、潮州市进行督查。\n")
    assert [t.number for t in plan.tasks] == ["第一组", "第二组"]
    assert roles(plan, "执法分局") == {("省局执法分局", "lead")}
    assert roles(plan, "监管三处") == {("省局监管三处", "lead")}


@pytest.mark.parametrize("text, numbers", [
    ("一、消防站点建设\n1.2009年底前,完成特勤消防中队建设(市公安局负责)。\n"
     "2.2010年底前,完成消防大队营房改造(市财政局负责)。\n", ["1", "2"]),
    ("一、宣传工作\n3、从3月8日起组织宣传车宣传(区林业局负责)。\n"
     "4、3月21日召开专题会议(区应急局负责)。\n", ["3", "4"]),
    ("一、宣传工作\n1﹒开展警示教育(县应急局负责)。\n2﹒开展宣传咨询(县应急局负责)。\n", ["1", "2"]),
])
def test_numbering_with_a_date_after_the_number_or_an_odd_stop(tmp_path, text, numbers):
    assert [t.number for t in read(tmp_path, text).tasks] == numbers


def test_items_numbered_past_999(tmp_path):
    items = "".join(f"{n}.开展第{n}项检查(市应急局负责)。\n" for n in range(1, 1006))
    plan = read(tmp_path, "一、检查\n" + items)
    assert len(plan.tasks) == 1005 and plan.tasks[-1].number == "1005"


def test_web_page_metadata_is_not_a_task(tmp_path):
    plan = read(tmp_path, "发布时间:2021-03-26\n信息来源:市府办(市外事办)\n"
                "1.开展安全生产大检查(市应急局牵头)。\n")
    assert [t.title for t in plan.tasks] == ["开展安全生产大检查"]
    assert {r.kind for r in plan.coverage if r.start_line <= 2} == {"furniture"}


def test_phrases_are_never_units(tmp_path):
    plan = read(tmp_path, "1.建设应急指挥平台(打造安全韧性城市)。\n2.压实主体责任(倒逼企业、联合相关部门)。\n")
    assert all(not t.assignments for t in plan.tasks)


def test_traditional_script_with_pinyin_left_by_a_converter(tmp_path):
    plan = read(tmp_path, "一、宣傳工作\n1、做好森林防火宣傳。\n責(zé)任單位:區(qū)林業(yè)局\n")
    assert roles(plan, "森林防火") == {("区林业局", "lead")}


def test_a_closing_line_names_the_units_of_the_paragraphs_before_it(tmp_path):
    plan = read(tmp_path, "五、加强社区服务设施建设。\n改建标准化菜市场4家。\n建设蔬菜追溯系统。\n"
                "上述项目由区商务委牵头负责。\n新建小区健身点15个。\n上述项目由区体育局牵头负责。\n")
    assert roles(plan, "菜市场") == roles(plan, "蔬菜追溯") == {("区商务委", "lead")}
    assert roles(plan, "健身点") == {("区体育局", "lead")}


def test_a_clause_alone_after_a_group_of_items_names_the_units_of_the_group(tmp_path):
    plan = read(tmp_path, "1.完善应急预案体系\n(1)加强预案管理。\n(2)推进预案精编化。\n"
                "(责任单位:市直各有关单位、各开发区管委会)\n")
    assert roles(plan, "加强预案管理") == roles(plan, "精编化") == {
        ("市直各有关单位", "lead"), ("各开发区管委会", "lead")}


def test_the_table_view_shows_where_each_assignment_comes_from(tmp_path):
    from click.testing import CliRunner

    from dutygraph.main import cli

    path = tmp_path / "plan.txt"
    path.write_text("一、市教育局的工作职责\n(一)制定校舍安全规划(市财政局配合)。\n", encoding="utf-8")
    out = CliRunner().invoke(cli, ["extract", str(path), "--format", "table", "--lang", "en"])
    assert out.exit_code == 0, out.output
    assert "inherited·header" in out.output and "explicit·paren" in out.output


def test_a_record_of_key_value_rows_is_a_one_row_table(tmp_path):
    plan = read(tmp_path, "重点工作: | 135.统筹违法建设治理与城市更新。 |\n"
                "牵头单位: | 市城市管理综合执法局 |\n年度阶段性工作目标: | 第一季度:印发工作方案。 |\n")
    [task] = plan.tasks
    assert (task.number, task.title) == ("135", "统筹违法建设治理与城市更新")
    assert roles(plan, "违法建设") == {("市城市管理和综合执法局", "lead")}


def test_a_range_and_a_blanket_clause_on_lines_of_their_own(tmp_path):
    plan = read(tmp_path, "一、城市安全\n（一）至（二）项由市住建局负责。\n（一）排查燃气管网隐患。\n"
                "（二）整治电动车充电。\n（三）开展消防演练（市消防救援支队负责）。\n二、其他工作\n"
                "以下各项均需各县市区负责，不再一一列出。\n（一）开展安全生产月活动（市应急局牵头）。\n")
    assert [t.title for t in plan.tasks] == ["排查燃气管网隐患", "整治电动车充电", "开展消防演练",
                                             "开展安全生产月活动"]  # no task made of the range
    assert roles(plan, "燃气管网") == roles(plan, "电动车") == {("市住房和城乡建设局", "lead")}
    assert {a.source for a in plan.tasks[0].assignments} == {"range"}
    assert roles(plan, "消防演练") == {("市消防救援支队", "lead")}
    assert [(a.unit, a.role) for a in plan.standing] == [("各县市区", "lead")]


def test_a_date_in_the_text_wins_over_an_ongoing_word(tmp_path):
    plan = read(tmp_path, "1.持续推进隐患排查整治，2022年底前完成整治任务（市应急局负责）。\n")
    assert plan.tasks[0].deadline == "2022年底前"


def test_whole_unit_names_a_space_apart_are_two_units(tmp_path):
    plan = read(tmp_path, "1.开展燃气安全排查(责任单位:市应急局 市住建局)。\n"
                "2.开展消防演练(市消防救援支队 市教育局负责)。\n")
    assert roles(plan, "燃气") == {("市应急管理局", "lead"), ("市住房和城乡建设局", "lead")}
    assert roles(plan, "消防演练") == {("市消防救援支队", "lead"), ("市教育局", "lead")}


def test_the_agent_a_sentence_names_after_by_is_an_inline_lead(tmp_path):
    # 由 marks the agent wherever it stands in the sentence
    plan = read(tmp_path, "一、整改结果由县安委办（县安监局）组织复查。\n二、逾期未整改的，由县应急局报告县人民政府。\n"
                "三、此项工作由县应急局会同县公安局组织实施。\n四、按照一类物资由一个单位负责储备的原则完善机制。\n")
    inline = {t.label: {(a.unit, a.role) for a in t.assignments if a.source == "inline"}
              for t in plan.tasks}
    assert inline["一"] == {("县安委办(县安监局)", "lead")}
    assert inline["二"] == {("县应急管理局", "lead")}
    assert inline["四"] == set()  # 一个单位: any one, no unit
    assert roles(plan, "县公安局") == {("县应急管理局", "lead"), ("县公安局", "support")}  # the clause's
