"""The PDF and Markdown appendices of a consolidated report show the core's breakdown.

Both renderers take the cells, their labels and each unit's figures from
``breakdown(report, columns="headline")``; these tests read the rendered
appendices back (markdown-it-py for the GFM table, pypdf for the PDF, whose
text comes out in drawing order: row by row, cell by cell) and compare them
with that one definition, so the two documents cannot drift apart.
"""

from __future__ import annotations

import io
import re

import attrs
import markdown_it
import pypdf
import pytest

import govdisclosure as gd
from govdisclosure.aggregate import Breakdown, breakdown, consolidate
from govdisclosure.cells import CellValue
from govdisclosure.editions import edition_of
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.formatting import format_cell
from govdisclosure.i18n import gettext
from govdisclosure_pdf.labels import format_value
from locations import EXAMPLES

LOCALES = ["zh_Hans_CN", "en"]


def qinghe() -> gd.Report:
    parts = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    return consolidate(parts, "清河市人民政府")


def pingtan() -> gd.Report:
    """A pre-2019 report with a part attached (the PDF turns its table)."""
    parent = gd.load(EXAMPLES / "pingtan-2011.json")
    child = gd.load(EXAMPLES / "pingtanxian-2011.json")
    assert isinstance(parent, ReportLegacy) and isinstance(child, ReportLegacy)
    return attrs.evolve(parent, parts=(child,))


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def markdown_appendix(report: gd.Report, locale: str) -> list[list[str]]:
    """The last table of the Markdown document: header row, then body rows."""
    text = gd.render(report, "markdown", locale=locale).decode("utf-8")
    tokens = markdown_it.MarkdownIt("commonmark").enable("table").parse(text)
    rows: list[list[str]] = []
    for i, tok in enumerate(tokens):
        if tok.type == "table_open":
            rows = []
        elif tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("th_open", "td_open"):
            rows[-1].append(tokens[i + 1].content)
    return rows


def pdf_text(report: gd.Report, locale: str) -> str:
    reader = pypdf.PdfReader(io.BytesIO(gd.render(report, "pdf", locale=locale)))
    return squash("".join(page.extract_text() for page in reader.pages))


def figures(table: Breakdown, values: tuple[CellValue, ...], locale: str) -> list[str]:
    """The figures as the Markdown writes them (counts grouped: 1,516)."""
    return [format_cell(v, c.kind, locale) for v, c in zip(values, table.columns, strict=True)]


def pdf_figures(table: Breakdown, values: tuple[CellValue, ...], locale: str) -> list[str]:
    """The figures as the PDF prints them (bare digits in Chinese: 1516)."""
    return [
        format_value(v, locale, kind=c.kind) for v, c in zip(values, table.columns, strict=True)
    ]


def test_headline_breakdown_of_the_consolidation_example() -> None:
    table = breakdown(qinghe(), columns="headline")
    assert [c.json_path for c in table.columns] == [
        "$.table3.new_applications.total",
        "$.table3.carried_over.total",
        "$.table3.results.total.total",
        "$.table3.carried_forward.total",
        "$.table4.reconsideration.total",
        "$.table4.litigation_direct.total",
        "$.table4.litigation_after_reconsideration.total",
    ]
    # The header group is part of the label: both 行政诉讼 columns say so.
    assert table.columns[5].label.render("zh_Hans_CN") == "行政诉讼 / 未经复议直接起诉 / 总计"
    assert [r.values[0] for r in table.rows] == [166, 59, 45]
    assert table.totals[0] == 270


@pytest.mark.parametrize("locale", LOCALES)
def test_markdown_appendix_is_the_core_breakdown(locale: str) -> None:
    report = qinghe()
    table = breakdown(report, columns="headline")
    header, *body = markdown_appendix(report, locale)
    assert header == [
        gettext(locale, "Reporting unit"),
        *(c.label.render(locale) for c in table.columns),
    ]
    own = f"{report.unit.name} {gettext(locale, '(consolidated)')}"
    expected = [
        *([r.unit.name, *figures(table, r.values, locale)] for r in table.rows),
        [own, *figures(table, table.totals, locale)],
    ]
    assert body == expected


@pytest.mark.parametrize("locale", LOCALES)
def test_pdf_appendix_is_the_core_breakdown(locale: str) -> None:
    report = qinghe()
    table = breakdown(report, columns="headline")
    text = pdf_text(report, locale)
    # The PDF labels the columns as a person would (the row, e.g. （七）总计,
    # with the applicant column 总计 under it; the 行政诉讼 columns under one
    # head): every column's row label is there, in the core's order, and one
    # applicant sub-head per column, before the first unit's row.  (Hyphens
    # are left out: an English word cut in a narrow cell gets one.)
    start = text.index(squash(gettext(locale, "Reporting unit")))
    head = text[start : text.index(squash(table.rows[0].unit.name), start)].replace("-", "")
    at = 0
    for column in table.columns:
        *_, row_label, _ = (gettext(locale, p) for p in column.label.parts if isinstance(p, str))
        found = head.find(squash(row_label).replace("-", ""), at)
        assert found >= 0, row_label
        at = found
    sub = squash(gettext(locale, str(table.columns[0].label.parts[-1])))
    assert head.count(sub) >= len(table.columns)
    for row in table.rows:
        assert squash(row.unit.name + "".join(pdf_figures(table, row.values, locale))) in text
    total = gettext(locale, "Total") + "".join(pdf_figures(table, table.totals, locale))
    assert squash(total) in text


def test_pdf_and_markdown_agree_on_a_pre_2019_report() -> None:
    locale = "zh_Hans_CN"
    report = pingtan()
    assert isinstance(report, ReportLegacy)
    table = breakdown(report, columns="headline")
    assert table.columns
    header, *body = markdown_appendix(report, locale)
    assert header[1:] == [c.label.render(locale) for c in table.columns]
    assert body[0][1:] == figures(table, table.rows[0].values, locale)
    assert body[1][1:] == figures(table, table.totals, locale)
    # The PDF turns the table: a row per figure, the part then the total.
    text = pdf_text(report, locale)
    for j, column in enumerate(table.columns):
        row = column.label.render(locale) + "".join(
            format_value(v, locale, kind=column.kind)
            for v in (table.rows[0].values[j], table.totals[j])
        )
        assert squash(row) in text


def test_headline_of_a_pre_2019_report_is_its_rows_without_a_parent() -> None:
    report = pingtan()
    assert isinstance(report, ReportLegacy)
    template = gd.find_template(report.statistics.template)
    table = breakdown(report, columns="headline")
    assert [c.path for c in table.columns] == [
        ("statistics", "rows", row.code, column.key)
        for row in template.value_rows
        if row.parent is None
        for column in template.columns
    ]


def test_headline_and_paths_exclude_each_other() -> None:
    with pytest.raises(ValueError):
        breakdown(qinghe(), columns="headline", paths=["$.table3.new_applications.total"])
    with pytest.raises(ValueError):
        breakdown(qinghe(), columns="most")  # type: ignore[arg-type]


def _document_text(report: gd.Report, fmt: str, locale: str) -> str:
    """The text of a rendered document, tags left out."""
    import zipfile

    data = gd.render(report, fmt, locale=locale)
    if fmt == "pdf":
        return pdf_text(report, locale)
    if fmt == "docx":
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml")
    text = re.sub(r"<[^>]+>", "", data.decode("utf-8"))
    return squash(text.replace("\\[", "[").replace("\\]", "]"))  # Markdown's escapes


@pytest.mark.parametrize("fmt", ["pdf", "docx", "html", "markdown"])
@pytest.mark.parametrize("locale", LOCALES)
def test_every_renderer_sets_a_consolidated_reports_six_sections(fmt: str, locale: str) -> None:
    """A consolidated report has no text of its own: the PDF set the six
    sections of its format with the office's part marked, while the Word,
    HTML and Markdown documents started at 二、 with 一、五、六 missing and no
    place for the date (`govdisclosure.aggregate.skeleton`)."""
    report = qinghe()
    assert not report.sections
    text = _document_text(report, fmt, locale)
    headings = edition_of(report).section_headings
    # in the locale, as the PDF set them (English: "I. Overall situation" …)
    at = [text.find(squash(gettext(locale, h))) for h in headings]
    assert -1 not in at and at == sorted(at), (fmt, headings, at)
    mark = squash(gettext(locale, "[To be completed]"))
    assert text.count(mark) == 3
    assert squash(gettext(locale, "[date]")) in text
    names = [part.unit.name for part in report.parts]
    assert all(name in text[at[0] : at[1]] for name in names)
