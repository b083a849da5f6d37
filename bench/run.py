"""The one benchmark: extraction, audit, comparison and report against their targets.

    python bench/run.py              # every row (a few minutes)
    python bench/run.py --quick      # smaller sizes, to check the script itself
    python bench/run.py --only dense,folder   # the rows of these measures

Each row runs in a fresh interpreter, so its peak memory (ru_maxrss) is its own and the
time excludes start-up (imports, the unit registry, one warm-up parse). The ``extract``
rows instead run the command as a user does (``dutygraph extract PLAN --format json >
out.json``): their time is the process's CPU time (user + system) and their MB/s is per CPU
second with the start-up (the same command on a three-line plan) subtracted. The generators
are the other bench scripts' (audit_bench.vary, compare_bench.make_plans,
report_bench.large_plan, extract_bench.repeated_plan). Not part of the test suite: the
figures depend on the machine.
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
    from dutygraph.data import SAMPLE_PLANS

    return [p.read_text(encoding="utf-8") for p in SAMPLE_PLANS]


def extract_samples(megabytes: float) -> dict:
    """Each sample plan parsed again and again until ``megabytes`` of text went through."""
    from dutygraph.loaders import read_document
    from dutygraph.loaders.stages.parse import parse_document
    from dutygraph.data import SAMPLE_PLANS

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


def extract_first(_: int) -> dict:
    """Each sample plan parsed once, after a warm-up on a plan of three lines: no text of
    theirs seen before, so nothing the stages cache by text helps (the rows that parse the
    samples again and again, or a plan repeating one, are helped by it)."""
    from dutygraph.loaders import read_document
    from dutygraph.loaders.stages.parse import parse_document
    from dutygraph.data import SAMPLE_PLANS

    docs = [read_document(p) for p in SAMPLE_PLANS]
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("某市安全生产工作要点\n一、重点任务\n1.开展检查。（牵头单位：市应急管理局）\n",
                        encoding="utf-8")
        parse_document(read_document(tiny))  # warm-up: registry, converters, regexes
    start = time.process_time()
    for doc in docs:
        parse_document(doc)
    seconds = time.process_time() - start
    size = sum(doc.size for doc in docs)
    return {"size": f"the {len(docs)} sample plans read once, {size / MB:.2f} MB",
            "seconds": seconds, "value": size / MB / seconds, "unit": "MB/s"}


def extract_large(megabytes: float) -> dict:
    """One generated plan of ``megabytes``: the sample plans one after the other, repeated."""
    from dutygraph.loaders import read_document
    from dutygraph.loaders.stages.parse import parse_document

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
    from dutygraph.data import SAMPLE_PLANS

    return SAMPLE_PLANS[0]


def audit(count: int) -> dict:
    import audit_bench

    result = audit_bench.run_once(count)
    return {"size": f"{count} plans, {result['tasks']} tasks",
            "seconds": sum(result["times"].values()), "value": None, "unit": ""}


def compare(tasks: int) -> dict:
    import compare_bench
    from dutygraph.graph.compare import compare_plans

    old, new = compare_bench.make_plans(tasks)
    start = time.perf_counter()
    compare_plans([old, new])
    return {"size": f"{tasks} x {tasks} tasks", "seconds": time.perf_counter() - start,
            "value": None, "unit": ""}


def report(tasks: int, units: int = 80) -> dict:
    import report_bench
    from dutygraph.graph.audit import run_audit
    from dutygraph.reports.html import render_report

    plan = report_bench.large_plan(tasks, units)
    start = time.perf_counter()
    html = render_report([plan], run_audit([plan]))
    return {"size": f"{tasks} tasks x {units} units, page {len(html.encode()) / MB:.1f} MB",
            "seconds": time.perf_counter() - start, "value": None, "unit": ""}


def report_cli(runs: int) -> dict:
    """``dutygraph report data/plans/ -o r.html`` as a user runs it: a whole process, its
    CPU time (user + sys, start-up and imports included), the median of ``runs`` after one
    run not counted (it compiles the page's templates into the user's cache folder, as any
    earlier report has), and the largest peak memory of the counted runs."""
    import statistics

    with tempfile.TemporaryDirectory() as folder:
        args = ("report", ROOT / "data" / "plans", "-o", Path(folder) / "r.html")
        _cli_cpu(*args)
        measured = [_cli_cpu(*args) for _ in range(runs)]
        size = (Path(folder) / "r.html").stat().st_size
    cpu = statistics.median(c for c, _ in measured)
    return {"size": f"report of the 5 sample plans, {size / MB:.2f} MB", "seconds": cpu,
            "value": cpu, "unit": "CPU s", "peak_mb": max(p for _, p in measured)}


def hostile_clause(spec: str) -> dict:
    """``dutygraph audit PLAN --format json`` as a whole process on a plan of one hostile
    line (issue 23): ``units:N``, one clause naming N units; ``brackets:N``, N opening
    brackets that never close. Wall time and the child's peak memory."""
    kind, n = spec.split(":")
    n = int(n)
    if kind == "units":
        line = "1.加强隐患排查。（" + "、".join(f"市第{i}局" for i in range(n)) + "牵头）"
    else:
        line = "1.加强隐患排查" + "（" * n + "市应急局牵头\n2.做好宣传工作。（市委宣传部负责）"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "hostile.txt"
        path.write_text("某市工作要点\n一、重点工作\n" + line + "\n", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", str(path),
                        "--format", "json"], check=True, capture_output=True)
        seconds = time.perf_counter() - start
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"size": f"one clause of {n} {kind}, audit as a process", "seconds": seconds,
            "value": None, "unit": "", "peak_mb": child}


def numbered_plan(lines: int) -> str:
    """A plan of ``lines`` short items numbered 1., 2., … (above 999 too), one a line."""
    units = ("市应急管理局", "市公安局", "市交通运输局", "市住房城乡建设局", "市消防救援支队")
    items = (f"{i}. 开展第{i}项安全生产检查。（牵头单位：{units[i % 5]}；配合单位："
             f"{units[(i + 1) % 5]}）" for i in range(1, lines - 1))
    return "某市安全生产工作要点\n一、重点任务\n" + "\n".join(items) + "\n"


def extract_lines(lines: int) -> dict:
    """One generated plan of ``lines`` numbered items: extraction should be linear."""
    from dutygraph.loaders import read_document
    from dutygraph.loaders.stages.parse import parse_document

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "long.txt"
        path.write_text(numbered_plan(lines), encoding="utf-8")
        parse_document(read_document(_first_sample()))  # warm-up
        start = time.perf_counter()
        plan = parse_document(read_document(path))
        seconds = time.perf_counter() - start
    return {"size": f"one plan of {lines} lines, {len(plan.tasks)} tasks", "seconds": seconds,
            "value": None, "unit": "", "complete": len(plan.tasks) == lines - 2}


def dense_plan(units: int) -> str:
    """One task naming ``units`` units (市甲乙局 …), and a few ordinary tasks."""
    import itertools

    chars = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海天地人和安平康宁春夏秋冬东南西北红黄蓝绿青白松柏竹梅兰菊江湖泉林"
    names = [f"市{a}{b}局" for a, b in itertools.islice(itertools.product(chars, repeat=2), units)]
    return ("某市2024年安全生产工作要点\n一、重点任务\n（一）开展安全生产大检查。（牵头单位：市应急管理局；"
            "配合单位：" + "、".join(names) + "）\n（二）加强宣传教育。（牵头单位：市应急管理局；配合单位："
            "市公安局）\n")


def dense(units: int) -> dict:
    """Read and audit one plan whose one task names ``units`` units."""
    from dutygraph.graph.audit import run_audit
    from dutygraph.loaders import load_plan

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dense.txt"
        path.write_text(dense_plan(units), encoding="utf-8")
        load_plan(_first_sample())  # warm-up
        start = time.perf_counter()
        audit = run_audit([load_plan(path)])
        seconds = time.perf_counter() - start
    c = audit.collaboration
    return {"size": f"one task of {units} units, {c.approximated} approximated", "seconds": seconds,
            "value": None, "unit": ""}


def dense_leads(units: int) -> dict:
    """Read and audit one plan whose one task is led by ``units`` units (the co-leading
    pairs must not be enumerated: issue 23)."""
    from dutygraph.graph.audit import run_audit
    from dutygraph.loaders import load_plan

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "dense-leads.txt"
        path.write_text(dense_plan(units).replace("牵头单位：市应急管理局；配合单位：", "牵头单位：", 1),
                        encoding="utf-8")
        load_plan(_first_sample())  # warm-up
        start = time.perf_counter()
        plan = load_plan(path)
        audit = run_audit([plan])
        seconds = time.perf_counter() - start
    leads = sum(1 for a in plan.tasks[0].assignments if a.role == "lead")
    return {"size": f"one task led by {leads} units, {audit.summary.colead_pairs} pairs",
            "seconds": seconds, "value": None, "unit": ""}


def _cli_cpu(*args, stdout=subprocess.DEVNULL) -> tuple[float, float]:
    """(CPU seconds, user + system, and peak RSS in MB) of ``dutygraph ARGS`` as a process.
    Python may write its bytecode, as an installed package has it (a shell that sets
    PYTHONDONTWRITEBYTECODE would have every run compile the modules again)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *map(str, args)],
                               stdout=stdout, stderr=subprocess.DEVNULL, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"dutygraph {' '.join(map(str, args))} exited {process.returncode}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def extract_e2e(spec: str) -> dict:
    """``dutygraph extract PLAN --format json > out.json`` as a whole process, PLAN a sample
    repeated to MB megabytes (``SAMPLE/MB``, ``extract_bench.repeated_plan``): megabytes of
    plan text per CPU second (user + system), the start-up (the same command on a plan of
    three lines) subtracted; each the median of three runs (a shared machine's CPU time
    varies by a third from one run to the next)."""
    import statistics

    import extract_bench

    sample, megabytes = spec.rsplit("/", 1)
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.txt"
        tiny.write_text("某市安全生产工作要点\n一、重点任务\n1.开展检查。（牵头单位：市应急管理局）\n",
                        encoding="utf-8")
        startup = statistics.median(_cli_cpu("extract", tiny, "--format", "json")[0]
                                    for _ in range(3))
        path = Path(folder) / sample
        path.write_text(extract_bench.repeated_plan(sample, float(megabytes)), encoding="utf-8")
        runs = []
        for _ in range(3):
            with open(Path(folder) / "out.json", "wb") as out:
                runs.append(_cli_cpu("extract", path, "--format", "json", stdout=out))
        cpu, peak = statistics.median(c for c, _ in runs), max(p for _, p in runs)
        tasks = len(json.loads((Path(folder) / "out.json").read_bytes())["tasks"])
        size = path.stat().st_size
    script = "traditional" if "huaihua" in sample else "simplified"
    return {"size": f"{sample.split('-')[0]} x{size / MB:.1f} MB ({script}), {tasks} tasks",
            "seconds": cpu, "value": size / MB / (cpu - startup), "unit": "MB/s",
            "peak_mb": peak, "startup": startup}


def folder(spec: str) -> dict:
    """A folder of PLANS copies of the sample plans read with --jobs JOBS (``PLANS/JOBS``),
    the workers' start-up included."""
    from dutygraph.loaders.parallel import load_many
    from dutygraph.data import SAMPLE_PLANS

    plans, jobs = (int(x) for x in spec.split("/"))
    with tempfile.TemporaryDirectory() as where:
        files = []
        for i in range(plans):
            source = SAMPLE_PLANS[i % len(SAMPLE_PLANS)]
            files.append(Path(where) / f"{i:05d}-{source.name}")
            files[-1].write_bytes(source.read_bytes())
        list(load_many(files[:1], jobs=1))  # warm-up: registry, regexes
        start = time.perf_counter()
        read = sum(len(r) for _, r in load_many(files, jobs=jobs) if isinstance(r, tuple))
        seconds = time.perf_counter() - start
    return {"size": f"{plans} plans, --jobs {jobs}: {read} read", "seconds": seconds,
            "value": None, "unit": ""}


def hostile(spec: str) -> dict:
    """A small hostile file (bench/hostile_bench.py): read or refused, fast."""
    import hostile_bench

    return hostile_bench.hostile(spec)


def startup(runs: int) -> dict:
    """``dutygraph --help`` as a whole process (main.py, as the console script runs it):
    the median wall time of ``runs`` runs, start-up and imports included."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "--help"], check=True,
                       capture_output=True)
        times.append(time.perf_counter() - start)
    times.sort()
    return {"size": f"dutygraph --help, median of {runs}", "seconds": times[len(times) // 2],
            "value": None, "unit": ""}


MEASURES = {"startup": startup, "extract_samples": extract_samples, "extract_first": extract_first,
            "extract_large": extract_large,
            "extract_e2e": extract_e2e, "extract_lines": extract_lines, "audit": audit,
            "dense": dense, "dense_leads": dense_leads, "folder": folder, "compare": compare,
            "report": report, "report_cli": report_cli, "hostile": hostile,
            "hostile_clause": hostile_clause}
SIZE = {"extract_samples": float, "extract_large": float, "folder": str, "hostile": str,
        "hostile_clause": str,
        "extract_e2e": str}  # else int
HUAIHUA, LIUPANSHUI = "huaihua-2022-safety-key-points.txt", "liupanshui-2020-rescue-action-plan.txt"


HOSTILE = [  # issue 23: small files that claimed minutes or gigabytes (bench/hostile_bench.py)
    ("audit", "hostile_clause", "units:20000", "< 10 s, < 1 GB",
     lambda r: r["seconds"] < 10 and r["peak_mb"] < 1024),
    ("audit", "hostile_clause", "brackets:32000", "< 10 s, < 1 GB",
     lambda r: r["seconds"] < 10 and r["peak_mb"] < 1024),
    ("reading", "hostile", "far:XFD1", "< 2 s, read", lambda r: r["seconds"] < 2 and "tasks" in r["outcome"]),
    ("reading", "hostile", "far:XFD1048576", "< 2 s, read",
     lambda r: r["seconds"] < 2 and "tasks" in r["outcome"]),
    ("reading", "hostile", "shared:100000", "< 2 s, refused, < 1 GB",
     lambda r: r["seconds"] < 2 and "refused" in r["outcome"] and r["peak_mb"] < 1024),
    ("reading", "hostile", "bomb:1200", "< 2 s, refused, < 1 GB",
     lambda r: r["seconds"] < 2 and "refused" in r["outcome"] and r["peak_mb"] < 1024),
]


def rows(quick: bool):
    """(label, measure, size, target text, check(result) -> bool)."""
    def mb_s(r):
        return r["value"] >= 1.0

    def mb_s_samples(r):  # the extraction issue's figure for the sample plans
        return r["value"] >= 1.5

    def mb_s_e2e(r):  # issue 21: the whole command, per CPU second, start-up subtracted
        return r["value"] >= 2.0

    def under(seconds, mem=None):
        return lambda r: r["seconds"] < seconds and (mem is None or r["peak_mb"] < mem)

    if quick:
        return [("start-up", "startup", 3, "< 0.3 s", under(0.3)),
                ("extraction", "extract_samples", 1, ">= 1.5 MB/s", mb_s_samples),
                ("extraction", "extract_first", 1, "-", lambda r: True),
                ("extraction", "extract_large", 2, ">= 1 MB/s", mb_s),
                ("extract", "extract_e2e", f"{HUAIHUA}/0.5", ">= 2 MB/s per CPU s", mb_s_e2e),
                ("extract", "extract_e2e", f"{LIUPANSHUI}/0.5", ">= 2 MB/s per CPU s", mb_s_e2e),
                ("extraction", "extract_lines", 1000, "every item a task", lambda r: r["complete"]),
                ("extraction", "extract_lines", 2000, "linear", lambda r: True),
                ("reading", "folder", "40/1", "-", lambda r: True),
                ("reading", "folder", "40/2", ">= 1.6x --jobs 1", lambda r: True),
                ("audit", "audit", 20, "-", lambda r: True),
                ("audit", "dense", 300, "< 10 s, < 1 GB", under(10, 1024)),
                ("audit", "dense_leads", 300, "< 10 s, < 1 GB", under(10, 1024)),
                ("compare", "compare", 100, "-", lambda r: True),
                ("report", "report", 60, "-", lambda r: True),
                ("report", "report_cli", 1, "< 2 CPU s, whole process", lambda r: r["value"] < 2),
                *HOSTILE]
    return [("start-up", "startup", 11, "< 0.3 s", under(0.3)),
            ("extraction", "extract_samples", 5, ">= 1.5 MB/s", mb_s_samples),
            ("extraction", "extract_first", 1, "-", lambda r: True),
            ("extraction", "extract_large", 20, ">= 1 MB/s", mb_s),
            ("extract", "extract_e2e", f"{HUAIHUA}/6", ">= 2 MB/s per CPU s", mb_s_e2e),
            ("extract", "extract_e2e", f"{LIUPANSHUI}/6", ">= 2 MB/s per CPU s", mb_s_e2e),
            ("extraction", "extract_lines", 10000, "every item a task", lambda r: r["complete"]),
            ("extraction", "extract_lines", 20000, "linear", lambda r: True),
            ("reading", "folder", "2000/1", "-", lambda r: True),
            ("reading", "folder", "2000/2", ">= 1.6x --jobs 1", lambda r: True),
            ("audit", "audit", 100, "about linear", lambda r: True),
            ("audit", "audit", 300, "about linear", lambda r: True),
            ("audit", "audit", 1000, "< 30 s, < 2 GB", under(30, 2048)),
            ("audit", "dense", 3000, "< 10 s, < 1 GB", under(10, 1024)),
            ("audit", "dense_leads", 3000, "< 10 s, < 1 GB", under(10, 1024)),
            ("compare", "compare", 500, "-", lambda r: True),
            ("compare", "compare", 2000, "< 10 s", under(10)),
            ("report", "report", 300, "< 5 s (smooth)", under(5)),
            ("report", "report_cli", 5, "< 2 CPU s, whole process", lambda r: r["value"] < 2),
            *HOSTILE]


def run_fresh(measure: str, size) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", measure, str(size)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--one", nargs=2, metavar=("MEASURE", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--quick", action="store_true", help="small sizes only")
    parser.add_argument("--only", metavar="MEASURE,…", help="only these measures ("
                        + ", ".join(MEASURES) + ")")
    args = parser.parse_args()
    if args.one:
        measure, size = args.one
        result = MEASURES[measure](SIZE.get(measure, int)(size))
        print(json.dumps({"peak_mb": peak_mb(), **result}))  # a measure may give its child's
        return
    header = (f"| {'what':<10} | {'size':<34} | {'time':>8} | {'result':>10} | {'peak RSS':>9} "
              f"| {'target':<36} | verdict |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    audit_times, line_times, folder_times = {}, {}, {}
    only = set(args.only.split(",")) if args.only else set(MEASURES)
    for label, measure, size, target, check in rows(args.quick):
        if measure not in only:
            continue
        r = run_fresh(measure, size)
        if measure == "extract_lines":  # x2 lines: about x2 time (at most x2.5)
            line_times[size] = r["seconds"]
            first = min(line_times)
            if size != first:
                ratio, k = r["seconds"] / line_times[first], size / first
                target = f"x{k:.0f} lines: x{ratio:.1f} time"
                check = (lambda ok: lambda r: ok and r["complete"])(ratio <= 1.25 * k)
        if measure == "folder":
            plans, jobs = size.split("/")
            folder_times[size] = r["seconds"]
            if jobs != "1" and f"{plans}/1" in folder_times:
                speedup = folder_times[f"{plans}/1"] / r["seconds"]
                target = f"{target}: x{speedup:.2f}"
                check = (lambda ok: lambda r: ok)(speedup >= 1.6)
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
