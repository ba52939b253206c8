"""The date rules at their edges: the day a period ends, a stated period's
end, the article that sets the deadline, and every field of the findings.

Each test here holds a behaviour that the other date tests left free (a
comparison off by one day, a stated end ignored, a parameter renamed):
docs/testing.md, "Mutation testing".
"""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from govdisclosure import Report2021, ReportingUnit, Section, UnitKind
from govdisclosure.check import validate
from govdisclosure.editions import EDITIONS
from govdisclosure.report_base import Period, ReportDates
from govdisclosure.validation import Finding
from govdisclosure.validation.dated import dates_hold, deadline_for

UNIT = ReportingUnit(name="某市人民政府", region_code="320800")
DEPT = ReportingUnit(name="某市生态环境局", kind=UnitKind.DEPARTMENT)
SECTIONS = tuple(
    Section(heading=h, paragraphs=("无。",)) for h in EDITIONS["2021"].section_headings
)
NEW = "条例（国务院令第711号）第四十九条"
OLD = "条例（国务院令第492号）第三十一条"


def _report(
    dates: ReportDates, *, unit: ReportingUnit = UNIT, period: Period | None = None
) -> Report2021:
    """A 2024 report with these dates, on the whole year unless ``period``."""
    period = Period.calendar_year(2024) if period is None else period
    return Report2021(unit=unit, year=2024, dates=dates, sections=SECTIONS, period=period)


def _rule(findings: tuple[Finding, ...], rule: str) -> list[Finding]:
    return [f for f in findings if f.rule == rule]


@pytest.mark.parametrize(
    ("year", "unit", "article"),
    [(2024, UNIT, NEW), (2019, DEPT, NEW), (2018, UNIT, OLD), (2008, DEPT, OLD)],
)
def test_the_deadline_names_the_article_in_force(
    year: int, unit: ReportingUnit, article: str
) -> None:
    found = deadline_for(Report2021(unit=unit, year=year))
    assert found is not None and found[1] == article


@pytest.mark.parametrize("which", ["written", "filled", "published"])
def test_a_date_on_the_last_day_of_the_period_is_not_early(which: str) -> None:
    end = dt.date(2024, 12, 31)
    on_the_day = _report(ReportDates(**{which: end}))
    assert _rule(validate(on_the_day), "dates.before-period-end") == []
    assert dates_hold(on_the_day)
    day_before = _report(ReportDates(**{which: end - dt.timedelta(days=1)}))
    (early,) = _rule(validate(day_before), "dates.before-period-end")
    assert (early.severity, early.path) == ("error", f"$.dates.{which}")
    assert early.involves == (f"$.dates.{which}", "$.period.end")
    assert early.message_id == "dates.before-period-end"
    assert (dict(early.params)["date"], dict(early.params)["end"]) == ("2024-12-30", "2024-12-31")
    assert "2024-12-30" in early.message("en") and "2024-12-31" in early.message("en")
    label = {"written": "成文日期", "filled": "填报日期", "published": "发布日期"}[which]
    assert label in early.message("zh_Hans_CN")
    assert not dates_hold(day_before)


def test_a_stated_period_end_is_the_end_dates_are_held_to() -> None:
    """A half-year period: a date after its end is not early, whatever the
    year's end; a date before it is, and the finding names the period's end."""
    half = Period(start=dt.date(2024, 1, 1), end=dt.date(2024, 6, 30))
    after = _report(ReportDates(written=dt.date(2024, 7, 15)), period=half)
    assert _rule(validate(after), "dates.before-period-end") == []
    before = _report(ReportDates(written=dt.date(2024, 6, 1)), period=half)
    (early,) = _rule(validate(before), "dates.before-period-end")
    assert early.involves == ("$.dates.written", "$.period.end")
    assert dict(early.params)["end"] == "2024-06-30"
    assert "2024-06-30" in early.message("zh_Hans_CN")


def test_without_a_stated_period_the_years_end_stands_in() -> None:
    dates = ReportDates(written=dt.date(2024, 12, 30))
    report = Report2021(unit=UNIT, year=2024, dates=dates, sections=SECTIONS)
    (early,) = _rule(validate(report), "dates.before-period-end")
    assert early.involves == ("$.dates.written", "$.year")
    assert dict(early.params)["end"] == "2024-12-31"
    on_the_day = attrs.evolve(report, dates=ReportDates(written=dt.date(2024, 12, 31)))
    assert _rule(validate(on_the_day), "dates.before-period-end") == []


def test_every_early_date_is_found_once() -> None:
    dates = ReportDates(
        written=dt.date(2024, 3, 1), filled=dt.date(2024, 12, 31), published=dt.date(2024, 5, 1)
    )
    found = _rule(validate(_report(dates)), "dates.before-period-end")
    assert sorted((f.path, dict(f.params)["date"]) for f in found) == [
        ("$.dates.published", "2024-05-01"),
        ("$.dates.written", "2024-03-01"),
    ]


@pytest.mark.parametrize("which", ["written", "published"])
def test_a_late_date_names_the_date_the_deadline_and_the_article(which: str) -> None:
    on_time = _report(ReportDates(**{which: dt.date(2025, 1, 31)}), unit=DEPT)
    assert _rule(validate(on_time), f"deadline.{which}") == []
    assert dates_hold(on_time)
    late = _report(ReportDates(**{which: dt.date(2025, 2, 1)}), unit=DEPT)
    assert not dates_hold(late)
    (finding,) = _rule(validate(late), f"deadline.{which}")
    assert (finding.severity, finding.path) == ("warning", f"$.dates.{which}")
    assert finding.involves == (f"$.dates.{which}", "$.year", "$.unit.kind")
    assert finding.message_id == "deadline.late"
    assert (dict(finding.params)["date"], dict(finding.params)["deadline"]) == (
        "2025-02-01",
        "2025-01-31",
    )
    zh = finding.message("zh_Hans_CN")
    assert "2025-02-01" in zh and "2025-01-31" in zh and NEW in zh
    assert ("成文日期" if which == "written" else "发布日期") in zh


def test_only_the_late_date_is_late() -> None:
    """A report signed late but published on time, and the reverse."""
    due = dt.date(2025, 3, 31)
    late = due + dt.timedelta(days=1)
    for written, published, rule in [
        (late, due, "deadline.written"),
        (due, late, "deadline.published"),
    ]:
        report = _report(ReportDates(written=written, published=published))
        assert not dates_hold(report)
        found = [f.rule for f in validate(report) if f.rule.startswith("deadline.")]
        assert found == [rule]
