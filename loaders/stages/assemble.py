"""Evidence: the outline tree walked once into sections, tasks and the records naming
their units (``resolve`` makes those assignments), with where every line went.

A leaf item in a section of actions is a task; a parent is a section, and a task too when
its own text carries an assignment. A section heading's clause (``（牵头单位：X）``) is
inherited by every task below it; a range (``（一）至（五）项由X负责``) by the items it names.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace

from .duties import header_units, item_heading_units
from .clauses import (FIRST_IS_LEAD, LABEL, ClauseReading, find_clauses,
                      read_clause)
from .clean import CleanText
from ..grammar.markers import ITEM_NUMBER
from ..grammar.numerals import RANGE, RANGE_AT_START, number_range
from .normalise import Line
from .inline import find_inline
from ...model import Finding, Region, Section
from .resolve import Evidence
from .outline import Node, heading_title, paragraph_node, release
from .table_cells import UNIT_ROLES
from .tables import sub_items
from .unitlist import OFFICE_END, is_unit_like, split_units

LEAD_LABEL = re.compile(r"(?:^|\n)\s*[（(【\[]?\s*(牵头(责任)?(单位|部门))\s*[】\]]?\s*[:：]")
STANDING_LINE = re.compile(r"(以下|下列|其余)各项|不再一一列出|不再重复列出")
ROLE_IN_CELL = re.compile(r"牵头|配合|落实|负责|参与|协助|督促")
DEADLINE_IN_TEXT = re.compile(
    r"((?:20\d\d|19\d\d)\s*年(?:\d{1,2}\s*月)?(?:底|末|年底)?前|(?<![\d年])\d{1,2}\s*月(?:底|末)?前|"
    r"[一二三四1-4]季度末前?|年底前|年内)")
ONGOING_IN_TEXT = re.compile(r"(长期坚持|持续推进)")


@dataclass(frozen=True)
class Found:
    """What the evidence pass found: the tasks, each with the records naming its units
    (``records[k]`` is ``tasks[k]``'s), the plan's standing clauses, and where every line
    went. A task is the fields of its ``Task`` but the resolver's (``assignments``,
    ``due``): the resolver makes the Task, once."""

    sections: tuple[Section, ...]
    tasks: tuple[dict, ...]
    records: tuple[tuple[Evidence, ...], ...]
    standing: tuple[Evidence, ...]
    warnings: tuple[Finding, ...]
    regions: tuple[Region, ...]


class _Builder:
    """Walks the tree once, collecting records (a helper of read_evidence only)."""

    def __init__(self, jurisdiction: str):
        self.stem = re.sub(r"(市|县|区|州|省)$", "", jurisdiction)
        self.level = jurisdiction[-1:] if jurisdiction else ""
        self.sections: list[Section] = []
        self.tasks: list[dict] = []  # each Task's fields but the resolver's (see Found)
        self.records: list[tuple[Evidence, ...]] = []  # each task's, in its order
        self.standing: list[Evidence] = []  # blanket clauses, resolved at the end
        self.regions: list[Region] = []
        self.warnings: list[Finding] = []
        self.first_lead_from = 10 ** 9  # line where a first-is-lead rule was stated
        self.readings: dict[str, tuple] = {}  # text -> its assigning clauses (see clauses)

    # -- evidence --
    @staticmethod
    def record(mention, role, source, clause, line, evidence="",
               where: Line | None = None) -> Evidence:
        """A record of evidence; ``where`` (the Line the clause stands in) gives the clause
        and the mention as the source wrote them when it is resolved."""
        return Evidence(mention, role, source, evidence or source, clause, line, where)

    def read_text(self, where: Line, line_at):
        """Clauses in a task's text -> (assignments, deadline, leaders, clause spans)."""
        text = where.text
        found, deadline, leaders, spans = [], None, [], []
        for span, reading in self.clauses(text):
            clause_line = where.cut(span.start, span.end)
            clause = clause_line.text.strip()
            line = line_at(span.start)
            if reading.first_is_lead:
                self.first_lead_from = min(self.first_lead_from, line)
            first = reading.ordered and line >= self.first_lead_from
            found.extend(self.record(r.mention, "support" if first and k else r.role,
                                         "explicit", clause, line, "first" if first else span.kind,
                                         clause_line)
                         for k, r in enumerate(reading.roles))
            self.standing.extend(self.record(r.mention, r.role, "explicit", clause, line,
                                                 where=clause_line)
                                 for r in reading.standing)
            deadline = deadline or (reading.deadline and clause_line.written(reading.deadline))
            leaders.extend(reading.leaders)
            spans.append((span.start, span.end))
        return found, deadline, leaders, spans

    def assigns(self, text: str) -> bool:
        """Whether some clause in the text names a responsible unit."""
        return any(reading.roles for _, reading in self.clauses(text))

    def clauses(self, text: str) -> tuple:
        """``assigning`` of the text, read once: a group's closing clause is read for each
        of its items, a section's body once for the section and once for its task."""
        found = self.readings.get(text)
        if found is None:
            if len(self.readings) > 4096:
                self.readings.clear()
            found = self.readings[text] = tuple(self.assigning(text))
        return found

    def assigning(self, text: str):
        """(span, reading) for each clause in the text that really assigns. Where a lead is
        named by its own label line (牵头单位：X), a 责任单位 line beside it implements."""
        lead_named = bool(LEAD_LABEL.search(text))
        for span in find_clauses(text):
            if span.kind == "units":  # （市教育局、市公安局） closing a sentence: those responsible
                reading = read_clause("责任单位：" + span.inner, self.stem)
                if reading.clean and reading.roles and all(
                        OFFICE_END.search(r.mention.name) for r in reading.roles):
                    yield span, reading
                continue
            reading: ClauseReading = read_clause(span.inner, self.stem, lead_named)
            if span.kind == "sentence" and not (reading.clean and (reading.roles or reading.standing)):
                continue
            if not (reading.roles or reading.standing or reading.deadline or reading.leaders):
                continue
            if span.kind == "paren" and not reading.clean:  # keep the names, drop the prose
                named = tuple(r for r in reading.roles if is_unit_like(r.mention.name))
                if len(named) * 2 < len(reading.roles):
                    continue
                reading = replace(reading, roles=named)
            yield span, reading

    # -- tree walk --
    def walk(self, node: Node, parent_id: str | None, inherited: list, ranges: dict):
        for child in node.children:
            passed = inherited + ranges.get(child.number.strip("()（）"), [])
            if child.kind == "table":
                self.add_table(child, parent_id, passed)
            elif child.kind == "annex" and not child.children:
                self.regions.extend(Region(x.number, x.end, "annex", len(x.text)) for x in child.lines)
            elif child.children:
                self.add_section(child, parent_id, passed)
            else:
                self.add_task(child, parent_id, passed)

    def add_section(self, node: Node, parent_id, inherited):
        sid = f"S{len(self.sections) + 1}"
        first = node.lines[0]
        self.sections.append(Section(sid, node.number, node.heading, parent_id,
                                     first.number,
                                     len(node.trail)))
        heading = node.first_text
        head_line = node.lines[0].cut(node.marker_len)
        own, ranges = [], {}
        title_end = len(node.topic) + 2
        for span in find_clauses(heading):
            if span.start > max(title_end, 60) and len(heading) > 60:
                continue  # a clause deep in a long first paragraph: the item's own
            ranges_here = self.read_ranges(span.inner, heading[span.start:span.end], first.number,
                                           head_line)
            if ranges_here:
                for key, items in ranges_here.items():
                    ranges.setdefault(key, []).extend(items)
        for span, reading in self.clauses(heading):
            if span.start > max(title_end, 60) and len(heading) > 60:
                continue
            if RANGE.search(span.inner):
                continue
            own.extend(self.record(r.mention, r.role, "inherited",
                                       heading[span.start:span.end], first.number, "heading",
                                       head_line)
                       for r in reading.roles)
        own.extend(self.record(u, "lead", "inherited", heading, first.number, "header",
                                   head_line)
                   for u in header_units(heading, self.stem))
        for line in node.lines[1:]:  # （一）至（五）项由X负责。 on a line of its own
            if RANGE_AT_START.match(line.text):
                for key, items in self.read_ranges(line.text, line.text, line.number, line).items():
                    ranges.setdefault(key, []).extend(items)
        label_lines = [x for x in node.lines[1:] if LABEL.match(x.text)]
        clause_lines = label_lines + [x for x in node.lines[1:] if x not in label_lines and (
            RANGE_AT_START.match(x.text) or self.read_standing(x))]
        for line in label_lines:  # 牵头单位：X on its own line under a heading
            for _, reading in self.clauses(line.text):
                own.extend(self.record(r.mention, r.role, "inherited", line.text, line.number,
                                           "heading", line) for r in reading.roles)
        body_text = "\n".join(x.text for x in node.lines[1:] if x not in clause_lines)
        if self.assigns(body_text) and node.action:
            self.add_task(node, parent_id, inherited)
        else:
            self.regions.extend(Region(line.number, line.end, "heading" if k == 0 else "intro",
                                       len(line.text)) for k, line in enumerate(node.lines))
        self.walk(node, sid, inherited + own, ranges)

    def read_standing(self, line) -> bool:
        """A blanket clause on a line of its own (以下各项均需各县市区负责，不再一一列出。):
        kept as the plan's standing assignments; True when the line was one."""
        if not STANDING_LINE.search(line.text):
            return False
        found = [self.record(r.mention, r.role, "explicit", line.text, line.number, "sentence",
                                 line)
                 for _, reading in self.clauses(line.text) for r in reading.standing]
        self.standing.extend(found)
        return bool(found)

    def read_ranges(self, inner: str, clause: str, line: int, where: Line | None = None) -> dict:
        """（一）至（五）项由X负责 -> {'一': [...], '二': [...], …}."""
        out: dict[str, list] = {}
        marks = list(RANGE.finditer(inner))
        for k, m in enumerate(marks):
            end = marks[k + 1].start() if k + 1 < len(marks) else len(inner)
            reading = read_clause(inner[m.end(): end].strip("，,；; "), self.stem)
            if not reading.roles:
                continue
            first, last = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(3))
            for number in number_range(first, last):
                out.setdefault(number, []).extend(
                    self.record(r.mention, r.role, "range", clause, line, where=where)
                    for r in reading.roles)
        return out

    def add_task(self, node: Node, section_id, inherited):
        lines = node.lines
        where = lines[0].cut(node.marker_len)
        for line in lines[1:]:
            where = where.joined(line, "\n")
        text = where.text
        starts = [0]
        for line in lines[:-1]:
            starts.append(starts[-1] + len(line.text) + 1 - (node.marker_len if line is lines[0] else 0))

        def line_at(offset: int) -> int:
            return lines[bisect_right(starts, offset) - 1].number

        found, deadline, leaders, spans = self.read_text(where, line_at)
        if node.after is not None and node.after not in lines:  # 上述项目由X负责 / a group's clause
            for _, reading in self.clauses(node.after.text):
                found += [self.record(r.mention, r.role, "range", node.after.text,
                                          node.after.number, "after", node.after)
                          for r in reading.roles]
        found += [self.record(u, "lead", "explicit", words, lines[0].number, "header", where)
                  for u, words in item_heading_units(
                      node.kind, node.first_text, text, node.number, len(lines) > 1,
                      [n.topic for n in node.trail[:-1]], node.parent.kind == "root",
                      bool(found), self.stem)]
        if not found and not inherited and not node.action:
            self.regions.extend(Region(x.number, x.end, "non_action", len(x.text)) for x in lines)
            return
        deadline = deadline or find_deadline(text)
        cut: dict[int, Line] = {}  # a sentence's Line, one for all its units
        inline = [self.record(m, role, "inline", sentence, line_at(offset), where=cut.get(
                      offset) or cut.setdefault(offset, where.cut(offset, offset + len(sentence))))
                  for m, role, sentence, offset in find_inline(text, spans, self.stem, self.level)]
        self.tasks.append(dict(
            id=f"T{len(self.tasks) + 1}", section=section_id,
            label="/".join(n.number for n in node.trail), number=node.number,
            title=node.heading if len(lines) == 1 else heading_title(where.raw), text=where.raw,
            line=lines[0].number,
            end_line=lines[-1].end,
            deadline=deadline, leaders=tuple(dict.fromkeys(leaders))))
        self.records.append(tuple(found + list(inherited) + inline))

    def add_table(self, node: Node, section_id, inherited):
        """Each row a task (each numbered sub-item of its task cell, when it has several);
        a spanning row that only titles the rows below is a section."""
        table = node.table
        if not table.is_task_table:
            self.regions.append(Region(node.lines[0].number, node.lines[-1].end, "table",
                                       sum(len(x.text) for x in node.lines)))
            return
        self.regions.extend(Region(n, n, "table_header", 0) for n in table.header_lines)
        in_rows = {n for row in table.rows for n in range(row.line, row.end_line + 1)}
        self.regions.extend(Region(x.number, x.end, "table", len(x.text)) for x in node.lines
                            if x.number not in in_rows and x.number not in table.header_lines)
        prefix = [n.number for n in node.trail[:-1]]
        section, previous = section_id, None
        for k, row in enumerate(table.rows, 1):
            if row.kind == "heading":
                title = next(t for _, t in row.cells if t)
                section = f"S{len(self.sections) + 1}"
                self.sections.append(Section(section, "", heading_title(title), section_id,
                                             row.line, len(prefix) + 1))
                self.regions.append(Region(row.line, row.end_line, "heading", len(title)))
                continue
            spans = {role: previous for role in UNIT_ROLES + ("deadline",) if row.continued
                     and previous and not row.get(role) and previous.get(role)}  # merged cell
            cells = {role: (spans.get(role) or row).get(role) for role in UNIT_ROLES + ("deadline",)}
            found = [a for role in UNIT_ROLES if cells[role]
                     for a in self.cell_assignments(cells[role], role, spans.get(role) or row,
                                                    merged=role in spans)]
            tasks = row.tasks()
            task_cell = tasks[-1] if tasks else ""
            if not task_cell and not found:
                self.regions.append(Region(row.line, row.end_line, "table", 0))
                continue  # (a row naming units under no task is still a task: nothing lost)
            printed = not sub_items(task_cell) and ITEM_NUMBER.match(task_cell)  # 135.统筹…
            number = row.get("number") or (f"{previous.get('number')}续" if row.continued and
                                           previous else printed.group(1) if printed else str(k))
            if printed and not row.get("number"):
                task_cell = task_cell[printed.end():]
            leaders = tuple(p for p in re.split(r"[、，,\s]+", row.get("leader")) if p)
            unit_text = [row.as_written(r) for r in UNIT_ROLES if row.as_written(r)]
            pieces = task_cell.split("\n") if "\n" in task_cell else sub_items(task_cell) or [
                task_cell]  # lines stacked in the task cell, or its numbered sub-items
            for m, piece in enumerate(pieces, 1):
                deadline = cells["deadline"].strip() or find_deadline(piece)
                label = "/".join(prefix + [number] + ([str(m)] if len(pieces) > 1 else []))
                self.tasks.append(dict(
                    id=f"T{len(self.tasks) + 1}", section=section, label=label,
                    number=str(m) if len(pieces) > 1 else number,
                    title=heading_title(row.raw_of(piece)),
                    text="\n".join([row.raw_of(piece)] + [row.raw_of(u) for u in unit_text])
                    if len(pieces) > 1 else row.text,
                    line=row.line, end_line=row.end_line,
                    deadline=deadline,
                    leaders=leaders))
                self.records.append(tuple(found + list(inherited)))
            previous = row

    def cell_assignments(self, cell: str, role: str, row, merged=False) -> list[Evidence]:
        """A unit cell: a clause of its own (市应急局牵头，市公安局配合) or a list taking the
        column's role. The clause is the cell as written; a cell of the row above (merged
        over this one) is inherited."""
        clause, source = row.as_written(role), "inherited" if merged else "explicit"
        reading = read_clause(cell, self.stem)
        if reading.roles and reading.clean and any(
                r.role != "lead" for r in reading.roles) or ROLE_IN_CELL.search(cell):
            pairs = [(r.mention, r.role) for r in reading.roles if is_unit_like(r.mention.name)]
        else:
            pairs = [(u, role) for u in split_units(re.sub(r"[，,；;\s]+", "、", cell), self.stem)
                     if is_unit_like(u.name)]
        return [Evidence(m, r, source, "table", clause, row.line,
                         written=(row.raw_of(clause), row.raw_of(m.text))) for m, r in pairs]


def find_deadline(text: str) -> str | None:
    """A date the text sets (2022年底前, 6月底前), else an ongoing form (持续推进): a task
    that 持续推进 its work 2022年底前 is due then."""
    dated = "前" in text or "年内" in text or "季度末" in text  # each date form holds one
    m = (dated and DEADLINE_IN_TEXT.search(text)) or ONGOING_IN_TEXT.search(text)
    return m.group(1).replace(" ", "") if m else None


def read_evidence(tree: tuple[Node, list, list], cleaned: CleanText,
                  jurisdiction: str = "") -> Found:
    """The tree walked once: sections, tasks and the evidence naming their units."""
    root, roster, damaged = tree
    builder = _Builder(jurisdiction)
    if FIRST_IS_LEAD.search("\n".join(x.text for x in cleaned.lines)):  # (most never say)
        builder.first_lead_from = next((x.number for x in cleaned.lines  # said in the notice
                                        if FIRST_IS_LEAD.search(x.text)), 10 ** 9)
    builder.walk(root, None, [], {})
    preamble = root.lines
    if not builder.tasks:  # no numbered items: paragraphs that assign are the tasks
        for line in root.lines:
            node = paragraph_node(line, str(len(builder.tasks) + 1), root)
            if builder.assigns(line.text):
                builder.add_task(node, None, [])
            release(node)  # (its trail holds itself)
        taken = {t["line"] for t in builder.tasks}
        preamble = [x for x in root.lines if x.number not in taken]
        if not builder.tasks:
            builder.warnings.append(Finding("no_tasks", 1, "no numbered item and no paragraph "
                                            "naming a responsible unit: no task found"))
    builder.regions.extend(Region(x.number, x.end, "preamble", len(x.text)) for x in preamble)
    builder.regions.extend(Region(x.number, x.end, kind, len(x.text)) for x, kind in roster)
    builder.warnings.extend(Finding("numbering", x.number, "numbering damaged: the item's "
                                    "number was lost", x.raw[:40]) for x in damaged)
    return Found(tuple(builder.sections), tuple(builder.tasks), tuple(builder.records),
                 tuple(builder.standing), tuple(builder.warnings), tuple(builder.regions))
