"""Small hostile files against the readers' budgets (issue 23): each must be read, or
refused in one line, within seconds and a bounded memory, whatever it claims to hold.

    python bench/run.py --only hostile

``far:XFD1048576`` a 5 KB workbook whose one extra cell sits in the sheet's far corner
(the sheet claims 17 billion cells; read, < 2 s); ``shared:100000`` 100,000 cells sharing
one 32,000-character string (refused at the text limit); ``bomb:1200`` a .docx whose XML
inflates to 1.2 GB (refused at the unzipped-size limit). Times are end to end: reading,
extraction and the one-line error, in one process after start-up.
"""
from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

HEADER = ["序号", "工作任务", "牵头单位", "配合单位"]
ROWS = [["1", "开展安全生产大检查", "市应急管理局", "市公安局"],
        ["2", "加强宣传教育", "市教育局", "市住建局"]]


def far_corner(path: Path, corner: str) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(HEADER)
    for row in ROWS:
        book.active.append(row)
    book.active[corner] = "备注"
    book.save(path)


def build(kind: str, size: str, path: Path) -> Path:
    from tests.format_builders import docx_bomb, xlsx_sheet

    if kind == "far":
        path = path.with_suffix(".xlsx")
        far_corner(path, size)
    elif kind == "shared":
        path = path.with_suffix(".xlsx")
        xlsx_sheet(path, [(f"A{i}", "<v>0</v>", "s") for i in range(1, int(size) + 1)],
                   shared=["安" * 32_000])
    elif kind == "bomb":
        path = path.with_suffix(".docx")
        docx_bomb(path, int(size))
    else:
        raise ValueError(f"no hostile file of kind {kind!r} (far, shared, bomb)")
    return path


def hostile(spec: str) -> dict:
    """Load one hostile file (``KIND:SIZE``); the time to a plan or to the one-line error."""
    from dutygraph.loaders import LoadError, load_plan
    from dutygraph.data import SAMPLE_PLANS

    kind, size = spec.split(":")
    with tempfile.TemporaryDirectory() as folder:
        path = build(kind, size, Path(folder) / "hostile")
        load_plan(SAMPLE_PLANS[0])  # warm-up: registry, converters
        start = time.perf_counter()
        try:
            plan = load_plan(path)
            outcome = f"{len(plan.tasks)} tasks"
        except LoadError as err:
            outcome = "refused" if "raise it" in err.problem else f"error: {err.problem}"
        seconds = time.perf_counter() - start
        file_kb = path.stat().st_size / 1000
    return {"size": f"{kind} {size} ({file_kb:,.0f} KB): {outcome}"[:40], "seconds": seconds,
            "value": None, "unit": "", "outcome": outcome}
