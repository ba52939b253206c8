"""``help()`` on the main functions says what each option does, on its own.

A user meets the library through ``help(gd.validate)`` as much as through
the pages: every parameter with a default (an option) is named in the
function's docstring, and no docstring sends the reader to a module
docstring that ``help()`` does not show.
"""

from __future__ import annotations

import inspect

import pytest

import govdisclosure as gd

FUNCTIONS = sorted(n for n in gd.__all__ if inspect.isfunction(getattr(gd, n)))


def test_the_main_functions_are_there() -> None:
    assert {"load", "loads", "dump", "dumps", "validate", "render", "consolidate"} <= set(FUNCTIONS)


@pytest.mark.parametrize("name", FUNCTIONS)
def test_every_option_is_named_in_the_docstring(name: str) -> None:
    function = getattr(gd, name)
    doc = inspect.getdoc(function) or ""
    options = [
        p.name
        for p in inspect.signature(function).parameters.values()
        if p.default is not inspect.Parameter.empty
    ]
    assert [o for o in options if f"``{o}``" not in doc and f"{o}=" not in doc] == []
    assert "module docstring" not in doc
