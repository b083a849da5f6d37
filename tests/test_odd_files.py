"""Issue 14, points 2, 5 and 7 (loaders): file names that are not UTF-8, UTF-16/32 text,
password-protected Office files. Each gets a result or one line naming the file.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders import LoadError, load_plan, read_document
from dutygraph.model import to_dict

pytestmark = pytest.mark.usefixtures("english_messages")  # they read the English messages

ROOT = Path(__file__).parent.parent
PLAN = next(p for p in SAMPLE_PLANS if p.name.startswith("huaihua-2022"))
TEXT = PLAN.read_text(encoding="utf-8")


def main_py(*args, cwd=None):
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True,
                          timeout=120, cwd=cwd)
    return done.returncode, done.stdout.decode(), done.stderr.decode()


def tasks_of(plan):
    return [(t.label, t.text, [(a.unit, a.role) for a in t.assignments]) for t in plan.tasks]


# --- point 2: a file name that is not UTF-8 -------------------------------------------------

def test_gbk_file_name_is_read_and_shown_escaped(tmp_path):
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "good.txt").write_text(TEXT, encoding="utf-8")
    odd = os.path.join(os.fsencode(folder), "安全".encode("gbk") + b".txt")
    Path(os.fsdecode(odd)).write_text(TEXT.replace("2022", "2023"), encoding="utf-8")  # not a copy
    empty = os.path.join(os.fsencode(folder), "空".encode("gbk") + b".txt")
    Path(os.fsdecode(empty)).write_bytes(b"")
    code, out, err = main_py("extract", "plans", "--format", "json", cwd=tmp_path)
    paths = [json.loads(line)["source"]["path"] for line in out.splitlines()]
    assert paths == ["plans/good.txt", "plans/\\xb0\\xb2\\xc8\\xab.txt"]
    assert err.splitlines() == ["1 of 3 files could not be read:",
                                "error: plans/\\xbf\\xd5.txt: is empty"]
    assert code == 2
    code, out, err = main_py("audit", "plans", "--format", "json", "-o", "a.json", cwd=tmp_path)
    audit = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert [p["path"] for p in audit["plans"]] == paths and "Traceback" not in err


# --- point 5: UTF-16 and UTF-32 ---------------------------------------------------------------

@pytest.mark.parametrize("encoding, data", [
    ("utf_16", TEXT.encode("utf-16")),  # Notepad's "Unicode": little-endian with a BOM
    ("utf_16", b"\xfe\xff" + TEXT.encode("utf-16-be")),
    ("utf_32", TEXT.encode("utf-32")),
], ids=["utf-16-le-bom", "utf-16-be-bom", "utf-32"])
def test_utf16_and_utf32_with_a_bom(tmp_path, encoding, data):
    path = tmp_path / "plan.txt"
    path.write_bytes(data)
    plan = load_plan(path)
    assert tasks_of(plan) == tasks_of(load_plan(PLAN)) and plan.source.encoding == encoding
    assert plan.source.size == len(data)


def test_utf16_without_bom_needs_encoding(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_bytes(TEXT.encode("utf-16-le"))
    with pytest.raises(LoadError, match="UTF-16 text without a byte-order mark; give "
                                        "--encoding utf-16-le"):
        read_document(path)
    assert tasks_of(load_plan(path, encoding="utf-16-le")) == tasks_of(load_plan(PLAN))
    assert tasks_of(load_plan(path, encoding="UTF16")) == tasks_of(load_plan(PLAN))
    code, out, err = main_py("extract", str(path), "--encoding", "utf-16-le", "--format", "json")
    assert code == 0 and json.loads(out)["source"]["encoding"] == "utf_16_le"
    csv = tmp_path / "tasks.csv"
    csv.write_bytes("任务,牵头单位\n加强安全生产检查,市应急管理局\n".encode("utf-16"))
    assert [(a.unit, a.role) for a in load_plan(csv).tasks[0].assignments] == \
        [("市应急管理局", "lead")]


def test_unknown_encoding_is_one_line(tmp_path):
    path = tmp_path / "plan.txt"
    path.write_text(TEXT, encoding="utf-8")
    code, out, err = main_py("extract", str(path), "--encoding", "utf-99")
    assert code == 2 and err.count("\n") == 1 and "--encoding utf-99" in err


# --- point 7: an encrypted workbook is not "an old-style .xls" --------------------------------

def test_password_protected_workbook(tmp_path):
    path = tmp_path / "plan.xlsx"
    # an OLE2 compound file holding an EncryptedPackage stream: how Office saves with a password
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "EncryptedPackage"
                     .encode("utf-16-le") + bytes(1024))
    with pytest.raises(LoadError, match="plan.xlsx: is protected by a password"):
        read_document(path)
    assert "old-style" not in str(pytest.raises(LoadError, load_plan, path).value)


def test_plan_json_of_utf16_file_is_the_utf8_one(tmp_path):
    path = tmp_path / PLAN.name
    path.write_bytes(TEXT.encode("utf-16"))
    wide, narrow = to_dict(load_plan(path)), to_dict(load_plan(PLAN))
    for d in (wide, narrow):
        d["source"] = {k: v for k, v in d["source"].items()
                       if k not in ("path", "encoding", "sha256", "size")}
    assert wide == narrow
