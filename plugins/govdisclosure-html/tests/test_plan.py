"""Placement plans replayed on grids of their shape give what placing them anew gives."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

from govdisclosure_html.grid import Grid, expand
from govdisclosure_html.match import clear_memo
from govdisclosure_html.plan import GridPlan, grid_plan, shape
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


_SPANS = st.sampled_from([None, "0", "1", "2", "3", " 2 ", "x"])
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


@given(_spanned_table())
def test_the_shape_expand_builds_is_the_shape_of_its_grid(html: str) -> None:
    # expand() sets every slot's shape key beside the slot; the grid's shape
    # worked out afterwards from its slots is the same value.
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    grid = expand(table, 0)
    assert grid.shape is not None
    assert grid.shape == shape(Grid(grid.index, grid.rows))
