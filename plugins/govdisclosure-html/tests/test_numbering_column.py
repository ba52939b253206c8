"""A 序号 column compared with the rows it numbers.

Made by code from the real 2023 page (``tests/data/2023_central-zhsyq_87885``,
via ``test_other_portals``): table 2 with a column of row numbers before its
labels, as some portals print it.  The label places the row; a number that
puts two rows in another order than the format's is a doubt, recorded on
both rows (``numbering-disagrees``, the cells doubtful), never silently
ignored.  On the code before, the numbers were read as labels and never
compared: every case below imported "fully", nothing said.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from govdisclosure import cells_by_path
from govdisclosure_html.importer import ImportResult
from test_other_portals import EXPECTED, PAGE, ROWS2, ROWS3, T2, T3, _codes, _import

#: Table 2's data rows by label, and the 2023 page's numbering of them.
DATA_ROWS = {
    r.split("</td>", 1)[0].removeprefix("<tr><td>"): r
    for r in ROWS2
    if 'colspan="4"' not in r and "信息内容" not in r
}


def _table(order: Sequence[str], numbers: Sequence[str]) -> str:
    """Table 2 with a 序号 column: its data rows in ``order`` (labels), numbered
    ``numbers`` in printed order."""
    assert sorted(order) == sorted(DATA_ROWS)
    number = iter(numbers)
    blocks: list[list[str]] = [[]]
    for row in ROWS2:
        if 'colspan="4"' in row and blocks[-1]:
            blocks.append([])
        blocks[-1].append(row)
    out = []
    queue = iter(order)
    for block in blocks:
        for row in block:
            if 'colspan="4"' in row:
                out.append(row.replace('colspan="4"', 'colspan="5"'))
            elif "信息内容" in row:
                out.append(row.replace("<tr>", "<tr><td>序号</td>"))
            else:
                printed = DATA_ROWS[next(queue)]
                out.append(printed.replace("<tr>", f"<tr><td>{next(number)}</td>", 1))
    return PAGE.replace(T2, "<table border=1><tbody>" + "".join(out) + "</tbody></table>")


ORDER = list(DATA_ROWS)  # 规章 行政规范性文件 行政许可 行政处罚 行政强制 行政事业性收费


def _doubtful_rows(page: str) -> tuple[set[str], set[str]]:
    result = _import(page)
    assert result.report is not None
    assert cells_by_path(result.report) == EXPECTED  # the labels decide
    assert "publisher-error" not in _codes(result)
    doubtful = {
        c.path.split(".")[2] for c in result.provenance.cells if c.doubtful and c.table == 0
    }
    reported = {p.params["label"] for p in result.problems if p.code == "numbering-disagrees"}
    return doubtful, reported


@pytest.mark.parametrize(
    "numbers",
    [
        ["1", "2", "3", "4", "5", "6"],
        ["1.", "2.", "3.", "4.", "5.", "6."],
        ["（1）", "（2）", "（3）", "（4）", "（5）", "（6）"],
        ["①", "②", "③", "④", "⑤", "⑥"],
        ["1", "2", "1", "1", "2", "1"],  # each block numbered on its own
        ["1", "3", "4", "6", "7", "9"],  # rows of the publisher's own numbered too
    ],
)
def test_numbers_in_the_formats_order_say_nothing(numbers: list[str]) -> None:
    assert _doubtful_rows(_table(ORDER, numbers)) == (set(), set())


def test_rows_moved_with_their_numbers_agree() -> None:
    # 行政强制 printed above 行政处罚, each with its own number (5, 4): the
    # numbers prove the format's order and the labels agree.
    order = ["规章", "行政规范性文件", "行政许可", "行政强制", "行政处罚", "行政事业性收费"]
    assert _doubtful_rows(_table(order, ["1", "2", "3", "5", "4", "6"])) == (set(), set())


def test_rows_shuffled_and_the_numbers_left_in_place() -> None:
    # Before: both rows placed by their labels, nothing said.  The numbers
    # 4, 5 say 行政强制 comes before 行政处罚, the labels the other way round.
    order = ["规章", "行政规范性文件", "行政许可", "行政强制", "行政处罚", "行政事业性收费"]
    doubtful, reported = _doubtful_rows(_table(order, ["1", "2", "3", "4", "5", "6"]))
    assert doubtful == {"penalties", "enforcement"}
    assert reported == {"行政处罚", "行政强制"}


def test_a_number_column_that_proves_another_order() -> None:
    # The rows in the format's order, the numbers 2, 1 on 规章, 行政规范性文件.
    doubtful, reported = _doubtful_rows(_table(ORDER, ["2", "1", "3", "4", "5", "6"]))
    assert reported == {"规章", "行政规范性文件"}
    assert doubtful == {"rules", "normative_documents"}
    result = _import(_table(ORDER, ["2", "1", "3", "4", "5", "6"]))
    (problem, *_) = [p for p in result.problems if p.code == "numbering-disagrees"]
    assert problem.severity == "warning"
    assert "cells-doubtful" in _codes(result)
    notes = {c.note for c in result.provenance.cells if c.doubtful}
    assert notes == {"its number (序号) disagrees with its label's order"}


def test_two_rows_with_one_number() -> None:
    _, reported = _doubtful_rows(_table(ORDER, ["1", "2", "3", "4", "4", "5"]))
    assert reported == {"行政处罚", "行政强制"}


def _numbered_table3(numbers: dict[str, str]) -> str:
    """Table 3 with a 序号 column: each data row numbered 1, 2 … in printed
    order, except the rows ``numbers`` names (a label's start → its number)."""
    count = iter(range(1, 99))
    out = []
    for i, row in enumerate(ROWS3):
        if i == 0:
            out.append(row.replace("<tr>", '<tr><td rowspan="3">序号</td>', 1))
        elif i < 3:
            out.append(row)
        else:
            n = str(next(count))
            for start, number in numbers.items():
                if f">{start}" in row:
                    n = number
            out.append(row.replace("<tr>", f"<tr><td>{n}</td>", 1))
    return PAGE.replace(T3, "<table border=1><tbody>" + "".join(out) + "</tbody></table>")


def _relations(result: ImportResult) -> dict[str, str]:
    """The failing relations: rule → publisher-error or doubtful-mapping."""
    codes = ("publisher-error", "doubtful-mapping")
    return {p.params["rule"]: p.code for p in result.problems if p.code in codes}


def test_a_relation_broken_on_misnumbered_rows_is_a_doubtful_mapping() -> None:
    # （七）总计 printed 79 for 80 breaks three relations.  With a 序号 column
    # in the format's order, all three are the publisher's error; with
    # （一） and （二） numbered 4 and 3, the one over their cells (the results'
    # total) is a doubtful mapping, the two others stay the publisher's.
    total = '<td colspan="2">（七）总计</td><td>80</td>'
    wrong = '<td colspan="2">（七）总计</td><td>79</td>'
    plain = _import(_numbered_table3({}).replace(total, wrong))
    assert "numbering-disagrees" not in _codes(plain)
    assert _relations(plain) == dict.fromkeys(
        ("table3.balance", "table3.results-total", "table3.row-total"), "publisher-error"
    )
    page = _numbered_table3({"（一）予以公开": "4", "（二）部分公开": "3"})
    result = _import(page.replace(total, wrong))
    assert {p.params["label"] for p in result.problems if p.code == "numbering-disagrees"} == {
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
    }
    assert _relations(result) == {
        "table3.balance": "publisher-error",
        "table3.results-total": "doubtful-mapping",
        "table3.row-total": "publisher-error",
    }
