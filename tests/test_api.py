"""The public API (``dutygraph.read``, ``audit``, ``compare``, ``frame``), and what importing
dutygraph and starting the command line cost."""
from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import dutygraph
from dutygraph.main import cli

ROOT = Path(__file__).parent.parent
PLANS_DIR = ROOT / "data" / "plans"
HUAIHUA_2021 = PLANS_DIR / "huaihua-2021-safety-key-points.txt"
HUAIHUA_2022 = PLANS_DIR / "huaihua-2022-safety-key-points.txt"
HEAVY = ("pandas", "matplotlib", "networkx", "openpyxl", "scipy", "docx", "pypdfium2", "bs4")


def python(code: str) -> str:
    """stdout of ``code`` in a fresh interpreter started in the checkout's folder."""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_the_readme_example_counts_roles_as_extract_csv_does():
    out = python("import dutygraph; p = dutygraph.read(['data/plans']); "
                 "print(dutygraph.frame(p).groupby('role').size())")
    printed = {line.split()[0]: int(line.split()[1]) for line in out.splitlines()[1:-1]
               if len(line.split()) == 2}
    rows = list(csv.DictReader(io.StringIO(CliRunner().invoke(
        cli, ["extract", str(PLANS_DIR), "--format", "csv", "--lang", "en"]).stdout)))
    counted = {r["role"]: sum(1 for x in rows if x["role"] == r["role"]) for r in rows if r["role"]}
    assert printed == counted and set(counted) == {"lead", "support", "implement", "supervise"}
    nobody = sum(1 for r in rows if not r["role"])  # the tasks nobody holds: empty role
    assert out.splitlines()[1].split() == [str(nobody)]


def test_frame_has_one_row_per_assignment_and_the_documented_columns():
    plans = dutygraph.read(PLANS_DIR)
    table = dutygraph.frame(plans)
    assert list(table.columns) == ["plan", "year", "jurisdiction", "label", "task", "unit",
                                   "role", "evidence", "line", "path", "task_id"]
    assert len(table) == sum(max(1, len(t.assignments)) for p in plans for t in p.tasks)
    row = table[(table.task_id == "T1") & (table.year == 2022)].iloc[0]
    plan = next(p for p in plans if p.year == 2022)
    first = plan.tasks[0].assignments[0]
    assert (row.plan, row.jurisdiction, row.unit, row.role, row.evidence, row.line) == \
        ("怀化市2022年（huaihua-2022-safety-key-points.txt）", "怀化市", first.unit, first.role,
         first.evidence, first.line)  # a plan without a title: named as the reports name it


def test_audit_takes_settings_by_name():
    plans = dutygraph.read([HUAIHUA_2022])
    result = dutygraph.audit(plans, weights={"lead": 2}, fence=3.0, scope="plan")
    assert (dict(result.settings.weights)["lead"], result.settings.fence,
            result.settings.scope) == (2.0, 3.0, "plan")
    default = dutygraph.audit(plans)
    assert result.loads[0].weighted > default.loads[0].weighted
    with pytest.raises(ValueError, match="unknown setting 'colour'"):
        dutygraph.audit(plans, colour=1)
    with pytest.raises(ValueError, match="unknown role 'boss'"):
        dutygraph.audit(plans, weights={"boss": 1})


def test_compare_gives_what_the_command_gives():
    from dutygraph.graph.compare import compare_to_dict

    old, new = dutygraph.read([HUAIHUA_2021, HUAIHUA_2022])
    result = dutygraph.compare(old, new)
    out = CliRunner().invoke(cli, ["compare", str(HUAIHUA_2021), str(HUAIHUA_2022),
                                   "--format", "json"]).stdout
    assert compare_to_dict(result) == json.loads(out)
    assert compare_to_dict(dutygraph.compare([old, new])) == json.loads(out)


def test_read_raises_the_first_bad_file_and_load_goes_on(tmp_path):
    from dutygraph.loaders import LoadError

    (tmp_path / "empty.txt").write_text("")
    with pytest.raises(LoadError, match="empty.txt: is empty"):
        dutygraph.read([HUAIHUA_2022, tmp_path / "empty.txt"])
    loaded = dutygraph.load([HUAIHUA_2022, tmp_path / "empty.txt"])
    assert (len(loaded.plans), len(loaded.failures), loaded.files) == (1, 1, 2)


def test_import_and_start_up_load_nothing_heavy():
    """``import dutygraph``, ``dutygraph --help`` and ``extract`` of one text plan import
    none of the heavy libraries (they are imported where used)."""
    check = f"import sys; print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    assert python("import dutygraph; " + check).strip() == "[]"
    for args in (["--help"], ["extract", str(HUAIHUA_2022)]):
        code = ("import sys\nfrom dutygraph.main import cli\ntry:\n"
                f"    cli({args!r})\nexcept SystemExit:\n    pass\n" + check)
        assert python(code).splitlines()[-1] == "[]", args


def test_the_version_is_said_once():
    from importlib.metadata import version

    out = CliRunner().invoke(cli, ["--version"]).stdout
    assert out == f"dutygraph, version {dutygraph.__version__}\n"
    assert version("dutygraph") == dutygraph.__version__
    assert "version = attr: dutygraph.__version__" in (ROOT / "setup.cfg").read_text()
