"""Document to Plan: clean the lines, find the outline, read the assignment clauses."""
from __future__ import annotations

from .document import Document, detect_script
from .model import Plan, Source


def parse_document(doc: Document, registry=None) -> Plan:
    from .clean import clean_lines
    from .metadata import read_metadata
    from .assemble import build_outline
    from .units import Registry

    registry = registry or Registry.default()
    text = "\n".join(doc.lines)
    cleaned = clean_lines(doc.lines)
    meta = read_metadata(doc.lines, cleaned)
    outline = build_outline(cleaned, registry, jurisdiction=meta.jurisdiction)
    source = Source(path=doc.path, format=doc.format, encoding=doc.encoding,
                    script=detect_script(text), sha256=doc.sha256, size=doc.size)
    return Plan(
        source=source, title=meta.title, jurisdiction=meta.jurisdiction, year=meta.year,
        issuer=meta.issuer, document_number=meta.document_number,
        publish_date=meta.publish_date, sections=outline.sections, tasks=outline.tasks,
        units=outline.units, standing=outline.standing,
        warnings=tuple(doc.warnings) + cleaned.warnings + outline.warnings,
        coverage=tuple(sorted(doc.skipped + cleaned.skipped + outline.regions,
                              key=lambda r: (r.start_line, r.end_line, r.kind))),
        aliases=outline.aliases,
    )
