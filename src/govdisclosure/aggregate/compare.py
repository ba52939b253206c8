"""Two reports cell by cell: this year against last, or one unit against another.

Cells are matched by their attribute path, derived from the table
definitions: a cell at the same path with the same kind in both reports is
compared, with its change and its relative change computed exactly
(``int`` / ``Decimal`` differences, :class:`fractions.Fraction` ratios).
What cannot be compared is said so, with the reason, rather than given a
wrong number:

* across the 2019 and 2021 formats (a 2020 report against a 2021 one),
  table 2 was redefined (formats.md §2.6) — those cells are listed as not
  comparable even where a name survived, by the reason table
  :data:`NOT_COMPARABLE`, the one place that knows it;
* a cell with no counterpart in the other report is explained by that
  table when it can be ((六) as one row against three, the pre-2019
  statistics table against the later formats), and otherwise listed as
  appeared or vanished (rows a pre-2019 report printed in one year and not
  in the other, or rows of two different statistics templates; templates
  are matched by their row and column labels).

Comparing two different units is allowed — a district against its city —
and flagged in :attr:`Comparison.notes`.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from attrs import frozen

from ..cells import CellValue, is_number
from ..editions import EDITIONS, Reason, Report, is_template_driven
from ..editions.e2019 import Report2019
from ..editions.e2021 import Report2021
from ..editions.legacy import ReportLegacy
from ..flat import Shape, shape_of
from ..i18n import N_, gettext
from ..introspect import CellKind, table_fields
from ..naming import cell_names
from ..paths import Path, json_path
from ..registry import template_of
from ..report_base import ReportingUnit
from ..validation.findings import Label

__all__ = [
    "CellChange",
    "Comparison",
    "NotComparable",
    "Note",
    "Reason",
    "Unmatched",
    "compare",
    "not_comparable",
]


def not_comparable() -> tuple[Reason, ...]:
    """Every reason of every known edition, newest edition first.

    The reasons are data of the edition whose introduction brought the
    change (:attr:`Edition.not_comparable
    <govdisclosure.editions.base.Edition.not_comparable>`): the 2021 format
    lists what changed from the 2019 one, the 2019 format what changed from
    the pre-2019 statistics table.
    """
    return tuple(reason for edition in EDITIONS.values() for reason in edition.not_comparable)


def _lineage(edition_id: str) -> list[str]:
    """``edition_id`` and its predecessors, newest first."""
    chain = [edition_id]
    while (previous := EDITIONS[chain[-1]].predecessor) is not None and previous not in chain:
        chain.append(previous)
    return chain


def _crossed(a: str, b: str) -> list[str]:
    """The editions whose introduction lies between editions ``a`` and ``b``,
    oldest first (the most fundamental change first)."""
    for old, new in ((a, b), (b, a)):
        lineage = _lineage(new)
        if old in lineage:
            return lineage[: lineage.index(old)][::-1]
    return []


@frozen
class Note:
    """Something to know before reading the numbers (different units …)."""

    code: str
    message_id: str
    params: tuple[tuple[str, str], ...] = ()

    def message(self, locale: str = "zh_Hans_CN") -> str:
        return gettext(locale, self.message_id).format_map(dict(self.params))


@frozen
class CellChange:
    """One cell in both reports."""

    path: Path
    json_path: str
    label: Label
    kind: CellKind
    old: CellValue
    new: CellValue

    @property
    def change(self) -> int | Decimal | None:
        """``new − old``, exact; ``None`` unless both are numbers."""
        if is_number(self.old) and is_number(self.new):
            return self.new - self.old
        return None

    @property
    def relative(self) -> Fraction | None:
        """``(new − old) / old`` as an exact fraction; ``None`` when old is
        0, blank or not applicable, or new is not a number."""
        change = self.change
        if change is None or not self.old:
            return None
        return Fraction(change) / Fraction(self.old)  # type: ignore[arg-type]

    def percent(self, places: int = 1) -> Decimal | None:
        """The relative change in per cent, rounded half up for display."""
        relative = self.relative
        if relative is None:
            return None
        exact = Decimal(relative.numerator * 100) / Decimal(relative.denominator)
        return exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)

    @property
    def changed(self) -> bool:
        return self.old != self.new


@frozen
class Unmatched:
    """A cell one report has and the other has not (or did not print)."""

    path: Path
    json_path: str
    label: Label
    value: CellValue


@frozen
class NotComparable:
    """Cells of both reports that one :class:`Reason` keeps apart."""

    reason: Reason
    #: The caption of the area (a block of table 2, a row of table 3).
    area: Label
    old: tuple[Unmatched, ...]
    new: tuple[Unmatched, ...]

    def message(self, locale: str = "zh_Hans_CN") -> str:
        return gettext(locale, self.reason.text)


@frozen
class Comparison:
    """``compare(old, new)``: matched cells, what is not comparable, notes."""

    old_unit: ReportingUnit
    new_unit: ReportingUnit
    old_year: int
    new_year: int
    old_edition: str
    new_edition: str
    cells: tuple[CellChange, ...]
    not_comparable: tuple[NotComparable, ...]
    appeared: tuple[Unmatched, ...]
    vanished: tuple[Unmatched, ...]
    notes: tuple[Note, ...]

    @property
    def same_unit(self) -> bool:
        return self.old_unit.is_same_unit(self.new_unit)

    @property
    def changed(self) -> tuple[CellChange, ...]:
        """The matched cells whose value differs."""
        return tuple(c for c in self.cells if c.changed)

    def cell(self, path: Path | str) -> CellChange:
        for c in self.cells:
            if c.path == path or c.json_path == path:
                return c
        raise KeyError(path)

    def to_dict(self, locale: str = "zh_Hans_CN", *, all_cells: bool = False) -> dict[str, object]:
        """JSON-ready; ``cells`` holds the changed cells unless ``all_cells``.

        ``relative`` is the exact fraction as text (``"1/3"``), ``percent``
        its rounded display.
        """

        def unmatched(u: Unmatched) -> dict[str, object]:
            return {"path": u.json_path, "label": u.label.render(locale), "value": _json(u.value)}

        return {
            "old": _identity(self.old_unit, self.old_year, self.old_edition),
            "new": _identity(self.new_unit, self.new_year, self.new_edition),
            "same_unit": self.same_unit,
            "notes": [{"code": n.code, "message": n.message(locale)} for n in self.notes],
            "cells": [
                {
                    "path": c.json_path,
                    "label": c.label.render(locale),
                    "old": _json(c.old),
                    "new": _json(c.new),
                    "change": _json(c.change),
                    "relative": None if c.relative is None else str(c.relative),
                    "percent": _json(c.percent()),
                }
                for c in (self.cells if all_cells else self.changed)
            ],
            "not_comparable": [
                {
                    "reason": n.reason.id,
                    "area": n.area.render(locale),
                    "message": n.message(locale),
                    "source": n.reason.source,
                    "old": [unmatched(u) for u in n.old],
                    "new": [unmatched(u) for u in n.new],
                }
                for n in self.not_comparable
            ],
            "appeared": [unmatched(u) for u in self.appeared],
            "vanished": [unmatched(u) for u in self.vanished],
        }


def _identity(unit: ReportingUnit, year: int, edition: str) -> dict[str, object]:
    return {"unit": unit.name, "region_code": unit.region_code, "year": year, "edition": edition}


def _json(value: object) -> object:
    if value is None or type(value) is int:
        return value
    return str(value)


def compare(old: Report, new: Report) -> Comparison:
    """Compare ``old`` with ``new`` cell by cell.

    Cells at the same path with the same kind are compared: the
    :class:`Comparison` gives each with its old and new value, exact
    ``change`` and ``relative`` change (``changed`` holds those that
    differ; ``cell(path)`` finds one by attribute or JSON path).  What
    cannot be compared is listed with its reason instead of a wrong number:
    ``not_comparable`` (table 2 across the 2019 and 2021 formats, （六）
    printed as one row against three, the pre-2019 table against the later
    ones), ``appeared`` and ``vanished`` (a cell only one report has).
    Two different units, or a ``new`` report older than ``old``, are
    allowed and said in ``notes``.
    """
    so, sn = shape_of(old), shape_of(new)
    vo, vn = so.flatten(old), sn.flatten(new)
    names_old, names_new = cell_names(old), cell_names(new)
    pair = (old.edition, new.edition)
    notes = _notes(old, new)
    matches, label_matched = _match(old, new, so, sn)
    if label_matched:
        notes.append(
            Note(
                "templates",
                N_(
                    "The reports use different statistics templates ({old} and {new}); rows "
                    "are matched by their printed labels"
                ),
                (("old", _template(old)), ("new", _template(new))),
            )
        )
    printed_old, printed_new = _printed_rows(old), _printed_rows(new)

    def unmatched_old(i: int) -> Unmatched:
        p = so.paths[i]
        return Unmatched(p, json_path(p), names_old[p].label, vo[i])

    def unmatched_new(j: int) -> Unmatched:
        p = sn.paths[j]
        return Unmatched(p, json_path(p), names_new[p].label, vn[j])

    cells: list[CellChange] = []
    appeared: list[Unmatched] = []
    vanished: list[Unmatched] = []
    kept: dict[str, tuple[list[Unmatched], list[Unmatched]]] = {}
    matched_old: set[int] = set()
    matched_new: set[int] = set()
    for i, j in matches:
        matched_old.add(i)
        matched_new.add(j)
        reason = _reason(so.paths[i], pair, matched=True) or _reason(
            sn.paths[j], pair, matched=True
        )
        if reason is not None:
            olds, news = kept.setdefault(reason.id, ([], []))
            olds.append(unmatched_old(i))
            news.append(unmatched_new(j))
            continue
        row_old = _row(so.paths[i], printed_old)
        row_new = _row(sn.paths[j], printed_new)
        if row_old is False and row_new is True:
            appeared.append(unmatched_new(j))
        elif row_old is True and row_new is False:
            vanished.append(unmatched_old(i))
        else:
            p = sn.paths[j]
            cells.append(CellChange(p, json_path(p), names_new[p].label, sn.kinds[j], vo[i], vn[j]))
    for i, p in enumerate(so.paths):
        if i not in matched_old:
            reason = _reason(p, pair, matched=False)
            if reason is None:
                vanished.append(unmatched_old(i))
            else:
                kept.setdefault(reason.id, ([], []))[0].append(unmatched_old(i))
    for j, p in enumerate(sn.paths):
        if j not in matched_new:
            reason = _reason(p, pair, matched=False)
            if reason is None:
                appeared.append(unmatched_new(j))
            else:
                kept.setdefault(reason.id, ([], []))[1].append(unmatched_new(j))
    groups = tuple(
        NotComparable(r, _area(r, old, new), tuple(kept[r.id][0]), tuple(kept[r.id][1]))
        for r in not_comparable()
        if r.id in kept
    )
    return Comparison(
        old.unit,
        new.unit,
        old.year,
        new.year,
        old.edition,
        new.edition,
        tuple(cells),
        groups,
        tuple(appeared),
        tuple(vanished),
        tuple(notes),
    )


def _unit_label(report: Report, other: Report) -> str:
    """The unit's name, with its region code when the other unit has the same name
    (two 住建局 of different cities)."""
    unit = report.unit
    if unit.name != other.unit.name:
        return unit.name
    return f"{unit.name} [{unit.region_code or '—'}]"


def _notes(old: Report, new: Report) -> list[Note]:
    notes = []
    if not old.unit.is_same_unit(new.unit):
        notes.append(
            Note(
                "different-units",
                N_(
                    "The reports are by different units ({old} and {new}): differences may "
                    "come from the units, not from the years"
                ),
                (("old", _unit_label(old, new)), ("new", _unit_label(new, old))),
            )
        )
    if new.year < old.year:
        notes.append(
            Note(
                "years-reversed",
                N_("The new report ({new}) is for an earlier year than the old one ({old})"),
                (("old", str(old.year)), ("new", str(new.year))),
            )
        )
    return notes


def _template(report: Report) -> str:
    return report.statistics.template if is_template_driven(report) else report.edition


def _match(old: Report, new: Report, so: Shape, sn: Shape) -> tuple[list[tuple[int, int]], bool]:
    """Index pairs of matched cells; and whether labels (not paths) matched."""
    legacy = (is_template_driven(old), is_template_driven(new))
    if is_template_driven(old) and is_template_driven(new) and so.key != sn.key:
        key_old = _label_keys(old, so)
        key_new = _label_keys(new, sn)
        where = {k: j for j, k in enumerate(key_new) if k is not None}
        return [(i, where[k]) for i, k in enumerate(key_old) if k is not None and k in where], True
    if legacy[0] != legacy[1]:
        return [], False
    index = sn.index()
    return [
        (i, index[p])
        for i, p in enumerate(so.paths)
        if p in index and so.kinds[i] == sn.kinds[index[p]]
    ], False


def _label_keys(report: ReportLegacy, shape: Shape) -> list[tuple[str, str] | None]:
    """(row label, column label) per cell; ``None`` where a template prints
    the same pair twice (no unique match)."""
    template = template_of(report)
    rows = {row.code: row for row in template.value_rows}
    columns = {c.key: c for c in template.columns}
    keys: list[tuple[str, str] | None] = [
        (rows[str(p[2])].label, columns[str(p[3])].label) for p in shape.paths
    ]
    seen: dict[tuple[str, str] | None, int] = {}
    for k in keys:
        seen[k] = seen.get(k, 0) + 1
    return [k if seen[k] == 1 else None for k in keys]


def _printed_rows(report: Report) -> set[str] | None:
    """Row codes a legacy report printed; ``None`` for the fixed formats."""
    if is_template_driven(report):
        return set(report.statistics.rows)
    return None


def _row(path: Path, printed: set[str] | None) -> bool | None:
    """Whether the cell's legacy row was printed (``None``: fixed formats)."""
    if printed is None:
        return None
    return str(path[2]) in printed


def _reason(path: Path, pair: tuple[str, str], *, matched: bool) -> Reason | None:
    """The reason keeping ``path`` out of the comparison, if any.

    Reasons of the changes between the two editions come first, oldest
    change first, and cover matched cells too; the other reasons only
    explain a cell without a counterpart.
    """
    for crossed in _crossed(*pair):
        for reason in EDITIONS[crossed].not_comparable:
            if reason.across and _under(path, reason):
                return reason
    if not matched:
        for reason in not_comparable():
            if not reason.across and _under(path, reason):
                return reason
    return None


def _under(path: Path, reason: Reason) -> bool:
    return any(path[: len(prefix)] == prefix for prefix in reason.prefixes)


def _area(reason: Reason, old: Report, new: Report) -> Label:
    """The caption of a reason's area, from the definitions: the block
    caption (table 2) or the label of the field at the first prefix, looked
    up in whichever report has it; the statistics template's title for the
    pre-2019 table."""
    parts: list[str] = []
    for report in (old, new):
        if is_template_driven(report):
            title = template_of(report).title
            if title not in parts:
                parts.append(title)
            continue
        for prefix in reason.prefixes:
            text = _caption(report, prefix)
            if text is not None and text not in parts:
                parts.append(text)
                break
    return Label(tuple(parts), sep=" / ")


def _caption(report: Report2021 | Report2019, prefix: Path) -> str | None:
    """Block caption or label of the field at ``prefix`` (below a table)."""
    if len(prefix) < 2:
        return None
    obj: object = report
    spec = None
    for name in prefix:
        fields = {f.name: s for f, s, _ in table_fields(type(obj))}
        if name not in fields and not hasattr(obj, str(name)):
            return None
        spec = fields.get(str(name))
        obj = getattr(obj, str(name))
    if spec is None:
        return getattr(obj, "title", None)
    return spec.block or spec.label
