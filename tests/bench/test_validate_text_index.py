"""``bench/validate_text_index.py`` runs and gives each reading of the text a line."""

from __future__ import annotations

import subprocess
import sys

from locations import ROOT

SCRIPT = ROOT / "bench" / "validate_text_index.py"


def test_every_reading_gets_a_line() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--passes", "2"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    for name in ("paragraphs", "plain", "stretches", "numbers (re)", "clauses (str.split)"):
        assert any(line.startswith(name) for line in done.stdout.splitlines()), name


def test_one_line_runs_alone() -> None:
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--only", "numbers", "--passes", "1"],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    assert done.stdout == ""
