"""Command-line inputs to files: folders walked, globs expanded, order fixed.

Users point at a folder of plans or a pattern (``plans/*.docx``, quoted so the shell
leaves it alone, or on Windows where the shell never expands it). A name that is neither
an existing path nor a matching pattern is passed on as it is, so the reader can say
"no such file" about it.
"""
from __future__ import annotations

import glob
from pathlib import Path


def plan_suffixes() -> frozenset[str]:
    """Every suffix some reader accepts."""
    from . import READERS

    return frozenset(READERS)


def _visible(path: Path, root: Path) -> bool:
    """Not hidden (.git, .DS_Store), not an Office lock file (~$plan.docx), and not a
    folder's README (its notes, not a plan; a README named on the command line is read)."""
    parts = path.relative_to(root).parts
    return (not any(p.startswith(".") for p in parts) and not path.name.startswith("~$")
            and not path.stem.upper().startswith("README"))


def expand_inputs(paths) -> list[Path]:
    """Files to read, in order: folders walked (sorted, plan suffixes only), globs expanded.

    A folder without plan files is returned as itself so the caller can say so.
    """
    suffixes = plan_suffixes()
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _visible(p, path)
                           and p.suffix.lower() in suffixes)
            out.extend(found or [path])  # an empty folder stays, for the caller to report
        elif not path.exists() and glob.has_magic(str(raw)):
            matches = sorted(Path(m) for m in glob.glob(str(raw), recursive=True))
            files = [m for m in matches if m.is_file() and _visible(m, m.parent)]
            for m in matches:
                if m.is_dir():
                    files.extend(p for p in expand_inputs([m]) if p.is_file())
            out.extend(files or [path])
        else:
            out.append(path)
    seen: set[Path] = set()
    unique = []
    for p in out:
        if p not in seen:
            seen.add(p)
            unique.append(p)
    return unique
