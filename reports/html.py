"""The HTML outputs: one self-contained page each (inline CSS, one small inline script,
inline SVG charts), nothing fetched from the network.

Safety: templates are autoescaped; HTML is built in Python only by ``markupsafe.escape``
then ``Markup``; the only raw ``Markup`` are the package's own stylesheet and script. A
Content-Security-Policy allows no script but the inline one (by its sha256 hash), so even
markup that slipped through could not run.
"""
from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from importlib import resources
from pathlib import Path

from markupsafe import Markup

from loaders.model import Plan

from .strings import strings
from .views import anchors, matrix_views, plan_views, role_legend


@lru_cache(maxsize=1)
def environment():
    """Templates from the package folder, autoescaped, failing loudly on a missing name."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    env = Environment(loader=PackageLoader("reports", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                      keep_trailing_newline=True)
    env.filters["num"] = format_number
    env.filters["pct"] = lambda x: f"{100 * x:.1f}%"
    return env


def format_number(x) -> str:
    """1 → "1", 2.5 → "2.5", 0.123456 → "0.123": short and stable."""
    if isinstance(x, float) and x.is_integer():
        return str(int(x))
    return f"{x:.3g}" if isinstance(x, float) else str(x)


@lru_cache(maxsize=None)
def static_text(name: str) -> str:
    """A stylesheet or script shipped in reports/static (package data)."""
    return resources.files("reports").joinpath("static", name).read_text(encoding="utf-8")


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(script: str | None) -> str:
    """Nothing from the network; only our own inline script (by hash). Styles may be inline
    because matplotlib's SVG carries style attributes, which a hash cannot allow."""
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
        plans=plan_views(plans, lang, anchor), **page_assets())


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


def render_report(plans, audit, graph=None, lang: str = "zh") -> str:
    """The audit report of ``plans`` as one self-contained HTML page.

    ``audit`` is ``graph.audit.run_audit``'s result; ``graph`` the graph it read (built
    again from the audit's settings when not given), for the unit network's edges."""
    from graph.audit import audit_graph, finding_counts

    from .charts import MAX_BARS, figure_svg
    from .strings import KIND_WORDS, ROLE_WORDS

    plans = tuple(plans)
    t = strings(lang)
    anchor = anchors(plans)

    def anchor_of(ref) -> str:
        return anchor.get((ref.path, ref.task), "tasks")

    if graph is None:
        graph = audit_graph(plans, audit.settings)
    loads, network = load_chart(audit, lang), network_chart(audit, graph)
    # matplotlib's SVG writer escapes every text it draws (the injection test checks it)
    load_svg = Markup(figure_svg(loads, "load")) if loads else ""
    network_svg = Markup(figure_svg(network, "net")) if network else ""
    return environment().get_template("report.html.j2").render(
        t=t, roles=role_legend(lang), role_words=ROLE_WORDS[lang], kinds=KIND_WORDS[lang],
        audit=audit, counts=finding_counts(audit), anchor=anchor_of,
        concrete=tuple(x for x in audit.loads if not x.collective),
        collective=tuple(x for x in audit.loads if x.collective), max_bars=MAX_BARS,
        many_jurisdictions=len({p.jurisdiction for p in audit.plans}) > 1,
        load_svg=load_svg, network_svg=network_svg,
        matrices=matrix_views(plans, lang, anchor),
        plans=plan_views(plans, lang, anchor, finding_clauses(audit, anchor_of)),
        **page_assets())


def load_chart(audit, lang: str = "zh"):
    """The load chart Figure of the concrete units (None when no unit carries a task)."""
    from .charts import load_figure
    from .strings import ROLE_WORDS

    concrete = [x for x in audit.loads if not x.collective]
    return load_figure(concrete, ROLE_WORDS[lang], strings(lang)["tasks"]) if concrete else None


def network_chart(audit, graph, max_units: int = 60):
    """The unit network Figure: the units sharing most tasks (at most ``max_units``),
    coloured by the audit's communities, edges from the audit layer's unit projection.
    None when no two units share a task."""
    from graph.collaboration import unit_projection

    from .charts import network_figure

    hubs = sorted(audit.collaboration.hubs, key=lambda h: (-h.shared_tasks, h.unit.node))
    keep = {h.unit.node: h for h in hubs[:max_units] if h.partners}
    if not keep:
        return None
    order = sorted(keep)
    nodes = [(keep[n].unit.name, keep[n].community) for n in order]
    label = dict(zip(order, (name for name, _ in nodes)))
    edges = [(label[a], label[b], w)
             for a, b, w in unit_projection(graph, among=keep).edges(data="weight")]
    return network_figure(nodes, edges, seed=audit.settings.seed)


def write_chart_pngs(audit, graph, folder, lang: str = "zh", write=None) -> list[Path]:
    """loads.png and network.png in ``folder``, drawn with the packaged Noto Sans SC;
    ``write(path, data)`` (default ``Path.write_bytes``) lets the caller write atomically."""
    from .charts import figure_png

    written = []
    for name, fig in (("loads.png", load_chart(audit, lang)),
                      ("network.png", network_chart(audit, graph))):
        if fig is not None:
            path = Path(folder) / name
            (write or Path.write_bytes)(path, figure_png(fig))
            written.append(path)
    return written
