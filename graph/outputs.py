"""Atomic output files: every file is written next to its destination, then renamed over it.

An interrupted build (Ctrl-C, crash, full disk) therefore leaves the previous outputs intact: a reader
sees either the old file or the new one, never half of one.

A rename would also replace whatever the user named, so the destination is looked at first: a device or
a named pipe (/dev/null, a pipe read by another program) is written to as it is, never replaced by a
file; a folder named where a file is written is refused with `OutputPathError`. A file written at the top
of a build folder (`render --out build/china.html`) goes into the build's current generation with a link
beside the build's own, so the next build, which cannot redraw it, drops it instead of leaving a view of
data that is gone (graph/publish.py).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: Files of graph/publish.py that mark a build folder and point at its current generation (kept here so
#: that this module imports nothing of the build).
_MARKER, _CURRENT = ".stancegraph", ".current"


class OutputPathError(ValueError):
    """An output path that names something no file may replace (a folder); the message says what to do."""


def is_special(path: Path) -> bool:
    """A device, a named pipe or a socket: written to as it is (a rename would replace it by a file)."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode) and not stat.S_ISDIR(mode)


def check_file_target(path: Path | str, example: str = "") -> None:
    """Refuse a folder given where a file is to be written, before any work is done for it; `example` is a
    file name the message suggests inside it."""
    path = Path(path)
    if path.is_dir():
        raise OutputPathError(f"{path} is a folder; give a file name"
                              + (f", e.g. {path / example}" if example else " inside it"))


def _in_build_folder(path: Path) -> Path | None:
    """Where a file named at the top of a build folder really goes (its current generation), else None.

    Only for names of the user's own views: the build's internal entries (names starting with a dot) are
    not redirected.
    """
    folder = path.parent
    current = folder / _CURRENT
    if path.name.startswith(".") or not (folder / _MARKER).is_file() or not current.is_dir():
        return None
    return current.resolve() / path.name


def _link_into_generation(path: Path) -> None:
    """Make `path` the link `.current/<name>` a build folder publishes its outputs by (graph/publish.py)."""
    target = f"{_CURRENT}/{path.name}"
    if path.is_symlink() and os.readlink(path) == target:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.link")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(target, temporary)
    os.replace(temporary, path)


@contextmanager
def atomic_path(path: Path | str, *, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success rename it over `path`, on error delete it.

    Works for files and for folders (e.g. an on-disk store): the caller creates whatever it likes at the
    yielded path. A folder replaces the old folder via a rename of the old one out of the way first.
    A device or named pipe at `path` is refused (`atomic_write_text` writes to one as it is); a file at
    the top of a build folder is written into its current generation and linked (module docstring).
    """
    path = Path(path)
    if is_special(path):
        raise OutputPathError(f"{path} is a device or a named pipe, not a file or folder stancegraph can replace; "
                              "give another path")
    real = _in_build_folder(path)
    if real is not None:
        if path.is_dir() and not path.is_symlink():
            check_file_target(path)
        with atomic_path(real, suffix=suffix) as tmp:
            yield tmp
        _link_into_generation(path)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent))
    target = tmp / (path.name + suffix)
    try:
        yield target
        _replace(target, path)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _replace(new: Path, path: Path) -> None:
    """Move `new` to `path`, replacing a file atomically or a folder with a two-step swap."""
    if not new.is_dir() and path.is_dir():
        raise OutputPathError(f"{path} is a folder; give a file name, e.g. {path / new.name}")
    if new.is_dir():
        old = None
        if path.exists():
            old = path.with_name(f".{path.name}.old")
            shutil.rmtree(old, ignore_errors=True)
            os.replace(path, old)
        os.replace(new, path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(new, path)


def atomic_write_text(path: Path | str, text: str) -> Path:
    """Write UTF-8 text to `path` atomically and return the path (a device or named pipe: as it is, see
    `atomic_write_bytes`)."""
    path = Path(path)
    check_file_target(path)
    if is_special(path):
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        return path
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return path


def atomic_write_bytes(path: Path | str, data: bytes) -> Path:
    """Write bytes to `path` atomically and return the path.

    A device or a named pipe is written to as it is: renamed over, /dev/null would become a file (as root)
    and a pipe's reader would read nothing. A folder is refused before anything is written."""
    path = Path(path)
    check_file_target(path)
    if is_special(path):
        with open(path, "wb") as handle:
            handle.write(data)
        return path
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return path
