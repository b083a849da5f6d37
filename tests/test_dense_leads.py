"""Issue 23: co-leading pairs stay linear. One task led by 3,000 units forms no pair worth
reporting (each unit leads one task), so no pair is formed; where thousands of units do
lead the same tasks, the pairs are counted with a sparse product and the most shared
listed, the summary counting them all."""
from __future__ import annotations

import dataclasses
import itertools
import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from dutygraph.graph import overlaps
from dutygraph.graph.audit import audit_graph, run_audit
from dutygraph.graph.overlaps import colead_pairs, count_colead_pairs
from dutygraph.graph.settings import AuditSettings
from dutygraph.model import Assignment, Plan, Source, Task

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
CHARS = ("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海天地人和安平康宁"
         "春夏秋冬东南西北红黄蓝绿青白松柏竹梅兰菊江湖泉林")  # 60 x 60 names
NAMES = [f"市{a}{b}局" for a, b in itertools.product(CHARS, repeat=2)]


def plan_of(leads_per_task: list[list[str]]) -> Plan:
    tasks = tuple(
        Task(f"t{i}", None, str(i), str(i), f"任务{i}。", f"{i}.任务{i}。", i + 2,
             assignments=tuple(Assignment(u, u, "lead", clause="牵头单位：…", line=i + 2)
                               for u in units))
        for i, units in enumerate(leads_per_task, 1))
    return Plan(source=Source("dense.txt", "txt"), title="某市2024年安全生产工作要点",
                jurisdiction="某市", year=2024, tasks=tasks)


def test_one_task_led_by_3000_units_forms_no_pair(monkeypatch):
    plan = plan_of([NAMES[:3000], NAMES[:2]])
    graph = audit_graph([plan])
    monkeypatch.setattr(overlaps, "combinations", None)  # enumerating would fail here
    assert count_colead_pairs(graph) == ((), 0)


def test_counted_pairs_are_the_enumerated_ones(monkeypatch):
    """A plan whose co-leads cross: the sparse count lists the same pairs as enumeration."""
    leads = [NAMES[i:i + 6] for i in range(0, 30, 2)] + [NAMES[:4]] * 3 + [NAMES[40:45]] * 2
    graph = audit_graph([plan_of(leads)])
    for minimum in (1, 2, 3):
        settings = dataclasses.replace(AuditSettings(), colead_min=minimum)
        enumerated = count_colead_pairs(graph, settings)
        monkeypatch.setattr(overlaps, "PAIRS_ENUMERATED", 0)
        monkeypatch.setattr(overlaps, "BLOCK_ENTRIES", 7)  # several blocks
        assert count_colead_pairs(graph, settings) == enumerated
        monkeypatch.undo()
        assert enumerated[1] == len(enumerated[0]) > 0
    # 市甲丙局 and 市甲丁局 (the 3rd and 4th names) lead two of the windows and 市甲甲局…市甲丁局
    # three times: five tasks; then the pairs of four, by node id
    assert [(p.first.name, p.second.name, p.count) for p in colead_pairs(graph)][:3] == [
        ("市甲丁局", "市甲丙局", 5), ("市甲丁局", "市甲乙局", 4), ("市甲丁局", "市甲甲局", 4)]


def test_past_the_bound_the_most_shared_are_listed_and_all_counted(monkeypatch):
    monkeypatch.setattr(overlaps, "PAIRS_LISTED", 5)
    monkeypatch.setattr(overlaps, "PAIRS_ENUMERATED", 10)
    plan = plan_of([NAMES[:100]] * 3 + [NAMES[:3]])  # 4,950 pairs on 3 tasks, 3 on a 4th
    audit = run_audit([plan])
    assert audit.summary.colead_pairs == 4950
    assert [p.count for p in audit.colead_pairs] == [4, 4, 4, 3, 3]
    assert [len(p.tasks) for p in audit.colead_pairs] == [4, 4, 4, 3, 3]


@pytest.mark.slow
def test_audit_of_a_task_led_by_3000_units_is_bounded(tmp_path):
    """End to end, read and audited in a process of its own (its time and memory, < 10 s and
    < 1 GB, are a row of bench/run.py, not a timed test)."""
    path = tmp_path / "dense-leads.txt"
    path.write_text("某市2024年安全生产工作要点\n一、重点任务\n（一）开展安全生产大检查。（牵头单位："
                    + "、".join(NAMES[:3000]) + "）\n（二）加强宣传教育。（牵头单位：市应急管理局）\n",
                    encoding="utf-8")
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(ROOT.parent)!r})
        from dutygraph.loaders import load_plan
        from dutygraph.graph.audit import run_audit
        audit = run_audit([load_plan({str(path)!r})])
        print(json.dumps({{"leads": sum(1 for x in audit.loads if x.lead),
                           "pairs": audit.summary.colead_pairs}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["leads"] == 3001 and result["pairs"] == 0
