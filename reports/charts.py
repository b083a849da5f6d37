"""Charts as matplotlib Figures (never pyplot's global state), for ``report --png`` and the
compare page (the audit report draws its charts in HTML: ``reports/html.py``): saved as SVG
with the text kept as text, so the reader's system fonts draw the Chinese, or as PNG with the
Noto Sans SC font the project installs from PyPI (pylopdf-fonts-zh-cn, SIL OFL), so a PNG
never shows empty boxes. Output is deterministic: no date, a fixed hash salt, nothing
laid out at random.
"""
from __future__ import annotations

import io
import logging
import re
from contextlib import contextmanager
from functools import lru_cache

from dutygraph.model import ROLES

CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans SC", "WenQuanYi Micro Hei")
ROLE_COLOURS = {"lead": "#c0392b", "support": "#2471a3", "implement": "#1e8449",
                "supervise": "#7d3c98"}
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                     "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
MAX_BARS = 15  # more units than this and the chart shows the heaviest; the tables show all
RC = {
    "svg.fonttype": "none",
    "svg.hashsalt": "dutygraph",
    "font.family": [*CJK_FAMILIES, "sans-serif"],
    "font.sans-serif": ["DejaVu Sans"],
    "axes.unicode_minus": False,
}


@lru_cache(maxsize=1)
def register_cjk_font() -> str | None:
    """Add Noto Sans SC from pylopdf-fonts-zh-cn to matplotlib's font list (in memory:
    ``addfont`` writes nothing). Returns the font file, or None if the package is missing."""
    try:
        import pylopdf_fonts_zh_cn
    except ImportError:
        return None
    from matplotlib import font_manager

    path = str(pylopdf_fonts_zh_cn.sans_path())
    font_manager.fontManager.addfont(path)
    return path


class _QuietFontWarnings(logging.Filter):
    """findfont warns once per text for each CJK family this machine lacks (YaHei on Linux);
    the browser, not matplotlib, picks among them, so the warnings say nothing useful."""

    def filter(self, record):
        return "findfont: Font family" not in record.getMessage()


@contextmanager
def chart_style():
    import matplotlib

    register_cjk_font()
    logger = logging.getLogger("matplotlib.font_manager")
    quiet = _QuietFontWarnings()
    logger.addFilter(quiet)
    try:
        with matplotlib.rc_context(RC):
            yield
    finally:
        logger.removeFilter(quiet)


def plain(text: str) -> str:
    """A label matplotlib draws as written: ``$`` would start mathtext."""
    return str(text).replace("$", r"\$")


def figure_svg(fig, prefix: str = "") -> str:
    """The figure as an SVG element to inline in HTML (no XML prolog, doctype or metadata);
    ids get ``prefix`` so two charts in one page never share one."""
    buf = io.StringIO()
    with chart_style():
        fig.savefig(buf, format="svg", metadata={"Date": None}, bbox_inches="tight")
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    svg = re.sub(r"\s*<metadata>.*?</metadata>", "", svg, count=1, flags=re.S)
    if prefix:
        ids = re.compile(r'(\sid="|url\(#|href="#)')
        svg = re.sub(r"<[^>]+>", lambda tag: ids.sub(rf"\g<1>{prefix}-", tag.group()), svg)
    return svg


def figure_png(fig, dpi: int = 150) -> bytes:
    """The figure as PNG, drawn with the registered Noto Sans SC."""
    buf = io.BytesIO()
    with chart_style():
        fig.savefig(buf, format="png", dpi=dpi, metadata={"Software": None},
                    bbox_inches="tight")
    return buf.getvalue()


def load_figure(loads, role_words: dict[str, str], xlabel: str):
    """Stacked horizontal bars of each unit's tasks by role, heaviest at the top.

    ``loads`` are the audit layer's unit loads, already in rank order; only the first
    ``MAX_BARS`` are drawn."""
    from matplotlib.figure import Figure

    rows = list(loads)[:MAX_BARS]
    with chart_style():
        fig = Figure(figsize=(8, 0.8 + 0.28 * max(len(rows), 1)))
        ax = fig.add_subplot()
        names = [plain(r.unit.name) for r in rows][::-1]
        left = [0] * len(rows)
        for role in ROLES:
            values = [getattr(r, role) for r in rows][::-1]
            ax.barh(names, values, left=left, color=ROLE_COLOURS[role],
                    label=plain(role_words[role]), height=0.7)
            left = [a + b for a, b in zip(left, values)]
        ax.set_xlabel(plain(xlabel))
        ax.tick_params(axis="y", labelsize=9)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(loc="lower left", bbox_to_anchor=(0, 1), frameon=False, ncols=4, fontsize=9)
        ax.xaxis.get_major_locator().set_params(integer=True)
    return fig


def heatmap_figure(labels, groups, weights):
    """The unit x unit co-assignment heatmap: ``labels`` the units (already ordered, so a
    community is a run of rows), ``groups`` each unit's community index, ``weights`` an
    n x n list of shared-task counts.

    Rows carry "k  name", columns only k: every label has a row or column of its own, so
    no two labels can overlap, and nothing is laid out at random. The diagonal is the
    unit's community colour; each community is framed."""
    from matplotlib.colors import LinearSegmentedColormap
    from matplotlib.figure import Figure
    from matplotlib.patches import Rectangle

    n = len(labels)
    heaviest = max((w for row in weights for w in row), default=1) or 1
    cmap = LinearSegmentedColormap.from_list("shared", ["#ffffff", "#3c4043"])  # grey: the
    # colours are the communities'

    with chart_style():
        side = 1.2 + 0.3 * n
        fig = Figure(figsize=(side, side))
        ax = fig.add_subplot()
        data = [[weights[i][j] if i != j else 0 for j in range(n)] for i in range(n)]
        edges = [k - 0.5 for k in range(n + 1)]
        # cells as vector patches (imshow would embed a PNG in the SVG), row 1 at the top
        ax.pcolormesh(edges, edges, data, cmap=cmap, vmin=0, vmax=heaviest)
        ax.set_xlim(-0.5, n - 0.5)
        ax.set_ylim(n - 0.5, -0.5)
        ax.set_aspect("equal")
        for i in range(n):
            colour = COMMUNITY_COLOURS[groups[i] % len(COMMUNITY_COLOURS)]
            ax.add_patch(Rectangle((i - 0.5, i - 0.5), 1, 1, color=colour, zorder=2))
            for j in range(n):
                w = weights[i][j]
                if i != j and w:
                    ax.text(j, i, str(w), ha="center", va="center", fontsize=7, zorder=3,
                            color="white" if w > heaviest / 2 else "#1b1b1b")
        start = 0
        for k in range(1, n + 1):
            if k == n or groups[k] != groups[start]:
                ax.add_patch(Rectangle((start - 0.5, start - 0.5), k - start, k - start,
                                       fill=False, edgecolor="#1b1b1b", linewidth=1.2,
                                       zorder=4))
                start = k
        ax.set_xticks(range(n), [str(k + 1) for k in range(n)], fontsize=8)
        ax.set_yticks(range(n), [plain(f"{k + 1}  {name}") for k, name in enumerate(labels)],
                      fontsize=9)
        ax.xaxis.tick_top()
        ax.tick_params(length=0)
        ax.spines[:].set_visible(False)
    return fig
