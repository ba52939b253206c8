"""compare(): exact changes, and what cannot be compared across the formats."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.aggregate import compare, not_comparable
from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.flat import shape_of
from govdisclosure.i18n import gettext
from govdisclosure.testing.strategies import consistent_reports
from locations import EXAMPLES

TABLE2_REASONS = {
    "table2-publication",
    "table2-licensing",
    "table2-penalties",
    "table2-fees",
    "table2-procurement",
}


def test_same_unit_next_year_changes_and_relative_changes() -> None:
    old = gd.load(EXAMPLES / "pingtanxian-2011.json")
    new = gd.load(EXAMPLES / "pingtanxian-2012.json")
    c = compare(old, new)
    assert c.same_unit and c.notes == ()
    assert c.not_comparable == () and c.appeared == () and c.vanished == ()
    assert isinstance(old, gd.ReportLegacy) and isinstance(new, gd.ReportLegacy)
    cell = c.cell(("statistics", "rows", "1", "cumulative"))
    assert (cell.old, cell.new) == (1516, 3542)
    assert cell.change == 2026
    assert cell.relative == Fraction(2026, 1516)
    assert cell.percent() == Decimal("133.6")


def test_relative_change_is_none_when_old_is_zero_or_blank() -> None:
    blank = gd.blank_report("2021", 2023, "甲")

    def with_new(report: gd.Report2021, year: int, value: object) -> gd.Report2021:
        row = ApplicantRow(total=value)  # type: ignore[arg-type]
        return attrs.evolve(
            report, year=year, table3=attrs.evolve(report.table3, new_applications=row)
        )

    path = "$.table3.new_applications.total"
    for old_value, new_value, change in ((0, 5, 5), (None, 5, None), (5, None, None)):
        c = compare(with_new(blank, 2023, old_value), with_new(blank, 2024, new_value))
        cell = c.cell(path)
        assert cell.change == change and cell.relative is None
    c = compare(with_new(blank, 2023, 4), with_new(blank, 2024, 3))
    assert c.cell(path).relative == Fraction(-1, 4) and c.cell(path).percent() == Decimal("-25.0")


def test_money_changes_are_exact_decimals() -> None:
    a = gd.blank_report("2021", 2023, "甲")
    old = attrs.evolve(a, table2=attrs.evolve(a.table2, fees=Decimal("0.10")))
    new = attrs.evolve(a, year=2024, table2=attrs.evolve(a.table2, fees=Decimal("0.30")))
    cell = compare(old, new).cell(("table2", "fees"))
    assert cell.change == Decimal("0.20") and type(cell.change) is Decimal
    assert cell.relative == Fraction(2)


def test_2020_to_2021_lists_what_is_not_comparable() -> None:
    """formats.md §2.6: table 2 redefined, (六) one row → three; tables 3 and 4 compare."""
    old = attrs.evolve(gd.load(EXAMPLES / "shanghai-szfbgt-2019.json"), year=2020)
    new = gd.load(EXAMPLES / "huaian-2024.json")
    c = compare(old, new)
    ids = [n.reason.id for n in c.not_comparable]
    assert set(ids) == TABLE2_REASONS | {"table3-other-handling"}
    # Every cell without a counterpart is explained, none is silently dropped.
    assert c.appeared == () and c.vanished == ()
    explained_old = {u.path for n in c.not_comparable for u in n.old}
    explained_new = {u.path for n in c.not_comparable for u in n.new}
    compared = {x.path for x in c.cells}
    assert compared | explained_old == set(shape_of(old).paths)
    assert compared | explained_new == set(shape_of(new).paths)
    # No table-2 cell is compared; tables 3 and 4 are, (六) apart.
    assert not any(p[0] == "table2" for p in compared)
    assert ("table3", "results", "total", "total") in compared
    assert ("table4", "reconsideration", "total") in compared
    areas = {n.reason.id: n.area.render("zh_Hans_CN") for n in c.not_comparable}
    assert areas["table2-fees"] == "第二十条第（八）项"
    assert areas["table2-procurement"] == "第二十条第（九）项"
    assert areas["table3-other-handling"] == "（六）其他处理"
    assert all(
        n.message("en") and n.reason.source.startswith("formats.md") for n in c.not_comparable
    )
    # Different units: allowed, flagged.
    assert not c.same_unit and [n.code for n in c.notes] == ["different-units"]


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(consistent_reports("2019", year=2020), consistent_reports("2021", year=2021))
def test_every_2019_2021_difference_is_in_the_reason_table(old: gd.Report, new: gd.Report) -> None:
    c = compare(old, new)
    assert c.appeared == () and c.vanished == ()
    assert {n.reason.id for n in c.not_comparable} >= TABLE2_REASONS
    # The reason table names table-2 areas by prefix: both formats' cells fall under it.
    for n in c.not_comparable:
        assert n.old or n.new


def test_one_row_against_three_within_2021() -> None:
    c = compare(gd.load(EXAMPLES / "hongze-2024.json"), gd.load(EXAMPLES / "huaian-2024.json"))
    assert [n.reason.id for n in c.not_comparable] == ["table3-other-handling"]
    (n,) = c.not_comparable
    assert len(n.old) == 7 and len(n.new) == 21
    assert c.cell(("table3", "results", "total", "total")).change is not None
    assert any(x.path[0] == "table2" for x in c.cells)  # same edition: table 2 compares


def test_legacy_rows_that_appeared_or_vanished() -> None:
    old = gd.load(EXAMPLES / "pingtanxian-2011.json")
    assert isinstance(old, gd.ReportLegacy)
    rows = dict(old.statistics.rows)
    dropped = rows.pop("4")
    new = attrs.evolve(old, year=2012, statistics=attrs.evolve(old.statistics, rows=rows))
    c = compare(old, new)
    assert [u.path for u in c.vanished] == [("statistics", "rows", "4", k) for k in dropped]
    assert c.appeared == ()
    back = compare(new, old)
    assert [u.path for u in back.appeared] == [("statistics", "rows", "4", k) for k in dropped]
    assert [n.code for n in back.notes] == ["years-reversed"]


def test_different_templates_match_rows_by_label() -> None:
    c = compare(gd.load(EXAMPLES / "yuxi-2017.json"), gd.load(EXAMPLES / "pingtanxian-2012.json"))
    assert "templates" in [n.code for n in c.notes]
    assert c.cells == ()  # the two templates share no row wording
    assert c.appeared and c.vanished


def test_legacy_against_the_2021_format() -> None:
    c = compare(gd.load(EXAMPLES / "yuxi-2017.json"), gd.load(EXAMPLES / "huaian-2024.json"))
    assert c.cells == () and c.appeared == () and c.vanished == ()
    assert [n.reason.id for n in c.not_comparable] == ["statistics-table"]


def test_json_form() -> None:
    old = attrs.evolve(gd.load(EXAMPLES / "shanghai-szfbgt-2019.json"), year=2020)
    data = compare(old, gd.load(EXAMPLES / "huaian-2024.json")).to_dict("en")
    assert data["old"] == {
        "unit": "上海市人民政府办公厅",
        "region_code": "310000",
        "year": 2020,
        "edition": "2019",
    }
    cells = data["cells"]
    assert isinstance(cells, list) and cells
    first = cells[0]
    assert set(first) == {"path", "label", "old", "new", "change", "relative", "percent"}
    assert isinstance(data["not_comparable"], list) and len(data["not_comparable"]) == 6


def test_reason_table_prefixes_exist_in_the_definitions() -> None:
    """A typo in the reason table would silently explain nothing."""
    paths = set()
    for report in (
        gd.blank_report("2019", 2020, "x"),
        gd.blank_report("2021", 2021, "x"),
        gd.load(EXAMPLES / "yuxi-2017.json"),
    ):
        paths |= set(shape_of(report).paths)
    for reason in not_comparable():
        for prefix in reason.prefixes:
            assert any(p[: len(prefix)] == prefix for p in paths), (reason.id, prefix)


def test_reasons_read_in_chinese() -> None:
    for reason in not_comparable():
        assert gettext("zh_Hans_CN", reason.text) != reason.text


def test_a_unit_whose_region_code_one_side_does_not_state_is_the_same_unit() -> None:
    """An imported report has no region code (an importer never guesses one): compared
    with the unit's own file that has it, the unit is the same, as the continuity
    rules (``validate --previous``) have it; different codes are different units."""
    transcribed = gd.load(EXAMPLES / "huaian-2024.json")
    assert transcribed.unit.region_code == "320800"
    imported = attrs.evolve(transcribed, unit=attrs.evolve(transcribed.unit, region_code=None))
    c = compare(transcribed, imported)
    assert c.same_unit and c.notes == ()
    elsewhere = attrs.evolve(transcribed, unit=attrs.evolve(transcribed.unit, region_code="110000"))
    assert [n.code for n in compare(transcribed, elsewhere).notes] == ["different-units"]
    note = compare(transcribed, elsewhere).notes[0]
    assert "淮安市人民政府 [320800] and 淮安市人民政府 [110000]" in note.message("en")
