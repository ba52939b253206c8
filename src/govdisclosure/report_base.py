"""What every report has, whatever its edition: the reporting unit, the
statistics period, dates, contact, the narrative, and :class:`ReportBase`
that each edition's report class extends with its tables.

Real reports carry three different dates (成文日期 on the signature,
填报日期 on the statistics table, 发布日期 on the web page); a model with a
single "date" would lose two of them, so all three are kept and any may be
unknown.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from typing import Any, Final

import attrs
from attrs import field, frozen

from .errors import FieldTypeError
from .fields import codec_checked
from .i18n import N_
from .tuples import texts, tuple_converter

__all__ = [
    "CONTACT_LABELS",
    "Contact",
    "Period",
    "ReportBase",
    "ReportDates",
    "ReportingUnit",
    "Section",
    "UnitKind",
]


@codec_checked
def _text(instance: object, attribute: attrs.Attribute[Any], value: str) -> None:
    if type(value) is not str:
        raise FieldTypeError(f"{type(instance).__name__}.{attribute.name}", N_("text"), repr(value))


class UnitKind(StrEnum):
    """What kind of body reports; it decides the deadline (条例 第四十九条)."""

    #: 人民政府 (a people's government at any level, or its 办公厅/室 on its behalf).
    GOVERNMENT = "government"
    #: 政府部门 (a department of a people's government).
    DEPARTMENT = "department"


@frozen(kw_only=True)
class ReportingUnit:
    """The body that publishes the report."""

    name: str = field(validator=_text)
    kind: UnitKind = UnitKind.GOVERNMENT
    #: GB/T 2260 administrative division code, where known (530400 for 玉溪市).
    region_code: str | None = None
    #: Name of the unit this one reports to or is consolidated into.
    parent: str | None = None

    def is_same_unit(self, other: ReportingUnit) -> bool:
        """Whether two reports are by one unit, across years and sources: the
        same region code when both state one, else the same name, spaces aside
        (an imported report states no code: an importer never guesses one).
        Consolidation is stricter (:attr:`key`: a code stated on one side only
        makes two units), since counting a unit twice must never pass."""
        if self.region_code and other.region_code:
            return self.region_code == other.region_code
        return "".join(self.name.split()) == "".join(other.name.split())

    @property
    def key(self) -> tuple[str, str | None]:
        """What makes two units the same unit: name and region code."""
        return (self.name, self.region_code)


@frozen(kw_only=True)
class Period:
    """The statistics period (统计期限) as the report states it.

    Real reports state it with dates ("统计期限自2024年1月1日至2024年12月31日"),
    state it with the dates left out ("本报告所列数据的统计期限自至。", a
    template not filled in: ``Period()``, both dates ``None``), or do not
    state it at all (``ReportBase.period is None``).  The three are kept
    apart: a report never gains a period it did not state.
    """

    start: dt.date | None = None
    end: dt.date | None = None

    @classmethod
    def calendar_year(cls, year: int) -> Period:
        return cls(start=dt.date(year, 1, 1), end=dt.date(year, 12, 31))

    @property
    def dated(self) -> bool:
        """Whether both dates are stated."""
        return self.start is not None and self.end is not None


@frozen(kw_only=True)
class ReportDates:
    """The three dates a real report carries; any may be unknown."""

    #: 成文日期: the date under the issuing unit's name.
    written: dt.date | None = None
    #: 填报日期: the date the statistics table was filled in.
    filled: dt.date | None = None
    #: 发布日期: the date the report was published (posted online).
    published: dt.date | None = None


@frozen(kw_only=True)
class Contact:
    """Signatories and contact printed under the statistics table."""

    #: 填报单位 (the office that filled in the table).
    filing_unit: str | None = None
    #: 单位负责人
    head: str | None = None
    #: 审核人
    reviewer: str | None = None
    #: 填报人
    filler: str | None = None
    #: 联系电话
    phone: str | None = None


#: Each field of :class:`Contact` and the label the form prints it under (a
#: message id), in the form's order: what the renderers print under the
#: statistics table and what the importers read back from that line.
CONTACT_LABELS: Final = (
    ("filing_unit", N_("填报单位")),
    ("head", N_("单位负责人")),
    ("reviewer", N_("审核人")),
    ("filler", N_("填报人")),
    ("phone", N_("联系电话")),
)


def sections(values: Iterable[Section]) -> tuple[Section, ...]:
    """Sections and sub-sections: any iterable of :class:`Section`, kept as a tuple."""
    return tuple(values)


tuple_converter(sections)


@frozen(kw_only=True)
class Section:
    """A narrative section: its heading as printed, paragraphs, sub-sections.

    Headings keep their printed numbering (``一、总体情况``,
    ``（一）健全组织领导``) because real reports vary it and a renderer must
    show what the office wrote.
    """

    heading: str
    paragraphs: tuple[str, ...] = field(default=(), converter=texts)
    subsections: tuple[Section, ...] = field(default=(), converter=sections)


@codec_checked
def _whole_year(instance: object, attribute: object, value: int) -> None:
    if type(value) is not int:
        raise FieldTypeError(f"{type(instance).__name__}.year", N_("a whole number"), repr(value))


@codec_checked
def _unit(instance: object, attribute: object, value: ReportingUnit) -> None:
    if not isinstance(value, ReportingUnit):
        raise FieldTypeError(f"{type(instance).__name__}.unit", N_("a ReportingUnit"), repr(value))


@frozen(kw_only=True)
class ReportBase:
    """Identity, dates and narrative; each edition adds its tables.

    ``period`` is what the report states: a :class:`Period` with dates, a
    :class:`Period` without (stated, left blank), or ``None`` (not stated).
    ``preamble`` holds the paragraphs before section 一 (the conventional
    "本年度报告根据…编制" opening); ``sections`` the numbered sections with
    their sub-headings, in printed order.
    """

    unit: ReportingUnit = field(validator=_unit)
    year: int = field(validator=_whole_year)
    #: The statistics period as stated; ``None`` when the report states none
    #: (never taken to be the calendar year).
    period: Period | None = None
    title: str | None = None
    dates: ReportDates = attrs.Factory(ReportDates)
    #: 发文机关署名 under the text, when it differs from ``unit.name``.
    signed_by: str | None = None
    contact: Contact = attrs.Factory(Contact)
    preamble: tuple[str, ...] = field(default=(), converter=texts)
    sections: tuple[Section, ...] = field(default=(), converter=sections)
