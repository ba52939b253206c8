"""Consolidation that folds as it reads: memory for the sums, not for the inputs.

:func:`~.consolidate.consolidate` takes every input at once.  For a corpus
(every unit of a province, a few hundred thousand files) :class:`Folder`
takes the reports one at a time: each is checked against the first (edition,
year, statistics template, the 2019 format's 采购 unit), its unit is recorded
for the duplicate check (a set lookup per unit, so the check is linear), its
cells are added into a running sum per table layout every
:data:`CHUNK` reports, and the report itself is dropped — unless the parts
are kept (``keep_parts=True``, what :func:`consolidate` gives: the inputs
without their narrative), in which case only the stripped copy stays.

The result is the same report :func:`consolidate` gives for the same inputs
in the same order: consolidation is a commutative monoid, so summing chunk
by chunk and then the partial sums of each layout changes no number, and a
partial sum's （六） is blank exactly when every input's is, so the choice
of layout and the folding decide as they would over the inputs.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

from .._hashing import blake2b
from ..cells import CellValue, is_number
from ..editions import Report, is_template_driven
from ..i18n import N_
from ..paths import Path
from ..report_base import Period, ReportBase, ReportingUnit, Section, UnitKind
from .combine import sum_columns
from .consolidate import (
    _check_editions_and_years,
    _data_paths,
    _get,
    _row_cells,
    _with_data,
    check_compatible,
    consolidate,
    duplicate_error,
)
from .errors import ConsolidationError
from .tree import UnitKey, leaves, strip_narrative

__all__ = ["CHUNK", "Folder", "consolidate_stream"]

#: Reports whose cells are held before they are added into the running sum.
CHUNK = 1024

#: The unit of the running sum of one layout (its index): a name no real unit has.
_PARTIAL = "\0partial-{}"


class _Layout:
    """The running sum of the reports of one table layout (shape)."""

    def __init__(self, first: Report, at: int) -> None:
        from ..flat import shape_of

        self.shape = shape_of(first)
        #: The first report's position among the inputs (its file, where they are named).
        self.at = at
        self.first = strip_narrative(first) if first.parts else first
        self.total: tuple[CellValue, ...] | None = None
        self.pending: list[tuple[CellValue, ...]] = []

    def add(self, report: Report) -> None:
        self.pending.append(self.shape.flatten(report))
        if len(self.pending) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        rows = self.pending if self.total is None else [self.total, *self.pending]
        self.total = tuple(sum_columns(rows, self.shape.paths))
        self.pending = []

    def partial(self, index: int) -> Report:
        """The sum so far as a report of this layout, under a unit of its own."""
        self.flush()
        assert self.total is not None
        unit = ReportingUnit(name=_PARTIAL.format(index))
        first: Any = self.first
        base = attrs.evolve(first, unit=unit, parts=(), sections=(), preamble=())
        return self.shape.rebuild(base, self.total)


def _unit_digest(key: UnitKey) -> bytes:
    """A unit key as 16 bytes (BLAKE2b): equal keys, equal digests; two
    different units share one with a probability of about 2⁻¹²⁸ per pair."""
    name, region = key
    # The name's length first: no name and region can be read as another's.
    text = f"{len(name)}:{name}" + ("" if region is None else f"|{region}")
    return blake2b(text.encode(), digest_size=16).digest()


class Folder:
    """Consolidation one report at a time (see the module docstring).

    ``add(report)`` raises :class:`ConsolidationError` as soon as a report
    cannot be added to those before it; ``result(unit, …)`` takes the
    arguments of :func:`consolidate` and gives its result.

    ``sources`` names the inputs (the files a command reads, each report's
    position in it given to ``add``, by default the order of adding): a unit
    counted twice is then shown with the files that hold it, which a user can find among hundreds, where the reports' own
    unit names may all be the same.  Only each unit's first input is
    remembered, by its position, never the name itself.
    """

    def __init__(
        self,
        *,
        keep_parts: bool = True,
        fold_other_handling: bool = False,
        sources: Sequence[str] | None = None,
    ) -> None:
        self.keep_parts = keep_parts
        self.fold = fold_other_handling
        self.sources = sources
        self.count = 0
        self.parts: list[Report] = []
        self._first: Report | None = None
        self._layouts: dict[tuple[Any, ...], _Layout] = {}
        # One 16-byte digest per unit seen, with the position of the input
        # holding it (the duplicate check's whole cost per input: a tuple of
        # two strings and the holder's name cost about 300 bytes a unit and
        # were most of what --no-parts still grew by); the holder's name is
        # kept only where it is not the unit's own and there are no sources.
        self._first_at = 0
        self._units: dict[bytes, int] = {}
        self._holders: dict[bytes, str] = {}
        self._twice: dict[UnitKey, list[str]] = {}
        self._data: dict[Path, tuple[str, object]] = {}
        self._data_paths: tuple[Path, ...] = ()
        self._row_cells: dict[Path, tuple[Path, ...]] = {}
        self._periods_same = True
        self._parents: set[str | None] = set()

    def add(self, report: Report, *, at: int | None = None) -> None:
        """Add one report (checked against the first; its unit recorded).

        ``at`` is the report's position in ``sources`` when that is not the
        number of reports added before it (a command that skipped a file it
        could not read)."""
        from ..flat import shape_of

        index = self.count if at is None else at
        first = self._first
        if first is None:
            check_compatible([report])
            self._first = first = report
            self._first_at = index
            self._data_paths = _data_paths(type(report))
            self._row_cells = {p: _row_cells(type(report), p) for p in self._data_paths}
        else:
            try:
                if report.edition != first.edition or report.year != first.year:
                    _check_editions_and_years([first, report], None, None)
                elif (
                    is_template_driven(report)
                    and is_template_driven(first)
                    and report.statistics.template != first.statistics.template
                ):
                    check_compatible([first, report])
                self._record_data(report)
            except ConsolidationError as exc:
                raise self._naming_files(exc, index) from None
        self._record_units(report, index)
        if first is report:
            self._record_data(report)
        if not (report.period is first.period or report.period == first.period):
            self._periods_same = False
        self._parents.add(report.unit.parent)
        shape = shape_of(report)
        layout = self._layouts.get(shape.key)
        if layout is None:
            layout = self._layouts[shape.key] = _Layout(report, index)
        layout.add(report)
        if self.keep_parts:
            self.parts.append(
                report
                if not (report.sections or report.preamble or report.parts)
                else strip_narrative(report)
            )
        self.count += 1

    def _naming_files(self, error: ConsolidationError, index: int) -> ConsolidationError:
        """``error`` with the input that does not match and the first input, by file.

        Among hundreds of files "2023, 2024" alone does not say which file
        to look at; the reports' unit names may all be the same."""
        if self.sources is None:
            return error
        return self.naming(error, self.sources[index])

    def naming(self, error: ConsolidationError, file: str) -> ConsolidationError:
        """``error`` of ``file`` (an input, or the narrative report) that does not
        match the first input, naming both files (``error`` as it is without
        ``sources``)."""
        if self.sources is None or self._first is None:
            return error
        return ConsolidationError(
            error.code,
            N_("{reason}: {file} differs from {first}, the first input"),
            {"reason": error, "file": file, "first": self.sources[self._first_at]},
        )

    def first_report(self) -> Report:
        """The first report added (what the others are checked against)."""
        if self._first is None:
            raise ConsolidationError(
                "empty",
                N_(
                    "Nothing to consolidate: an empty list gives the blank report of a unit, "
                    "so name the unit, the edition and the year"
                ),
            )
        return self._first

    def add_all(self, reports: Iterable[Report]) -> Folder:
        for report in reports:
            self.add(report)
        return self

    def _record_units(self, report: Report, index: int) -> None:
        units = (report.unit,) if not report.parts else tuple(leaf.unit for leaf in leaves(report))
        sources = self.sources
        holder = report.unit.name if sources is None else sources[index]
        for unit in units:
            digest = _unit_digest(unit.key)
            first = self._units.get(digest)
            if first is None:
                self._units[digest] = index
                if sources is None and unit.name != holder:
                    self._holders[digest] = holder
            else:
                seen = self._holders.get(digest, unit.name) if sources is None else sources[first]
                self._twice.setdefault(unit.key, [seen]).append(holder)

    def _record_data(self, report: Report) -> None:
        for path in self._data_paths:
            if not any(is_number(_get(report, cell)) for cell in self._row_cells[path]):
                continue
            value = _get(report, path)
            found = self._data.get(path)
            if found is None:
                self._data[path] = (repr(value), value)
            elif found[0] != repr(value):
                raise ConsolidationError(
                    "table-data",
                    N_(
                        "The reports differ in {path} ({values}); their figures are not in "
                        "the same terms and cannot be added up"
                    ),
                    {
                        "path": ".".join(map(str, path)),
                        "values": ", ".join(sorted({found[0], repr(value)})),
                    },
                )

    def duplicates(self) -> None:
        """Raise for a unit counted more than once (each with the inputs holding it)."""
        if self._twice:
            raise duplicate_error(self._twice)

    def result(
        self,
        unit: ReportingUnit | str | None = None,
        *,
        kind: UnitKind | str | None = None,
        narrative: Report | Sequence[Section] | None = None,
    ) -> Report:
        """The consolidated report of everything added (see :func:`consolidate`)."""
        self.duplicates()
        if self._first is None:
            raise ConsolidationError(
                "empty",
                N_(
                    "Nothing to consolidate: an empty list gives the blank report of a unit, "
                    "so name the unit, the edition and the year"
                ),
            )
        parents = self._parents
        if unit is None and not isinstance(narrative, ReportBase) and len(parents) == 1:
            unit = next(iter(parents))
        partials = [
            _with_data(layout.partial(i), {p: v for p, (_, v) in self._data.items()})
            for i, layout in enumerate(self._layouts.values())
        ]
        try:
            total = consolidate(
                partials, unit, kind=kind, narrative=narrative, fold_other_handling=self.fold
            )
        except ConsolidationError as error:
            # A refusal names a running sum; the user knows its first report's unit.
            names = {
                _PARTIAL.format(i): layout.first.unit.name
                for i, layout in enumerate(self._layouts.values())
            }
            params = {
                k: names.get(v, v) if isinstance(v, str) else v for k, v in error.params.items()
            }
            named = ConsolidationError(error.code, error.message_id, params)
            # Among a folder of units, the file that starts the other layout.
            other = next(
                (layout.at for layout in self._layouts.values() if layout.at != self._first_at),
                None,
            )
            if other is not None:
                named = self._naming_files(named, other)
            raise named from None
        changes: dict[str, Any] = {"parts": tuple(self.parts)}
        if not isinstance(narrative, ReportBase):
            first = self._first.period
            changes["period"] = (
                first if self._periods_same else Period.calendar_year(self._first.year)
            )
        return attrs.evolve(total, **changes)


def consolidate_stream(
    reports: Iterable[Report],
    unit: ReportingUnit | str | None = None,
    *,
    kind: UnitKind | str | None = None,
    narrative: Report | Sequence[Section] | None = None,
    fold_other_handling: bool = False,
    keep_parts: bool = True,
) -> Report:
    """:func:`consolidate` over an iterable read once, folding as it goes.

    With ``keep_parts=False`` the result has no ``parts`` and memory does
    not grow with the number of reports (beyond one key per unit, for the
    duplicate check).
    """
    folder = Folder(keep_parts=keep_parts, fold_other_handling=fold_other_handling)
    folder.add_all(reports)
    return folder.result(unit, kind=kind, narrative=narrative)
