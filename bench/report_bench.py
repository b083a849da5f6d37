"""How long the report takes for a large plan: 300 tasks x 80 units (generated).

    python bench/report_bench.py [--tasks 300] [--units 80] [--browser]

Prints the time to audit, to render the HTML (charts included), the page size, and with
--browser (Debian's Chromium and playwright installed) the time to load the page and to
filter the matrix once. Not a test: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from dutygraph.graph.audit import run_audit  # noqa: E402
from dutygraph.model import Assignment, Plan, Source, Task  # noqa: E402
from dutygraph.reports.html import render_report  # noqa: E402

ROLES = ("lead", "support", "support", "support", "implement", "supervise")


def large_plan(tasks: int, units: int, seed: int = 7) -> Plan:
    """A plan whose units are named in a skewed way (a few carry most), 1-8 per task."""
    rng = random.Random(seed)
    names = [f"市第{i}局" for i in range(units)]
    weights = [1 / (i + 1) for i in range(units)]
    out = []
    for i in range(tasks):
        chosen = list(dict.fromkeys(rng.choices(names, weights, k=rng.randint(1, 8))))
        assignments = tuple(
            Assignment(unit=u, mention=u, role="lead" if j == 0 else rng.choice(ROLES),
                       clause=f"{u}负责", line=i + 1) for j, u in enumerate(chosen))
        text = f"{i + 1}.推进第{i}项工作，加强监督管理。（" + "，".join(
            a.clause for a in assignments) + "）"
        out.append(Task(f"t{i}", None, f"{i // 10 + 1}/{i + 1}", str(i + 1), f"推进第{i}项工作",
                        text, i + 1, assignments=assignments))
    return Plan(source=Source("bench/large.txt", "txt"), title="大型计划", jurisdiction="某市",
                tasks=tuple(out))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tasks", type=int, default=300)
    parser.add_argument("--units", type=int, default=80)
    parser.add_argument("--browser", action="store_true")
    args = parser.parse_args()
    plan = large_plan(args.tasks, args.units)
    used = len({a.unit for t in plan.tasks for a in t.assignments})
    start = time.perf_counter()
    audit = run_audit([plan])
    audited = time.perf_counter()
    html = render_report([plan], audit)
    rendered = time.perf_counter()
    print(f"{args.tasks} tasks x {used} units: audit {audited - start:.2f} s, "
          f"render {rendered - audited:.2f} s, page {len(html.encode()) / 1e6:.2f} MB")
    if args.browser:
        browser_timings(html)


def browser_timings(html: str) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, sync_playwright() as p:
        path = Path(folder) / "report.html"
        path.write_text(html, encoding="utf-8")
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        page = browser.new_page()
        start = time.perf_counter()
        page.goto(path.as_uri())
        page.wait_for_load_state("load")
        loaded = time.perf_counter()
        took = page.evaluate("""() => new Promise(done => {
            const input = document.getElementById("mx-filter"), t0 = performance.now();
            input.value = "市第3局";
            input.dispatchEvent(new Event("input"));
            requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - t0)));
        })""")
        print(f"chromium: load {loaded - start:.2f} s, filter to the next painted frame "
              f"{took:.0f} ms ({page.locator('#mx-count').inner_text()} rows shown)")
        browser.close()


if __name__ == "__main__":
    main()
