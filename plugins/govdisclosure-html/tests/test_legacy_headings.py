"""The pre-2019 statistics table as the official form and PDF text layers print it.

The form prints "——" in the 单位 and 统计数 columns of its section rows
(formats.md §3.3: "Section header rows carry "——" in the 单位 and 统计数
columns"), as our Word renderer does; and a PDF's text layer spaces a year
heading ("2011 年度") where a web page prints "2011年度".  Neither is a
figure: the first must not be reported as a cell not placed, the second
must still head the year's column rather than be read as a row of figures.
"""

from __future__ import annotations

from pathlib import Path

import govdisclosure as gd
from govdisclosure import ReportLegacy, cells_by_path
from govdisclosure_html import ImportResult, import_html

EXAMPLES = Path(__file__).parents[3] / "examples"


def _import(report: gd.Report, edit: tuple[str, str], count: int = -1) -> ImportResult:
    html = gd.render(report, "html").decode("utf-8")
    old, new = edit
    assert old in html
    return import_html(html.replace(old, new, count).encode("utf-8"), "variant.html")


def test_the_forms_dash_in_a_section_rows_count_column_is_no_figure() -> None:
    yuxi = gd.load(EXAMPLES / "yuxi-2017.json")
    dash_in_unit_only = "<td>——</td><td></td>"
    result = _import(yuxi, (dash_in_unit_only, "<td>——</td><td>——</td>"))
    assert isinstance(result.report, ReportLegacy)
    assert cells_by_path(result.report) == cells_by_path(yuxi)
    assert not [p for p in result.problems if p.code == "cell-not-placed"]


def test_a_figure_in_a_section_row_is_still_reported() -> None:
    yuxi = gd.load(EXAMPLES / "yuxi-2017.json")
    result = _import(yuxi, ("<td>——</td><td></td>", "<td>——</td><td>7</td>"), count=1)
    stray = [p for p in result.problems if p.code == "cell-not-placed"]
    assert [p.params["text"] for p in stray] == ["7"]


def test_a_year_heading_spaced_as_a_pdf_prints_it_heads_the_years_column() -> None:
    pingtan = gd.load(EXAMPLES / "pingtan-2011.json")
    result = _import(pingtan, ("2011年度", "2011 年度"))
    assert isinstance(result.report, ReportLegacy)
    assert cells_by_path(result.report) == cells_by_path(pingtan)
    assert not [p for p in result.problems if p.code == "cell-not-placed"]
    cells = result.provenance.cells
    assert cells and not any(o.doubtful for o in cells)
    years = [o for o in cells if o.path.endswith(".year")]
    assert {o.labels[1].printed for o in years} == {"2011 年度"}
