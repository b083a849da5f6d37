"""Benchmark of the workload audit: build_graph and every finding on 100, 300 and 1,000 plans.

The plans are copies of the sample plans (data/plans/) varied with ``dataclasses.replace``:
each copy gets its own path and sha256, a jurisdiction shared by five copies (a city's plans
over five years), and about one unit in ten renamed, so the graph grows as real collections
do. Each size runs in a fresh process so its peak memory (ru_maxrss) is its own.

    python bench/audit_bench.py              # 100, 300, 1000 plans
    python bench/audit_bench.py --plans 50   # one size

Targets: 1,000 plans in under 30 s and 2 GB, time growing about linearly.
"""
from __future__ import annotations

import argparse
import dataclasses
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = (100, 300, 1000)
STEPS = ("build_graph", "scopes", "orphans", "overlaps", "collaboration", "quality")


def sample_plans():
    from dutygraph.loaders import load_plan

    return [load_plan(p) for p in sorted((ROOT / "data" / "plans").iterdir())]


def vary(plan, index: int, rng: random.Random):
    """A copy of ``plan`` as if written by another jurisdiction or in another year."""

    def rename(a):
        if a.collective or rng.random() >= 0.1:
            return a
        return dataclasses.replace(a, unit=f"{a.unit}第{rng.randrange(3)}分局")

    tasks = tuple(dataclasses.replace(t, assignments=tuple(rename(a) for a in t.assignments))
                  for t in plan.tasks)
    source = dataclasses.replace(plan.source, path=f"gen/{index:05d}-{Path(plan.source.path).name}",
                                 sha256=f"{index:064x}")
    return dataclasses.replace(plan, source=source, tasks=tasks,
                               jurisdiction=f"{plan.jurisdiction or '某地'}{index // 5}")


def run_once(count: int) -> dict:
    from dutygraph.graph.build import build_graph
    from dutygraph.graph.collaboration import collaboration
    from dutygraph.graph.audit import scope_findings
    from dutygraph.graph.orphans import orphan_tasks
    from dutygraph.graph.overlaps import joint_leads, lead_and_support, similar_tasks
    from dutygraph.graph.quality import data_quality
    from dutygraph.graph.settings import AuditSettings

    base = sample_plans()
    rng = random.Random(7)
    plans = [vary(base[i % len(base)], i, rng) for i in range(count)]
    settings = AuditSettings()
    times = {}
    start = time.perf_counter()

    def lap(step):
        nonlocal start
        now = time.perf_counter()
        times[step] = now - start
        start = now

    graph = build_graph(plans, include_inline=settings.include_inline)
    lap("build_graph")
    scope_findings(graph, plans, settings)  # loads, peer groups, overload, co-leads per scope
    lap("scopes")
    orphan_tasks(graph)
    lap("orphans")
    lead_and_support(graph), joint_leads(graph)
    similar_tasks(graph, settings)
    lap("overlaps")
    collaboration(graph, settings)
    lap("collaboration")
    data_quality(graph, plans, settings)
    lap("quality")
    return {"plans": count, "tasks": sum(len(p.tasks) for p in plans),
            "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges(),
            "times": times, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, help="run one size in this process")
    args = parser.parse_args()
    if args.plans:
        r = run_once(args.plans)
        total = sum(r["times"].values())
        steps = "  ".join(f"{s} {r['times'][s]:.2f}" for s in STEPS)
        print(f"{r['plans']:>5} plans {r['tasks']:>6} tasks {r['nodes']:>6} nodes "
              f"{r['edges']:>7} edges  {total:6.2f} s  peak {r['peak_mb']:6.0f} MB  |  {steps}")
        return
    print("plans  tasks  nodes  edges  total time  peak memory (RSS)  |  seconds per step")
    totals = {}
    for count in SIZES:
        out = subprocess.run([sys.executable, __file__, "--plans", str(count)], check=True,
                             capture_output=True, text=True).stdout
        print(out, end="")
        totals[count] = float(out.split(" s ")[0].split()[-1])
    first = SIZES[0]
    for count in SIZES[1:]:
        print(f"{count}/{first} plans: x{count / first:.0f} plans, "
              f"x{totals[count] / totals[first]:.1f} time")


if __name__ == "__main__":
    main()
