"""The HTML outputs: one self-contained page each (inline CSS, one small inline script,
charts as HTML bars and shaded tables), nothing fetched from the network.

The charts are plain HTML: text the browser lays out (readable at any width, ≥ 11 px on a
phone), drawn in no time, printed crisp. matplotlib draws the same charts only for
``--png`` (``write_chart_pngs``), and is imported only then.

Safety: templates are autoescaped; HTML is built in Python only by ``markupsafe.escape``
then ``Markup``; the only raw ``Markup`` are the package's own stylesheet and script. A
Content-Security-Policy allows no script but the inline one (by its sha256 hash), so even
markup that slipped through could not run.
"""
from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from dutygraph.model import ROLES, Plan

from .strings import plan_name, strings
from .views import anchors, matrix_views, plan_views, role_legend

MAX_NETWORK_UNITS = 24  # rows of the co-assignment heatmap; the hub table lists more
MAX_SCOPE_UNITS = 12  # rows of each scope's heatmap in the page


@lru_cache(maxsize=1)
def environment():
    """Templates from the package folder, autoescaped, failing loudly on a missing name;
    compiled once and kept for the next run (``template_cache``)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    from .template_cache import template_cache

    options = {"autoescape": True, "trim_blocks": True, "lstrip_blocks": True,
               "keep_trailing_newline": True}
    env = Environment(loader=PackageLoader(__package__, "templates"), undefined=StrictUndefined,
                      bytecode_cache=template_cache(options), **options)
    env.filters["num"] = format_number
    env.filters["pct"] = lambda x: f"{100 * x:.1f}%"
    env.tests["contains"] = lambda seq, item: item in seq
    return env


def format_number(x) -> str:
    """1 → "1", 2.5 → "2.5", 0.123456 → "0.123": short and stable."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return f"{x:.3g}" if isinstance(x, float) else str(x)


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A stylesheet or script shipped in reports/static (package data)."""
    return resources.files(__package__).joinpath("static", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str | None) -> str:
    """Nothing from the network; only our own inline script (by hash). Styles may be inline
    because the charts' bars and cells (and the compare page's SVG) carry style attributes,
    which a hash cannot allow."""
    scripts = csp_hash(script) if script else "'none'"
    return ("default-src 'none'; " f"script-src {scripts}; " "style-src 'unsafe-inline'; "
            "img-src data:; font-src 'none'; connect-src 'none'; base-uri 'none'; "
            "form-action 'none'")


def page_assets(with_script: bool = True) -> dict:
    """css, script and csp for base.html.j2: our own files, trusted as they are."""
    css = static_text("report.css")
    script = static_text("report.js") if with_script else ""
    if "</" in script or "</style" in css.lower():
        raise ValueError("a static asset would close its own element")
    return {"css": Markup(css), "script": Markup(script) if script else "",
            "csp": content_security_policy(script)}


def render_matrix_page(plans: list[Plan] | tuple[Plan, ...], lang: str = "zh") -> str:
    """The matrix alone as one HTML page (``dutygraph matrix -o matrix.html``)."""
    anchor = anchors(plans)
    return environment().get_template("matrix.html.j2").render(
        t=strings(lang), roles=role_legend(lang), matrices=matrix_views(plans, lang, anchor),
        plans=plan_views(plans, lang, anchor), full_text=True, **page_assets())


def finding_clauses(audit, anchor_of) -> dict[str, tuple[str, ...]]:
    """Clauses the findings quote, by task anchor, so the task text marks them too."""
    found: dict[str, list[str]] = {}

    def add(ref, clauses):
        if ref is not None:
            found.setdefault(anchor_of(ref), []).extend(c for c in clauses if c)

    for o in audit.overloaded:
        for ut in o.tasks:
            add(ut.task, [ut.clause])
    for o in audit.orphans:
        add(o.task, o.clauses)
    for x in (*audit.lead_and_support, *audit.joint_leads):
        add(x.task, x.clauses)
    for q in audit.quality:
        add(q.task, [q.text])
    return {k: tuple(v) for k, v in found.items()}


def render_report(plans, audit, graph=None, lang: str = "zh", full_text: bool = False) -> str:
    """The audit report of ``plans`` as one self-contained HTML page: the key findings in
    plain sentences first, then the details; the task text an appendix, collapsed on
    screen and printed only with ``full_text``.

    ``audit`` is ``graph.audit.run_audit``'s result; ``graph`` the graph it read (built
    again from the audit's settings when not given), for the unit network."""
    from dutygraph.graph.audit import audit_graph, finding_counts

    from .charts import MAX_BARS
    from .deadline_chart import busy_months
    from .strings import (DUE_KIND_WORDS, KIND_WORDS, PEER_WORDS, ROLE_WORDS, SCOPE_WORDS,
                          quality_message)
    from .summary import key_findings

    plans = tuple(plans)
    t = strings(lang)
    anchor = anchors(plans)

    def anchor_of(ref) -> str:
        return anchor.get((ref.path, ref.task), "tasks")

    names = {p.path: plan_name(p.title, p.jurisdiction, p.year, p.path, lang)
             for p in audit.plans}
    tags = {p.path: plan_name("", p.jurisdiction, p.year, "", lang) or names[p.path]
            for p in audit.plans}
    if len(set(tags.values())) < len(tags):  # two plans of one place and year
        tags = names
    if graph is None:
        graph = audit_graph(plans, audit.settings)
    networks = scope_networks(audit, graph, lang)
    return environment().get_template("report.html.j2").render(
        t=t, roles=role_legend(lang), role_words=ROLE_WORDS[lang], kinds=KIND_WORDS[lang],
        audit=audit, counts=finding_counts(audit), anchor=anchor_of,
        key_findings=key_findings(audit, lang), plan_names=names, plan_tags=tags,
        quality_message=lambda q: quality_message(q, lang),
        concrete=tuple(x for x in audit.loads if not x.collective), max_bars=MAX_BARS,
        many_plans=len(audit.plans) > 1,
        many_jurisdictions=len({p.jurisdiction for p in audit.plans}) > 1,
        scope_rule=SCOPE_WORDS[lang].get(audit.settings.scope, audit.settings.scope),
        peer_words=PEER_WORDS[lang], plan_paths={p.key: p.path for p in audit.plans},
        judged_fences=tuple(g.distribution.fence for sa in audit.scopes for g in sa.groups
                            if g.judged),
        load_bars=load_bars(audit), networks=networks, full_text=full_text,
        due_kinds=DUE_KIND_WORDS[lang], due_shade=due_shade(audit.deadlines),
        due_columns=busy_months(audit.deadlines),
        matrices=matrix_views(plans, lang, anchor),
        plans=plan_views(plans, lang, anchor, finding_clauses(audit, anchor_of)),
        yoy=yoy_view(plans, lang), **page_assets())


def yoy_view(plans, lang: str = "zh") -> dict:
    """The year-over-year change for the report's key findings (``graph.yoy``); empty when
    the plans hold no two years of one place."""
    from .compare_out import yoy_items
    from .strings import COMPARE_WORDS

    return {"items": yoy_items(plans, lang), "w": COMPARE_WORDS[lang]}


@dataclass(frozen=True)
class Bar:
    """One unit's bar: its tasks split by its first role on each, as % of the longest bar."""

    name: str
    tasks: int
    segments: tuple[tuple[str, int, float], ...]  # (role class, tasks, width in %)


def load_bars(audit) -> dict[str, tuple[Bar, ...]]:
    """Per scope key, the bars of its concrete units (heaviest first, at most MAX_BARS):
    each task once, under the unit's first role on it, so a bar reaches the task count."""
    from .charts import MAX_BARS
    from .views import ROLE_CLASSES

    bars = {}
    for scope in audit.scopes:
        rows = [x for x in audit.loads if not x.collective and x.scope == scope.scope.key]
        rows = rows[:MAX_BARS]
        longest = max((x.tasks for x in rows), default=0)
        if longest:
            bars[scope.scope.key] = tuple(
                Bar(x.unit.name, x.tasks, tuple(
                    (ROLE_CLASSES[role], n, round(100 * n / longest, 2))
                    for role, n in zip(ROLES, x.main_roles) if n))
                for x in rows)
    return bars


def due_shade(deadlines) -> dict[int, str]:
    """Background shade of a deadline table cell by its count (orange, darker for more):
    the table is the heatmap."""
    top = max((n for r in deadlines.table if not r.collective for n in r.counts), default=0)
    return {n: f"rgba(230,120,20,{0.15 + 0.85 * n / top:.2f})" for n in range(1, top + 1)}


def load_charts(audit, lang: str = "zh"):
    """(scope key, load chart Figure) for each audit scope whose concrete units carry a task:
    loads never share a chart across scopes."""
    from .charts import load_figure
    from .strings import ROLE_WORDS

    charts = []
    for scope in audit.scopes:
        concrete = [x for x in audit.loads if not x.collective and x.scope == scope.scope.key]
        if concrete:
            charts.append((scope.scope.key,
                           load_figure(concrete, ROLE_WORDS[lang], strings(lang)["tasks"])))
    return tuple(charts)


def due_chart(audit, lang: str = "zh"):
    """The deadline heatmap Figure (None when no concrete unit has a task falling due)."""
    from .deadline_chart import due_heatmap

    t = strings(lang)
    return due_heatmap(audit.deadlines, t["unit"], t["month"])


@dataclass(frozen=True)
class Community:
    number: int  # 1-based, as the page shows it
    name: str  # its main units, e.g. "市应急管理局、市公安局 等 12 个单位"


@dataclass(frozen=True)
class NetworkView:
    labels: tuple[str, ...]  # its rows, top to bottom
    shown: int
    communities: tuple[Community, ...]
    groups: tuple[int, ...]  # each row's community index (0-based, the colour)
    weights: tuple[tuple[int, ...], ...]  # shared tasks, row x column
    heaviest: int

    def shade(self, w: int) -> str:
        """A cell's grey by its shared tasks (white for none; the colours are the groups')."""
        return f"rgba(60,64,67,{0.1 + 0.9 * w / self.heaviest:.2f})" if w else ""

    @property
    def figure(self):
        """The same heatmap drawn by matplotlib (for ``--png``)."""
        from .charts import heatmap_figure

        return heatmap_figure(self.labels, self.groups, self.weights)


def scope_networks(audit, graph, lang: str = "zh"):
    """(scope audit, NetworkView or None) for each scope whose units share some task: the
    network of one place in one year, drawn on the scope's own part of the graph."""
    from dutygraph.graph.scopes import scope_graphs

    parts = scope_graphs(graph, tuple(sa.scope for sa in audit.scopes))
    return tuple((sa, network_view(sa.collaboration, part, lang, MAX_SCOPE_UNITS))
                 for sa, (_, part) in zip(audit.scopes, parts)
                 if sa.collaboration and sa.collaboration.units)


def network_view(collab, graph, lang: str = "zh", most: int = MAX_NETWORK_UNITS):
    """The co-assignment heatmap of the ``most`` units that share most tasks, ordered by
    community (each a run of rows, named by its main units), and the communities' names.
    Units are graph nodes, so two cities' 应急管理局 are two rows. None when no two units
    share a task."""
    from dutygraph.graph.collaboration import unit_projection

    t = strings(lang)
    hubs = sorted((h for h in collab.hubs if h.partners),
                  key=lambda h: (-h.shared_tasks, h.unit.node))
    if not hubs:
        return None
    by_community: dict[int, list] = {}  # in order of each community's busiest unit
    for h in hubs:
        by_community.setdefault(h.community, []).append(h)
    rank = {c: k for k, c in enumerate(by_community)}
    order = sorted(hubs[:most], key=lambda h: rank[h.community])  # stable: busiest first
    many = len({h.unit.jurisdiction for h in hubs}) > 1
    labels = [f"{h.unit.name}（{h.unit.jurisdiction}）" if many else h.unit.name for h in order]
    number = {c: k + 1 for k, c in enumerate(dict.fromkeys(h.community for h in order))}
    nodes = [h.unit.node for h in order]
    projection = unit_projection(graph, among=nodes)  # cheap for a few units of a dense graph
    weights = [[projection[a][b]["weight"] if projection.has_edge(a, b) else 0 for b in nodes]
               for a in nodes]
    sep = "、" if lang == "zh" else ", "
    communities = []
    for c, k in number.items():
        members = by_community[c]
        main = sep.join(h.unit.name for h in members[:3])
        more = " " + t["community_more"].format(n=len(members)) if len(members) > 3 else ""
        communities.append(Community(k, main + more))
    groups = tuple(number[h.community] - 1 for h in order)
    heaviest = max((w for row in weights for w in row), default=1) or 1
    return NetworkView(tuple(labels), len(order), tuple(communities), groups,
                       tuple(tuple(row) for row in weights), heaviest)


def write_chart_pngs(audit, graph, folder, lang: str = "zh", write=None) -> list[Path]:
    """loads.png (loads-1.png, loads-2.png … for several scopes, in their order) and
    network.png in ``folder``, drawn with the packaged Noto Sans SC; ``write(path, data)``
    (default ``Path.write_bytes``) lets the caller write atomically."""
    from .charts import figure_png

    loads = load_charts(audit, lang)
    names = ["loads.png"] if len(audit.scopes) == 1 else [
        f"loads-{i}.png" for i, scope in enumerate(audit.scopes, 1)
        if scope.scope.key in dict(loads)]
    written = []
    network = network_view(audit.collaboration, graph, lang)
    for name, fig in (*zip(names, (fig for _, fig in loads)),
                      ("network.png", network.figure if network else None),
                      ("deadlines.png", due_chart(audit, lang))):
        if fig is not None:
            path = Path(folder) / name
            (write or Path.write_bytes)(path, figure_png(fig))
            written.append(path)
    return written
