"""Consolidation at its edges: the 2019 format's printed unit of 采购总金额
taken from the reports that have a figure beside it, and the duplicate-unit
message's names, region codes and truncation.

Each test here holds a behaviour that the other consolidation tests left
free (docs/testing.md, "Mutation testing").
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.aggregate import ConsolidationError, consolidate, partly_blank_paths
from govdisclosure.aggregate.consolidate import SHOWN, duplicate_error
from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.flat import shape_of
from locations import ROOT

SHANGHAI = ROOT / "examples" / "shanghai-szfbgt-2019.json"


def _shanghai() -> gd.Report2019:
    report = gd.load(SHANGHAI)
    assert isinstance(report, gd.Report2019)
    return report


def _procurement(
    report: gd.Report2019, name: str, projects: int | None, amount: Decimal | None, unit: str
) -> gd.Report2019:
    t2 = report.table2
    row = attrs.evolve(t2.procurement, projects=projects, amount=amount, amount_unit=unit)
    return attrs.evolve(
        report, unit=gd.ReportingUnit(name=name), table2=attrs.evolve(t2, procurement=row)
    )


def test_the_amounts_unit_comes_from_the_reports_with_a_figure() -> None:
    """A report whose 采购 row is blank says nothing in any unit: its printed
    unit neither conflicts nor wins, whether it comes first or last."""
    shanghai = _shanghai()
    figures = _procurement(shanghai, "甲", 6, Decimal("251000"), "元")
    silent = _procurement(shanghai, "乙", None, None, "万元")
    for reports in ([silent, figures], [figures, silent]):
        total = consolidate(reports, "X")
        assert total.table2.procurement.amount_unit == "元"
        assert total.table2.procurement.amount == Decimal("251000")
        assert total.table2.procurement.projects == 6


def test_without_any_figure_the_first_reports_unit_is_kept() -> None:
    shanghai = _shanghai()
    a = _procurement(shanghai, "甲", None, None, "万元")
    b = _procurement(shanghai, "乙", None, None, "元")
    assert consolidate([a, b], "X").table2.procurement.amount_unit == "万元"
    assert consolidate([b, a], "X").table2.procurement.amount_unit == "元"


def test_amounts_in_two_units_name_the_field_and_both_units() -> None:
    shanghai = _shanghai()
    a = _procurement(shanghai, "甲", 1, None, "万元")
    b = _procurement(shanghai, "乙", None, Decimal("3"), "元")
    with pytest.raises(ConsolidationError) as info:
        consolidate([a, b], "X")
    assert info.value.code == "table-data"
    assert dict(info.value.params) == {
        "path": "table2.procurement.amount_unit",
        "values": "'万元', '元'",
    }


def test_a_duplicate_unit_is_named_with_its_region_code_and_holders() -> None:
    a = gd.blank_report("2021", 2024, gd.ReportingUnit(name="某局", region_code="530400"))
    with pytest.raises(ConsolidationError) as info:
        consolidate([a, a], "X")
    assert info.value.code == "duplicate-unit"
    assert dict(info.value.params) == {"units": "某局 [530400] ← 某局, 某局"}
    assert info.value.render("en") == (
        "Units would be counted more than once; each is shown with the inputs that contain "
        "it: 某局 [530400] ← 某局, 某局"
    )
    assert "Units" not in info.value.render("zh_Hans_CN")
    b = gd.blank_report("2021", 2024, gd.ReportingUnit(name="某局"))
    city = consolidate([b, a], "市")
    with pytest.raises(ConsolidationError) as info:
        consolidate([city, b], "省")
    assert dict(info.value.params) == {"units": "某局 ← 市, 某局"}


def test_a_long_duplicate_list_names_the_first_and_counts_the_rest() -> None:
    holders = [f"h{i:02}" for i in range(SHOWN + 1)]
    twice: dict[tuple[str, str | None], list[str]] = {
        (f"u{i:02}", None): holders for i in range(SHOWN + 2)
    }
    units = dict(duplicate_error(twice).params)["units"]
    assert isinstance(units, str)
    entries = units.split("; ")
    assert len(entries) == SHOWN + 1
    assert entries[0] == "u00 ← " + ", ".join(holders[:SHOWN]) + " …"
    assert entries[SHOWN - 1].startswith(f"u{SHOWN - 1:02} ← ")
    assert entries[-1] == "… (+2)"
    one: dict[tuple[str, str | None], list[str]] = {("u", None): holders[:SHOWN]}
    twenty = {key: holders[:2] for key in list(twice)[:SHOWN]}
    assert "…" not in str(dict(duplicate_error(twenty).params)["units"])
    exact = dict(duplicate_error(one).params)["units"]
    assert exact == "u ← " + ", ".join(holders[:SHOWN])


def test_a_folded_sum_reads_its_three_row_parts_folded() -> None:
    """洪泽区 prints （六） as one row, 淮安市 as three: the folded sum's partly
    blank cells are read off the parts folded the same way, so a blank in
    洪泽区's row is named and 淮安市's three rows raise nothing."""
    hongze = gd.load(ROOT / "examples" / "hongze-2024.json")
    huaian = gd.load(ROOT / "examples" / "huaian-2024.json")
    assert isinstance(hongze, gd.Report2021) and isinstance(huaian, gd.Report2021)
    assert partly_blank_paths(consolidate([hongze, huaian], "X", fold_other_handling=True)) == ()
    results = hongze.table3.results
    assert isinstance(results.other_handling, ApplicantRow)
    row = attrs.evolve(results.other_handling, natural_person=None)
    blank = attrs.evolve(
        hongze,
        table3=attrs.evolve(hongze.table3, results=attrs.evolve(results, other_handling=row)),
    )
    folded = consolidate([blank, huaian], "X", fold_other_handling=True)
    assert partly_blank_paths(folded) == (
        ("table3", "results", "other_handling", "natural_person"),
    )


def test_nothing_consolidated_with_a_narrative_is_its_blank_report() -> None:
    """An empty list and the unit's own report: the blank report of that
    report's edition, year and statistics template, with its text."""
    draft = gd.load(ROOT / "examples" / "pingtanxian-2012.json")
    assert isinstance(draft, gd.ReportLegacy)
    blank: gd.Report = consolidate([], "市", narrative=draft)
    assert isinstance(blank, gd.ReportLegacy)
    assert (blank.edition, blank.year, blank.unit.name) == ("legacy", 2012, "市")
    assert blank.statistics.template == "fujian-2011" == draft.statistics.template
    assert set(shape_of(blank).flatten(blank)) == {None}
    assert blank.sections == draft.sections


@pytest.mark.parametrize(
    ("name", "given", "code"),
    [
        ("pingtanxian-2012.json", {"year": 2011}, "years"),
        ("pingtanxian-2012.json", {"template": "national-2016"}, "templates"),
        ("huaian-2024.json", {"edition": "2019"}, "editions"),
    ],
)
def test_nothing_consolidated_must_agree_with_its_narrative(
    name: str, given: dict[str, Any], code: str
) -> None:
    draft = gd.load(ROOT / "examples" / name)
    with pytest.raises(ConsolidationError) as info:
        consolidate([], "市", narrative=draft, **given)
    assert info.value.code == code


def test_a_refusal_is_spaced_as_chinese_is_written() -> None:
    """A path or a figure beside Chinese words is spaced from them, as every
    other message is (``govdisclosure.i18n.spaced``): the refusal of a total
    too large read ``$.table3.new_applications.natural_person的合计为1800000000000000``."""
    from govdisclosure.aggregate.combine import _too_large

    error = _too_large(("table3", "new_applications", "natural_person"), 1_800_000_000_000_000)
    assert error.render("zh_Hans_CN") == (
        "$.table3.new_applications.natural_person 的合计为 1800000000000000，"
        "超过报告所能容纳的最大数量（1000000000000000）"
    )
    assert error.render("en") == (
        "The total at $.table3.new_applications.natural_person is 1800000000000000, "
        "above the largest count a report holds (1000000000000000)"
    )
