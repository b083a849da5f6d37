"""Issue 14, point 4: the collaboration measures stay bounded on dense inputs.

One task naming 3,000 units would be a unit projection of 4.5 million links; a group of
units that dense is measured on the task-unit graph instead (exact partners, shared
tasks, degree and isolation; estimated betweenness and communities), and the output says so.
"""
from __future__ import annotations

import dataclasses
import itertools
import json
import subprocess
import sys
import textwrap
from pathlib import Path

from click.testing import CliRunner

from dutygraph.graph.audit import run_audit
from dutygraph.graph.settings import AuditSettings
from dutygraph.loaders import load_plan
from dutygraph.main import cli

ROOT = Path(__file__).parent.parent
CHARS = ("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土山川河海天地人和安平康宁"
         "春夏秋冬东南西北红黄蓝绿青白松柏竹梅兰菊江湖泉林")  # 60 x 60 names


def dense_plan(units: int) -> str:
    names = [f"市{a}{b}局" for a, b in itertools.islice(itertools.product(CHARS, repeat=2), units)]
    return ("某市2024年安全生产工作要点\n一、重点任务\n（一）开展安全生产大检查。（牵头单位：市应急管理局；"
            "配合单位：" + "、".join(names) + "）\n（二）加强宣传教育。（牵头单位：市应急管理局；配合单位："
            "市公安局）\n（三）强化执法检查。（牵头单位：市公安局、市甲甲局）\n（四）做好汛期防范。（牵头单位：市气象局）\n")


def test_one_task_of_3000_units_audited_with_its_pairs_approximated(tmp_path):
    # (its time and memory, < 10 s and < 1 GB, are a row of bench/run.py: not timed here)
    plan = tmp_path / "dense.txt"
    plan.write_text(dense_plan(3000), encoding="utf-8")
    script = textwrap.dedent(f"""
        import json, sys
        sys.path.insert(0, {str(ROOT)!r})
        from dutygraph.loaders import load_plan
        from dutygraph.graph.audit import run_audit, audit_to_dict
        audit = run_audit([load_plan({str(plan)!r})])
        c = audit_to_dict(audit)["collaboration"]
        print(json.dumps({{"units": c["units"], "links": c["links"],
                           "approximated": c["approximated"]}}))
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["units"] == 3003 and result["approximated"] == 3002  # 市气象局 alone: exact
    assert result["links"] == 3001 * 3000 // 2 + 2  # and 市公安局 with 市应急管理局, 市甲甲局


def test_dense_group_keeps_the_exact_measures_and_says_so(tmp_path):
    path = tmp_path / "dense.txt"
    path.write_text(dense_plan(40), encoding="utf-8")
    plan = load_plan(path)
    exact = run_audit([plan]).collaboration
    settings = AuditSettings(projection_max_links=100)
    audit = run_audit([plan], settings)
    approx = audit.collaboration
    assert exact.approximated == 0 and approx.approximated == 42  # 市气象局 alone stays exact
    assert (approx.units, approx.links, approx.components) == (exact.units, exact.links,
                                                              exact.components)
    assert approx.isolated == exact.isolated and len(approx.isolated) == 1

    def measures(c):
        return sorted((h.unit.node, h.partners, h.shared_tasks, round(h.degree, 9))
                      for h in c.hubs)

    assert measures(approx) == measures(exact)
    assert sorted(u for c in approx.communities for u in c) == \
        sorted(u for c in exact.communities for u in c)
    summary = CliRunner().invoke(cli, ["audit", str(path), "--lang", "en"])
    assert "approximate" not in summary.stdout
    (tmp_path / "dutygraph.toml").write_text("[audit]\nprojection_max_links = 100\n")
    for lang, says in (("en", "42 units in groups too dense"),
                       ("zh", "42 个单位同在任务极多的密集群组中")):
        with_toml = subprocess.run([sys.executable, str(ROOT / "main.py"), "audit", str(path),
                                    "--lang", lang], cwd=tmp_path, capture_output=True,
                                   text=True, timeout=60)
        assert says in with_toml.stdout
    report = subprocess.run([sys.executable, str(ROOT / "main.py"), "report", str(path), "-o",
                             "r.html"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert report.returncode == 0, report.stderr
    assert "42 个单位同在任务极多的密集群组中" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert dataclasses.asdict(approx)["approximated"] == 42
