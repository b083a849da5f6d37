"""The archive: every plan read, and every correction, in one SQLite file across the years.

Written with sqlite-utils (tables with primary and foreign keys, indexes), so the file
opens as it is in Datasette or DB Browser for SQLite. A plan is known by its source
file's sha256 (a review workbook keeps its plan's) and its content by a hash of its plan
JSON: archiving the same plan again changes nothing; a corrected review workbook of an
archived plan replaces its tasks and assignments, the old assignments kept in
``assignment_history`` with the version they belonged to; the plan's file read again
later leaves the correction in place. ``findings`` holds the audit of
every archived plan (default settings), redone whenever a plan changes.

    plans ─< tasks ─< assignments >─ units ─< aliases
      └──< assignment_history, findings          schema_version
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dutygraph.model import Plan, plan_from_dict, to_dict

SCHEMA_VERSION = 1
FINDING_KINDS = ("overloaded", "orphans", "lead_and_support", "joint_leads", "quality")
ASSIGNMENT_COLUMNS = {"plan_id": int, "unit": str, "mention": str, "role": str,
                      "collective": int, "source": str, "clause": str, "line": int,
                      "exhaustive": int, "evidence": str}


def open_archive(path, create: bool = True):
    """The sqlite-utils Database of ``path`` with the schema in place; LoadError when the
    file is not a dutygraph archive (or is missing and ``create`` is false)."""
    import sqlite3

    import sqlite_utils

    from dutygraph.loaders.readers.document import LoadError

    path = Path(path)
    if not create and not path.is_file():
        raise LoadError(path, f"no such archive (write one with dutygraph archive FILE… "
                              f"--db {path})")
    try:
        db = sqlite_utils.Database(path)
        names = set(db.table_names())
    except sqlite3.DatabaseError as err:
        raise LoadError(path, f"is not a SQLite database ({err})") from None
    if names and "schema_version" not in names:
        raise LoadError(path, "is a SQLite database but not a dutygraph archive")
    if not names:
        _create(db)
    version = db["schema_version"].get(1)["version"] if names else SCHEMA_VERSION
    if version != SCHEMA_VERSION:
        raise LoadError(path, f"holds archive schema {version}; this dutygraph reads "
                              f"{SCHEMA_VERSION}")
    return db


def _create(db) -> None:
    """The tables, keys and indexes (once, in a new file)."""
    with db.conn:
        db["schema_version"].insert({"id": 1, "version": SCHEMA_VERSION}, pk="id")
        db["plans"].create({
            "id": int, "sha256": str, "content_hash": str, "version": int, "path": str,
            "format": str, "title": str, "jurisdiction": str, "year": int, "issuer": str,
            "document_number": str, "publish_date": str, "tasks": int, "plan_json": str,
        }, pk="id", not_null={"sha256", "content_hash"})
        db["plans"].create_index(["sha256"], unique=True)
        db["plans"].create_index(["jurisdiction", "year"])
        db["units"].create({"name": str, "level": str, "collective": int}, pk="name")
        db["tasks"].create({
            "id": int, "plan_id": int, "task_id": str, "label": str, "number": str,
            "section": str, "title": str, "text": str, "line": int, "end_line": int,
            "deadline": str,
        }, pk="id", foreign_keys=[("plan_id", "plans", "id")])
        db["tasks"].create_index(["plan_id", "task_id"], unique=True)
        db["assignments"].create({"id": int, "task": int, **ASSIGNMENT_COLUMNS}, pk="id",
                                 foreign_keys=[("plan_id", "plans", "id"),
                                               ("task", "tasks", "id"),
                                               ("unit", "units", "name")])
        db["assignment_history"].create(
            {"id": int, "version": int, "task_id": str, **ASSIGNMENT_COLUMNS}, pk="id",
            foreign_keys=[("plan_id", "plans", "id"), ("unit", "units", "name")])
        db["aliases"].create({"plan_id": int, "unit": str, "alias": str},
                             pk=("plan_id", "unit", "alias"),
                             foreign_keys=[("plan_id", "plans", "id"), ("unit", "units", "name")])
        db["findings"].create({
            "id": int, "plan_id": int, "scope": str, "kind": str, "task_id": str, "unit": str,
            "line": int,
            "detail": str,
        }, pk="id", foreign_keys=[("plan_id", "plans", "id")])
        for table, columns in (("assignments", ["unit"]), ("assignments", ["role"]),
                               ("assignments", ["plan_id"]), ("assignments", ["task"]),
                               ("assignment_history", ["plan_id"]),
                               ("findings", ["kind"]), ("findings", ["plan_id"]),
                               ("aliases", ["unit"])):
            db[table].create_index(columns)


def content_hash(plan: Plan) -> str:
    """What a plan says, whatever file it was read from: its JSON without path and format."""
    body = to_dict(plan)
    body["source"] = {**body["source"], "path": "", "format": ""}
    return hashlib.sha256(json.dumps(body, ensure_ascii=False, sort_keys=True)
                          .encode("utf-8")).hexdigest()


def archive_plans(path, plans, settings=None) -> dict[str, int]:
    """Write ``plans`` into the archive at ``path``: counts of plans ``added``, ``updated``
    (a corrected version) and ``same``. The findings are redone when anything changed."""
    db = open_archive(path)
    counts = {"added": 0, "updated": 0, "same": 0}
    with db.conn:
        for plan in plans:
            counts[_put(db, plan)] += 1
        if counts["added"] or counts["updated"]:
            _write_findings(db, settings)
    return counts


def _put(db, plan: Plan) -> str:
    digest = content_hash(plan)
    sha = plan.source.sha256 or digest
    old = next(db["plans"].rows_where("sha256 = ?", [sha]), None)
    if old and (old["content_hash"] == digest or (old["format"] == "review"
                                                   and plan.source.format != "review")):
        return "same"  # the same content, or the file again after a correction: that stands
    row = {"sha256": sha, "content_hash": digest, "path": plan.source.path,
           "format": plan.source.format, "title": plan.title, "jurisdiction": plan.jurisdiction,
           "year": plan.year, "issuer": plan.issuer, "document_number": plan.document_number,
           "publish_date": plan.publish_date, "tasks": len(plan.tasks),
           "plan_json": json.dumps(to_dict(plan), ensure_ascii=False)}
    if old:
        plan_id, version = old["id"], old["version"] + 1
        db.execute(
            "insert into assignment_history (version, task_id, plan_id, unit, mention, role, "
            "collective, source, clause, line, exhaustive, evidence) select ?, t.task_id, "
            "a.plan_id, a.unit, a.mention, a.role, a.collective, a.source, a.clause, a.line, "
            "a.exhaustive, a.evidence from assignments a join tasks t on t.id = a.task "
            "where a.plan_id = ? order by a.id", [old["version"], plan_id])
        for table in ("assignments", "tasks", "aliases"):
            db[table].delete_where("plan_id = ?", [plan_id])
        db["plans"].update(plan_id, {**row, "version": version})
    else:
        plan_id = db["plans"].insert({**row, "version": 1}).last_pk
    _put_content(db, plan_id, plan)
    return "updated" if old else "added"


def _put_content(db, plan_id: int, plan: Plan) -> None:
    """A plan's units, aliases, tasks and assignments."""
    units = {u.name: {"name": u.name, "level": u.level, "collective": int(u.collective)}
             for u in plan.units}
    for task in plan.tasks:
        for a in task.assignments:
            units.setdefault(a.unit, {"name": a.unit, "level": "", "collective": int(a.collective)})
    db["units"].insert_all(units.values(), pk="name", ignore=True)
    aliases = {(g[0], alias) for g in plan.aliases for alias in g[1:] if g[0] in units}
    aliases |= {(u.name, m) for u in plan.units for m in u.mentions if m != u.name}
    db["aliases"].insert_all(({"plan_id": plan_id, "unit": u, "alias": m}
                              for u, m in sorted(aliases)), ignore=True)
    for task in plan.tasks:
        task_pk = db["tasks"].insert({
            "plan_id": plan_id, "task_id": task.id, "label": task.label, "number": task.number,
            "section": task.section, "title": task.title, "text": task.text, "line": task.line,
            "end_line": task.end_line, "deadline": task.deadline}).last_pk
        db["assignments"].insert_all({
            "task": task_pk, "plan_id": plan_id, "unit": a.unit, "mention": a.mention,
            "role": a.role, "collective": int(a.collective), "source": a.source,
            "clause": a.clause, "line": a.line, "exhaustive": int(a.exhaustive),
            "evidence": a.evidence} for a in task.assignments)


def _write_findings(db, settings=None) -> None:
    """The audit of every archived plan, one row per finding (the detail as audit JSON)."""
    from dutygraph.api import run_audit
    from dutygraph.graph.audit import audit_to_dict

    ids, plans = _current(db)
    db["findings"].delete_where()
    if not plans:
        return
    result = audit_to_dict(run_audit(plans, settings).audit)
    by_key = {p["key"]: plan_id for p, plan_id in zip(result["plans"], ids)}
    by_path = {p["path"]: plan_id for p, plan_id in zip(result["plans"], ids)}
    rows = []
    for kind in FINDING_KINDS:
        for item in result[kind]:
            task = item.get("task") or {}  # an overloaded unit's tasks span its scope
            unit = item.get("unit") or {}
            key = (task.get("node") or "").rsplit(":", 1)[0]
            rows.append({"plan_id": by_key.get(key, by_path.get(item.get("path"))),
                         "scope": item.get("scope"), "kind": kind, "task_id": task.get("task"),
                         "unit": unit.get("name"), "line": item.get("line") or task.get("line"),
                         "detail": json.dumps(item, ensure_ascii=False)})
    db["findings"].insert_all(rows)


def _current(db, year=None, jurisdiction=None):
    where, args = [], []
    if year is not None:
        where.append("year = ?")
        args.append(year)
    if jurisdiction is not None:
        where.append("jurisdiction = ?")
        args.append(jurisdiction)
    rows = list(db["plans"].rows_where(" and ".join(where) or None, args, order_by="id",
                                       select="id, plan_json"))
    return [r["id"] for r in rows], [plan_from_dict(json.loads(r["plan_json"])) for r in rows]


def archived_plans(path, year: int | None = None, jurisdiction: str | None = None) -> list[Plan]:
    """The plans the archive holds (their latest version), in the order they were first
    archived, of ``year`` and ``jurisdiction`` when given."""
    return _current(open_archive(path, create=False), year, jurisdiction)[1]
