"""Plans for the report tests, built from the model's dataclasses so the report can be
tested without the text parser; and the hostile strings the safety tests feed it."""
from __future__ import annotations

from pathlib import Path

from dutygraph.model import Assignment, Plan, Source, Task

HERE = Path(__file__).parent
REPORT_DATA = HERE / "data" / "report"
SAMPLE_PLANS = HERE.parent / "data" / "plans"

HOSTILE = (
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "javascript:alert(3)",
    "</style><script>alert(4)</script>",
    '"><svg onload=alert(5)>',
    "$x^2$ {{7*7}} &amp;",
)


def assign(unit, role, clause, line, collective=False, source="explicit"):
    return Assignment(unit=unit, mention=unit, role=role, collective=collective,
                      source=source, clause=clause, line=line)


def small_plan(path="tests/city.txt") -> Plan:
    """Five tasks: a lead with supporters, joint leads, a collective, a supervisor, an orphan.

    Matrix columns in order of first mention: 市应急管理局, 市财政局, 市住建局, 各有关部门,
    市交通运输局, 市公安局, 市安委办."""
    tasks = (
        Task("t1", None, "一/1", "1", "健全责任体系。", "1.健全责任体系。（市应急管理局牵头，市财政局配合）",
             3, assignments=(assign("市应急管理局", "lead", "市应急管理局牵头", 3),
                             assign("市财政局", "support", "市财政局配合", 3))),
        Task("t2", None, "一/2", "2", "排查隐患。", "2.排查隐患。（市应急管理局、市住建局分工负责）", 5,
             assignments=(assign("市应急管理局", "lead", "市应急管理局、市住建局分工负责", 5),
                          assign("市住建局", "lead", "市应急管理局、市住建局分工负责", 5))),
        Task("t3", None, "二/3", "3", "整治消防。", "3.整治消防。（各有关部门落实）", 9,
             assignments=(assign("各有关部门", "implement", "各有关部门落实", 9, True),)),
        Task("t4", None, "二/4", "4", "管好交通。",
             "4.管好交通。（市交通运输局牵头，市公安局配合，市安委办督促）", 11,
             assignments=(assign("市交通运输局", "lead", "市交通运输局牵头", 11),
                          assign("市公安局", "support", "市公安局配合", 11),
                          assign("市安委办", "supervise", "市安委办督促", 11),
                          assign("市应急管理局", "support", "市应急管理局", 11, source="inline"))),
        Task("t5", None, "二/5", "5", "宣传教育。", "5.宣传教育。", 13),
    )
    return Plan(source=Source(path, "txt"), title="某市安全生产工作要点", jurisdiction="某市",
                year=2023, tasks=tasks)


def hostile_plan(path="tests/hostile.txt") -> Plan:
    """Every text field the report shows carries markup, a script URL or a closing tag."""
    tasks = []
    for i, bad in enumerate(HOSTILE, 1):
        unit = f"市{bad}局"
        clause = f"{unit}牵头"
        tasks.append(Task(
            f"t{i}", None, f"{bad}/{i}", str(i), f"加强{bad}管理。",
            f"{i}.加强{bad}管理。（{clause}，市应急管理局配合）", i * 2,
            deadline=bad,
            assignments=(assign(unit, "lead", clause, i * 2),
                         assign("市应急管理局", "support", "市应急管理局配合", i * 2))))
    return Plan(source=Source(path, "txt"), title=f"某市{HOSTILE[0]}{HOSTILE[3]}工作要点",
                jurisdiction=f"某市{HOSTILE[1]}", year=2023, tasks=tuple(tasks))
