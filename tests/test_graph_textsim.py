"""graph.textsim: the cosines of few short texts computed without scipy are scipy's, bit for
bit, on the sample plans' pairs and on random texts (empty ones too); many texts go to
scipy."""
from __future__ import annotations

import itertools
import random
from pathlib import Path

import numpy as np
import pytest

from dutygraph.graph import compare_match as cm
from dutygraph.graph import textsim
from dutygraph.loaders import load_plan

SAMPLES = Path(__file__).parent.parent / "data" / "plans"


def both_ways(monkeypatch, fn, *args):
    """``fn(*args)`` through scipy, then through numpy alone."""
    monkeypatch.setattr(textsim, "SMALL_ENTRIES", 0)
    with_scipy = fn(*args)
    monkeypatch.setattr(textsim, "SMALL_ENTRIES", 10 ** 15)
    return with_scipy, fn(*args)


def assert_same_bits(a: np.ndarray, b: np.ndarray) -> None:
    assert a.shape == b.shape and a.dtype == b.dtype and a.tobytes() == b.tobytes()


@pytest.fixture(scope="module")
def samples():
    return [load_plan(p) for p in sorted(SAMPLES.glob("*.*")) if p.suffix in (".txt", ".md")]


def test_the_sample_pairs_get_scipys_numbers(monkeypatch, samples):
    for old, new in itertools.permutations(samples, 2):
        for side, ngram in ((cm._body, (1, 2)), (cm._title, (1, 2))):
            texts = [side(t) for t in old.tasks], [side(t) for t in new.tasks]
            assert_same_bits(*both_ways(monkeypatch, textsim.tfidf_cosine, *texts, ngram))
        paths = ([cm._heading_path(old, t) for t in old.tasks],
                 [cm._heading_path(new, t) for t in new.tasks])
        assert_same_bits(*both_ways(monkeypatch, textsim.tfidf_cosine, *paths, (2,)))
        pairs = [(i, j) for i in range(len(old.tasks)) for j in range(len(new.tasks))]
        assert_same_bits(*both_ways(monkeypatch, textsim.best_sentence_pairs,
                                    [cm._sentences(t) for t in old.tasks],
                                    [cm._sentences(t) for t in new.tasks], pairs))


def test_random_texts_get_scipys_numbers(monkeypatch):
    rng = random.Random(21)
    alphabet = "安全生产加强落实监管执法检查责任单位市县局委办牵头配合完成年底前的和、。ab1"

    def text():
        return "".join(rng.choice(alphabet) for _ in range(rng.choice((0, 1, 2, 7, 40, 300))))

    for _ in range(100):
        old = [text() for _ in range(rng.randint(1, 9))]
        new = [text() for _ in range(rng.randint(1, 9))]
        for ngram in ((1,), (2,), (1, 2)):
            assert_same_bits(*both_ways(monkeypatch, textsim.tfidf_cosine, old, new, ngram))


def test_many_texts_go_to_scipy():
    many = ["加强安全生产"] * 600
    assert textsim.small_cosines(many, many, (1,)) is None
    assert textsim.small_cosines(many[:3], many[:2], (1,)) is not None
