"""Reading many plans in several processes, results in the order of the files.

Extraction is pure Python and CPU-bound, so threads would not help; each file is read in
a worker process and its plans (frozen dataclasses) are sent back. ``load_many`` yields,
for each file in order, its plans or the ``LoadError`` that says why it could not be read,
so ``--jobs N`` gives the same output as one process. Workers ignore Ctrl-C: the parent
alone stops the run (and says so once).

``--jobs`` is capped at the cores this process may use (more processes only compete for
them and multiply the memory). A worker that dies (the out-of-memory killer's SIGKILL, a
segfault in a C library) breaks the pool: the files it may have held are read again one by
one, each in a fresh process, so the one that kills its reader fails alone with a
``LoadError`` and the run goes on; nothing waits for a result that will never come.
"""
from __future__ import annotations

import os
import signal
import sys
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from dutygraph.loaders.readers.document import LoadError

MANY = 16  # from this many files on, the default is one process per core


def usable_cores() -> int:
    """The cores this process may run on (its CPU affinity, else the machine's)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_jobs(files: int) -> int:
    """One process for a few files (starting workers costs more than it saves), else one
    per core this process may use."""
    if files < MANY:
        return 1
    return max(1, min(usable_cores(), files))


def cap_jobs(jobs: int | None, note=None) -> int | None:
    """``jobs`` lowered to the usable cores; ``note(text)`` is told when it was lowered."""
    cores = usable_cores()
    if jobs is None or jobs <= cores:
        return jobs
    if note is not None:
        note(f"note: --jobs {jobs} lowered to {cores}, the cores this run may use")
    return cores


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


def _read(path: Path, encoding):
    """What a worker runs: ``load_one`` as this module names it when the worker starts."""
    return load_one(path, encoding)


DIED = ("could not be read: the process reading it died (killed, e.g. by the out-of-memory "
        "killer, or crashed)")


def load_many(files, encoding: str | None = None, jobs: int | None = None,
              catch: bool = True) -> Iterator:
    """(file, ``load_one`` of it) for each file, in the order of ``files``, in ``jobs``
    processes (default: ``default_jobs``; never more than the usable cores); in this
    process when ``jobs`` is 1 or not ``catch``."""
    files = list(files)
    jobs = default_jobs(len(files)) if jobs is None else min(cap_jobs(max(1, jobs)),
                                                             len(files) or 1)
    if jobs == 1 or not catch:
        yield from ((f, load_one(f, encoding, catch)) for f in files)
        return
    queue = list(reversed(files))  # popped from the end: files in order
    while queue:
        # a pool that broke gave back the files it held; they are read one by one
        held = yield from _run_pool(queue, encoding, jobs)
        for path, future in held:
            done = future.done() and not future.cancelled() and future.exception() is None
            yield path, future.result() if done else _alone(path, encoding)


def _context():
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")


def _run_pool(queue: list, encoding, jobs: int):
    """Read files off ``queue`` in a pool of ``jobs`` workers, yielding results in order, a
    few files ahead; when a worker dies, stop and return the (file, future) pairs not yet
    yielded, in order: those without a result hold the one that killed it."""
    from collections import deque
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    pool = ProcessPoolExecutor(jobs, mp_context=_context(), initializer=_quiet_worker)
    pending: deque = deque()
    try:
        while queue or pending:
            while queue and len(pending) < jobs * 4:
                path = queue.pop()
                pending.append((path, _submit(pool, path, encoding)))
            path, future = pending[0]
            try:
                result = future.result()
            except BrokenProcessPool:
                pool.shutdown(wait=True, cancel_futures=True)
                return list(pending)
            pending.popleft()
            yield path, result
    except BaseException:  # Ctrl-C, or the caller stopped early: stop the workers now
        for process in list(getattr(pool, "_processes", {}).values()):
            process.terminate()
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown(wait=True)
    return []


def _submit(pool, path: Path, encoding):
    """``pool.submit`` with Ctrl-C held back: the first submit forks the workers, and a
    KeyboardInterrupt inside fork's handlers is swallowed ("Exception ignored") and can
    leave a lock held; held back, it is raised just after, where the caller stops the
    workers."""
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        return pool.submit(_read, path, encoding)
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)


def _alone(path: Path, encoding):
    """``load_one`` of one file in a fresh process of its own: a ``LoadError`` when that
    process dies."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(1, mp_context=_context(), initializer=_quiet_worker) as pool:
        try:
            return _submit(pool, path, encoding).result()
        except BrokenProcessPool:
            return LoadError(path, DIED)
