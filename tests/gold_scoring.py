#!/usr/bin/env python3
"""Scoring of an extraction against the gold annotations in tests/data/gold.

A copy of the team's shared evaluation (shared/eval/score.py: the same folding of unit
names, the same matching), kept here because a user's clone has no ../shared.
The original docstring follows.

Score the analyzer's extraction against gold annotations (see ../gold/SPEC.md).

    score.py --gold ../shared/gold --docs ../shared/seeds \
             --cmd 'python main.py extract {doc} --format json'

For each gold file it runs the command on the document it names (or reads a saved
prediction with --pred DIR, holding <doc>.json files), then prints one row per document
and a summary line last. Exit status 0 whatever the scores; 2 when nothing could be scored.

The prediction is the analyzer's extraction JSON: an object with "tasks", each task an
object with "text" (its full text; "title" is also read if present) and "assignments",
each assignment an object with "unit" (the unit's name), "role" (lead, support,
implement or supervise) and optionally "mention" (the name as written).
"""
import re

try:
    import opencc
    _T2S = opencc.OpenCC("t2s").convert
except ImportError:  # pragma: no cover
    raise

# Short and long forms of units that plans use interchangeably. The first name of a
# group is the one every member is folded to.
COMMON_ALIASES = [
    ["应急管理局", "应急局"],
    ["住房和城乡建设局", "住建局", "住房城乡建设局", "住房城乡建设委"],
    ["发展改革委", "发改委", "发展和改革委员会", "发展和改革委", "发展改革局", "发改局"],
    ["工业和信息化局", "工信局", "经济和信息化局", "经信局"],
    ["人力资源和社会保障局", "人社局", "人力资源社会保障局"],
    ["卫生健康委", "卫健委", "卫生健康委员会", "卫生健康局", "卫健局"],
    ["市场监管局", "市场监督管理局", "市监局"],
    ["交警支队", "公安局交警支队", "公安局交通警察支队", "交通警察支队"],
    ["交警大队", "公安局交警大队", "公安局交通警察大队", "交通警察大队"],
    ["文旅广体局", "文化旅游广电体育局", "文化广电旅游体育局"],
    ["城管执法局", "城市管理和综合执法局", "城市管理综合执法局"],
    ["安委办", "安委会办公室", "安全生产委员会办公室", "安委会办"],
    ["邮政管理局", "邮政局"],
    ["自然资源和规划局", "自然资源规划局"],
    ["生态环境局", "环保局"],
    ["安监局", "安全生产监督管理局"],
    ["质监局", "质量技术监督局"],
    ["消防救援支队", "消防支队"],
    ["应急救援总指挥部办公室", "应急救援总指挥办公室"],
]

LEVEL_PREFIX = re.compile(r"^(市级|县级|区级|省级|市|县|区|省)")
BRACKETS = str.maketrans({"〈": "(", "〉": ")", "（": "(", "）": ")", "【": "(", "】": ")",
                          "《": "(", "》": ")", "[": "(", "]": ")"})
ROLE_GROUP = {"lead": "lead", "support": "support", "implement": "support",
              "supervise": "supervise"}


def fold_text(s):
    """Text as compared: simplified script, no spaces, no markdown emphasis."""
    s = _T2S(s or "")
    return re.sub(r"[\s*#>_`]", "", s).translate(BRACKETS)


def split_level(name):
    m = LEVEL_PREFIX.match(name)
    return (m.group(0), name[m.end():]) if m else ("", name)


class Names:
    """Folds unit names of one document to comparable keys."""

    def __init__(self, doc_aliases=()):
        self.core = {}
        for group in COMMON_ALIASES:
            for n in group:
                self.core[n] = group[0]
        self.full = {}
        for group in doc_aliases or ():
            head = fold_text(group[0])
            for n in group:
                self.full[fold_text(n)] = head

    def key(self, name):
        n = fold_text(name).strip("、,，;；:：")
        n = self.full.get(n, n)
        level, core = split_level(n)
        core = self.core.get(core, core)
        return level + core

    @staticmethod
    def bare(key):
        return split_level(key)[1]


def match_units(gold_units, pred_units):
    """Pairs gold and predicted unit keys: exact keys first, then keys without level."""
    pairs, left_g, left_p = [], list(gold_units), list(pred_units)
    for g in list(left_g):
        if g in left_p:
            pairs.append((g, g))
            left_g.remove(g)
            left_p.remove(g)
    for g in list(left_g):
        for p in left_p:
            if Names.bare(g) == Names.bare(p):
                pairs.append((g, p))
                left_g.remove(g)
                left_p.remove(p)
                break
    return pairs, left_g, left_p


def prf(tp, n_pred, n_gold):
    p = tp / n_pred if n_pred else (1.0 if not n_gold else 0.0)
    r = tp / n_gold if n_gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def unit_roles(assignments, names, tier=None):
    """Unit key -> role groups, for one tier. A gold assignment's tier is its "tier"; a
    predicted one's is "inline" when its "source" says so, else "explicit"."""
    out = {}
    for a in assignments or []:
        t = a.get("tier") or ("inline" if a.get("source") == "inline" else "explicit")
        if tier and t != tier:
            continue
        name = a.get("unit") or a.get("mention") or ""
        if not name:
            continue
        out.setdefault(names.key(name), set()).add(ROLE_GROUP.get(a.get("role"), a.get("role")))
    return out


def score_doc(gold, pred):
    names = Names(gold.get("aliases"))
    ptasks = [t for t in pred.get("tasks", []) if isinstance(t, dict)]
    ptext = [fold_text((t.get("title") or "") + (t.get("text") or "")) for t in ptasks]
    used = set()
    matched = []  # (gold task, pred task or None)
    for g in gold["tasks"]:
        k = fold_text(g["key"])
        best = None
        for i, txt in enumerate(ptext):
            if i not in used and k in txt and (best is None or len(txt) < len(ptext[best])):
                best = i
        if best is not None:
            used.add(best)
        matched.append((g, ptasks[best] if best is not None else None))

    req = [g for g in gold["tasks"] if not g.get("optional")]
    req_hit = sum(1 for g, p in matched if p is not None and not g.get("optional"))
    n_pred_tasks = len(ptasks)
    opt_hit = sum(1 for g, p in matched if p is not None and g.get("optional"))
    task_p = (req_hit + opt_hit) / n_pred_tasks if n_pred_tasks else 0.0
    task_r = req_hit / len(req) if req else 1.0

    c = dict(tp=0, npred=0, ngold=0, lead_tp=0, lead_pred=0, lead_gold=0,
             role_ok=0, role_n=0, inl_tp=0, inl_pred=0, inl_gold=0)
    misses = []
    for g, p in matched:
        if p is None:  # a missed task's units are all missed
            if not g.get("optional"):
                c["ngold"] += len(unit_roles(g.get("assignments"), names, "explicit"))
                c["lead_gold"] += sum(1 for r in unit_roles(g.get("assignments"), names, "explicit").values() if "lead" in r)
            continue
        gu = unit_roles(g.get("assignments"), names, "explicit")
        pu = unit_roles(p.get("assignments"), names, "explicit")
        pairs, lg, lp = match_units(gu, pu)
        c["tp"] += len(pairs)
        c["npred"] += len(pu)
        c["ngold"] += len(gu)
        if lg or lp:
            misses.append({"task": g.get("label"), "missed": lg, "extra": lp})
        for gk, pk in pairs:
            c["role_n"] += 1
            if gu[gk] & pu[pk]:
                c["role_ok"] += 1
        gl = {k for k, r in gu.items() if "lead" in r}
        pl = {k for k, r in pu.items() if "lead" in r}
        lpairs, _, _ = match_units(gl, pl)
        c["lead_tp"] += len(lpairs)
        c["lead_pred"] += len(pl)
        c["lead_gold"] += len(gl)
        gi = unit_roles(g.get("assignments"), names, "inline")
        pi = unit_roles(p.get("assignments"), names, "inline")
        ipairs, _, _ = match_units(gi, pi)
        c["inl_tp"] += len(ipairs)
        c["inl_gold"] += len(gi)
        c["inl_pred"] += len(pi)
    for i, t in enumerate(ptasks):  # units on tasks that match nothing are all extra
        if i not in used:
            pu = unit_roles(t.get("assignments"), names, "explicit")
            c["npred"] += len(pu)
            c["lead_pred"] += sum(1 for r in pu.values() if "lead" in r)
    up, ur, uf = prf(c["tp"], c["npred"], c["ngold"])
    lp_, lr, lf = prf(c["lead_tp"], c["lead_pred"], c["lead_gold"])
    return {
        "doc": gold["doc"],
        "tasks_gold": len(req), "tasks_pred": n_pred_tasks,
        "task_p": task_p, "task_r": task_r,
        "unit_p": up, "unit_r": ur, "unit_f1": uf, "lead_f1": lf,
        "role_acc": c["role_ok"] / c["role_n"] if c["role_n"] else 0.0,
        "inline_r": c["inl_tp"] / c["inl_gold"] if c["inl_gold"] else None,
        "inline_p": c["inl_tp"] / c["inl_pred"] if c["inl_pred"] else None,
        "counts": c, "misses": misses,
    }


