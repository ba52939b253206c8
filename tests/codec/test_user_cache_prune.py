"""The user's cache does not grow for ever: an entry no release in use has
read for 30 days goes when the library next stores one of its kind, and an
entry in use is never removed, however old the file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from govdisclosure import _resources
from govdisclosure._resources import UNUSED_FOR, kept, prune

DAY = 24 * 3600


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv(_resources.NO_CACHE_ENV, raising=False)
    return tmp_path / "govdisclosure"


def _age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def _entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _fill(cache: Path, kind: str, key: bytes) -> Path:
    """Store one entry through :func:`kept` and return its file."""
    before = set(_entries(cache / kind)) if (cache / kind).exists() else set()
    kept(kind, key, lambda: (key.decode(),), tuple)
    (name,) = set(_entries(cache / kind)) - before
    return cache / kind / name


def test_an_entry_unused_for_thirty_days_goes_when_a_new_one_is_stored(cache: Path) -> None:
    old = _fill(cache, "code", b"last release")
    recent = _fill(cache, "code", b"last week")
    _age(old, UNUSED_FOR + DAY)
    _age(recent, 7 * DAY)
    other_kind = _fill(cache, "help", b"another kind")
    _age(other_kind, UNUSED_FOR + DAY)

    new = _fill(cache, "code", b"this release")

    assert _entries(cache / "code") == sorted([recent.name, new.name])
    # Only the folder of the kind stored is looked at.
    assert _entries(cache / "help") == [other_kind.name]


def test_an_entry_in_use_is_kept_however_old_its_file(cache: Path) -> None:
    """Reading an entry refreshes its time (once a day at most): a release
    installed 40 days ago and used every day keeps its cache."""
    used = _fill(cache, "code", b"in use")
    _age(used, UNUSED_FOR + DAY)

    assert kept("code", b"in use", lambda: ("made again",), tuple) == ("in use",)
    assert time.time() - used.stat().st_mtime < 60

    _fill(cache, "code", b"a new entry")  # a store prunes
    assert used.exists()


def test_reading_a_fresh_entry_writes_nothing(cache: Path) -> None:
    used = _fill(cache, "code", b"read today")
    _age(used, DAY / 2)
    before = used.stat().st_mtime

    assert kept("code", b"read today", lambda: ("made again",), tuple) == ("read today",)
    assert used.stat().st_mtime == before


def test_a_temporary_file_a_stopped_process_left_goes_after_a_day(cache: Path) -> None:
    _fill(cache, "code", b"first")
    left = cache / "code" / ".abc.123.tmp"
    left.write_bytes(b"half")
    _age(left, DAY + 60)
    writing = cache / "code" / ".def.456.tmp"
    writing.write_bytes(b"being written")

    removed = prune(cache / "code")

    assert removed == [left]
    assert writing.exists()


def test_a_folder_that_cannot_be_read_prunes_nothing_and_raises_nothing(tmp_path: Path) -> None:
    assert prune(tmp_path / "missing") == []
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    assert prune(a_file) == []


def test_a_folder_inside_the_cache_is_left_alone(cache: Path) -> None:
    _fill(cache, "code", b"first")
    folder = cache / "code" / "someone's folder"
    folder.mkdir()
    _age(folder, UNUSED_FOR + DAY)

    assert prune(cache / "code") == []
    assert folder.is_dir()
