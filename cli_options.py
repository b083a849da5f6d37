"""The options the commands share, declared once, and the path from them to the API.

``main.py`` stacks these decorators (``input_options``, ``output_options``,
``lang_option``, ``audit_options``) and calls ``read_inputs`` / ``audited``: the one load
path and the one audit pipeline of every command. Option values are checked by callbacks
as they are parsed, before anything is read; help texts live in ``cli_words.HELP``.
"""
from __future__ import annotations

import glob
import sys
from pathlib import Path

import click

from dutygraph import cli_words
from dutygraph.cli_support import EXIT_BAD_INPUT, BadInput, check_folder, debugging
from dutygraph.cli_words import Option, said, say

LANGS = click.Choice(["zh", "en"])


def option(*decls, **kw):
    """A click option whose help is in ``cli_words.HELP`` (by command and name)."""
    return click.option(*decls, cls=Option, **kw)


def _stack(*decorators):
    """One decorator applying ``decorators`` in the order written (top first, as stacked)."""
    def apply(command):
        for decorator in reversed(decorators):
            command = decorator(command)
        return command
    return apply


lang_option = option("--lang", type=LANGS, default="zh", show_default=True,
                     callback=lambda ctx, param, value: cli_words.RUN_LANG or value
                     if getattr(ctx.get_parameter_source(param.name), "name", "DEFAULT")
                     == "DEFAULT" else value)
input_options = _stack(
    click.argument("files", nargs=-1, type=click.Path(readable=False)),
    option("-j", "--jobs", type=click.IntRange(min=1), metavar="N"),
    option("--encoding"),
    option("--db", type=click.Path(dir_okay=False), metavar="FILE.db"),
    option("--year", type=int),
    option("--jurisdiction", metavar="PLACE"))


def output_options(formats=(), suffixes=(), **kw):
    """-o/--output (its suffix and folder checked before anything is read; ``kw`` for
    click) and, given ``formats``, --format (the first is the default)."""
    out = option("-o", "--output", "out", type=click.Path(), callback=suffix_of(*suffixes),
                 metavar=kw.pop("metavar", "|".join(f"FILE{s}" for s in suffixes) or None),
                 **kw)
    if not formats:
        return out
    return _stack(option("--format", "fmt", type=click.Choice(formats), default=formats[0],
                         show_default=True), out)


def bad(param, message: str) -> click.BadParameter:
    """A bad option value, named by its long form (``Invalid value for --weights: …``)."""
    return click.BadParameter(message, param_hint=param.opts[-1])


def suffix_of(*suffixes):
    """A callback: the output file when it ends in one of ``suffixes`` (if any) and its
    folder exists ('-' is stdout)."""
    def check(ctx, param, value):
        if not value or value == "-":
            return value
        if suffixes and Path(value).suffix.lower() not in suffixes:
            names = say("or").join(x for x in (", ".join(suffixes[:-1]), suffixes[-1]) if x)
            raise bad(param, say("must_end", out=value, names=names))
        check_folder(value)
        return value
    return check


def _pairs(apply):
    """A callback reading KEY=V,… and checking it with ``apply`` of graph.settings."""
    def parse(ctx, param, value):
        from dutygraph.graph import settings

        if not value:
            return None
        try:
            pairs = settings.parse_pairs(value)
            getattr(settings, apply)(settings.AuditSettings(), pairs)
        except ValueError as err:
            raise bad(param, str(err)) from None
        return pairs
    return parse


AUDIT_OPTIONS = ("weights", "overload", "scope", "include_inline", "roster_file", "expand",
                 "expand_also")
audit_options = _stack(
    option("--weights", metavar="ROLE=W,…", callback=_pairs("with_weights")),
    option("--overload", metavar="KEY=V,…", callback=_pairs("with_overload")),
    option("--scope", type=click.Choice(["jurisdiction-year", "year", "plan"])),
    option("--include-inline/--no-include-inline", default=None),
    option("--roster", "roster_file", type=click.Path(), metavar="FILE.csv|.xlsx"),
    option("--expand/--no-expand", "expand", default=None),
    option("--expand-also", metavar="NAME,…"))


def read_inputs(files=(), jobs=None, encoding=None, db=None, year=None, jurisdiction=None):
    """The plans of the inputs (files and archive), bad files named on stderr."""
    from dutygraph.api import load

    if not files and not db:
        raise click.UsageError(say("no_plans"))
    from dutygraph.loaders.parallel import cap_jobs

    capped = cap_jobs(jobs)  # at most a process per core
    if capped != jobs:
        click.echo(say("jobs_lowered", jobs=jobs, cores=capped), err=True)
    jobs = capped
    loaded = load(files, encoding, jobs, db=db, year=year, jurisdiction=jurisdiction,
                  catch=not debugging(), progress=_progress)
    if loaded.failures and loaded.files > 1:
        click.echo(say("failed_files", failed=len(loaded.failures), files=loaded.files), err=True)
    for err in loaded.failures:
        click.echo(say("error", message=said(str(err))), err=True)
    for skipped in loaded.skipped:
        click.echo(say("skipped_copy" if skipped.reason == "duplicate" else "skipped_junk",
                       path=skipped.path, same_as=skipped.same_as), err=True)
    return loaded


def _progress(results, count):
    """The results, behind a progress bar on a terminal when there are several files."""
    if count < 2 or not sys.stderr.isatty():
        yield from results
        return
    with click.progressbar(results, length=count, label=say("reading"), file=sys.stderr,
                           item_show_func=lambda r: r[0].name if r else "") as bar:
        yield from bar


def exit_code(loaded, findings: bool = False) -> int:
    """The exit code: 2 when a file failed or nothing was read, 1 for asked-for findings."""
    return EXIT_BAD_INPUT if loaded.failures or not loaded.plans else int(findings)


def settings_from(**changes):
    """dutygraph.toml in the working folder, then the options on top."""
    from dutygraph.api import audit_settings

    try:
        return audit_settings(Path.cwd(), **changes)
    except ValueError as err:  # the file and the key are in the message
        raise BadInput(str(err)) from None


def audited(options):
    """(loaded, Audited or None): the one audit pipeline of audit and report, from their
    input options and ``audit_options``."""
    from dutygraph import api

    inputs = {k: v for k, v in options.items() if k not in AUDIT_OPTIONS}
    also = (options["expand_also"] or "").replace("，", ",").split(",")
    settings = settings_from(weights=options["weights"], overload=options["overload"],
                             scope=options["scope"], include_inline=options["include_inline"],
                             expand_members=options["expand"], expand_also=also)
    roster = None
    if options["roster_file"]:
        from dutygraph.loaders.roster import read_roster_file

        try:
            roster = read_roster_file(options["roster_file"])
        except ValueError as err:  # the file and the problem are in the message
            raise BadInput(str(err)) from None
    loaded = read_inputs(**inputs)
    return loaded, (api.run_audit(loaded.plans, settings, roster, loaded.skipped)
                    if loaded.plans else None)


def finding_kinds(ctx, param, value):
    """--fail-on: the finding kinds named (a set), each a kind there is."""
    from dutygraph.graph.audit import FINDING_GROUPS

    kinds = {k.strip() for k in (value or "").split(",") if k.strip()}
    if kinds - {*FINDING_GROUPS, "any"}:
        unknown = sorted(kinds - {*FINDING_GROUPS, "any"})[0]
        raise bad(param, say("unknown_kind", kind=unknown,
                             kinds=", ".join((*FINDING_GROUPS, "any"))))
    return kinds


def thresholds(ctx, param, value):
    """--threshold: compare's matching settings with the values given."""
    from dutygraph.graph.compare import match_settings

    try:
        return match_settings(value)
    except ValueError as err:
        raise bad(param, str(err)) from None


def arranged(fmt, out, files, inputs):
    """(loaded, the plans to compare oldest first, or None when a file failed): compare's
    checks of its inputs, then the plans read and put in year order (warnings said)."""
    from dutygraph.graph.compare_order import arrange_plans

    one_by_one = not any(Path(f).is_dir() or (not Path(f).exists() and glob.has_magic(f))
                         for f in files)  # else a folder or a glob gives the plans
    if len(files) < 2 and one_by_one and not inputs["db"]:
        raise click.UsageError(say("compare_two"))
    if fmt == "xlsx" and (out is None or out == "-"):
        raise click.UsageError(say("xlsx_needs_o"))
    loaded = read_inputs(files, **{**inputs, "jurisdiction": None})  # arrange_plans picks it
    if loaded.failures:
        return loaded, None
    if len(loaded.plans) < 2:  # the same file named twice, or a folder of one plan
        raise BadInput(say("compare_distinct", count=len(loaded.plans)))
    try:
        arrangement = arrange_plans(loaded.plans, inputs["jurisdiction"],
                                    named_one_by_one=one_by_one)
    except ValueError as err:
        raise BadInput(str(err)) from None
    for warning in arrangement.warnings:
        click.echo(say("warning", message=said(warning)), err=True)
    return loaded, arrangement.plans
