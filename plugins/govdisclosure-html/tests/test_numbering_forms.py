"""Real pages with their row numbering printed in other forms.

Portals number the rows of the official tables in forms other than the
format's: 1.予以公开 for （一）予以公开, 一、 for （一）, （1） or ① for 1.,
Chinese numerals for Arabic ones.  Each variant is made by code from a
real page of ``tests/data`` (:mod:`renumber`, in the shared tests folder): every level of the
2021 and 2019 tables and of a pre-2019 table, in every form, one level at
a time and all levels in one form.  Oracles: the figures of the page as
published, every label printed in another form recorded as a ``numbering``
match, and a wrong number still never matched.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult
from govdisclosure_html.text import label_key
from renumber import FORMS, levels, renumber

DATA = Path(__file__).parent / "data"
#: The four 2021 pages (row and column spans; plain rows) and the 2019 page.
PAGES = [
    "2023_central-zhsyq_87885",
    "2021_jjp-jinjing-pianqu_80601",
    "2022_jjp-jinjing-pianqu_80617",
    "2025_central-zhsyq_105587",
    "2019_jjp-jinjing-pianqu_80564",
]
_TEXT = {name: (DATA / name / "page.html").read_text("utf-8") for name in PAGES}
_ORIGINAL = {name: import_html(_TEXT[name].encode(), "page.html") for name in PAGES}
#: The form each level of the official tables prints.
_OWN = {1: "一、", 2: "（一）", 3: "1."}


def _import(text: str) -> ImportResult:
    return import_html(text.encode("utf-8"), "variant.html")


def _as_published(name: str, text: str) -> ImportResult:
    """The variant imports as the page as published, every cell placed by its labels."""
    original, result = _ORIGINAL[name], _import(text)
    assert result.report is not None, [p.message("en") for p in result.problems]
    assert type(result.report) is type(original.report)
    assert cells_by_path(result.report) == cells_by_path(original.report)
    codes = {p.code for p in result.problems}
    assert not codes & {"cell-not-placed", "cell-missing", "table-not-imported"}
    assert len(result.provenance.cells) == len(original.provenance.cells)
    assert not any(c.doubtful for c in result.provenance.cells)
    for cell in result.provenance.cells:
        for m in cell.labels:
            printed, official = label_key(m.printed), label_key(m.official)
            if printed.code and official.code and printed.code != official.code:
                # Another form of the same number: said, never called exact.
                assert m.kind == "numbering", (m, cell.path)
                assert printed.ordinal == official.ordinal
                assert cell.match != "exact"
    return result


def test_the_pages_number_three_levels() -> None:
    # What the variants below rewrite: 一、 rows, （一） rows, 1. rows.
    for name in PAGES[:4]:
        assert levels(_TEXT[name]) == {1: 4, 2: 7, 3: 19}
    assert levels(_TEXT["2019_jjp-jinjing-pianqu_80564"]) == {1: 4, 2: 7, 3: 16}
    # Each level renumbered in its own form changes nothing a label says.
    assert renumber(_TEXT[PAGES[0]], {1: "一、", 2: "（一）"}) == _TEXT[PAGES[0]]


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("level", [1, 2, 3])
@pytest.mark.parametrize("name", PAGES)
def test_one_level_numbered_in_another_form(name: str, level: int, form: str) -> None:
    text = renumber(_TEXT[name], {level: form})
    result = _as_published(name, text)
    if (
        label_key(FORMS[form](1) + "予以公开").code
        != label_key(FORMS[_OWN[level]](1) + "予以公开").code
    ):
        assert "numbering" in {c.match for c in result.provenance.cells}


@pytest.mark.parametrize("form", list(FORMS))
@pytest.mark.parametrize("name", PAGES)
def test_every_level_numbered_in_one_form(name: str, form: str) -> None:
    # 3.本年度办理结果 over 3.不予公开 over 3.危及“三安全一稳定”: the levels
    # told apart by their words, the number agreeing on each.
    _as_published(name, renumber(_TEXT[name], {1: form, 2: form, 3: form}))


def test_the_levels_in_each_others_forms() -> None:
    # 一、 rows as 1., （一） rows as ①, 1. rows as （一）.
    for name in PAGES:
        _as_published(name, renumber(_TEXT[name], {1: "1.", 2: "①", 3: "（一）"}))


def _not_placed(result: ImportResult) -> set[str]:
    return {p.path or "" for p in result.problems if p.code == "cell-not-placed"}


def test_a_wrong_number_in_another_form_is_not_matched() -> None:
    # 1.属于国家秘密 and 2.其他法律… printed ② and ③: their words are the
    # format's, their numbers are not.  Not placed, reported, nothing invented.
    name = PAGES[0]
    text = _TEXT[name]
    for old, new in (("1.属于国家秘密", "②属于国家秘密"), ("2.其他法律", "③其他法律")):
        assert text.count(old) == 1
        text = text.replace(old, new)
    result = _import(text)
    assert isinstance(result.report, gd.Report2021)
    prohibited = result.report.table3.results.not_disclosed
    assert prohibited.state_secret.natural_person is None
    assert prohibited.prohibited_by_law.natural_person is None
    problems = [p for p in result.problems if p.code == "cell-not-placed"]
    assert len(problems) == 14
    assert {c.path for c in result.provenance.cells}.isdisjoint(
        {
            c.path
            for c in _ORIGINAL[name].provenance.cells
            if ".not_disclosed.state_secret" in c.path
        }
    )


@pytest.mark.parametrize("form", ["（一）", "1.", "①", "一、"])
def test_a_wrong_number_alone_is_at_most_a_doubtful_position(form: str) -> None:
    # （一）予以公开 printed with the number 2: never matched by its label;
    # the row sits alone between two placed rows, so the position rule may
    # place it, and says so (doubtful, match "position").
    name = PAGES[0]
    text = _TEXT[name]
    assert text.count("（一）予以公开") == 1
    result = _import(text.replace("（一）予以公开", FORMS[form](2) + "予以公开"))
    cells = [c for c in result.provenance.cells if ".results.disclosed." in c.path]
    assert cells, "the row between two placed rows is placed by position"
    assert all(c.match == "position" and c.doubtful for c in cells)


def test_the_sub_rows_of_other_handling_in_another_form_are_printed() -> None:
    # Before: the sub-rows of （六）其他处理 printed ①②③ were taken for absent, the page for the one-row layout, and
    # their 21 cells left out.
    name = PAGES[0]
    result = _as_published(name, renumber(_TEXT[name], {3: "①"}))
    assert isinstance(result.report, gd.Report2021)
    other = result.report.table3.results.other_handling
    assert not isinstance(other, gd.ApplicantRow)
    assert other.other.natural_person == 1


def test_the_one_row_layout_numbered_otherwise_is_still_that_layout() -> None:
    # （六）其他处理 printed as one row (洪泽区 2024) and the other rows numbered
    # 6. / ①: still the one-row layout, its cells placed.
    page = _TEXT[PAGES[0]]
    start = page.rindex("<tr", 0, page.index("（六）其他处理"))
    end = page.rindex("<tr", 0, page.index("（七）总计"))
    one_row = (
        "<tr><td colspan=2>6.其他处理</td><td>2</td><td>0</td><td>0</td><td>0</td><td>0</td>"
        "<td>0</td><td>2</td></tr>"
    )
    text = (page[:start] + one_row + page[end:]).replace('rowspan="22"', 'rowspan="20"', 1)
    result = _import(renumber(text, {3: "①"}))
    assert isinstance(result.report, gd.Report2021)
    other = result.report.table3.results.other_handling
    assert isinstance(other, gd.ApplicantRow) and other.natural_person == 2
    assert not [p for p in result.problems if p.code == "cell-not-placed"]
    kinds = {m.kind for c in result.provenance.cells for m in c.labels if "其他处理" in m.printed}
    assert kinds == {"numbering"}


@pytest.mark.parametrize("form", ["1、", "（1）", "1）", "①", "❶", "一、", "（一）"])
def test_a_pre_2019_table_numbered_otherwise(form: str) -> None:
    # The 2009 page's 其中：1．网站公开 … rows (a Word export: the figure in its
    # own <span>) numbered in another form: the same 17 figures.
    name = "2009_gaj-gonganju_80645"
    page = (DATA / name / "page.html").read_text("utf-8")
    assert levels(page) == {3: 11}
    original = import_html(page.encode(), "page.html")
    result = _import(renumber(page, {3: form}))
    assert isinstance(result.report, gd.ReportLegacy)
    assert result.report.statistics.template == original.report.statistics.template  # type: ignore[union-attr]
    assert cells_by_path(result.report) == cells_by_path(original.report)  # type: ignore[arg-type]
    assert not {p.code for p in result.problems} & {"cell-not-placed", "row-not-in-template"}

    def row_kinds(r: ImportResult) -> dict[str, str]:
        return {m.official: m.kind for c in r.provenance.cells for m in c.labels[:1]}

    before, after = row_kinds(original), row_kinds(result)
    numbered = [o for o in before if label_key(o).code]
    assert len(numbered) == 11
    other_form = label_key(FORMS[form](1) + "网站公开").code != "1"
    for official in numbered:
        # 其它 printed 其他 stays a similar match; the numbering alone is said.
        want = before[official] if before[official] == "similar" else "normalised"
        assert after[official] == ("numbering" if other_form and want == "normalised" else want)
