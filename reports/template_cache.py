"""The report's templates compiled once and kept for the next run.

Compiling the templates costs about 0.3 CPU s a page; Jinja2 keeps their compiled code in
one file per template in the user's cache folder (``$XDG_CACHE_HOME/dutygraph``, else
``~/.cache/dutygraph``; ``%LOCALAPPDATA%\\dutygraph`` on Windows), checked against the
template's source each time, so an edited template is compiled again. A folder for each
Jinja2 version and set of compile options keeps code compiled another way apart.

Nothing is fetched and nothing is required: when there is no such folder that is the
user's alone (no home, a read-only home, a folder others may write), or a file there
cannot be read or written, the templates are compiled as before and the page is the same.
"""
from __future__ import annotations

import hashlib
import os
import stat
from pathlib import Path


def cache_folder(tag: str) -> Path | None:
    """``…/dutygraph/templates-TAG``, made if needed, the user's alone; else None."""
    try:
        if os.name == "nt":
            base = Path(os.environ["LOCALAPPDATA"])
        else:
            base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
        if not base.is_absolute():
            return None
        folder = base / "dutygraph" / f"templates-{tag}"
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if os.name != "nt":
            found = os.lstat(folder)
            if (not stat.S_ISDIR(found.st_mode) or found.st_uid != os.getuid()
                    or stat.S_IMODE(found.st_mode) & 0o022):
                return None
        return folder if os.access(folder, os.W_OK | os.X_OK) else None
    except (KeyError, OSError, RuntimeError):  # no home, read-only, not ours
        return None


def template_cache(options: dict):
    """A Jinja2 bytecode cache for an Environment made with ``options``, or None."""
    import jinja2
    from jinja2 import FileSystemBytecodeCache

    made = repr((jinja2.__version__, sorted(options.items())))
    folder = cache_folder(hashlib.sha256(made.encode("utf-8")).hexdigest()[:12])
    if folder is None:
        return None

    class QuietCache(FileSystemBytecodeCache):
        """Any file it cannot read or write is compiled instead, silently."""

        def load_bytecode(self, bucket):
            try:
                super().load_bytecode(bucket)
            except Exception:  # a damaged or foreign file: compile the template
                bucket.reset()

        def dump_bytecode(self, bucket):
            try:
                super().dump_bytecode(bucket)
            except OSError:  # a full disk, a folder made read-only since
                pass

    return QuietCache(str(folder), "%s.cache")
