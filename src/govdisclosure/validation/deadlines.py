"""Dates: the statutory deadline, and dates that cannot be right.

The deadline depends on the regulation in force when the report was due
and on who reports (formats.md §0):

* reports for 2019 on (条例, 国务院令第711号, 第四十九条): a government
  department publishes by **31 January** of the next year; a people's
  government (整体 report, or its 办公厅/室 on its behalf) by **31 March**;
* reports for 2008–2018 (2007 条例, 国务院令第492号, 第三十一条): every
  administrative body by **31 March** of the next year.  (The 2018 reports
  were due on 2019-03-31, before the 2019 regulation took effect on
  2019-05-15.)

A late date is a *warning*: the report is still a report, and the date we
hold may be a repost's (the seed report was posted on a provincial portal
almost two years after it was signed).  A date before the reporting period
ends is an *error*: an annual report cannot be written, filled in or
published before the year it reports on is over.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from ..editions import Report
from ..i18n import N_
from .dated import dates_hold, deadline_for
from .findings import Finding, Label
from .rules import Context, Rule

__all__ = ["deadline_for", "deadline_rules"]

_DATE_LABELS = {
    "written": "成文日期",
    "filled": "填报日期",
    "published": "发布日期",
}


def _late(which: str, report: Report, context: Context) -> Iterable[Finding]:
    # A function returning its findings, not a generator: when the date
    # screen does not pass a report, all eight date rules run, and most of
    # them find nothing (a generator made to find nothing costs more than
    # the test).
    date: dt.date | None = getattr(report.dates, which)
    if date is None:
        return ()
    deadline = deadline_for(report)
    if deadline is None or date <= deadline[0]:
        return ()
    return (
        Finding(
            rule=f"deadline.{which}",
            severity="warning",
            path=f"$.dates.{which}",
            involves=(f"$.dates.{which}", "$.year", "$.unit.kind"),
            message_id="deadline.late",
            params={
                "date_label": Label((_DATE_LABELS[which],)),
                "date": date.isoformat(),
                "deadline": deadline[0].isoformat(),
                "regulation": Label((deadline[1],)),
            },
        ),
    )


def _before_end(report: Report, context: Context) -> Iterable[Finding]:
    # Without a stated end, the report is still on its year: the year's end
    # stands in (and the finding names the year, not a period it lacks).
    stated = report.period.end if report.period is not None else None
    end = stated if stated is not None else dt.date(report.year, 12, 31)
    dates = report.dates
    written, filled, published = dates.written, dates.filled, dates.published
    if (
        (written is None or written >= end)
        and (filled is None or filled >= end)
        and (published is None or published >= end)
    ):
        return ()
    source = "$.period.end" if stated is not None else "$.year"
    found = []
    for which, label in _DATE_LABELS.items():
        date: dt.date | None = getattr(dates, which)
        if date is not None and date < end:
            found.append(
                Finding(
                    rule="dates.before-period-end",
                    severity="error",
                    path=f"$.dates.{which}",
                    involves=(f"$.dates.{which}", source),
                    message_id="dates.before-period-end",
                    params={
                        "date_label": Label((label,)),
                        "date": date.isoformat(),
                        "end": end.isoformat(),
                    },
                )
            )
    return found


def _written(report: Report, context: Context) -> Iterable[Finding]:
    return _late("written", report, context)


def _published(report: Report, context: Context) -> Iterable[Finding]:
    return _late("published", report, context)


_DEADLINE_SOURCE = (
    "条例（国务院令第711号）第四十九条 (reports for 2019 on: departments by 31 January, "
    "governments by 31 March of the next year); 2007 条例（国务院令第492号）第三十一条 "
    "(reports for 2008–2018: 31 March) (formats.md §0)"
)


def deadline_rules() -> tuple[Rule, ...]:
    return (
        Rule(
            id="deadline.written",
            severity="warning",
            title=N_("Report signed after the deadline"),
            description=(
                "The 成文日期 (date under the issuing unit's name) is after the statutory "
                "publication deadline.  A warning, not an error: the report exists either way, "
                "and a late date may also be a transcription of a later revision."
            ),
            source=_DEADLINE_SOURCE,
            basis="official",
            check=_written,
            screen=dates_hold,
        ),
        Rule(
            id="deadline.published",
            severity="warning",
            title=N_("Report published after the deadline"),
            description=(
                "The 发布日期 (date the report was posted) is after the statutory deadline.  "
                "A warning: the date held may be that of a repost on another portal rather "
                "than of the first publication."
            ),
            source=_DEADLINE_SOURCE,
            basis="official",
            check=_published,
            screen=dates_hold,
        ),
        Rule(
            id="dates.before-period-end",
            severity="error",
            title=N_("Date before the reporting period ends"),
            description=(
                "成文日期, 填报日期 or 发布日期 falls before the end of the statistics period.  "
                "An annual report covers the whole period, so such a date is a typo (often "
                "the report year where the next year was meant)."
            ),
            source="条例 第四十九条, 第五十条: the report is on the previous year (formats.md §0)",
            basis="structural",
            check=_before_end,
            screen=dates_hold,
        ),
    )
