"""The committee's own documents (issue 18): member units' duty lists, tables a web page
printed a cell a line, plans run together on one line, groups led by a unit, the
precedence of evidence, a jurisdiction only from evidence, and how well a plan was read.

Each class on a small plan written for it; the expected readings follow
../shared/gold/SPEC.md.
"""
import pytest

from dutygraph.loaders.stages.resolve import PRECEDENCE
from test_extraction_conventions import read, roles


def test_a_unit_on_its_own_numbered_line_leads_the_duties_below_it(tmp_path):
    plan = read(tmp_path, "2.2职责任务。\n(1)市林业局。\n负责火灾扑救的组织和火灾现场勘察。\n"
                "(2)市公安局、市教育局。\n负责火灾区域内的治安管理。\n"
                "(3)沈阳警备区。\n负责组织驻军参加扑救。\n3.预防和预报\n"
                "3.1预防。\n各级森林防火部门要大力做好宣传教育工作。\n")
    assert roles(plan, "火灾现场勘察") == {("市林业局", "lead")}
    assert roles(plan, "治安管理") == {("市公安局", "lead"), ("市教育局", "lead")}
    assert roles(plan, "驻军") == {("沈阳警备区", "lead")}  # a military district: a command
    # 3. is never inside (2): the decimal outline survives the items before it
    assert [t.label for t in plan.tasks][-1] == "3/3.1"


@pytest.mark.parametrize("colon", [":", "："])
def test_colon_paragraphs_run_together_on_one_line(tmp_path, colon):
    plan = read(tmp_path, f"三、成员单位职责\n县住建局{colon}负责校舍加固工程的质量监管;负责工地扬尘治理。"
                f"县交通局{colon}负责农村公路安全生命防护工程建设。\n")
    assert roles(plan, "质量监管") == {("县住房和城乡建设局", "lead")}
    assert roles(plan, "生命防护") == {("县交通局", "lead")}


def test_articles_after_a_stray_item_and_department_types_as_headers(tmp_path):
    plan = read(tmp_path, "(五)负责上一页开始的那一条的最后一项职责。\n"
                "第七条 区教育局工作职责:\n(一)负责学校安全管理。\n"
                "第八条 区公安分局工作职责:\n(一)负责校园周边治安管理。\n"
                "三、质监部门\n(一)负责特种设备安全监察。\n")
    assert roles(plan, "上一页") == set()  # its header was on the page before: no one's
    assert roles(plan, "学校安全") == {("区教育局", "lead")}
    assert roles(plan, "校园周边") == {("区公安分局", "lead")}
    assert roles(plan, "特种设备") == {("质监部门", "lead")}


def test_a_docx_task_list_as_a_web_page_prints_it(tmp_path):
    plan = read(tmp_path, "某市2024年安全生产重点工作任务分工方案\n\n主要任务 |\n重点工作和要求 |\n"
                "责任单位 |\n完成时限 |\n完成进展 |\n一、重点任务 |\n||||\n"
                "1.持续推进安全生产专项整治。 |\n市应急管理局、市公安局 |\n12月底前 |\n|\n"
                "2.健全安全生产考核巡查机制。 |\n市安委办 |\n12月底前 |\n|\n")
    assert roles(plan, "专项整治") == {("市应急管理局", "lead"), ("市公安局", "lead")}
    assert roles(plan, "考核巡查") == {("市安全生产委员会办公室", "lead")}  # 市安委办


def test_a_plan_run_together_on_one_line(tmp_path):
    plan = read(tmp_path, "某市2024年安全生产重点工作任务分工方案,一、重点任务,1.制定农村道路客运网络的相关政策。"
                "(县交通局牵头) 2.定期督促检查危险路段治理。(县应急局牵头,县公安局配合)\n")
    assert roles(plan, "客运网络") == {("县交通局", "lead")}
    assert roles(plan, "危险路段") == {("县应急管理局", "lead"), ("县公安局", "support")}


def test_a_run_together_page_cut_at_numbers_that_count_on_from_the_page_before(tmp_path):
    # the page starts at item (34): a sequence need not start at 1, its neighbours tell
    plan = read(tmp_path, "某县自然灾害救助应急预案 1.3 工作原则量参与灾后重建工作。(34)县民政局:支持引导社会力量"
                "参与抢险救灾、救灾捐赠等工作。(35)县财政局:负责安排县级救灾资金预算。"
                "2.1 应急指挥机构县减灾委为县自然灾害救助应急综合协调机构。\n")
    assert roles(plan, "救灾捐赠") == {("县民政局", "lead")}
    assert roles(plan, "救灾资金") == {("县财政局", "lead")}


@pytest.mark.parametrize("mark", ["[接上页] ", "（续上页）", "[接上页]\n"])
def test_a_page_that_goes_on_from_the_page_before(tmp_path, mark):
    plan = read(tmp_path, f"{mark}省水利厅:负责水利设施沿线地质灾害隐患的排查。\n"
                "省交通运输厅:负责公路沿线地质灾害隐患的排查。\n")
    assert roles(plan, "水利设施") == {("省水利厅", "lead")}
    assert roles(plan, "公路沿线") == {("省交通运输厅", "lead")}
    assert any(r.kind == "furniture" and r.start_line == 1 for r in plan.coverage)


def test_a_letter_spaced_word_reads_as_the_word(tmp_path):
    # a two-character name spaced out to align its column (户 县, 备 注) or a list (农 办)
    plan = read(tmp_path, "附件:\n市政府安全生产督查组分组表\n分 组\n| 督查组牵头单位\n| 督查单位\n"
                "| 备 注\n|\n第一组\n| 市公安局\n| 长安区\n|\n|\n第二组\n| 市国土局\n| 户 县\n|\n|\n"
                "第三组\n| 市农委\n| 高陵县\n|\n|\n")
    assert [t.text.replace("\n", "") for t in plan.tasks] == [
        "第一组| 市公安局| 长安区", "第二组| 市国土局| 户 县", "第三组| 市农委| 高陵县"]
    plan = read(tmp_path, "一、检查组\n1.第一组：负责农村用电安全检查。责任单位：农 办、供电所\n")
    assert roles(plan, "农村用电") == {("农办", "lead"), ("供电所", "lead")}


def test_a_table_one_cell_a_line_without_numbers(tmp_path):
    # the first row's task cell is no header cell: a unit cell follows it
    plan = read(tmp_path, "附件\n重点工作任务分工表\n工作任务\n牵头单位\n配合单位\n完成时限\n"
                "切实加大安全监管力度\n省安监局\n各负有安全生产监管职责的部门\n2024年12月底前\n"
                "统筹规划安全生产工作\n省发展改革委\n省财政厅、省安监局\n2024年12月底前\n")
    assert [t.title for t in plan.tasks] == ["切实加大安全监管力度", "统筹规划安全生产工作"]
    assert roles(plan, "统筹规划") == {("省发展和改革委员会", "lead"), ("省财政厅", "support"),
                                     ("省安全生产监督管理局", "support")}


def test_a_table_whose_rows_a_page_ran_together_a_space_apart(tmp_path):
    # header after the title, rows and cells one long line; a unit name broken by a space
    plan = read(tmp_path, "附件 某县大气污染综合整治职责清单 工作任务和内容 责任单位 配合单位 完成时间 "
                "负责全县大气污染整治工作的舆论宣传,开展专题宣传和跟踪报道. 县委宣传部 持续开展 "
                "负责大气污染综合治理工作任务的督导和检查考核工作. 县委县政府 督查室 持续开展 "
                "负责抓好砂石场和道路运输扬尘的污染防治工作. 县交通 运输局 12月底前完成\n")
    assert roles(plan, "舆论宣传") == {("县委宣传部", "lead")}
    assert roles(plan, "检查考核") == {("县委县政府督查室", "lead")}
    assert roles(plan, "砂石场") == {("县交通运输局", "lead")}
    assert [t.deadline for t in plan.tasks] == ["持续开展", "持续开展", "12月底前完成"]


def test_two_names_run_together_where_the_page_lost_the_separator(tmp_path):
    plan = read(tmp_path, "一、综合协调组\n主要职责：负责综合协调。\n责任单位：办公室、政法委、社会发展局\n"
                "二、宣传舆情组\n主要职责：负责宣传报道。\n责任单位：宣传部、政法委社会发展局、公安局\n"
                "三、治安组\n主要职责：负责治安秩序。\n责任单位：公安局、公安局交警大队\n")
    assert roles(plan, "宣传报道") >= {("政法委", "lead"), ("社会发展局", "lead")}
    assert ("公安局交通警察大队", "lead") in roles(plan, "治安秩序")  # a part of 公安局: whole


def test_groups_led_by_a_unit(tmp_path):
    plan = read(tmp_path, "三、督查组安排\n(一)第一督查组。由市应急局1名领导带队，负责对化工企业进行督查。\n"
                "(二)第二督查组。由市住建局分管领导带队，负责对建筑工地进行督查。\n")
    assert roles(plan, "化工企业") == {("市应急管理局", "lead")}  # not 督查组安排
    assert roles(plan, "建筑工地") == {("市住房和城乡建设局", "lead")}


def test_paragraphs_that_open_with_their_unit_under_a_heading(tmp_path):
    plan = read(tmp_path, "6.7 应急资金保障\n县财政局负责应急防治与救灾资金的筹集。\n"
                "县发改局负责重大救灾项目的协调安排。\n")
    assert [t.title for t in plan.tasks] == ["县财政局负责应急防治与救灾资金的筹集",
                                             "县发改局负责重大救灾项目的协调安排"]


def test_the_precedence_is_a_table_and_an_items_own_evidence_decides(tmp_path):
    assert [level for level, _, _ in PRECEDENCE][:4] == ["item", "group", "range", "unit heading"]
    plan = read(tmp_path, "一、各级政府工作职责\n(一)县人民政府职责\n统一领导辖区内的地质灾害防治工作。\n"
                "(二)做好群测群防工作。\n"
                "二、整治提升村容村貌(县委农办牵头)\n1.提升村庄公共环境。(责任单位:县住建局)\n")
    assert roles(plan, "统一领导") == {("县人民政府", "lead")}  # the nearer unit heading
    assert roles(plan, "群测群防") == {("各级政府", "lead")}
    assert roles(plan, "公共环境") == {("县委农办", "lead"), ("县住房和城乡建设局", "lead")}


@pytest.mark.parametrize("line", [
    "县应急局会同县公安局、县自然资源局负责隐患排查。",  # 会同, 资源
    "县公安局负责道路交通安全管理，维护中华人民共和国法律尊严。",  # 公安, 共和, 交通
])
def test_no_jurisdiction_made_up_from_a_common_word(tmp_path, line):
    plan = read(tmp_path, f"安全生产工作要点\n一、重点工作\n1.{line}\n2.{line}\n")
    assert plan.jurisdiction == ""  # unknown beats wrong (会同县, 资源县, 公安县, 共和县)
    titled = read(tmp_path, f"海原县安全生产工作要点\n一、重点工作\n1.{line}\n")
    assert titled.jurisdiction == "海原县"


def test_a_plan_read_badly_says_so_and_one_read_well_does_not(tmp_path):
    well = read(tmp_path, "一、重点工作\n1.加强隐患排查。(县应急局牵头,县公安局配合)\n"
                "2.做好宣传工作。(县委宣传部负责)\n", "well.txt")
    assert well.reading.coverage == 1.0 and not well.reading.poor
    badly = read(tmp_path, "某县安全生产工作方案\n县应急局牵头组织、县公安局配合，县住建局、县交通局"
                 "参与，县教育局负责，开展大检查，具体见附件。\n", "badly.txt")
    assert badly.reading.poor and badly.tasks == ()
    assert {"应急管理局", "公安局"} <= set(badly.reading.unread)
    # tasks found, but not one of the units the text names again and again was read
    unread = read(tmp_path, "一、隐患整改通知书印送：县安委办、县应急局、县公安局。\n"
                  "二、整改督办情况印送：县安委办、县应急局。\n", "unread.txt")
    assert unread.tasks and unread.reading.poor
    labelled = read(tmp_path, "一、综合组\n负责综合协调。\n责任单位：县办公室、县政法委\n", "labelled.txt")
    assert "责任单位" not in labelled.reading.unread  # a label, not a unit


def test_a_short_name_defined_in_brackets_is_no_clause(tmp_path):
    plan = read(tmp_path, "第一章 组织机构\n第一条 黄河防汛工作由黄河防汛总指挥部（简称黄防总）统一领导，"
                "分级分部门负责。\n第二条 黄防总办负责日常工作。\n")
    assert roles(plan, "黄河防汛工作") == {("黄河防汛总指挥部", "lead")}  # not 简称黄防总, not 组织机构


def test_items_numbered_past_999_go_on_under_a_new_heading(tmp_path):
    plan = read(tmp_path, "一、第一部分\n998.甲项工作。（市应急局牵头）\n999.乙项工作。（市应急局牵头）\n"
                "二、第二部分\n1000.丙项工作。（市公安局牵头）\n1001.丁项工作。（市公安局牵头）\n")
    assert [t.label for t in plan.tasks] == ["一/998", "一/999", "二/1000", "二/1001"]
