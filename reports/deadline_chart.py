"""The deadline heatmap: concrete units x months, each cell the tasks falling due.

Draws what ``graph.deadlines.deadlines_over_time`` returned; counts nothing itself.
"""
from __future__ import annotations

from .charts import chart_style, plain

MAX_UNITS = 30  # the units with most dated tasks; the table under the chart lists them all


def busy_months(deadlines) -> tuple[int, ...]:
    """Indexes of the months in which some task falls due: the columns the chart and the
    table show (plans of several years leave most of the months between them empty)."""
    return tuple(j for j in range(len(deadlines.months))
                 if any(r.counts[j] for r in deadlines.table))


def due_heatmap(deadlines, unit_word: str, month_word: str):
    """A Figure of the concrete units' tasks per month in which something falls due (None
    when no concrete unit has a dated task)."""
    from matplotlib.figure import Figure

    rows = [r for r in deadlines.table if not r.collective][:MAX_UNITS]
    columns = busy_months(deadlines)
    months = [deadlines.months[j] for j in columns]
    if not rows or not months:
        return None
    values = [[r.counts[j] for j in columns] for r in rows]
    top = max(max(v) for v in values) or 1
    with chart_style():
        fig = Figure(figsize=(1.6 + 0.45 * len(months), 0.8 + 0.3 * len(rows)))
        ax = fig.add_subplot()
        # cells as vector patches (imshow would embed a PNG in the SVG)
        ax.pcolormesh(values, cmap="Oranges", vmin=0, vmax=top, edgecolors="white",
                      linewidth=0.5)
        ax.invert_yaxis()
        ax.set_xticks([j + 0.5 for j in range(len(months))], [plain(m) for m in months],
                      rotation=90, fontsize=8)
        ax.set_yticks([i + 0.5 for i in range(len(rows))], [plain(r.unit.name) for r in rows],
                      fontsize=9)
        for i, row in enumerate(values):
            for j, n in enumerate(row):
                if n:
                    ax.text(j + 0.5, i + 0.5, str(n), ha="center", va="center", fontsize=8,
                            color="white" if n > top / 2 else "black")
        ax.set_xlabel(plain(month_word))
        ax.set_ylabel(plain(unit_word))
        ax.tick_params(length=0)
        ax.spines[:].set_visible(False)
    return fig
