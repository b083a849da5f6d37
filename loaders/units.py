"""Unit names: normalisation, level prefixes, collective classes, and the registry.

The registry (``data/registry/*.tsv``, plain files users can edit) says which names mean
the same office (aliases and abbreviations) and which offices were renamed (successors).
Names in it carry no level prefix (市/县/区…); the plan's prefix is kept.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .readers.document import to_simplified

MARKS = re.compile(r"[\s*_`#\u3000]")

LEVEL_PREFIX = re.compile(r"^(省级|市级|县级|区级|乡级|镇级|省|市|县|区|乡|镇)(?!委|场|民|直属|政府)")
LEVEL_CHARS = "省市县区乡镇"  # the first character of every level prefix
BRACKETS = str.maketrans({"〈": "(", "〉": ")", "（": "(", "）": ")", "【": "(", "】": ")",
                          "［": "(", "］": ")", "[": "(", "]": ")", "﹙": "(", "﹚": ")"})
COLLECTIVE_START = re.compile(r"^(各|有关|相关|其他|其它|其余|所有|负有|全体|各级|广大)")
COLLECTIVE_INSIDE = re.compile(r"(各|有关|相关)(成员)?(单位|部门|机构|方面|组织)|成员单位|各级|"
                               r"行业主管部门|主管部门$|各类|两级|"
                               r"^(企业|企事业单位|生产经营单位|社会组织|乡镇|街道|村|社区|"
                               r"乡镇\(街道\)|镇街|村\(社区\)|党委政府|政府部门)$")
LOWER_LEVELS = {"省": ("市", "县", "区", "乡", "镇"), "市": ("县", "区", "乡", "镇"),
                "县": ("乡", "镇"), "区": ("乡", "镇", "街道")}


@lru_cache(maxsize=65536)  # the same few hundred names are asked for again and again
def normalise_name(name: str) -> str:
    """Simplified script, round brackets, no spaces or emphasis marks."""
    return tidy_name(to_simplified(name))


def tidy_name(name: str) -> str:
    """Round brackets, no spaces or emphasis marks (a name already in simplified script)."""
    return MARKS.sub("", name.translate(BRACKETS)).strip("、，,；;：:。.")


def split_level(name: str) -> tuple[str, str]:
    """('市', '应急管理局') from '市应急管理局'; ('', name) where there is no prefix."""
    if not name or name[0] not in LEVEL_CHARS:
        return "", name
    m = LEVEL_PREFIX.match(name)
    if m and len(name) > m.end():
        return m.group(0), name[m.end():]
    return "", name


@lru_cache(maxsize=65536)  # asked for every assignment; a plan names a few hundred units
def is_collective(name: str, jurisdiction_level: str = "") -> bool:
    """A class of offices (各有关部门, 市安委会各成员单位, 各县市区人民政府), not one office.

    A unit one level below the plan's own (县级… in a city plan) is one per county: a class.
    """
    if COLLECTIVE_START.match(name) or COLLECTIVE_INSIDE.search(name):
        return True
    level, _ = split_level(name)
    return bool(level and jurisdiction_level
                and level[0] in LOWER_LEVELS.get(jurisdiction_level, ()))


def _read_groups(path: Path) -> list[list[str]]:
    groups = []
    if not path.exists():
        return groups
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            groups.append([normalise_name(c) for c in line.split("\t") if c.strip()])
    return groups


@dataclass(frozen=True)
class Registry:
    """Which names mean one office, and which offices became which."""

    aliases: dict = field(default_factory=dict)  # bare name -> canonical bare name
    successors: dict = field(default_factory=dict)  # bare old name -> (bare new name, year)

    @classmethod
    def from_dir(cls, folder) -> "Registry":
        folder = Path(folder)
        aliases = {}
        for group in _read_groups(folder / "aliases.tsv"):
            for name in group:
                aliases.setdefault(name, group[0])
        successors = {}
        for row in _read_groups(folder / "successors.tsv"):
            if len(row) >= 2:
                year = int(row[2]) if len(row) > 2 and row[2].isdigit() else None
                successors[row[0]] = (row[1], year)
        return cls(aliases=aliases, successors=successors)

    @classmethod
    def default(cls) -> "Registry":
        return _default_registry()

    def canonical(self, name: str) -> str:
        """The registry's name for a unit, keeping the plan's level prefix."""
        name = normalise_name(name)
        level, core = split_level(name)
        return level + self.aliases.get(core, core)

    def successor(self, name: str) -> tuple[str, int | None] | None:
        """(new name, year) when the registry says this office was renamed or merged."""
        level, core = split_level(self.canonical(name))
        hit = self.successors.get(core)
        if hit is None:
            return None
        return level + self.canonical(hit[0])[len(split_level(self.canonical(hit[0]))[0]):], hit[1]


@lru_cache(maxsize=1)
def _default_registry() -> Registry:
    from dutygraph.data import REGISTRY_DIR

    return Registry.from_dir(REGISTRY_DIR)
