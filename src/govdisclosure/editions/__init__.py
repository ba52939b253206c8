"""The editions of the report format: one module each, and their registry.

:data:`EDITIONS` maps an edition id (the ``edition`` key of our JSON) to its
:class:`~govdisclosure.editions.base.Edition` record, newest first: the
built-in editions below, then those that plugins add through the
``govdisclosure_editions`` hook.  Adding a national format is one module
(its table classes and its ``EDITION`` record) and one line in
:data:`BUILTIN`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Final, TypeAlias

from typing_extensions import TypeIs

from .. import _sources
from ..errors import LocalizedError
from ..i18n import N_
from .base import Edition, Reason, Variant
from .e2019 import EDITION as E2019
from .e2019 import Report2019
from .e2021 import EDITION as E2021
from .e2021 import Report2021
from .legacy import EDITION as LEGACY
from .legacy import ReportLegacy

__all__ = [
    "BUILTIN",
    "EDITIONS",
    "Edition",
    "Reason",
    "Report",
    "UnknownEditionError",
    "Variant",
    "edition_of",
    "is_template_driven",
    "set_edition_source",
]

#: A report of a built-in edition (the static type; plugin editions are
#: ReportBase subclasses the type checker cannot know).
Report: TypeAlias = Report2021 | Report2019 | ReportLegacy

#: The editions that ship with the library, newest first.
BUILTIN: Final[tuple[Edition, ...]] = (E2021, E2019, LEGACY)


class UnknownEditionError(LocalizedError, KeyError):
    """An edition id nobody provides (``code`` ``"unknown-edition"``).

    ``args[0]`` is the id, as a ``KeyError``'s; ``known`` lists the editions
    that are (empty where the raiser did not say)."""

    def __init__(self, edition: str, known: Sequence[str] = ()) -> None:
        self.edition = edition
        self.known = tuple(known)
        if self.known:
            message = N_("unknown edition {edition!r}; known: {known}")
        else:
            message = N_("unknown edition {edition!r}")
        self._localize(
            "unknown-edition", message, {"edition": edition, "known": self.known}, args=(edition,)
        )


def set_edition_source(source: Callable[[], Sequence[Edition]] | None) -> None:
    """Where editions beyond the built-in ones come from (the package
    installs the plugin manager's; tests may install their own)."""
    _sources.editions = source


class _Registry(Mapping[str, Edition]):
    """Built-in editions, then plugin editions (asked for at each lookup,
    so a plugin manager reset or a test plugin is seen at once)."""

    def _all(self) -> dict[str, Edition]:
        found = {e.id: e for e in BUILTIN}
        source = _sources.editions
        if source is not None:
            for extra in source():
                found.setdefault(extra.id, extra)
        return found

    def __getitem__(self, key: str) -> Edition:
        for builtin in BUILTIN:
            if builtin.id == key:
                return builtin
        try:
            return self._all()[key]
        except KeyError:
            raise UnknownEditionError(key, tuple(self._all())) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __repr__(self) -> str:
        return f"EDITIONS({', '.join(self)})"


#: Every known edition by id, newest first (built-in, then plugins).
EDITIONS: Final[Mapping[str, Edition]] = _Registry()


def edition_of(report: object) -> Edition:
    """The edition record of a report (by its class's ``edition`` id)."""
    return EDITIONS[type(report).edition]  # type: ignore[attr-defined]


def is_template_driven(report: object) -> TypeIs[ReportLegacy]:
    """Whether ``report``'s statistics follow a template it names (the
    pre-2019 tables) rather than fixed table classes.

    Code that treats the two kinds differently asks this, never which
    edition the report is; a template-driven edition added by a plugin has
    the fields of :class:`~govdisclosure.editions.legacy.ReportLegacy`.
    Anything that is not a report (``None``: no previous report) is not.
    """
    cls = type(report)
    known = _TEMPLATE_DRIVEN.get(cls)
    if known is not None:
        return known
    edition = getattr(cls, "edition", None)
    if not isinstance(edition, str):
        return False
    record = EDITIONS[edition]
    if record in BUILTIN:
        # A built-in edition's id is found first whatever plugins come and go.
        _TEMPLATE_DRIVEN[cls] = record.template_driven
    return record.template_driven


#: :func:`is_template_driven` of the report classes of built-in editions,
#: by class: asked several times for every report validated, and the
#: registry's look-up is a loop in Python.
_TEMPLATE_DRIVEN: dict[type, bool] = {}
