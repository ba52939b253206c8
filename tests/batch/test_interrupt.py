"""Ctrl-C in a run with worker processes: what the workers did is counted, and they stop soon."""

from __future__ import annotations

import time
from functools import partial
from pathlib import Path

import pytest

from govdisclosure.batch.driver import drive_files
from govdisclosure.batch.progress import Progress
from govdisclosure.batch.summary import Summary


def write_one(folder: str, item: int) -> str:
    """A file's work with a side effect, as ``render`` and ``import`` have."""
    time.sleep(0.05)
    path = Path(folder, f"{item}.out")
    path.write_text("done", encoding="utf-8")
    return path.name


def test_files_written_by_workers_after_ctrl_c_are_counted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the chunks in the workers' hands ran to their end after Ctrl-C
    (64 PDFs each: most of a minute) and the files they wrote were missing
    from the summary: it said 960 written with 1,050 files in the folder."""
    original = Progress.advance

    def interrupt_after_the_first(self: Progress, count: int = 1) -> None:
        original(self, count)
        raise KeyboardInterrupt

    monkeypatch.setattr(Progress, "advance", interrupt_after_the_first)
    taken: list[str] = []
    summary = Summary(total=64)
    drive_files(
        partial(write_one, str(tmp_path)),
        list(range(64)),
        taken.append,
        jobs=2,
        locale="en",
        quiet=True,
        summary=summary,
    )
    assert summary.interrupted
    on_disk = sorted(p.name for p in tmp_path.iterdir())
    assert sorted(taken) == on_disk
    # Each worker stopped after its file in hand: far fewer than the six
    # chunks of four in flight.
    assert len(on_disk) < 16
