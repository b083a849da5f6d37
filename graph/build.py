"""The responsibility graph: tasks on one side, units on the other.

Bipartite convention (as in ``networkx.algorithms.bipartite``): every node carries the
attribute ``bipartite``; ``0`` for task nodes, ``1`` for unit nodes. Edges join a task to a
unit and never two nodes of one side.

Task nodes are ``"<plan key>:<task id>"`` where the plan key is the file stem (made unique
with the file's sha256 prefix when two plans share a stem), so ids are unique across plans.
Unit nodes are ``"<jurisdiction>/<canonical name>"`` (just the name where the plan names no
jurisdiction): one name per office (``graph.names``: the registry's canonical name, the
name without its city, X成员单位 for X各成员单位), so 市应急局 and 市应急管理局, 团市委 and
共青团怀化市委 of one city are one node, while the 市应急管理局 of two cities stay two. A
unit node keeps in ``forms`` every name and mention that led to it.

One edge per task and unit, however often the unit is named in the task. Edge attributes:

``roles``          every role the unit has on the task, in ``ROLES`` order
``counted_roles``  the roles that count in loads (inline ones only with ``include_inline``)
``counted``        whether ``counted_roles`` is non-empty
``sources``        every source of those assignments, in ``SOURCES`` order
``clauses``        the distinct clauses, in order of appearance; ``clause`` the first
``line``           the first line an assignment of this unit to this task stands on
``exhaustive``     False where a list naming the unit ended in 等
``standing``       True where the only assignment is a plan's blanket clause
``expanded``       True where the unit is there only as a member a catch-all stands for
                   (``graph.expand``; such edges never count)
"""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import networkx as nx

from dutygraph.model import ROLES, SOURCES, Assignment, Plan

from .names import office_names

TASK, UNIT = 0, 1


def plan_keys(plans) -> tuple[str, ...]:
    """A short, unique, stable key per plan: the file stem, else stem + sha prefix, else + index."""
    stems = [Path(p.source.path).stem or "plan" for p in plans]
    counts = Counter(stems)
    keys = [s if counts[s] == 1 else f"{s}@{p.source.sha256[:8]}" for s, p in zip(stems, plans)]
    counts = Counter(keys)
    seen: Counter = Counter()
    unique = []
    for key in keys:
        seen[key] += 1
        unique.append(key if counts[key] == 1 else f"{key}#{seen[key]}")
    return tuple(unique)


def unit_node(jurisdiction: str, name: str) -> str:
    return f"{jurisdiction}/{name}" if jurisdiction else name


def _alias_map(plan: Plan, registry) -> dict[str, str]:
    """Every name of a plan's own alias groups -> the group's first name."""
    mapping = {}
    for group in plan.aliases:
        names = [registry.canonical(n) for n in group]
        for name in names[1:]:
            mapping.setdefault(name, names[0])
    return mapping


def build_graph(plans, include_inline: bool = False, registry=None,
                include_standing: bool = True) -> nx.Graph:
    """The bipartite task/unit graph of ``plans`` (see the module docstring for its shape).

    ``registry`` (a ``loaders.units.Registry``, the default one when not given) and the
    rules of ``graph.names`` give each office one name, e.g. with a jurisdiction's own
    alias file.
    Inline edges are always present; ``include_inline`` decides whether they count.

    >>> from dutygraph.model import Assignment, Plan, Source, Task
    >>> task = Task("t1", None, "1", "1", "修路", "修路（市交通局牵头）", 3,
    ...             assignments=(Assignment("市交通局", "市交通局", "lead", line=3),))
    >>> g = build_graph([Plan(Source("a/p.txt", "txt"), jurisdiction="某市", tasks=(task,))])
    >>> sorted(g.nodes(data="bipartite"))
    [('p:t1', 0), ('某市/市交通局', 1)]
    >>> g.edges["p:t1", "某市/市交通局"]["counted_roles"]
    ('lead',)
    """
    plans = tuple(plans)
    graph = nx.Graph(include_inline=include_inline, include_standing=include_standing)
    names = office_names(plans, registry)
    for key, plan in zip(plan_keys(plans), plans):
        office = names[plan.jurisdiction]
        aliases = _alias_map(plan, office)
        for task in plan.tasks:
            node = f"{key}:{task.id}"
            graph.add_node(node, bipartite=TASK, plan=key, path=plan.source.path,
                           task=task.id, label=task.label, title=task.title, text=task.text,
                           line=task.line, section=task.section or "",
                           deadline=task.deadline or "", jurisdiction=plan.jurisdiction,
                           due=task.due.falls_due if task.due else "",
                           due_kind=task.due.kind if task.due else "")
            own = [(a, False) for a in task.assignments]
            standing = [(a, True) for a in plan.standing] if include_standing else []
            by_unit: dict[str, list] = {}
            for assignment, is_standing in own + standing:
                name = office.canonical(assignment.unit)
                name = aliases.get(name, name)
                by_unit.setdefault(name, []).append((assignment, is_standing))
            for name, items in by_unit.items():
                unit = unit_node(plan.jurisdiction, name)
                forms = [f for a, _ in items for f in (a.unit, a.mention)
                         if f and aliases.get(office.canonical(f), office.canonical(f)) == name]
                _add_unit(graph, unit, name, plan.jurisdiction, items, forms)
                graph.add_edge(node, unit, **_edge_attributes(items, include_inline, task.line))
    return graph


def _add_unit(graph: nx.Graph, node: str, name: str, jurisdiction: str, items, forms) -> None:
    collective = any(a.collective for a, _ in items)
    mentions = tuple(a.mention or a.unit for a, _ in items)
    forms = tuple(forms)  # the names and mentions that the naming rules bring to this node
    if node in graph:
        data = graph.nodes[node]
        data["collective"] = data["collective"] or collective
        data["mentions"] = tuple(dict.fromkeys(data["mentions"] + mentions))
        data["forms"] = tuple(dict.fromkeys(data["forms"] + forms))
    else:
        graph.add_node(node, bipartite=UNIT, name=name, jurisdiction=jurisdiction,
                       collective=collective, mentions=tuple(dict.fromkeys(mentions)),
                       forms=tuple(dict.fromkeys(forms)))


def _edge_attributes(items: list[tuple[Assignment, bool]], include_inline: bool,
                     task_line: int) -> dict:
    own = [a for a, is_standing in items if not is_standing]
    assignments = [a for a, _ in items]
    counted = [a for a in assignments
               if (include_inline or a.source != "inline") and a.source != "expanded"]
    clauses = tuple(dict.fromkeys(a.clause for a in assignments if a.clause))
    lines = [a.line for a in own if a.line] or [a.line for a in assignments if a.line] or [task_line]
    counted_roles = tuple(r for r in ROLES if any(a.role == r for a in counted))
    return {
        "roles": tuple(r for r in ROLES if any(a.role == r for a in assignments)),
        "counted_roles": counted_roles,
        "counted": bool(counted_roles),
        "sources": tuple(s for s in SOURCES if any(a.source == s for a in assignments)),
        "clauses": clauses,
        "clause": clauses[0] if clauses else "",
        "line": min(lines),
        "exhaustive": all(a.exhaustive for a in assignments),
        "standing": not own,
        "expanded": all(a.source == "expanded" for a in assignments),
    }


def task_nodes(graph: nx.Graph) -> list[str]:
    return [n for n, side in graph.nodes(data="bipartite") if side == TASK]


def unit_nodes(graph: nx.Graph) -> list[str]:
    return [n for n, side in graph.nodes(data="bipartite") if side == UNIT]


def graph_for_export(graph: nx.Graph) -> nx.Graph:
    """A copy GraphML and GEXF can hold: tuples joined with '|', None as ''."""

    def flat(attrs: dict) -> dict:
        return {k: ("|".join(map(str, v)) if isinstance(v, tuple) else "" if v is None else v)
                for k, v in attrs.items()}

    out = nx.Graph()
    out.add_nodes_from((n, flat(d)) for n, d in graph.nodes(data=True))
    out.add_edges_from((u, v, flat(d)) for u, v, d in graph.edges(data=True))
    return out
