"""A pre-2019 statistics table printed as two tables: nothing lost silently.

The statistics template is placed on one table of the page.  When the form
is printed as two tables that are not one table continued (the second
repeats the header row, text stands between them), the rows of the other
table were said ``row-not-printed`` by label alone, naming no cell, and the
figures that table prints were named by no problem at all.  Now each such
row names its path (so its cells are counted as reported:
:func:`govdisclosure_html.named_paths`), and each figure of a table the
import did not use is reported where it is printed (``figure-not-imported``:
table, row, column), as on a page of the official tables.
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.paths import json_path
from govdisclosure_html import import_html, named_paths, outcome

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"


def _split_page() -> tuple[bytes, list[str]]:
    """玉溪 2017 rendered, its one table cut before 三、依申请公开情况 into two
    tables, the second with the header row again and a line of text
    between; and the figures the first one prints, in order."""
    report = gd.load(EXAMPLES / "yuxi-2017.json")
    page = gd.render(report, "html").decode()
    (table,) = re.findall(r"<table.*?</table>", page, re.S)
    rows = re.findall(r"<tr.*?</tr>", table, re.S)
    cut = next(i for i, row in enumerate(rows) if "三、依申请公开情况" in row)
    head = table[: table.index(rows[0])]
    first = head + "".join(rows[:cut]) + "</table>"
    second = head + rows[0] + "".join(rows[cut:]) + "</table>"
    split = page.replace(table, f"{first}<p>（表格较长，分两部分刊载）</p>{second}")
    figures = [figure for row in rows[1:cut] for figure in re.findall(r"<td>(\d+)</td>", row)]
    return split.encode(), figures


def _numbers(report: gd.Report) -> dict[tuple[str | int, ...], int | Decimal]:
    return {
        path: value
        for path, value in cells_by_path(report).items()
        if isinstance(value, int | Decimal) and not isinstance(value, bool)
    }


def test_rows_of_the_table_not_used_name_every_cell_left_blank() -> None:
    page, _ = _split_page()
    result = import_html(page, "page.html")
    assert isinstance(result.report, gd.ReportLegacy)
    expected = _numbers(gd.load(EXAMPLES / "yuxi-2017.json"))
    got = _numbers(result.report)
    missing = [path for path in expected if path not in got]
    assert missing  # the first table's figures are not placed: the case tested
    assert all(got[path] == expected[path] for path in expected if path in got)
    named = named_paths(result.problems)
    assert [json_path(path) for path in missing if json_path(path) not in named] == []
    rows = [p for p in result.problems if p.code == "row-not-printed"]
    assert rows and all(p.path and p.path.startswith("$.statistics.rows") for p in rows)


def test_every_figure_of_the_table_not_used_is_reported_where_it_is_printed() -> None:
    page, figures = _split_page()
    result = import_html(page, "page.html")
    (not_used,) = [p.table for p in result.problems if p.code == "table-not-imported"]
    reported = [p for p in result.problems if p.code == "figure-not-imported"]
    assert [p.params["text"] for p in reported] == figures
    assert all(p.table == not_used and p.row is not None and p.col is not None for p in reported)
    # Its row's words, so a reader finds it in the table.
    first = reported[0].message("en")
    assert "主动公开政府信息数" in first and "table 1" in first


def test_the_import_of_a_form_with_figures_left_out_is_partial() -> None:
    """``govdisclosure import`` says "partly imported" and counts the
    figures left out, as it does for cells not placed in an official table."""
    page, figures = _split_page()
    result = import_html(page, "page.html")
    found = outcome(result, "en")
    assert not found.complete
    assert found.cells_not_placed >= len(figures)
