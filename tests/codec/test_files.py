"""``files.write_atomic``: all or nothing, and never destroying what it writes to."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from govdisclosure.files import write_atomic


def test_refuses_an_existing_name_without_force(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    with pytest.raises(FileExistsError) as info:
        write_atomic(b"new", target, force=False)
    assert info.value.filename == str(target)
    assert target.read_bytes() == b"old"
    assert os.listdir(tmp_path) == ["r.json"]


def test_force_keeps_the_permissions_of_the_file_it_replaces(tmp_path: Path) -> None:
    target = tmp_path / "r.json"
    target.write_bytes(b"old")
    target.chmod(0o600)
    write_atomic(b"new", target, force=True)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


def test_a_symbolic_link_is_written_through(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    write_atomic(b"new", link, force=True)
    assert link.is_symlink()
    assert real.read_bytes() == b"new"


def test_a_fifo_is_written_to_not_replaced(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    write_atomic(b"report", fifo, force=True)
    reader.join(timeout=10)
    assert received == [b"report"]
    assert stat.S_ISFIFO(fifo.stat().st_mode)


def test_a_long_but_valid_name_is_written(tmp_path: Path) -> None:
    target = tmp_path / ("报" * 80 + ".json")  # 245 bytes of UTF-8
    write_atomic(b"x", target, force=False)
    assert target.read_bytes() == b"x"
    assert os.listdir(tmp_path) == [target.name]


def test_errors_name_the_target_not_the_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "r.json"
    with pytest.raises(FileNotFoundError) as info:
        write_atomic(b"x", target, force=True)
    assert info.value.filename == str(target)
