"""The dutygraph.plan/1 JSON is written straight from the model (orjson, then json's
one-space indentation): byte for byte what ``json.dumps(to_dict(plan), ensure_ascii=False,
indent=1)`` gave, checked against a golden file and against json itself."""
from __future__ import annotations

import dataclasses
import json
import os

import pytest
from click.testing import CliRunner

from dutygraph.loaders import load_plan
from dutygraph.main import cli
from dutygraph.model import (Assignment, Due, Finding, Member, Plan, Region, Section, Source,
                             Task, Unit, plan_json, to_dict)
from report_plans import HERE, HOSTILE, SAMPLE_PLANS

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

GOLDEN = HERE / "data" / "json" / "every-field-plan.json"
REGEN = os.environ.get("DUTYGRAPH_REGEN_GOLDEN") == "1"
SAMPLES = sorted(p for p in SAMPLE_PLANS.iterdir() if p.name != "README.md")
AWKWARD = ('引号"与\\反斜杠', "换行\n回车\r制表\t", "\x00\x01\x1f\x7f", "\u2028\u2029\ufeff",
           "😀 é 中", "</script>", "", " 前后空格 ")


def every_field_plan() -> Plan:
    """A plan that fills every field of the model, strings as awkward as JSON gets."""
    def assignment(i, role):
        return Assignment(unit=f"市{i}局", mention=AWKWARD[i % len(AWKWARD)], role=role,
                          collective=bool(i % 2), source="explicit", clause=AWKWARD[i],
                          line=i, exhaustive=not i % 3, evidence="paren")
    tasks = tuple(
        Task(id=f"t{i}", section="s1" if i else None, label=f"一/{i}", number=str(i),
             title=AWKWARD[i], text=AWKWARD[i] * 3, line=i + 2, end_line=i + 3,
             deadline=None if i % 2 else "2022年底前",
             assignments=tuple(assignment(i, r) for r in ("lead", "support")[: i % 3]),
             leaders=(AWKWARD[i],) if i % 2 else (),
             due=Due("period", start="2022-10-01", end="2022-12-31") if i == 1 else
             Due("date", date="2022-12-31") if i == 2 else None)
        for i in range(len(AWKWARD)))
    return Plan(
        source=Source("plans/某市.txt", "txt", "gb18030", "traditional", "ab" * 32, 1234),
        title=HOSTILE[0], jurisdiction="某市", year=2022, issuer="某市安委会",
        document_number="某安〔2022〕1号", publish_date="2022-03-01",
        sections=(Section("s1", "一、", "重点任务", None, 2, 1),),
        tasks=tasks,
        units=(Unit("市应急管理局", ("市应急局", "应急局"), "市"), Unit("各有关部门", (), "", True)),
        standing=(assignment(1, "implement"),),
        warnings=(Finding("garbled", 7, "garbled characters", "??"),),
        coverage=(Region(1, 1, "heading", 9), Region(40, 44, "furniture")),
        aliases=(("市应急管理局", "市应急局"), ()),
        roster=(Member("组长", "张三", "市人民政府", "市长", 3),))


def reference(plan: Plan, indent=1) -> bytes:
    return json.dumps(to_dict(plan), ensure_ascii=False, indent=indent).encode("utf-8")


def test_every_field_plan_matches_the_golden_file():
    text = plan_json(every_field_plan())
    if REGEN:
        GOLDEN.write_bytes(text)
    assert GOLDEN.exists(), f"golden file {GOLDEN} is missing; run with DUTYGRAPH_REGEN_GOLDEN=1"
    assert text == GOLDEN.read_bytes()
    assert text == reference(every_field_plan())  # the golden file is json's own output
    assert json.loads(text)["tasks"][2]["title"] == AWKWARD[2]


def test_a_string_with_spaces_running_keeps_them():
    plan = dataclasses.replace(every_field_plan(), title="两个  空格，三个   空格 ")
    text = plan_json(plan)
    assert text == reference(plan) and "两个  空格，三个   空格 " in text.decode()


def test_a_large_plan_reindented_level_by_level_is_jsons_own_output():
    plan = dataclasses.replace(every_field_plan(), title="两个  空格")  # level by level
    large = dataclasses.replace(plan, tasks=plan.tasks * 600)  # over a megabyte
    text = plan_json(large)
    assert len(text) > 4 * 2 ** 18 and text == reference(large)


def test_one_line_form_is_json_dumps_default():
    plan = every_field_plan()
    assert plan_json(plan, indent=False) == reference(plan, indent=None)
    assert b"\n" not in plan_json(plan, indent=False)


def test_what_orjson_refuses_takes_the_slow_path_with_the_same_bytes():
    lone = dataclasses.replace(every_field_plan(), title="\udcb0")  # a lone surrogate
    with pytest.raises(UnicodeEncodeError):  # as json's output could not be written either
        plan_json(lone)
    huge = dataclasses.replace(every_field_plan(), year=10 ** 30)  # past 64 bits
    assert plan_json(huge) == reference(huge)
    assert plan_json(huge, indent=False) == reference(huge, indent=None)


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_extract_json_of_each_sample_plan_is_jsons_own_output(path):
    result = CliRunner().invoke(cli, ["extract", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == reference(load_plan(path)) + b"\n"


def test_extract_json_of_several_plans_is_one_object_a_line():
    result = CliRunner().invoke(cli, ["extract", *map(str, SAMPLES[:2]), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == b"".join(reference(load_plan(p), indent=None) + b"\n"
                                           for p in SAMPLES[:2])
