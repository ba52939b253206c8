"""Every hook is documented in docs/plugins.md (a hook nobody can find is no interface)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest

from govdisclosure.plugin import specs as hookspecs

DOCS = Path(__file__).resolve().parents[2] / "docs" / "plugins.md"


def _hookspecs() -> list[str]:
    marker = f"{hookspecs.PROJECT}_spec"
    return sorted(
        name
        for name, obj in inspect.getmembers(hookspecs, inspect.isfunction)
        if hasattr(obj, marker)
    )


def test_there_are_hooks() -> None:
    assert "govdisclosure_renderers" in _hookspecs()


@pytest.mark.parametrize("hook", _hookspecs())
def test_hook_is_documented(hook: str) -> None:
    text = DOCS.read_text(encoding="utf-8")
    # A section of its own, not just a passing mention.
    assert re.search(rf"^### `{hook}`$", text, re.MULTILINE), f"{hook} lacks a section in {DOCS}"


@pytest.mark.parametrize("hook", _hookspecs())
def test_hook_has_a_docstring(hook: str) -> None:
    assert (getattr(hookspecs, hook).__doc__ or "").strip()
