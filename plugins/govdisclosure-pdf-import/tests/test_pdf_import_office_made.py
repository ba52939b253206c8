"""PDFs as offices make them: LibreOffice's exports, beyond the six examples.

``test_pdf_import_word_exported.py`` exports the examples' Word renderings.
Here the same route takes generated reports of each edition (seeded draws
of :func:`govdisclosure.testing.strategies.consistent_reports`, blanks and
not-applicable marks included) and a report whose figures are too wide for
their column; and the portal pages the browser tests print
(:mod:`printed_portals`) are opened by LibreOffice Writer and exported to
PDF, as an office saves a page it was sent.  ``bench/office_pdf.py`` scores
every file of both routes (the figures in ``docs/import.md``).

Found this way and fixed: a figure wider than its cell, which the office
suite breaks over two lines ("17699" over "2"), was refused as two texts
(``cell-unreadable``), the relations of its table left unchecked; and a
footnote mark Writer prints smaller and raised after a figure (a page's
``81<sup>1</sup>``) was read as a digit of it (811, invented).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import attrs
import pdfplumber
import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.testing.libreoffice import SOFFICE, convert
from govdisclosure.testing.strategies import (
    consistent_reports,
    seeded_draws,
    without_printed_labels,
)
from govdisclosure_html.text import read_number
from govdisclosure_pdf_import import import_pdf
from govdisclosure_pdf_import.layout import _wrapped_figure, line_groups, struck_through, text_of
from govdisclosure_pdf_import.textgrid import segments, text_tables
from pdfimport_helpers import EXAMPLES
from printed_portals import Page, all_pages, compare

NO_SOFFICE = pytest.mark.skipif(
    SOFFICE is None, reason="LibreOffice is not installed; `make system-deps` installs it"
)

#: Generated reports per edition: (edition, options of consistent_reports).
EDITIONS: dict[str, tuple[str, dict[str, Any]]] = {
    "2021": ("2021", {"blanks": True}),
    "2021-single": ("2021", {"blanks": True, "single_other_handling": True}),
    "2019": ("2019", {"blanks": True}),
    "legacy": ("legacy", {"blanks": True}),
}
PER_EDITION = 2


def _drawn(edition: str, options: dict[str, Any]) -> list[gd.Report]:
    """``PER_EDITION`` reports of ``edition``, the same on every run; row
    labels as the format prints them (a label drawn as arbitrary text is not
    found again on any route, our own PDF's included)."""
    drawn = seeded_draws(consistent_reports(edition, **options), PER_EDITION, at=2024)
    return [without_printed_labels(report) for report in drawn]


def _wide() -> gd.Report:
    """淮安 2024 with table 3's first two rows given six-digit figures: wider
    than the column our Word file gives them."""
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    t3 = report.table3
    new = attrs.evolve(t3.new_applications, natural_person=176_874, total=176_992)
    results = t3.results
    total = attrs.evolve(results.total, natural_person=176_756, total=176_923)
    t3 = attrs.evolve(t3, new_applications=new, results=attrs.evolve(results, total=total))
    return attrs.evolve(report, table3=t3)


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[gd.Report, Path]]:
    """Every report rendered to Word and exported to PDF in one LibreOffice run."""
    folder = tmp_path_factory.mktemp("office-made")
    reports = {"wide": _wide()}
    for name, (edition, options) in EDITIONS.items():
        for i, report in enumerate(_drawn(edition, options)):
            reports[f"{name}-{i}"] = report
    for name, report in reports.items():
        (folder / f"{name}.docx").write_bytes(gd.render(report, "docx"))
    pdfs = convert([folder / f"{name}.docx" for name in reports], "pdf", folder)
    return {name: (reports[name], pdf) for name, pdf in zip(reports, pdfs, strict=True)}


@NO_SOFFICE
def test_a_figure_the_office_suite_breaks_over_two_lines_is_one_figure(
    exported: dict[str, tuple[gd.Report, Path]],
) -> None:
    expected, pdf = exported["wide"]
    with pdfplumber.open(pdf) as document:
        words = {w["text"] for page in document.pages for w in page.extract_words()}
    # The file prints them broken: the test is of what it means to test.
    assert not {"176874", "176992", "176756", "176923"} & words
    report, provenance, problems = import_pdf(pdf.read_bytes(), pdf.name)
    assert report is not None
    assert not {p.code for p in problems} & {"cell-unreadable", "cell-not-placed", "cell-missing"}
    assert cells_by_path(report) == cells_by_path(expected)
    texts = {c.text for c in provenance.cells}
    assert {"176874", "176992", "176756", "176923"} <= texts


@NO_SOFFICE
@pytest.mark.parametrize("name", [f"{name}-{i}" for name in EDITIONS for i in range(PER_EDITION)])
def test_a_generated_report_exported_by_an_office_suite_imports_every_figure(
    exported: dict[str, tuple[gd.Report, Path]], name: str
) -> None:
    expected, pdf = exported[name]
    report, _, problems = import_pdf(pdf.read_bytes(), pdf.name)
    assert report is not None, [p.message("en") for p in problems]
    assert edition_of(report).id == edition_of(expected).id
    assert cells_by_path(report) == cells_by_path(expected)
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-unreadable", "cell-missing", "doubtful-mapping"}


def _char(text: str, x0: float, top: float, width: float = 5.2) -> dict[str, Any]:
    return {
        "text": text,
        "x0": x0,
        "x1": x0 + width,
        "top": top,
        "bottom": top + 10.5,
        "size": 10.5,
    }


def test_a_figure_ending_short_of_its_cell_is_not_run_on() -> None:
    """Two lines of digits, the first ending where the next digit still fits:
    two figures typed so (refused as before), never one."""
    box = (490.2, 226.1, 521.6, 250.8)
    wrapped = [
        *(_char(d, 493.7 + 5 * i, 225.6) for i, d in enumerate("17699")),
        _char("2", 513.4, 237.7),
    ]
    assert _wrapped_figure(wrapped, box) == "176992"
    short = [
        *(_char(d, 493.7 + 5 * i, 225.6) for i, d in enumerate("80")),
        _char("8", 493.7, 237.7),
    ]
    assert _wrapped_figure(short, box) is None
    worded = [
        *(_char(d, 493.7 + 5 * i, 225.6) for i, d in enumerate("1769件")),
        _char("2", 513.4, 237.7),
    ]
    assert _wrapped_figure(worded, box) is None


#: Pages Writer makes into a PDF the import reads short, each with the
#: figures it leaves blank (all reported) and why.
SHORT = {
    # The page's one table is drawn by Writer with no rules and its side
    # column beside it: the 行政复议数/诉讼数/申诉数 heads run together on one
    # line, a row of no template (reported), so their three figures are not placed.
    "2009_gaj-gonganju_80645": 3,
    # Round twelve's spreadsheets saved as web pages: their borders are in the
    # style block's classes, which Writer's HTML filter does not apply, so the
    # tables print with no rules and their labels wrapped over many lines; read
    # by position, their rows are not found surely and nothing is placed by
    # guess (every figure not placed is reported).  Chromium prints their rules.
    "kmwh.gov.cn": 179,
    "66889r.com": 178,
}


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Page, Path]]:
    """Every page of :mod:`printed_portals` opened by Writer and exported to PDF (one run)."""
    folder = tmp_path_factory.mktemp("writer-pdf")
    pages = all_pages()
    for page in pages:
        (folder / f"{page.name}.html").write_bytes(page.html)
    pdfs = convert(
        [folder / f"{page.name}.html" for page in pages],
        "pdf:writer_pdf_Export",
        folder / "pdf",
        infilter="HTML (StarWriter)",
    )
    return {page.name: (page, pdf) for page, pdf in zip(pages, pdfs, strict=True)}


@NO_SOFFICE
def test_portal_pages_exported_to_pdf_by_writer(written: dict[str, tuple[Page, Path]]) -> None:
    logging.getLogger("pdfminer").setLevel(logging.ERROR)
    wrong = []
    for name, (page, pdf) in written.items():
        result = import_pdf(pdf.read_bytes(), pdf.name, derive_templates=page.derive_templates)
        found = compare(page, result)
        if (
            found.invented
            or found.unreported
            or found.edition != found.edition_wanted
            or found.printed - found.exact != SHORT.get(name, 0)
        ):
            wrong.append(f"{name}: {found.line}")
    assert not wrong, wrong


def test_a_raised_smaller_digit_after_a_figure_is_a_mark_not_a_digit() -> None:
    """LibreOffice Writer prints a page's ``81<sup>1</sup>`` as "81" and a
    "1" set smaller and raised on the same line: read as 811 before (a figure
    nobody printed).  The mark is read as the superscript it is, so the cell
    is refused; a smaller digit on the line's baseline stays a digit."""
    # As Writer set them: the figure at 12 pt, the mark at 9.6 pt, 4.5 pt higher.
    figure = [
        {**_char(d, x, 746.8, 6.0), "size": 12.0, "bottom": 758.8}
        for d, x in (("8", 539.7), ("1", 545.7))
    ]
    raised = {**_char("1", 551.7, 744.7, 4.8), "size": 9.6, "bottom": 754.3}
    assert text_of([*figure, raised]) == "81¹"
    assert read_number(text_of([*figure, raised])).unreadable
    level = {**_char("1", 551.7, 749.2, 4.8), "size": 9.6, "bottom": 758.8}
    assert text_of([*figure, level]) == "811"


def test_a_digit_a_drawn_line_crosses_at_its_middle_is_struck() -> None:
    """LibreOffice Writer prints a page's ``<strike>80</strike>81`` as "8081"
    and a line drawn through the "80" (0.7 pt, 3.4 pt above the box's foot):
    read as 8081 before, a figure nobody printed.  The crossed digits are
    written struck, so the cell is refused (``cell-unreadable``); a line on
    the baseline or under it (an underline), or a table's rule above the
    text, strikes nothing."""
    figure = [
        {**_char(d, 539.7 + 6 * i, 745.7, 6.0), "size": 12.0, "bottom": 757.7}
        for i, d in enumerate("8081")
    ]
    through = {"x0": 539.7, "x1": 551.7, "top": 754.3, "bottom": 754.3}
    text = text_of(struck_through(figure, [through]))
    assert text == "8̶0̶81"
    assert read_number(text).unreadable
    under = {**through, "top": 757.2, "bottom": 757.2}
    rule = {"x0": 56.35, "x1": 567.4, "top": 743.35, "bottom": 743.35}
    assert text_of(struck_through(figure, [under, rule])) == "8081"


def test_two_figures_closer_than_a_character_are_two_figures() -> None:
    """A table Writer sets without rules (its borders set by CSS alone) may
    print two columns' figures closer than a character: 上海 2019's "1"
    (其他) and "805" (总计), 8.5 pt apart at 16 pt, were one segment "1 805"
    read as 1805 (invented).  Digits farther apart than a space are two
    figures; a thousands gap (a space) keeps one."""
    size = 16.0

    def digits(text: str, x0: float, gap: float = 0.0) -> list[dict[str, Any]]:
        return [
            {**_char(d, x0 + 10.2 * i, 366.2, 10.2), "size": size, "bottom": 382.2}
            for i, d in enumerate(text)
        ]

    apart = [*digits("1", 541.6), *digits("805", 560.3)]
    assert [s.text for s in segments(apart)] == ["1", "805"]
    grouped = [*digits("1", 541.6), *digits("805", 551.8 + 4.0)]
    assert [s.text for s in segments(grouped)] == ["1 805"]


#: 玉溪 2017's table 3 as Writer prints the page when its borders are set by
#: CSS alone: no rules, each line's texts (text, x0, x1, top), at 16 pt.
_YUXI_LINES = [
    [("统计指标 单位", 353.5, 454.3, 108.9), ("统计数", 472.4, 520.4, 108.9)],
    [
        ("2.政府网站在线访谈次数", 242.3, 417.5, 145.8),
        ("次", 438.3, 454.3, 145.8),
        ("129", 489.8, 520.3, 144.4),
    ],
    [
        ("3.政策解读稿件发布数", 258.3, 417.5, 219.7),
        ("篇", 438.3, 454.3, 219.7),
        ("749", 489.8, 520.3, 218.3),
    ],
    [("三、依申请公开情况 ——", 273.5, 454.3, 329.1)],
    [
        ("（一）收到申请数", 289.5, 417.5, 367.5),
        ("件", 438.3, 454.3, 367.5),
        ("22", 500.0, 520.4, 366.1),
    ],
    [("1.当面申请数", 322.3, 417.5, 404.5), ("件", 438.3, 454.3, 404.5)],
    [("（二）申请办结数", 289.5, 417.5, 552.3), ("件", 438.3, 454.3, 552.3)],
    [("1.按时办结数", 322.3, 417.5, 589.2), ("件", 438.3, 454.3, 589.2)],
    [
        ("2.延期办结数", 322.3, 417.5, 626.2),
        ("件", 438.3, 454.3, 626.2),
        ("0", 510.2, 520.4, 624.7),
    ],
    [("（三）申请答复数", 289.5, 417.5, 663.1), ("件", 438.3, 454.3, 663.1)],
    [("1.属于已主动公开范围数", 242.3, 417.5, 700.1), ("件", 438.3, 454.3, 700.1)],
]


def _printed(text: str, x0: float, x1: float, top: float) -> list[dict[str, Any]]:
    """A text's characters spread evenly over its width, as a line prints it."""
    width = (x1 - x0) / len(text)
    return [
        {**_char(ch, x0 + width * i, top, width), "size": 16.0, "bottom": top + 16.0}
        for i, ch in enumerate(text)
        if ch != " "
    ]


def test_labels_of_rows_printed_blank_are_no_group_of_a_row_of_figures() -> None:
    """In a table Writer sets without rules, a label left of a row's own was
    taken for the label grouping that row however far it stood: （二）申请办结数
    above 1.按时办结数 (printed blank) and （三）申请答复数 with its
    1.属于已主动公开范围数 below were given to 2.延期办结数's row, its 0 then
    placed at another row of the template (invented).  A label groups a row
    of figures only from between the rows of figures, with no row printed
    blank between it and that row; otherwise it is a row printed blank."""
    chars = [c for line in _YUXI_LINES for part in line for c in _printed(*part)]
    pieces, *_ = text_tables(1, line_groups(chars))
    rows: dict[tuple[int, int], list[str]] = {}
    for n, piece in enumerate(pieces):
        for cell in piece.cells:
            rows.setdefault((n, cell.row), []).append(cell.text)
    (with_zero,) = [texts for texts in rows.values() if "0" in texts]
    assert [t for t in with_zero if t and t not in ("0", "件")] == ["2.延期办结数"]
