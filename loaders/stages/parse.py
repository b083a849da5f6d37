"""Document to Plan: the stages in their order, each entered once.

normalise (script, width, pinyin, spaces) → regions (furniture, spam, run-on pages, tables
found, broken lines rejoined; ``clean``) → metadata → outline and evidence, resolved into
tasks (``assemble``) → the roster the regions set aside → how well it was read (``reading``).
"""
from __future__ import annotations

import dataclasses

from ...model import Plan, Source
from ..readers.document import Document, detect_script
from ..roster import read_roster
from ..units import Registry
from .assemble import build_outline
from .clean import clean_lines
from .metadata import read_metadata
from .normalise import normalise
from .reading import read_quality


def parse_document(doc: Document, registry: Registry | None = None) -> Plan:
    registry = registry or Registry.default()
    cleaned = clean_lines(normalise(doc.lines))
    meta = read_metadata(doc.lines, cleaned)
    outline = build_outline(cleaned, registry, jurisdiction=meta.jurisdiction)
    source = Source(path=doc.path, format=doc.format, encoding=doc.encoding,
                    script=detect_script("\n".join(doc.lines)), sha256=doc.sha256,
                    size=doc.size)
    plan = Plan(
        source=source, **dataclasses.asdict(meta), sections=outline.sections,
        tasks=outline.tasks, units=outline.units, standing=outline.standing,
        warnings=tuple(doc.warnings) + cleaned.warnings + outline.warnings,
        coverage=tuple(sorted(doc.skipped + cleaned.skipped + outline.regions,
                              key=lambda r: (r.start_line, r.end_line, r.kind))),
        aliases=outline.aliases,
    )
    plan = dataclasses.replace(plan, roster=read_roster(plan, doc.lines, registry))
    return dataclasses.replace(plan, reading=read_quality(plan, cleaned.lines, registry))
