"""Issue 14, point 8: the install adds one package, ``dutygraph``, to site-packages.

The wheel is built from a copy of the checkout (no network: the build backend of this
environment) and its file list read; ``python -m dutygraph`` and ``python main.py`` (the
scoring command's form) both run.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.slow
def test_the_wheel_holds_only_the_dutygraph_package(tmp_path):
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(
        ".git", "tests", "bench", "build", "dist", "*.egg-info", "__pycache__", ".*cache",
        ".venv", ".hypothesis"))  # what other test processes may be writing meanwhile
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps",
                           "--no-build-isolation", "--no-index", "-q", "-w", str(tmp_path / "w"),
                           str(source)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    wheel = next((tmp_path / "w").glob("*.whl"))
    names = zipfile.ZipFile(wheel).namelist()
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"dutygraph"}, top
    assert wheel.name.startswith("dutygraph-0.1.0-")  # the version from dutygraph.__version__
    for module in ("main.py", "cli_support.py", "cli_options.py", "cli_words.py", "api.py",
                   "archive.py", "sheet_text.py", "model.py", "__main__.py", "loaders/__init__.py",
                   "graph/audit.py", "reports/templates/report.html.j2",
                   "data/registry/aliases.tsv"):
        assert f"dutygraph/{module}" in names, module
    assert not [n for n in names if n.startswith(("dutygraph/tests/", "dutygraph/bench/"))]
    entry = next(n for n in names if n.endswith("entry_points.txt"))
    assert "dutygraph = dutygraph.main:cli" in zipfile.ZipFile(wheel).read(entry).decode()
    # installed from the wheel (not the checkout), the README's main job runs
    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    report = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "dutygraph", "report", "-o", str(report),
                           str(target / "dutygraph" / "data" / "plans")], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300,
                          env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert "dutygraph/loaders" not in done.stderr and report.stat().st_size > 100_000


def test_python_m_dutygraph_and_main_py_from_the_root():
    for command in ([sys.executable, "-m", "dutygraph", "--version"],
                    [sys.executable, "main.py", "--version"]):
        done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert done.returncode == 0 and "dutygraph" in done.stdout, done.stderr
    plan = ROOT / "data" / "plans" / "huaihua-2022-safety-key-points.txt"
    done = subprocess.run([sys.executable, "main.py", "extract", str(plan), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and '"schema": "dutygraph.plan/1"' in done.stdout
