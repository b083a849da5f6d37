"""dutygraph: read Chinese government work plans and show who is responsible for what.

The command line is thin: each command parses its options (shared decorators below), makes
one call into the API (``dutygraph.api``) and writes the result; its words, in Chinese by
default and English with ``--lang en``, are in ``cli_words.py``.

Exit codes: 0 done; 1 done, with findings, where --fail-on asked for that;
2 bad input or usage; 130 interrupted (Ctrl-C). Unexpected errors are one line too,
unless --debug. Each command returns its code; ``SafeGroup.main`` is the one exit.
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

import json
from pathlib import Path

import click

from dutygraph import __version__
from dutygraph.cli_options import (arranged, audit_options, audited, exit_code, finding_kinds,
                                   input_options, lang_option, option, output_options,
                                   read_inputs, settings_from, suffix_of, thresholds)
from dutygraph.cli_support import one_line, write_atomic, write_stdout
from dutygraph.cli_words import Group, Option, current_lang, say



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
    click.echo(one_line(say("wrote", path=path, size=shown)), err=True)


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="dutygraph", cls=Option)
@option("--debug", is_flag=True)
@lang_option
@click.pass_context
def cli(ctx, debug, lang):
    ctx.meta["dutygraph.debug"] = debug


@cli.command()
@input_options
@output_options(("json", "csv", "table"))
@lang_option
def extract(fmt, out, lang, **inputs):
    from dutygraph.model import plan_json
    from dutygraph.reports.plain import plan_rows_csv, plan_table

    loaded = read_inputs(**inputs)
    plans = loaded.plans
    if fmt == "json":
        text = (plan_json(plans[0]) + b"\n"
                if len(plans) == 1 and loaded.files == 1 and not loaded.skipped
                else b"".join(plan_json(p, indent=False) + b"\n" for p in plans))
    elif fmt == "csv":
        text = plan_rows_csv(plans, lang)
    else:
        text = "\n".join(plan_table(p, lang=lang) for p in plans)
    if plans:
        write_output(text, out)
    return exit_code(loaded)


@cli.command()
@input_options
@output_options(("text", "json"))
@audit_options
@option("--graph", "graph_file", type=click.Path(), metavar="FILE.graphml|.gexf",
        callback=suffix_of(".graphml", ".gexf"))
@option("--fail-on", callback=finding_kinds, metavar="KIND,…")
@option("--top", default=5, show_default=True)
@lang_option
def audit(fmt, out, graph_file, fail_on, top, lang, **options):
    from dutygraph.graph.audit import FINDING_GROUPS, finding_counts
    from dutygraph.reports.audit_text import audit_json, audit_summary, write_graph

    loaded, run = audited(options)
    if run is None:
        return exit_code(loaded)
    if out and out.lower().endswith(".html"):
        from dutygraph.reports.html import render_report

        text = render_report(run.plans, run.audit, graph=run.graph, lang=lang)
    else:
        text = (dump_json(audit_json(run.audit)) + "\n" if fmt == "json"
                else audit_summary(run.audit, top=top, lang=lang))
    write_output(text, out)
    if graph_file:
        write_file(graph_file, lambda tmp: write_graph(run.graph, tmp))
    counts = finding_counts(run.audit)
    return exit_code(loaded, any(counts[k] for k in FINDING_GROUPS
                             if k in fail_on or "any" in fail_on))


@cli.command()
@input_options
@output_options(("text", "json", "html", "xlsx"))
@option("--threshold", "settings", metavar="KEY=V,…", callback=thresholds)
@option("--force", is_flag=True)
@lang_option
def compare(fmt, out, settings, force, lang, files, **inputs):
    from dutygraph import api

    loaded, plans = arranged(fmt, out, files, inputs)
    if not plans:
        return exit_code(loaded)
    from dutygraph.reports import compare_out

    result = api.compare(plans, settings=settings, force=force)
    for warning in compare_out.series_warnings(result, current_lang()):
        click.echo(say("warning", message=warning), err=True)

    if fmt == "xlsx":
        write_file(out, compare_out.compare_xlsx(result, lang))
    elif fmt == "json":
        from dutygraph.graph.compare import compare_to_dict

        write_output(dump_json(compare_to_dict(result)) + "\n", out)
    elif fmt == "html":
        from dutygraph.reports.compare_html import render_compare_html

        write_output(render_compare_html(result, lang), out)
    else:
        write_output(compare_out.compare_summary(result, lang=lang), out)
    return exit_code(loaded)


@cli.command()
@input_options
@output_options(default="report.html", show_default=True, metavar="FILE.html")
@audit_options
@option("--png", "png_dir", type=click.Path(file_okay=False), metavar="FOLDER")
@option("--full-text", is_flag=True)
@lang_option
def report(out, png_dir, full_text, lang, **options):
    from dutygraph.reports.html import render_report, write_chart_pngs

    loaded, run = audited(options)
    if run is None:
        return exit_code(loaded)
    write_output(render_report(run.plans, run.audit, graph=run.graph, lang=lang,
                               full_text=full_text), out)
    if png_dir:
        Path(png_dir).mkdir(parents=True, exist_ok=True)
        write_chart_pngs(run.audit, run.graph, png_dir, lang=lang, write=write_file)
    return exit_code(loaded)


@cli.command()
@input_options
@output_options(suffixes=(".xlsx", ".csv", ".html"), required=True)
@lang_option
def matrix(out, lang, **inputs):
    from dutygraph.reports.html import render_matrix_page
    from dutygraph.reports.matrix import matrix_csv, write_matrix_xlsx

    loaded = read_inputs(**inputs)
    plans, suffix = loaded.plans, Path(out).suffix.lower()
    if not plans:
        return exit_code(loaded)
    if suffix == ".csv":
        write_output(matrix_csv(plans, lang=lang), out)
    elif suffix == ".html":
        write_output(render_matrix_page(plans, lang=lang), out)
    else:
        from dutygraph import api

        result = api.run_audit(plans, settings_from()).audit
        write_file(out, lambda tmp: write_matrix_xlsx(plans, tmp, loads=result.loads, lang=lang,
                                                      deadlines=result.deadlines))
    return exit_code(loaded)


@cli.command()
@input_options
@output_options(suffixes=(".xlsx", ".csv"), required=True)
@lang_option
def ledger(out, lang, **inputs):
    from dutygraph.reports.ledger import ledger_csv, write_ledger_xlsx

    loaded = read_inputs(**inputs)
    if loaded.plans and out.lower().endswith(".csv"):
        write_output(ledger_csv(loaded.plans, lang=lang), out)
    elif loaded.plans:
        write_file(out, lambda tmp: write_ledger_xlsx(loaded.plans, tmp, lang=lang))
    return exit_code(loaded)


@cli.command()
@input_options
@output_options(suffixes=(".xlsx",), required=True)
@lang_option
def review(out, lang, **inputs):
    from dutygraph.reports.review_xlsx import review_workbook

    loaded = read_inputs(**inputs)
    if loaded.plans:
        write_file(out, review_workbook(loaded.plans))
    return exit_code(loaded)


@cli.command()
@input_options
@lang_option
def archive(lang, **inputs):
    from dutygraph.archive import archive_plans

    if not inputs["files"] or not inputs["db"]:
        raise click.UsageError(say("archive_needs"))
    loaded = read_inputs(**{**inputs, "db": None})
    if loaded.plans:
        counts = archive_plans(inputs["db"], loaded.plans, settings_from())
        click.echo(say("archived", db=inputs["db"], **counts), err=True)
    return exit_code(loaded)


if __name__ == "__main__":
    cli()
