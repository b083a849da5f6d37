"""References from a finding back to the plan text: which file, task, line and clause."""
from __future__ import annotations

from dataclasses import dataclass

import networkx as nx


@dataclass(frozen=True)
class TaskRef:
    """A task as a reader finds it again: file, task id, printed label, line and title."""

    node: str  # task node id in the graph
    path: str  # the plan file
    task: str  # Task.id
    label: str  # numbering path as printed, e.g. 二/（三）/2
    line: int
    title: str


@dataclass(frozen=True)
class UnitRef:
    node: str  # unit node id in the graph
    name: str  # canonical name
    jurisdiction: str


def task_ref(graph: nx.Graph, node: str) -> TaskRef:
    data = graph.nodes[node]
    return TaskRef(node=node, path=data["path"], task=data["task"], label=data["label"],
                   line=data["line"], title=data["title"])


def unit_ref(graph: nx.Graph, node: str) -> UnitRef:
    data = graph.nodes[node]
    return UnitRef(node=node, name=data["name"], jurisdiction=data["jurisdiction"])


def task_order(graph: nx.Graph):
    """Sort key putting tasks in reading order: plan file, then line, then id."""

    def key(node: str):
        data = graph.nodes[node]
        return data["path"], data["line"], node

    return key
