"""What every dutygraph command shares: atomic output files and one-line errors.

Kept out of ``main.py`` so the commands stay thin. Two promises live here:

- an output file is either the whole new file or untouched (a temporary file in the same
  folder, then ``os.replace``): an interrupted run leaves no half-written report;
- an unexpected exception is one line ``error: …`` and exit code 2, unless ``--debug``
  asked for the traceback.
"""
from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path
from typing import Callable

import click

EXIT_BAD_INPUT = 2


class BadInput(click.ClickException):
    """Bad input or an output that cannot be written: one line on stderr, exit 2."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file=None) -> None:
        click.echo(f"error: {self.format_message()}", err=True)


def debugging() -> bool:
    """True when the run was started with ``--debug`` (tracebacks wanted)."""
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.meta.get("dutygraph.debug"))


def check_folder(out: str | os.PathLike) -> Path:
    """The target path, when its folder exists; else the one line that says so."""
    target = Path(out)
    if not target.parent.is_dir():
        raise BadInput(f"{out}: the folder {target.parent} does not exist")
    return target


def write_atomic(out: str | os.PathLike, content: str | bytes | Callable[[Path], None]) -> Path:
    """Write ``content`` (text as UTF-8, bytes, or a function that writes to the path it is
    given) to a temporary file beside ``out``, then rename it into place."""
    target = check_folder(out)
    if target.is_dir():
        raise BadInput(f"{out}: is a folder; give a file name")
    if target.exists() and not target.is_file():  # /dev/null, a pipe: nothing to replace
        return _write_in_place(target, content)
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-",
                                suffix=f".tmp{target.suffix}")  # writers may read the suffix
    tmp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            if isinstance(content, str):
                handle.write(content.encode("utf-8"))
            elif isinstance(content, bytes):
                handle.write(content)
        if callable(content):
            content(tmp)
        os.chmod(tmp, _mode_for(target))  # mkstemp's 0600 would hide a shared report
        os.replace(tmp, target)
    except BaseException as err:
        tmp.unlink(missing_ok=True)
        if isinstance(err, OSError) and not debugging():
            raise BadInput(f"{out}: cannot be written ({err.strerror or err})") from None
        raise
    return target


def _mode_for(target: Path) -> int:
    """The mode the file keeps, or that a plain open() would give it (0666 less the umask)."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_in_place(target: Path, content) -> Path:
    if callable(content):
        content(target)
    else:
        with open(target, "wb") as handle:
            handle.write(content.encode("utf-8") if isinstance(content, str) else content)
    return target


class SafeGroup(click.Group):
    """A click group that turns any unexpected exception into one line and exit 2."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:
            if ctx.meta.get("dutygraph.debug"):
                raise
            said = " ".join(str(err).split())
            raise BadInput(f"{type(err).__name__}: {said} (run with --debug for the "
                           "traceback)") from None
