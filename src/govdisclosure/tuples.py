"""Typed ``converter=`` functions for the model's tuple fields.

The model keeps sequences as tuples (immutable, hashable), and accepts any
iterable for them, as ``converter=tuple`` would.  But mypy's attrs plugin
types a ``converter=tuple`` parameter as ``Iterable[_T_co]`` with the type
variable unbound, so under ``--strict`` no argument at all type-checks:
``Section(heading="…", paragraphs=("…",))`` would be an error in users'
code.  A plain function per item type gives the constructors, and
``attrs.evolve``, a real parameter type (``Iterable[str]``, ...).

The codec builds tuples itself and skips ``__init__`` on its fast path; it
may do so only for fields whose converter is one of
:data:`TUPLE_CONVERTERS`, so every converter here is registered there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, Final

__all__ = ["TUPLE_CONVERTERS", "texts", "tuple_converter"]

#: Converters that do nothing but ``tuple(values)``.
TUPLE_CONVERTERS: Final[set[Callable[..., Any]]] = {tuple}


def tuple_converter(function: Callable[[Any], tuple[Any, ...]]) -> None:
    """Register ``function`` (``tuple(values)`` with a typed parameter).

    A call, not a decorator: mypy's attrs plugin accepts only a plain named
    function as a converter.
    """
    TUPLE_CONVERTERS.add(function)


def texts(values: Iterable[str]) -> tuple[str, ...]:
    """Paragraphs: any iterable of strings, kept as a tuple.

    A single string is refused rather than split into one paragraph per
    character (a ``str`` is itself an ``Iterable[str]``, so the type
    checker cannot catch it), and so is anything that is not text: a report
    that could not be written and read back is never built.
    """
    if isinstance(values, str):
        raise TypeError("expected a sequence of paragraphs, got one string; wrap it: (text,)")
    out = tuple(values)
    for value in out:
        if not isinstance(value, str):
            raise TypeError(f"a paragraph must be a string, not {type(value).__name__}")
    return out


tuple_converter(texts)
