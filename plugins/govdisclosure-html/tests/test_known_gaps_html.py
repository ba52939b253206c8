"""Gaps left open by the earlier probes of other portals, each made by code
from the real 2023 page (``tests/data/2023_central-zhsyq_87885``) the way
other portals print the same cells.  Each test failed on the code before
its fix (the figures it would have read are in its comment)."""

from __future__ import annotations

import pytest

import govdisclosure as gd
from test_other_portals import PAGE, _codes, _same

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
