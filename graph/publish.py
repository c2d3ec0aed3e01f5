"""The publish step: a build's outputs appear in the output folder all at once, or not at all.

A build folder holds its outputs in generations and one pointer to the current one:

    build/
      .stancegraph            marks the folder as a stancegraph build folder
      .lock                   held while a build runs; a second build waits (or refuses)
      .generations/<id>/      every output of one build: events.csv ... store/ graph.html, and .state/: what
                              the next build reuses of it (graph/assemble/)
      .current -> .generations/<id>
      .cache/                 what each article gave, so a rebuild extracts only what changed (graph/cache.py)
      events.csv -> .current/events.csv, store -> .current/store, ...   (one link per output)

A build writes a complete new generation, then replaces the `.current` link in one atomic rename: every
reader sees the old build or the new one, never a mix, whenever the build is interrupted (Ctrl-C, a full
disk, a kill). The generation before stays on disk until the next build starts, so a reader that opened
it (a running `serve`) is not pulled from under its feet.

Nothing that stancegraph did not write is ever deleted: a folder without the marker is taken as a build
folder only when it is empty, holds none of the output names, or is a build of an earlier layout (files
and an Oxigraph store in place); otherwise the build refuses with a message naming what is in the way.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path

MARKER = ".stancegraph"
LOCK = ".lock"
CURRENT = ".current"
GENERATIONS = ".generations"
#: Names a build publishes at the top of the folder (as links into the current generation).
OUTPUT_NAMES = ("events.csv", "entities.csv", "graph.nt", "graph.ttl", "graph.jsonld", "store", "stances.csv",
                "stance_changes.csv", "graph.gexf", "graph.graphml", "graph.html")
#: Entries of the folder that belong to the publishing machinery itself.
INTERNAL_NAMES = frozenset({MARKER, LOCK, CURRENT, GENERATIONS, ".cache"})  # .cache: graph/cache.py


class BuildFolderError(ValueError):
    """The output folder cannot take a build: the message names it and says what to do."""


@contextlib.contextmanager
def locked(out: Path, *, wait: bool = True, on_wait: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold the build lock of `out` for the duration of the block.

    With `wait`, a second build waits for the first (calling `on_wait` once, so the user knows why nothing
    happens); without it, the second build refuses at once.
    """
    _check_is_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / LOCK, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if not wait:
                raise BuildFolderError(f"another build into {out} is running; try again when it has finished, "
                                       "or leave out --no-wait to wait for it") from None
            if on_wait is not None:
                on_wait()
            fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def claim(out: Path) -> None:
    """Make sure `out` can take a build, mark it as a build folder and remove what interrupted builds left.

    Raises `BuildFolderError` when `out` is a file, or a folder holding output names stancegraph did not
    write (a `store/` folder that is no Oxigraph store, for example).
    """
    _check_is_folder(out)
    out.mkdir(parents=True, exist_ok=True)
    if not (out / MARKER).exists():
        _check_foreign(out)
        (out / MARKER).write_text("stancegraph build folder: outputs are links into .current\n", encoding="utf-8")
    _remove_stale(out)


def _check_is_folder(out: Path) -> None:
    if out.exists() and not out.is_dir():
        raise BuildFolderError(f"--out {out} is a file; give a folder to build into")


def _check_foreign(out: Path) -> None:
    """Refuse a folder whose output names are not stancegraph's own (no marker yet).

    Outputs in place count as a build of the earlier layout only beside the Oxigraph store such a build
    always wrote; an `events.csv` (or any output name) without it is someone else's file.
    """
    present = [out / name for name in OUTPUT_NAMES if (out / name).exists() or (out / name).is_symlink()]
    if not present:
        return
    store = out / "store"
    legacy = store.is_dir() and not store.is_symlink() and (store / "CURRENT").is_file()
    for path in present:
        ours = legacy and (path == store or (path.is_file() and not path.is_symlink()))
        if not ours:
            raise BuildFolderError(f"{path} was not written by stancegraph; move it away or build into another "
                                   "folder with --out")


def _remove_stale(out: Path) -> None:
    """Generations other than the current one, and the leftovers of the earlier layout's interrupted builds."""
    current = _current(out)
    generations = out / GENERATIONS
    if generations.is_dir():
        for entry in generations.iterdir():
            if entry.name != current:
                _remove(entry)
    for entry in out.iterdir():
        if entry.name.startswith(".staging-") or (entry.name.startswith(".") and entry.name.endswith(".old")):
            _remove(entry)


def _current(out: Path) -> str | None:
    """Name of the current generation, or None before the first build of this layout."""
    link = out / CURRENT
    return Path(os.readlink(link)).name if link.is_symlink() else None


def current_generation(out: Path) -> Path | None:
    """The folder of the build now published in `out`, or None before the first build of this layout: what
    a rebuild may reuse (graph/incremental.py) while it writes the next generation."""
    name = _current(out)
    folder = out / GENERATIONS / name if name else None
    return folder if folder is not None and folder.is_dir() else None


def new_generation(out: Path) -> Path:
    """A fresh, empty generation folder to write a build into."""
    generations = out / GENERATIONS
    generations.mkdir(exist_ok=True)
    name = f"{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**9:09d}"
    folder = generations / name
    folder.mkdir()
    return folder


def discard(generation: Path) -> None:
    """Remove a generation that was never published."""
    _remove(generation)


def publish(out: Path, generation: Path) -> list[str]:
    """Make `generation` the current build of `out` in one atomic step; return the published names.

    Links for outputs the new generation does not have (the views after a build without views, views an
    earlier generation was given by `render --out`) are left dangling by the switch; `dropped_views`
    removes them, so nothing stale is left at the top of the folder.
    """
    names = [name for name in OUTPUT_NAMES if (generation / name).exists()]
    _adopt_earlier_layout(out, names)
    _switch(out, generation)
    for name in OUTPUT_NAMES:
        link = out / name
        if name in names and not link.is_symlink():
            os.symlink(f"{CURRENT}/{name}", link)
    return names


def dropped_views(out: Path) -> list[str]:
    """Remove the links into `.current` whose file the current generation does not have; return their names.

    They are outputs of an earlier build (the views of a build with views, after one without) or views
    written into an earlier generation by `render --out` or `analyze` (graph/outputs.py): drawn from data
    that is gone, they are not left beside the new build. Only links stancegraph made are touched, never a
    file.
    """
    dropped = []
    for entry in sorted(out.iterdir()):
        if entry.is_symlink() and os.readlink(entry) == f"{CURRENT}/{entry.name}" and not entry.exists():
            entry.unlink()
            dropped.append(entry.name)
    return dropped


def _switch(out: Path, generation: Path) -> None:
    """Point `.current` at `generation`: a new link renamed over the old one, atomic on POSIX."""
    temporary = out / f"{CURRENT}.{os.getpid()}.tmp"
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()
    os.symlink(f"{GENERATIONS}/{generation.name}", temporary)
    os.replace(temporary, out / CURRENT)


def _adopt_earlier_layout(out: Path, names: list[str]) -> None:
    """Move the outputs of a build of the earlier layout (plain files in place) into a generation of their own.

    They were written by stancegraph (`claim` checked), so moving them keeps them until the next build, as
    any previous generation is kept.
    """
    legacy = [out / name for name in OUTPUT_NAMES if (out / name).exists() and not (out / name).is_symlink()]
    if not legacy:
        return
    folder = new_generation(out)
    for path in legacy:
        os.replace(path, folder / path.name)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
