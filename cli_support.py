"""What every dutygraph command shares: atomic output files and one-line errors.

Kept out of ``main.py`` so the commands stay thin. Two promises live here:

- an output file is either the whole new file or untouched (a temporary file in the same
  folder, then ``os.replace``): an interrupted run leaves no half-written report; a
  symbolic link is written through (the file it points to is replaced, the link kept), a
  device or pipe written in place, a read-only file never replaced;
- stdout is written whole or the run fails: a closed, full or cut stdout is one line and
  exit 2, never a silent exit 0 (``write_stdout``);
- an unexpected exception is one line ``error: …`` and exit code 2, unless ``--debug``
  asked for the traceback; so is a usage error, and Ctrl-C is one line and exit 130.
  Every message is kept on one line (a newline in a file name is shown as ``\\n``).
"""
from __future__ import annotations

import gc
import io
import os
import re
import stat
import sys
import tempfile
import traceback
from pathlib import Path
from typing import Callable

import click

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, what shells report for Ctrl-C


NAME_MAX = 255  # bytes in one file name on Linux, macOS and Windows file systems
CHUNK = 1 << 24  # bytes per write to stdout: one write call stops short at 2 GiB on Linux
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")


def one_line(text: str) -> str:
    """``text`` with line breaks and other control characters shown as escapes (``\\n``),
    so a message naming a file called ``a\\nb`` stays one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


class BadInput(click.ClickException):
    """Bad input or an output that cannot be written: one line on stderr, exit 2."""

    exit_code = EXIT_BAD_INPUT

    def show(self, file=None) -> None:
        from dutygraph.cli_words import said, say  # the words import this module

        click.echo(say("error", message=said(one_line(self.format_message()))), err=True)


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
    given) to a temporary file beside ``out``, then rename it into place.

    A symbolic link is followed: the file it names is replaced and the link stays (a link
    into /dev or /proc, such as /dev/stdout, and a device or pipe are written in place). A
    file nobody may write is an error, not replaced."""
    target = check_folder(out)
    if target.is_dir():
        raise BadInput(f"{out}: is a folder; give a file name")
    if target.is_symlink():
        if str(target.absolute()).startswith(("/dev/", "/proc/")):  # /dev/stdout, /dev/fd/3
            return _write_in_place(target, content, out)
        target = Path(os.path.realpath(target))  # replace what the link names, keep the link
        if not target.parent.is_dir():
            raise BadInput(f"{out}: links to {target}, whose folder does not exist")
    if target.exists() and not target.is_file():  # /dev/null, a pipe: nothing to replace
        return _write_in_place(target, content, out)
    if target.exists() and (not target.stat().st_mode & 0o222 or not os.access(target, os.W_OK)):
        raise BadInput(f"{out}: is read-only; not replaced (make it writable or choose "
                       "another name)")
    try:
        fd, name = tempfile.mkstemp(dir=target.parent, **_temporary_name(target))
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
    return Path(out)  # a link by its own name


def _temporary_name(target: Path) -> dict:
    """mkstemp's prefix and suffix for ``target``: ``.NAME-XXXXXXXX.tmp.SUFFIX`` (writers
    may read the suffix), the name cut so the whole stays within ``NAME_MAX`` bytes."""
    suffix = f".tmp{target.suffix}" if len(os.fsencode(target.suffix)) <= 16 else ".tmp"
    room = NAME_MAX - len(os.fsencode(suffix)) - 2 - 8 - 8  # ".", "-", random, a margin
    stem = target.stem
    while len(os.fsencode(stem)) > room:
        stem = stem[:-1]
    return {"prefix": f".{stem}-", "suffix": suffix}


def write_stdout(content: str | bytes) -> None:
    """Write ``content`` to stdout, with a final newline if it has none, in chunks (one
    ``write`` stops short at 2 GiB); a closed, full or cut stdout raises ``BadInput`` (one
    line, exit 2) instead of ending the run as if all had been written."""
    stream = sys.stdout
    if stream is None:  # started with >&-: Python leaves sys.stdout None, click writes nothing
        raise BadInput("stdout is closed: nothing written (give -o FILE)")
    if isinstance(content, str):
        content = content.encode(getattr(stream, "encoding", None) or "utf-8",
                                 getattr(stream, "errors", None) or "strict")
    try:
        stream.flush()
        try:
            fd = stream.fileno()
        except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
            fd = None  # a stream without a descriptor (click's CliRunner, a notebook)
        for part in (content, b"" if content.endswith(b"\n") else b"\n"):
            view = memoryview(part)
            while view:
                if fd is None:
                    stream.buffer.write(view[:CHUNK])
                    view = view[CHUNK:]
                else:
                    view = view[os.write(fd, view[:CHUNK]):]
        if fd is None:
            stream.buffer.flush()
    except OSError as err:
        _silence(stream)
        raise BadInput(f"stdout: cannot be written ({err.strerror or err}); the output is "
                       "incomplete") from None


def _silence(stream) -> None:
    """Point a failed stdout at /dev/null, so Python's flush at exit does not print a
    second, multi-line complaint."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, AttributeError, ValueError, io.UnsupportedOperation):
        pass


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


def _write_in_place(target: Path, content, out) -> Path:
    """A device or pipe (/dev/null, /dev/full): written as it is, errors named."""
    try:
        if callable(content):
            content(target)
        else:
            with open(target, "wb") as handle:
                handle.write(content.encode("utf-8") if isinstance(content, str) else content)
    except BaseException as err:
        raise _one_line(out, err) from None
    return target


class SafeGroup(click.Group):
    """A click group whose every error is one line: unexpected exceptions (exit 2, or the
    traceback with --debug), usage errors (exit 2) and Ctrl-C (exit 130)."""

    def __call__(self, *args, **extra):
        """The process's entry (the console script, ``python -m dutygraph``, ``python
        main.py``; tests call ``main``). A run is short and keeps most of what it makes
        (modules, plans, the graph) to its end, so the cyclic collector is off for it: it
        would scan all of that again as it grows (a tenth of the CPU time of extracting a
        6 MB plan, 7 % of the sample report). Reference counting still frees what a run
        drops: reading a plan leaves no cycle (``outline.release``; a test holds it). When
        the command is done (its files written and closed), what is still alive is frozen
        (``gc.freeze``), so the collection Python runs at the exit skips it and the
        operating system frees it (0.25 CPU s). Garbage in a cycle is not finalized, which
        Python does not promise at the exit either."""
        gc.disable()
        try:
            return self.main(*args, **extra)
        finally:
            gc.freeze()

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
            click.echo(say("error", message=said(one_line(err.format_message())) + where), err=True)
            sys.exit(err.exit_code)
        except click.ClickException as err:
            err.show()
            sys.exit(err.exit_code)
        except click.Abort:  # Ctrl-C while click itself was reading the command line
            Interrupted().show()
            sys.exit(EXIT_INTERRUPTED)
        sys.exit(code if isinstance(code, int) else 0)
