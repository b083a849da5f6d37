"""Reading many plans in several processes, results in the order of the files.

Extraction is pure Python and CPU-bound, so threads would not help; each file is read in
a worker process and its plans (frozen dataclasses) are sent back. ``load_many`` yields,
for each file in order, its plans or the ``LoadError`` that says why it could not be read,
so ``--jobs N`` gives the same output as one process. Workers ignore Ctrl-C: the parent
alone stops the run (and says so once).
"""
from __future__ import annotations

import os
import signal
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from .readers.document import LoadError

MANY = 16  # from this many files on, the default is one process per core


def default_jobs(files: int) -> int:
    """One process for a few files (starting workers costs more than it saves), else one
    per core this process may use."""
    if files < MANY:
        return 1
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        cores = os.cpu_count() or 1
    return max(1, min(cores, files))


@dataclass(frozen=True)
class Crash:
    """An unexpected exception on one file (a parser bug), as text a process can send."""

    kind: str  # the exception's type name
    message: str  # on one line
    trace: str


def load_one(path: Path, encoding: str | None = None, catch: bool = True):
    """The plans of one file, a LoadError, or a ``Crash`` (raised instead when not
    ``catch``: ``--debug``)."""
    from . import load_plans

    try:
        if path.is_dir():
            raise LoadError(path, "holds no plan files (.txt .md .docx .pdf .html .xlsx .xls "
                                  ".csv)")
        return load_plans(path, encoding=encoding)
    except LoadError as err:
        return err
    except Exception as err:  # one file's parser bug must not stop the others
        if not catch:
            raise
        return Crash(type(err).__name__, " ".join(str(err).split()), traceback.format_exc())


def _quiet_worker() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _load_args(args):
    return load_one(*args)


def load_many(files, encoding: str | None = None, jobs: int | None = None,
              catch: bool = True) -> Iterator:
    """(file, ``load_one`` of it) for each file, in the order of ``files``, in ``jobs``
    processes (default: ``default_jobs``); in this process when ``jobs`` is 1 or not
    ``catch``."""
    files = list(files)
    jobs = default_jobs(len(files)) if jobs is None else max(1, min(jobs, len(files) or 1))
    if jobs == 1 or not catch:
        yield from ((f, load_one(f, encoding, catch)) for f in files)
        return
    import multiprocessing

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    pool = context.Pool(jobs, initializer=_quiet_worker)
    try:
        chunk = max(1, min(16, len(files) // (jobs * 8)))
        yield from zip(files, pool.imap(_load_args, ((f, encoding) for f in files), chunk))
    except BaseException:  # Ctrl-C, or the caller stopped early: stop the workers now
        pool.terminate()
        raise
    pool.close()
    pool.join()
