"""What a unit's file prints, and an import of it scored against that.

A city office receives its units' reports as Word and Excel files typed in
an office suite.  The files of ``plugins/govdisclosure-docx-import/tests/
unit_files_docx.py`` and ``plugins/govdisclosure-xlsx/tests/
unit_files_xlsx.py`` are made that way (python-docx, openpyxl, LibreOffice),
not by the project's renderers, each with what it prints written down as it
is made: a :class:`UnitFile`.  :func:`score` holds an import to it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path as FsPath

import attrs

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.cells import NotApplicable
from govdisclosure.i18n import gettext
from govdisclosure.paths import Path, json_path
from govdisclosure.table_grid import GridCell, TableGrid
from govdisclosure_html import ImportResult

EXAMPLES = FsPath(__file__).resolve().parents[1] / "examples"


def example(name: str) -> gd.Report:
    return gd.load(EXAMPLES / name)


def figures(report: gd.Report) -> dict[Path, Decimal]:
    """Every figure ``report`` holds (what a file typed from it prints)."""
    return {
        path: Decimal(value)
        for path, value in cells_by_path(report).items()
        if isinstance(value, int | Decimal) and not isinstance(value, bool)
    }


def value_text(report: gd.Report, cell: GridCell) -> str:
    """A grid cell's text as typed from ``report``: a label, or its figure."""
    if cell.role != "value":
        return gettext("zh_Hans_CN", cell.text)
    obj = cells_by_path(report)[cell.path] if cell.path else None
    if obj is None:
        return ""
    if isinstance(obj, NotApplicable):
        return obj.mark
    return format(obj, "f") if isinstance(obj, Decimal) else str(obj)


def header_over_two_rows(report: gd.Report, grid: TableGrid) -> TableGrid:
    """``grid`` with each heading of one row typed over two rows, its words
    broken where the column is too narrow (two cells one above the other,
    no merge); every other cell on such a row merged down over both."""

    def split(c: GridCell) -> bool:
        return c.role in ("head", "note") and c.rows == 1 and len(value_text(report, c)) >= 4

    rows = {c.row for c in grid.cells if split(c)}

    def shift(r: int) -> int:
        return r + sum(1 for s in rows if s < r)

    built: list[GridCell] = []
    for c in grid.cells:
        top = shift(c.row)
        if split(c):
            text = value_text(report, c)
            half = len(text) // 2
            built.append(GridCell(top, c.col, "note", text=text[:half], cols=c.cols))
            built.append(GridCell(top + 1, c.col, "note", text=text[half:], cols=c.cols))
            continue
        last = c.row + c.rows - 1
        bottom = shift(last) + (last in rows)
        built.append(attrs.evolve(c, row=top, rows=bottom - top + 1))
    height = shift(grid.height - 1) + 1 + (grid.height - 1 in rows)
    return attrs.evolve(grid, height=height, cells=tuple(built), header_rows=0)


@dataclass(frozen=True)
class UnitFile:
    """A file as a unit sends it, and what it prints."""

    name: str
    data: bytes
    #: Every figure the file prints, at its path in the model.
    figures: Mapping[Path, Decimal]
    edition: str
    #: Cells printed with no value a reader can take (a formula never
    #: calculated): the import must leave them blank and name them.
    unreadable: frozenset[Path] = frozenset()
    #: The figures break a relation as typed: the import must say it is the
    #: publisher's error (``publisher-error``), never a doubtful mapping.
    publisher_error: bool = False
    #: The section headings the narrative prints, in order, where it has one.
    sections: tuple[str, ...] = ()
    #: The file is refused with this code (an old binary format).
    refused: str | None = None
    notes: str = field(default="", compare=False)


def as_converted(refused: UnitFile) -> UnitFile:
    """An old binary file as it reads once converted (``GOVDISCLOSURE_SOFFICE=1``)."""
    return replace(refused, refused=None)


@dataclass(frozen=True)
class Score:
    name: str
    printed: int
    exact: int
    invented: int
    not_placed: int
    unreported: int
    edition_right: bool
    #: Everything else the file asks of its import (the unreadable cells
    #: named, the publisher's error told as such, the sections, the refusal).
    other_right: bool
    codes: tuple[str, ...]

    @property
    def perfect(self) -> bool:
        return (
            self.exact == self.printed
            and not self.invented
            and not self.unreported
            and self.edition_right
            and self.other_right
        )


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return None
    return Decimal(value)


def score(unit: UnitFile, result: ImportResult) -> Score:
    """``result``, the import of ``unit.data``, against what the file prints.

    *exact*: a printed figure the report holds at its path; *invented*: a
    figure the report holds where the file prints none or another (an
    unreadable cell given a value counts here); *not placed*: a printed
    figure the report does not hold; *unreported*: one of those, or an
    unreadable cell, that no problem names by its path."""
    codes = tuple(sorted({p.code for p in result.problems}))
    if unit.refused is not None:
        right = result.report is None and unit.refused in codes
        return Score(unit.name, 0, 0, 0, 0, 0, right, right, codes)
    got = cells_by_path(result.report) if result.report is not None else {}
    named = {p.path for p in result.problems if p.path}
    exact = invented = 0
    missing: list[Path] = []
    for path, want in unit.figures.items():
        have = _number(got.get(path))
        if have == want:
            exact += 1
        elif have is None:
            missing.append(path)
        else:
            invented += 1
    # A table not found is reported for all its cells (``table-missing``
    # names the table, not a path): every table of which nothing is placed,
    # as many as those problems; a printed cell not placed or unreadable
    # that names no path stands for one cell.
    blank = {p[0] for p in missing} - {p[0] for p in unit.figures if _number(got.get(p))}
    whole = sum(1 for p in result.problems if p.code == "table-missing") >= len(blank)
    stray = sum(
        1
        for p in result.problems
        if p.code in ("cell-not-placed", "cell-unreadable") and not p.path
    )
    unnamed = [p for p in missing if json_path(p) not in named and not (whole and p[0] in blank)]
    not_placed, unreported = len(missing), max(0, len(unnamed) - stray)
    for path, value in got.items():
        if path not in unit.figures and _number(value) is not None:
            invented += 1
    unread_named = all(json_path(p) in named for p in unit.unreadable)
    unreported += sum(1 for p in unit.unreadable if json_path(p) not in named)
    edition = result.report.edition if result.report is not None else None
    other = unread_named
    if unit.publisher_error:
        other = other and "publisher-error" in codes and "doubtful-mapping" not in codes
    if unit.sections and result.report is not None:
        other = other and tuple(s.heading for s in result.report.sections) == unit.sections
    return Score(
        unit.name,
        len(unit.figures),
        exact,
        invented,
        not_placed,
        unreported,
        edition == unit.edition,
        other,
        codes,
    )


def line(s: Score) -> str:
    """One file's score, marked ``!`` when anything is short."""
    return (
        f"{' ' if s.perfect else '!'} {s.name:<34} {s.exact:>4}/{s.printed:<4} "
        f"inv {s.invented:<3} not placed {s.not_placed:<4} unreported {s.unreported:<4} "
        f"edition {'right' if s.edition_right else 'WRONG'} "
        f"{'' if s.other_right else 'OTHER WRONG '}{','.join(s.codes)}"
    )


def totals(scores: list[Score]) -> str:
    printed = sum(s.printed for s in scores)
    exact = sum(s.exact for s in scores)
    share = 100 * exact / printed if printed else 100.0
    return (
        f"{len(scores)} files  {exact:,} of {printed:,} printed cells exact ({share:.2f}%)  "
        f"invented {sum(s.invented for s in scores)}  "
        f"not placed {sum(s.not_placed for s in scores)}  "
        f"not placed unreported {sum(s.unreported for s in scores)}  "
        f"edition right {sum(s.edition_right for s in scores)} of {len(scores)}  "
        f"all asked right {sum(s.perfect for s in scores)} of {len(scores)}"
    )
