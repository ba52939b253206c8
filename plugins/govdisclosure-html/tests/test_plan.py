"""Placement plans replayed on grids of their shape give what placing them anew gives."""

from __future__ import annotations

from collections.abc import Hashable

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from govdisclosure_html.grid import Cell, Grid, Slot, _rows, _span, expand
from govdisclosure_html.match import clear_memo
from govdisclosure_html.plan import GridPlan, grid_plan, shape
from govdisclosure_html.shape import SlotKey
from govdisclosure_html.targets import edition_tables

TABLES = edition_tables("2021")


def _grid(rows: list[list[str]]) -> Grid:
    html = "<table>" + "".join(
        "<tr>" + "".join(f"<td>{text}</td>" for text in row) + "</tr>" for row in rows
    )
    table = LexborHTMLParser(html + "</table>").css_first("table")
    assert table is not None
    return expand(table, 0)


def _table(label: str, figure: str) -> list[list[str]]:
    """Table 3's first rows, with a label column that prints one figure (``label``)."""
    return [
        ["", "自然人", "商业企业"],
        ["一、本年新收政府信息公开申请数量", figure, "2"],
        ["二、上年结转政府信息公开申请数量", "3", "4"],
        [label, "5", "6"],
    ]


def _fresh(grid: Grid) -> GridPlan:
    clear_memo()
    return grid_plan(grid, TABLES, {})


figures = st.sampled_from(["0", "7", "12", "——", "1,024"])


@given(figures, figures)
def test_a_plan_serves_every_grid_of_its_shape(a: str, b: str) -> None:
    first, second = _grid(_table("三、本年度办理结果", a)), _grid(_table("三、本年度办理结果", b))
    assert shape(first) == shape(second)
    expected = _fresh(second)
    grid_plan(first, TABLES, {})
    assert grid_plan(second, TABLES, {}) == expected


@given(st.sampled_from(["1", "2", "99"]), st.sampled_from(["1", "2", "99"]))
def test_a_figure_read_as_a_label_is_checked(a: str, b: str) -> None:
    # A figure in a label column is one of the row's printed labels: a plan
    # made where it printed ``a`` is not used where it prints ``b``.
    first, second = _grid(_table(a, "1")), _grid(_table(b, "1"))
    assert shape(first) == shape(second)
    expected = _fresh(second)
    assert (3, 0, a) in grid_plan(first, TABLES, {}).checks
    assert grid_plan(second, TABLES, {}) == expected


# No attribute half the time: a row of plain cells is common enough to be drawn.
_SPANS = st.one_of(st.none(), st.sampled_from(["0", "1", "2", "3", "01", " 2 ", "x", ""]))
_TEXTS = st.sampled_from(["", " ", "0", "12", "——", "合计", "自然人", "1、属于国家秘密"])


@st.composite
def _spanned_table(draw: st.DrawFn) -> str:
    """A table of merged and plain cells, row groups and overlapping spans."""
    groups = []
    for _ in range(draw(st.integers(1, 3))):
        rows = []
        for _ in range(draw(st.integers(0, 4))):
            cells = []
            for _ in range(draw(st.integers(0, 4))):
                tag = draw(st.sampled_from(["td", "th"]))
                attrs = "".join(
                    f' {name}="{value}"'
                    for name in ("rowspan", "colspan")
                    if (value := draw(_SPANS)) is not None
                )
                cells.append(f"<{tag}{attrs}>{draw(_TEXTS)}</{tag}>")
            rows.append("<tr>" + "".join(cells) + "</tr>")
        groups.append("<tbody>" + "".join(rows) + "</tbody>")
    return "<table>" + "".join(groups) + "</table>"


def _slot_shape(cells_shape: Hashable) -> Hashable:
    """The shape by slots that a shape by cells stands for: the cells placed
    by the table model, each cell's key (geometry and text class) on its
    slots, the first cell keeping a slot two of them span."""
    assert isinstance(cells_shape, tuple)
    tag, (starts, spanning), classes = cells_shape
    assert tag == "cells"
    spans = {n: (rowspan, colspan) for n, rowspan, colspan in spanning}
    rows: list[list[SlotKey | None]] = [[] for _ in range(len(starts) - 1)]
    for r in range(len(rows)):
        col = 0
        for n in range(starts[r], starts[r + 1]):
            while col < len(rows[r]) and rows[r][col] is not None:
                col += 1
            rowspan, colspan = spans.get(n, (1, 1))
            key = (r, col, rowspan, colspan, classes[n])
            for line in rows[r : r + rowspan]:
                line.extend([None] * (col + colspan - len(line)))
                for cc in range(col, col + colspan):
                    if line[cc] is None:
                        line[cc] = key
            col += colspan
    return tuple(tuple(line) for line in rows)


def _cells_shape(slot_shape: Hashable) -> Hashable:
    """The shape by cells that a shape by slots stands for: the keys at their
    own origin, row by row."""
    assert isinstance(slot_shape, tuple)
    starts = [0]
    origins: list[SlotKey] = []
    for r, line in enumerate(slot_shape):
        origins += [key for c, key in enumerate(line) if key is not None and key[:2] == (r, c)]
        starts.append(len(origins))
    spanning = tuple((n, key[2], key[3]) for n, key in enumerate(origins) if key[2:4] != (1, 1))
    return ("cells", (tuple(starts), spanning), tuple(key[4] for key in origins))


@given(_spanned_table())
def test_the_shape_expand_builds_says_what_the_shape_by_slots_says(html: str) -> None:
    # expand() makes the grid's shape from its cells as read (no key per
    # slot); the shape by slots worked out from the finished grid is the one
    # it stands for, and the other way round: either is a function of the other.
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    grid = expand(table, 0)
    assert grid.shape is not None
    by_slots = shape(Grid(grid.index, grid.rows))
    assert _slot_shape(grid.shape) == by_slots
    assert _cells_shape(by_slots) == grid.shape


@given(_spanned_table())
def test_a_grid_of_columns_reads_as_the_grid_of_its_rows(html: str) -> None:
    # expand() keeps the cells by field and makes a Cell or the rows when
    # asked: every accessor answers what a grid made from those rows answers.
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    grid = expand(table, 0)
    fresh = expand(table, 0)  # asked before its rows are made
    plain = Grid(0, grid.rows)
    assert fresh.width == plain.width
    assert list(fresh.cells()) == list(plain.cells())
    assert list(fresh.texts()) == list(plain.texts())
    for r, line in enumerate(plain.rows):
        for c in range(plain.width + 1):
            assert fresh.cell_at(r, c) == plain.cell_at(r, c)
            assert fresh.text_at(r, c) == plain.text_at(r, c)
            slot = line[c] if c < len(line) else None
            assert plain.cell_at(r, c) == (slot.cell if slot is not None else None)
    # What a placed cell's reading is remembered by: the text of an HTML
    # cell, the text and where it was printed for another importer's.
    places = [(r, c) for r, line in enumerate(plain.rows) for c, slot in enumerate(line) if slot]
    cells = [plain.cell_at(r, c) for r, c in places]
    assert fresh.printed(places) == [cell.text for cell in cells if cell]
    assert plain.printed(places) == [(cell.text, None, None, None) for cell in cells if cell]
    assert fresh == plain and hash(fresh) == hash(plain)


@given(_spanned_table(), st.data())
def test_the_texts_at_a_plans_places_are_read_once_per_layout(
    html: str, data: st.DataObject
) -> None:
    # Grid.printed reads a run of places (a plan's value cells) by one reader
    # made for the layout: the same reader for every table of that layout,
    # reading what the cells at those places print, in the order asked.
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    grid = expand(table, 0)
    plain = Grid(0, grid.rows)
    held = [(r, c) for r, line in enumerate(plain.rows) for c, slot in enumerate(line) if slot]
    places = tuple(data.draw(st.lists(st.sampled_from(held), max_size=6))) if held else ()
    again = expand(table, 1)  # another table of the layout
    assert grid._columns is not None and again._columns is not None
    reader = grid._columns.reader(places)
    assert again._columns.reader(places) is reader
    expected = [plain.text_at(r, c) for r, c in places]
    assert list(reader(list(again.texts()))) == expected
    assert grid.printed(places) == again.printed(places) == expected


def _table_model(html: str) -> list[list[Slot | None]]:
    """The HTML table model as the standard writes it, one cell at a time:
    every cell's attributes read, no quick path for plain rows or plain spans."""
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    rows = _rows(table)
    last_of_group = {group: i for i, (_, group) in enumerate(rows)}
    grid: list[list[Slot | None]] = [[] for _ in rows]
    for r, (tr, group) in enumerate(rows):
        col = 0
        for td in tr.iter():
            if td.tag not in ("td", "th"):
                continue
            while col < len(grid[r]) and grid[r][col] is not None:
                col += 1
            attributes = td.attributes
            left = last_of_group[group] - r + 1
            colspan = _span(attributes.get("colspan"), 1000, 1)
            rowspan = min(_span(attributes.get("rowspan"), 65534, left), left)
            cell = Cell(r, col, rowspan, colspan, td.text().strip(), td.tag == "th")
            for rr in range(r, r + rowspan):
                line = grid[rr]
                line.extend([None] * (col + colspan - len(line)))
                for cc in range(col, col + colspan):
                    if line[cc] is None:
                        line[cc] = Slot(cell, rr, cc)
            col += colspan
    return grid


@given(_spanned_table())
def test_expand_fills_the_slots_the_table_model_fills(html: str) -> None:
    # expand()'s quick paths (a row of plain cells filled left to right, the
    # usual span values looked up) give the grid of the plain model.
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    assert [list(row) for row in expand(table, 0).rows] == _table_model(html)
