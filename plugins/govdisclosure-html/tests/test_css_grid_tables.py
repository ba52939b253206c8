"""Tables laid out with CSS grid (``govdisclosure_html.cssgrid``).

A ``<div style="display:grid; grid-template-columns: repeat(10, 1fr)">``
whose children are the cells: the rows are where the style's column count
ends them.  The real 2023 page's tables so printed read as the table when
the inline style states the count (``repeat(N, …)`` or N tracks) and the
cells flow into the rows, a merged cell over its columns by
``grid-column: span N``; a grid whose rows the style does not state surely
(``auto-fill``, a style sheet's class, a cell placed by lines, a cell too
wide for its row) is not read, and its figures are reported missing, as
before ``cssgrid`` every grid was (``table-missing``).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html.cssgrid import track_count
from test_built_tables import EVERY, _cells, _classed, _import, _printed
from test_other_portals import EXPECTED, PAGE, T2, T3, T4, _codes, _same
from test_other_portals_round3 import _matrix


def _grid(columns: str, cells: list[str], container: str = "") -> str:
    return (
        f'<div style="display:grid; grid-template-columns: {columns};{container}">'
        + "".join(cells)
        + "</div>"
    )


def _every_slot(columns: Callable[[int], str]) -> Callable[[str], str]:
    """The table as a CSS grid, a merged cell's text in each slot it covers."""

    def build(table: str) -> str:
        rows = _matrix(table)
        return _grid(columns(len(rows[0])), [f"<div>{t}</div>" for row in rows for t in row])

    return build


def _row_wrappers(table: str) -> str:
    """Each row a ``display:contents`` wrapper of its cells."""
    rows = _matrix(table)
    return _grid(
        f"repeat({len(rows[0])}, auto)",
        [
            '<div style="display:contents">' + "".join(f"<span>{t}</span>" for t in row) + "</div>"
            for row in rows
        ],
    )


def _spanning(table: str) -> str:
    """Table 2 (no cell spans rows) with its merged cells over their columns."""
    rows = _cells(table)
    width = sum(c[2] for c in rows[0])
    return _grid(
        f"repeat({width}, minmax(0, 1fr))",
        [
            f'<div style="grid-column: span {across}">{text}</div>'
            if across > 1
            else f"<div>{text}</div>"
            for row in rows
            for text, _, across in row
        ],
    )


@pytest.mark.parametrize(
    "build",
    [
        _every_slot(lambda n: f"repeat({n}, 1fr)"),
        _every_slot(lambda n: f"[label] 12em repeat({n - 1}, minmax(0, 1fr)) [end]"),
        _every_slot(lambda n: " ".join(["auto"] * n)),
        _row_wrappers,
    ],
    ids=["repeat", "tracks-and-repeat", "n-tracks", "contents-rows"],
)
@pytest.mark.parametrize("tables", [(T3,), (T3, T4)], ids=["table-3", "tables-3-4"])
def test_a_css_grid_stating_its_columns_reads_as_the_table(
    build: Callable[[str], str], tables: tuple[str, ...]
) -> None:
    # Before: table-missing, table 3's (and 4's) figures not read.
    _same(_printed(PAGE, tables, build))


def test_a_css_grid_cell_spanning_columns_is_one_origin() -> None:
    result = _same(_printed(PAGE, EVERY, lambda t: _spanning(t) if t == T2 else t))
    assert not _codes(result)
    licensing = next(c for c in result.provenance.cells if c.path == "$.table2.licensing")
    assert (licensing.text, licensing.colspan) == ("2629", 3)


def test_a_grid_of_one_column_around_rows_of_cells_reads_its_rows() -> None:
    # No columns stated: the rows stack as blocks do, each a row of cells.
    def build(table: str) -> str:
        built = _classed(table)
        return built.replace('<div class="tbl">', '<div class="tbl" style="display:grid">', 1)

    _same(_printed(PAGE, EVERY, build))


def test_a_cell_of_a_css_grid_hidden_by_display_takes_no_slot() -> None:
    # An old figure beside the first one, display:none: out of the grid's flow.
    def build(table: str) -> str:
        rows = _matrix(table)
        cells = [f"<div>{t}</div>" for row in rows for t in row]
        first = next(i for i, c in enumerate(cells) if c == "<div>81</div>")
        cells.insert(first, '<div style="display:none">7</div>')
        return _grid(f"repeat({len(rows[0])}, 1fr)", cells)

    _same(_printed(PAGE, (T3,), build))


def _unsure(table: str, columns: str, first_cell: str = "<div>", container: str = "") -> str:
    rows = _matrix(table)
    cells = [f"<div>{t}</div>" for row in rows for t in row]
    cells[0] = cells[0].replace("<div>", first_cell, 1)
    return _grid(columns.format(n=len(rows[0])), cells, container)


@pytest.mark.parametrize(
    "build",
    [
        lambda t: _unsure(t, "repeat(auto-fill, minmax(80px, 1fr))"),
        lambda t: _unsure(t, "var(--columns)"),
        lambda t: _unsure(t, "repeat({n}, 1fr)", container=" grid-auto-flow: column"),
        # The last display wins: no grid, and cells with no rows are no table.
        lambda t: _unsure(t, "repeat({n}, 1fr)", container=" display: block"),
        lambda t: _unsure(t, "repeat({n}, 1fr)", container=" grid-template-areas: 'a b'"),
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div style="grid-column: 2 / 4">'),
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div style="grid-row: span 2">'),
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div style="order: 2">'),
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div colspan="2">'),
        # Its slot kept, empty: which cell is in which slot is as printed, yet
        # the hidden text is not the cell's: not read rather than half read.
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div style="visibility:hidden">'),
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div style="position:absolute">'),
        # Spanning the last two columns and one more: moved to the next row, a hole left.
        lambda t: _unsure(t, "repeat({n}, 1fr)", '<div style="grid-column: span 11">'),
        lambda t: (
            '<div class="grid">'
            + "".join(f"<div>{x}</div>" for r in _matrix(t) for x in r)
            + "</div>"
        ),
    ],
    ids=[
        "auto-fill",
        "var",
        "column-flow",
        "display-overridden",
        "template-areas",
        "placed-by-lines",
        "row-span",
        "order",
        "colspan-attribute",
        "visibility-hidden",
        "out-of-flow",
        "span-wider-than-grid",
        "class-only",
    ],
)
def test_a_grid_whose_rows_are_not_stated_surely_stays_reported(
    build: Callable[[str], str],
) -> None:
    # Nothing read from it, its figures reported missing as before.
    result = _import(_printed(PAGE, (T3,), build))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert "table-missing" in _codes(result)
    assert all(got[k] is None for k in EXPECTED if k[0] == "table3")
    assert {k: got[k] for k in EXPECTED if k[0] != "table3"} == {
        k: v for k, v in EXPECTED.items() if k[0] != "table3"
    }


def test_a_last_row_short_of_cells_is_no_table() -> None:
    rows = _matrix(T3)
    cells = [f"<div>{t}</div>" for row in rows for t in row][:-1]
    result = _import(PAGE.replace(T3, _grid(f"repeat({len(rows[0])}, 1fr)", cells)))
    assert "table-missing" in _codes(result)


@pytest.mark.parametrize(
    ("value", "count"),
    [
        ("repeat(7, 1fr)", 7),
        ("120px repeat(2, 1fr 2fr) auto", 6),
        ("[a] minmax(0, 1fr) [b c] fit-content(40%) [d]", 2),
        ("calc(100% - 2em) .5fr 10%", 3),
        ("repeat(auto-fit, 100px)", None),
        ("subgrid", None),
        ("none", None),
        ("repeat(2, var(--w))", None),
        ("1fr, 2fr", None),
        ("repeat(0, 1fr)", None),
        ("minmax(0, 1fr", None),
        ("minmax(0, 1fr)2fr", None),
        ("repeat(5000, 1fr)", None),
        ("", None),
    ],
)
def test_the_columns_a_track_list_states(value: str, count: int | None) -> None:
    assert track_count(value) == count
