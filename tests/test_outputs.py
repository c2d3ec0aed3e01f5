"""Atomic output writes (graph/outputs.py): a reader sees the old file or the new one, never half of one,
and a failed write leaves the old output and no temporary files behind."""

from __future__ import annotations

from pathlib import Path

import pytest

from graph.outputs import atomic_path, atomic_write_bytes, atomic_write_text


def listing(folder: Path) -> list[str]:
    """Every entry under `folder`, hidden ones included, as sorted relative paths."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))


def test_write_text_creates_parent_folders_and_returns_the_path(tmp_path):
    target = tmp_path / "build" / "nested" / "events.csv"
    returned = atomic_write_text(target, "source,date\nBogotá,2025-01-27\n")
    assert returned == target
    assert target.read_bytes() == "source,date\nBogotá,2025-01-27\n".encode()
    assert listing(tmp_path) == ["build", "build/nested", "build/nested/events.csv"]


def test_write_text_replaces_the_old_content_completely(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("x" * 10_000)
    atomic_write_text(str(target), "short\n")
    assert target.read_text() == "short\n"
    assert listing(tmp_path) == ["graph.ttl"]


def test_write_bytes_is_byte_exact(tmp_path):
    data = b"\x00\xff<http://x> <http://y> \"\xc3\xa1\" .\r\n"
    atomic_write_bytes(tmp_path / "graph.nt", data)
    assert (tmp_path / "graph.nt").read_bytes() == data


def test_file_keeps_old_content_until_the_block_ends(tmp_path):
    target = tmp_path / "events.csv"
    target.write_text("old\n")
    with atomic_path(target) as tmp:
        tmp.write_text("new\n")
        # Until the block succeeds, readers of the destination still see the previous file.
        assert target.read_text() == "old\n"
        assert tmp.parent != tmp_path and tmp.parent.parent == tmp_path
        assert tmp.name == "events.csv"
    assert target.read_text() == "new\n"
    assert listing(tmp_path) == ["events.csv"]


def test_failed_file_write_keeps_old_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "graph.ttl"
    target.write_text("previous graph\n")
    with pytest.raises(RuntimeError, match="disk full"):
        with atomic_path(target) as tmp:
            tmp.write_text("half a gra")
            raise RuntimeError("disk full")
    assert target.read_text() == "previous graph\n"
    assert listing(tmp_path) == ["graph.ttl"]


def test_interrupt_during_first_write_creates_nothing(tmp_path):
    target = tmp_path / "out" / "graph.ttl"
    with pytest.raises(KeyboardInterrupt):
        with atomic_path(target) as tmp:
            tmp.write_text("partial")
            raise KeyboardInterrupt
    assert not target.exists()
    assert listing(tmp_path) == ["out"]


def test_folder_replaces_old_folder_entirely(tmp_path):
    target = tmp_path / "store"
    target.mkdir()
    (target / "old.sst").write_text("old")
    (target / "LOCK").write_text("")
    with atomic_path(target) as tmp:
        tmp.mkdir()
        (tmp / "new.sst").write_text("new")
        (tmp / "CURRENT").write_text("MANIFEST-1\n")
        assert sorted(p.name for p in target.iterdir()) == ["LOCK", "old.sst"]
    assert sorted(p.name for p in target.iterdir()) == ["CURRENT", "new.sst"]
    assert (target / "new.sst").read_text() == "new"
    # Neither the temporary folder nor the moved-away old store is left beside it.
    assert listing(tmp_path) == ["store", "store/CURRENT", "store/new.sst"]


def test_folder_created_when_absent(tmp_path):
    target = tmp_path / "build" / "store"
    with atomic_path(target) as tmp:
        tmp.mkdir()
        (tmp / "data").write_bytes(b"1")
    assert (target / "data").read_bytes() == b"1"
    assert listing(tmp_path) == ["build", "build/store", "build/store/data"]


def test_failed_folder_write_keeps_old_folder(tmp_path):
    target = tmp_path / "store"
    target.mkdir()
    (target / "000001.sst").write_bytes(b"previous")
    with pytest.raises(ValueError):
        with atomic_path(target) as tmp:
            tmp.mkdir()
            (tmp / "000002.sst").write_bytes(b"half")
            raise ValueError("bad triple")
    assert listing(tmp_path) == ["store", "store/000001.sst"]
    assert (target / "000001.sst").read_bytes() == b"previous"


def test_suffix_is_added_to_the_temporary_name(tmp_path):
    with atomic_path(tmp_path / "graph", suffix=".ttl") as tmp:
        assert tmp.name == "graph.ttl"
        tmp.write_text("@prefix x: <http://x/> .\n")
    assert (tmp_path / "graph").read_text() == "@prefix x: <http://x/> .\n"
