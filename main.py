"""dutygraph: read Chinese government work plans and show who is responsible for what.

The command line is thin: each command parses its options, calls one core function, and
writes the result. Errors in the input become one line on stderr naming the file.

Exit codes: 0 done; 1 done, with findings, where --fail-on asked for that;
2 bad input or usage.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from loaders import LoadError, load_plan
from loaders.model import to_dict

EXIT_BAD_INPUT = 2


def dump_json(obj) -> str:
    """Byte-stable JSON: fixed key order from the dataclasses, Chinese kept as is."""
    return json.dumps(obj, ensure_ascii=False, indent=1)


def write_output(text: str, out: str | None) -> None:
    """Write to a file atomically (a temporary file renamed into place) or to stdout."""
    if out is None or out == "-":
        click.echo(text, nl=not text.endswith("\n"))
        return
    target = Path(out)
    if not target.parent.exists():
        raise click.ClickException(f"{out}: the folder {target.parent} does not exist")
    tmp = target.with_name(f".{target.name}.tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(target)


def load_all(paths, encoding=None):
    """Load every file; report each bad one on stderr and go on. Returns (plans, failures)."""
    plans, failures = [], []
    for path in paths:
        try:
            plans.append(load_plan(path, encoding=encoding))
        except LoadError as err:
            click.echo(f"error: {err}", err=True)
            failures.append(err)
    return plans, failures


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option("0.1.0", prog_name="dutygraph")
def cli():
    """Read Chinese government work plans and show who is responsible for what."""


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "table"]), default="json",
              show_default=True, help="json: the dutygraph.plan/1 contract (one object per "
              "line for several files); csv: one row per task x unit; table: for reading.")
@click.option("-o", "--output", "out", type=click.Path(), help="Write here instead of stdout.")
@click.option("--encoding", help="Read the files in this encoding (e.g. gb18030) instead "
              "of detecting it.")
def extract(files, fmt, out, encoding):
    """Extract the tasks and responsible units of each plan FILE."""
    from reports.plain import plan_rows_csv, plan_table

    plans, failures = load_all(files, encoding)
    if fmt == "json":
        if len(plans) == 1 and len(files) == 1:
            text = dump_json(to_dict(plans[0])) + "\n"
        else:
            text = "".join(json.dumps(to_dict(p), ensure_ascii=False) + "\n" for p in plans)
    elif fmt == "csv":
        text = plan_rows_csv(plans)
    else:
        text = "\n".join(plan_table(p) for p in plans)
    if plans:
        write_output(text, out)
    if failures:
        sys.exit(EXIT_BAD_INPUT)


if __name__ == "__main__":
    cli()
