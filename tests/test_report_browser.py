"""The report in a real browser: Debian's headless Chromium driven by Playwright (no browser
download: ``executable_path``). No console errors (a CSP that blocked our own script would
log one), the matrix filter and sort work, the page reads with scripts off, a hostile plan
runs nothing; at 1400 px and 390 px nothing scrolls the page sideways, no two labels of the
heatmap overlap and the Chinese report has no English sentence; the page is at most 20,000 px
tall at 1400 px and 60,000 px at 390 px, the phone's chart labels at least 11 px, and a table
that scrolls shows it; printed at A4 nothing is wider than the page (so Chromium shrinks
nothing), no text is under 8 pt, and it takes at most 30 pages, none blank (issue 19). Screenshots go to pytest's tmp folder.
``DUTYGRAPH_BROWSER_TESTS=0`` skips them all."""
from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from dutygraph.graph.audit import run_audit
from dutygraph.loaders import load_plan
from dutygraph.loaders.inputs import expand_inputs
from dutygraph.reports.html import render_report
from report_plans import REPORT_DATA, SAMPLE_PLANS, hostile_plan

if os.environ.get("DUTYGRAPH_BROWSER_TESTS") == "0":
    pytest.skip("DUTYGRAPH_BROWSER_TESTS=0", allow_module_level=True)
CHROMIUM = os.environ.get("DUTYGRAPH_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not Path(CHROMIUM).exists():
    pytest.skip(f"no Chromium at {CHROMIUM} (apt-get install chromium, or set "
                "DUTYGRAPH_CHROMIUM)", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="playwright is not installed (pip install '.[test]')")

pytestmark = pytest.mark.xdist_group("browser")  # one worker, one Chromium for the module
ROWS = "table.mx tbody tr"
VISIBLE = "table.mx tbody tr:not([hidden])"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield browser
        browser.close()


def write_report(folder: Path, plans, name: str, **options) -> Path:
    path = folder / name
    path.write_text(render_report(plans, run_audit(plans), **options), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory) -> Path:
    plans = [load_plan(p) for p in expand_inputs([SAMPLE_PLANS])]
    assert len(plans) == 5
    return write_report(tmp_path_factory.mktemp("report"), plans, "sample.html")


def wait_until(page, condition, timeout_ms: int = 5000):
    """Poll from Python: the page's CSP forbids the string eval of ``wait_for_function``."""
    for _ in range(timeout_ms // 25):
        if condition():
            return
        page.wait_for_timeout(25)
    assert condition()


def visible(page) -> int:
    return page.locator(VISIBLE).count()


def open_page(browser, path: Path, scripts: bool = True, width: int = 1280):
    """A page and the list its console errors, page errors and dialogs are recorded in."""
    context = browser.new_context(java_script_enabled=scripts,
                                  viewport={"width": width, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))

    def dialog(d):
        problems.append(f"dialog: {d.message}")
        d.dismiss()

    page.on("dialog", dialog)
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, problems


def test_sample_report_loads_without_errors_and_filters(browser, sample_report, tmp_path):
    page, problems = open_page(browser, sample_report)
    total = page.locator(ROWS).count()
    assert total > 200  # every task of the five sample plans
    assert page.locator(VISIBLE).count() == total
    assert page.locator("#mx-filter").is_visible()
    assert page.locator(".no-js-note").is_hidden()
    page.fill("#mx-filter", "应急管理局")
    wait_until(page, lambda: visible(page) < total)
    shown = page.locator(VISIBLE).count()
    assert 0 < shown < total
    assert page.locator("#mx-count").inner_text() == f"{shown} / {total}"
    page.select_option("#mx-role", "L")
    wait_until(page, lambda: visible(page) < shown)
    page.fill("#mx-filter", "没有这样的单位或任务")
    wait_until(page, lambda: visible(page) == 0)
    page.select_option("#mx-role", "")
    page.fill("#mx-filter", "")
    wait_until(page, lambda: visible(page) == total)
    page.screenshot(path=str(tmp_path / "sample-report.png"))
    page.locator("#matrix").scroll_into_view_if_needed()
    page.screenshot(path=str(tmp_path / "sample-matrix.png"))
    assert problems == []


def test_sorting_by_a_unit_column_puts_its_tasks_first(browser, sample_report):
    page, problems = open_page(browser, sample_report)
    table = page.locator("table.mx").nth(1)
    header = table.locator("thead th.u").first
    header.click()
    assert header.get_attribute("aria-sort") == "ascending"
    first = table.locator("tbody tr").first.locator("td").first
    assert first.inner_text().strip() != ""
    assert problems == []


def test_header_row_stays_in_view_while_the_matrix_scrolls(browser, sample_report):
    page, _ = open_page(browser, sample_report)
    wrap = page.locator(".mx-wrap").nth(1)
    head = wrap.locator("thead th").first
    before = head.bounding_box()["y"]
    wrap.evaluate("el => { el.scrollTop = 600; }")
    page.wait_for_timeout(50)
    assert abs(head.bounding_box()["y"] - before) < 1


def test_report_reads_with_scripts_disabled(browser, sample_report, tmp_path):
    page, problems = open_page(browser, sample_report, scripts=False)
    assert page.locator(VISIBLE).count() == page.locator(ROWS).count() > 0
    assert page.locator(".no-js-note").first.is_visible()
    assert page.locator("#mx-filter").is_hidden()
    page.screenshot(path=str(tmp_path / "no-script.png"))
    assert problems == []


@pytest.mark.parametrize("source", ["model", "text"])
def test_hostile_plan_runs_nothing(browser, tmp_path, source):
    plan = hostile_plan() if source == "model" else load_plan(REPORT_DATA / "injection.txt")
    path = write_report(tmp_path, [plan], "hostile.html")
    page, problems = open_page(browser, path)
    page.fill("#mx-filter", "script")
    wait_until(page, lambda: page.locator("#mx-count").inner_text() != "")
    assert page.evaluate("document.querySelectorAll('img, iframe, textarea, b').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    page.locator("#tasks summary").click()  # the appendix opens on a click
    assert "<script>alert(1)</script>" in page.locator("#tasks").inner_text()
    page.screenshot(path=str(tmp_path / f"hostile-{source}.png"), full_page=True)
    assert problems == []


OVERLAPS = """() => {
  const boxes = Array.from(document.querySelectorAll('#network table.heat th, #network table.heat td'))
    .map(e => [e.textContent, e.getBoundingClientRect()]).filter(b => b[1].width > 0);
  const out = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
    const [p, a] = boxes[i], [q, b] = boxes[j];
    const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
    const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
    if (w > 0.5 && h > 0.5) out.push(p + ' / ' + q);
  }
  return [boxes.length, out];
}"""
ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,:;]+[A-Za-z]{2,}){2,}")  # three words: a sentence


@pytest.mark.parametrize("width", [1400, 390])
def test_no_sideways_scroll_no_overlapping_labels_no_english(browser, sample_report, width,
                                                             tmp_path):
    page, problems = open_page(browser, sample_report, width=width)
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    count, overlaps = page.evaluate(OVERLAPS)
    assert count > 40 and overlaps == []  # the heatmaps' labels and numbers
    text = page.evaluate("document.body.innerText")
    assert "主要发现" in text and ENGLISH.findall(text) == []
    page.locator("#summary").screenshot(path=str(tmp_path / f"summary-{width}.png"))
    assert problems == []


def test_english_report_reads_in_english(browser, tmp_path):
    plans = [load_plan(p) for p in expand_inputs([SAMPLE_PLANS])]
    page, _ = open_page(browser, write_report(tmp_path, plans, "en.html", lang="en"))
    text = page.evaluate("document.body.innerText")
    assert "Key findings" in text and "主要发现" not in text and "数据质量" not in text


def test_a_link_to_a_task_opens_the_collapsed_appendix(browser, sample_report):
    page, problems = open_page(browser, sample_report)
    link = page.locator("#orphans ~ .scroll a").first
    target = link.get_attribute("href")[1:]
    assert page.locator(f"[id='{target}']").is_hidden()
    link.click()
    wait_until(page, lambda: page.locator(f"[id='{target}']").is_visible())
    assert problems == []


def printed_pages(page, pdf: Path):
    """(width, height) in points and the share of pixel rows with ink, for each page."""
    import numpy as np
    import pypdfium2

    page.pdf(path=str(pdf), prefer_css_page_size=True)
    out = []
    for p in pypdfium2.PdfDocument(str(pdf)):
        pixels = np.asarray(p.render(scale=0.25, grayscale=True).to_pil())
        out.append((tuple(round(x) for x in p.get_size()), float((pixels < 200).any(axis=1).mean())))
    return out


def test_prints_to_at_most_30_a4_pages_none_blank(browser, sample_report, tmp_path):
    page, _ = open_page(browser, sample_report)
    pages = printed_pages(page, tmp_path / "report.pdf")
    sizes = [size for size, _ in pages]
    assert len(pages) <= 30
    assert sizes[0] == (595, 842)  # A4 portrait, in points
    assert set(sizes) == {(595, 842), (842, 595)}  # the matrix on landscape pages
    assert sizes.index((842, 595)) > 3 and sizes[-1] == (842, 595)  # matrix last, one block
    # no blank page (the last portrait page, before the matrix turns landscape, may be short)
    assert min(ink for _, ink in pages) > 0.03


def test_full_text_prints_the_task_text_appendix(browser, tmp_path):
    plans = [load_plan(p) for p in expand_inputs([SAMPLE_PLANS])][:1]
    short = open_page(browser, write_report(tmp_path, plans, "short.html"))[0]
    full = open_page(browser, write_report(tmp_path, plans, "full.html", full_text=True))[0]
    for page in (short, full):  # collapsed on screen either way
        assert page.locator("#tasks article").first.is_hidden()
    pages_short = printed_pages(short, tmp_path / "short.pdf")
    pages_full = printed_pages(full, tmp_path / "full.pdf")
    assert len(pages_full) > len(pages_short) + 1


@pytest.mark.parametrize("width, tallest", [(1400, 20_000), (390, 60_000)])
def test_the_page_reads_in_one_sitting(browser, sample_report, width, tallest):
    page, _ = open_page(browser, sample_report, width=width)
    assert page.evaluate("document.documentElement.scrollHeight") <= tallest


CHART_LABELS = """() => Array.from(document.querySelectorAll(
    '#loads figure.bars .bar span, #network table.heat th, #network table.heat td'))
  .filter(e => e.textContent.trim() && e.getBoundingClientRect().width > 0)
  .map(e => parseFloat(getComputedStyle(e).fontSize))"""


def test_phone_chart_labels_are_at_least_11_px(browser, sample_report):
    page, _ = open_page(browser, sample_report, width=390)
    sizes = page.evaluate(CHART_LABELS)
    assert len(sizes) > 100 and min(sizes) >= 11


SCROLLERS = """() => Array.from(document.querySelectorAll('.scroll'))
  .filter(e => e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1)
  .map(e => getComputedStyle(e).backgroundImage)"""


def test_a_table_that_scrolls_on_a_phone_shows_it(browser, sample_report):
    page, _ = open_page(browser, sample_report, width=390)
    cues = page.evaluate(SCROLLERS)
    assert cues and all(c.count("radial-gradient") == 2 for c in cues)


A4_COLUMN, A4_LANDSCAPE_COLUMN = 703, 1047  # CSS px inside the margins: 186 mm, 277 mm
PRINT_LAYOUT = """([portrait, landscape]) => {
  const wide = [], small = [];
  for (const el of document.querySelectorAll('body *')) {
    const r = el.getBoundingClientRect();
    if (!r.width || !r.height) continue;
    if (r.right > (el.closest('section.wide') ? landscape : portrait) + 1)
      wide.push(el.tagName + '.' + el.className + ' ' + Math.round(r.right));
    const text = Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim());
    const pt = parseFloat(getComputedStyle(el).fontSize) * 0.75;
    if (text && pt < 8) small.push(el.tagName + '.' + el.className + ' ' + pt.toFixed(1) + ' pt');
  }
  return [document.documentElement.scrollWidth, wide.slice(0, 10), small.slice(0, 10)];
}"""


def test_print_layout_fits_an_a4_column_with_no_text_under_8_pt(browser, sample_report):
    """Laid out for print at the width of an A4 page inside its margins: nothing reaches
    past it (Chromium would shrink the whole document to fit), no text under 8 pt."""
    context = browser.new_context(viewport={"width": A4_COLUMN, "height": 1000})
    page = context.new_page()
    page.goto(sample_report.as_uri())
    page.emulate_media(media="print")
    width, wide, small = page.evaluate(PRINT_LAYOUT, [A4_COLUMN, A4_LANDSCAPE_COLUMN])
    assert width <= A4_COLUMN and wide == [] and small == []
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('ol.key li'))"
                         ".fontSize) * 0.75")
    assert body >= 10


HEADERS = """() => Array.from(document.querySelectorAll('table.mx thead th.u'))
  .filter(e => e.getBoundingClientRect().width > 0)
  .filter(e => e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)
  .map(e => e.textContent)"""


def test_matrix_headers_are_never_clipped(browser, sample_report):
    page, _ = open_page(browser, sample_report)
    assert page.locator("table.mx thead th.u").count() > 100
    assert page.evaluate(HEADERS) == []
    assert "县安全生产监督管理局" in page.locator("table.mx thead").nth(3).inner_text()
