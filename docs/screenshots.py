"""Regenerate the README's screenshots: the summary, the load bars, the network and the
matrix of the sample-plan report, at 1400 px (desktop) and 390 px (phone), and its first
two printed A4 pages (print-1.png, print-2.png), in this folder.

    python docs/screenshots.py   # needs Chromium at /usr/bin/chromium and playwright

Each shot is cut to at most ``MAX_HEIGHT`` pixels and reduced to 64 colours, so the six
stay small (a few hundred KB together).
"""
from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from dutygraph.graph.audit import run_audit  # noqa: E402
from dutygraph.loaders import load_plan  # noqa: E402
from dutygraph.loaders.inputs import expand_inputs  # noqa: E402
from dutygraph.reports.html import render_report  # noqa: E402

WIDTHS = {"desktop": 1400, "phone": 390}
PARTS = {"summary": "#summary", "loads": "#loads figure.bars", "network": "#network figure",
         "matrix": "#matrix .mx-plan"}
PRINTED = 2  # pages of the printed report kept as PNG
MAX_HEIGHT = 760


def shoot(html: Path, out: Path = HERE) -> list[Path]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        written = shoot_parts(browser, html, out, PARTS, MAX_HEIGHT)
        written += print_pages(browser, html, out)
        browser.close()
    return written


def shoot_parts(browser, html: Path, out: Path, parts: dict, max_height: int) -> list[Path]:
    """``parts`` (name -> CSS selector) of the page at each width, each cut to
    ``max_height`` pixels and reduced to 64 colours, as ``NAME-DEVICE.png``."""
    written = []
    for device, width in WIDTHS.items():
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(html.as_uri())
        for name, selector in parts.items():
            png = page.locator(selector).first.screenshot()
            image = Image.open(io.BytesIO(png))
            image = image.crop((0, 0, image.width, min(image.height, max_height)))
            path = out / f"{name}-{device}.png"
            image.quantize(64).save(path, optimize=True)
            written.append(path)
    return written


def print_pages(browser, html: Path, out: Path) -> list[Path]:
    """The first pages of the report printed to A4 by Chromium, as PNG (what a director's
    printer gets, at 100 dpi)."""
    import pypdfium2

    page = browser.new_page()
    page.goto(html.as_uri())
    pdf = pypdfium2.PdfDocument(page.pdf(prefer_css_page_size=True))
    written = []
    for k in range(PRINTED):
        path = out / f"print-{k + 1}.png"
        pdf[k].render(scale=100 / 72).to_pil().quantize(64).save(path, optimize=True)
        written.append(path)
    pdf.close()
    return written


if __name__ == "__main__":
    plans = [load_plan(p) for p in expand_inputs([HERE.parent / "data" / "plans"])]
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(render_report(plans, run_audit(plans)), encoding="utf-8")
        for path in shoot(page):
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)", file=sys.stderr)
