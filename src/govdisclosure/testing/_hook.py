"""Hypothesis's entry-point hook, safe whichever package is imported first.

Hypothesis calls the hook of every installed ``hypothesis`` entry point while
it is itself being imported.  If a test imports
:mod:`govdisclosure.testing.strategies` before Hypothesis, that module is
only half loaded at that moment (it is importing Hypothesis), so it cannot
register its strategies yet.  The hook therefore only notes the request,
and the strategies module registers them once it has finished loading.
This module must not import Hypothesis.
"""

from __future__ import annotations

from collections.abc import Callable

__all__ = ["_hypothesis_setup_hook", "_strategies_loaded"]

_register: Callable[[], None] | None = None
_requested = False


def _hypothesis_setup_hook() -> None:
    """Register govdisclosure's strategies with Hypothesis (entry point)."""
    global _requested
    if _register is None:
        _requested = True  # the strategies module is still loading
        return
    _register()


def _strategies_loaded(register: Callable[[], None]) -> None:
    """Called by the strategies module at the end of its import."""
    global _register
    _register = register
    if _requested:
        register()
