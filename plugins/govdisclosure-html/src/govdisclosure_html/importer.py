"""Import one portal page: the report, the provenance of its cells, the problems.

Steps, each in its own module: decode and take the page apart
(:mod:`.page`), read every table as a grid (:mod:`.grid`) and bands of
labelled value cells (:mod:`.source`), recognise the edition from the
printed labels, place the cells on the official tables (:mod:`.match`) or
on a statistics template (:mod:`.legacy`), read the text
(:mod:`.narrative`), build the report through the library's own strict
converter, and run the arithmetic rules to tell the publisher's errors from
doubtful placements.  Nothing is guessed: a cell that cannot be read or
placed stays blank and is reported.
"""

from __future__ import annotations

import datetime as dt
import gc
import re
from collections.abc import Callable, Collection, Sequence
from decimal import Decimal
from functools import cache, lru_cache
from itertools import repeat
from operator import attrgetter, itemgetter
from typing import Any, Final, NamedTuple, cast

import attrs
from attrs import frozen

from govdisclosure.authoring import blank_report
from govdisclosure.cells import MAX_COUNT, NotApplicable
from govdisclosure.check import validate
from govdisclosure.codec import converter, structure
from govdisclosure.editions import Report
from govdisclosure.editions.legacy import EDITION as TEMPLATE_EDITION
from govdisclosure.editions.legacy import StatisticsTemplate
from govdisclosure.errors import LoadError
from govdisclosure.i18n import N_, gettext, ngettext, series
from govdisclosure.introspect import printed_name
from govdisclosure.paths import json_path as _json_path

from .continuation import joined_with_moves, says_continued
from .derived import derive_from_printed, printed_only
from .grid import Cell, Grid
from .legacy import LegacyResult, best_template, join_pieces
from .match import MATCH_KINDS, Match
from .narrative import Narrative, parse_date, read_narrative
from .numbering import Misnumbered
from .page import Attachment, Page, read_page
from .plan import GridPlan, Planned, cell_at, grid_plan, unplaced_labels
from .provenance import CellOrigin, ImportProblem, LabelMatch, Provenance, Severity
from .recognise import candidate_editions, recognise
from .sheets import StyleSheets, local_style_sheets
from .targets import Target, TargetTable, edition_tables
from .text import (
    CellText,
    clean,
    is_formula,
    label_key,
    looks_numeric,
    money_unit_line,
    read_change,
    read_number,
    without_as_printed_note,
)

__all__ = ["Document", "ImportResult", "import_document", "import_html", "page_document"]


@frozen
class ImportResult:
    """What :func:`import_html` returns: unpack it as ``report, provenance, problems``."""

    report: Report | None
    provenance: Provenance
    problems: tuple[ImportProblem, ...]

    def __iter__(self) -> Any:
        return iter((self.report, self.provenance, self.problems))

    @property
    def cells_placed(self) -> int:
        return len(self.provenance.cells)

    @property
    def cells_not_placed(self) -> int:
        return sum(1 for p in self.problems if p.code == "cell-not-placed")


@cache
def json_path(path: tuple[str, ...]) -> str:
    """``$.table3…`` of a target path (the same few hundred paths on every page)."""
    return _json_path(path)


@cache
def _aliases(edition: str, others: tuple[str, ...]) -> dict[str, str]:
    """Printed words of the other editions → this edition's words, same cell
    path (规范性文件 / 行政规范性文件); the editions are asked in registry
    order, newest first, so the first wording found for a path is kept."""

    def row_path(t: Target) -> tuple[str, ...]:
        return t.path[:-1] if t.column else t.path

    mine = {row_path(t): t for table in edition_tables(edition) for t in table.targets}
    out: dict[str, str] = {}
    for other in others:
        if other == edition:
            continue
        for table in edition_tables(other):
            for t in table.targets:
                own = mine.get(row_path(t))
                if own is None:
                    continue
                if own.row.words != t.row.words:
                    out.setdefault(t.row.words, own.row.words)
                if own.column and t.column and own.column.words != t.column.words:
                    out.setdefault(t.column.words, own.column.words)
    return out


def _assign(
    grids: Sequence[Grid], tables: Sequence[TargetTable], aliases: dict[str, str]
) -> dict[int, tuple[Grid, GridPlan]]:
    """Each grid to the official table it fills best (its plan says which).

    An official table may be printed as several tables (table 2 as one small
    table per 第二十条 block, table 3 cut in two where a page of the Word file
    ended): every grid whose placed cells are all still free joins its table,
    the grids with most cells first.  A grid that would place a cell a
    grid already filled (the same table printed twice) is left out whole."""
    plans = [(grid, grid_plan(grid, tables, aliases)) for grid in grids]
    plans.sort(key=lambda gp: -len(gp[1].placed))  # stable: page order among equals
    taken: dict[str, set[int]] = {}
    out: dict[int, tuple[Grid, GridPlan]] = {}
    for grid, plan in plans:
        if plan.table is None:
            continue
        targets = set(map(id, map(_TARGET, plan.placed)))  # in C: a plan places ~200 cells
        filled = taken.setdefault(plan.table.key, set())
        if targets & filled:
            continue
        filled |= targets
        out[grid.index] = (grid, plan)
    return out


#: The fields of a placed cell and of its record read in C (``map``) over all of them.
_TARGET: Final = attrgetter("target")
_PATH: Final = attrgetter("path")
_MATCH: Final = attrgetter("match")
_DOUBTFUL: Final = attrgetter("doubtful")
_ORIGIN: Final = itemgetter(0)


def _value_for(kind: str, read: CellText) -> tuple[Any, str | None]:
    """The JSON value of a read cell for a cell kind, or (None, reason)."""
    v = read.value
    if v is None or isinstance(v, NotApplicable):
        return (None if v is None else v.mark), None
    if kind == "money":
        amount = Decimal(v)
        return str(amount), None
    if isinstance(v, Decimal):
        if v != v.to_integral_value():
            return None, N_("not a whole number")
        v = int(v)
    if kind == "count" and v < 0:
        return None, N_("a negative count")
    if abs(v) > MAX_COUNT:
        return None, N_("above 10^9")
    return v, None


_LEADING = re.compile(r"^([+-]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)(.*)$", re.S)


def _amount_with_unit(text: str) -> CellText:
    """An amount printed with a unit of its own words ("251000 元", "12.5 thousand"):
    the figure, and the rest as the printed unit (a 2019 采购总金额 keeps it)."""
    raw = text.replace("\xa0", " ").strip()
    head, _, tail = raw.partition(" ")
    if tail:
        read = read_number(head)
        if (
            not read.unreadable
            and read.value is not None
            and not isinstance(read.value, NotApplicable)
        ):
            return CellText(read.value, tail.strip())
    m = _LEADING.match(raw)
    if m and m.group(2).strip():
        read = read_number(m.group(1))
        if not read.unreadable:
            return CellText(read.value, m.group(2).strip())
    return CellText(None, unreadable=True)


@lru_cache(maxsize=8192)
def _read_cell(text: str, kind: str, amount: bool) -> tuple[CellText, Any, str | None]:
    """A printed value cell read for a target of ``kind``: (the reading, the
    JSON value, why it cannot be one); remembered, since the same few texts
    ("0", "1", "——") fill most cells of every page."""
    read = read_number(text)
    if read.unreadable and amount:
        read = _amount_with_unit(text)
    elif read.unreadable and kind == "signed":
        read = read_change(text)  # "减少3件": the 2019 本年增/减 in words
    value, reason = _value_for(kind, read)
    if read.unreadable or reason:
        return read, None, reason or N_("not a number")
    return read, value, None


class _Plan(NamedTuple):
    """What placing a value on one target needs, derived once per target."""

    path: str
    kind: str
    amount: bool
    #: The target's parent path in the report and its own field name.
    parent: tuple[str, ...]
    leaf: str
    #: The fields declared to keep the printed unit and sign, if any.
    unit_field: str | None
    sign_field: str | None


@cache
def _plans(edition: str, variant: str | None) -> dict[int, _Plan]:
    """The plan of every target of an edition's tables, by the target's identity
    (the tables are cached values: their targets live as long as the process)."""
    out: dict[int, _Plan] = {}
    for table in edition_tables(edition, variant):
        for t in table.targets:
            out[id(t)] = _Plan(
                path=json_path(t.path),
                kind=t.kind,
                amount=t.path[-1] == "amount",
                parent=t.path[:-1],
                leaf=t.path[-1],
                unit_field=_printed_field(edition, t.path, "unit"),
                sign_field=_printed_field(edition, t.path, "sign"),
            )
    return out


class _Tree:
    """Setting values by path in a nested dict, each parent found once (a
    table's cells share a few dozen parents: rows of table 3, blocks of table 2)."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.data = data
        self.parents: dict[tuple[str, ...], dict[str, Any]] = {}

    def parent(self, where: tuple[str, ...]) -> dict[str, Any]:
        """The dict at path ``where``, made if missing, and remembered in ``parents``."""
        parent = self.data
        for part in where:
            parent = parent.setdefault(part, {})
        self.parents[where] = parent
        return parent


def _in_locale(*message_ids: str) -> Callable[[str], str]:
    """Official labels or message ids, shown in the locale of the message that
    names them (joined by " / " when there are several)."""
    ids = [m for m in message_ids if m]
    return lambda locale: " / ".join(gettext(locale, m) for m in ids)


def _unplaced_problem(cell: Cell, labels: str, table: int, row: int, col: int) -> ImportProblem:
    """A printed value cell that fits no target (``labels``: its labels as
    printed, joined), at ``row`` and ``col`` of ``table``, and where a PDF
    or a spreadsheet printed it, as a cell's provenance says it."""
    return ImportProblem(
        severity="warning",
        code="cell-not-placed",
        message_id=N_(
            "Printed cell “{text}” (labels: {labels}) matches no cell of the official table; left out"
        ),
        params={"text": cell.text, "labels": labels or "—"},
        table=table,
        row=row,
        col=col,
        page=cell.page,
        bbox=cell.bbox,
        address=cell.address,
    )


def _unreadable_problem(
    text: str, reason: str, table: int, at: Cell | CellOrigin, path: str
) -> ImportProblem:
    """A printed cell ``at`` whose ``text`` cannot be read as a figure
    (``reason``: a message id), its report cell ``path`` left blank; where
    it was printed, as a cell's provenance says it (a PDF's page and box, a
    spreadsheet's cell).  A formula never calculated
    (:func:`.text.is_formula`) has a message of its own: what is missing is
    the program's calculation, not the publisher's figure, and the message
    says how to get it."""
    formula = is_formula(text)
    return ImportProblem(
        severity="error",
        code="cell-unreadable",
        message_id=(
            N_(
                "Cell “{text}” holds a formula that was never calculated; left blank. Open the "
                "file in a spreadsheet or word processor, recalculate (in a word processor: "
                "update the fields), save it and import it again"
            )
            if formula
            else N_("Cell “{text}” cannot be read as a figure ({reason}); left blank")
        ),
        params={"text": text},
        localized={} if formula else {"reason": _in_locale(reason)},
        table=table,
        row=at.row,
        col=at.col,
        path=path,
        page=at.page,
        bbox=at.bbox,
        address=at.address,
    )


def _doubt_rows(
    origins: list[CellOrigin],
    table: int,
    rows: set[int],
    why: str = "a figure of this row was not placed",
) -> None:
    """Mark doubtful the cells placed in ``rows`` of ``table``: a row that also
    prints a figure no official cell takes may be shifted (a label cell that
    lost its span moves every figure after it one column on), so a relation
    its figures break is not proved to be the publisher's error; so may a
    row whose 序号 disagrees with its label (``why`` says which)."""
    for i, o in enumerate(origins):
        if o.table == table and o.row in rows and not o.doubtful:
            origins[i] = attrs.evolve(o, doubtful=True, note=o.note or why)


def _doubt_split_figures(
    origins: list[CellOrigin], page: Document, problems: list[ImportProblem]
) -> None:
    """Mark doubtful the cells whose figure a style sheet that was not read
    may cut (:mod:`.sheets`), and name the sheets once."""
    split = page.split_figures
    if not split:
        return
    marked = 0
    for i, o in enumerate(origins):
        if (o.table, o.row, o.col) in split and not o.doubtful:
            origins[i] = attrs.evolve(
                o,
                doubtful=True,
                note=o.note or "its figure is split by an element a style sheet not read may hide",
            )
            marked += 1
    if marked:
        problems.append(split_figures(marked, page.unread_sheets))


def split_figures(count: int, sheets: Sequence[str]) -> ImportProblem:
    """The warning that ``count`` figures are split by an element the
    ``sheets`` not read may hide; "1 figure is", "3 figures are": the count's
    noun and verb in the plural form it asks for."""

    def figures(locale: str) -> str:
        return ngettext(locale, "{n} figure is", "{n} figures are", count).format(n=f"{count:,}")

    return ImportProblem(
        severity="warning",
        code="style-sheet-not-read",
        message_id=N_(
            "{figures} split by an element that a style sheet the page links and the import did not read may hide ({sheets}); placed with doubt. Import the page saved with its style sheets beside it"
        ),
        params={"count": str(count), "sheets": "、".join(sheets)},
        localized={"figures": figures, "sheets": _listed(sheets)},
    )


def _figures_put_back(
    origins: list[CellOrigin], page: Document, problems: list[ImportProblem]
) -> None:
    """Say in the provenance of each cell whose figure was put back from the
    cell before it (:attr:`Document.moved_figures`) how it was found, and
    report each figure found so whose own cell is not sure, not placed."""
    moved = page.moved_figures
    if moved:
        for i, o in enumerate(origins):
            if (o.table, o.row, o.col) in moved:
                origins[i] = attrs.evolve(
                    o,
                    note=o.note
                    or "printed in the cell before it, after that cell's words (a one-cell "
                    "table moved by a word processor); put back in its own cell, printed empty",
                )
    for table, row, col, figure, words in page.stray_figures:
        problems.append(
            ImportProblem(
                severity="warning",
                code="cell-not-placed",
                message_id=N_(
                    "Figure “{text}” is printed after the words “{labels}” in their cell (a one-cell table moved by a word processor), and the cell beside it is not empty: its own cell is not sure; left out"
                ),
                params={"text": figure, "labels": words},
                table=table,
                row=row,
                col=col,
            )
        )


def _figures_between(
    origins: list[CellOrigin], page: Document, problems: list[ImportProblem]
) -> None:
    """Report each figure printed between two columns (:attr:`Document.unsure_figures`),
    not placed, and mark its row's placed cells doubtful: a relation they
    break may want the figure left out, and is not proved the publisher's error."""
    grids = {g.index: g for g in page.grids}
    for table, row, first, last, figure in page.unsure_figures:
        grid = grids.get(table)
        labels = heads = ("", "")
        if grid is not None:
            labels = (_row_words(grid, row, first), "")
            heads = (_column_words(grid, row, first), _column_words(grid, row, last))
        problems.append(
            ImportProblem(
                severity="warning",
                code="cell-not-placed",
                message_id=N_(
                    "Figure “{text}” (row: {labels}) is printed between columns “{left}” and “{right}”, clear of both or across both: either could hold it; left out"
                ),
                params={
                    "text": figure,
                    "labels": labels[0] or "—",
                    "left": heads[0] or "—",
                    "right": heads[1] or "—",
                },
                table=table,
                row=row,
                col=first,
            )
        )
        _doubt_rows(
            origins, table, {row}, "a figure printed between two columns of this row was not placed"
        )


def _row_words(grid: Grid, row: int, before: int) -> str:
    """The words printed in ``row`` left of column ``before`` (its labels), joined."""
    if row >= len(grid.rows):
        return ""
    seen: list[str] = []
    for slot in grid.rows[row][:before]:
        if (
            slot is not None
            and slot.cell.text.strip()
            and not looks_numeric(slot.cell.text)
            and slot.cell.text not in seen
        ):
            seen.append(slot.cell.text)
    return " / ".join(seen)


def _column_words(grid: Grid, row: int, col: int) -> str:
    """The nearest words printed over column ``col`` above ``row`` (its heading)."""
    for r in range(min(row, len(grid.rows)) - 1, -1, -1):
        cells = grid.rows[r]
        slot = cells[col] if col < len(cells) else None
        if slot is not None and slot.cell.text.strip() and not looks_numeric(slot.cell.text):
            return slot.cell.text
    return ""


def _misnumbered_problem(m: Misnumbered, table: int) -> ImportProblem:
    """A row whose 序号 puts it in another order than its label."""
    return ImportProblem(
        severity="warning",
        code="numbering-disagrees",
        message_id=N_(
            "Row “{label}” is numbered {number} and row “{other_label}” {other_number}: the numbers put them in another order than their labels; placed by their labels, with doubt"
        ),
        params={
            "label": m.label,
            "number": m.number,
            "other_label": m.other_label,
            "other_number": m.other_number,
        },
        table=table,
        row=m.row,
    )


def _unit_kind(name: str | None) -> str:
    if name and re.search(r"(局|委员会|委|厅|办公室|中心|署|处)$", name):
        return "department"
    return "government"


def _base(narrative: Narrative, edition: str, problems: list[ImportProblem]) -> dict[str, Any]:
    unit = narrative.signed_by or narrative.unit
    if unit is None:
        problems.append(
            ImportProblem(
                severity="error", code="no-unit", message_id=N_("The page prints no reporting unit")
            )
        )
    data: dict[str, Any] = {
        "edition": edition,
        "unit": {"name": unit or "", "kind": _unit_kind(unit)},
        "year": narrative.year,
        "title": narrative.title,
        "dates": {
            "written": narrative.written.isoformat() if narrative.written else None,
            "published": narrative.published.isoformat() if narrative.published else None,
            "filled": narrative.filled.isoformat() if narrative.filled else None,
        },
        "contact": dict(narrative.contact),
        "signed_by": narrative.signed_by
        if narrative.signed_by and narrative.signed_by != unit
        else None,
        "preamble": list(narrative.preamble),
        "sections": [
            {
                "heading": s.heading,
                "paragraphs": list(s.paragraphs),
                "subsections": [
                    {"heading": x.heading, "paragraphs": list(x.paragraphs)} for x in s.subsections
                ],
            }
            for s in narrative.sections
        ],
    }
    # The period as the page states it: with dates, without them ("统计期限自至"),
    # or not at all (no key: the report states none, never the calendar year).
    if narrative.period_unread is not None:
        problems.append(
            ImportProblem(
                severity="warning",
                code="period-unreadable",
                message_id=N_(
                    "The statistics period is printed with dates that cannot be read "
                    "(“{text}”): the publisher's; left unknown"
                ),
                params={"text": narrative.period_unread},
            )
        )
    if narrative.period is not None:
        start, end = narrative.period
        data["period"] = {
            "start": start.isoformat() if start else None,
            "end": end.isoformat() if end else None,
        }
    return data


#: What a report's title says: 政府信息公开工作年度报告, 政务公开年报 ….
_REPORT_TITLE = re.compile(r"(信息公开|政务公开).*(报告|年报)")


def _title(page: Page) -> str | None:
    """The content system's own metadata first, then the page's ``<h1>``,
    then ``<title>`` without the site name the portals append after "_" —
    the first of them that reads as a report's title.  A page pasted from
    Word sets its section headings (一、总体情况) as ``<h1>`` and its title
    as a centred paragraph: there ``<title>`` holds the title."""
    candidates = [
        text.strip()
        for text in (
            page.meta.get("ArticleTitle"),
            page.heading,
            page.html_title.split("_")[0],
        )
        if text and text.strip()
    ]
    found = next((c for c in candidates if _REPORT_TITLE.search(c)), None)
    return found or (candidates[0] if candidates else None)


def _published(page: Page) -> dt.date | None:
    raw = (
        page.meta.get("PubDate") or page.meta.get("pubdate") or page.meta.get("firstpublishedtime")
    )
    if raw:
        m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", raw)
        if m:
            try:
                return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
        return parse_date(raw)
    return None


@frozen(kw_only=True)
class Document:
    """What the mapping needs from any published file, whatever its format.

    A web page, a PDF's text layer and a Word file all come down to this:
    the tables as grids (merged cells as one origin, a PDF cell with its page
    and bounding box), the paragraphs of text in reading order, the title
    and publication date where the file says them, and the files it links.
    Each format's reader builds one; :func:`import_document` does the rest.
    """

    grids: tuple[Grid, ...]
    paragraphs: tuple[str, ...]
    title: str | None = None
    published: dt.date | None = None
    attachments: tuple[Attachment, ...] = ()
    #: How the text was decoded and found (for the provenance).
    encoding: str
    encoding_found_by: str
    body_found_by: str
    format: str = "html"
    pages: int | None = None
    linked_from: str | None = None
    #: The grids printed right after another grid with no text between them
    #: (by index): a table the publisher cut in two may go on there
    #: (:mod:`.continuation`).
    continued: frozenset[int] = frozenset()
    #: The images the text shows (a web page's ``<img src>``): a table
    #: printed as a picture is named when tables are missing, never read.
    images: tuple[str, ...] = ()
    #: The pages a page without tables links as holding the report
    #: (:mod:`.linked`): named, followed only by a URL import.
    linked_pages: tuple[Attachment, ...] = ()
    #: Per grid (by index), the money unit of a unit line printed between the
    #: grid before it and itself ("（金额单位：元）" → "元"; see
    #: :func:`.text.money_unit_line`), else None.
    unit_lines: tuple[str | None, ...] = ()
    #: The style sheets a web page links that were not read, and the cells
    #: (table, row, column) whose figure an element they may style splits
    #: (:mod:`.sheets`): those are placed with doubt.
    unread_sheets: tuple[str, ...] = ()
    split_figures: frozenset[tuple[int, int, int]] = frozenset()
    #: The cells (table, row, column) whose figure the reader found printed
    #: in the cell before them, under that cell's words, and put back (a
    #: figure a word processor moved; the Word reader's ``_grid``): placed,
    #: and the provenance says how.
    moved_figures: frozenset[tuple[int, int, int]] = frozenset()
    #: Figures found so where the cell they came from is not sure (the cell
    #: beside them prints something): (table, row, column, figure, the
    #: words of the cell it is printed in); reported, not placed.
    stray_figures: tuple[tuple[int, int, int, str, str], ...] = ()
    #: Figures printed between two columns of a table set without rules, so
    #: that either could hold them: (table, row, the first and the last of
    #: those columns, figure); reported, not placed, their rows doubtful.
    unsure_figures: tuple[tuple[int, int, int, int, str], ...] = ()


def page_document(page: Page) -> Document:
    """The :class:`Document` of a web page."""
    return Document(
        grids=page.grids,
        paragraphs=tuple(b.text for b in page.blocks if b.text is not None),
        title=_title(page),
        published=_published(page),
        attachments=page.attachments,
        encoding=page.decoded.encoding,
        encoding_found_by=page.decoded.how,
        body_found_by=page.body_found_by,
        continued=_continued(page),
        images=page.images,
        unit_lines=_unit_lines(page),
        linked_pages=page.linked,
        unread_sheets=page.unread_sheets,
        split_figures=page.split_figures,
    )


def _unit_lines(page: Page) -> tuple[str | None, ...]:
    """Each table's money unit line: the last unit line among the paragraphs
    between the table before it and itself (a section heading or a caption
    may come between the line and the table)."""
    out: list[str | None] = [None] * len(page.grids)
    unit: str | None = None
    for block in page.blocks:
        if block.table is not None:
            if block.table < len(out):
                out[block.table] = unit
            unit = None
        elif block.text is not None:
            unit = money_unit_line(block.text) or unit
    return tuple(out)


def _continued(page: Page) -> frozenset[int]:
    """The tables printed right after another table, no text between them
    but a 续表 line.

    Only a text right after a table (or after 续表 lines after one) is asked
    whether it says 续表: a page has a few hundred paragraphs, a few tables."""
    out: set[int] = set()
    after: int | None = None  # the table the blocks so far end with (续表 lines aside)
    for b in page.blocks:
        if b.table is not None:
            if after is not None:
                out.add(b.table)
            after = b.table
        elif after is not None and (b.text is None or not says_continued(b.text)):
            after = None
    return frozenset(out)


def import_html(
    data: bytes,
    source: str = "<page>",
    *,
    charset: str | None = None,
    validate_report: bool = True,
    derive_templates: bool = False,
    style_sheets: StyleSheets | None = None,
) -> ImportResult:
    """Import one page: ``report, provenance, problems = import_html(data, "page.html")``.

    ``report`` is None when the page holds no report tables (text only, or
    the report is an attachment: the problems name it).  ``charset`` is the
    one an HTTP header gave, if any.  ``derive_templates``: a pre-2019
    table that fits no shipped template exactly is kept as printed, on a
    template derived from it (see :mod:`.derived`).  ``style_sheets``
    reads the style sheets the page links; by default those saved beside
    a page read from a file are (:func:`.sheets.local_style_sheets`).
    """
    sheets = local_style_sheets(source) if style_sheets is None else style_sheets
    # An import makes thousands of small objects (cells, slots, shape keys,
    # records) and no cycle worth a pass of the collector: it is paused for
    # the page (about 5% of the nine test pages' CPU time), as for
    # ``codec.loads_many``, and restored even on error.
    enabled = gc.isenabled()
    gc.disable()
    try:
        return import_document(
            page_document(read_page(data, charset, sheets)),
            source,
            validate_report=validate_report,
            derive_templates=derive_templates,
        )
    finally:
        if enabled:
            gc.enable()


def import_document(
    doc: Document, source: str, *, validate_report: bool = True, derive_templates: bool = False
) -> ImportResult:
    """Map a :class:`Document` of any format onto the model (see the module doc)."""
    problems: list[ImportProblem] = []
    if doc.continued:
        grids, moves = joined_with_moves(doc.grids, doc.continued)

        def moved(t: int, r: int, c: int) -> tuple[int, int, int]:
            return (moves[t][0], r + moves[t][1], c) if t in moves else (t, r, c)

        doc = attrs.evolve(
            doc,
            grids=grids,
            split_figures=frozenset(moved(*at) for at in doc.split_figures),
            moved_figures=frozenset(moved(*at) for at in doc.moved_figures),
            stray_figures=tuple(
                (*moved(t, r, c), figure, words) for t, r, c, figure, words in doc.stray_figures
            ),
            unsure_figures=tuple(
                (*moved(t, r, a), b, figure) for t, r, a, b, figure in doc.unsure_figures
            ),
        )
    attachments = tuple((a.href, a.text) for a in doc.attachments)
    narrative = read_narrative(list(doc.paragraphs), doc.title, doc.published)
    # The editions asked of the registry once: recognition and placement both
    # need them, and each asking looks at every plugin.
    candidates = candidate_editions() if doc.grids else ()
    recognition = recognise(doc.grids, narrative.year, candidates)
    edition = recognition.edition
    if recognition.problem is not None and edition is not None:
        problems.append(recognition.problem)
    prov = Provenance(
        source=source,
        encoding=doc.encoding,
        encoding_found_by=doc.encoding_found_by,
        body_found_by=doc.body_found_by,
        edition=edition,
        edition_evidence=recognition.evidence,
        edition_decided_by=recognition.decided_by,
        edition_duels=recognition.duels,
        attachments=attachments,
        linked_pages=tuple((a.href, a.text) for a in doc.linked_pages),
        linked_from=doc.linked_from,
        format=doc.format,
        pages=doc.pages,
    )
    if edition is None and doc.grids:
        from govdisclosure.plugin.manager import templates

        found = best_template(doc.grids, list(templates().values()))
        # Every value cell of the grid was either placed or left unplaced.
        fits = found is not None and found[1].matched_rows * 2 >= len(
            {p.source.cell.row for p in found[1].placements}
            | {c.cell.row for c in found[1].unplaced}
        )
        if derive_templates:
            anchor = found if fits else (found or printed_only(doc.grids))
            if anchor is not None:
                derived = derive_from_printed(anchor[1])
                if derived is not None:
                    problems.append(_derived_problem(anchor[1], derived, anchor[0].index))
                    return _finish_legacy(
                        doc, anchor[0], derived, narrative, prov, problems, source, validate_report
                    )
        if found is not None and fits:
            pieces, joined = join_pieces(doc.grids, found[0], found[1])
            return _finish_legacy(
                doc, found[0], joined, narrative, prov, problems, source, validate_report, pieces
            )
        if found is not None:
            if recognition.problem is not None:
                problems.append(recognition.problem)
            problems.append(
                ImportProblem(
                    severity="error",
                    code="no-template-fits",
                    message_id=N_(
                        "No statistics template fits the table; rows that fit none: {rows}. "
                        "Import with --derive-templates to keep the table as printed"
                    ),
                    params={"rows": "、".join(found[1].unfit_rows)},
                    localized={"rows": _listed(found[1].unfit_rows)},
                    table=found[0].index,
                )
            )
            return ImportResult(None, prov, tuple(problems))
    if edition is None:
        if recognition.problem is not None:
            problems.append(recognition.problem)
        _no_report(doc, problems)
        return ImportResult(None, prov, tuple(problems))
    return _finish_official(
        doc,
        edition,
        recognition.variant,
        candidates,
        narrative,
        prov,
        problems,
        source,
        validate_report,
    )


def _listed(names: Sequence[str], none: str = "-") -> Callable[[str], str]:
    """``names`` listed as the message's locale lists them (``a、b``, ``a, b``;
    ``none`` when there are none); the problem's ``params`` keep the one
    form the data has had."""
    kept = tuple(names)
    return lambda locale: series(locale, kept) if kept else none


def _links(links: Sequence[Attachment]) -> Callable[[str], str]:
    """Each link's text and address, listed as the message's locale lists
    names: ``a.doc（./a.doc）、b.xls（./b.xls）``, ``a.doc (./a.doc), b.xls (./b.xls)``
    (the problem's ``params`` keep the one form the data has had)."""
    return lambda locale: series(
        locale,
        (
            gettext(locale, "{name} ({address})").format(name=a.text or a.href, address=a.href)
            for a in links
        ),
    )


def _no_report(page: Document, problems: list[ImportProblem]) -> None:
    if page.attachments:
        names = "、".join(f"{a.text or a.href} ({a.href})" for a in page.attachments)
        problems.append(
            ImportProblem(
                severity="error",
                code="report-in-attachment",
                message_id=N_(
                    "The page has no report tables; the report is in an attachment: {attachments}"
                ),
                params={"attachments": names},
                localized={"attachments": _links(page.attachments)},
            )
        )
    elif page.linked_pages and not page.grids:
        problems.append(_linked_problem(page.linked_pages))
    elif page.grids:
        problems.append(
            ImportProblem(
                severity="error",
                code="tables-not-recognised",
                message_id=N_("The page's tables are not the tables of any edition"),
            )
        )
    elif page.images:
        problems.append(_images_problem(page.images, "error"))
    else:
        problems.append(
            ImportProblem(
                severity="error",
                code="no-table",
                message_id=N_("The page has no statistics table (text only): no figures imported"),
            )
        )


def _linked_problem(linked: Sequence[Attachment]) -> ImportProblem:
    """A page without tables that links the page holding them: named, not followed here."""
    return ImportProblem(
        severity="error",
        code="report-on-linked-page",
        message_id=N_(
            "The page has no report tables; it links the page that may hold them: {pages}. "
            "Import that page (an import of this page's URL follows the link)"
        ),
        params={"pages": "、".join(f"{a.text or a.href} ({a.href})" for a in linked)},
        localized={"pages": _links(linked)},
    )


def _images_problem(images: Sequence[str], severity: Severity) -> ImportProblem:
    """The tables may be printed as pictures: named, never read (no OCR here)."""
    return ImportProblem(
        severity=severity,
        code="tables-as-images",
        message_id=N_(
            "The statistics tables are not on the page as tables; it shows {count} images, "
            "which may be the tables as pictures: {images}. Nothing is read from images"
        ),
        params={"count": str(len(images)), "images": "、".join(images)},
        localized={"images": _listed(images)},
    )


#: Placed cells read that a plan keeps, at most (emptied when full): a few
#: pages' worth of distinct texts.
_ORIGINS_LIMIT: Final = 1024

#: A placed cell read (:func:`_read_placed`): its provenance record, why its
#: text is not a value (if it is not), the path of the dict its values go
#: into and those values by field (in the order they are set), and the
#: placed cell itself when its label is kept as printed (else None).
_Read = tuple[CellOrigin, str | None, tuple[str, ...], dict[str, Any], Planned | None]


def _read_placed(
    printed: Cell, p: Planned, plan: _Plan, table: int, heading_unit: str | None = None
) -> _Read:
    """A placed cell read (:data:`_Read`).  ``heading_unit``: the money unit
    the heading over the cell states."""
    read, value, reason = _read_cell(printed.text, plan.kind, plan.amount)
    puts: dict[str, Any] = {}
    note = None
    if read.unit and plan.unit_field is not None:
        puts[plan.unit_field] = read.unit
        note = f"unit printed: {read.unit}"
    elif read.unit == "元" and plan.kind == "money" and value is not None:
        value = str(Decimal(value) / Decimal(10000))
        note = "printed in 元, converted to 万元"
    elif heading_unit is not None and read.unit is None and value is not None:
        if plan.unit_field is not None:  # no official unit (2019's 总金额): kept as printed
            puts[plan.unit_field] = heading_unit
            note = f"unit in heading: {heading_unit}"
        elif heading_unit == "元":  # the format's unit is 万元
            value = str(Decimal(value) / Decimal(10000))
            note = "heading in 元, converted to 万元"
    if read.sign_word is not None and value is not None:
        # "减少" gave a sign; "持平" the whole change, 0: said so, as read.
        note = f"change in words: {read.sign_word}" + (", read as 0" if value == 0 else "")
    puts[plan.leaf] = value
    if (
        plan.sign_field is not None
        and type(value) is int
        and value > 0
        and not clean(printed.text).startswith("+")
    ):
        # 本年增/减 printed as a bare "12": kept so ("+12" is the default).
        puts[plan.sign_field] = ""
    origin = CellOrigin(
        path=plan.path,
        table=table,
        row=printed.row,
        col=printed.col,
        rowspan=printed.rowspan,
        colspan=printed.colspan,
        text=printed.text,
        value=read.value if value is not None else None,
        match=p.kind,
        labels=p.labels,
        doubtful=p.doubtful,
        note=note,
        page=printed.page,
        bbox=printed.bbox,
        address=printed.address,
    )
    # Else no label match is printed otherwise (:func:`_keep_printed_label`).
    keep = p if p.kind in _PRINTED_OTHERWISE else None
    return origin, reason, plan.parent, puts, keep


def _heading_unit(grid: Grid, row: int, col: int, unit_line: str | None = None) -> str | None:
    """The money unit, 元 or 万元, that the amounts of a money cell are in:
    the nearest text above it in its column that names one, or, when its
    column names none up to a figure or the top, the unit line printed
    before the table (``unit_line``: "（金额单位：元）") or as its first row,
    across it.  Its amounts are in that unit as if each cell printed it:
    "本年收费金额（单位：元）" where the 2021 format says 万元 (read as 万元 they
    would be 10,000 times too large), "采购总金额（单位：元）" where the 2019
    format states none (the model keeps the unit printed)."""
    for r in range(row - 1, -1, -1):
        printed = grid.text_at(r, col)
        if printed is None or not printed.strip():
            continue
        text = clean(printed)
        if looks_numeric(text):
            break  # a figure above: no heading of its own
        if "万元" in text:
            return "万元"
        if "元" in text:
            return "元"
    if unit_line is None:
        # The table's own first row, one cell across it ("单位：件、元").
        first = grid.cell_at(0, 0) if grid.width else None
        if first is not None and first.colspan == grid.width:
            unit_line = money_unit_line(first.text)
    return unit_line


def _finish_official(
    page: Document,
    edition: str,
    variant: str | None,
    candidates: tuple[str, ...],
    narrative: Narrative,
    prov: Provenance,
    problems: list[ImportProblem],
    source: str,
    validate_report: bool,
) -> ImportResult:
    tables = edition_tables(edition, variant)
    assigned = _assign(page.grids, tables, _aliases(edition, candidates))
    data = _base(narrative, edition, problems)
    put = _Tree(data)
    parents = put.parents
    plans = _plans(edition, variant)
    origins: list[CellOrigin] = []
    for gi, (grid, decided) in sorted(assigned.items()):
        made = decided.origins
        # The money unit line before the table, the same for all its cells.
        unit_line = page.unit_lines[gi] if gi < len(page.unit_lines) else None
        # Reading a printed text on a plan's cell gives the same record and
        # the same values every time: made once per text and place (most
        # cells of a table print the same few texts, "0", "——"), and the
        # cell itself made only then.  The keys and the look-ups are made in
        # C (``zip``, ``map``), over the table's placed cells at once.
        placed = decided.placed
        n = len(placed)
        keys = list(
            zip(
                range(n),
                repeat(gi, n),
                grid.printed(decided.places),
                repeat(unit_line, n),
                strict=True,
            )
        )
        reads = list(map(made.get, keys))
        if None in reads:
            for i, found in enumerate(reads):
                if found is None:
                    if len(made) >= _ORIGINS_LIMIT:
                        made.clear()
                    p = placed[i]
                    printed = cell_at(grid, p.row, p.col)
                    plan = plans[id(p.target)]
                    unit = (
                        _heading_unit(grid, p.row, p.col, unit_line)
                        if plan.kind == "money"
                        else None
                    )
                    reads[i] = made[keys[i]] = _read_placed(printed, p, plan, gi, unit)
        done = cast("list[_Read]", reads)  # every cell read now
        for origin, reason, where, values, keep in done:
            if reason is not None:
                # The record's text: the cell's.
                problems.append(_unreadable_problem(origin.text, reason, gi, origin, origin.path))
            parent = parents.get(where)  # each parent found once
            if parent is None:
                parent = put.parent(where)
            parent.update(values)
            if keep is not None:
                _keep_printed_label(data, keep.target, keep.matches)
        origins.extend(map(_ORIGIN, done))
        stray_rows: set[int] = set()
        for u in decided.unplaced:
            printed = cell_at(grid, u.row, u.col)
            if printed.text.strip():
                problems.append(_unplaced_problem(printed, u.labels, gi, u.row, u.col))
                stray_rows.add(u.row)
        if stray_rows:
            _doubt_rows(origins, gi, stray_rows)
        if decided.misnumbered:
            problems.extend(_misnumbered_problem(m, gi) for m in decided.misnumbered)
            _doubt_rows(
                origins,
                gi,
                {m.row for m in decided.misnumbered},
                "its number (序号) disagrees with its label's order",
            )
    filled = {plan.table.key for _, plan in assigned.values() if plan.table is not None}
    for table in tables:
        if table.key not in filled:
            problems.append(
                ImportProblem(
                    severity="error",
                    code="table-missing",
                    message_id=N_("Table “{title}” is not on the page; its cells stay blank"),
                    localized={"title": _in_locale(table.title)},
                )
            )
    if page.images and len(filled) < len(tables):
        problems.append(_images_problem(page.images, "warning"))
    problems.extend(_misprinted_labels(origins))
    _tables_not_used(page, assigned, problems)
    placed_paths = set(map(_PATH, origins))
    for table in tables:
        if table.key in filled:
            paths = _target_paths(edition, variant, table.key)
            if placed_paths.issuperset(paths):  # in C: every cell of the table placed
                continue
            missing = [
                (t, path)
                for t, path in zip(table.targets, paths, strict=True)
                if path not in placed_paths
            ]
            in_words = _rows_in_words(
                [g for g, d in assigned.values() if d.table is table],
                table,
                {t.row.words for t, _ in missing},
            )
            for t, path in missing:
                words = in_words.get(t.row.words)
                if words is None:
                    problems.append(
                        ImportProblem(
                            severity="warning",
                            code="cell-missing",
                            message_id=N_("No printed cell for {label}; left blank"),
                            localized={"label": _in_locale(t.row_label, t.column_label or "")},
                            path=path,
                        )
                    )
                    continue
                grid, cell = words
                problems.append(
                    _unreadable_problem(cell.text, N_("not a number"), grid.index, cell, path)
                )
    _doubt_split_figures(origins, page, problems)
    _figures_put_back(origins, page, problems)
    _figures_between(origins, page, problems)
    _figures_stacked(origins, problems)
    return _build(data, prov, origins, problems, source, validate_report)


def _printed_figure(text: str) -> bool:
    """A cell's text prints a figure: it reads as one, or its last word does
    ("条 94802": a unit and its figure a reader took for one cell)."""
    if not any(ch.isdigit() for ch in text):
        return False
    words = text.split()
    return looks_numeric(text) or (len(words) > 1 and looks_numeric(words[-1]))


def _tables_not_used(
    page: Document,
    used: Collection[int],
    problems: list[ImportProblem],
    template: str | None = None,
) -> None:
    """Report each table of the page that the import did not use and prints
    something, and each figure it prints, where it was printed (table, row
    and column; a PDF's page and box; a spreadsheet's cell), so no figure
    is lost silently.  ``template``: the statistics template placed on
    another table (a pre-2019 report), else the official tables were placed."""
    numbers = [str(t + 1) for t in sorted(used)]
    for grid in page.grids:
        if grid.index in used or not any(text.strip() for text in grid.texts()):
            continue
        if template is None:
            problems.append(
                ImportProblem(
                    severity="info",
                    code="table-not-imported",
                    message_id=N_(
                        "Table {number} on the page is none of the official tables; not imported"
                    ),
                    params={"number": str(grid.index + 1)},
                    table=grid.index,
                )
            )
        else:
            problems.append(
                ImportProblem(
                    severity="warning",
                    code="table-not-imported",
                    message_id=N_(
                        "Table {number} on the page is not the table statistics template {template} was placed on (table {used}); not imported"
                    ),
                    params={
                        "number": str(grid.index + 1),
                        "template": template,
                        "used": "、".join(numbers),
                    },
                    # Listed as the message's locale lists names ("1, 2" in English).
                    localized={"used": _listed(numbers)},
                    table=grid.index,
                )
            )
        for cell in grid.cells():
            if _printed_figure(cell.text):
                problems.append(
                    ImportProblem(
                        severity="info" if template is None else "warning",
                        code="figure-not-imported",
                        message_id=N_(
                            "Figure “{text}” (row: {labels}) is printed in table {number}, which is not imported; left out"
                        ),
                        params={
                            "text": cell.text,
                            "labels": _row_words(grid, cell.row, cell.col) or "—",
                            "number": str(grid.index + 1),
                        },
                        table=grid.index,
                        row=cell.row,
                        col=cell.col,
                        page=cell.page,
                        bbox=cell.bbox,
                        address=cell.address,
                    )
                )


def _figures_stacked(origins: Sequence[CellOrigin], problems: list[ImportProblem]) -> None:
    """Report each cell left blank that prints nothing beside a cell refused
    for printing figures on two or more lines ("0" over "81"): a word
    processor may move a figure pasted as a one-cell table into the cell
    before its own, so one of those figures may be this cell's; which one
    is not sure, so none is placed (:func:`_figures_put_back` puts back only
    a figure the file shows was moved)."""
    refused = [o for o in origins if o.value is None and "\n" in o.text.strip()]
    if not refused:  # most pages: no cell read in several lines was refused
        return
    by_place = {(o.table, o.row, o.col): o for o in origins}
    for o in refused:
        lines = o.text.split()
        if not all(_printed_figure(line) for line in lines):
            continue
        beside = by_place.get((o.table, o.row, o.col + o.colspan))
        if beside is None or beside.text.strip() or beside.value is not None:
            continue
        problems.append(
            ImportProblem(
                severity="warning",
                code="cell-not-placed",
                message_id=N_(
                    "The cell prints nothing and the cell before it prints the figures “{text}” on separate lines: one of them may be this cell's (a one-cell table moved by a word processor); left blank"
                ),
                params={"text": " / ".join(lines)},
                table=beside.table,
                row=beside.row,
                col=beside.col,
                path=beside.path,
                page=beside.page,
                bbox=beside.bbox,
                address=beside.address,
            )
        )


def _rows_in_words(
    grids: Sequence[Grid], table: TargetTable, rows: set[str]
) -> dict[str, tuple[Grid, Cell]]:
    """The rows of ``rows`` (a table's row words, their cells not placed)
    printed with words where their figures stand: by row words, the grid and
    the first such cell ("行政事业性收费 | 由区政府办统一收取").

    A row whose label is followed by words and no figure reads as a header
    row, its words as headings, so none of its cells is placed; it is told so
    (the words, not read as a figure) rather than "no printed cell".  Only
    words that are no label of the table, under one of its column headings: a
    header row that starts with a row's words ("行政复议 | 行政诉讼") is no row
    in words.
    """
    if not rows:
        return {}
    known = table.row_words | table.column_words
    known |= {w for t in table.targets for w in t.context_words}
    found: dict[str, tuple[Grid, Cell]] = {}
    for grid in grids:
        for r, slots in enumerate(grid.rows):
            printed = [
                s.cell for s in slots if s is not None and s.is_origin and s.cell.text.strip()
            ]
            if len(printed) < 2:
                continue
            words = label_key(printed[0].text).words
            if words not in rows or words in found:
                continue
            after = printed[1:]
            if any(looks_numeric(c.text) or label_key(c.text).words in known for c in after):
                continue
            # Words where a figure stands: under one of the table's column headings.
            heading = _column_words(grid, r, after[0].col)
            if label_key(heading).words not in table.column_words:
                continue
            found[words] = (grid, after[0])
    return found


@cache
def _target_paths(edition: str, variant: str | None, key: str) -> tuple[str, ...]:
    """The JSON path of every target of table ``key`` of an edition's tables, in order."""
    plans = _plans(edition, variant)
    (table,) = [t for t in edition_tables(edition, variant) if t.key == key]
    return tuple(plans[id(t)].path for t in table.targets)


@cache
def _printed_field(edition: str, path: tuple[str, ...], what: str) -> str | None:
    """The field declared to keep the printed ``what`` (unit, sign) of the
    cell at ``path``, from the definitions (:func:`govdisclosure.fields.printed`)."""
    row: Any = blank_report(edition, 2000, "")
    for name in path[:-1]:
        row = getattr(row, name, None)  # a layout variant's path may not be there
    return printed_name(type(row), path[-1], what)


#: Label matches whose printed text is not the official wording: a
#: misprint (洪泽 2024: 2.其他法律行政止公开) or the other edition's wording.
_PRINTED_OTHERWISE: Final = frozenset({"similar", "other-edition"})


def _keep_printed_label(data: dict[str, Any], target: Target, matches: Sequence[Match]) -> None:
    """Keep the row label as printed beside its row (the table's
    ``printed_labels``) when the publisher printed other words than the
    format's, so the report is the report as printed, never corrected
    silently.  Line-break white space inside the label is dropped."""
    for m in matches:
        if m.kind in _PRINTED_OTHERWISE and m.official == target.row_label and target.row_key:
            printed = without_as_printed_note("".join(m.printed.split()))
            if printed and printed != target.row_label:
                labels = data.setdefault(target.path[0], {}).setdefault("printed_labels", {})
                labels.setdefault(target.row_key, printed)


def _misprinted_labels(origins: Sequence[CellOrigin]) -> list[ImportProblem]:
    """A printed label matched only as *similar* to its official wording is
    the publisher's misprint (洪泽 2024 prints 2.其他法律行政止公开): said once
    per label, as the publisher's, and kept as printed in the provenance."""
    seen: dict[tuple[str, str], ImportProblem] = {}
    if "similar" not in map(_MATCH, origins):  # in C: most pages have none
        return []
    for origin in origins:
        if origin.match != "similar":  # the worst of its matches: none is similar
            continue
        for m in origin.labels:
            if m.kind == "similar" and (m.official, m.printed) not in seen:
                seen[(m.official, m.printed)] = ImportProblem(
                    severity="info",
                    code="publisher-label",
                    message_id=N_(
                        "The publisher printed “{printed}” where the format says “{official}”; placed as that row, the label kept as printed"
                    ),
                    params={"printed": clean(m.printed), "official": m.official},
                    path=origin.path,
                )
    return list(seen.values())


#: Label match kinds from best to worst, as a legacy cell's worst match is told.
_LEGACY_RANK: Final = {k: i for i, k in enumerate(MATCH_KINDS)}


def _finish_legacy(
    page: Document,
    grid: Grid,
    result: LegacyResult,
    narrative: Narrative,
    prov: Provenance,
    problems: list[ImportProblem],
    source: str,
    validate_report: bool,
    pieces: tuple[int, ...] = (),
) -> ImportResult:
    """The report of a pre-2019 table ``grid`` placed on its template
    (``result``); ``pieces``: the tables it was printed in, when it was read
    as several (:func:`.legacy.join_pieces`), else ``grid`` alone."""
    pieces = pieces or (grid.index,)
    data = _base(narrative, TEMPLATE_EDITION.id, problems)
    rows: dict[str, dict[str, Any]] = {}
    origins: list[CellOrigin] = []
    template = result.template
    # Looked up once, not per cell: the first row of a code (as
    # ``template.row``), the first column of a key.
    rows_by_code: dict[str, Any] = {}
    for r in template.rows:
        rows_by_code.setdefault(r.code, r)
    column_labels: dict[str, str] = {}
    for c in template.columns:
        column_labels.setdefault(c.key, c.label)
    for p in result.placements:
        row = rows_by_code[p.code]
        read = read_number(p.source.cell.text)
        value, reason = _value_for("money" if row.is_money else "count", read)
        path = json_path(("statistics", "rows", p.code, p.column))
        if read.unreadable or reason:
            problems.append(
                _unreadable_problem(
                    p.source.cell.text,
                    reason or N_("not a number"),
                    p.source.grid,
                    p.source.cell,
                    path,
                )
            )
            value = None
        rows.setdefault(p.code, {})[p.column] = value
        kind = max((p.row_kind, p.column_kind), key=_LEGACY_RANK.__getitem__)
        note = None
        if p.unit_printed and row.unit and clean(p.unit_printed) != clean(row.unit):
            note = f"unit printed {p.unit_printed}, template says {row.unit}"
        # A piece joined to the table (:func:`.legacy.join_pieces`): its
        # cells placed with doubt, a relation they break not the publisher's.
        joined = p.source.grid != grid.index
        if joined:
            note = note or (
                f"in table {p.source.grid + 1}, read as a piece of table {grid.index + 1}: "
                "its figures in the same columns, printed next to it"
            )
        column_label = column_labels[p.column]
        origins.append(
            CellOrigin(
                path=path,
                table=p.source.grid,
                row=p.source.cell.row,
                col=p.source.cell.col,
                rowspan=p.source.cell.rowspan,
                colspan=p.source.cell.colspan,
                text=p.source.cell.text,
                value=read.value if value is not None else None,
                match=kind,
                labels=(
                    LabelMatch(p.official_label, p.printed_label, p.row_kind),
                    LabelMatch(
                        column_label,
                        next((lab.cell.text for lab in p.source.column_labels), ""),
                        p.column_kind,
                    ),
                ),
                doubtful=kind == "position" or not p.source.aligned or joined,
                note=note,
                page=p.source.cell.page,
                bbox=p.source.cell.bbox,
                address=p.source.cell.address,
            )
        )
    for cell in result.unplaced:
        if cell.cell.text.strip():
            problems.append(
                _unplaced_problem(
                    cell.cell, unplaced_labels(cell), cell.grid, cell.cell.row, cell.cell.col
                )
            )
    for label in result.unfit_rows:
        problems.append(
            ImportProblem(
                severity="warning",
                code="row-not-in-template",
                message_id=N_(
                    "Printed row “{label}” fits no row of template {template}; left out "
                    "(import with --derive-templates to keep it)"
                ),
                params={"label": label, "template": template.id},
                table=grid.index,
            )
        )
    printed_codes = {line.code for line in result.lines}
    for row in template.value_rows:
        if row.printed and row.code not in printed_codes:
            problems.append(
                ImportProblem(
                    severity="warning",
                    code="row-not-printed",
                    message_id=N_(
                        "Row “{label}” of template {template} is not in the printed table; "
                        "left blank (import with --derive-templates to hold the "
                        "table as printed)"
                    ),
                    params={"label": row.label, "template": template.id},
                    table=grid.index,
                    # The row's path names each of its cells (:class:`.provenance.NamedPaths`).
                    path=json_path(("statistics", "rows", row.code)),
                )
            )
    if len(pieces) > 1:
        problems.append(
            ImportProblem(
                severity="info",
                code="tables-joined",
                message_id=N_(
                    "Tables {tables} on the page print their figures in the same columns, one after the other: read as one table"
                ),
                params={"tables": "、".join(str(t + 1) for t in pieces)},
                localized={"tables": _listed([str(t + 1) for t in pieces])},
                table=grid.index,
            )
        )
    _tables_not_used(page, pieces, problems, template.id)
    from govdisclosure.plugin.manager import templates

    statistics: dict[str, Any] = {"template": template.id}
    if template.id not in templates():
        statistics["derived"] = converter.unstructure(template, StatisticsTemplate)
    if result.headings:
        statistics["headings"] = result.headings
    statistics["rows"] = rows
    data["statistics"] = statistics
    evidence = f"template {template.id}: {result.matched_rows} rows matched"
    if template.derived_from is not None:
        evidence = f"template {template.id} derived from {template.derived_from}: as printed"
    elif template.id not in templates():
        evidence = f"template {template.id} derived from the printed table alone"
    prov = attrs.evolve(
        prov,
        edition=TEMPLATE_EDITION.id,
        template=template.id,
        edition_evidence=evidence,
        edition_decided_by="template",
    )
    _doubt_split_figures(origins, page, problems)
    _figures_put_back(origins, page, problems)
    _figures_between(origins, page, problems)
    _figures_stacked(origins, problems)
    return _build(data, prov, origins, problems, source, validate_report)


def _derived_problem(found: LegacyResult, derived: LegacyResult, table: int) -> ImportProblem:
    """Says what the derived template keeps that no shipped one has."""
    template = derived.template
    added = [line.label for line in found.lines if line.code is None]
    missing = [r.label for r in template.rows if not r.printed]
    return ImportProblem(
        severity="info",
        code="template-derived",
        message_id=N_(
            "The table fits no shipped template as printed; kept as printed on template "
            "{template} (based on {base}); rows that fit no template row: {added}; template "
            "rows not printed: {missing}"
        ),
        params={
            "template": template.id,
            "base": template.derived_from or "—",
            "added": "、".join(added) or "—",
            "missing": "、".join(missing) or "—",
        },
        localized={"added": _listed(added, "—"), "missing": _listed(missing, "—")},
        table=table,
    )


def _build(
    data: dict[str, Any],
    prov: Provenance,
    origins: list[CellOrigin],
    problems: list[ImportProblem],
    source: str,
    validate_report: bool,
) -> ImportResult:
    if data.get("year") is None:
        problems.append(
            ImportProblem(
                severity="error", code="no-year", message_id=N_("The page prints no report year")
            )
        )
        return ImportResult(None, attrs.evolve(prov, cells=tuple(origins)), tuple(problems))
    try:
        report = structure(data, source=source)
    except LoadError as err:
        for p in err.problems:
            problems.append(
                ImportProblem(
                    severity="error",
                    code="model-refused",
                    message_id=N_("The model refuses {path}: {found}"),
                    params={"path": p.path, "found": p.found},
                    path=p.path,
                )
            )
        return ImportResult(None, attrs.evolve(prov, cells=tuple(origins)), tuple(problems))
    prov = attrs.evolve(prov, cells=tuple(origins))
    doubtful = sum(map(_DOUBTFUL, origins))  # True counts 1
    if doubtful:
        problems.append(doubtful_cells(doubtful))
    if validate_report:
        problems.extend(_prove(report, prov))
    return ImportResult(report, prov, tuple(problems))


def doubtful_cells(count: int) -> ImportProblem:
    """The warning that ``count`` cells were placed with doubt; "1 cell was",
    "17 cells were": the count's noun and verb in the plural form it asks for."""

    def cells(locale: str) -> str:
        return ngettext(locale, "{n} cell was", "{n} cells were", count).format(n=f"{count:,}")

    return ImportProblem(
        severity="warning",
        code="cells-doubtful",
        message_id=N_(
            "{cells} placed with doubt (by position, read from a merged cell that does not line up with its heading, or in a row with a figure not placed): check them in the provenance"
        ),
        params={"count": str(count)},
        localized={"cells": cells},
    )


_PROVEN = ("arithmetic.", "narrative.")


def _prove(report: Report, prov: Provenance) -> list[ImportProblem]:
    """Run the arithmetic rules; a failing relation is the publisher's error
    when every cell of it was placed surely, a doubtful mapping otherwise."""
    by_path = {c.path: c for c in prov.cells}
    out: list[ImportProblem] = []
    for finding in validate(report):
        # The arithmetic relations, and the figures the text states against the
        # tables' (洪泽 2024 writes 受理…17 件 where table 3 prints 95).
        if not finding.message_id.startswith(_PROVEN) or finding.severity == "notice":
            continue
        cells = [by_path[p] for p in (finding.path, *finding.involves) if p in by_path]
        doubtful = [c for c in cells if c.doubtful or c.match == "position"]
        if doubtful:
            out.append(
                ImportProblem(
                    severity="warning",
                    code="doubtful-mapping",
                    message_id=N_(
                        "Relation {rule} fails at {path}, but {cells} were placed with doubt: check the mapping before blaming the publisher"
                    ),
                    params={
                        "rule": finding.rule,
                        "path": finding.path,
                        "cells": ", ".join(c.path for c in doubtful),
                    },
                    path=finding.path,
                )
            )
        else:
            out.append(
                ImportProblem(
                    severity="warning",
                    code="publisher-error",
                    message_id=N_("As printed, the figures break relation {rule}: {message}"),
                    params={"rule": finding.rule},
                    localized={"message": finding.message},
                    path=finding.path,
                )
            )
    return out
