"""Portal pages made into workbooks by LibreOffice Calc, imported cell by cell.

A city office's statistics often arrive as a portal page opened or pasted
in a spreadsheet: every table on one sheet, on the columns of the widest,
each cell merged over the sheet columns it takes, the section headings in
rows of one cell between the tables.  Here eight pages whose figures the
project knows are converted at test time as Calc opens a page
(``bench/office_pasted.py``: ``--infilter="HTML (StarCalc)"``, to .xlsx),
imported as a published workbook and compared with what the page prints:
the figures the HTML tests state (the rebuilt portals of other sites) or
what the HTML importer places from the same page (the real pages).  They
cover the pre-2019 table (2009), the 2019 and 2021 tables of the portal and
of other sites, a title naming the report 年报 (湖口), a table-3 row whose
figures are all blank (徐闻) and heads cut alike (衡东: four figures no
reader can place, reported).  One LibreOffice run, about 10 s.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from xlsx_helpers import needs_libreoffice

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "bench"))
try:
    import office_pasted
finally:
    sys.path.remove(str(ROOT / "bench"))

pytestmark = needs_libreoffice

#: Page → (cells exact, cells printed), as measured; every other figure
#: of each page: nothing invented, every cell not placed reported, the
#: edition the page prints.  Before the section headings ended a table,
#: tables 2, 3 and 4 of each page made one grid: 25 (2021) or 37 (2019)
#: figures per page not placed.
EXPECTED = {
    "real-2009_gaj-gonganju_80645": (17, 17),
    "real-2019_jjp-jinjing-pianqu_80564": (198, 198),
    "real-2022_jjp-jinjing-pianqu_80617": (199, 199),
    "real-2023_central-zhsyq_87885": (200, 200),
    "portal-05-shidz.gov.cn": (200, 200),
    "portal-15-hukou.gov.cn": (200, 200),
    "portal-19-hengdong.gov.cn": (198, 198),
    "portal-31-xuwen.gov.cn": (200, 200),
}


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, office_pasted.Score]:
    chosen = [p for p in office_pasted.pages() if p.name in EXPECTED]
    assert {p.name for p in chosen} == set(EXPECTED)
    folder = tmp_path_factory.mktemp("pasted-xlsx")
    return {s.page: s for s in office_pasted.measure(chosen, "xlsx", folder)}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_a_page_made_into_a_workbook_imports_as_printed(
    scores: dict[str, office_pasted.Score], name: str
) -> None:
    score = scores[name]
    assert (score.exact, score.printed) == EXPECTED[name], office_pasted.line(score)
    assert score.invented == 0
    assert score.unreported == 0
    assert score.edition_right
    assert not score.short, office_pasted.line(score)
    assert "table-missing" not in score.codes


def test_the_figures_over_the_set(scores: dict[str, office_pasted.Score]) -> None:
    assert office_pasted.totals(list(scores.values())) == (
        "8 files  1,412 of 1,412 printed cells exact (100.00%)  invented 0  "
        "not placed unreported 0  edition right 8 of 8"
    )
