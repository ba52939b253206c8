"""Fields every report has, whatever its edition."""

from __future__ import annotations

import attrs
from attrs import field, frozen

from .common import Contact, Period, ReportDates, ReportingUnit, Section, sections
from .tuples import texts

__all__ = ["ReportBase"]


def _calendar_year(self: ReportBase) -> Period:
    return Period.calendar_year(self.year)


@frozen(kw_only=True)
class ReportBase:
    """Identity, dates and narrative; each edition adds its tables.

    ``preamble`` holds the paragraphs before section 一 (the conventional
    "本年度报告根据…编制" opening); ``sections`` the numbered sections with
    their sub-headings, in printed order.
    """

    unit: ReportingUnit
    year: int
    period: Period = attrs.Factory(_calendar_year, takes_self=True)
    title: str | None = None
    dates: ReportDates = attrs.Factory(ReportDates)
    #: 发文机关署名 under the text, when it differs from ``unit.name``.
    signed_by: str | None = None
    contact: Contact = attrs.Factory(Contact)
    preamble: tuple[str, ...] = field(default=(), converter=texts)
    sections: tuple[Section, ...] = field(default=(), converter=sections)
