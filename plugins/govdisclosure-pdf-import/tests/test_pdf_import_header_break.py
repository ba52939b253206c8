"""A table whose header rows end one page and whose figures start the next.

Set deterministically by :mod:`breaks` (reportlab, the official layout with
rules, and without them) for the tables of the examples' transcribed
reports: table 3's three header rows alone at the foot of page 1, table 4's
three header rows with its one row of figures on page 2, table 2 cut after
a block's caption and heading.  Oracles: the example's figures, and
pdfplumber, which shows where the break fell.
"""

from __future__ import annotations

import io

import pdfplumber
import pytest

import govdisclosure as gd
from breaks import break_after
from govdisclosure import cells_by_path
from govdisclosure_pdf_import import import_pdf
from pdfimport_helpers import EXAMPLES

#: The last header line of table 3 (its applicant columns).
_APPLICANTS = "商业企业 科研机构 社会公益组织 法律服务机构 其他"

CASES = [
    # (example, table, its rows on page 1, the last line of page 1, page 2's first line begins)
    ("huaian-2024", "table3", 3, _APPLICANTS, "一、本年新收"),
    ("hongze-2024", "table3", 3, _APPLICANTS, "一、本年新收"),
    ("shanghai-szfbgt-2019", "table3", 3, _APPLICANTS, "一、本年新收"),
    ("huaian-2024", "table4", 3, "尚未审结 总计", "72 64 178"),
    # table 2 cut after the heading row of block B (第二十条第（五）项)
    ("huaian-2024", "table2", 6, "信息内容 本年处理决定数量", "行政许可"),
]


@pytest.mark.parametrize("ruled", [True, False], ids=["ruled", "unruled"])
@pytest.mark.parametrize(("name", "key", "rows", "last_line", "next_line"), CASES)
def test_a_header_at_the_foot_of_a_page_heads_the_figures_on_the_next(
    name: str, key: str, rows: int, last_line: str, next_line: str, ruled: bool
) -> None:
    expected = gd.load(EXAMPLES / f"{name}.json")
    data = break_after(expected, key, rows, ruled=ruled)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        assert len(pdf.pages) == 2
        first, second = ((p.extract_text() or "").split("\n") for p in pdf.pages)
    # The break fell where it was meant to: after the header, before the figures.
    assert first[-1].endswith(last_line) and second[0].startswith(next_line)
    report, prov, problems = import_pdf(data, f"{name}-{key}.pdf")
    assert report is not None, [p.message("en") for p in problems]
    want = {k: v for k, v in cells_by_path(expected).items() if k[0] == key}
    got = {k: v for k, v in cells_by_path(report).items() if k[0] == key}
    assert got == want  # every figure as printed, blanks blank: nothing invented
    cells = [c for c in prov.cells if c.path.startswith(f"$.{key}.")]
    assert cells and not any(c.doubtful for c in cells)
    # The figures after the break are on page 2, placed under the header of page 1.
    assert {c.page for c in cells} == ({1, 2} if key == "table2" else {2})
    codes = {p.code for p in problems}
    assert not codes & {"cell-not-placed", "cell-unreadable", "doubtful-mapping"}
