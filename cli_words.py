"""The command line's words in both languages, and the click classes that speak them.

Everything the command line says (``--help``, errors, warnings, "wrote …") is Chinese by
default, like every output; English with ``--lang en`` anywhere on the command line
(``dutygraph --lang en extract --help``, ``dutygraph extract --help --lang en``) or
``DUTYGRAPH_LANG=en`` in the environment. Help texts are found by command and parameter
name (``HELP["audit.fmt"]``, else ``HELP["fmt"]``), so ``main.py`` declares no help text.
"""
from __future__ import annotations

import os
import re
import sys
import unicodedata

import click

from dutygraph.cli_support import SafeGroup

LANGS = ("zh", "en")

HELP = {
    "cli": ("读取中国政府工作计划（工作要点、实施方案、规划），列出谁对什么负责。\n\n"
            "说明默认为中文；英文：dutygraph --lang en 命令 --help，或设置环境变量 "
            "DUTYGRAPH_LANG=en。",
            "Read Chinese government work plans and show who is responsible for what.\n\n"
            "Chinese by default; English with --lang en (dutygraph --lang en COMMAND --help) "
            "or DUTYGRAPH_LANG=en."),
    "debug": ("出现意外错误时显示完整的回溯信息。", "Show the traceback of an unexpected error."),
    "version": ("显示版本并退出。", "Show the version and exit."),
    "help": ("显示本帮助并退出。", "Show this message and exit."),
    "lang": ("输出与提示的语言（zh 中文，en 英文）。", "Language of the output and messages."),
    "extract": (
        "提取每份计划 FILE 的任务与责任单位。\n\nFILE 可以是计划文件（.txt .md .docx .pdf .html "
        ".xlsx .xls .csv，或审核工作簿）、文件夹（逐个读取其中的计划）或加引号的通配符。例如：\n\n"
        "\b\n    dutygraph extract data/plans/ --format table",
        "Extract the tasks and responsible units of each plan FILE.\n\nFILE may be a plan "
        "(.txt .md .docx .pdf .html .xlsx .xls .csv, or a review workbook), a folder (walked "
        "for plans) or a quoted glob. Example:\n\n\b\n    dutygraph extract data/plans/ "
        "--format table"),
    "extract.short": ("提取每份计划的任务与责任单位", "Extract the tasks and units of each plan"),
    "audit": (
        "审计 FILE… 中各计划的工作负荷：负荷、过载、无主任务、职责重叠。\n\n每个范围（默认为"
        "同一地区同一年的计划）单独审计，每个单位在同类单位（部门、属地单位）中排名；多个年份"
        "给出各单位历年的负荷。",
        "Audit the workload of the plans in FILE…: loads, overload, orphans, overlaps.\n\n"
        "Each scope (by default one place's plans of one year) is audited on its own, and "
        "each unit is ranked among its peers (departments, territorial units); several years "
        "give each unit's load across them."),
    "audit.short": ("审计工作负荷：过载、无主任务、重叠", "Audit the workload: overload, orphans, overlaps"),
    "compare": (
        "比较同一地区的计划 FILE（按年份从旧到新）：延续、新增、删除的任务，单位更名，负荷变化。"
        "\n\nFILE 可以是计划、文件夹或加引号的通配符；计划按年份排序（顺序与所给不同时会提示）。"
        "例如：\n\n\b\n    dutygraph compare data/plans/ --format html -o compare.html",
        "Compare plan FILEs of one jurisdiction, oldest first: tasks carried over, added, "
        "removed; renames; loads.\n\nFILE may be a plan, a folder or a quoted glob; the plans "
        "are put in year order (a warning says so when they were named in another order). "
        "Example:\n\n\b\n    dutygraph compare data/plans/ --format html -o compare.html"),
    "compare.short": ("逐年比较同一地区的计划", "Compare one place's plans year over year"),
    "report": (
        "把 FILE… 中各计划的审计写成一个独立的 HTML 页面：先是主要发现，再是负荷、协作网络、"
        "各项发现、领导小组名单、完成时限、责任矩阵，任务原文为附录。",
        "Write the audit report of the plans in FILE… as one self-contained HTML page: the "
        "key findings first, then loads, network, findings, roster, deadlines, matrix; the "
        "task text as an appendix."),
    "report.short": ("写出审计报告（一个 HTML 页面）", "Write the audit report as one HTML page"),
    "matrix": ("写出 FILE… 中各计划的任务 × 单位责任矩阵。",
               "Write the task x unit responsibility matrix of the plans in FILE…"),
    "matrix.short": ("写出任务 × 单位责任矩阵", "Write the task x unit responsibility matrix"),
    "ledger": (
        "写出 FILE… 中各计划的台账，供督查督办系统导入：每项任务一行（序号、任务来源、任务内容、"
        "牵头单位、配合单位、责任领导、完成时限、办理状态留空）。\n\n.xlsx：先是全部任务，再每份"
        "计划一张表。.csv：全部任务，UTF-8 带 BOM。例如：\n\n\b\n    dutygraph ledger "
        "data/plans/ -o 台账.xlsx",
        "Write the ledger (台账) of the plans in FILE… for a supervision system: one row per "
        "task (序号, 任务来源, 任务内容, 牵头单位, 配合单位, 责任领导, 完成时限, 办理状态 left "
        "empty).\n\n.xlsx: a sheet of all tasks, then one per plan. .csv: all tasks, UTF-8 "
        "with a BOM. Example:\n\n\b\n    dutygraph ledger data/plans/ -o 台账.xlsx"),
    "ledger.short": ("写出督查督办台账", "Write the ledger for a supervision system"),
    "review": (
        "把 FILE… 中各计划的任务 × 单位写成工作簿，在 Excel 中校正。\n\n像计划一样读取校正后的"
        "工作簿（extract / audit / report review.xlsx），校正在之后的每项分析中生效。",
        "Write the tasks x units of the plans in FILE… as a workbook to correct in Excel.\n\n"
        "Load the corrected workbook like a plan (extract / audit / report review.xlsx): the "
        "corrections stand in every later analysis."),
    "review.short": ("写出供校正的审核工作簿", "Write a workbook to correct in Excel"),
    "archive": (
        "把 FILE… 中的计划、任务、分工、单位、别名和审计发现存入 SQLite 档案（--db）。\n\n"
        "按计划内容的哈希去重：再次存入同一计划不改变任何内容；同一计划校正后的审核工作簿替换"
        "其分工，旧分工留作历史。之后各命令用 --db 读取档案。例如：\n\n\b\n    dutygraph "
        "archive data/plans/ --db plans.db\n    dutygraph audit --db plans.db --year 2022",
        "Write the plans of FILE…, their tasks, assignments, units, aliases and the audit's "
        "findings into a SQLite archive (--db).\n\nIdempotent by the plan's content hash: the "
        "same plan again changes nothing; a corrected review workbook of the same plan "
        "replaces its assignments and keeps the old ones as history. Every command reads the "
        "archive with --db. Example:\n\n\b\n    dutygraph archive data/plans/ --db plans.db\n"
        "    dutygraph audit --db plans.db --year 2022"),
    "archive.short": ("把计划存入 SQLite 档案", "Write the plans into a SQLite archive"),
    "jobs": ("用 N 个进程读取计划（默认：16 个文件以上每核一个，否则 1 个）；输出不变。",
             "Read the plans in N processes (default: one per core for 16 files or more, "
             "else 1); the output is the same."),
    "encoding": ("按此编码读取文件（如 gb18030、utf-16），不自动检测。",
                 "Read the files in this encoding (e.g. gb18030, utf-16) instead of detecting it."),
    "db": ("也读取此 SQLite 档案中的计划（由 archive 写入）。",
           "Also read the plans this SQLite archive holds (written by archive)."),
    "archive.db": ("要写入的 SQLite 档案（不存在则新建）。",
                   "The SQLite archive to write (created if missing)."),
    "year": ("只用这一年的计划（文件和档案中的）。", "Only the plans of this year (files and archive)."),
    "jurisdiction": ("只用这个地区的计划（如 怀化市）。",
                     "Only the plans of this place (e.g. 怀化市)."),
    "out": ("写到此文件而不是标准输出。", "Write here instead of stdout."),
    "report.out": ("要写的 HTML 文件（'-' 为标准输出）。", "The HTML file to write ('-' for stdout)."),
    "matrix.out": ("要写的文件；后缀决定格式。", "The file to write; its suffix picks the format."),
    "ledger.out": ("要写的台账；后缀决定格式。", "The ledger to write; its suffix picks the format."),
    "review.out": ("要写的审核工作簿。", "The review workbook to write."),
    "extract.fmt": ("json：dutygraph.plan/1 契约（多个文件时每行一个对象）；csv：每个任务 × 单位"
                    "一行；table：供阅读。",
                    "json: the dutygraph.plan/1 contract (one object per line for several "
                    "files); csv: one row per task x unit; table: for reading."),
    "audit.fmt": ("text：主要发现摘要；json：dutygraph.audit/1 契约。",
                  "text: a summary of the top findings; json: the dutygraph.audit/1 contract."),
    "compare.fmt": ("text：摘要；json：dutygraph.compare/1 契约；html：一个离线页面；xlsx：工作簿"
                    "（需要 -o）。",
                    "text: a summary; json: the dutygraph.compare/1 contract; html: one offline "
                    "page; xlsx: a workbook (needs -o)."),
    "weights": ("角色权重，如 lead=1,support=0.5。", "Role weights, e.g. lead=1,support=0.5."),
    "overload": ("过载规则，如 fence=1.5,min_peers=5。", "Overload rule, e.g. fence=1.5,min_peers=5."),
    "scope": ("哪些计划一起审计：jurisdiction-year（默认：同一地区同一年）、year（同一年的全部"
              "计划：市及所辖县）、plan（每份单独）。负荷从不跨年相加。",
              "How plans are audited together: jurisdiction-year (default: one place's plans "
              "of one year), year (every plan of one year: a city with its counties), plan "
              "(each alone). Loads never add up across years."),
    "include_inline": ("也计入只作为句子主语出现的单位（默认：否）。",
                       "Count units named only as a sentence's subject (default: no)."),
    "graph_file": ("另写出责任关系图，供 Gephi 等工具使用。",
                   "Also write the responsibility graph for Gephi and other tools."),
    "fail_on": ("有这些类别的发现时以 1 退出：overloaded、orphans、overlaps、quality、any。",
                "Exit 1 when there are findings of these kinds: overloaded, orphans, "
                "overlaps, quality, any."),
    "top": ("摘要中每类发现显示的条数。", "Findings of each kind in the text."),
    "roster_file": ("领导小组成员名单（列：unit/单位，可选 person/姓名、post/职务）；替换计划中"
                    "印出的名单。",
                    "The leading group's members (columns unit/单位, optional person/姓名, "
                    "post/职务); replaces the rosters the plans print."),
    "expand": ("把“各成员单位”“领导小组各成员单位”展开为名单成员，来源单列为 expanded"
               "（默认：是）。",
               "Expand catch-alls (各成员单位, 领导小组各成员单位) into the roster's members, "
               "kept apart as source 'expanded' (default: yes)."),
    "expand_also": ("还要展开为成员的类别，如 各有关部门。",
                    "More classes to expand into the members, e.g. 各有关部门."),
    "threshold": ("匹配阈值，如 min_similarity=0.16,unit_similarity=0.4（见 README 的 Compare "
                  "一节）。",
                  "Matching thresholds, e.g. min_similarity=0.16,unit_similarity=0.4 (see "
                  "README, Compare)."),
    "force": ("看起来无关的计划（别的地方或别的类型）也做任务匹配。",
              "Link the tasks of plans that look unrelated (another place or another kind of "
              "plan) too."),
    "png_dir": ("另把图表写成 PNG 文件放在此文件夹（loads.png，或多个范围时 loads-1.png …；"
                "network.png；deadlines.png）。",
                "Also write the charts as PNG files (loads.png, or loads-1.png … for several "
                "audit scopes; network.png; deadlines.png) here."),
    "full_text": ("打印时也包括任务原文附录（屏幕上始终有，默认折叠）。",
                  "Print the task text appendix too (on screen it is always there, collapsed)."),
}

MESSAGES = {
    "wrote": ("已写入 {path}（{size}）", "wrote {path} ({size})"),
    "error": ("错误：{message}", "error: {message}"),
    "jobs_lowered": ("提示：--jobs {jobs} 已降为 {cores}（本次可用的核数）",
                     "note: --jobs {jobs} lowered to {cores}, the cores this run may use"),
    "skipped_copy": ("已跳过：{path}：与 {same_as} 是同一份计划（只读一次）",
                     "skipped: {path}: the same plan as {same_as} (read once)"),
    "skipped_junk": ("已跳过：{path}：不是计划（没有责任单位，也没有计划标题下的编号条目）",
                     "skipped: {path}: not a plan (no unit, and no numbered items under a plan "
                     "title)"),
    "warning": ("警告：{message}", "warning: {message}"),
    "see_help": ("（见 '{command} --help'）", " (see '{command} --help')"),
    "failed_files": ("{files} 个文件中有 {failed} 个无法读取：",
                     "{failed} of {files} files could not be read:"),
    "reading": ("读取计划", "Reading plans"),
    "no_plans": ("没有给出计划：请给出 FILE… 或 --db 档案",
                 "no plans given: name FILE… or an archive with --db"),
    "must_end": ("'{out}' 的后缀必须是 {names}", "'{out}' must end in {names}"),
    "or": (" 或 ", " or "),
    "unknown_kind": ("未知类别 '{kind}'（类别：{kinds}）", "unknown kind '{kind}' (kinds: {kinds})"),
    "compare_two": ("compare 至少需要两份计划：OLD NEW…（或包含它们的文件夹、加引号的通配符）",
                    "compare needs at least two plans: OLD NEW… (or a folder or a quoted glob "
                    "holding them)"),
    "compare_distinct": ("compare 需要两份不同的计划；只得到 {count} 份",
                         "compare needs two different plans; got {count}"),
    "xlsx_needs_o": ("--format xlsx 写出工作簿：请用 -o 给出文件，如 -o compare.xlsx",
                     "--format xlsx writes a workbook: give a file with -o, e.g. -o compare.xlsx"),
    "archived": ("档案 {db}：新增 {added} 份计划，更新 {updated} 份，未变 {same} 份",
                 "archive {db}: {added} plans added, {updated} updated, {same} unchanged"),
    "archive_needs": ("archive 需要 FILE… 和 --db 档案，如 dutygraph archive data/plans/ --db "
                      "plans.db", "archive needs FILE… and --db, e.g. dutygraph archive "
                      "data/plans/ --db plans.db"),
    "interrupted": ("已中断（Ctrl-C）；未写出任何输出", "interrupted (Ctrl-C); no output written"),
}

# What click and the loaders say in English, as (pattern, Chinese): the start of a message
# is matched and its captured parts kept (file names, option names).
ZH_PATTERNS = tuple((re.compile(p), zh) for p, zh in (
    (r"^No such option:? '?([^'.]+)'?\.? Did you mean '(.+)'\?$", r"没有这个选项：\1；是不是 \2？"),
    (r"^No such option:? '?([^'.]+)'?\.?$", r"没有这个选项：\1"),
    (r"^'(.*)' is not one of (.+)\.$", r"'\1' 不是 \2 之一"),
    (r"^'(.*)' is not a valid integer\.?$", r"'\1' 不是整数"),
    (r"^'(.*)' is not KEY=NUMBER$", r"'\1' 不是 KEY=数值 的形式"),
    (r"^unknown role '(.*)' \(roles: (.+)\)$", r"未知角色 '\1'（角色：\2）"),
    (r"^unknown key '(.*)' \(keys: (.+)\)$", r"未知键 '\1'（键：\2）"),
    (r"^Missing argument '(.+)'\.$", r"缺少参数 \1"),
    (r"^Missing option '(.+)'\.$", r"缺少选项 \1"),
    (r"^No such command '(.+)'\.$", r"没有这个命令 '\1'"),
    (r"^Option '(.+)' requires an argument\.$", r"选项 \1 需要一个值"),
    (r"^Got unexpected extra arguments? \((.+)\)$", r"多余的参数（\1）"),
    (r"^(.+): no such file$", r"\1：文件不存在"),
    (r"^(.+): is empty$", r"\1：是空文件"),
    (r"^(.+): holds only white space$", r"\1：只有空白"),
    (r"^(.+): is a folder, not a file$", r"\1：是文件夹，不是文件"),
    (r"^(.+): holds no plan files \(.*\)$", r"\1：没有计划文件（.txt .md .docx .pdf .html .xlsx .xls .csv）"),
    (r"^(.+): is a binary file, not a (plan|table|web page) \(.*\)$", r"\1：是二进制文件，不是计划（图片、压缩包或程序？）"),
    (r"^(.+): is a damaged zip package .*$", r"\1：是损坏的压缩包（被截断的 .docx 或 .xlsx？）"),
    (r"^(.+): is an old Word \.doc file.*$", r"\1：是旧版 Word .doc 文件；请另存为 .docx 再读取"),
    (r"^(.+): is protected by a password.*$", r"\1：有密码保护（加密的 Office 文件）；请另存一份无密码的再读取"),
    (r"^(.+): has no text layer.*$", r"\1：没有文字层（扫描的 PDF？）；请先做文字识别（OCR）"),
    (r"^(.+): cannot be read \((.+)\)$", r"\1：无法读取（\2）"),
    (r"^(.+): cannot be written \((.+)\)$", r"\1：无法写入（\2）"),
    (r"^(.+): the folder (.+) does not exist$", r"\1：文件夹 \2 不存在"),
    (r"^(.+): is a folder; give a file name$", r"\1：是文件夹；请给出文件名"),
    (r"^(.+): could not be parsed \((.+); --debug shows the traceback\)$",
     r"\1：无法解析（\2；加 --debug 可看回溯）"),
    (r"^plans given out of year order; compared oldest first: (.+)$",
     r"计划未按年份顺序给出；按从旧到新比较：\1"),
    (r"^the plans are of different jurisdictions \((.+)\): units of different places never match$",
     r"计划属于不同地区（\1）：不同地区的单位不会匹配"),
    (r"^comparing the plans of (.+); left out: (.+)$", r"比较 \1 的计划；未纳入：\2"),
    (r"^the year of (.+) is unknown: plans compared in the order given$",
     r"\1 的年份不明：按所给顺序比较"),
    (r"^--jurisdiction (.+): needs two plans of (.+); the plans are of (.+)$",
     r"--jurisdiction \1：需要 \2 的两份计划；现有计划属于 \3"),
    (r"^the plans are of several jurisdictions with more than one plan each: (.+); compare one "
     r"with --jurisdiction (.+)$", r"计划属于多个各有不止一份计划的地区：\1；请用 --jurisdiction \2 选一个比较"),
    (r"^(.+): no such archive \(write one with (.+)\)$", r"\1：没有这个档案（先用 \2 写一个）"),
    (r"^(.+): is not a SQLite database \((.+)\)$", r"\1：不是 SQLite 数据库（\2）"),
    (r"^(.+): is a SQLite database but not a dutygraph archive$", r"\1：是 SQLite 数据库，但不是 dutygraph 档案"),
    (r"^(.+) \(run with --debug for the traceback\)$", r"\1（加 --debug 可看回溯）"),
))
RUN_LANG: str | None = None  # --lang as given on this run's command line (Group.main)
ZH_CLICK = {"Usage:": "用法：", "Options": "选项", "Commands": "命令", "default": "默认",
            "required": "必填"}


def current_lang() -> str:
    """The language the command line speaks on this run: ``--lang`` (read before anything
    else), else ``DUTYGRAPH_LANG`` (help and messages only), else Chinese."""
    lang = RUN_LANG or os.environ.get("DUTYGRAPH_LANG", "zh")
    return lang if lang in LANGS else "zh"


def say(key: str, **values) -> str:
    zh, en = MESSAGES[key]
    return (zh if current_lang() == "zh" else en).format(**values)


def said(message: str) -> str:
    """A message from click or a loader in the run's language (English ones kept as they
    are where no pattern knows them)."""
    if current_lang() != "zh":
        return message
    invalid = re.match(r"^Invalid value for '?([^':]+)'?: (.+)$", message, re.S)
    if invalid:
        return f"{invalid[1]} 的值无效：{said(invalid[2])}"
    for pattern, zh in ZH_PATTERNS:
        if pattern.match(message):
            return pattern.sub(zh, message)
    return message


def help_text(*keys: str) -> str:
    for key in keys:
        if key in HELP:
            return HELP[key][LANGS.index(current_lang())]
    return ""


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


CLOSE, OPEN = "，。、；：？！）」』》〉】”’", "（「『《〈【“‘"  # full-width: Latin breaks at spaces
IDEOGRAPH = "\u3400-\u9fff\uf900-\ufaff"
WORD = rf"[^\s{IDEOGRAPH}{re.escape(CLOSE + OPEN)}]+"
TOKEN = re.compile(rf"\[[^\]\s]*\]|[{re.escape(OPEN)}]*(?:[{IDEOGRAPH}]|{WORD})?"
                   rf"[{re.escape(CLOSE)}]*|\s+")
"""A piece a line may not be broken inside: one Chinese character or a run of other
characters, with the opening brackets before it and the closing punctuation after it; or
click's ``[默认：zh]``."""


def wrap_wide(text, width=78, initial_indent="", subsequent_indent="",
              preserve_paragraphs=False):
    """click's ``wrap_text`` measured in terminal columns: a Chinese character is two
    columns, a line may break between two of them, never before a full-width comma."""
    out = []
    for para in (re.split(r"\n\s*\n", text) if preserve_paragraphs else [text]):
        if para.lstrip(" ").startswith("\b"):  # click's mark: keep the lines as they are
            out.append("\n".join(subsequent_indent + line
                                 for line in para.lstrip(" ")[1:].strip("\n").splitlines()))
            continue
        lines, line = [], initial_indent if not out else subsequent_indent
        start = len(line)
        for token in filter(None, TOKEN.findall(" ".join(para.split()))):
            if _width(line) + _width(token.rstrip()) > width and len(line) > start:
                lines.append(line.rstrip())
                line = subsequent_indent
                start = len(line)
                if token.isspace():
                    continue
            line += token
        lines.append(line.rstrip())
        out.append("\n".join(lines))
    return "\n\n".join(out)


class Formatter(click.HelpFormatter):
    """click's help layout, wrapped by columns and with its own words in the run's language."""

    def _words(self, text: str) -> str:
        if current_lang() != "zh":
            return text
        text = re.sub(r"\[default: ", f"[{ZH_CLICK['default']}：", text)
        return text.replace("[required]", f"[{ZH_CLICK['required']}]")

    def write_usage(self, prog, args="", prefix=None):
        super().write_usage(prog, args, ZH_CLICK["Usage:"] if current_lang() == "zh" else prefix)

    def write_heading(self, heading):
        if current_lang() != "zh":
            return super().write_heading(heading)
        self.write(f"{'':>{self.current_indent}}{ZH_CLICK.get(heading, heading)}：\n")

    def write_text(self, text):
        with _wide():
            super().write_text(text)

    def write_dl(self, rows, col_max=30, col_spacing=2):
        with _wide():
            super().write_dl([(a, self._words(b)) for a, b in rows], col_max, col_spacing)


class _wide:
    """Swap click's wrapper for ``wrap_wide`` while one piece of Chinese help is written
    (English keeps click's own, which breaks only at spaces)."""

    def __enter__(self):
        import click.formatting as f

        self.saved = f.wrap_text
        if current_lang() == "zh":
            f.wrap_text = wrap_wide

    def __exit__(self, *exc):
        import click.formatting as f

        f.wrap_text = self.saved


class Option(click.Option):
    """An option whose help is looked up by command and name in ``HELP``."""

    def get_help_record(self, ctx):
        long = self.opts[-1].lstrip("-").replace("-", "_")  # --threshold: name "settings"
        self.help = help_text(f"{ctx.command.name}.{self.name}", self.name, long)
        return super().get_help_record(ctx)


class Context(click.Context):
    formatter_class = Formatter


class Command(click.Command):
    """A command whose help is ``HELP[name]``, in the run's language."""

    context_class = Context

    def format_help_text(self, ctx, formatter):
        self.help = help_text(self.name)
        super().format_help_text(ctx, formatter)

    def get_short_help_str(self, limit=45):
        return help_text(f"{self.name}.short", self.name)

    def get_help_option(self, ctx):
        option = super().get_help_option(ctx)
        if option is not None:
            option.help = help_text("help")
        return option


class Group(Command, SafeGroup):
    """The top command: finds ``--lang`` among the arguments first, so help and every
    error (even one in the arguments themselves) speak it."""

    command_class = Command
    context_class = Context

    def main(self, args=None, *rest, **extra):
        global RUN_LANG
        args = list(sys.argv[1:] if args is None else args)
        RUN_LANG = None
        for i, arg in enumerate(args):
            if arg == "--lang" and i + 1 < len(args):
                RUN_LANG = args[i + 1]
            elif arg.startswith("--lang="):
                RUN_LANG = arg.split("=", 1)[1]
        try:
            return super().main(args, *rest, **extra)
        finally:
            RUN_LANG = None
