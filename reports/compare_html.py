"""The compare page: one self-contained HTML file (shared shell and stylesheet, no script),
the change first (who gained or lost lead work, with the tasks; added and dropped
tasks), then changed tasks side by side with the words that differ marked, the load-change chart and the
trend over the years as inline SVG with text kept as text.

Everything from the plans reaches the page through autoescaped template variables; the
only ``Markup`` are matplotlib's SVG (our own drawing, labels passed through ``plain``)
and the shared stylesheet.
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from dutygraph.graph.compare import KINDS, Comparison, text_diff

from .charts import figure_svg, plain
from .strings import COMPARE_WORDS as WORDS

MAX_UNITS = 25  # bars in the charts; the load table lists every unit


@dataclass(frozen=True)
class DiffPart:
    op: str  # equal, delete, insert
    text: str


def diff_parts(old: str, new: str) -> tuple[tuple[DiffPart, ...], tuple[DiffPart, ...]]:
    """The old and the new side of a word diff (``text_diff``), ready for the template to
    mark: whole words and phrases struck out and inserted, which a phone can show."""
    left, right = [], []
    for op, a, b in text_diff(old, new):
        if op == "equal":
            left.append(DiffPart("equal", a))
            right.append(DiffPart("equal", b))
        else:
            if a:
                left.append(DiffPart("delete", a))
            if b:
                right.append(DiffPart("insert", b))
    return tuple(left), tuple(right)


def _year_label(info, k: int) -> str:
    return str(info.year) if info.year else f"#{k + 1}"


def load_change_svg(result: Comparison, words: dict) -> str:
    """Bars of each unit's change in tasks (lead and total), biggest changes first."""
    from matplotlib.figure import Figure

    from .charts import chart_style

    rows = [u for u in result.loads if u.total_change or u.lead_change][:MAX_UNITS]
    with chart_style():
        fig = Figure(figsize=(8, 0.9 + 0.3 * max(len(rows), 1)))
        ax = fig.add_subplot()
        names = [plain(u.unit) for u in rows][::-1]
        ys = list(range(len(rows)))
        ax.barh([y + 0.2 for y in ys], [u.total_change for u in rows][::-1], height=0.4,
                color="#7f8c8d", label=plain(words["total"]))
        ax.barh([y - 0.2 for y in ys], [u.lead_change for u in rows][::-1], height=0.4,
                color="#c0392b", label=plain(words["lead"]))
        ax.set_yticks(ys, names)
        ax.axvline(0, color="#333", linewidth=0.8)
        ax.set_xlabel(plain(words["change"]))
        ax.tick_params(axis="y", labelsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="lower right", frameon=False, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
    return figure_svg(fig)


def trend_svg(result: Comparison, words: dict) -> str:
    """Total tasks per plan of the units with the most work, one line each."""
    from matplotlib.figure import Figure

    from .charts import chart_style

    years = [plain(_year_label(p, k)) for k, p in enumerate(result.plans)]
    top = sorted(result.loads, key=lambda u: (-max(u.totals), u.unit))[:10]
    with chart_style():
        fig = Figure(figsize=(8, 4.5))
        ax = fig.add_subplot()
        for u in top:
            ax.plot(years, list(u.totals), marker="o", label=plain(u.unit))
        ax.set_ylabel(plain(words["total"]))
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="center left", bbox_to_anchor=(1.0, 0.5), frameon=False, fontsize=8)
        ax.yaxis.get_major_locator().set_params(integer=True)
    return figure_svg(fig)


def render_compare_html(result: Comparison, lang: str = "zh") -> str:
    """The whole page as a string."""
    from .compare_out import info_name
    from .html import environment, page_assets

    words = WORDS[lang]
    steps = []
    for k, step in enumerate(result.steps):
        changed = []
        for p in step.pairs:
            if p.kind == "same" and not (p.units_added or p.units_removed or p.lead_changed):
                continue
            left, right = diff_parts(p.old.text, p.new.text)
            changed.append({"pair": p, "left": left, "right": right})
        kinds = {kind: sum(1 for p in step.pairs if p.kind == kind) for kind in KINDS}
        steps.append({"step": step, "changed": changed, "kinds": kinds,
                      "old_label": _year_label(step.old, k),
                      "new_label": _year_label(step.new, k + 1)})
    from .compare_out import series_line

    changes = []
    for k, (step, change) in enumerate(zip(result.steps, result.changes)):
        unrelated = step.series is not None and step.series.verdict == "unrelated"
        changes.append({"series": series_line(step.series, lang),
                        "warning": unrelated,
                        "label": f"{_year_label(step.old, k)} → {_year_label(step.new, k + 1)}",
                        "change": change, "rises": change.rises(),
                        "falls": change.falls()})
    assets = page_assets(with_script=False)
    return environment().get_template("compare.html.j2").render(
        t=words, result=result, steps=steps, kinds=KINDS, changes=changes,
        names=[info_name(p, lang) for p in result.plans],
        years=[_year_label(p, k) for k, p in enumerate(result.plans)],
        chart=Markup(load_change_svg(result, words)),
        trend=Markup(trend_svg(result, words)), **assets)
