"""The plan's jurisdiction, only from evidence (issue 18, point 6): the title, the plan a
notice issues, the issuer or signature, a province's document number, a place's full name
at the level the plan speaks as, a place prefixing its listed units. Never a place found
inside a longer word, one the plan cites or assigns work to, nor an anonymised one.

Each convention on a small plan written for it.
"""
import pytest

from test_extraction_conventions import read

ITEMS = "一、重点工作\n1.{0}\n2.{0}\n"


def place(tmp_path, text):
    return read(tmp_path, text).jurisdiction


@pytest.mark.parametrize("title, expected", [
    ("重庆市沙坪坝区人民政府办公室关于印发2022年区政府工作报告目标任务的通知", "沙坪坝区"),
    ("池州市贵池区2020年食品安全重点工作安排", "贵池区"),
    ("山西省运城市人民政府关于印发消防安全责任分工的通知", "运城市"),
    ("2025年浙江省安全生产月活动重点任务清单", "浙江省"),
    ("卢市镇关于做好2021年全国“两会”安全生产大检查的通知", "卢市镇"),  # a town: not in the table
    ("溆浦县均坪镇关于开展安全生产隐患大排查的通知", "均坪镇"),
])
def test_the_title_opens_with_the_most_specific_place(tmp_path, title, expected):
    assert place(tmp_path, f"{title}\n" + ITEMS.format("县应急局负责隐患排查。")) == expected


def test_the_issuer_or_signature_and_the_plan_a_notice_issues(tmp_path):
    notice = ("金室字〔2020〕1号关于印发《金乡县农村人居环境整治工作分工方案》的通知\n"
              "各镇党委、政府:\n现印发给你们,请认真抓好贯彻落实。\n")
    assert place(tmp_path, notice + ITEMS.format("县住建局负责改厕。")) == "金乡县"
    signed = "各街道办事处:\n现将有关事项通知如下。\n杭州市上城区人民政府办公室\n"
    assert place(tmp_path, signed + ITEMS.format("区发改局负责项目评估。")) == "上城区"
    party = "中共金乡县委办公室\n"  # 县委 after a place at the head of an issuer is the county's
    assert place(tmp_path, ITEMS.format("县农业农村局负责。") + party) == "金乡县"


def test_a_provinces_own_document_number_in_a_plan_that_speaks_as_a_province(tmp_path):
    head = "关于开展清明节前烟花爆竹安全督查工作的通知\n(粤安监〔2010〕93号)\n各地级以上市安全生产监督管理局:\n"
    body = "省局定于清明节前对部分重点地区开展督查。\n" + ITEMS.format("省局执法分局负责督查。")
    assert place(tmp_path, head + body) == "广东省"
    cited = ("各县(市)、区人民政府:\n根据《山东省人民政府办公厅关于明确道路交通安全责任分工的通知》"
             "(鲁政办字〔2013〕54号),现就我市道路交通重点工作责任分工通知如下:\n")
    assert place(tmp_path, cited + ITEMS.format("市公安局负责。")) == ""  # cited, and a city's


def test_a_place_in_the_text_counts_at_the_level_the_plan_speaks_as(tmp_path):
    city = "为确保全市安全形势稳定,现将沈阳市重点工作分工如下:\n"
    assert place(tmp_path, city + ITEMS.format("市林业局负责火灾扑救。")) == "沈阳市"
    cites = ("第五条 建立市消防联席会议联络员制度,根据《广东省实施〈中华人民共和国消防法〉办法》。\n"
             "第六条 全市各成员单位应认真履行职责。\n")
    assert place(tmp_path, cites + ITEMS.format("市公安局负责。")) == ""  # the province it cites
    counties = ("为加强全市消防部队应急救援能力建设,现将任务分解如下:\n"
                "1.完成嵩明县消防大队营房改造。责任单位:嵩明县政府、市发改委。\n"
                "2.完成晋宁县消防大队营房改造。责任单位:晋宁县政府、市财政局。\n")
    assert place(tmp_path, counties) == ""  # a city's plan listing its counties is no county's
    town = "为深刻汲取怀化市沅陵县船只相撞事故教训,确保我镇安全生产形势稳定,在全镇开展大排查。\n"
    assert place(tmp_path, town + ITEMS.format("镇安监站负责。")) == ""  # the town's superiors
    accident = "为吸取揭阳市“2·26”重大爆炸事故教训,确保全市安全,现部署如下:\n"
    assert place(tmp_path, accident + ITEMS.format("市应急局负责。")) == ""


def test_a_place_prefixing_the_units_listed_in_a_plan_of_that_level(tmp_path):
    units = ("1.莆田出入境检验检疫局负责进口食品监管,市工商局配合。\n"
             "2.市质监局、莆田出入境检验检疫局配合,加强监管。\n")
    assert place(tmp_path, units) == "莆田市"
    county = units.replace("市工商局", "县工商局").replace("市质监局", "县质监局")
    assert place(tmp_path, county) == ""  # a city's name in a county's plan: not its place


@pytest.mark.parametrize("line", [
    "县应急局会同县公安局、县自然资源局负责隐患排查。",  # 会同县, 资源县
    "县公安局负责道路交通安全管理,维护中华人民共和国法律尊严。",  # 公安县, 共和县, 大通区
    "公安交警大队负责道路交通秩序,县公安局配合。",  # 公安 listed like a place prefix
    "县城管局负责取缔县以上城区无照经营摊点。",  # 上城区 in 以上城区
    "会同公安局开展联合执法,县应急局会同有关部门负责。",  # 会同 as a verb at the start
])
def test_no_jurisdiction_from_a_common_word(tmp_path, line):
    assert place(tmp_path, "安全生产工作要点\n" + ITEMS.format(line)) == ""


@pytest.mark.parametrize("title", ["某市2024年安全生产重点工作任务分工方案", "XX县安全生产工作要点",
                                   "××县安全生产工作要点"])
def test_an_anonymised_place_is_unknown(tmp_path, title):
    assert place(tmp_path, f"{title}\n" + ITEMS.format("县应急局负责隐患排查。")) == ""
