"""`dutygraph audit` through click: exit codes, messages, settings, outputs.

tests/data/audit/small-plan.txt (line numbers as in the file):
    L4 1. 市应急管理局 lead, 市公安局 support
    L5 2. 市公安局, 市交通运输局 lead (no division stated)
    L6 3. 市应急管理局 lead and support, 市工业和信息化局 support
    L7 4. nobody                          -> orphan "none"
    L9 5. 各有关部门 only                  -> orphan "diffuse"
"""
from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from dutygraph.main import cli

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

DATA = Path(__file__).parent / "data"
SMALL = str(DATA / "audit" / "small-plan.txt")


def run(*args, **kw):
    return CliRunner().invoke(cli, ["audit", *args], **kw)


def test_text_summary_names_findings_with_lines():
    result = run(SMALL)
    assert result.exit_code == 0, result.output
    assert "无人负责的任务（2）：" in result.stdout
    assert "[无任何单位]" in result.stdout and "[仅集合性单位]" in result.stdout
    result = run(SMALL, "--lang", "en")
    assert "orphan tasks (2):" in result.stdout
    assert "small-plan.txt:7" in result.stdout and "small-plan.txt:9" in result.stdout
    assert "[no unit]" in result.stdout and "[only collective units]" in result.stdout


def test_json_follows_the_contract_and_shows_effective_settings():
    result = run(SMALL, "--format", "json", "--weights", "lead=2", "--overload", "fence=3")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "dutygraph.audit/1"
    assert data["settings"]["weights"]["lead"] == 2.0 and data["settings"]["fence"] == 3.0
    loads = {x["unit"]["name"]: x for x in data["loads"]}
    assert loads["市应急管理局"]["lead"] == 2 and loads["市应急管理局"]["weighted"] == 4.0
    assert loads["市公安局"]["weighted"] == 2.5  # lead (2) on task 2 + support (0.5) on task 1
    assert {o["kind"]: o["task"]["line"] for o in data["orphans"]} == {"none": 7, "diffuse": 9}
    assert [(x["unit"]["name"], x["line"]) for x in data["lead_and_support"]] == [
        ("市应急管理局", 6)]
    assert [x["division"] for x in data["joint_leads"]] == ["unstated"]


def test_bad_weights_say_what_is_wrong_then_the_fix_works():
    result = run(SMALL, "--weights", "boss=1")
    assert result.exit_code == 2
    assert ("Invalid value for --weights: unknown role 'boss' "
            "(roles: lead, support, implement, supervise)") in result.stderr
    assert run(SMALL, "--weights", "lead=1").exit_code == 0


def test_fail_on_findings():
    assert run(SMALL, "--fail-on", "orphans").exit_code == 1
    assert run(SMALL, "--fail-on", "overloaded").exit_code == 0  # nobody on 3+ tasks
    result = run(SMALL, "--fail-on", "typos")
    assert result.exit_code == 2
    assert "unknown kind 'typos' (kinds: overloaded, orphans, overlaps, quality, any)" in result.stderr


def test_bad_file_is_reported_and_the_others_are_audited(tmp_path):
    missing = str(tmp_path / "missing.txt")
    result = run(missing, SMALL, "--format", "json")
    assert result.exit_code == 2
    assert f"error: {missing}: no such file" in result.stderr
    assert json.loads(result.stdout)["summary"]["plans"] == 1
    assert run(missing).exit_code == 2


def test_settings_file_in_the_working_folder(tmp_path, monkeypatch):
    runner = CliRunner()
    monkeypatch.chdir(tmp_path)
    Path("dutygraph.toml").write_text("[audit.overload]\nlead_share = 0.5\n", encoding="utf-8")
    result = runner.invoke(cli, ["audit", SMALL, "--format", "json", "--overload", "min_tasks=1"])
    settings = json.loads(result.stdout)["settings"]
    assert (settings["lead_share"], settings["min_tasks"]) == (0.5, 1)
    Path("dutygraph.toml").write_text("[audit]\nfenc = 2\n", encoding="utf-8")
    result = runner.invoke(cli, ["audit", SMALL])
    assert result.exit_code == 2
    assert "dutygraph.toml: unknown key 'fenc' in [audit]" in result.stderr


def test_output_file_and_graph_export(tmp_path):
    out, graph = tmp_path / "audit.json", tmp_path / "g.graphml"
    result = run(SMALL, "--format", "json", "-o", str(out), "--graph", str(graph))
    assert result.exit_code == 0 and result.stdout == ""
    assert json.loads(out.read_text(encoding="utf-8"))["schema"] == "dutygraph.audit/1"
    g = nx.read_graphml(graph)
    assert sum(1 for _, side in g.nodes(data="bipartite") if int(side) == 0) == 5
    result = run(SMALL, "--graph", str(tmp_path / "g.png"))
    assert result.exit_code == 2 and "must end in .graphml or .gexf" in result.stderr
