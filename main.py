"""dutygraph: read Chinese government work plans and show who is responsible for what.

The command line is thin: each command parses its options, calls one core function, and
writes the result. Errors in the input become one line on stderr naming the file.

Exit codes: 0 done; 1 done, with findings, where --fail-on asked for that;
2 bad input or usage; 130 interrupted (Ctrl-C). Unexpected errors are one line too,
unless --debug.
"""
from __future__ import annotations

if not __package__:  # run as a script from a checkout: its root is the package dutygraph
    import importlib.util as _util
    import sys as _sys
    from pathlib import Path as _Path

    if "dutygraph" not in _sys.modules:
        _root = _Path(__file__).resolve().parent
        _spec = _util.spec_from_file_location("dutygraph", _root / "__init__.py",
                                              submodule_search_locations=[str(_root)])
        _sys.modules["dutygraph"] = _util.module_from_spec(_spec)
        _spec.loader.exec_module(_sys.modules["dutygraph"])

import contextlib
import dataclasses
import glob
import json
import sys
from pathlib import Path

import click

from dutygraph.cli_support import (EXIT_BAD_INPUT, BadInput, SafeGroup, check_folder, debugging, one_line,
                                   write_atomic, write_stdout)
from dutygraph.loaders import LoadError
from dutygraph.model import plan_json


def dump_json(obj) -> str:
    """Byte-stable JSON: fixed key order from the dataclasses, Chinese kept as is."""
    return json.dumps(obj, ensure_ascii=False, indent=1)


def write_output(text: str | bytes, out: str | None) -> None:
    """Write to a file atomically (a temporary file renamed into place) or to stdout."""
    if out is None or out == "-":
        write_stdout(text)
        return
    write_file(out, text)


def write_file(out, content) -> None:
    """``write_atomic``, then one line on stderr saying what was written: path and size."""
    path = write_atomic(out, content)
    size = path.stat().st_size if path.is_file() else 0
    shown = (f"{size} bytes" if size < 1024 else f"{size / 1024:.0f} KB" if size < 1024 ** 2
             else f"{size / 1024 ** 2:.1f} MB")
    click.echo(one_line(f"wrote {path} ({shown})"), err=True)


def load_all(paths, encoding=None):
    """Load every file (folders walked, globs expanded), going on past bad ones; then name
    each failure on stderr. Returns (plans, failures). ``--jobs`` sets the processes."""
    from dutygraph.loaders.inputs import expand_inputs
    from dutygraph.loaders.parallel import Crash, load_many

    files = expand_inputs(paths)
    jobs = click.get_current_context().meta.get("dutygraph.jobs")
    plans, failures = [], []
    results = load_many(files, encoding, jobs, catch=not debugging())
    bar = (click.progressbar(results, length=len(files), label="Reading plans", file=sys.stderr,
                             item_show_func=lambda r: r[0].name if r else "")
           if len(files) > 1 and sys.stderr.isatty() else contextlib.nullcontext(results))
    with bar as items:
        for path, result in items:
            if isinstance(result, LoadError):
                failures.append(result)
            elif isinstance(result, Crash):  # a parser bug on one file: the others still ran
                failures.append(LoadError(path, f"could not be parsed ({result.kind}: "
                                                f"{result.message}; --debug shows the traceback)"))
            else:
                plans.extend(result)
    if failures and len(files) > 1:
        click.echo(f"{len(failures)} of {len(files)} files could not be read:", err=True)
    for err in failures:
        click.echo(f"error: {err}", err=True)
    return plans, failures


def _remember_jobs(ctx, param, value):
    from dutygraph.loaders.parallel import cap_jobs

    ctx.meta["dutygraph.jobs"] = cap_jobs(value, note=lambda text: click.echo(text, err=True))


jobs_option = click.option(
    "-j", "--jobs", type=click.IntRange(min=1), expose_value=False, callback=_remember_jobs,
    metavar="N", help="Read the plans in N processes, at most one per core (default: one per "
    "core for 16 files or more, else 1); the output is the same.")
plan_files = click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))


@click.group(cls=SafeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option("0.1.0", prog_name="dutygraph")
@click.option("--debug", is_flag=True, help="Show the traceback of an unexpected error.")
@click.pass_context
def cli(ctx, debug):
    """Read Chinese government work plans and show who is responsible for what."""
    ctx.meta["dutygraph.debug"] = debug


@cli.command()
@plan_files
@jobs_option
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "table"]), default="json",
              show_default=True, help="json: the dutygraph.plan/1 contract (one object per "
              "line for several files); csv: one row per task x unit; table: for reading.")
@click.option("-o", "--output", "out", type=click.Path(), help="Write here instead of stdout.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16) "
              "instead of detecting it.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the csv headers and words and of the table (json is the "
              "contract and never changes).")
def extract(files, fmt, out, encoding, lang):
    """Extract the tasks and responsible units of each plan FILE.

    FILE may be a plan (.txt .md .docx .pdf .html .xlsx .xls .csv, or a review
    workbook), a folder (walked for plans) or a quoted glob. Example:

        dutygraph extract data/plans/ --format table
    """
    from dutygraph.reports.plain import plan_rows_csv, plan_table

    _check_outputs(out)
    plans, failures = load_all(files, encoding)
    if fmt == "json":
        if len(plans) == 1 and len(files) == 1:
            text = plan_json(plans[0]) + b"\n"
        else:
            text = b"".join(plan_json(p, indent=False) + b"\n" for p in plans)
    elif fmt == "csv":
        text = plan_rows_csv(plans, lang)
    else:
        text = "\n".join(plan_table(p, lang=lang) for p in plans)
    if plans:
        write_output(text, out)
    if failures:
        sys.exit(EXIT_BAD_INPUT)


def _check_outputs(*outs) -> None:
    """Before the long part of a run: every output's folder must exist."""
    for out in outs:
        if out and out != "-":
            check_folder(out)


def roster_options(command):
    """--roster, --expand/--no-expand and --expand-also, shared by audit and report."""
    for option in reversed((
        click.option("--roster", "roster_file", type=click.Path(), metavar="FILE.csv|.xlsx",
                     help="The leading group's members (columns unit/单位, optional person/姓名, "
                     "post/职务); replaces the rosters the plans print."),
        click.option("--expand/--no-expand", "expand", default=None,
                     help="Expand catch-alls (各成员单位, 领导小组各成员单位) into the roster's "
                     "members, kept apart as source 'expanded' (default: yes)."),
        click.option("--expand-also", metavar="NAME,…", help="More classes to expand into the "
                     "members, e.g. 各有关部门 or 市应急救援总指挥部成员单位."),
    )):
        command = option(command)
    return command


def _read_roster(roster_file):
    """The members of a roster file (None without one); a bad file is one line, exit 2."""
    from dutygraph.loaders.roster import read_roster_file

    if not roster_file:
        return None
    try:
        return read_roster_file(roster_file)
    except ValueError as err:
        raise BadInput(str(err)) from None


def _with_roster(plans, members):
    """The plans with the roster file's members in place of their own rosters."""
    return plans if members is None else [dataclasses.replace(p, roster=members) for p in plans]


def _audit_settings(weights, overload, include_inline, expand=None, expand_also=None,
                    scope=None):
    """dutygraph.toml in the working folder, then the command-line options on top."""
    from dutygraph.graph.settings import parse_pairs, read_settings, with_overload, with_scope, with_weights

    try:
        settings, _ = read_settings(Path.cwd())
    except ValueError as err:  # the file and the key are in the message
        raise BadInput(str(err)) from None
    for option, value, apply in (("--weights", weights, with_weights),
                                 ("--overload", overload, with_overload)):
        if value:
            try:
                settings = apply(settings, parse_pairs(value))
            except ValueError as err:
                raise click.BadParameter(str(err), param_hint=option) from None
    if include_inline is not None:
        settings = dataclasses.replace(settings, include_inline=include_inline)
    if expand is not None:
        settings = dataclasses.replace(settings, expand_members=expand)
    if expand_also:
        from dutygraph.loaders.units import normalise_name

        names = tuple(normalise_name(n) for n in expand_also.replace("，", ",").split(",")
                      if n.strip())
        settings = dataclasses.replace(settings, expand_also=settings.expand_also + names)
    if scope is not None:
        settings = with_scope(settings, scope)
    return settings


SCOPE_HELP = ("How plans are audited together: jurisdiction-year (default: one place's "
              "plans of one year), year (every plan of one year: a city with its counties), "
              "plan (each alone). Loads never add up across years.")
scope_option = click.option("--scope", type=click.Choice(["jurisdiction-year", "year", "plan"]),
                            default=None, help=SCOPE_HELP)


@cli.command()
@plan_files
@jobs_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text: a summary of the top findings; json: the "
              "dutygraph.audit/1 contract.")
@click.option("-o", "--output", "out", type=click.Path(), help="Write here instead of stdout.")
@click.option("--weights", metavar="ROLE=W,…", help="Role weights, e.g. lead=1,support=0.5,"
              "implement=0.5,supervise=0.25.")
@click.option("--overload", metavar="KEY=V,…", help="Overload rule, e.g. fence=1.5,"
              "lead_share=0.2,min_tasks=3,min_peers=5.")
@scope_option
@click.option("--include-inline/--no-include-inline", default=None,
              help="Count units named only as a sentence's subject (default: no).")
@click.option("--graph", "graph_file", type=click.Path(), metavar="FILE.graphml|.gexf",
              help="Also write the responsibility graph for Gephi and other tools.")
@click.option("--fail-on", metavar="KIND,…", help="Exit 1 when there are findings of these "
              "kinds: overloaded, orphans, overlaps, quality, any.")
@click.option("--top", default=5, show_default=True, help="Findings of each kind in the text.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the text summary and of an HTML report.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16).")
@roster_options
def audit(files, fmt, out, weights, overload, include_inline, scope, graph_file, fail_on, top,
          lang, encoding, roster_file, expand, expand_also):
    """Audit the workload of the plans in FILE…: loads, overload, orphans, overlaps.

    Each scope (by default one place's plans of one year) is audited on its own, and each
    unit is ranked among its peers (departments, territorial units); several years give
    each unit's load across them.
    """
    from dutygraph.graph.audit import FINDING_GROUPS, audit_graph, finding_counts, run_audit
    from dutygraph.reports.audit_text import audit_json, audit_summary, write_graph

    fail_kinds = {k.strip() for k in (fail_on or "").split(",") if k.strip()}
    if fail_kinds - {*FINDING_GROUPS, "any"}:
        raise click.BadParameter(f"unknown kind '{sorted(fail_kinds - {*FINDING_GROUPS, 'any'})[0]}'"
                                 f" (kinds: {', '.join(FINDING_GROUPS)}, any)",
                                 param_hint="--fail-on")
    if graph_file and Path(graph_file).suffix.lower() not in (".graphml", ".gexf"):
        raise click.BadParameter(f"'{graph_file}' must end in .graphml or .gexf",
                                 param_hint="--graph")
    settings = _audit_settings(weights, overload, include_inline, expand, expand_also, scope)
    roster = _read_roster(roster_file)
    _check_outputs(out, graph_file)
    plans, failures = load_all(files, encoding)
    if not plans:
        sys.exit(EXIT_BAD_INPUT)
    plans = _with_roster(plans, roster)
    graph = audit_graph(plans, settings)
    result = run_audit(plans, settings, graph=graph)
    if out and out.lower().endswith(".html"):
        from dutygraph.reports.html import render_report

        text = render_report(plans, result, graph=graph, lang=lang)
    else:
        text = (dump_json(audit_json(result)) + "\n" if fmt == "json"
                else audit_summary(result, top=top, lang=lang))
    write_output(text, out)
    if graph_file:
        write_file(graph_file, lambda tmp: write_graph(graph, tmp))
    if failures:
        sys.exit(EXIT_BAD_INPUT)
    counts = finding_counts(result)
    if any(counts[k] for k in FINDING_GROUPS if k in fail_kinds or "any" in fail_kinds):
        sys.exit(1)


@cli.command()
@plan_files
@jobs_option
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html", "xlsx"]),
              default="text", show_default=True, help="text: a summary; json: the "
              "dutygraph.compare/1 contract; html: one offline page; xlsx: a workbook (needs -o).")
@click.option("-o", "--output", "out", type=click.Path(), help="Write here instead of stdout.")
@click.option("--threshold", metavar="KEY=V,…", help="Matching thresholds, e.g. "
              "min_distinct=1.7,extra_distinct=1.85,near_best=0.85 (see README, Compare).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the text, page and workbook.")
@click.option("--jurisdiction", metavar="PLACE", help="Compare the plans of this place "
              "only (e.g. 怀化市), when the files hold plans of several.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16).")
def compare(files, fmt, out, threshold, lang, jurisdiction, encoding):
    """Compare plan FILEs of one jurisdiction, oldest first: tasks carried over, added,
    removed; renames; loads.

    FILE may be a plan, a folder or a quoted glob; the plans are put in year order (a
    warning says so when they were named in another order). Example:

        dutygraph compare data/plans/ --format html -o compare.html
    """
    from dutygraph.graph.compare import compare_plans, compare_to_dict, match_settings
    from dutygraph.graph.compare_order import arrange_plans

    try:
        settings = match_settings(threshold)
    except ValueError as err:
        raise click.BadParameter(str(err), param_hint="--threshold") from None
    one_by_one = not any(Path(f).is_dir() or (not Path(f).exists() and glob.has_magic(f))
                         for f in files)  # else a folder or a glob gives the plans
    if len(files) < 2 and one_by_one:
        raise click.UsageError("compare needs at least two plans: OLD NEW… (or a folder "
                               "or a quoted glob holding them)")
    if fmt == "xlsx" and (out is None or out == "-"):
        raise click.UsageError("--format xlsx writes a workbook: give a file with -o, "
                               "e.g. -o compare.xlsx")
    _check_outputs(out)
    plans, failures = load_all(files, encoding)
    if failures:
        sys.exit(EXIT_BAD_INPUT)
    if len(plans) < 2:  # the same file named twice, or a folder of one plan
        raise BadInput(f"compare needs two different plans; got {len(plans)}")
    try:
        arranged = arrange_plans(plans, jurisdiction, named_one_by_one=one_by_one)
    except ValueError as err:
        raise BadInput(str(err)) from None
    for warning in arranged.warnings:
        click.echo(f"warning: {warning}", err=True)
    result = compare_plans(arranged.plans, settings=settings)
    if fmt == "xlsx":
        from dutygraph.reports.compare_out import compare_xlsx

        write_file(out, compare_xlsx(result, lang))
        return
    if fmt == "json":
        text = dump_json(compare_to_dict(result)) + "\n"
    elif fmt == "html":
        from dutygraph.reports.compare_html import render_compare_html

        text = render_compare_html(result, lang)
    else:
        from dutygraph.reports.compare_out import compare_summary

        text = compare_summary(result, lang=lang)
    write_output(text, out)


@cli.command()
@plan_files
@jobs_option
@click.option("-o", "--output", "out", type=click.Path(), default="report.html",
              show_default=True, help="The HTML file to write ('-' for stdout).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the report.")
@click.option("--weights", metavar="ROLE=W,…", help="Role weights, as for audit.")
@click.option("--overload", metavar="KEY=V,…", help="Overload rule, as for audit.")
@scope_option
@click.option("--include-inline/--no-include-inline", default=None,
              help="Count units named only as a sentence's subject (default: no).")
@click.option("--png", "png_dir", type=click.Path(file_okay=False), metavar="FOLDER",
              help="Also write the charts as PNG files (loads.png, or loads-1.png … "
              "for several audit scopes; network.png; deadlines.png) here.")
@click.option("--full-text", is_flag=True, help="Print the task text appendix too (on "
              "screen it is always there, collapsed).")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16).")
@roster_options
def report(files, out, lang, weights, overload, scope, include_inline, png_dir, full_text,
           encoding, roster_file, expand, expand_also):
    """Write the audit report of the plans in FILE… as one self-contained HTML page: the key
    findings first, then loads, network, findings, roster, deadlines, matrix; the task text
    as an appendix."""
    from dutygraph.graph.audit import audit_graph, run_audit
    from dutygraph.reports.html import render_report, write_chart_pngs

    settings = _audit_settings(weights, overload, include_inline, expand, expand_also, scope)
    roster = _read_roster(roster_file)
    _check_outputs(out)
    plans, failures = load_all(files, encoding)
    if not plans:
        sys.exit(EXIT_BAD_INPUT)
    plans = _with_roster(plans, roster)
    graph = audit_graph(plans, settings)
    result = run_audit(plans, settings, graph=graph)
    write_output(render_report(plans, result, graph=graph, lang=lang, full_text=full_text), out)
    if png_dir:
        Path(png_dir).mkdir(parents=True, exist_ok=True)
        write_chart_pngs(result, graph, png_dir, lang=lang, write=write_file)
    if failures:
        sys.exit(EXIT_BAD_INPUT)


def _plans_for(out, suffixes, files, encoding):
    """(suffix, plans, failures) for a command whose output's suffix picks the format:
    the suffix checked and the folder too before anything is read."""
    suffix = Path(out).suffix.lower()
    if suffix not in suffixes:
        names = ", ".join(suffixes[:-1]) + " or " + suffixes[-1]
        raise click.BadParameter(f"'{out}' must end in {names}", param_hint="--output")
    check_folder(out)
    plans, failures = load_all(files, encoding)
    if not plans:
        sys.exit(EXIT_BAD_INPUT)
    return suffix, plans, failures


@cli.command()
@plan_files
@jobs_option
@click.option("-o", "--output", "out", type=click.Path(), required=True,
              metavar="FILE.xlsx|.csv|.html", help="The file to write; its suffix picks the "
              "format.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of headers and role names.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16).")
def matrix(files, out, lang, encoding):
    """Write the task x unit responsibility matrix of the plans in FILE…"""
    from dutygraph.reports.html import render_matrix_page
    from dutygraph.reports.matrix import matrix_csv, write_matrix_xlsx

    suffix, plans, failures = _plans_for(out, (".xlsx", ".csv", ".html"), files, encoding)
    if suffix == ".csv":
        write_output(matrix_csv(plans, lang=lang), out)
    elif suffix == ".html":
        write_output(render_matrix_page(plans, lang=lang), out)
    else:
        from dutygraph.graph.audit import run_audit

        result = run_audit(plans, _audit_settings(None, None, None))
        write_file(out, lambda tmp: write_matrix_xlsx(plans, tmp, loads=result.loads, lang=lang,
                                                      deadlines=result.deadlines))
    if failures:
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@plan_files
@jobs_option
@click.option("-o", "--output", "out", type=click.Path(), required=True,
              metavar="FILE.xlsx|.csv", help="The ledger to write; its suffix picks the format.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True,
              help="Language of the headers.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16).")
def ledger(files, out, lang, encoding):
    """Write the ledger (台账) of the plans in FILE… for a supervision system: one row per
    task (序号, 任务来源, 任务内容, 牵头单位, 配合单位, 责任领导, 完成时限, 办理状态 left empty).

    .xlsx: a sheet of all tasks, then one per plan. .csv: all tasks, UTF-8 with a BOM.
    Example:

        dutygraph ledger data/plans/ -o 台账.xlsx
    """
    from dutygraph.reports.ledger import ledger_csv, write_ledger_xlsx

    suffix, plans, failures = _plans_for(out, (".xlsx", ".csv"), files, encoding)
    if suffix == ".csv":
        write_output(ledger_csv(plans, lang=lang), out)
    else:
        write_file(out, lambda tmp: write_ledger_xlsx(plans, tmp, lang=lang))
    if failures:
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@plan_files
@jobs_option
@click.option("-o", "--output", "out", type=click.Path(), required=True, metavar="FILE.xlsx",
              help="The review workbook to write.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030, utf-16).")
def review(files, out, encoding):
    """Write the tasks x units of the plans in FILE… as a workbook to correct in Excel.

    Load the corrected workbook like a plan (extract / audit / report review.xlsx): the
    corrections stand in every later analysis.
    """
    from dutygraph.reports.review_xlsx import review_workbook

    if Path(out).suffix.lower() != ".xlsx":
        raise click.BadParameter(f"'{out}' must end in .xlsx", param_hint="--output")
    check_folder(out)
    plans, failures = load_all(files, encoding)
    if not plans:
        sys.exit(EXIT_BAD_INPUT)
    write_file(out, review_workbook(plans))
    if failures:
        sys.exit(EXIT_BAD_INPUT)


if __name__ == "__main__":
    cli()
