"""Document to Plan: clean the lines, find the outline, read the assignment clauses."""
from __future__ import annotations

import dataclasses

from .assemble import build_outline
from .clean import clean_lines
from .normalise import normalise
from ..readers.document import Document, detect_script
from .metadata import read_metadata
from ...model import Plan, Source
from ..units import Registry


def parse_document(doc: Document, registry: Registry | None = None) -> Plan:
    registry = registry or Registry.default()
    cleaned = clean_lines(normalise(doc.lines))
    meta = read_metadata(doc.lines, cleaned)
    outline = build_outline(cleaned, registry, jurisdiction=meta.jurisdiction)
    source = Source(path=doc.path, format=doc.format, encoding=doc.encoding,
                    script=detect_script("\n".join(doc.lines)), sha256=doc.sha256,
                    size=doc.size)
    return Plan(
        source=source, **dataclasses.asdict(meta), sections=outline.sections,
        tasks=outline.tasks, units=outline.units, standing=outline.standing,
        warnings=tuple(doc.warnings) + cleaned.warnings + outline.warnings,
        coverage=tuple(sorted(doc.skipped + cleaned.skipped + outline.regions,
                              key=lambda r: (r.start_line, r.end_line, r.kind))),
        aliases=outline.aliases,
    )
