"""The numpy fast path gives exactly the reference's findings and totals.

:func:`govdisclosure.stacked.validate_stacked` must return, report by
report, what ``validate(report, rules=arithmetic_rules())`` returns, and
:func:`govdisclosure.stacked.stacked_totals` the cells of
:func:`govdisclosure.consolidate`'s result, on generated families of every
edition and layout: consistent, with blank and not-applicable cells, and
with cells moved or blanked in some reports; and on the example reports.
"""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_validation_reference import VARIANTS, changed

import govdisclosure as gd
from govdisclosure.aggregate import ConsolidationError
from govdisclosure.editions import Report
from govdisclosure.flat import shape_of
from govdisclosure.report_base import ReportingUnit
from govdisclosure.stacked import stack, stacked_totals, validate_stacked
from govdisclosure.testing import report_families
from govdisclosure.validation.arithmetic import arithmetic_rules
from locations import EXAMPLES

ARITHMETIC = arithmetic_rules()


def reference(reports: list[Report], blank: str) -> list[tuple[gd.Finding, ...]]:
    return [gd.validate(r, rules=ARITHMETIC, blank=blank) for r in reports]  # type: ignore[arg-type]


@pytest.mark.parametrize(("edition", "single", "template"), VARIANTS)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data(), blank=st.sampled_from(("missing", "zero")), blanks=st.booleans())
def test_stacked_equals_the_reference(
    edition: str, single: bool, template: str, data: st.DataObject, blank: str, blanks: bool
) -> None:
    family = data.draw(
        report_families(
            edition,
            single_other_handling=single,
            template=template,
            blanks=blanks,
            min_size=1,
            max_size=6,
            max_count=500,
        )
    )
    reports = [data.draw(st.one_of(st.just(r), changed(r))) for r in family]
    stacked = stack(reports)
    assert validate_stacked(stacked, blank=blank) == reference(reports, blank)  # type: ignore[arg-type]
    consolidated = gd.consolidate(reports, unit="合计单位")
    assert stacked_totals(stacked) == list(shape_of(consolidated).flatten(consolidated))


@pytest.mark.parametrize(
    "name", ["huaian-2024", "hongze-2024", "shanghai-szfbgt-2019", "yuxi-2017"]
)
def test_stacked_on_the_example_reports(name: str) -> None:
    report = gd.load(EXAMPLES / f"{name}.json")
    copies = [
        attrs.evolve(report, unit=ReportingUnit(name=f"{report.unit.name}{i}")) for i in range(5)
    ]
    stacked = stack(copies)
    for blank in ("missing", "zero"):
        assert validate_stacked(stacked, blank=blank) == reference(copies, blank)
    consolidated = gd.consolidate(copies, unit="合计单位")
    assert stacked_totals(stacked) == list(shape_of(consolidated).flatten(consolidated))


def test_totals_beyond_what_a_report_holds_are_refused_as_by_the_reference() -> None:
    report: Any = gd.load(EXAMPLES / "huaian-2024.json")
    big = attrs.evolve(report, table2=attrs.evolve(report.table2, licensing=10**15))
    stacked = stack([big, big])
    with pytest.raises(ConsolidationError) as fast:
        stacked_totals(stacked)
    with pytest.raises(ConsolidationError) as plain:
        gd.consolidate(
            [big, attrs.evolve(big, unit=ReportingUnit(name="另一单位"))], unit="合计单位"
        )
    assert str(fast.value) == str(plain.value)


def test_one_shape_only() -> None:
    a = gd.load(EXAMPLES / "huaian-2024.json")
    b = gd.load(EXAMPLES / "hongze-2024.json")  # （六） printed as one row: another shape
    with pytest.raises(ValueError, match="one shape"):
        stack([a, b])
