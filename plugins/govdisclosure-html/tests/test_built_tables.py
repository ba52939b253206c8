"""Tables a page builds without ``<table>`` (``govdisclosure_html.divgrid``).

The real 2023 page's three tables printed as content systems print them
when they do not use ``<table>``: ``<div>`` rows of ``<div>`` cells
(styled ``display:table-row``/``table-cell`` inline, or only by class
names), ARIA rows and cells, list items of ``<span>`` cells or of a list.
Where the markup states a merged cell's span (``colspan``/``rowspan`` or
their ``data-`` forms on a ``<div>``) the grid keeps one origin over the
slots; where it repeats a merged cell's text in every slot, each slot is
read as printed (a repeated figure is read once and its copies reported).
Markup that is no grid (rows of unequal cells, a list of text lines)
stays reported, nothing guessed.  Before ``divgrid`` every variant here
gave ``no-table`` / ``table-missing`` (the round-three probe).
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult
from test_other_portals import EXPECTED, PAGE, T2, T3, T4, _codes, _same
from test_other_portals_round3 import _matrix

#: A printed cell: text, rowspan, colspan.
Printed = tuple[str, int, int]

_CELL = re.compile(r"<t[dh]([^>]*)>(.*?)</t[dh]>", re.S)


def _span(attrs: str, name: str) -> int:
    found = re.search(rf'{name}="(\d+)"', attrs)
    return int(found.group(1)) if found else 1


def _cells(table: str) -> list[list[Printed]]:
    """A table's rows as printed: each cell once, with its spans."""
    return [
        [
            (re.sub(r"<br/?>", "", text).strip(), _span(attrs, "rowspan"), _span(attrs, "colspan"))
            for attrs, text in _CELL.findall(row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", table, re.S)
    ]


def _spans(cell: Printed, prefix: str = "") -> str:
    _, down, across = cell
    return (f' {prefix}rowspan="{down}"' if down > 1 else "") + (
        f' {prefix}colspan="{across}"' if across > 1 else ""
    )


def _styled(table: str) -> str:
    """Inline CSS table, a merged cell's text in every slot (the round-three variant)."""
    return (
        "<div style='display:table'>"
        + "".join(
            "<div style='display:table-row'>"
            + "".join(f"<div style='display:table-cell'>{text}</div>" for text in row)
            + "</div>"
            for row in _matrix(table)
        )
        + "</div>"
    )


def _classed(table: str, prefix: str = "") -> str:
    """Rows and cells named by class only, merged cells stating their spans."""
    return (
        '<div class="tbl">'
        + "".join(
            '<div class="tr">'
            + "".join(f'<div class="td"{_spans(c, prefix)}>{c[0]}</div>' for c in row)
            + "</div>"
            for row in _cells(table)
        )
        + "</div>"
    )


def _aria(table: str) -> str:
    return (
        '<div role="table">'
        + "".join(
            '<div role="row">'
            + "".join(f'<span role="cell"{_spans(c)}>{c[0]}</span>' for c in row)
            + "</div>"
            for row in _cells(table)
        )
        + "</div>"
    )


def _list_of_spans(table: str) -> str:
    return (
        "<ul>"
        + "".join(
            "<li>" + "".join(f"<span{_spans(c, 'data-')}>{c[0]}</span>" for c in row) + "</li>"
            for row in _cells(table)
        )
        + "</ul>"
    )


def _list_of_lists(table: str) -> str:
    return (
        "<ol>"
        + "".join(
            "<li><ul>" + "".join(f"<li{_spans(c)}>{c[0]}</li>" for c in row) + "</ul></li>"
            for row in _cells(table)
        )
        + "</ol>"
    )


def _import(text: str) -> ImportResult:
    return import_html(text.encode(), "variant.html")


def _printed(text: str, tables: tuple[str, ...], build: Callable[[str], str]) -> str:
    for table in tables:
        text = text.replace(table, build(table))
    return text


EVERY = (T2, T3, T4)


@pytest.mark.parametrize(
    "build",
    [_classed, lambda t: _classed(t, "data-"), _aria, _list_of_spans, _list_of_lists],
    ids=["div-classes", "div-data-spans", "aria-roles", "list-of-spans", "list-of-lists"],
)
@pytest.mark.parametrize("tables", [(T3,), EVERY], ids=["table-3", "every-table"])
def test_a_built_table_stating_its_spans_reads_as_the_table(
    build: Callable[[str], str], tables: tuple[str, ...]
) -> None:
    # Before: no-table (every table) / table-missing (table 3), 25 or 0 of
    # 200 figures.  Now the page as published, merged cells as one origin.
    result = _same(_printed(PAGE, tables, build))
    assert not _codes(result)
    licensing = next(c for c in result.provenance.cells if c.path == "$.table2.licensing")
    assert licensing.text == "2629"
    if T2 in tables:
        assert licensing.colspan == 3  # the origin over the three columns it covers


@pytest.mark.parametrize("tables", [(T3,), (T3, T4)], ids=["table-3", "tables-3-4"])
def test_a_css_table_repeating_merged_text_reads_as_the_table(tables: tuple[str, ...]) -> None:
    # display:table with a merged label's text in each slot it covers (the
    # round-three variant; table 3's and 4's figures are never merged).
    _same(_printed(PAGE, tables, _styled))


def test_a_css_table_repeating_a_merged_figure_reads_it_once() -> None:
    # Table 2's figures span three columns: printed in each, the first copy
    # is placed and the copies are reported, never added or invented.
    result = _import(_printed(PAGE, EVERY, _styled))
    assert isinstance(result.report, gd.Report2021)
    assert cells_by_path(result.report) == EXPECTED
    unplaced = [p.params["text"] for p in result.problems if p.code == "cell-not-placed"]
    assert sorted(unplaced) == sorted(["2629", "1330", "54", "5949.088667"] * 2)


def _unequal(table: str) -> str:
    """Merged cells printed once with no span stated: rows of unequal cells."""
    return (
        "<div>"
        + "".join(
            "<div>" + "".join(f"<div>{c[0]}</div>" for c in row) + "</div>" for row in _cells(table)
        )
        + "</div>"
    )


@pytest.mark.parametrize(
    "build",
    [
        _unequal,
        lambda t: "<ul>" + "".join(f"<li>{'　'.join(row)}</li>" for row in _matrix(t)) + "</ul>",
        lambda t: (
            "<div>"
            + "".join(
                "<div>" + row[0] + "".join(f"<span>{x}</span>" for x in row[1:]) + "</div>"
                for row in _matrix(t)
            )
            + "</div>"
        ),
    ],
    ids=["unequal-rows", "list-of-lines", "text-between-cells"],
)
def test_markup_that_is_no_grid_stays_reported(build: Callable[[str], str]) -> None:
    # Which slot a cell of a row of unequal cells stands in is not printed:
    # nothing is read from it, its figures are reported missing.
    result = _import(_printed(PAGE, (T3,), build))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert "table-missing" in _codes(result)
    assert {k for k in EXPECTED if got[k] != EXPECTED[k]} == {
        k for k in EXPECTED if k[0] == "table3" and EXPECTED[k] is not None
    }
    assert all(got[k] is None for k in EXPECTED if k[0] == "table3")


@pytest.mark.parametrize("hide", ['style="display:none"', 'style="visibility:hidden"', "hidden"])
def test_a_hidden_row_of_a_built_table_is_not_read(hide: str) -> None:
    # A hidden old copy of row 四 (other figures) above the real one.
    built = _classed(T3)
    row = re.search(r'<div class="tr"><div class="td"[^>]*>四、.*?</div></div>', built)
    assert row is not None
    copy = re.sub(r">\d+<", ">7<", row.group(0)).replace('class="tr"', f'class="tr" {hide}', 1)
    _same(PAGE.replace(T3, built.replace(row.group(0), copy + row.group(0))))


@pytest.mark.parametrize("rule", ["display:none", "visibility:hidden"])
def test_a_row_of_a_built_table_hidden_by_the_style_sheet_is_not_read(rule: str) -> None:
    # The same old copy of row 四, hidden by a rule of the page's <style>.
    built = _classed(T3)
    row = re.search(r'<div class="tr"><div class="td"[^>]*>四、.*?</div></div>', built)
    assert row is not None
    copy = re.sub(r">\d+<", ">7<", row.group(0)).replace('class="tr"', 'class="tr" id="old"', 1)
    page = PAGE.replace(T3, built.replace(row.group(0), copy + row.group(0)))
    _same(page.replace("</head>", f"<style>#old {{ {rule} }}</style></head>", 1))


def test_a_footnote_mark_in_a_built_table_is_no_digit() -> None:
    built = _classed(T3).replace(
        '<div class="td">81</div>', '<div class="td">81<sup>1</sup></div>', 1
    )
    result = _import(PAGE.replace(T3, built))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert {k for k in EXPECTED if got[k] != EXPECTED[k]} == {
        ("table3", "new_applications", "total")
    }
    assert [p.params["text"] for p in result.problems if p.code == "cell-unreadable"] == ["81¹"]


def test_two_built_tables_in_one_wrapper_are_two_tables() -> None:
    # A wrapper around two <div> tables of as many rows is no grid of their
    # rows: before the check, table 4 printed twice in one <div> was read as
    # a 2 × 3 grid of whole rows and table 4 went missing (185 of 200).
    result = _import(PAGE.replace(T4, "<div>" + _classed(T4) + _classed(T4) + "</div>"))
    assert isinstance(result.report, gd.Report2021)
    assert cells_by_path(result.report) == EXPECTED
    # The copy, read once; each of its figures named where it is printed.
    assert _codes(result) == {"table-not-imported", "figure-not-imported"}
    figures = [p for p in result.problems if p.code == "figure-not-imported"]
    (copy,) = {p.table for p in result.problems if p.code == "table-not-imported"}
    assert figures and all(p.table == copy and p.row is not None for p in figures)


def _narrative_then_tables(build: Callable[[str], str]) -> str:
    """The 2023 page with no article nor content container: its text in one
    ``<div>``, its tables (built by ``build``) after it."""
    article = PAGE[PAGE.index("<body") : PAGE.rindex("</body>")]
    article = re.sub(
        r"\s(?:id|class)=(?:\"[^\"]*\"|[^\s>]+)", "", article[article.index(">") + 1 :]
    )
    for table in EVERY:
        article = article.replace(table, "")
    return (
        "<html><head><meta charset='utf-8'><title>年报</title></head><body><div class='main'>"
        f"<div>{article}</div>{''.join(build(t) for t in EVERY)}</div></body></html>"
    )


@pytest.mark.parametrize(
    "build", [_classed, _aria, _list_of_spans], ids=["div-classes", "aria-roles", "list-of-spans"]
)
def test_a_body_found_by_text_density_keeps_the_built_tables_beside_the_text(
    build: Callable[[str], str],
) -> None:
    # The text's <div> holds all the paragraphs; a built table's cells are
    # none.  Before: the body was that <div>, the tables left out, no-table
    # (a list's items count as paragraphs: list-of-spans was read).
    result = _same(_narrative_then_tables(build))
    assert result.provenance.body_found_by == "density"


def test_a_body_found_by_text_density_of_a_page_with_a_table_as_before() -> None:
    result = _same(_narrative_then_tables(lambda table: table))
    assert result.provenance.body_found_by == "density"
