"""White space inside a figure is a thousands gap, or it parts two texts.

"1 234" is 1234 as pages print it, the digits grouped in threes.  Any other
gap between digits ("0 1", "5 0", "12 .5") parts a figure from something
printed after it: read as one number they would make a figure no one
printed ("0 1" → 1).  Such a cell is not a number: an amount reads the
figure and keeps the rest as its printed unit (the 2019 采购总金额 "0 1"
where the report's unit was the text "1"); any other cell is reported
unreadable and left blank.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure_html import import_html
from govdisclosure_html.text import read_number
from html_helpers import procurement


@pytest.mark.parametrize(
    ("printed", "value"),
    [
        ("1 234", 1234),
        ("12\xa0345\u2009678", 12345678),
        ("１ ２３４.５", Decimal("1234.5")),
        ("\xa00\xa0", 0),
        ("- 3", -3),
        ("12 件", 12),
    ],
)
def test_a_thousands_gap_joins_the_figure(printed: str, value: object) -> None:
    read = read_number(printed)
    assert (read.value, read.unreadable) == (value, False)


@pytest.mark.parametrize(
    "printed", ["0 1", "5 0", "12 34", "1 2345", "0 123", "12 .5", "12. 5", "1, 234", "1 234 5"]
)
def test_any_other_gap_between_digits_is_no_figure(printed: str) -> None:
    read = read_number(printed)
    assert (read.value, read.unreadable) == (None, True)


def imported_amount(report: gd.Report) -> tuple[object, object, list[str]]:
    imported, _, problems = import_html(
        gd.render(report, "html"), "procurement.html", validate_report=False
    )
    assert imported is not None, [p.message("en") for p in problems]
    row = imported.table2.procurement
    return row.amount, row.amount_unit, [p.code for p in problems if p.code.startswith("cell")]


@pytest.mark.parametrize(
    ("amount", "unit", "printed"),
    [
        (Decimal(0), "1", "（1）"),
        (Decimal(5), "0", "（0）"),
        (Decimal(1), "234", "（234）"),
        (Decimal(1), " 234元", "（ 234元）"),
        (Decimal(1), "１２３", "（１２３）"),
        (Decimal(0), ".5", "（.5）"),
        (Decimal(0), "x.5", "x.5"),
        (Decimal(12), "件", "件"),
    ],
)
def test_a_unit_that_starts_as_a_figure_goes_on_is_bracketed(
    amount: Decimal, unit: str, printed: str
) -> None:
    # After a space a digit would read as the figure's next group ("1 234").
    assert imported_amount(procurement(amount, unit)) == (amount, printed, [])


def test_a_figure_parted_from_a_digit_after_it_is_not_read_with_it() -> None:
    # "0 1" on a page: the amount 0 with "1" after it, never the amount 1;
    # a count so printed is left blank and reported.
    page = gd.render(procurement(Decimal(0), None), "html").decode("utf-8")
    row_printed = '<th scope="row">政府集中采购</th><td></td><td colspan="2">0</td>'
    assert page.count(row_printed) == 1
    amount = page.replace(row_printed, row_printed.replace(">0<", ">0 1<")).encode("utf-8")
    imported, _, problems = import_html(amount, "amount.html", validate_report=False)
    assert imported is not None
    row = imported.table2.procurement
    assert (row.amount, row.amount_unit) == (0, "1")
    count = page.replace(row_printed, row_printed.replace("<td></td>", "<td>3 1</td>"))
    imported, _, problems = import_html(count.encode("utf-8"), "count.html", validate_report=False)
    assert imported is not None
    unreadable = [p for p in problems if p.code == "cell-unreadable"]
    assert [p.params["text"] for p in unreadable] == ["3 1"]


_UNITS = st.one_of(
    st.none(),
    st.sampled_from(("元", "万元")),
    st.text(st.characters(exclude_categories=["Cs"]), max_size=6),
    st.from_regex(r"\A[0-9０-９.,， ]{1,6}[元件]?\Z"),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**8), st.integers(0, 6), _UNITS)
@example(number=0, places=0, unit="1")  # "0 1" was read as 1
@example(number=1, places=0, unit="234")  # "1 234" would be 1234
def test_the_amount_comes_back_whatever_unit_is_printed(
    number: int, places: int, unit: str | None
) -> None:
    amount = Decimal(number).scaleb(-places)
    read, _, unreadable = imported_amount(procurement(amount, unit))
    # The figure printed, or (a unit no reader can part from it) a blank reported.
    assert read == amount or (read is None and unreadable == ["cell-unreadable"])
