"""Arguments for the report fields declared ``converter=tuple``.

``Section.paragraphs``/``subsections`` and every report's ``preamble``,
``sections`` and ``parts`` are attrs fields with ``converter=tuple``.  mypy's
attrs plugin types such a parameter as ``Iterable[_T_co]`` with the type
variable left unbound, so no argument at all type-checks (a typing hole of
the public constructors and of ``attrs.evolve``, not of these tests).  These
helpers check the items' type and hand the tuple on untyped; drop them once
the library declares typed converters.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from govdisclosure import Report, Section


def paragraphs_arg(*paragraphs: str) -> Any:
    """``paragraphs=`` of a :class:`Section`, ``preamble=`` of a report."""
    return paragraphs


def sections_arg(items: Iterable[Section]) -> Any:
    """``sections=`` of a report, ``subsections=`` of a :class:`Section`."""
    return tuple(items)


def parts_arg(items: Iterable[Report]) -> Any:
    """``parts=`` of a consolidated report."""
    return tuple(items)
