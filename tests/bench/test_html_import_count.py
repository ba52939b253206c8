"""``bench/html_import_count.py --sim``: the events read back are the ones callgrind wrote."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from test_bench import _module

_count = _module("html_import_count")


@pytest.mark.skipif(shutil.which("valgrind") is None, reason="valgrind is not installed")
def test_the_simulated_events_are_read_from_callgrinds_file(tmp_path: Path) -> None:
    """The totals read from the output file are callgrind's: every simulated
    event named, and the instructions it reported on its own at exit."""
    out = tmp_path / "callgrind.out"
    run = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            f"--callgrind-out-file={out}",
            "--cache-sim=yes",
            "--branch-sim=yes",
            "true",
        ],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    totals = _count.totals(out)
    assert set(totals) == set(_count.SIMULATED)
    collected = re.search(r"Collected : (\d+)", run.stderr)
    assert collected is not None and totals["Ir"] == int(collected.group(1))
    assert totals["Ir"] > totals["Bc"] > totals["Bcm"] >= 0


def test_the_count_without_simulation_reads_instructions_only(tmp_path: Path) -> None:
    out = tmp_path / "callgrind.out"
    out.write_text("version: 1\nevents: Ir\nfn=main\n1 12\nsummary: 12\ntotals: 12\n")
    assert _count.totals(out) == {"Ir": 12}
