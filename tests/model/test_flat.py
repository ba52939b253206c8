"""``flat.shape_of``: the generated flat view agrees with the introspection walk."""

from __future__ import annotations

from pathlib import Path

import attrs
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import flat
from govdisclosure.editions import edition_of
from govdisclosure.flat import Shape, shape_of
from govdisclosure.introspect import iter_cells
from govdisclosure.registry import tables_of, template_of
from govdisclosure.testing.strategies import any_reports

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@settings(max_examples=60, deadline=None)
@given(any_reports(text="realistic"))
def test_flatten_reads_every_cell_in_printed_order(report: gd.Report) -> None:
    shape = shape_of(report)
    values = shape.flatten(report)
    assert len(values) == len(shape.paths) == len(shape.kinds)
    if isinstance(report, gd.ReportLegacy):
        for (_, _, code, key), value in zip(shape.paths, values, strict=True):
            assert value == report.statistics.value(str(code), str(key))
        return
    walked = [
        (path, value)
        for key, table in tables_of(report)
        for path, _, _, value in iter_cells(table, (key,))
    ]
    assert [key for key, _ in tables_of(report)] == list(edition_of(report).table_keys)
    assert list(shape.paths) == [path for path, _ in walked]
    assert list(values) == [value for _, value in walked]


@settings(max_examples=60, deadline=None)
@given(any_reports(text="realistic"))
def test_rebuild_of_flatten_is_the_report(report: gd.Report) -> None:
    shape = shape_of(report)
    values = shape.flatten(report)
    rebuilt = shape.rebuild(report, values)
    assert shape.flatten(rebuilt) == values
    if not isinstance(report, gd.ReportLegacy):
        assert rebuilt == report
    # A legacy row printed with no value at all ({"1": {}}) holds nothing a
    # flat view can carry; the rebuilt table leaves it out.


@settings(max_examples=40, deadline=None)
@given(st.lists(any_reports(text="realistic"), min_size=1, max_size=4), st.data())
def test_the_shape_remembered_is_the_shape_of_the_report_asked(
    reports: list[gd.Report], data: st.DataObject
) -> None:
    """``shape_of`` keeps the last report's shape: asked about reports in any
    order (and again), it answers each with that report's own shape."""
    own = [_fresh_shape(report) for report in reports]
    for _ in range(8):
        i = data.draw(st.integers(0, len(reports) - 1))
        assert shape_of(reports[i]) is own[i]


def _fresh_shape(report: gd.Report) -> Shape:
    """The shape found without the memory of the last report."""
    flat._last = (object(), flat._last[1])
    return shape_of(report)


@settings(max_examples=60, deadline=None)
@given(any_reports(text="realistic"))
def test_cells_by_path_is_every_cell_by_the_path_findings_name(report: gd.Report) -> None:
    """``gd.cells_by_path``: the walk's cells, keyed by path, in order; a
    pre-2019 table over every value row of its template."""
    got = gd.cells_by_path(report)
    if isinstance(report, gd.ReportLegacy):
        template = template_of(report)
        rows = [
            (row.code, column.key) for row in template.value_rows for column in template.columns
        ]
        assert list(got) == [("statistics", "rows", code, key) for code, key in rows]
        assert list(got.values()) == [report.statistics.value(c, k) for c, k in rows]
        return
    walked = [
        (path, value)
        for key, table in tables_of(report)
        for path, _, _, value in iter_cells(table, (key,))
    ]
    assert list(got.items()) == walked


def test_cells_by_path_reads_a_row_the_table_leaves_out_as_blank() -> None:
    report = gd.load(EXAMPLES / "yuxi-2017.json")
    assert isinstance(report, gd.ReportLegacy)
    rows = report.statistics.rows
    code = next(iter(rows))
    shorter = attrs.evolve(
        report,
        statistics=attrs.evolve(
            report.statistics, rows={c: r for c, r in rows.items() if c != code}
        ),
    )
    before, after = gd.cells_by_path(report), gd.cells_by_path(shorter)
    assert list(before) == list(after)
    changed = {path for path in before if before[path] != after[path]}
    assert changed and {path[2] for path in changed} == {code}
    assert all(after[path] is None for path in changed)
