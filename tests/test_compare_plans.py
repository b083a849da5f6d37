"""compare on real plan files: the Huaihua gold mapping, and a hand-written pair."""
import json
from pathlib import Path

from dutygraph.graph.compare import compare_plans, compare_to_dict
from dutygraph.loaders import load_plan
from tests.compare_helpers import score_pairs

HERE = Path(__file__).parent
ROOT = HERE.parent
GOLD = HERE / "data" / "gold" / "yoy"
SEEDS = {"000_2d6bffdc7a5e4c0d.txt": ROOT / "data" / "plans" / "huaihua-2021-safety-key-points.txt",
         "001_f46a64b32dfdb5b4.txt": ROOT / "data" / "plans" / "huaihua-2022-safety-key-points.txt"}
PAIR = HERE / "data" / "compare"


def test_gold_mapping_pair_precision_and_recall():
    files = sorted(GOLD.glob("*.json"))
    assert files, f"no gold mapping in {GOLD}"
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        plans = [load_plan(SEEDS[gold["old"]]), load_plan(SEEDS[gold["new"]])]
        precision, recall = score_pairs(gold, compare_to_dict(compare_plans(plans)))
        assert precision >= 0.95 and recall >= 0.95, (path.name, precision, recall)


def test_hand_written_pair_kinds_renames_and_units():
    old = load_plan(PAIR / "city-2017-work-plan.txt")
    new = load_plan(PAIR / "city-2018-work-plan.txt")
    assert (len(old.tasks), len(new.tasks)) == (7, 7)
    result = compare_plans([old, new])
    (step,) = result.steps
    number = {t.id: t.number.strip(".、") for t in old.tasks + new.tasks}
    pairs = sorted((number[p.old.id], number[p.new.id], p.kind) for p in step.pairs)
    assert pairs == [
        ("1", "3", "reworded"),  # renumbered and reworded
        ("2", "4", "same"),      # renumbered, same words, 安监局 → 应急管理局
        ("3", "5", "merged"),    # road traffic + school traffic → one task
        ("4", "5", "merged"),
        ("5", "6", "split"),     # gas + fire → two tasks
        ("5", "7", "split"),
        ("6", "2", "same"),      # moved to the first section, 国土局 → 自然资源局
    ]
    assert [number[t.id] for t in step.added] == ["1"]
    assert [number[t.id] for t in step.removed] == ["7"]
    renames = {(r.old, r.new) for r in step.renames}
    assert {("市安全生产监督管理局", "市应急管理局"), ("市工商局", "市市场监督管理局"),
            ("市国土局", "市自然资源局")} <= renames
    by_new = {number[p.new.id]: p for p in step.pairs}
    assert by_new["4"].units_added == () and by_new["4"].units_removed == ()
    assert not by_new["4"].lead_changed
    assert by_new["7"].lead_changed and by_new["7"].leads_new == ("市消防救援支队",)
    assert step.units_removed == ("市农机局",) and step.units_added == ("市司法局",)
    loads = {u.unit: u for u in result.loads}
    assert loads["市应急管理局"].leads == (2, 3)


CORPUS = HERE / "data" / "corpus"


def test_corpus_pairs_precision_and_recall():
    """The two real pairs of the corpus: Xuchang 2020 → 2023 (no task carried over) and
    Wuhu 2021 → 2025 (two targets reworded)."""
    files = sorted((CORPUS / "gold" / "yoy").glob("*.json"))
    assert len(files) == 2, f"gold mappings missing in {CORPUS / 'gold' / 'yoy'}"
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        plans = [load_plan(CORPUS / "docs" / gold["old"]), load_plan(CORPUS / "docs" / gold["new"])]
        data = compare_to_dict(compare_plans(plans))
        if not gold["pairs"]:
            assert data["pairs"] == [], path.name
            # b_06 reads as 东城区 (from its addressees), so the plans look unrelated; the
            # matcher itself finds nothing carried over either
            forced = compare_to_dict(compare_plans(plans, force=True))
            assert forced["pairs"] == [], path.name
            continue
        precision, recall = score_pairs(gold, data)
        assert precision >= 0.95 and recall >= 0.95, (path.name, precision, recall)
