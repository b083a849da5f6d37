"""Document to Plan: the stages in their order, each entered once.

normalise (script, width, pinyin, spaces) → regions (furniture, spam, run-on pages, tables
found, broken lines rejoined; ``clean``) → metadata → the outline tree → the evidence of
every item (``assemble``) → its assignments (``resolve``) → the roster the regions set
aside → how well it was read (``reading``).
"""
from __future__ import annotations

import dataclasses
import gc
from contextlib import contextmanager

from ...model import Plan, Source
from ..readers.document import Document, detect_script
from ..roster import read_roster
from ..units import Registry
from .assemble import read_evidence
from .clean import clean_lines
from .metadata import read_metadata
from .normalise import normalise
from .outline import build_tree, release
from .reading import read_quality
from .resolve import resolve_plan


def parse_document(doc: Document, registry: Registry | None = None) -> Plan:
    with cyclic_gc_paused():
        return _parse(doc, registry or Registry.default())


@contextmanager
def cyclic_gc_paused():
    """The stages make millions of small objects (lines, records, tuples) and keep most of
    them to the end; Python's cyclic collector, counting them, scans the whole heap again
    and again: a sixth to a quarter of the time of a large plan. Reference counting still
    frees what is dropped, and the stages leave no cycle (``outline.release`` cuts the
    tree's links once it is read)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _parse(doc: Document, registry: Registry) -> Plan:
    normalised = normalise(doc.lines)
    cleaned = clean_lines(normalised)
    meta = read_metadata(doc.lines, cleaned)
    tree = build_tree(cleaned)
    found = read_evidence(tree, cleaned, meta.jurisdiction)
    release(tree[0])
    resolved = resolve_plan(found, registry, meta.jurisdiction, meta.year)
    source = Source(path=doc.path, format=doc.format, encoding=doc.encoding,
                    script=detect_script("\n".join(doc.lines)), sha256=doc.sha256,
                    size=doc.size)
    plan = Plan(
        source=source, **dataclasses.asdict(meta), sections=found.sections,
        tasks=resolved.tasks, units=resolved.units, standing=resolved.standing,
        warnings=tuple(doc.warnings) + cleaned.warnings + found.warnings + resolved.warnings,
        coverage=tuple(sorted(doc.skipped + cleaned.skipped + found.regions,
                              key=lambda r: (r.start_line, r.end_line, r.kind))),
        aliases=resolved.aliases,
    )
    plan = dataclasses.replace(plan, roster=read_roster(plan, normalised.lines, registry))
    return dataclasses.replace(plan, reading=read_quality(plan, cleaned.lines, registry))
