"""Character n-gram TF-IDF and cosine similarity for matching tasks across plans.

Pure numpy/scipy (no scikit-learn). Chinese plans reword a task between years but keep
most of its characters, so single characters (n = 1) with IDF weights already separate
carried-over tasks from unrelated ones; what stands out is not the raw cosine (every
safety task shares 安全生产, 加强, 落实…) but how far a pair rises above the background
similarity of its two tasks, which ``distinctiveness`` measures. scipy is imported on
first use (about 0.3 s), so an audit or report with no two years of one place never
imports it; and the plans of two years (a few hundred texts a side) are compared with
numpy alone, to the same bits (``small_cosines``).
"""
from __future__ import annotations

import re

import numpy as np

from dutygraph.loaders.readers.document import to_simplified

_NUMBER = re.compile(r"^\s*(第[一二三四五六七八九十百]+[章节条]|[（(]?[0-9０-９一二三四五六七八九十百]+"
                     r"[)）.．、]|[一二三四五六七八九十]是)\s*")
_CLAUSE_WORDS = ("牵头|负责|配合|落实|参与|协助|督促|督导|责任单位|"  # who
                 "完成|年底|月底|季度|年内|长期|持续|前")  # by when: deadlines change yearly
_TRAILING_CLAUSE = re.compile(r"[（(][^（）()]*(" + _CLAUSE_WORDS + r")[^（）()]*[)）][。.；;]?\s*$")
_NOT_WORD = re.compile(r"[\W_]+")
_SENTENCE_END = re.compile(r"[。；;！？!?]")
_PAREN = re.compile(r"[（(][^（）()]*[)）]")
MIN_SENTENCE = 6  # characters; shorter pieces (条款编号, 等) say nothing on their own


def task_body(text: str, clauses=()) -> str:
    """The words of a task that say what is to be done: simplified script, no number,
    no assignment clause (units are compared separately, through the registry), no
    trailing deadline, no punctuation or spaces."""
    body = text
    for clause in clauses:
        if clause and len(clause) >= 4:
            body = body.replace(clause, "")
    body = to_simplified(body)
    body = _NUMBER.sub("", body, count=1).rstrip()
    for _ in range(2):  # a task may end in two parentheticals: units, then a deadline
        body = _TRAILING_CLAUSE.sub("", body)
    return _NOT_WORD.sub("", body)


def task_sentences(text: str, clauses=()) -> tuple[str, ...]:
    """The sentences of a task that say what is done, cleaned as ``task_body`` cleans the
    whole (clauses and bracketed asides out, simplified, no punctuation); a merge or a
    split keeps whole sentences of its old tasks, which the whole text's cosine dilutes."""
    body = to_simplified(text)
    for clause in clauses:
        if clause and len(clause) >= 4:
            body = body.replace(to_simplified(clause), "")
    body = _PAREN.sub("", body)
    pieces = (_NOT_WORD.sub("", s) for s in _SENTENCE_END.split(body))
    return tuple(s for s in pieces if len(s) >= MIN_SENTENCE)


def words(text: str) -> tuple[str, ...]:
    """The text cut into words (jieba, its own dictionary; loaded on first use, about a
    second). Every character stays: ``"".join(words(t)) == t``."""
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    return tuple(jieba.lcut(text or "", HMM=True))


def plain_text(text: str) -> str:
    """Simplified script without punctuation or spaces (titles, heading paths)."""
    return _NOT_WORD.sub("", to_simplified(text or ""))


def ngram_counts(texts, ngram=(1,)):
    """Sparse document × n-gram count matrix over the given n-gram sizes."""
    from scipy import sparse  # imported when plans are compared, not for every audit

    indptr, indices, counts, size = _ngram_rows(texts, ngram)
    return sparse.csr_matrix((counts, indices, indptr), shape=(len(texts), size))


def tfidf_vectors(texts, ngram=(1,)):
    """Rows of unit length: sublinear TF-IDF of the texts' n-grams, IDF over the texts."""
    from scipy import sparse

    counts = ngram_counts(list(texts), ngram)
    df = np.asarray((counts > 0).sum(axis=0)).ravel()
    idf = np.log((1 + counts.shape[0]) / (1 + df)) + 1.0
    tf = counts.copy()
    tf.data = 1.0 + np.log(tf.data)
    weighted = tf.multiply(idf[np.newaxis, :]).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return (sparse.diags(1.0 / norms) @ weighted).tocsr()


def tfidf_cosine(old_texts, new_texts, ngram=(1,)) -> np.ndarray:
    """Cosine similarity (old × new) of sublinear TF-IDF vectors, IDF over both plans."""
    if not old_texts or not new_texts:
        return np.zeros((len(old_texts), len(new_texts)))
    small = small_cosines(list(old_texts), list(new_texts), ngram)
    if small is not None:
        return small
    unit = tfidf_vectors(list(old_texts) + list(new_texts), ngram)
    a, b = unit[: len(old_texts)], unit[len(old_texts):]
    return np.asarray((a @ b.T).todense())


def best_sentence_pairs(old_sentences, new_sentences, pairs, ngram=(2,)) -> np.ndarray:
    """For each (old task, new task) in ``pairs``: the cosine of their most alike sentences
    (IDF over every sentence of both plans). ``old_sentences[i]`` holds task i's sentences.
    Only the pairs asked for are computed, so large plans stay cheap."""
    out = np.zeros(len(pairs))
    flat_old = [s for group in old_sentences for s in group]
    flat_new = [s for group in new_sentences for s in group]
    if not pairs or not flat_old or not flat_new:
        return out
    small = small_cosines(flat_old, flat_new, ngram)
    if small is None:
        unit = tfidf_vectors(flat_old + flat_new, ngram)
        a, b = unit[: len(flat_old)], unit[len(flat_old):]
    start_old = np.cumsum([0] + [len(g) for g in old_sentences])
    start_new = np.cumsum([0] + [len(g) for g in new_sentences])
    by_old: dict[int, list] = {}
    for k, (i, j) in enumerate(pairs):
        by_old.setdefault(i, []).append((k, j))
    for i, items in by_old.items():
        if start_old[i + 1] == start_old[i]:
            continue
        cols = [c for _, j in items for c in range(start_new[j], start_new[j + 1])]
        if not cols:
            continue
        if small is not None:
            sims = small[start_old[i]:start_old[i + 1]][:, cols]
        else:
            rows = a[start_old[i]:start_old[i + 1]]
            sims = np.asarray((rows @ b[cols].T).todense())
        at = 0
        for k, j in items:
            width = start_new[j + 1] - start_new[j]
            if width:
                out[k] = sims[:, at:at + width].max()
            at += width
    return out


SMALL_ENTRIES = 4_000_000  # n-grams × new texts (and products to add) numpy alone computes


def small_cosines(old_texts, new_texts, ngram) -> np.ndarray | None:
    """``tfidf_cosine`` of few short texts without scipy (whose import costs 0.3 s, more
    than the product); None when the texts are too many or too long for a dense matrix.

    The numbers are scipy's to the last bit: each step is the same float operation on the
    same values in the same order. Counts per row in vocabulary order (scipy's canonical
    form); the squares summed by ``np.add.reduceat`` as scipy's row sums do; each weight
    times 1/norm; and each cosine added up term by term from a row's last n-gram to its
    first, starting from 0, the order of scipy's sparse product (``csr_matmat`` lists a
    row's columns last to first after the diagonal scaling)."""
    n_old, n_new = len(old_texts), len(new_texts)
    if 16 * n_old * n_new > SMALL_ENTRIES:  # many texts: to scipy without counting twice
        return None
    texts = old_texts + new_texts
    indptr, indices, counts, size = _ngram_rows(texts, ngram)
    lengths = np.diff(indptr)
    longest = int(lengths[:n_old].max(initial=0))
    if size * n_new > SMALL_ENTRIES or longest * n_old * n_new > SMALL_ENTRIES:
        return None
    df = np.bincount(indices, minlength=size)
    idf = np.log((1 + len(texts)) / (1 + df)) + 1.0
    weighted = (1.0 + np.log(counts)) * idf[indices]
    norms = np.zeros(len(texts))
    filled = np.flatnonzero(lengths)
    if len(filled):
        norms[filled] = np.add.reduceat(weighted * weighted, indptr[filled])
    norms = np.sqrt(norms)
    norms[norms == 0] = 1.0
    unit = np.repeat(1.0 / norms, lengths) * weighted
    new = np.zeros((size, n_new))  # column j: new text j's unit vector
    first = indptr[n_old]
    new[indices[first:], np.repeat(np.arange(n_new), lengths[n_old:])] = unit[first:]
    out = np.zeros((n_old, n_new))
    for p in range(longest):  # the p-th n-gram from the end of every old row that has it
        rows = np.flatnonzero(lengths[:n_old] > p)
        at = indptr[rows + 1] - 1 - p
        out[rows] += unit[at, np.newaxis] * new[indices[at]]
    return out


def _ngram_rows(texts, ngram):
    """The n-gram counts of each text as arrays (row starts, columns, counts, vocabulary
    size), each row's columns in vocabulary order: a CSR matrix's own, in scipy's canonical
    form."""
    vocab: dict[str, int] = {}
    indptr, indices, vals = [0], [], []
    for text in texts:
        counts: dict[int, int] = {}
        for n in ngram:
            for i in range(len(text) - n + 1):
                c = vocab.setdefault(text[i:i + n], len(vocab))
                counts[c] = counts.get(c, 0) + 1
        for c in sorted(counts):
            indices.append(c)
            vals.append(counts[c])
        indptr.append(len(indices))
    return (np.asarray(indptr), np.asarray(indices, dtype=np.intp),
            np.asarray(vals, dtype=float), max(1, len(vocab)))


def distinctiveness(sim: np.ndarray) -> np.ndarray:
    """How many standard deviations a pair stands above the background of its old task's
    row and its new task's column (the mean of the two z-scores). Long tasks resemble
    everything a little; this scores a pair against what its own tasks usually reach."""
    if sim.size == 0:
        return sim.copy()

    def z(axis):
        mean = sim.mean(axis=axis, keepdims=True)
        std = sim.std(axis=axis, keepdims=True)
        std[std < 1e-9] = 1.0
        return (sim - mean) / std

    rows = z(1) if sim.shape[1] > 1 else np.zeros_like(sim)
    cols = z(0) if sim.shape[0] > 1 else np.zeros_like(sim)
    return (rows + cols) / 2
