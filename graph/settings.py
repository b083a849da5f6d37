"""Audit settings: the weights and thresholds every finding depends on.

Settings come, in order of precedence, from command-line options, the ``[audit]`` table of
a ``dutygraph.toml`` in the working folder, and the defaults below. The effective settings
are written into every audit so a reader can see which rule produced which finding::

    [audit]
    scope = "jurisdiction-year"
    include_inline = false
    similar_tasks = 90

    [audit.weights]
    lead = 1
    supervise = 0.25

    [audit.overload]
    fence = 1.5
    lead_share = 0.2
"""
from __future__ import annotations

import dataclasses
import math
import tomllib
from dataclasses import dataclass
from pathlib import Path

from dutygraph.model import ROLES

SETTINGS_FILE = "dutygraph.toml"
DEFAULT_WEIGHTS = (("lead", 1.0), ("support", 0.5), ("implement", 0.5), ("supervise", 0.25))
OVERLOAD_KEYS = ("fence", "lead_share", "min_tasks", "min_peers")
SCOPES = ("jurisdiction-year", "year", "plan")
"""How plans are grouped into audit scopes: one jurisdiction's plans of one year (the
default), every plan of one year (a city with its counties), or each plan alone. Loads and
overload are computed within a scope, never across years."""


@dataclass(frozen=True)
class AuditSettings:
    """Every number an audit finding depends on; the defaults are the documented rules."""

    weights: tuple[tuple[str, float], ...] = DEFAULT_WEIGHTS  # role -> weight of one task
    scope: str = "jurisdiction-year"  # one of SCOPES
    fence: float = 1.5  # overloaded above Q3 + fence * IQR of the concrete units' loads
    lead_share: float = 0.2  # ... or leading more than this share of all leads
    min_tasks: int = 3  # a unit with fewer counted tasks is never called overloaded
    min_peers: int = 5  # a peer group with fewer concrete units is listed, never judged
    include_inline: bool = False  # count inline assignments (sentence subjects) too
    include_standing: bool = True  # apply a plan's blanket clauses to every task
    colead_min: int = 3  # report a pair of units co-leading at least this many tasks
    similar_tasks: float = 90.0  # rapidfuzz ratio above which two tasks are near-identical
    similar_units: float = 88.0  # ratio: one character added or dropped in a 4+ character name
    seed: int = 42  # for community detection and sampled betweenness
    betweenness_exact_max: int = 300  # larger components get sampled betweenness
    betweenness_samples: int = 300  # k sources for sampled betweenness
    crunch_min: int = 2  # a unit with this many tasks falling due in one month: a crunch
    expand_members: bool = True  # expand catch-alls (各成员单位) into the roster's members
    expand_also: tuple[str, ...] = ()  # more classes to expand so (各有关部门), canonical names
    projection_max_links: int = 10000  # denser groups are measured on the task-unit graph

    def weight(self, role: str) -> float:
        return dict(self.weights).get(role, 0.0)


def parse_pairs(text: str) -> dict[str, float]:
    """``"lead=1,support=0.5"`` -> ``{"lead": 1.0, "support": 0.5}``; ValueError if malformed."""
    pairs = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        key, sep, value = part.partition("=")
        if not sep or not key.strip():
            raise ValueError(f"'{part}' is not KEY=NUMBER")
        try:
            pairs[key.strip()] = float(value)
        except ValueError:
            raise ValueError(f"'{value.strip()}' in '{part}' is not a number") from None
    return pairs


def checked_number(key: str, value, whole: bool = False) -> float | int:
    """``value`` when it is a finite, non-negative number (a whole one if ``whole``); else
    ValueError naming ``key``: a NaN or an infinity would give invalid JSON and meaningless
    loads, a negative weight a negative load."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ValueError(f"{key} must be a number, not {value!r}")
    if not math.isfinite(value):
        raise ValueError(f"{key} must be a finite number, not {value!r}")
    if value < 0:
        raise ValueError(f"{key} must not be negative, not {value!r}")
    if whole and value != int(value):
        raise ValueError(f"{key} must be a whole number, not {value!r}")
    return int(value) if whole else float(value)


def _table(value, where: str) -> dict:
    if not isinstance(value, dict):
        raise ValueError(f"{where} must be a table of KEY = NUMBER, not {value!r}")
    return value


def with_weights(settings: AuditSettings, weights: dict, where: str = "") -> AuditSettings:
    """New settings with some role weights replaced; ValueError names an unknown role or a
    weight that is not a finite, non-negative number (``where`` prefixes the key)."""
    unknown = sorted(set(_table(weights, where.strip() or "weights")) - set(ROLES))
    if unknown:
        raise ValueError(f"{where}unknown role '{unknown[0]}' (roles: {', '.join(ROLES)})")
    checked = {k: checked_number(f"{where}{k}", v) for k, v in weights.items()}
    merged = dict(settings.weights) | checked
    return dataclasses.replace(settings, weights=tuple((r, merged[r]) for r in ROLES))


def with_overload(settings: AuditSettings, values: dict, where: str = "") -> AuditSettings:
    """New settings with overload thresholds replaced (fence, lead_share, min_tasks,
    min_peers); ValueError names an unknown key or a value that is not a finite,
    non-negative number (whole for min_tasks and min_peers)."""
    unknown = sorted(set(_table(values, where.strip() or "overload")) - set(OVERLOAD_KEYS))
    if unknown:
        raise ValueError(f"{where}unknown key '{unknown[0]}' (keys: {', '.join(OVERLOAD_KEYS)})")
    changes = {k: checked_number(f"{where}{k}", v, whole=k in ("min_tasks", "min_peers"))
               for k, v in values.items()}
    return dataclasses.replace(settings, **changes)


def with_scope(settings: AuditSettings, scope: str) -> AuditSettings:
    """New settings with another scope; ValueError names the scopes there are."""
    if scope not in SCOPES:
        raise ValueError(f"unknown scope '{scope}' (scopes: {', '.join(SCOPES)})")
    return dataclasses.replace(settings, scope=scope)


def settings_from_toml(data: dict, base: AuditSettings = AuditSettings()) -> AuditSettings:
    """Settings from the parsed TOML document (its ``[audit]`` table); ValueError if wrong."""
    table = dict(_table(data.get("audit", {}), "[audit]"))
    settings = with_weights(base, table.pop("weights", {}), "[audit.weights] ")
    settings = with_overload(settings, table.pop("overload", {}), "[audit.overload] ")
    fields = {f.name: f for f in dataclasses.fields(AuditSettings)}
    if "scope" in table:
        scope = table.pop("scope")
        try:
            settings = with_scope(settings, scope if isinstance(scope, str) else repr(scope))
        except ValueError as err:
            raise ValueError(f"[audit] {err}") from None
    scalar = sorted(set(fields) - {"weights", "scope", *OVERLOAD_KEYS})
    changes = {}
    for key, value in table.items():
        if key not in scalar:
            raise ValueError(f"unknown key '{key}' in [audit] (keys: {', '.join(scalar)}, "
                             "scope, weights, overload)")
        kind = type(getattr(base, key))
        if kind is tuple:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"[audit] {key} must be a list of names, not {value!r}")
            changes[key] = tuple(value)
            continue
        if kind is bool and not isinstance(value, bool):
            raise ValueError(f"[audit] {key} must be true or false, not {value!r}")
        changes[key] = value if kind is bool else checked_number(f"[audit] {key}", value,
                                                                 whole=kind is int)
    return dataclasses.replace(settings, **changes)


def read_settings(folder=".") -> tuple[AuditSettings, Path | None]:
    """Settings from ``dutygraph.toml`` in ``folder`` (defaults if absent) and the file used.

    Raises ValueError naming the file when it is not valid TOML or holds an unknown key.
    """
    path = Path(folder) / SETTINGS_FILE
    if not path.is_file():
        return AuditSettings(), None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        return settings_from_toml(data), path
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, ValueError) as err:
        raise ValueError(f"{path}: {err}") from None
