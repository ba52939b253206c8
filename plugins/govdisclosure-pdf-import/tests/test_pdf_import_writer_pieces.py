"""Pages Writer prints without rules, read as several tables: nothing lost silently.

A pre-2019 form whose borders a page sets by CSS alone (玉溪 2017, 平潭
2011, as a portal's editor prints them: header cells as ``<td>``, no
classes or styles) is drawn by LibreOffice Writer with no rules, and the
PDF import reads it as several tables.  The statistics template is placed
on one of them; the rows of the others were said ``row-not-printed`` by
label alone (naming no cell) and the figures those tables print were named
by no problem.  Each such row now names its path and each figure of a
table not used is reported where it is printed: table, row and column,
page and box.

And a figure pasted as a one-cell table in its cell (``<td><table><tr>
<td>81</td></tr></table></td>``) is moved by Writer under the figure of
the cell before ("0" over "81", refused); the cell of its own, printed
empty, was left blank with no problem naming it.  It is now reported: one
of the figures above may be its, which one is not sure.

Each page is made into a PDF by Writer here (skipped, saying so, where
``soffice`` is not installed), as ``bench/office_pdf.py --only page`` does.
"""

from __future__ import annotations

import logging
import re
from decimal import Decimal
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.paths import json_path
from govdisclosure.testing.libreoffice import SOFFICE, convert
from govdisclosure_html import ImportResult, named_paths
from govdisclosure_pdf_import import import_pdf, pdf_document
from pdfimport_helpers import EXAMPLES

NO_SOFFICE = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed; `make system-deps` installs it"
)

HTML_DATA = Path(__file__).resolve().parents[2] / "govdisclosure-html" / "tests" / "data"
#: The pre-2019 forms printed with their borders set by CSS alone.
FORMS = ("yuxi-2017", "pingtan-2011")


def _as_a_portal_prints(page: str) -> str:
    """Our page as a portal's editor prints it: header cells as ``<td>``, no
    classes or styles (so no rule Writer would draw)."""
    page = re.sub(r"<(/?)th\b", r"<\1td", page)
    return re.sub(r'\s(?:scope|class|style)="[^"]*"', "", page)


def _pasted_81() -> str:
    """The 2023 page, styles dropped, its first "81" (table 3's 总计 of
    本年新收) pasted as a one-cell table in its cell."""
    page = (HTML_DATA / "2023_central-zhsyq_87885" / "page.html").read_text("utf-8")
    page = re.sub(r'\s(?:style|valign|class|width|height|align)="[^"]*"', "", page)
    page = re.sub(r"<p>|</p>|<span>|</span>", "", page)
    return page.replace("<td>81</td>", "<td><table><tr><td>81</td></tr></table></td>", 1)


def _nested_first_figure(page: str) -> str:
    """``page`` with its first figure pasted as a one-cell table in its cell:
    Writer then prints the form as pieces the reader does not join."""
    first = re.search(r"<td>([1-9]\d*)</td>", page)
    assert first is not None
    nested = f"<td><table><tr><td>{first.group(1)}</td></tr></table></td>"
    return page[: first.start()] + nested + page[first.end() :]


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each page opened by Writer and exported to PDF (one run)."""
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    folder = tmp_path_factory.mktemp("writer-pieces")
    pages = {
        name: _as_a_portal_prints(gd.render(gd.load(EXAMPLES / f"{name}.json"), "html").decode())
        for name in FORMS
    }
    pages["pasted-81"] = _pasted_81()
    pages["yuxi-2017-nested"] = _nested_first_figure(pages["yuxi-2017"])
    for name, html in pages.items():
        (folder / f"{name}.html").write_text(html, "utf-8")
    pdfs = convert(
        [folder / f"{name}.html" for name in pages],
        "pdf:writer_pdf_Export",
        folder / "pdf",
        infilter="HTML (StarWriter)",
    )
    return dict(zip(pages, pdfs, strict=True))


def _numbers(report: gd.Report) -> dict[tuple[str | int, ...], int | Decimal]:
    return {
        path: value
        for path, value in cells_by_path(report).items()
        if isinstance(value, int | Decimal) and not isinstance(value, bool)
    }


@NO_SOFFICE
@pytest.mark.parametrize("name", FORMS)
def test_every_cell_of_a_form_read_in_pieces_is_placed_or_named(
    written: dict[str, Path], name: str
) -> None:
    data = written[name].read_bytes()
    result = import_pdf(data, written[name].name)
    assert isinstance(result.report, gd.ReportLegacy)
    expected = _numbers(gd.load(EXAMPLES / f"{name}.json"))
    got = _numbers(result.report)
    assert {p: v for p, v in got.items() if expected.get(p) != v} == {}  # nothing invented
    missing = [path for path in expected if path not in got]
    named = named_paths(result.problems)
    assert [json_path(p) for p in missing if json_path(p) not in named] == []


@NO_SOFFICE
def test_pieces_in_the_same_columns_one_after_the_other_are_one_table(
    written: dict[str, Path],
) -> None:
    """平潭 2011's form, broken by Writer over two pages with its header
    printed again: two tables to the reader, the template placed on one and
    16 of 34 figures left out before.  Its figures stand in the same
    columns, the second table starts on the next page: one table, every
    figure placed, those of the piece joined placed with doubt (a relation
    they break is not blamed on the publisher)."""
    result = import_pdf(written["pingtan-2011"].read_bytes(), "pingtan-2011.pdf")
    assert isinstance(result.report, gd.ReportLegacy)
    assert _numbers(result.report) == _numbers(gd.load(EXAMPLES / "pingtan-2011.json"))
    (joined,) = [p for p in result.problems if p.code == "tables-joined"]
    assert joined.params["tables"] == "1、2"
    assert not {p.code for p in result.problems} & {"table-not-imported", "row-not-printed"}
    tables = {c.table for c in result.provenance.cells}
    assert tables == {0, 1}
    base = joined.table
    assert all(c.doubtful and c.note for c in result.provenance.cells if c.table != base)


@NO_SOFFICE
def test_the_form_set_by_writer_without_rules_is_read_whole(written: dict[str, Path]) -> None:
    """玉溪 2017's form through Writer: 12 of its 21 figures were left out
    (reported) before; Writer sets its three columns 4.8 points apart (a
    unit and its figure run together), its labels flush right and wrapped
    around their row's figure, its header again on every page.  Every
    figure is placed now, and none is invented."""
    result = import_pdf(written["yuxi-2017"].read_bytes(), "yuxi-2017.pdf")
    assert isinstance(result.report, gd.ReportLegacy)
    assert _numbers(result.report) == _numbers(gd.load(EXAMPLES / "yuxi-2017.json"))
    assert not {p.code for p in result.problems} & {"table-not-imported", "figure-not-imported"}


@NO_SOFFICE
def test_every_figure_of_a_piece_not_used_is_reported_with_its_page_and_box(
    written: dict[str, Path],
) -> None:
    """玉溪 2017's form read as pieces, some of which are not joined (its
    first figure pasted as a one-cell table, which Writer prints as a table
    of its own): each of their figures is reported where printed."""
    name = "yuxi-2017-nested"
    data = written[name].read_bytes()
    result = import_pdf(data, written[name].name)
    document = pdf_document(data, written[name].name)
    assert not isinstance(document, ImportResult)
    not_used = {p.table for p in result.problems if p.code == "table-not-imported"}
    printed = {
        (grid.index, cell.row, cell.col): cell
        for grid in document.grids
        if grid.index in not_used
        for cell in grid.cells()
        if re.fullmatch(r"\d+", cell.text.split()[-1] if cell.text.split() else "")
    }
    assert printed  # the pieces not used print figures: the case tested
    reported = {
        (p.table, p.row, p.col): p for p in result.problems if p.code == "figure-not-imported"
    }
    assert set(reported) == set(printed)
    for at, cell in printed.items():
        problem = reported[at]
        assert problem.params["text"] == cell.text
        assert (problem.page, problem.bbox) == (cell.page, cell.bbox)
        assert problem.page is not None and problem.bbox is not None


@NO_SOFFICE
def test_a_cell_printed_empty_beside_figures_on_two_lines_is_reported(
    written: dict[str, Path],
) -> None:
    result = import_pdf(written["pasted-81"].read_bytes(), "pasted-81.pdf")
    assert isinstance(result.report, gd.Report2021)
    total = result.report.table3.new_applications.total
    assert total is None  # which figure is its own is not sure: none placed
    (problem,) = [
        p for p in result.problems if p.path == json_path(("table3", "new_applications", "total"))
    ]
    assert problem.code == "cell-not-placed"
    assert "81" in problem.params["text"]
