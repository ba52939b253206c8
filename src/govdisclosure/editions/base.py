"""What an edition of the report is, as one record.

An *edition* is a version of the official format: the 2021 format in force,
the 2019 format it replaced, the pre-2019 statistics tables.  Everything the
library needs to know about one — its report class, the years it is the
format for, how people name it, its section headings, the edition it
replaced and what cannot be compared across that change, the layout variants
its tables are printed in — lives in one :class:`Edition`.  Code elsewhere
asks the record (through :mod:`govdisclosure.editions`) instead of testing
which edition it holds, so a new edition is one module and one registry line
(or one plugin, through the ``govdisclosure_editions`` hook).

This module is data only: it imports no table definition, so every edition
module can import it.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import attrgetter
from typing import Any

import attrs
from attrs import frozen

from ..paths import Path

__all__ = ["Edition", "Reason", "Variant"]


@frozen
class Reason:
    """Why some cells of two reports cannot be compared.

    ``prefixes`` are attribute paths; the reason covers every cell under
    them.  With ``across=True`` it applies to *every* cell under the
    prefixes, even one whose path survived, whenever the two reports stand
    on either side of the change that brought in the edition declaring the
    reason; with ``across=False`` it only explains cells that have no
    counterpart in the other report.  The area shown to users is derived
    from the definitions (the block caption or label of the field at the
    prefix).
    """

    id: str
    prefixes: tuple[Path, ...]
    #: English message id; the catalogs give the Chinese.
    text: str
    source: str
    across: bool = True


@frozen(kw_only=True)
class Variant:
    """A layout variant: one field of an edition printed in another shape.

    Real reports print some blocks differently from the official drawing
    (洪泽 2024 prints （六）其他处理 as one row instead of three sub-rows).
    The model allows both shapes in the field's type; the variant names the
    field (``path``, attribute names from the report) and builds its blank
    value in this shape (``blank``), so introspection, the codec, the flat
    layout, the strategies and the rules can make a prototype of every
    variant without knowing which one it is.
    """

    #: Stable identifier (``"single-other-handling"``).
    id: str
    path: Path
    blank: Callable[[], object]
    #: English message id describing the variant.
    description: str

    def matches(self, report: object) -> bool:
        """Whether ``report`` is printed in this variant."""
        return self.test()(report)

    def test(self) -> Callable[[object], bool]:
        """:meth:`matches` as one function, made once per variant: the field
        is read by one :func:`operator.attrgetter` and the blank is built
        once, for :func:`govdisclosure.flat.shape_of`, which asks it of
        every report validated."""
        test = _TESTS.get(self)
        if test is None:
            read = attrgetter(".".join(str(name) for name in self.path))
            kind = type(self.blank())

            def test(report: object) -> bool:
                return type(read(report)) is kind

            _TESTS[self] = test
        return test

    def apply(self, report: Any) -> Any:
        """``report`` with the variant's field replaced by its blank value."""
        return _evolve_at(report, self.path, self.blank())


_TESTS: dict[Variant, Callable[[object], bool]] = {}


def _evolve_at(obj: Any, path: Path, value: object) -> Any:
    if not path:
        return value
    head = str(path[0])
    return attrs.evolve(obj, **{head: _evolve_at(getattr(obj, head), path[1:], value)})


@frozen(kw_only=True)
class Edition:
    """One edition of the report format and everything that belongs to it."""

    #: The value of the ``edition`` key in our JSON (``"2021"``).
    id: str
    #: The attrs class of a report in this edition (a ReportBase subclass).
    report_class: type[Any]
    #: The first year whose reports use this format.
    first_year: int
    #: The last such year; ``None`` while the format is in force.
    last_year: int | None
    #: How messages name the edition (English message id).
    name: str
    #: Which reports it is the format for, for messages (English message id).
    years_text: str
    #: The edition as people know it, with its document number where it has
    #: one (English message id): "2021 format (国办公开办函〔2021〕30号)".
    title: str
    #: The numbered section headings, as the format prints them.
    section_headings: tuple[str, ...]
    #: Attribute names of the report's statistics tables, in printed order.
    table_keys: tuple[str, ...]
    #: The edition this one replaced, if any.
    predecessor: str | None = None
    #: What cannot be compared across the change that brought this edition in.
    not_comparable: tuple[Reason, ...] = ()
    #: Layout variants of its tables besides the official drawing.
    variants: tuple[Variant, ...] = ()
    #: True when the statistics follow a template named by the report
    #: (the pre-2019 tables), not fixed classes.
    template_driven: bool = False
    #: Where the facts above come from (formats.md sections).
    source: str = ""

    def fits_year(self, year: int) -> bool:
        """Whether this is the format for reports on ``year``."""
        return year >= self.first_year and (self.last_year is None or year <= self.last_year)

    def variant_of(self, report: object) -> Variant | None:
        """The layout variant ``report`` is printed in (``None``: the official one)."""
        for variant in self.variants:
            if variant.matches(report):
                return variant
        return None

    def variant(self, variant_id: str) -> Variant:
        """A variant by id; :class:`KeyError` names the known ones."""
        for variant in self.variants:
            if variant.id == variant_id:
                return variant
        known = ", ".join(v.id for v in self.variants) or "none"
        raise KeyError(f"edition {self.id} has no variant {variant_id!r} (known: {known})")
