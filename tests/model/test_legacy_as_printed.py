"""A pre-2019 statistics table held as printed: derived templates, rows not
printed, printed column headings, and one table description for every table."""

from __future__ import annotations

from typing import Any

import attrs
import jsonschema
import orjson
import pytest
from hypothesis import HealthCheck, given, settings

import govdisclosure as gd
from govdisclosure.codec import unstructure
from govdisclosure.derive import PrintedRow, derive_template
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTemplate
from govdisclosure.errors import LoadError, Problem
from govdisclosure.registry import (
    UnknownTemplateError,
    printed_template,
    report_tables,
    template_of,
)
from govdisclosure.relations import report_equations
from govdisclosure.schema import json_schema
from govdisclosure.table_grid import report_grids
from govdisclosure.templates import parse_template, template_json
from govdisclosure.testing.strategies import any_reports, consistent_reports, printed_templates
from locations import EXAMPLES

FUJIAN = gd.find_template("fujian-2011")


def _as_printed(base: StatisticsTemplate) -> list[PrintedRow]:
    return [PrintedRow(label=r.label, unit=r.unit, base=r.code) for r in base.rows]


def _without_fax(report: ReportLegacy) -> ReportLegacy:
    """平潭县 2012 with its 2.传真申请数 row not printed and a row of its own added."""
    printed = [p for p in _as_printed(FUJIAN) if p.base != "2.2"]
    printed.insert(5, PrintedRow(label="7、微信申请数", unit="件"))
    template = derive_template(printed, base=FUJIAN)
    rows = {k: v for k, v in report.statistics.rows.items() if k != "2.2"}
    rows["added1"] = {"year": 4, "cumulative": 4}
    table = attrs.evolve(report.statistics, template=template.id, derived=template, rows=rows)
    return attrs.evolve(report, statistics=table)


@pytest.fixture
def pingtanxian_2012() -> ReportLegacy:
    report = gd.load(EXAMPLES / "pingtanxian-2012.json")
    assert isinstance(report, ReportLegacy)
    return report


# -- deriving ------------------------------------------------------------------


def test_a_table_printed_exactly_as_its_template_gets_the_template_back() -> None:
    assert derive_template(_as_printed(FUJIAN), base=FUJIAN) is FUJIAN


def test_rows_left_out_stay_in_place_marked_not_printed_and_added_rows_get_codes() -> None:
    printed = [p for p in _as_printed(FUJIAN) if p.base not in ("2.2", "3.3")]
    printed.insert(3, PrintedRow(label="政务微博发布信息数", unit="件"))
    derived = derive_template(printed, base=FUJIAN)
    assert derived.derived_from == "fujian-2011"
    assert derived.id.startswith("printed-")
    codes = [r.code for r in derived.rows]
    expected = [
        "1",
        "1.1",
        "1.2",
        "added1",
        "2",
        "2.1",
        "2.2",
        "2.3",
        "2.4",
        "2.5",
        "2.6",
        "3",
        "3.1",
        "3.2",
        "3.3",
        "4",
        "5",
        "6",
    ]
    assert codes == expected
    assert derived.not_printed == {"2.2", "3.3"}
    added = derived.row("added1")
    assert (added.unit, added.relation, added.parent) == ("件", "none", None)
    # The rows it matched keep their relations to their parents.
    assert derived.row("2.3").relation == "sum" and derived.row("2.3").parent == "2"
    # The same printed table derives the same template; another one another id.
    assert derive_template(printed, base=FUJIAN).id == derived.id
    assert derive_template(printed[:-1], base=FUJIAN).id != derived.id


def test_labels_units_and_numbering_are_kept_as_printed() -> None:
    printed = [
        PrintedRow(
            label=p.label.replace("1.", "1、"), unit="件" if p.base == "1" else p.unit, base=p.base
        )
        for p in _as_printed(FUJIAN)
    ]
    derived = derive_template(printed, base=FUJIAN)
    assert derived.row("1.1").label == "其中：1、网站公开"
    assert derived.row("1").unit == "件"
    assert derived.not_printed == frozenset()


def test_a_base_row_claimed_twice_or_unknown_is_refused() -> None:
    with pytest.raises(ValueError, match="claimed twice"):
        derive_template(
            [PrintedRow(label="a", base="1"), PrintedRow(label="b", base="1")], base=FUJIAN
        )
    with pytest.raises(ValueError, match="not a row of fujian-2011"):
        derive_template([PrintedRow(label="a", base="9.9")], base=FUJIAN)


def test_a_template_reads_back_from_its_json() -> None:
    derived = derive_template([p for p in _as_printed(FUJIAN) if p.base != "4"], base=FUJIAN)
    assert parse_template(template_json(derived)) == derived
    assert parse_template(template_json(FUJIAN)) == FUJIAN
    # A shipped template's JSON does not spell the fields it leaves at default.
    assert b'"printed"' not in template_json(FUJIAN)
    assert b'"printed": false' in template_json(derived)


# -- the report's JSON ---------------------------------------------------------


def test_a_report_carries_its_derived_template_and_headings_byte_for_byte(
    pingtanxian_2012: ReportLegacy,
) -> None:
    report = _without_fax(pingtanxian_2012)
    text = gd.dumps(report)
    data = orjson.loads(text)
    assert list(data["statistics"]) == ["template", "derived", "headings", "rows"]
    assert data["statistics"]["headings"] == {"year": "2012年度"}
    assert data["statistics"]["derived"]["id"] == data["statistics"]["template"]
    back = gd.loads(text)
    assert back == report and gd.dumps(back) == text
    # The reference converter agrees with the fast path.
    assert unstructure(report) == data


def test_an_example_without_a_derived_template_still_reads_back_byte_for_byte() -> None:
    for name in ("yuxi-2017", "pingtan-2011", "pingtanxian-2012"):
        text = (EXAMPLES / f"{name}.json").read_text(encoding="utf-8")
        assert gd.dumps(gd.loads(text)) == text
    assert "derived" not in orjson.loads((EXAMPLES / "yuxi-2017.json").read_bytes())["statistics"]


def _statistics_problems(report: ReportLegacy, **change: Any) -> list[tuple[str, str]]:
    data = orjson.loads(gd.dumps(report))
    for key, value in change.items():
        target = data["statistics"]
        *head, last = key.split("__")
        for part in head:
            target = target[part]
        target[last] = value
    with pytest.raises(LoadError) as caught:
        gd.loads(orjson.dumps(data))
    return [(p.path, p.expected) for p in caught.value.problems]


def test_a_carried_template_under_another_id_is_shown_with_the_id_it_has(
    pingtanxian_2012: ReportLegacy,
) -> None:
    report = _without_fax(pingtanxian_2012)
    assert report.statistics.derived is not None
    data = orjson.loads(gd.dumps(report))
    data["statistics"]["template"] = "printed-0000000000"
    with pytest.raises(LoadError) as caught:
        gd.loads(orjson.dumps(data))
    assert list(caught.value.problems) == [
        Problem(
            "$.statistics.derived.id",
            "the id named by statistics.template",
            repr(report.statistics.derived.id),
        )
    ]


def test_the_codec_refuses_a_carried_template_that_does_not_hold(
    pingtanxian_2012: ReportLegacy,
) -> None:
    report = _without_fax(pingtanxian_2012)
    assert _statistics_problems(report, template="printed-0000000000") == [
        ("$.statistics.derived.id", "the id named by statistics.template")
    ]
    shipped = _statistics_problems(report, template="fujian-2011", derived__id="fujian-2011")
    assert shipped == [
        (
            "$.statistics.derived.id",
            "an id of its own (a derived template cannot replace a shipped one)",
        )
    ]
    data = orjson.loads(gd.dumps(report))
    data["statistics"]["rows"]["2.2"] = {"year": 1}
    with pytest.raises(LoadError) as caught:
        gd.loads(orjson.dumps(data))
    assert [(p.path, p.expected) for p in caught.value.problems] == [
        ("$.statistics.rows['2.2'].year", "no value: the table as printed has no such row")
    ]
    # Said in Chinese by default, in English when asked.
    assert "无数值：印出的表格中没有这一行" in caught.value.render("zh_Hans_CN")
    assert "the table as printed has no such row" in caught.value.render("en")
    assert _statistics_problems(report, headings={"total": "合计"}) == [
        ("$.statistics.headings.total", "a column key of the template")
    ]
    data = orjson.loads(gd.dumps(report))
    data["statistics"]["derived"]["rows"][1]["parent"] = "nowhere"
    with pytest.raises(LoadError) as caught:
        gd.loads(orjson.dumps(data))
    assert [(p.path, p.expected) for p in caught.value.problems] == [
        ("$.statistics.derived.rows[1].parent", "the code of another row of the template")
    ]


def test_the_json_schema_accepts_a_report_with_a_derived_template(
    pingtanxian_2012: ReportLegacy,
) -> None:
    schema = json_schema("legacy")
    jsonschema.Draft202012Validator.check_schema(schema)
    data = orjson.loads(gd.dumps(_without_fax(pingtanxian_2012)))
    jsonschema.validate(data, schema)
    data["statistics"]["derived"]["rows"][0]["relation"] = "equals"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


# -- rules ---------------------------------------------------------------------


def test_relations_with_a_row_not_printed_say_not_printed_never_blank(
    pingtanxian_2012: ReportLegacy,
) -> None:
    report = _without_fax(pingtanxian_2012)
    for blank in ("missing", "zero"):
        findings = [
            f
            for f in gd.validate(report, blank=blank)
            if f.path.startswith("$.statistics.rows['2']")
        ]
        assert [f.message_id for f in findings] == ["relation.not-printed"] * 2, blank
        zh = findings[0].message("zh_Hans_CN")
        en = findings[0].message("en")
        assert "未印出，不是空白" in zh and "2.传真申请数" in zh
        assert "not printed, not blank" in en and "blank or not applicable" not in en
    # The publisher's own error in 主动公开 (2026 ≠ 1795 + 0) is still found.
    sums = [f for f in gd.validate(report) if f.message_id == "arithmetic.sum"]
    assert [f.path for f in sums] == [
        "$.statistics.rows['1'].year",
        "$.statistics.rows['1'].cumulative",
    ]


def test_a_blank_row_that_was_printed_is_still_blank(pingtanxian_2012: ReportLegacy) -> None:
    rows = dict(pingtanxian_2012.statistics.rows)
    rows["2.2"] = {"year": None, "cumulative": None}
    report = attrs.evolve(
        pingtanxian_2012, statistics=attrs.evolve(pingtanxian_2012.statistics, rows=rows)
    )
    findings = [f for f in gd.validate(report) if f.path.startswith("$.statistics.rows['2']")]
    assert [f.message_id for f in findings] == ["relation.not-checkable"] * 2


# -- one description, one path -------------------------------------------------


def test_describe_legacy_describes_a_template_as_the_typed_tables_are_described() -> None:
    (national,) = gd.describe("legacy")
    assert national.key == "statistics" and national.layout == "indicators"
    assert national.rows[0].is_group and national.rows[0].label == "一、主动公开情况"
    (fujian,) = gd.describe("legacy", template="fujian-2011")
    row = fujian.rows[0]
    assert [c.label for c in row.columns] == ["本年度", "历年累计"]
    assert fujian.cell_path(row, row.columns[1]) == ("statistics", "rows", "1", "cumulative")
    assert [t.layout for t in gd.describe("2021")] == ["blocks", "rows", "single-row"]
    assert [t.layout for t in gd.describe("2019")] == ["blocks", "rows", "single-row"]
    with pytest.raises(ValueError, match="only pre-2019"):
        gd.describe("2021", template="fujian-2011")
    with pytest.raises(UnknownTemplateError):
        gd.describe("legacy", template="nowhere-1999")


def test_the_report_as_printed_drives_descriptions_grids_and_renderers(
    pingtanxian_2012: ReportLegacy,
) -> None:
    report = _without_fax(pingtanxian_2012)
    (info,) = report_tables(report)
    assert [c.label for c in info.rows[0].columns] == ["2012年度", "历年累计"]
    assert [r.path[-1] for r in info.rows if not r.printed] == ["2.2"]
    printed = printed_template(report)
    assert "2.2" not in {r.code for r in printed.rows}
    assert template_of(report).row("2.2").printed is False
    (grid,) = report_grids(report)
    heads = [c.text for c in grid.cells if c.role == "head"]
    assert heads == ["统计指标", "单位", "2012年度", "历年累计"]
    labels = [c.text for c in grid.cells if c.role == "label"]
    assert "7、微信申请数" in labels and not any("传真" in text for text in labels)
    # Every cell of every relation is a cell of the table description.
    cells = {info.cell_path(r, c) for r in info.rows for c in r.columns}
    assert {p for eq in report_equations(report) for p in eq.involves} <= cells


def test_markdown_and_html_show_the_printed_headings_and_leave_out_rows_not_printed(
    pingtanxian_2012: ReportLegacy,
) -> None:
    report = _without_fax(pingtanxian_2012)
    for fmt in ("markdown", "html"):
        text = gd.render(report, fmt).decode("utf-8")
        assert "2012年度" in text and "7、微信申请数" in text, fmt
        assert "传真申请数" not in text, fmt


# -- laws ----------------------------------------------------------------------


@settings(max_examples=40, suppress_health_check=list(HealthCheck), deadline=None)
@given(consistent_reports("legacy", template="fujian-2011", as_printed=True, blanks=True))
def test_tables_printed_otherwise_round_trip_and_their_arithmetic_holds(report: Any) -> None:
    text = gd.dumps(report)
    assert gd.loads(text) == report and gd.dumps(gd.loads(text)) == text
    for finding in gd.validate(report, blank="zero"):
        if finding.rule.startswith("legacy."):
            assert finding.severity == "notice", finding.message("en")


@settings(max_examples=40, suppress_health_check=list(HealthCheck), deadline=None)
@given(consistent_reports("legacy", template="national-2016", as_printed=True))
def test_national_tables_printed_otherwise_hold_too(report: Any) -> None:
    assert gd.loads(gd.dumps(report)) == report
    absent = template_of(report).not_printed
    for finding in gd.validate(report):
        if finding.rule in ("legacy.sum", "legacy.of-which", "legacy.cumulative"):
            # Only what involves a row left out is not checkable; nothing fails.
            assert finding.message_id == "relation.not-printed", finding.message("en")
            assert absent


@settings(max_examples=30, suppress_health_check=list(HealthCheck), deadline=None)
@given(printed_templates("national-2016"))
def test_derived_templates_read_back_and_keep_every_base_row(template: StatisticsTemplate) -> None:
    assert parse_template(template_json(template)) == template
    base = gd.find_template("national-2016")
    assert {r.code for r in base.rows} <= {r.code for r in template.rows}


@settings(max_examples=40, suppress_health_check=list(HealthCheck), deadline=None)
@given(any_reports("legacy"))
def test_any_legacy_report_round_trips(report: Any) -> None:
    text = gd.dumps(report)
    assert gd.dumps(gd.loads(text)) == text
