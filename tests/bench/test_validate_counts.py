"""``bench/validate_counts.py``, ``bench/validate_family_counts.py``,
``bench/validate_parts_counts.py`` and ``bench/validate_compare.py`` run."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from locations import ROOT


@pytest.mark.parametrize(("which", "n"), [("every", "1"), ("copies", "1"), ("arithmetic", "20")])
def test_each_mode_runs(which: str, n: str) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "validate_counts.py"), which, n],
        capture_output=True,
        check=True,
        timeout=300,
    )


@pytest.mark.parametrize("dropped", [[], ["narrative.", "completeness."]])
def test_the_family_count_runs(dropped: list[str]) -> None:
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "validate_family_counts.py"), "1", *dropped],
        capture_output=True,
        check=True,
        timeout=300,
    )


@pytest.mark.parametrize("which", ["pass", "fail", "given", "passes", "class", "holds", "loop"])
def test_each_part_runs(which: str) -> None:
    """Without ``CG`` in the environment it runs without asking callgrind."""
    subprocess.run(
        [sys.executable, str(ROOT / "bench" / "validate_parts_counts.py"), which, "20"],
        capture_output=True,
        check=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if k != "CG"},
    )


def test_an_unknown_part_is_refused() -> None:
    """A misspelt part is an error, not a count of the setup alone."""
    done = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "validate_parts_counts.py"), "passs", "20"],
        capture_output=True,
        text=True,
        timeout=300,
        env={k: v for k, v in os.environ.items() if k != "CG"},
    )
    assert done.returncode != 0
    assert "unknown part 'passs'" in done.stderr


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="compares with a git revision")
def test_the_findings_here_equal_those_at_head() -> None:
    """Run against the committed code: the worktree's own changes to the
    validation, if any, would make it fail, which is what it is for."""
    done = subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "validate_compare.py"),
            "--ref",
            "HEAD",
            "--drawn",
            "3",
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "identical at HEAD and here" in done.stdout
