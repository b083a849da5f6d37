"""Regenerate the compare page's screenshots: Huaihua 2021 → 2022, the top of the page (the
change first) and one reworded task side by side, at 1400 px (desktop) and 390 px (phone).

    python docs/compare_screenshots.py   # needs Chromium at /usr/bin/chromium and playwright

Each shot is cut to at most ``MAX_HEIGHT`` pixels and reduced to 64 colours.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from dutygraph.graph.compare import compare_plans  # noqa: E402
from dutygraph.loaders import load_plan  # noqa: E402
from dutygraph.reports.compare_html import render_compare_html  # noqa: E402
from screenshots import shoot_parts  # noqa: E402 (docs/screenshots.py, beside this file)

PARTS = {"compare": "#change-0", "compare-diff": ".cmp-pair"}
MAX_HEIGHT = 1400


def shoot(html: Path, out: Path = HERE) -> list[Path]:
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        written = shoot_parts(browser, html, out, PARTS, MAX_HEIGHT)
        browser.close()
    return written


if __name__ == "__main__":
    plans = [load_plan(HERE.parent / "data" / "plans" / f"huaihua-{y}-safety-key-points.txt")
             for y in (2021, 2022)]
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "compare.html"
        page.write_text(render_compare_html(compare_plans(plans)), encoding="utf-8")
        for path in shoot(page):
            print(f"wrote {path} ({path.stat().st_size // 1024} KB)", file=sys.stderr)
