"""``bench/dump_counts.py``: each way runs, and the ways said to write our bytes do."""

from __future__ import annotations

import importlib.util
import pickle
import subprocess
import sys
from pathlib import Path

import orjson
import pytest
from test_bench import _module

import govdisclosure as gd
from govdisclosure import codec
from locations import ROOT

_counts = _module("dump_counts")
_HAS_MSGSPEC = importlib.util.find_spec("msgspec") is not None
_EXAMPLES = [ROOT / "examples" / "huaian-2024.json", ROOT / "examples" / "hongze-2024.json"]


def _ways() -> list[str]:
    return [way for way in _counts.WAYS if _HAS_MSGSPEC or not way.startswith("msgspec")]


@pytest.mark.parametrize("way", _ways())
def test_each_way_runs_as_the_counted_child(way: str, tmp_path: Path) -> None:
    texts = tmp_path / "texts.pickle"
    texts.write_bytes(pickle.dumps([path.read_bytes() for path in _EXAMPLES]))
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "dump_counts.py"), "--child", way, "2", str(texts)],
        capture_output=True,
        check=True,
        timeout=300,
    )


@pytest.mark.parametrize("way", ["floor", "dumps_bytes", "mirrors", "msgspec_dicts_indented"])
def test_the_ways_that_write_our_bytes_do(way: str) -> None:
    if way.startswith("msgspec") and not _HAS_MSGSPEC:
        pytest.skip("msgspec is not installed")
    reports = [gd.load(path) for path in _EXAMPLES]
    dicts = [codec.unstructure(r) for r in reports]
    sys.path.insert(0, str(ROOT / "bench"))  # the mirror writer is a bench module
    try:
        write, items = _counts.writer(way, reports, dicts)
        written = [bytes(write(item)).rstrip(b"\n") for item in items]
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert written == [path.read_bytes().rstrip(b"\n") for path in _EXAMPLES]


def test_the_compact_msgspec_way_is_not_our_bytes() -> None:
    """What its docstring says: the least msgspec work, not a writer of our JSON."""
    if not _HAS_MSGSPEC:
        pytest.skip("msgspec is not installed")
    report = gd.load(_EXAMPLES[0])
    write, _ = _counts.writer("msgspec_attrs", [report], [codec.unstructure(report)])
    written = orjson.loads(write(report))
    assert "edition" not in written and written != orjson.loads(codec.dumps_bytes(report))


def test_an_unknown_way_is_refused() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "dump_counts.py"), "nonesuch"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 2 and "no such way: nonesuch" in done.stderr
