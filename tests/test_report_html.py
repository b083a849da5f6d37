"""The HTML report: self-contained, its script allowed by hash, findings linked to the task
text, every input string escaped, and charts that are deterministic with text as text."""
from __future__ import annotations

import base64
import hashlib
import re

import lxml.html
import pytest
from click.testing import CliRunner

from dutygraph.graph.audit import run_audit
from dutygraph.loaders import load_plan
from dutygraph.main import cli
from dutygraph.reports.charts import figure_png, load_figure
from dutygraph.reports.html import environment, render_matrix_page, render_report, static_text
from dutygraph.reports.strings import ROLE_WORDS, UI
from dutygraph.reports.views import highlight
from report_plans import HOSTILE, REPORT_DATA, hostile_plan, small_plan


def report_of(plans, lang="zh") -> str:
    return render_report(plans, run_audit(plans), lang=lang)


def parse(html: str):
    return lxml.html.document_fromstring(html)


@pytest.fixture(scope="module")
def small_report() -> str:
    return report_of([small_plan()])


def test_one_script_allowed_by_its_hash_and_nothing_from_the_network(small_report):
    doc = parse(small_report)
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and scripts[0].text == static_text("report.js")
    csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
    digest = base64.b64encode(hashlib.sha256(scripts[0].text.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}';" in csp
    assert "default-src 'none'" in csp and "img-src data:" in csp
    head = doc.find("head")
    assert head[0].get("charset") == "utf-8" and head[1].get("http-equiv")
    assert not doc.xpath("//*[@src] | //link | //iframe | //object | //embed")
    assert all(h.startswith("#") for h in doc.xpath("//@href"))


def test_every_finding_link_points_at_a_task_text(small_report):
    doc = parse(small_report)
    ids = set(doc.xpath("//@id"))
    targets = [h[1:] for h in doc.xpath("//section[@id='findings']//a/@href")]
    assert targets and all(t in ids for t in targets)
    orphans = doc.xpath("//h2[@id='orphans']/following-sibling::div[1]//a/@href")
    assert orphans == ["#t0-2", "#t0-4"]  # 二/3 only collective units, 二/5 none
    assert "二/5 · 行 13" in doc.get_element_by_id("t0-4").text_content()


def test_clauses_are_marked_in_the_task_text(small_report):
    task = parse(small_report).get_element_by_id("t0-0")
    assert [m.text for m in task.iter("mark")] == ["市应急管理局牵头", "市财政局配合"]


def test_matrix_rows_and_marks(small_report):
    table = parse(small_report).xpath("//table[@class='mx']")[0]
    header = [th.text_content() for th in table.xpath("thead/tr/th")]
    assert header[1:] == ["市应急管理局", "市财政局", "市住建局", "各有关部门", "市交通运输局",
                          "市公安局", "市安委办"]
    rows = table.xpath("tbody/tr")
    assert len(rows) == 5
    cells = [(td.get("class"), td.text) for td in rows[3].xpath("td")]
    assert cells[0] == ("S x", "配") and cells[4] == ("L", "牵") and cells[6] == ("V", "督")


def test_sections_overview_charts_and_print_styles(small_report):
    doc = parse(small_report)
    for section in ("summary", "overview", "loads", "network", "matrix", "findings", "tasks"):
        assert doc.xpath(f"//section[@id='{section}']"), section
    bars = doc.xpath("//figure[contains(@class, 'bars')]/div[@class='bar']")
    assert bars and doc.xpath("//figure[contains(@class, 'net')]//table[@class='heat']")
    assert not doc.xpath("//*[local-name()='svg']")  # charts are HTML, drawn by the browser
    for bar in bars:  # each task once, under the unit's first role: the bar is the task count
        parts = [int(s.get("title")) for s in bar.xpath("span[@class='track']/span")]
        assert sum(parts) == int(bar.xpath("span[@class='n']")[0].text)
    css = doc.xpath("//style")[0].text
    assert "@page { size: A4" in css and "break-before: page" in css
    assert "position: sticky" in css


def test_english_report_uses_english_strings():
    html = report_of([small_plan()], lang="en")
    doc = parse(html)
    assert doc.get("lang") == "en"
    assert doc.xpath("//h2/text()")[0] == UI["en"]["findings_first"]
    assert UI["zh"]["overview"] not in html and ROLE_WORDS["en"]["lead"] in html


def test_highlight_escapes_then_marks():
    out = highlight("a<b>（甲<i>牵头）", ["甲<i>牵头"])
    assert str(out) == "a&lt;b&gt;（<mark>甲&lt;i&gt;牵头</mark>）"


def test_templates_are_autoescaped():
    template = environment().from_string("{{ x }}")
    assert template.render(x="<b>") == "&lt;b&gt;"


def assert_inert(html: str) -> None:
    """Parsed as a browser would: no element, attribute or URL the input brought in."""
    doc = parse(html)
    assert len(doc.xpath("//script")) == 1
    assert doc.xpath("//script")[0].text == static_text("report.js")
    assert not doc.xpath("//img | //iframe | //textarea | //b | //i[not(parent::p)]")
    assert len(doc.xpath("//*[local-name()='svg']")) <= 2
    assert not [a for el in doc.iter() if isinstance(el.tag, str)
                for a in el.attrib if a.lower().startswith("on")]
    assert not [h for h in doc.xpath("//@href") if not h.startswith("#")]
    assert len(doc.xpath("//style")) == 1 + len(doc.xpath("//*[local-name()='svg']"))
    assert "</body>" in html and html.rstrip().endswith("</html>")


def test_hostile_plan_is_rendered_as_text():
    plan = hostile_plan()
    html = report_of([plan])
    assert_inert(html)
    text = parse(html).text_content()
    for bad in HOSTILE:
        assert f"加强{bad}管理" in text  # shown, as text, in the matrix and the task text
    assert_inert(render_matrix_page([plan]))


def test_hostile_text_plan_through_the_loader():
    plan = load_plan(REPORT_DATA / "injection.txt")
    assert any("<script>" in t.text for t in plan.tasks)
    html = report_of([plan])
    assert_inert(html)
    assert "加强<script>alert(1)</script>管理" in parse(html).text_content()


def test_chart_svg_is_deterministic_with_cjk_fonts_first_and_text_as_text():
    from dutygraph.reports.charts import figure_svg

    loads = run_audit([small_plan()]).loads
    concrete = [x for x in loads if not x.collective]
    first = figure_svg(load_figure(concrete, ROLE_WORDS["zh"], "任务"), "load")
    again = figure_svg(load_figure(concrete, ROLE_WORDS["zh"], "任务"), "load")
    assert first == again
    assert first.startswith("<svg") and "<metadata>" not in first
    assert re.search(r"<text [^>]*font-family: 'Microsoft YaHei', 'PingFang SC', "
                     r"'Noto Sans SC'[^>]*>市应急管理局</text>", first)
    assert 'id="load-' in first and ' id="figure_1"' not in first


@pytest.mark.filterwarnings("ignore:Glyph")
def test_png_chart_draws_chinese_glyphs_not_boxes():
    """Two different characters drawn with the packaged font differ from each other and
    from a character no font has (which every font draws as the same empty box)."""
    from matplotlib.figure import Figure

    from dutygraph.reports.charts import chart_style, register_cjk_font

    assert register_cjk_font(), "pylopdf-fonts-zh-cn is not installed"

    def draw(ch: str) -> bytes:
        with chart_style():
            fig = Figure(figsize=(0.6, 0.6))
            fig.text(0.1, 0.1, ch, fontsize=30)
        return figure_png(fig, dpi=50)

    lead, support, missing = draw("牵"), draw("配"), draw("\ue000")
    assert lead[:8] == b"\x89PNG\r\n\x1a\n"
    assert lead != support and lead != missing and support != missing
    assert draw("\ue001") == missing  # what a box looks like: the same for any missing glyph


def test_cli_report_and_audit_html(tmp_path):
    source = str(REPORT_DATA / "small-plan.txt")
    runner = CliRunner()
    out = tmp_path / "r.html"
    result = runner.invoke(cli, ["report", source, "-o", str(out), "--png", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "<table class=\"mx\">" in out.read_text(encoding="utf-8")
    assert (tmp_path / "loads.png").read_bytes()[:4] == b"\x89PNG"
    out2 = tmp_path / "a.html"
    result = runner.invoke(cli, ["audit", source, "-o", str(out2)])
    assert result.exit_code == 0, result.output
    assert out2.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_cli_report_names_a_missing_folder(tmp_path):
    source = str(REPORT_DATA / "small-plan.txt")
    result = CliRunner().invoke(cli, ["report", source, "-o", str(tmp_path / "no" / "r.html")])
    assert result.exit_code == 2  # bad usage: the README's exit codes
    assert f"文件夹 {tmp_path / 'no'} 不存在" in result.output
    result = CliRunner().invoke(cli, ["report", source, "-o", str(tmp_path / "no" / "r.html"),
                                      "--lang", "en"])
    assert f"the folder {tmp_path / 'no'} does not exist" in result.output


def test_the_report_draws_its_charts_without_matplotlib():
    """matplotlib (and pandas) cost most of a second to import: the page needs neither."""
    import subprocess
    import sys

    code = ("import sys; from dutygraph.graph.audit import run_audit; "
            "from dutygraph.loaders import load_plan; "
            "from dutygraph.reports.html import render_report; "
            f"p = [load_plan({str(REPORT_DATA / 'small-plan.txt')!r})]; "
            "render_report(p, run_audit(p)); "
            "print(sorted(m for m in ('matplotlib', 'pandas') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[]", done.stderr


def test_bars_count_tasks_by_first_role_up_to_the_task_count():
    audit = run_audit([small_plan()])
    for x in audit.loads:
        assert sum(x.main_roles) == x.tasks
        assert all(m <= n for m, n in zip(x.main_roles, (x.lead, x.support, x.implement,
                                                         x.supervise)))
