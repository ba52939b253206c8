"""Shared by the PDF import tests: where the test files are."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).resolve().parent / "data"
EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
