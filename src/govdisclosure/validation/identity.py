"""Identity: the reporting unit's name, the statistics period, and whether
the edition fits the year.

A report is by one unit (``unit.name``), is on one year (``year``) and
covers a statistics period (``period``, as the report states it):

* a unit's name that is empty or only blanks is an **error**: the report is
  nobody's (the ``new`` command refuses such a name, and an import of a page
  that prints no unit reports ``no-unit`` and gives it this empty name);
* a period not stated, or stated without its dates, is a **warning**: the
  figures' period is unknown, and it is never taken to be the calendar year;
* a period that starts after it ends is an **error**: no report can cover
  it, and the date checks that read the period's end go wrong with it;
* a period that reaches outside the report's year is a **warning**: an
  annual report is on the calendar year (formats.md §0.1: "a report covers
  one calendar year"), but an office may state a period that differs by a
  day, or the year may be the typo;
* a period within the year that leaves part of it out is a **warning**:
  "涵盖2020年1月1日至12月21日" (山阳县 2020) is most likely a typo for the
  31st, but a unit set up during the year reports from its first day;
* an edition that does not fit the year is a **warning**: each format was
  used for a run of years (formats.md §1.1, §2.1, §3), but a report filed
  in the wrong format is still a report, and a transcription may have picked
  the edition by its look.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..editions import EDITIONS, Report
from ..i18n import N_
from .dated import dates_hold, edition_fits_year
from .findings import Finding, Label
from .rules import Context, Rule

__all__ = ["edition_fits_year", "identity_rules"]


def _unnamed(report: Report, context: Context) -> Iterable[Finding]:
    if report.unit.name.strip():
        return ()
    return (
        Finding(
            rule="unit.unnamed",
            severity="error",
            path="$.unit.name",
            involves=("$.unit.name",),
            message_id="unit.unnamed",
        ),
    )


def _not_stated(report: Report, context: Context) -> Iterable[Finding]:
    # Each of these rules is a function returning its findings, not a
    # generator: when the date screen does not pass a report, all eight
    # run, and most of them find nothing (a generator made to find nothing
    # costs more than the test).
    period = report.period
    if period is None:
        return (
            Finding(
                rule="period.not-stated",
                severity="warning",
                path="$.period",
                involves=("$.period",),
                message_id="period.not-stated",
            ),
        )
    if period.start is not None and period.end is not None:
        return ()
    missing = [w for w, date in (("start", period.start), ("end", period.end)) if date is None]
    return (
        Finding(
            rule="period.not-stated",
            severity="warning",
            path=f"$.period.{missing[0]}",
            involves=tuple(f"$.period.{w}" for w in missing),
            message_id="period.no-dates" if len(missing) == 2 else "period.no-date",
            params={"which": Label((_ENDS[missing[0]],))},
        ),
    )


#: The two ends of a period, as messages name them.
_ENDS = {"start": N_("start date"), "end": N_("end date")}


def _inverted(report: Report, context: Context) -> Iterable[Finding]:
    period = report.period
    if period is None or period.start is None or period.end is None:
        return ()
    if period.start <= period.end:
        return ()
    return (
        Finding(
            rule="period.inverted",
            severity="error",
            path="$.period.start",
            involves=("$.period.start", "$.period.end"),
            message_id="period.inverted",
            params={"start": period.start.isoformat(), "end": period.end.isoformat()},
        ),
    )


def _outside_year(report: Report, context: Context) -> Iterable[Finding]:
    period = report.period
    if period is None or period.start is None or period.end is None:
        return ()
    year = report.year
    if period.start.year == year and period.end.year == year:
        return ()
    outside = [
        which
        for which, date in (("start", period.start), ("end", period.end))
        if date.year != report.year
    ]
    return (
        Finding(
            rule="period.outside-year",
            severity="warning",
            path=f"$.period.{outside[0]}",
            involves=(*(f"$.period.{w}" for w in outside), "$.year"),
            message_id="period.outside-year",
            params={
                "start": period.start.isoformat(),
                "end": period.end.isoformat(),
                "year": report.year,
            },
        ),
    )


def _partial_year(report: Report, context: Context) -> Iterable[Finding]:
    period = report.period
    if period is None or period.start is None or period.end is None:
        return ()
    start, end, year = period.start, period.end, report.year
    if start.year != year or end.year != year or start > end:
        return ()  # period.outside-year, period.inverted
    short = [
        which
        for which, date, whole in (("start", start, (1, 1)), ("end", end, (12, 31)))
        if (date.month, date.day) != whole
    ]
    if not short:
        return ()
    return (
        Finding(
            rule="period.partial-year",
            severity="warning",
            path=f"$.period.{short[0]}",
            involves=(*(f"$.period.{w}" for w in short), "$.year"),
            message_id="period.partial-year",
            params={"start": start.isoformat(), "end": end.isoformat(), "year": year},
        ),
    )


def _edition_year(report: Report, context: Context) -> Iterable[Finding]:
    edition = report.edition
    record = EDITIONS.get(edition)
    if record is None or record.fits_year(report.year):
        return ()
    name, years = record.name, record.years_text
    return (
        Finding(
            rule="edition.year",
            severity="warning",
            path="$.year",
            involves=("$.edition", "$.year"),
            message_id="edition.year",
            params={"edition": Label((name,)), "years": Label((years,)), "year": report.year},
        ),
    )


def identity_rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="unit.unnamed",
            severity="error",
            title=N_("Reporting unit not named"),
            description=(
                "The reporting unit's name is empty, or only blanks (spaces, the ideographic "
                "space U+3000, line breaks).  A report is one unit's account of its year: "
                "without a name it cannot be told whose it is, filed, compared with the "
                "unit's previous report or summed into its parent's.  An error, not a "
                "warning: a report is always some unit's, so an empty name is a mistake of "
                "the file, never a legitimate report.  `govdisclosure new` refuses such a "
                "name; an import of a page that prints no unit reports `no-unit` and leaves "
                "the name empty, which this rule then finds in the report written."
            ),
            source=(
                "条例 第四十九条 (each department and each government publishes its own report on "
                "the previous year; formats.md §0.1); "
                "the reporting unit as the model defines it (docs/model.md)"
            ),
            basis="structural",
            check=_unnamed,
            screen=dates_hold,
        ),
        Rule(
            id="period.not-stated",
            severity="warning",
            title=N_("Statistics period not stated"),
            description=(
                "The report states no statistics period, or states it with its dates left "
                "out (“本报告所列数据的统计期限自至。”, a template sentence not filled in).  "
                "A reader cannot tell what the figures cover; nothing is assumed (the "
                "calendar year is not filled in for the report).  A warning: the format's "
                "opening states the period by convention, not by rule, and an annual report "
                "is on its year."
            ),
            source=(
                "The conventional opening “本报告所列数据的统计期限为YYYY年1月1日至YYYY年12月31日” "
                "(formats.md §1.4, ◐); 统计期限 (formats.md §0.1)"
            ),
            basis="structural",
            check=_not_stated,
            screen=dates_hold,
        ),
        Rule(
            id="period.inverted",
            severity="error",
            title=N_("Statistics period starts after it ends"),
            description=(
                "The statistics period's start date is after its end date.  No report can "
                "cover such a period; the two dates are swapped or one is a typo.  (The "
                "other date rules read the period's end, so they are off too.)"
            ),
            source="Meaning of the statistics period (统计期限; formats.md §0.1)",
            basis="structural",
            check=_inverted,
            screen=dates_hold,
        ),
        Rule(
            id="period.outside-year",
            severity="warning",
            title=N_("Statistics period outside the report's year"),
            description=(
                "The statistics period starts or ends outside the year the report is on.  "
                "An annual report covers the calendar year before it is published, so the "
                "period or the year is probably a typo.  A warning: an office may state a "
                "period that differs from the calendar year (e.g. a unit set up during the "
                "year, or a period ending on the first day of the next year)."
            ),
            source=(
                "条例 第四十九条 (the report is on the previous year); “a report covers one "
                "calendar year” (formats.md §0.1)"
            ),
            basis="official",
            check=_outside_year,
            screen=dates_hold,
        ),
        Rule(
            id="period.partial-year",
            severity="warning",
            title=N_("Statistics period leaves part of the report's year out"),
            description=(
                "The statistics period lies within the report's year but does not run from "
                "1 January to 31 December (“涵盖2020年1月1日至12月21日”): the figures miss part "
                "of the year, or a date is a typo.  A warning: a unit set up or dissolved "
                "during the year reports on the part of it it existed."
            ),
            source=(
                "条例 第四十九条 (the report is on the previous year); “a report covers one "
                "calendar year” (formats.md §0.1)"
            ),
            basis="official",
            check=_partial_year,
            screen=dates_hold,
        ),
        Rule(
            id="edition.year",
            severity="warning",
            title=N_("Edition does not fit the report's year"),
            description=(
                "Each format was used for a run of years: the 2021 format (国办公开办函〔2021〕"
                "30号) for reports on 2021 and later, the 2019 format (国办公开办函〔2019〕60号, "
                "试行) for 2019 and 2020, the pre-2019 statistics tables (2007 regulation, in "
                "force from 2008-05-01) for 2008 to 2018.  A report in another format than "
                "its year's is probably mislabelled (wrong edition or wrong year).  A warning: "
                "an office may have used an old template.  How sure the years are (formats.md): "
                "the 2019 format for the 2019 reports is checked against a real report (✅); "
                "that the 2020 reports still used it, and that the 2021 format applies from "
                "the 2021 reports, rest on reports and local notices citing them (◐); the "
                "2007 regulation's text, and so the first legacy year, is not checked there "
                "(❓; 2008 is the first year it was in force)."
            ),
            source=(
                "国办公开办函〔2021〕30号 (applies from the 2021 reports, formats.md §1.1 ◐); "
                "国办公开办函〔2019〕60号 (2019 and 2020 reports, §2.1 ✅/◐); 2007 条例 "
                "(国务院令第492号), in force 2008-05-01 to 2019-05-14 (§0.2 ❓, §3)"
            ),
            basis="official",
            check=_edition_year,
            screen=dates_hold,
        ),
    )
