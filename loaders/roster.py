"""A plan's leading-group roster (领导小组 / 安委会 / 指挥部: 组长, 副组长, 成员 …) as members.

The extractor skips the roster (a ``coverage`` region); this module reads the members from
the skipped lines: each ``POST：person（office）`` line, the lines of people under it
(``雷邦元（市应急局局长）`` shares the post above), and lists of units (``成员单位：市公安局、
市应急局``). A person is never a unit: the unit is read from the person's office (市应急局局长
→ 市应急管理局 through the registry). ``read_roster_file`` reads a roster the office keeps
(CSV or XLSX: unit, optional person, optional post).
"""
from __future__ import annotations

import re
from pathlib import Path

from ..model import Member, Plan
from .stages.normalise import Line
from .units import Registry, tidy_name

POST = (r"常务副组长|副组长|组长|常务副主任|副主任|主任|副总指挥长|总指挥长|副总指挥|总指挥|"
        r"副指挥长|指挥长|成员单位|成员|委员")
POST_ALTERNATIVES = "|".join(r"\s*".join(post) for post in POST.split("|"))  # 组  长
LINE = re.compile(rf"^\s*(?P<post>{POST_ALTERNATIVES})\s*[:：]\s*(?P<rest>.*)$")
PERSON = re.compile(r"^\s*(?P<person>[\u4e00-\u9fff](?:[\s\u3000]*[\u4e00-\u9fff]){1,3})\s*"
                    r"[（(](?P<office>[^（）()]+)[）)]\s*[，,；;。]?\s*$")
ITEM_SPLIT = re.compile(r"[、，,；;]")
JOB = re.compile(r"(?:党组书记|党委书记|常务副|第一副|副)?(?:局长|支队长|大队长|队长|行长|主任|部长|"
                 r"书记|主席|秘书长|市长|县长|区长|州长|院长|处长|关长|经理|政委|站长|所长|厅长|"
                 r"会长|理事长|检察长|台长|社长|委员|常委|司令员|负责人|负责同志|主要负责同志)+$")
GOVERNMENT = re.compile(r"(人民政府|政府|市委|县委|区委|党委)$")
OFFICE_SPLIT = re.compile(r"[,，、;；]")
SPACE = re.compile(r"\s")


def _office_unit(office: str, registry: Registry) -> str:
    """The unit of a person's office (normalised): the last part naming an office.

    >>> _office_unit("市委常委，市人民政府常务副市长", Registry.default())
    '市人民政府'
    >>> _office_unit("市应急局局长", Registry.default())
    '市应急管理局'
    """
    for part in reversed([p for p in OFFICE_SPLIT.split(office) if p.strip()]):
        name = tidy_name(part)
        unit = JOB.sub("", name)
        if len(unit) >= 2 and unit != name or len(unit) >= 3:
            return registry.canonical(unit)
    return ""


def _members(post: str, rest: str, line: Line, registry: Registry) -> list[Member]:
    """The members one line names; the person and title as the source wrote them."""
    m = PERSON.match(rest)
    if m:
        unit = _office_unit(m["office"], registry)
        person, title = (line.written(m[k]) for k in ("person", "office"))
        return [Member(post, SPACE.sub("", person), unit, title.strip(), line.number)]
    out = []
    for item in ITEM_SPLIT.split(rest.strip().rstrip("。")):
        name = JOB.sub("", tidy_name(item))
        if len(name) >= 2:
            out.append(Member(post, "", registry.canonical(name), "", line.number))
    return out


def read_roster(plan: Plan, lines, registry: Registry | None = None) -> tuple[Member, ...]:
    """The members of every roster in the lines the plan skipped (``coverage``), in order.

    ``lines`` are the document's lines as the first stage normalised them (``Line``). A
    roster starts at a ``POST：`` line inside a skipped region and runs over people and
    posts until the first line that is neither.
    """
    registry = registry or Registry.default()
    skipped = set()
    for region in plan.coverage:
        skipped.update(range(region.start_line, region.end_line + 1))
    members: list[Member] = []
    post = ""
    for line in lines:
        if line.number not in skipped:
            continue
        text = line.text
        m = LINE.match(text)
        if m:
            post = SPACE.sub("", m["post"])
            members.extend(_members(post, m["rest"], line, registry))
        elif post and PERSON.match(text):
            members.extend(_members(post, text, line, registry))
        else:
            post = ""
    return tuple(members)


def member_units(roster) -> tuple[str, ...]:
    """The units of the roster's members, in order, without governments and party
    committees (a 组长's 市人民政府 leads the group; it is not a member unit).

    >>> member_units([Member("组长", "甲", "市人民政府"), Member("成员", "乙", "市公安局"),
    ...               Member("成员", "丙", "市公安局"), Member("成员", "丁", "")])
    ('市公安局',)
    """
    return tuple(dict.fromkeys(m.unit for m in roster
                               if m.unit and not GOVERNMENT.search(m.unit)))


HEADER_WORDS = {"unit": ("unit", "单位", "成员单位", "所在单位"), "person": ("person", "姓名", "人员"),
                "post": ("post", "职务", "组内职务", "岗位")}


def read_roster_file(path, registry: Registry | None = None) -> tuple[Member, ...]:
    """Members from a roster file the office keeps: CSV (UTF-8, with or without a BOM, or
    GB18030) or XLSX, first row a header naming the columns (unit/单位, person/姓名,
    post/职务; only the unit is required). Raises ValueError naming the file and problem."""
    registry = registry or Registry.default()
    path = Path(path)
    rows = _table_rows(path)
    if not rows:
        raise ValueError(f"{path}: the roster is empty")
    header = [str(c or "").strip().lower() for c in rows[0]]
    columns = {}
    for key, words in HEADER_WORDS.items():
        columns[key] = next((i for i, h in enumerate(header) if h in words), None)
    if columns["unit"] is None:
        raise ValueError(f"{path}: no unit column; name one 'unit' or '单位' in the first row")

    def cell(row, key):
        i = columns[key]
        return str(row[i]).strip() if i is not None and i < len(row) and row[i] else ""

    members = []
    for number, row in enumerate(rows[1:], 2):
        unit = cell(row, "unit")
        if unit:
            members.append(Member(cell(row, "post") or "成员", SPACE.sub("", cell(row, "person")),
                                  registry.canonical(unit), "", number))
    return tuple(members)


def _table_rows(path: Path) -> list[list]:
    if not path.is_file():
        raise ValueError(f"{path}: no such file")
    if path.suffix.lower() == ".xlsx":  # only the cells that exist, within the budgets
        import io
        import zipfile

        from dutygraph.loaders.readers.document import LoadError
        from dutygraph.loaders.readers.limits import check_unzipped
        from dutygraph.loaders.readers.workbook import read_workbook

        data = path.read_bytes()
        try:
            check_unzipped(path, zipfile.ZipFile(io.BytesIO(data)))
            sheets = read_workbook(path, data)
        except zipfile.BadZipFile:
            raise ValueError(f"{path}: not a readable .xlsx workbook (BadZipFile)") from None
        except LoadError as err:
            raise ValueError(str(err)) from None
        return [list(r) for r in sheets[0].rows] if sheets else []
    if path.suffix.lower() != ".csv":
        raise ValueError(f"{path}: a roster must be a .csv or .xlsx file")
    import csv

    data = path.read_bytes()
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ValueError(f"{path}: neither UTF-8 nor GB18030 text")
    return [r for r in csv.reader(text.splitlines()) if any(c.strip() for c in r)]
