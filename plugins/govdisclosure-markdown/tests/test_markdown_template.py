"""A drawn table is filled with exactly what its writers write.

:meth:`govdisclosure_markdown.template.Template.fill` writes the figures of
a :class:`~govdisclosure_markdown.template.Figures` writer in C (ints as
``str``, blanks and marks from a table) and the others one call each; the
oracle is the writer called on every value in turn, whatever the values:
ints, blanks, every mark, a mark the writer's table lacks, and values a
count cell cannot hold (which must fail as the writer fails).
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.cells import NA_MARKS, NotApplicable
from govdisclosure.editions.legacy import StatisticsTable
from govdisclosure.testing.strategies import any_reports
from govdisclosure_markdown import document
from govdisclosure_markdown.template import FROM_SOURCE, Figures, Fill, Slot, draw_template

_LOCALES = ("zh_Hans_CN", "en")
_KINDS = ("count", "signed", "money")

#: What a cell can hold, and a little more: a mark outside the catalogue
#: (attrs does not check the Literal) and values of the wrong type.
_values = st.one_of(
    st.integers(-(10**12), 10**12),
    st.none(),
    st.sampled_from([NotApplicable(mark) for mark in NA_MARKS]),
    st.sampled_from([NotApplicable("|"), NotApplicable("*")]),  # type: ignore[arg-type]
    st.decimals(allow_nan=False, allow_infinity=False, places=2, max_value=10**9),
    st.booleans(),
    st.text(max_size=3),
)


def _written(write: Fill, value: Any) -> str | type[BaseException]:
    try:
        return write(value)
    except (TypeError, ValueError) as exc:
        return type(exc)


@given(
    cells=st.lists(
        st.tuples(_values, st.sampled_from(_KINDS), st.booleans()), min_size=0, max_size=40
    ),
    locale=st.sampled_from(_LOCALES),
    order=st.randoms(use_true_random=False),
)
def test_a_template_is_filled_as_its_writers_write(
    cells: list[tuple[Any, str, bool]], locale: str, order: Any
) -> None:
    # Each figure is read by position or from the source, in a shuffled order
    # (a table's text need not follow the order of the flat cells).
    values = [value for value, _, _ in cells]
    positions = list(range(len(cells)))
    order.shuffle(positions)
    writers = [document._figure(kind, locale) for _, kind, _ in cells]

    def reader(write: Fill, at: int) -> Fill:
        return lambda source: write(source[at])

    def draw(slot: Slot) -> list[str]:
        lines = ["| head % | %s |"]
        for at in positions:
            write, from_source = writers[at], cells[at][2]
            lines.append(f"| {slot(reader(write, at)) if from_source else slot(write, at)} |")
        return lines

    template = draw_template(draw)
    expected = [_written(writers[at], values[at]) for at in positions]
    failures = [e for e in expected if not isinstance(e, str)]
    if failures:
        with pytest.raises((TypeError, ValueError)):
            template.fill(tuple(values), tuple(values))
        return
    lines = ["| head % | %s |", *(f"| {text} |" for text in expected)]
    assert template.fill(tuple(values), tuple(values)) == "\n".join(lines)


def test_chinese_counts_are_written_in_c() -> None:
    # The writer the tables of a Chinese document use for counts says so;
    # the others (grouped, signed, money) are called per figure.
    assert isinstance(document._figure("count", "zh_Hans_CN"), Figures)
    assert not isinstance(document._figure("count", "en"), Figures)
    assert not isinstance(document._figure("signed", "zh_Hans_CN"), Figures)


def test_a_mark_the_writer_does_not_know_is_still_escaped() -> None:
    figures = document._figure("count", "zh_Hans_CN")
    assert isinstance(figures, Figures)
    odd = NotApplicable("|")  # type: ignore[arg-type]
    # (Ints may go on as they are, for the %-format to write.)
    assert tuple(map(str, figures.many((1, None, odd)))) == ("1", "", "\\|")
    assert figures.many((1, None, NotApplicable("—"))) == (1, "", "—")
    with pytest.raises(TypeError):
        figures.many((1, Decimal("1.5")))


def test_figures_refuse_ints_and_texts_as_known_values() -> None:
    with pytest.raises(ValueError):
        Figures(str, {1: "1"})


@given(report=any_reports("legacy", max_depth=0))
def test_statistics_values_read_each_cell_as_value_does(report: Any) -> None:
    table: StatisticsTable = report.statistics
    cells = [(code, column) for code, row in table.rows.items() for column in row]
    cells += [("no such row", "value"), *((code, "no such column") for code in table.rows)]
    assert table.values(cells) == [table.value(code, column) for code, column in cells]


def test_from_source_is_the_default_slot() -> None:
    template = draw_template(lambda slot: [slot(lambda source: f"<{source}>")])
    assert template.fill("x") == "<x>"
    assert FROM_SOURCE < 0
