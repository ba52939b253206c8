"""One screen for the nine rules about a report's unit, year, period and dates.

``unit.unnamed``, ``period.not-stated``, ``period.inverted``, ``period.outside-year``,
``period.partial-year``, ``edition.year`` (:mod:`.identity`), ``deadline.written``,
``deadline.published`` and ``dates.before-period-end`` (:mod:`.deadlines`)
each read a few fields of the report and almost never find anything.  Run
one by one they cost the engine a call, a generator and the same fields
read for each; :func:`dates_hold` asks all their questions in one
call and, when every answer is "nothing to report", the engine runs none of
them (:attr:`~.rules.Rule.screen`): over copies of the example reports,
seven of ten of which pass, the seven rules of then cost 7.3 µs a report instead of
10.9 (CPU time under a load of about 6).  The unit's name is one string test
here (``str.strip``), not a rule of its own run for every report.  It reads nothing the rules do not, and no
context: what it passes, the rules find nothing in, whatever the context
(the tests hold it to the rules on generated unit names, years, periods and
dates).
The two facts it shares with the rules, the deadline and the editions'
years, are defined here, below both.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from ..editions import BUILTIN, EDITIONS, Edition, Report
from ..report_base import UnitKind

__all__ = ["dates_hold", "deadline_for", "edition_fits_year"]


def deadline_for(report: Report) -> tuple[dt.date, str] | None:
    """The publication deadline of ``report`` and the article that sets it.

    ``None`` for years before 2008, when no regulation required a report.
    """
    year = report.year
    if year >= 2019:
        if report.unit.kind == UnitKind.DEPARTMENT:
            return dt.date(year + 1, 1, 31), "条例（国务院令第711号）第四十九条"
        return dt.date(year + 1, 3, 31), "条例（国务院令第711号）第四十九条"
    if year >= 2008:
        return dt.date(year + 1, 3, 31), "条例（国务院令第492号）第三十一条"
    return None


def edition_fits_year(edition: str, year: int) -> bool:
    """Whether ``edition`` is the format for reports on ``year`` (unknown
    editions fit: nothing is known against them).

    A built-in edition is found in a plain ``dict`` (:data:`_BUILT_IN`):
    :data:`~govdisclosure.editions.EDITIONS` looks it up in Python (its
    ``get`` and ``__getitem__``, some 3,000 instructions for every report
    the date screen reads) and finds a built-in id before any plugin's, so
    the answer is the same."""
    record = _BUILT_IN.get(edition)
    if record is None:
        record = EDITIONS.get(edition)
        if record is None:
            return True
    return record.fits_year(year)


#: The built-in editions by id (:func:`edition_fits_year`).
_BUILT_IN: Final[dict[str, Edition]] = {e.id: e for e in BUILTIN}


def dates_hold(report: Report) -> bool:
    """True when none of the nine rules has a finding on ``report``.

    The unit's name is not blank; the period is stated with both dates, in order, and is the whole year; the
    edition fits the year; no date of the report falls before the period's
    end; the dates signed and published are not after the deadline.
    """
    if not report.unit.name.strip():
        return False  # unit.unnamed
    period = report.period
    if period is None:
        return False  # period.not-stated
    start, end = period.start, period.end
    if start is None or end is None or start > end:
        return False  # period.not-stated, period.inverted
    year = report.year
    if start.year != year or end.year != year:
        return False  # period.outside-year
    if (start.month, start.day, end.month, end.day) != (1, 1, 12, 31):
        return False  # period.partial-year
    if not edition_fits_year(report.edition, year):
        return False  # edition.year
    dates = report.dates
    written, published = dates.written, dates.published
    for date in (written, dates.filled, published):
        if date is not None and date < end:
            return False  # dates.before-period-end (the stated end is the end)
    deadline = deadline_for(report)
    if deadline is None:
        return True
    due = deadline[0]
    # deadline.written, deadline.published
    return (written is None or written <= due) and (published is None or published <= due)
