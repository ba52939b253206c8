"""A long output on a disk that takes only part of it: an error, not a cut-short file."""

from __future__ import annotations

import errno
import io
import sys
from typing import TYPE_CHECKING

import pytest

from govdisclosure.cli import main
from govdisclosure.cli._whole_writes import whole_writes
from locations import EXAMPLES

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


class NearlyFullDisk(io.RawIOBase):
    """A file with ``room`` bytes left: a write takes what fits (a short count,
    as a file system does), the next one fails with ``ENOSPC``."""

    def __init__(self, room: int, most: int = 1 << 30) -> None:
        self.room = room
        self.most = most
        self.kept = bytearray()

    @property
    def name(self) -> str:
        return "nearly-full-disk"

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer, /) -> int:
        if self.room == 0:
            raise OSError(errno.ENOSPC, "No space left on device")
        taken = memoryview(data).cast("B")[: min(self.room, self.most)].tobytes()
        self.kept += taken
        self.room -= len(taken)
        return len(taken)


@pytest.mark.parametrize("unbuffered", [False, True], ids=["buffered", "unbuffered"])
def test_a_json_document_cut_short_by_a_full_disk_exits_2(
    unbuffered: bool, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Unbuffered (PYTHONUNBUFFERED=1), Python's text layer ignores a short
    count: the document lost all but 4,096 bytes and the command exited 0."""
    disk = NearlyFullDisk(room=4096)
    binary = disk if unbuffered else io.BufferedWriter(disk)
    stdout = io.TextIOWrapper(binary, encoding="utf-8", write_through=unbuffered)
    files = [str(EXAMPLES / "huaian-2024.json"), str(EXAMPLES / "yuxi-2017.json")]
    args = ["validate", *files, "--format", "json", "--jobs", "1", "--locale", "en"]
    monkeypatch.setattr(sys, "argv", ["govdisclosure", *args])
    monkeypatch.setattr(sys, "stdout", stdout)
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 2
    err = capsys.readouterr().err
    assert "Cannot write the output: no space left on the device" in err
    assert len(disk.kept) == 4096


def test_every_byte_reaches_a_disk_with_room(monkeypatch: pytest.MonkeyPatch) -> None:
    """Short counts are written again until the whole document is there."""
    disk = NearlyFullDisk(room=10**9, most=1000)
    stdout = io.TextIOWrapper(disk, encoding="utf-8", write_through=True)
    monkeypatch.setattr(sys, "stdout", stdout)
    whole_writes()
    text = "政府信息公开" * 5000
    sys.stdout.write(text)
    sys.stdout.flush()
    assert disk.kept.decode("utf-8") == text
