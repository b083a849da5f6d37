"""What every dutygraph command shares: atomic output files and one-line errors.

Kept out of ``main.py`` so the commands stay thin. Two promises live here:

- an output file is either the whole new file or untouched (a temporary file in the same
  folder, then ``os.replace``): an interrupted run leaves no half-written report;
- an unexpected exception is one line ``error: …`` and exit code 2, unless ``--debug``
  asked for the traceback; so is a usage error, and Ctrl-C is one line and exit 130.
"""
from __future__ import annotations

import gc
import os
import stat
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Callable

import click

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


class BadInput(click.ClickException):
    """Bad input or an output that cannot be written: one line on stderr, exit 2."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file=None) -> None:
        from dutygraph.cli_words import said, say  # the words import this module

        click.echo(say("error", message=said(self.format_message())), err=True)


class Interrupted(BadInput):
    """Ctrl-C: one line, exit 130; the output being written is removed (write_atomic)."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self):
        from dutygraph.cli_words import say

        super().__init__(say("interrupted"))


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
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.stem}-",
                                    suffix=f".tmp{target.suffix}")  # writers may read the suffix
    except OSError as err:  # a read-only folder: name the target, not the temporary file
        raise BadInput(f"{out}: cannot be written ({err.strerror or err})") from None
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
        raise _one_line(out, err) from None
    return target


def _one_line(out, err: BaseException) -> BaseException:
    """What a failed write raises: one line naming the target for a disk error, Ctrl-C as
    Interrupted, anything else as it was."""
    _release(err)
    if isinstance(err, KeyboardInterrupt):
        return Interrupted()
    if isinstance(err, OSError) and not debugging():
        return BadInput(f"{out}: cannot be written ({err.strerror or err})")
    return err


def _release(err: BaseException) -> None:
    """Close, quietly, what a failed writer left open: a zip writer (openpyxl) on a full disk
    would otherwise print a traceback ("Exception ignored in ZipFile.__del__") at exit."""
    hook = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        traceback.clear_frames(err.__traceback__)
        gc.collect()
    finally:
        sys.unraisablehook = hook


def _mode_for(target: Path) -> int:
    """The mode the file keeps, or that a plain open() would give it (0666 less the umask)."""
    if target.exists():
        return stat.S_IMODE(target.stat().st_mode)
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _write_in_place(target: Path, content) -> Path:
    """A device or pipe (/dev/null, /dev/full): written as it is, errors named."""
    try:
        if callable(content):
            content(target)
        else:
            with open(target, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
    except BaseException as err:
        raise _one_line(target, err) from None
    return target


class SafeGroup(click.Group):
    """A click group whose every error is one line: unexpected exceptions (exit 2, or the
    traceback with --debug), usage errors (exit 2) and Ctrl-C (exit 130)."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except KeyboardInterrupt:
            raise Interrupted() from None
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as err:
            if ctx.meta.get("dutygraph.debug"):
                raise
            said = " ".join(str(err).split())
            raise BadInput(f"{type(err).__name__}: {said} (run with --debug for the "
                           "traceback)") from None

    def main(self, args=None, prog_name=None, complete_var=None, standalone_mode=True, **extra):
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, **extra)
        except click.UsageError as err:  # click would print usage, a hint and the error
            from dutygraph.cli_words import said, say

            where = say("see_help", command=err.ctx.command_path) if err.ctx else ""
            click.echo(say("error", message=said(err.format_message()) + where), err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except click.Abort:  # Ctrl-C while click itself was reading the command line
            Interrupted().show()
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)
