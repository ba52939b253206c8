"""Gaps left open by the earlier probes of other portals, each made by code
from the real 2023 page (``tests/data/2023_central-zhsyq_87885``) the way
other portals print the same cells.  Each test failed on the code before
its fix (the figures it would have read are in its comment)."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from test_other_portals import PAGE, ROWS3, _codes, _same

#: The three sub-rows of （六）其他处理 as the page prints them (numbered).
_SUB_ROWS = ("1.申请人无正当理由逾期不补正", "2.申请人逾期未按收费通知", "3.其他<")


@pytest.mark.parametrize("unnumbered", [(0, 1, 2), (0, 1), (2,), (0,)])
def test_the_sub_rows_of_other_handling_printed_without_numbers(
    unnumbered: tuple[int, ...],
) -> None:
    # Portals that drop the sub-rows' numbers print "其他" as the last row
    # label, the words of table 3's last organisation column.  Before: with
    # all three unnumbered the page was taken for the single-row （六）
    # layout (its "其他" only counted with the number, lest the column's
    # 其他 pass for it), the first sub-row's figures were placed on （六）
    # as one row, the 14 others were reported unplaced and three relations
    # were blamed on the publisher.
    page = PAGE
    for i in unnumbered:
        page = page.replace(f">{_SUB_ROWS[i]}", f">{_SUB_ROWS[i][2:]}")
    assert page != PAGE
    result = _same(page)
    assert isinstance(result.report, gd.Report2021)
    # The official three sub-rows, not the single-row layout.
    assert not isinstance(result.report.table3.results.other_handling, gd.ApplicantRow)
    assert "publisher-error" not in _codes(result)
    # The single-row layout is still told by its absent sub-rows (the
    # column's 其他 is no sub-row): test_variants.py.


@pytest.mark.parametrize(
    "style",
    ["visibility:hidden", "VISIBILITY: hidden;", "color:red; visibility : collapse"],
)
def test_a_character_hidden_by_visibility_inside_a_figure_is_not_read(style: str) -> None:
    # "26<span style="visibility:hidden">7</span>29" shows 2629 (the space of
    # the hidden 7 left blank).  Before: read as 26729, an invented figure.
    (cell,) = [
        c
        for c in _same(
            PAGE.replace(">2629<", f'>26<span style="{style}">7</span>29<')
        ).provenance.cells
        if c.path == "$.table2.licensing"
    ]
    assert cell.text == "2629"


def test_a_row_hidden_by_visibility_is_not_read() -> None:
    # A hidden copy of 四、结转下年度继续办理 with 9s above the real row.
    row = next(r for r in ROWS3 if "四、结转" in r)
    copy = row.replace("<tr>", '<tr style="visibility:hidden">').replace("<td>0</td>", "<td>9</td>")
    _same(PAGE.replace(row, copy + row))


#: The last sentence of section 六 as the page prints it.
_SIXTH = "2023年，无收取信息处理费情况。"


@pytest.mark.parametrize(
    "hidden",
    [
        '<p style="display:none">本单位全年收取信息处理费9999元。</p>',
        '<p style="visibility:hidden">本单位全年收取信息处理费9999元。</p>',
        '<div style="DISPLAY: none"><p>本单位全年收取信息处理费9999元。</p></div>',
        '<p>本年度未收取信息处理费。<span style="visibility:hidden">本单位全年收取信息处理费9999元。</span></p>',
    ],
)
def test_a_hidden_paragraph_of_the_text_is_not_read(hidden: str) -> None:
    # A line of text a reader never sees (SEO text, an old sentence left
    # hidden in the editor).  Before: the block forms were read into section
    # 六 as printed.
    end = PAGE.index(_SIXTH) + len(_SIXTH)
    report = _same(PAGE[:end] + hidden + PAGE[end:]).report
    assert report is not None and "9999" not in gd.dumps(report)


def test_a_hidden_container_holding_paragraphs_is_kept() -> None:
    # A container of several paragraphs hidden by display:none is what a
    # script shows ("展开全文"): read as served, as before.
    end = PAGE.index(_SIXTH) + len(_SIXTH)
    shown = '<div style="display:none"><p>第一段展开的正文。</p><p>第二段展开的正文。</p></div>'
    report = _same(PAGE[:end] + shown + PAGE[end:]).report
    assert report is not None and "第二段展开的正文" in gd.dumps(report)
