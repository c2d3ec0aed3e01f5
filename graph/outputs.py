"""Atomic output files: every file is written next to its destination, then renamed over it.

An interrupted build (Ctrl-C, crash, full disk) therefore leaves the previous outputs intact: a reader
sees either the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def atomic_path(path: Path | str, *, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside `path`; on success rename it over `path`, on error delete it.

    Works for files and for folders (e.g. an on-disk store): the caller creates whatever it likes at the
    yielded path. A folder replaces the old folder via a rename of the old one out of the way first.
    """
    path = Path(path)
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
    """Write UTF-8 text to `path` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return Path(path)


def atomic_write_bytes(path: Path | str, data: bytes) -> Path:
    """Write bytes to `path` atomically and return the path."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data)
    return Path(path)
