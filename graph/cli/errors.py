"""Failed writes told in one line: a full disk, a read-only file system or a folder without permission.

The commands that write files ask here whether an error is one the user can fix (and how), which path to
name (the folder the user gave, not a temporary file inside it), and whether a target can be written at all
before the work starts, so that nothing is extracted only to fail at the end.
"""

from __future__ import annotations

import os
from pathlib import Path


def _unwritable_file(target: str, name: str) -> str:
    """Why a CSV cannot be written at `target` ('' when it can): a folder there, or a file on its way, or a
    folder that takes no new file (no permission, a read-only file system)."""
    import tempfile

    path = Path(target)
    if path.is_dir():
        return f"is a folder; give a file name, e.g. {path / name}"
    if path.exists() and not path.is_file():  # /dev/null, a named pipe: written to as it is (atomic_write_text)
        return ""
    for parent in path.parents:
        if parent.exists() and not parent.is_dir():
            return f"cannot be written: {parent} is a file, not a folder"
    folder = next(parent for parent in path.parents if parent.exists())
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        problem = _write_problem(error)
        reason = problem[0] if problem else error.strerror or str(error)
        return f"cannot be written: {folder}: {reason}; give a file in a folder you can write to"
    return ""


def _write_problem(error: OSError) -> tuple[str, str, int] | None:
    """(reason, advice, exit status) when `error` is a full disk or a folder that cannot be written, else None.

    Oxigraph's errors carry no errno, only the system's words in the message."""
    import errno

    text = str(error)
    if error.errno in (errno.ENOSPC, errno.EDQUOT) or "No space left on device" in text or "quota exceeded" in text:
        return "no space left on the device", "free some space there", 1
    if error.errno == errno.EROFS or "Read-only file system" in text:
        return "the file system is read-only", "mount it writable", 2
    if error.errno in (errno.EACCES, errno.EPERM) or "Permission denied" in text:
        return "permission denied", "make it writable for you", 2
    return None


def _folder_of(error: OSError) -> str:
    """The folder a write failed in (the file itself is often a temporary name the user never gave)."""
    written = _written_path(error)
    return os.path.dirname(os.path.abspath(written)) if written else "the output folder"


def _where(error: OSError, out: Path) -> str:
    """The path to name in a message about `error`: `out` itself, unless the error is about a path elsewhere
    (a file inside `out` is an internal detail; the fetch cache, for example, is not)."""
    written = _written_path(error)
    if written:
        path = Path(written).absolute()
        if out.absolute() != path and out.absolute() not in path.parents:
            return str(path)
    return str(out)


def _written_path(error: OSError) -> str:
    """The path a failed write was creating: the second name of a two-path call (the link that
    os.symlink(target, link) makes, the destination of a rename), else the one name ('' for none).
    The first name of a symlink is its target, relative to the link's folder, not to ours."""
    name = error.filename2 or error.filename
    return os.fsdecode(name) if name else ""

