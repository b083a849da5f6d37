"""Time ``compare`` on large generated plans: N tasks a side, made by varying the sample
plans' tasks (sentences dropped, reordered and reworded, tasks shuffled), old → new.

    python bench/compare_bench.py            # 500 and 2,000 tasks a side
    python bench/compare_bench.py 5000
"""
from __future__ import annotations

import dataclasses
import random
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from dutygraph.graph.compare import compare_plans  # noqa: E402
from dutygraph.loaders import load_plan  # noqa: E402
from dutygraph.model import Plan, Source  # noqa: E402

SYNONYMS = [("加强", "强化"), ("开展", "推进"), ("深入", "持续"), ("落实", "压实"),
            ("健全", "完善"), ("严格", "从严"), ("提升", "提高")]


def sample_tasks():
    tasks = []
    for path in sorted((ROOT / "data" / "plans").glob("*")):
        tasks.extend(load_plan(path).tasks)
    return tasks


def vary(text: str, rng: random.Random) -> str:
    sentences = [s for s in re.split(r"(?<=。)", text) if s]
    if len(sentences) > 2 and rng.random() < 0.5:
        sentences.pop(rng.randrange(1, len(sentences)))
    if len(sentences) > 2 and rng.random() < 0.3:
        rng.shuffle(sentences)
    out = "".join(sentences)
    for a, b in rng.sample(SYNONYMS, 3):
        out = out.replace(a, b)
    return out


def make_plans(n: int, seed: int = 7):
    rng = random.Random(seed)
    base = sample_tasks()
    pool = [s for t in base for s in re.split(r"(?<=。)", t.text) if len(s) > 12]
    old, new = [], []
    for k in range(n):  # a sample task plus two sentences of others: each task unique
        t = base[k % len(base)]
        extra = "".join(rng.sample(pool, 2))
        old.append(dataclasses.replace(t, id=f"o{k}", text=vary(t.text, rng) + extra))
    for k in range(n):
        if rng.random() < 0.1:  # a new task: a sample task's text it was not made from
            t = base[rng.randrange(len(base))]
        else:
            t = dataclasses.replace(base[k % len(base)], text=old[k].text)
        new.append(dataclasses.replace(t, id=f"n{k}", text=vary(t.text, rng)))
    rng.shuffle(new)
    source = Source(path="generated", format="txt")
    return (Plan(source=source, year=2021, tasks=tuple(old)),
            Plan(source=dataclasses.replace(source, path="generated-next"), year=2022,
                 tasks=tuple(new)))


def main(sizes):
    for n in sizes:
        old, new = make_plans(n)
        start = time.perf_counter()
        result = compare_plans([old, new])
        seconds = time.perf_counter() - start
        step = result.steps[0]
        print(f"{n:>6} x {n:<6} tasks: {seconds:6.2f} s  pairs {len(step.pairs)}, "
              f"added {len(step.added)}, removed {len(step.removed)}")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [500, 2000])
