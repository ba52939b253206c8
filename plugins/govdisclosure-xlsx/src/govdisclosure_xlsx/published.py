"""A workbook as offices publish it: any layout, placed on the official tables.

The ``.xlsx`` loader reads back what the renderer wrote by its plan
(:mod:`.reader`); a workbook from anywhere else — a unit's statistics table
typed in Excel or WPS, an attachment on a portal page, a page saved from a
browser into a spreadsheet — has no plan.  It is read the way a web page
or a Word file is: every sheet, in order, is cut into tables and text,
each table becomes a grid (a merged range is one cell at its top-left
corner, never a value copied into the cells it covers), and the grids and
paragraphs go to the same mapping (:func:`govdisclosure_html.import_document`),
which matches labels, places figures, proves them by the relations and
reports what it could not place.

Where a sheet's table is: a run of rows that each hold two cells or more
(a label and its figures, a header), continued over a row of one short
cell that ends no sentence when more such rows follow (a block's caption
inside table 2, a group label) unless it prints a section heading of the
report (:mod:`.sections`: a page pasted into a sheet puts the headings
between its tables in such rows).  Every other row is text: the title, the
unit and period lines, paragraphs.

A cell's text is its value as stored: a number without the cell's display
format (an amount stored as 96171.6 reads ``96171.6``, a float's binary
noise dropped at 15 significant digits), a date as ``2025-01-31``; rich
text by its runs, a raised digit a mark and a struck run struck (:func:`_rich`).  A
formula whose value was never saved (a workbook written by a program and
never opened in a spreadsheet) is shown as its formula, so the mapping
reports it as unreadable instead of reading a blank.  Every placed cell's
provenance names its sheet and cell (``表三!D5``).
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterator
from typing import Any

from openpyxl import load_workbook
from openpyxl.cell.rich_text import CellRichText
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from govdisclosure.i18n import N_
from govdisclosure_html import Document, ImportResult
from govdisclosure_html.continuation import goes_on, says_continued
from govdisclosure_html.grid import Cell, Grid, Slot
from govdisclosure_html.office import convert_or_refuse, title_of
from govdisclosure_html.outcome import failed, import_read, unreadable_file
from govdisclosure_html.text import as_marks, money_unit_line, struck

from .sections import is_section_heading, without_caption

__all__ = ["import_binary", "import_workbook", "workbook_document"]

#: A one-cell row longer than this, or ending a sentence, is text, not a caption.
CAPTION_LENGTH = 60
_SENTENCE_END = ("。", "；", ";", "！", "？")


def _rich(value: CellRichText) -> str:
    """A cell of rich text as printed: a raised or lowered run's digits are
    marks (:func:`as_marks`), a struck run's text struck (:func:`struck`),
    neither a digit of the figure beside it ("53" and a raised "1" is no 531)."""
    out = []
    for block in value:
        if isinstance(block, str):
            out.append(block)
            continue
        text, font = block.text, block.font
        if font.strike:
            text = struck(text)
        out.append(as_marks(text, font.vertAlign or ""))
    return "".join(out)


def _text(value: Any) -> str:
    """A stored value as the mapping reads it (see the module doc)."""
    if value is None:
        return ""
    if isinstance(value, CellRichText):
        return _rich(value).strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return format(value, ".15g")
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip()


class _Sheet:
    """One worksheet's cells: text by position, merged ranges by their corner.

    Hidden rows and columns are not read: a reader, and the sheet printed,
    never see them, and what clerks hide there (a check column of sums, an
    old row kept out of sight) is no cell of the report.  Read, a hidden
    copy of a row took the visible row's place and its figures were blamed
    on the publisher.  :attr:`hidden` names what was left out, for the
    provenance.
    """

    def __init__(self, values: Worksheet, formulas: Worksheet | None) -> None:
        self.title = values.title
        self.height = values.max_row
        self.width = values.max_column
        self.hidden_rows = frozenset(
            r for r, dim in values.row_dimensions.items() if dim.hidden and r <= self.height
        )
        self.hidden_cols = frozenset(
            c
            for dim in values.column_dimensions.values()
            if dim.hidden and dim.min is not None and dim.max is not None
            for c in range(dim.min, min(dim.max, self.width) + 1)
        )
        self.text: dict[tuple[int, int], str] = {}
        #: Positions with text that hidden rows or columns keep from view.
        hidden_text: list[tuple[int, int]] = []
        for r, row in enumerate(values.iter_rows(), start=1):
            for c, cell in enumerate(row, start=1):
                text = _text(cell.value)
                if not text and formulas is not None:
                    formula = formulas.cell(r, c).value
                    if isinstance(formula, str) and formula.startswith("="):
                        text = formula  # a formula whose value was never saved
                if text:
                    self.text[(r, c)] = text
        #: top-left corner → (last row, last column); every covered position → its corner.
        self.span: dict[tuple[int, int], tuple[int, int]] = {}
        self.corner: dict[tuple[int, int], tuple[int, int]] = {}
        for merged in values.merged_cells.ranges:
            top, left = merged.min_row, merged.min_col
            if not (
                any(r not in self.hidden_rows for r in range(top, merged.max_row + 1))
                and any(c not in self.hidden_cols for c in range(left, merged.max_col + 1))
            ):
                continue  # a merged cell wholly hidden: its text is dropped below
            self.span[(top, left)] = (merged.max_row, merged.max_col)
            for r in range(top, merged.max_row + 1):
                for c in range(left, merged.max_col + 1):
                    self.corner[(r, c)] = (top, left)
        if self.hidden_rows or self.hidden_cols:
            for position in list(self.text):
                r, c = position
                if (r in self.hidden_rows or c in self.hidden_cols) and position not in self.span:
                    hidden_text.append(position)
                    del self.text[position]
        self.hidden = tuple(sorted(hidden_text))
        #: The corners of the cells with text each row shows (a merged cell
        #: from a row above counts on every row it covers).
        self.shown: dict[int, set[tuple[int, int]]] = {}
        for position in self.text:
            self.shown.setdefault(position[0], set()).add(position)
        #: Per row, the merged ranges it shows that hold no text: the blank
        #: figures of a row laid on a page's grid (see :meth:`runs`).
        self.blank_merged: dict[int, int] = {}
        for (top, left), (bottom, _) in self.span.items():
            for r in range(top, bottom + 1):
                if (top, left) in self.text:
                    self.shown.setdefault(r, set()).add((top, left))
                else:
                    self.blank_merged[r] = self.blank_merged.get(r, 0) + 1

    def cells_in(self, row: int) -> list[tuple[int, int]]:
        """The corners of the cells with text row ``row`` shows, left to right."""
        return sorted(self.shown.get(row, ()), key=lambda rc: rc[1])

    def runs(self) -> Iterator[tuple[str, int, int]]:
        """``("table", first, last)`` and ``("text", row, row)`` in row order
        (hidden rows are passed over: a table runs on across them).

        A row of one text and merged ranges left blank is a row of cells
        too: a page laid on a sheet's grid (LibreOffice Calc's HTML import)
        merges each cell over the sheet columns it takes, so a row whose
        figures are all blank ("四、结转下年度继续办理" and nothing) shows its
        label and its blank merged ranges, where a line of text is one cell."""
        order = [r for r in range(1, self.height + 1) if r not in self.hidden_rows]
        by_row = {r: self.cells_in(r) for r in order}
        kind = [
            len(by_row[r]) >= 2 or (len(by_row[r]) == 1 and self.blank_merged.get(r, 0) >= 1)
            for r in order
        ]
        n = len(order)
        i = 0
        while i < n:
            if not kind[i]:
                if by_row[order[i]]:
                    yield "text", order[i], order[i]
                i += 1
                continue
            last = i
            k = i + 1
            while k < n:
                if kind[k]:
                    last = k
                    k += 1
                    continue
                # One-cell rows inside the table (captions, group labels) when
                # more rows of cells follow.
                j = k
                while j < n and not kind[j] and self._caption(by_row[order[j]]):
                    j += 1
                if j < n and kind[j] and j > k:
                    k = j
                    continue
                break
            yield "table", order[i], order[last]
            i = last + 1

    def _caption(self, cells: list[tuple[int, int]]) -> bool:
        if len(cells) != 1:
            return False
        text = self.text[cells[0]]
        return (
            len(text) <= CAPTION_LENGTH
            and not text.rstrip().endswith(_SENTENCE_END)
            and not is_section_heading(text)
        )

    def columns(self, first: int, last: int) -> tuple[int, int]:
        """The first and last sheet column the cells with text of the rows
        shown of ``first``..``last`` cover (merged ranges to their right edge)."""
        corners = {
            corner
            for r in range(first, last + 1)
            if r not in self.hidden_rows
            for corner in self.cells_in(r)
        }
        columns = [c for _, c in corners] + [self.span.get(corner, corner)[1] for corner in corners]
        return min(columns), max(columns)

    def grid(self, first: int, last: int, index: int, columns: tuple[int, int]) -> Grid:
        """Rows ``first``–``last`` on the sheet columns ``columns``, as a grid
        of the rows and columns shown: a merged cell spans the visible rows
        and columns it covers, and empty cells inside count as cells too (a
        blank figure)."""
        left, right = columns
        rows_shown = [r for r in range(first, last + 1) if r not in self.hidden_rows]
        cols_shown = [c for c in range(left, right + 1) if c not in self.hidden_cols]
        at_row = {r: i for i, r in enumerate(rows_shown)}
        at_col = {c: j for j, c in enumerate(cols_shown)}
        rows: list[list[Slot | None]] = [[None] * len(cols_shown) for _ in rows_shown]
        for r in rows_shown:
            for c in cols_shown:
                if rows[at_row[r]][at_col[c]] is not None:
                    continue  # covered by a cell already placed
                # The first position shown of a cell is its origin here.
                top, start = self.corner.get((r, c), (r, c))
                end_row, end_col = self.span.get((top, start), (top, start))
                down = [x for x in rows_shown if r <= x <= min(end_row, last)]
                across = [x for x in cols_shown if c <= x <= min(end_col, right)]
                cell = Cell(
                    at_row[r],
                    at_col[c],
                    len(down),
                    len(across),
                    without_caption(self.text.get((top, start), "")),
                    address=f"{self.title}!{get_column_letter(max(start, left))}{max(top, first)}",
                )
                for rr in down:
                    for cc in across:
                        rows[at_row[rr]][at_col[cc]] = Slot(cell, at_row[rr], at_col[cc])
        return Grid(index, tuple(tuple(row) for row in rows))


class _Pieces:
    """Which tables may go on from the one before: a table cut in two.

    A clerk cuts a long table with empty rows (a page's end copied in), or
    goes on with it on the next sheet; a row saying 续表 may stand between.
    A table after nothing but that, since the table before (on this sheet or
    the last one), is offered to the join of
    :mod:`govdisclosure_html.continuation`, which takes it when it prints no
    header.  A merged range cut at the break often starts again empty in the
    second piece, so its cells with text start a column or more right of the
    table's: such a piece is read on the columns of the table it goes on
    (the first piece's), else it would be narrower and never joined.
    """

    def __init__(self) -> None:
        self.continued: set[int] = set()
        #: The table a piece would go on (the first of its pieces) and its
        #: sheet columns; None after text.
        self._head: tuple[Grid, tuple[int, int]] | None = None

    def text(self, lines: list[str]) -> None:
        if not all(says_continued(line) for line in lines):
            self._head = None

    def table(self, sheet: _Sheet, first: int, last: int, index: int) -> Grid:
        own = sheet.columns(first, last)
        grid = sheet.grid(first, last, index, own)
        if self._head is None:
            self._head = grid, own
            return grid
        self.continued.add(index)
        head, (left, right) = self._head
        if goes_on(head, grid):
            return grid
        if own != (left, right) and left <= own[0] and own[1] <= right:
            wide = sheet.grid(first, last, index, (left, right))
            if goes_on(head, wide):
                return wide
        self._head = grid, own
        return grid


def _few(addresses: list[str], most: int = 5) -> str:
    """The first ``most`` addresses, then how many more."""
    more = len(addresses) - most
    return ", ".join(addresses[:most]) + (f" and {more} more" if more > 0 else "")


def _open(data: bytes) -> tuple[Workbook, Workbook]:
    # Rich text kept: a run's position and strike say what is a figure (:func:`_rich`).
    values = load_workbook(io.BytesIO(data), data_only=True, rich_text=True)
    formulas = load_workbook(io.BytesIO(data), data_only=False)
    return values, formulas


def workbook_document(data: bytes, source: str) -> Document | ImportResult:
    """The :class:`Document` of a workbook, or the failed result naming why."""
    try:
        values, formulas = _open(data)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        OSError,
        ValueError,
        SyntaxError,  # a part of the package that is not XML (lxml's or ElementTree's)
    ) as exc:
        return failed(
            source,
            unreadable_file(exc, data, source, "xlsx"),
            "xlsx",
        )
    grids: list[Grid] = []
    paragraphs: list[str] = []
    pieces = _Pieces()
    hidden: list[str] = []
    #: The money unit a text row between the table before and each table
    #: gives ("（金额单位：元）").
    unit_lines: list[str | None] = []
    for ws in values.worksheets:
        if ws.sheet_state != "visible":
            continue
        sheet = _Sheet(ws, formulas[ws.title] if ws.title in formulas.sheetnames else None)
        hidden += [f"{ws.title}!{get_column_letter(c)}{r}" for r, c in sheet.hidden]
        unit: str | None = None  # a unit line's money unit since the last table
        for kind, first, last in sheet.runs():
            if kind == "table":
                grids.append(pieces.table(sheet, first, last, len(grids)))
                unit_lines.append(unit)
                unit = None
            else:
                texts = [sheet.text[corner] for corner in sheet.cells_in(first)]
                pieces.text(texts)
                paragraphs += texts
                unit = next((u for u in map(money_unit_line, texts) if u), unit)
    title, rest = title_of(paragraphs)
    return Document(
        grids=tuple(grids),
        paragraphs=tuple(rest),
        title=title,
        encoding="UTF-8 (Office Open XML)",
        encoding_found_by="the package's XML",
        body_found_by="every visible sheet in order: runs of rows of several cells as tables"
        + (
            f"; hidden rows and columns not read ({len(hidden)} cells: {_few(hidden)})"
            if hidden
            else ""
        ),
        format="xlsx",
        continued=frozenset(pieces.continued),
        unit_lines=tuple(unit_lines),
    )


def import_workbook(
    data: bytes, source: str = "<xlsx>", *, derive_templates: bool = False
) -> ImportResult:
    """Import a workbook of any layout: ``report, provenance, problems = import_workbook(…)``.

    ``derive_templates``: see :func:`govdisclosure_html.import_html`."""
    return import_read(workbook_document, data, source, derive_templates=derive_templates)


def import_binary(
    data: bytes, source: str = "<xls>", *, derive_templates: bool = False
) -> ImportResult:
    """An old binary workbook (.xls, .et): converted to .xlsx by LibreOffice
    when allowed and imported as a published workbook, else refused with
    "convert it first" (:func:`govdisclosure_html.office.convert_or_refuse`)."""
    return convert_or_refuse(
        data,
        source,
        to="xlsx",
        importer=import_workbook,
        message_id=N_(
            "{suffix} is an old binary workbook: convert it first, e.g. soffice --headless --convert-to xlsx FILE; with GOVDISCLOSURE_SOFFICE=1 and LibreOffice installed it is converted here"
        ),
        derive_templates=derive_templates,
    )
