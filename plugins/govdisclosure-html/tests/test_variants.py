"""Pages that print the tables a little differently from the official drawing.

Each case edits a real page (tests/data/2023_central-zhsyq_87885) the way
other portals print their tables, and checks that every figure is still
placed where it belongs and that every match that is not exact says so.
"""

from __future__ import annotations

import re
from pathlib import Path

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html

PAGE = (Path(__file__).parent / "data" / "2023_central-zhsyq_87885" / "page.html").read_text(
    "utf-8"
)


def _same_as_original(text: str) -> tuple[gd.Report, list[str]]:
    original, _, _ = import_html(PAGE.encode("utf-8"))
    report, provenance, problems = import_html(text.encode("utf-8"))
    assert original is not None and report is not None, [p.message("en") for p in problems]
    assert cells_by_path(report) == cells_by_path(original)
    return report, [c.match for c in provenance.cells]


def test_numbering_printed_otherwise_or_not_at_all() -> None:
    # "1.属于国家秘密" printed "（1）属于国家秘密", and the numbering of grounds 2–4
    # left out altogether: matched by their words, recorded as normalised.
    text = PAGE.replace("1.属于国家秘密", "（1）属于国家秘密")
    for n in range(2, 9):
        text = re.sub(rf">{n}\.(属于|其他法律|危及|保护)", r">\1", text, count=1)
    _, matches = _same_as_original(text)
    assert "normalised" in matches


def test_th_headers_and_thead() -> None:
    text = PAGE.replace("<td", "<th").replace("</td>", "</th>")
    _same_as_original(text)


def test_full_width_digits_and_thousands_separators() -> None:
    text = PAGE.replace(">2629<", ">２，６２９<").replace(">5949.088667<", ">5,949.088667<")
    report, _ = _same_as_original(text)
    assert isinstance(report, gd.Report2021) and report.table2.licensing == 2629


def test_a_2021_table_printing_the_2019_wording_of_other_handling_as_one_row() -> None:
    # （六）其他处理 printed as a single row (洪泽区 2024 does): the 2021 one-row layout.
    start = PAGE.index("（六）其他处理")
    row_start = PAGE.rindex("<tr", 0, start)
    seven = PAGE.index("（七）总计")
    seven_row = PAGE.rindex("<tr", 0, seven)
    one_row = (
        "<tr><td colspan=2>（六）其他处理</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td>"
        "<td>0</td><td>2</td></tr>"
    )
    text = PAGE[:row_start] + one_row + PAGE[seven_row:]
    text = text.replace('rowspan="22"', 'rowspan="20"', 1)
    report, _, problems = import_html(text.encode("utf-8"))
    assert isinstance(report, gd.Report2021)
    other = report.table3.results.other_handling
    assert isinstance(other, gd.ApplicantRow) and other.natural_person == 2 and other.total == 2
    assert not [p for p in problems if p.code == "cell-not-placed"]
