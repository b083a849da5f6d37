"""Reading many plans in several processes, results in the order of the files.

Extraction is pure Python and CPU-bound, so threads would not help; each file is read in
a worker process and its plans (frozen dataclasses) are sent back. ``load_many`` yields,
for each file in order, its plans or the ``LoadError`` that says why it could not be read,
so ``--jobs N`` gives the same output as one process. Workers ignore Ctrl-C: the parent
alone stops the run (and says so once).

``--jobs`` is capped at the cores this process may use (more processes only compete for
them and multiply the memory). Each worker reads one file at a time over a pipe of its
own, so a worker that dies (the out-of-memory killer's SIGKILL, a segfault in a C library)
names its file: that file fails alone with a ``LoadError``, a new worker takes the dead
one's place and the run goes on; nothing waits for a result that will never come. (A
``multiprocessing.Pool`` waits forever for the lost result; a ``ProcessPoolExecutor``
breaks as a whole and could hang at exit after its workers were stopped.)
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


DIED = ("could not be read: the process reading it died (killed, e.g. by the out-of-memory "
        "killer, or crashed)")
AHEAD = 8  # files handed out past the first one not yet yielded, per worker


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
    yield from _run_workers(files, encoding, jobs)


def _worker(conn, encoding) -> None:
    """A worker's loop: a path in, its ``load_one`` out, until it is sent None."""
    _quiet_worker()
    try:
        while (path := conn.recv()) is not None:
            conn.send(load_one(path, encoding))
    except (EOFError, OSError):  # the parent is gone: nothing to report to
        pass


def _start_worker(context, encoding):
    """(the parent's end of its pipe, the process), forked with Ctrl-C held back: a
    KeyboardInterrupt inside fork's handlers would be swallowed ("Exception ignored") and
    could leave a lock held; held back, it is raised just after, where the run stops."""
    ours, theirs = context.Pipe()
    process = context.Process(target=_worker, args=(theirs, encoding), daemon=True)
    held = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        process.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, held)
    theirs.close()
    return ours, process


def _run_workers(files: list, encoding, jobs: int):
    """Each worker reads one file at a time, so a worker that dies names its file: that
    file gets a ``LoadError``, a new worker takes the dead one's place, the run goes on.
    Results are yielded in the order of ``files``."""
    from multiprocessing.connection import wait

    context = _context()
    idle = [_start_worker(context, encoding) for _ in range(jobs)]
    busy = {}  # the parent's end of a worker's pipe -> (process, index of its file)
    results, sent, done = {}, 0, 0
    try:
        while done < len(files):
            while idle and sent < len(files) and sent < done + jobs * AHEAD:
                conn, process = idle.pop()
                try:
                    if not process.is_alive():  # killed while it waited
                        raise BrokenPipeError
                    conn.send(files[sent])
                except OSError:
                    _stop(conn, process)
                    idle.append(_start_worker(context, encoding))
                    continue
                busy[conn] = (process, sent)
                sent += 1
            while done in results:
                yield files[done], results.pop(done)
                done += 1
            if done == len(files) or not busy:
                continue
            sentinels = {process.sentinel: conn for conn, (process, _) in busy.items()}
            for ready in wait([*busy, *sentinels]):
                conn = sentinels.get(ready, ready)
                if conn not in busy:  # its result and its end both ready: handled
                    continue
                process, index = busy.pop(conn)
                try:
                    results[index] = conn.recv()
                    idle.append((conn, process))
                except (EOFError, OSError):  # died on this file
                    results[index] = LoadError(files[index], DIED)
                    _stop(conn, process)
                    idle.append(_start_worker(context, encoding))
    finally:  # at the end, on Ctrl-C, or when the caller stopped early
        for conn, process in idle:  # waiting for a file: told to stop
            try:
                conn.send(None)
            except OSError:
                pass
        for conn, (process, _) in busy.items():  # still reading: stopped now
            process.terminate()
        for conn, process in idle + [(c, p) for c, (p, _) in busy.items()]:
            _stop(conn, process)


def _stop(conn, process) -> None:
    """Close a worker's pipe and wait for it to end (a few seconds, then it is killed)."""
    conn.close()
    process.join(5)
    if process.is_alive():
        process.kill()
        process.join()


def _context():
    import multiprocessing

    return multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
