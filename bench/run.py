"""The one benchmark: extraction, audit, comparison and report against their targets.

    python bench/run.py              # every row (a few minutes)
    python bench/run.py --quick      # smaller sizes, to check the script itself

Each row runs in a fresh interpreter, so its peak memory (ru_maxrss) is its own and the
time excludes start-up (imports, the unit registry, one warm-up parse). The generators
are the other bench scripts' (audit_bench.vary, compare_bench.make_plans,
report_bench.large_plan). Not part of the test suite: the figures depend on the machine.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

MB = 1_000_000


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def sample_texts() -> list[str]:
    from data import SAMPLE_PLANS

    return [p.read_text(encoding="utf-8") for p in SAMPLE_PLANS]


def extract_samples(megabytes: float) -> dict:
    """Each sample plan parsed again and again until ``megabytes`` of text went through."""
    from loaders import read_document
    from loaders.parse import parse_document
    from data import SAMPLE_PLANS

    docs = [read_document(p) for p in SAMPLE_PLANS]
    parse_document(docs[0])  # warm-up: registry, converters, regexes
    done, start = 0, time.perf_counter()
    while done < megabytes * MB:
        for doc in docs:
            parse_document(doc)
            done += doc.size
    seconds = time.perf_counter() - start
    return {"size": f"{done / MB:.0f} MB of sample plans", "seconds": seconds,
            "value": done / MB / seconds, "unit": "MB/s"}


def extract_large(megabytes: float) -> dict:
    """One generated plan of ``megabytes``: the sample plans one after the other, repeated."""
    from loaders import read_document
    from loaders.parse import parse_document

    texts = sample_texts()
    body = "\n".join(texts)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.txt"
        path.write_text(body * int(megabytes * MB // len(body.encode()) + 1), encoding="utf-8")
        parse_document(read_document(_first_sample()))  # warm-up
        start = time.perf_counter()
        plan = parse_document(read_document(path))
        seconds = time.perf_counter() - start
        size = path.stat().st_size
    return {"size": f"one plan of {size / MB:.0f} MB, {len(plan.tasks)} tasks",
            "seconds": seconds, "value": size / MB / seconds, "unit": "MB/s"}


def _first_sample() -> Path:
    from data import SAMPLE_PLANS

    return SAMPLE_PLANS[0]


def audit(count: int) -> dict:
    import audit_bench

    result = audit_bench.run_once(count)
    return {"size": f"{count} plans, {result['tasks']} tasks",
            "seconds": sum(result["times"].values()), "value": None, "unit": ""}


def compare(tasks: int) -> dict:
    import compare_bench
    from graph.compare import compare_plans

    old, new = compare_bench.make_plans(tasks)
    start = time.perf_counter()
    compare_plans([old, new])
    return {"size": f"{tasks} x {tasks} tasks", "seconds": time.perf_counter() - start,
            "value": None, "unit": ""}


def report(tasks: int, units: int = 80) -> dict:
    import report_bench
    from graph.audit import run_audit
    from reports.html import render_report

    plan = report_bench.large_plan(tasks, units)
    start = time.perf_counter()
    html = render_report([plan], run_audit([plan]))
    return {"size": f"{tasks} tasks x {units} units, page {len(html.encode()) / MB:.1f} MB",
            "seconds": time.perf_counter() - start, "value": None, "unit": ""}


MEASURES = {"extract_samples": extract_samples, "extract_large": extract_large,
            "audit": audit, "compare": compare, "report": report}


def rows(quick: bool):
    """(label, measure, size, target text, check(result) -> bool)."""
    def mb_s(r):
        return r["value"] >= 1.0

    def under(seconds, mem=None):
        return lambda r: r["seconds"] < seconds and (mem is None or r["peak_mb"] < mem)

    if quick:
        return [("extraction", "extract_samples", 1, ">= 1 MB/s", mb_s),
                ("extraction", "extract_large", 2, ">= 1 MB/s", mb_s),
                ("audit", "audit", 20, "-", lambda r: True),
                ("compare", "compare", 100, "-", lambda r: True),
                ("report", "report", 60, "-", lambda r: True)]
    return [("extraction", "extract_samples", 5, ">= 1 MB/s", mb_s),
            ("extraction", "extract_large", 20, ">= 1 MB/s", mb_s),
            ("audit", "audit", 100, "about linear", lambda r: True),
            ("audit", "audit", 300, "about linear", lambda r: True),
            ("audit", "audit", 1000, "< 30 s, < 2 GB", under(30, 2048)),
            ("compare", "compare", 500, "-", lambda r: True),
            ("compare", "compare", 2000, "< 10 s", under(10)),
            ("report", "report", 300, "< 5 s (smooth)", under(5))]


def run_fresh(measure: str, size) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", measure, str(size)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=2, metavar=("MEASURE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    args = parser.parse_args()
    if args.one:
        measure, size = args.one
        result = MEASURES[measure](float(size) if measure.startswith("extract") else int(size))
        print(json.dumps({**result, "peak_mb": peak_mb()}))
        return
    header = (f"| {'what':<10} | {'size':<34} | {'time':>8} | {'result':>10} | {'peak RSS':>9} "
              f"| {'target':<36} | verdict |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    audit_times = {}
    for label, measure, size, target, check in rows(args.quick):
        r = run_fresh(measure, size)
        if measure == "audit":
            audit_times[size] = r["seconds"]
            first = min(audit_times)
            if size != first:  # about linear: time grows at most 1.5 times as fast as plans
                ratio, k = r["seconds"] / audit_times[first], size / first
                target = ("" if target == "about linear" else target + "; ") + \
                    f"x{k:.0f} plans: x{ratio:.1f} time"
                check = (lambda c, ok: lambda r: c(r) and ok)(check, ratio <= 1.5 * k)
        value = f"{r['value']:.2f} {r['unit']}" if r["value"] is not None else ""
        verdict = "PASS" if check(r) else "FAIL"
        print(f"| {label:<10} | {r['size']:<34} | {r['seconds']:>6.2f} s | {value:>10} | "
              f"{r['peak_mb']:>6.0f} MB | {target:<36} | {verdict:<7} |", flush=True)


if __name__ == "__main__":
    main()
