"""Charts for the report: matplotlib Figures (never pyplot's global state) saved as SVG with
the text kept as text, so the reader's system fonts draw the Chinese, or as PNG with the
Noto Sans SC font the project installs from PyPI (pylopdf-fonts-zh-cn, SIL OFL), so a PNG
never shows empty boxes. Output is deterministic: no date, a fixed hash salt, a seeded
layout.
"""
from __future__ import annotations

import io
import logging
import re
from contextlib import contextmanager
from functools import lru_cache

from loaders.model import ROLES

CJK_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans SC", "WenQuanYi Micro Hei")
ROLE_COLOURS = {"lead": "#c0392b", "support": "#2471a3", "implement": "#1e8449",
                "supervise": "#7d3c98"}
COMMUNITY_COLOURS = ("#4e79a7", "#f28e2b", "#59a14f", "#e15759", "#76b7b2", "#edc948",
                     "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac")
MAX_BARS = 40  # more units than this and the chart shows the heaviest; the tables show all
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


def component_layout(graph, seed: int = 42) -> dict:
    """Positions for every node, and the direction its label goes: each connected component laid out by the seeded spring
    layout in a square box sized by its node count, boxes packed in rows, largest first.
    (One spring layout of the whole graph pushes components apart and crushes each.)"""
    import networkx as nx

    components = sorted((sorted(c) for c in nx.connected_components(graph)),
                        key=lambda c: (-len(c), c[0]))
    sides = [1.0 + 1.1 * len(c) ** 0.5 for c in components]
    width = max(max(sides, default=1.0), (sum(x * x for x in sides) * 1.6) ** 0.5)
    pos, outward, x, y, row = {}, {}, 0.0, 0.0, 0.0
    for nodes, side in zip(components, sides):
        if x and x + side > width:
            x, y, row = 0.0, y - row, 0.0
        sub = graph.subgraph(nodes)
        if len(nodes) == 1:
            local = {nodes[0]: (0.0, 0.0)}
        elif len(nodes) > 8 and nx.density(sub) > 0.25:
            # a dense component is a hairball in any force layout: a circle ordered by
            # community keeps every label apart and each community on one arc
            ring = sorted(nodes, key=lambda n: (graph.nodes[n]["community"], n))
            circle = nx.Graph()
            circle.add_nodes_from(ring)
            local = nx.circular_layout(circle)
        else:
            local = nx.spring_layout(sub, seed=seed, k=2.5 / len(nodes) ** 0.5, weight=None,
                                     iterations=200)
        half = (side - 1.0) / 2
        ring = len(nodes) > 8 and nx.density(sub) > 0.25
        for node, (px, py) in local.items():
            pos[node] = (x + 0.5 + half * (1 + px), y - 0.5 - half * (1 - py))
            outward[node] = (float(px), float(py)) if ring else (0.0, 1.0)
        x, row = x + side, max(row, side)
    return pos, outward


def network_figure(nodes, edges, seed: int = 42):
    """The unit network: ``nodes`` as (name, community index), ``edges`` as (a, b, weight).

    Each component laid out with a fixed seed (``component_layout``), so the same plans
    draw the same picture; nodes coloured by community, edge width by shared tasks."""
    import networkx as nx
    from matplotlib.collections import LineCollection
    from matplotlib.figure import Figure

    graph = nx.Graph()
    for name, community in nodes:
        graph.add_node(name, community=community)
    for a, b, weight in edges:
        graph.add_edge(a, b, weight=weight)
    pos, outward = component_layout(graph, seed)
    xs = [p[0] for p in pos.values()] or [0.0]
    ys = [p[1] for p in pos.values()] or [0.0]
    span_x, span_y = max(xs) - min(xs) + 1, max(ys) - min(ys) + 1
    scale = min(1.4, 13.0 / span_x)
    with chart_style():
        fig = Figure(figsize=(span_x * scale, max(2.0, span_y * scale)))
        ax = fig.add_subplot()
        ax.set_axis_off()
        ax.margins(0.08)
        heaviest = max((w for *_, w in graph.edges(data="weight")), default=1) or 1
        edge_list = list(graph.edges(data="weight"))
        ax.add_collection(LineCollection(
            [(pos[a], pos[b]) for a, b, _ in edge_list], colors="#9aa0a6", alpha=0.5,
            linewidths=[0.4 + 2.6 * w / heaviest for *_, w in edge_list], zorder=1))
        order = list(graph.nodes)
        ax.scatter([pos[n][0] for n in order], [pos[n][1] for n in order], s=50, zorder=2,
                   color=[COMMUNITY_COLOURS[graph.nodes[n]["community"]
                                            % len(COMMUNITY_COLOURS)] for n in order],
                   edgecolors="white")
        for name in order:
            x, y = pos[name]
            dx, dy = outward[name]
            ax.annotate(plain(name), (x, y), xytext=(5 * dx, 5 * dy), textcoords="offset points",
                        ha="left" if dx > 0.3 else "right" if dx < -0.3 else "center",
                        va="bottom" if dy > 0.3 else "top" if dy < -0.3 else "center",
                        fontsize=8, zorder=3,
                        bbox={"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none",
                              "alpha": 0.7})
    return fig
