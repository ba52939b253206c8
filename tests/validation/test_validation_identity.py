"""period.inverted, period.outside-year, edition.year: the report's period and edition
against its year."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import _sources
from govdisclosure.check import validate
from govdisclosure.cli import cli
from govdisclosure.editions import BUILTIN, EDITIONS, Edition, Report
from govdisclosure.plugin.builtin import core_rules
from govdisclosure.report_base import Period
from govdisclosure.testing.strategies import consistent_reports, edition_years
from govdisclosure.validation import Finding, dated
from govdisclosure.validation.identity import edition_fits_year, identity_rules
from locations import EXAMPLES

UNIT = gd.ReportingUnit(name="某市人民政府", region_code="320800")
IDS = {"period.inverted", "period.outside-year", "edition.year"}
RULES = identity_rules()
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def ids(findings: tuple[Finding, ...]) -> list[tuple[str, str]]:
    return [(f.rule, f.severity) for f in findings if f.rule in IDS]


def test_rules_are_registered_with_their_severities() -> None:
    by_id = {r.id: r for r in core_rules()}
    assert by_id["period.inverted"].severity == "error"
    assert by_id["period.outside-year"].severity == "warning"
    assert by_id["edition.year"].severity == "warning"
    for rule in RULES:
        assert rule.title and rule.description and rule.source


def test_calendar_period_of_the_year_passes() -> None:
    assert ids(validate(gd.Report2021(unit=UNIT, year=2024))) == []


def test_inverted_period_is_an_error() -> None:
    period = Period(start=dt.date(2024, 12, 31), end=dt.date(2024, 1, 1))
    findings = validate(gd.Report2021(unit=UNIT, year=2024, period=period))
    (inverted,) = [f for f in findings if f.rule == "period.inverted"]
    assert inverted.severity == "error"
    assert inverted.path == "$.period.start"
    assert inverted.involves == ("$.period.start", "$.period.end")
    assert "2024-12-31" in inverted.message("en") and "after it ends" in inverted.message("en")
    assert "晚于结束日" in inverted.message()
    # both dates are inside the year: nothing else
    assert ids(findings) == [("period.inverted", "error")]


def test_one_day_period_is_not_inverted() -> None:
    period = Period(start=dt.date(2024, 6, 1), end=dt.date(2024, 6, 1))
    assert ids(validate(gd.Report2021(unit=UNIT, year=2024, period=period))) == []


@pytest.mark.parametrize(
    ("start", "end", "path"),
    [
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31), "$.period.start"),
        (dt.date(2024, 1, 1), dt.date(2025, 1, 1), "$.period.end"),
        (dt.date(2023, 12, 1), dt.date(2024, 12, 31), "$.period.start"),
    ],
)
def test_period_outside_the_year_is_a_warning(start: dt.date, end: dt.date, path: str) -> None:
    report = gd.Report2021(unit=UNIT, year=2024, period=Period(start=start, end=end))
    (outside,) = [f for f in validate(report) if f.rule == "period.outside-year"]
    assert (outside.severity, outside.path) == ("warning", path)
    assert "$.year" in outside.involves
    assert "2024" in outside.message("en")
    assert "不在报告年度2024年内" in outside.message()


def test_edition_years_follow_the_formats() -> None:
    years = {e.id: (e.first_year, e.last_year) for e in EDITIONS.values()}
    assert years == {"2021": (2021, None), "2019": (2019, 2020), "legacy": (2008, 2018)}
    assert edition_fits_year("2021", 2021) and edition_fits_year("2021", 2040)
    assert not edition_fits_year("2021", 2020)
    assert edition_fits_year("2019", 2019) and edition_fits_year("2019", 2020)
    assert not edition_fits_year("2019", 2018) and not edition_fits_year("2019", 2021)
    assert edition_fits_year("legacy", 2008) and edition_fits_year("legacy", 2018)
    assert not edition_fits_year("legacy", 2007) and not edition_fits_year("legacy", 2019)
    assert edition_fits_year("some-plugin-edition", 1990)


def test_strategies_draw_years_that_fit() -> None:
    for edition in EDITIONS:
        first, last = edition_years(edition)
        assert edition_fits_year(edition, first) and edition_fits_year(edition, last)


def test_edition_of_another_year_is_a_warning() -> None:
    findings = validate(gd.Report2021(unit=UNIT, year=2017))
    (finding,) = [f for f in findings if f.rule == "edition.year"]
    assert (finding.severity, finding.path) == ("warning", "$.year")
    assert finding.involves == ("$.edition", "$.year")
    assert finding.message("en") == (
        "The 2021 format is for reports on 2021 and later, but this report is on 2017"
    )
    assert finding.message() == "2021年版格式适用于2021年及以后年度的报告，但本报告的年度为2017年"


@FAST
@given(
    st.sampled_from(["2021", "2019", "legacy"]).flatmap(
        lambda e: st.tuples(st.just(e), consistent_reports(e, year=None))
    ),
    st.integers(1990, 2040),
)
def test_edition_warning_exactly_when_the_year_does_not_fit(
    case: tuple[str, Report], year: int
) -> None:
    edition, report = case
    moved = attrs.evolve(report, year=year, period=Period.calendar_year(year))
    found = [f.severity for f in validate(moved, rules=RULES) if f.rule == "edition.year"]
    assert found == ([] if edition_fits_year(edition, year) else ["warning"])


@FAST
@given(
    st.sampled_from(
        [
            consistent_reports("2021"),
            consistent_reports("2019"),
            consistent_reports("legacy", template="fujian-2011"),
            consistent_reports("legacy", template="national-2016"),
        ]
    ).flatmap(lambda s: s)
)
def test_consistent_reports_pass(report: Report) -> None:
    assert ids(validate(report, rules=RULES)) == []


@FAST
@given(consistent_reports("2021"), st.integers(1, 364), st.data())
def test_swapped_period_is_always_an_error(report: Report, days: int, data: st.DataObject) -> None:
    start = dt.date(report.year, 1, 1) + dt.timedelta(days=data.draw(st.integers(0, 364 - days)))
    period = Period(start=start + dt.timedelta(days=days), end=start)
    found = ids(validate(attrs.evolve(report, period=period), rules=RULES))
    assert found == [("period.inverted", "error")]


def test_examples_keep_their_exit_codes() -> None:
    """No example gets one of these findings; the CLI's verdicts stay as they were."""
    files = sorted(EXAMPLES.glob("*.json")) + sorted((EXAMPLES / "consolidation").glob("*.json"))
    for path in files:
        assert ids(validate(gd.load(str(path)))) == [], path.name
    result = CliRunner().invoke(cli, ["validate", *map(str, files)])
    assert result.exit_code == 1  # pingtanxian-2012's published sums, on purpose


def test_new_with_a_year_before_the_edition_warns(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    runner = CliRunner()
    made = runner.invoke(cli, ["new", "-e", "2021", "-y", "2017", "-u", "X", "-o", str(out)])
    assert made.exit_code == 0, made.output
    result = runner.invoke(cli, ["validate", "--format", "json", "-l", "en", str(out)])
    assert result.exit_code == 1  # a blank report is not a filled-in one
    rules = [(f["rule"], f["severity"]) for f in json.loads(result.stdout)["findings"]]
    assert ("edition.year", "warning") in rules
    assert ("report.unfilled", "error") in rules


@pytest.mark.parametrize(
    ("start", "end", "path"),
    [
        # "涵盖2020年1月1日至12月21日", seen on http://www.shangluo.gov.cn/info/1677/56001.htm
        # (山阳县人民政府 2020): ten days of the year left out, most likely a typo.
        (dt.date(2020, 1, 1), dt.date(2020, 12, 21), "$.period.end"),
        # a unit set up during the year
        (dt.date(2020, 3, 1), dt.date(2020, 12, 31), "$.period.start"),
        (dt.date(2020, 6, 1), dt.date(2020, 6, 1), "$.period.start"),
    ],
)
def test_period_leaving_part_of_the_year_out_is_a_warning(
    start: dt.date, end: dt.date, path: str
) -> None:
    report = gd.Report2019(unit=UNIT, year=2020, period=Period(start=start, end=end))
    (partial,) = [f for f in validate(report) if f.rule.startswith("period.")]
    assert (partial.rule, partial.severity, partial.path) == (
        "period.partial-year",
        "warning",
        path,
    )
    assert partial.involves[-1] == "$.year"
    assert "leaves part of the year 2020 out" in partial.message("en")
    assert "未涵盖2020年全年" in partial.message()


def test_a_whole_year_or_a_period_outside_it_is_no_partial_year() -> None:
    whole = Period(start=dt.date(2020, 1, 1), end=dt.date(2020, 12, 31))
    outside = Period(start=dt.date(2019, 1, 1), end=dt.date(2019, 12, 31))
    inverted = Period(start=dt.date(2020, 12, 21), end=dt.date(2020, 1, 1))
    for period in (whole, outside, inverted, Period()):
        report = gd.Report2019(unit=UNIT, year=2020, period=period)
        assert "period.partial-year" not in [f.rule for f in validate(report)]
    for path in sorted(EXAMPLES.glob("*.json")):
        assert "period.partial-year" not in [f.rule for f in validate(gd.load(str(path)))]


def test_a_built_in_edition_is_found_without_the_registry(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The date screen reads a built-in edition from a plain ``dict``; any
    other id is still asked of the registry, plugins included."""

    class Refusing(Mapping[str, Edition]):
        def __getitem__(self, key: str) -> Edition:
            raise AssertionError(f"the registry was asked for {key!r}")

        def __iter__(self) -> Iterator[str]:
            return iter(())

        def __len__(self) -> int:
            return 0

    monkeypatch.setattr(dated, "EDITIONS", Refusing())
    assert edition_fits_year("2021", 2021) and not edition_fits_year("legacy", 2019)
    with pytest.raises(AssertionError, match="some-plugin-edition"):
        edition_fits_year("some-plugin-edition", 1990)
    monkeypatch.undo()
    plugin = attrs.evolve(BUILTIN[0], id="some-plugin-edition", first_year=2030, last_year=2031)
    monkeypatch.setattr(_sources, "editions", lambda: (plugin,))
    assert edition_fits_year("some-plugin-edition", 2030)
    assert not edition_fits_year("some-plugin-edition", 2029)
    assert edition_fits_year("2021", 2029)
