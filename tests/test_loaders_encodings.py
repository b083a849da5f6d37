"""The sample plans saved in GBK, GB18030 and Big5 extract exactly as in UTF-8.

A character the target encoding lacks (a no-break space in GBK, 墻 in Big5) cannot be
saved in it, so both the UTF-8 and the re-encoded file are made from the same text with
those characters replaced: the test is about decoding, not about what an encoding holds.
Big5 only for the plans in traditional script (the others are first converted, s2t).
"""
from __future__ import annotations


import pytest

from dutygraph.data import SAMPLE_PLANS
from dutygraph.loaders import load_plan, read_document
from dutygraph.loaders.readers.document import detect_script
from dutygraph.model import to_dict

PLANS = list(SAMPLE_PLANS)
CASES = [(p, enc) for p in PLANS for enc in ("gbk", "gb18030", "big5")]


def savable(text: str, encoding: str) -> str:
    return text.encode(encoding, errors="replace").decode(encoding)


def comparable(plan) -> dict:
    """The plan without what legitimately differs between two files: their bytes."""
    data = to_dict(plan)
    data["source"] = {k: v for k, v in data["source"].items()
                      if k not in ("path", "encoding", "sha256", "size")}
    return data


@pytest.mark.parametrize("plan, encoding", CASES,
                         ids=[f"{p.stem.split('-')[0]}-{e}" for p, e in CASES])
def test_reencoded_plan_extracts_identically(plan, encoding, tmp_path):
    text = plan.read_text(encoding="utf-8")
    if encoding == "big5" and detect_script(text) != "traditional":
        import opencc

        text = opencc.OpenCC("s2t").convert(text)
    text = savable(text, encoding)
    reference = tmp_path / f"utf8{plan.suffix}"
    reference.write_text(text, encoding="utf-8")
    encoded = tmp_path / f"{encoding}{plan.suffix}"
    encoded.write_bytes(text.encode(encoding))
    doc = read_document(encoded)
    assert doc.encoding in ({"big5"} if encoding == "big5" else {"gb18030", "gbk"})
    assert doc.lines == read_document(reference).lines
    assert comparable(load_plan(encoded)) == comparable(load_plan(reference))
