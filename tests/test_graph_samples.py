"""The audit on the bundled sample plans: findings a reader can check in the text.

Expected facts come from the plans themselves (and agree with tests/data/gold): each test
finds the line by searching the file for the words the finding rests on.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from dutygraph.graph.audit import audit_to_dict, run_audit
from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders import load_plan
from dutygraph.loaders.units import Registry

ROOT = Path(__file__).parent.parent
PLANS = ROOT / "data" / "plans"
HUAIHUA_2021 = PLANS / "huaihua-2021-safety-key-points.txt"
HUAIHUA_2022 = PLANS / "huaihua-2022-safety-key-points.txt"
HONGJIANG = PLANS / "hongjiang-2021-2025-emergency-plan.txt"


def line_of(path: Path, words: str) -> int:
    """The 1-based line of the file holding ``words`` (which must occur once)."""
    lines = [n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if words in text]
    assert len(lines) == 1, (words, lines)
    return lines[0]


def canonical(names) -> set[str]:
    registry = Registry.default()
    return {registry.canonical(n) for n in names}


@pytest.fixture(scope="module")
def audits():
    return {path: run_audit([load_plan(path)]) for path in (HUAIHUA_2021, HUAIHUA_2022, HONGJIANG)}


def test_huaihua_2022_leads_listed_among_their_own_supporters(audits):
    # 四/11 (…市交通運輸局、市公安局交警支隊、市消防救援支隊等分工牽頭,市科技局、市公安局、
    # 市交通運輸局、市公安局交警支隊、市消防救援支隊等配合) and 五/17 (市住房城鄉建設局牽頭,…
    # 市住房城鄉建設局…配合)
    found = {}
    for x in audits[HUAIHUA_2022].lead_and_support:
        found.setdefault(x.task.line, set()).add(x.unit.name)
    line_11 = line_of(HUAIHUA_2022, "深入開展本質安全提升行動")
    line_17 = line_of(HUAIHUA_2022, "推進燃氣安全排查整治工作")
    assert canonical(found.get(line_11, ())) == canonical(
        ["市交通运输局", "市公安局交警支队", "市消防救援支队"])
    assert canonical(found.get(line_17, ())) == canonical(["市住房和城乡建设局"])


def test_huaihua_2021_lead_and_support_on_traffic_safety(audits):
    line = line_of(HUAIHUA_2021, "強化交通運輸安全整治")
    names = {x.unit.name for x in audits[HUAIHUA_2021].lead_and_support if x.task.line == line}
    assert canonical(names) >= canonical(["市住建局", "市商务局", "市应急管理局", "市市场监管局"])


def test_huaihua_2021_typo_flagged_beside_the_right_name(audits):
    [typo] = [q for q in audits[HUAIHUA_2021].quality if q.kind == "similar_names"
              and "市警支队" in q.units]
    assert canonical(typo.units) == canonical(["市警支队", "市交警支队"])
    assert typo.line == line_of(HUAIHUA_2021, "市警支隊")


def test_hongjiang_names_nobody_one_finding_not_69_orphans(audits):
    audit = audits[HONGJIANG]
    assert audit.summary.tasks >= 50  # gold: 81 of 93 name no unit
    assert audit.orphans == () and sum(n for _, n in audit.summary.orphans) == 0
    silent = [q for q in audit.quality if q.kind == "no_units"]
    assert [(q.path, dict(q.params)) for q in silent] == [
        (audit.plans[0].path, {"tasks": audit.summary.tasks})]


def test_one_city_over_two_years_shares_unit_nodes_but_not_loads():
    audit = run_audit([load_plan(HUAIHUA_2021), load_plan(HUAIHUA_2022)])
    emergency = [x for x in audit.loads if x.unit.name == "市应急管理局"]
    assert {x.unit.node for x in emergency} == {"怀化市/市应急管理局"}  # one node
    assert [x.scope for x in emergency] == ["怀化市/2021", "怀化市/2022"]  # a load a year
    single = {p: run_audit([load_plan(p)]) for p in (HUAIHUA_2021, HUAIHUA_2022)}
    assert [x.tasks for x in emergency] == [x.tasks for p in (HUAIHUA_2021, HUAIHUA_2022)
                                            for x in single[p].loads
                                            if x.unit.name == "市应急管理局"]


def test_audit_json_of_every_sample_is_deterministic():
    plans = [load_plan(p) for p in SAMPLE_PLANS]
    first = json.dumps(audit_to_dict(run_audit(plans)), ensure_ascii=False)
    again = json.dumps(audit_to_dict(run_audit([load_plan(p) for p in SAMPLE_PLANS])),
                       ensure_ascii=False)
    assert first == again
