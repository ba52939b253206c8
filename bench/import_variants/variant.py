"""What a variant is: a file printed as some publisher prints it, and the figures it prints.

A builder module (:mod:`.pages`, :mod:`.word`, :mod:`.pdf`, :mod:`.excel`)
writes its variants as functions whose docstring names the real-world defect
they imitate; :func:`collect` turns each function's cases into
:class:`Variant` objects carrying that docstring, so the defect is written
once, where the code that imitates it is.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from govdisclosure import paths
from govdisclosure.editions import Report

#: The repository root: every variant is made from files kept here.
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
PLUGINS = ROOT / "plugins"

#: A report's figures by cell path, as :func:`govdisclosure.cells_by_path` gives them.
Figures = Mapping[paths.Path, Any]
Kind = Literal["HTML", "Word", "PDF", "Excel"]


@dataclass(frozen=True)
class Case:
    """One file a builder makes: its bytes (or how to make them, where that is slow: the
    test suite lists every variant when it collects its tests), and what differs from the
    builder's default."""

    name: str
    data: str | bytes | Callable[[], bytes]
    #: The figures it prints, where the variant changed one (the publisher's wrong sums).
    expected: Figures | None = None
    #: False where the tables are not printed as tables (``<div>`` grids, a page without them).
    tables: bool = True
    #: Figures printed with a mark (a footnote digit, an old figure struck through) that the
    #: import refuses by design: each must be left blank and named ``cell-unreadable``.
    marked: int = 0


@dataclass(frozen=True)
class Variant:
    """A file to import, the figures printed in it, and the edition it is printed in."""

    name: str
    kind: Kind
    #: The real-world defect the variant imitates (its builder's docstring).
    defect: str
    data: str | bytes | Callable[[], bytes]
    expected: Figures
    edition: type[Report]
    tables: bool
    marked: int
    #: LibreOffice makes the file (a Word document exported to PDF).
    soffice: bool = False

    def bytes(self) -> bytes:
        """The file (a text as UTF-8), made now if its builder deferred it (an export)."""
        if isinstance(self.data, str):
            return self.data.encode()
        return self.data if isinstance(self.data, bytes) else self.data()


def _defect(build: Callable[[], Iterable[Case]]) -> str:
    doc = inspect.getdoc(build)
    if not doc:
        raise ValueError(f"{build.__qualname__} does not say what defect it imitates")
    return doc


def collect(
    kind: Kind,
    builders: Iterable[Callable[[], Iterable[Case]]],
    expected: Figures,
    edition: type[Report],
    *,
    soffice: bool = False,
) -> list[Variant]:
    """Every case of ``builders`` as a variant, its defect its builder's docstring
    (a builder without one is refused: the defect it imitates would go unsaid)."""
    return [
        Variant(
            name=case.name,
            kind=kind,
            defect=_defect(build),
            data=case.data,
            expected=expected if case.expected is None else case.expected,
            edition=edition,
            tables=case.tables,
            marked=case.marked,
            soffice=soffice,
        )
        for build in builders
        for case in build()
    ]
