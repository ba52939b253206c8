"""Fixtures shared by the test folders (``tests/cli``, ``tests/plugin``, ...).

Module-level constants (the repository and examples paths) live in
``locations.py`` instead, because parametrisation needs them at import time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from fake_plugins import Site, make_site


@pytest.fixture
def runner() -> CliRunner:
    """A click runner for commands whose output the test reads."""
    return CliRunner()


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Site]:
    """A throwaway plugin directory on ``sys.path``; the plugin manager is rebuilt around it."""
    yield from make_site(tmp_path, monkeypatch)
