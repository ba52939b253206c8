"""The cover sheet: who reports, for which year and period, the dates, the signatories.

These are the report's identity fields (:class:`~govdisclosure.report_base.ReportBase`),
one per row, label in column A and value in column B, so that the unit
filling a template types its name and dates where the sheet says and the
loader reads them back from the same places.  The edition and the
statistics template are shown but locked: they decide the layout of the
other sheets.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from typing import Any, Final, Literal

import attrs
from attrs import frozen

from govdisclosure.editions import Report, is_template_driven
from govdisclosure.i18n import N_, gettext
from govdisclosure.report_base import CONTACT_LABELS, Period, UnitKind

__all__ = ["COVER_FIELDS", "CoverField", "CoverProblem", "apply_cover", "parse_cover_value"]

FieldKind = Literal["fixed", "text", "required", "year", "date", "unit_kind"]


@frozen
class CoverField:
    """One row of the cover: ``label`` is a message id, ``path`` the report attribute path."""

    path: tuple[str, ...]
    label: str
    kind: FieldKind
    #: Shown only for reports where this is true (the template: legacy only).
    applies: Callable[[Report], bool] = lambda report: True

    def get(self, report: Report) -> Any:
        if self.path == ("edition",):
            return report.edition
        obj: Any = report
        for name in self.path:
            if obj is None:  # a period the report does not state
                return None
            obj = getattr(obj, name)
        return obj


def _legacy(report: Report) -> bool:
    return is_template_driven(report)


COVER_FIELDS: Final = (
    CoverField(("edition",), N_("Edition"), "fixed"),
    CoverField(("statistics", "template"), N_("Statistics template"), "fixed", _legacy),
    CoverField(("unit", "name"), N_("Reporting unit"), "required"),
    CoverField(("unit", "kind"), N_("Kind of unit"), "unit_kind"),
    CoverField(("unit", "region_code"), N_("Administrative division code"), "text"),
    CoverField(("unit", "parent"), N_("Reports to"), "text"),
    CoverField(("year",), N_("Year"), "year"),
    CoverField(("period", "start"), N_("Statistics period starts"), "date"),
    CoverField(("period", "end"), N_("Statistics period ends"), "date"),
    CoverField(("title",), N_("Title"), "text"),
    CoverField(("dates", "written"), N_("成文日期"), "date"),
    CoverField(("dates", "filled"), N_("填报日期"), "date"),
    CoverField(("dates", "published"), N_("发布日期"), "date"),
    CoverField(("signed_by",), N_("发文机关署名"), "text"),
    *(CoverField(("contact", name), label, "text") for name, label in CONTACT_LABELS),
)

#: How the cover shows a unit kind (message ids).
UNIT_KIND_LABELS: Final = {
    UnitKind.GOVERNMENT: N_("people's government (人民政府)"),
    UnitKind.DEPARTMENT: N_("government department (政府部门)"),
}


class CoverProblem(ValueError):
    """A cover value that cannot be read; ``args[0]`` is the expected message id."""


_DATE: Final = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")


def parse_cover_value(field: CoverField, value: Any) -> Any:
    """The report value of a cover cell, or :class:`CoverProblem`."""
    from .escape import unescape

    if isinstance(value, str):
        value = unescape(value)
        if field.kind != "text" and field.kind != "required":
            value = unicodedata.normalize("NFKC", value).strip()
        if value == "":
            value = None
    if field.kind in ("text", "required"):
        if value is None:
            if field.kind == "required":
                raise CoverProblem(N_("the reporting unit's name"))
            return None
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        return str(value)
    if field.kind == "year":
        return _year(value)
    if field.kind == "date":
        return _date(value, required=False)
    if field.kind == "unit_kind":
        return _unit_kind(value)
    return value


def _year(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str) and re.fullmatch(r"\d{4}\s*年?", value):
        value = int(value[:4])
    if type(value) is not int or not 1990 <= value <= 2100:
        raise CoverProblem(N_("a year from 1990 to 2100"))
    return value


def _date(value: Any, required: bool) -> dt.date | None:
    if isinstance(value, dt.datetime):
        if value.time() != dt.time(0):
            raise CoverProblem(N_("a date (2025-01-31 or 2025年1月31日)"))
        return value.date()
    if isinstance(value, dt.date):
        return value
    if value is None:
        if required:
            raise CoverProblem(N_("a date (2025-01-31 or 2025年1月31日)"))
        return None
    if isinstance(value, str):
        match = _DATE.fullmatch(value)
        if match:
            try:
                return dt.date(*(int(g) for g in match.groups()))
            except ValueError:
                pass
    raise CoverProblem(N_("a date (2025-01-31 or 2025年1月31日)"))


def _unit_kind(value: Any) -> UnitKind:
    if value is None:
        return UnitKind.GOVERNMENT
    text = str(value)
    for kind, label in UNIT_KIND_LABELS.items():
        names = {kind.value, label, *(gettext(loc, label) for loc in ("zh_Hans_CN", "en"))}
        if text in names or text in label:
            return kind
    raise CoverProblem(N_("the kind of unit (人民政府 or 政府部门)"))


def apply_cover(report: Report, values: dict[tuple[str, ...], Any]) -> Report:
    """``report`` with the cover's values in place (fixed fields are not read)."""
    updates: dict[str, dict[str, Any]] = {}
    top: dict[str, Any] = {}
    for path, value in values.items():
        if len(path) == 1:
            top[path[0]] = value
        else:
            updates.setdefault(path[0], {})[path[1]] = value
    for name, changes in updates.items():
        current = getattr(report, name)
        blank = all(v is None for v in changes.values())
        if name == "period" and blank:
            # Both dates blank: a period stated without dates stays so (the
            # workbook's data sheet says which); otherwise none is stated,
            # never the calendar year.
            undated = current is not None and current.start is None and current.end is None
            top[name] = current if undated else None
        elif name == "period" and current is None:
            top[name] = Period(**changes)
        else:
            top[name] = attrs.evolve(current, **changes)
    return attrs.evolve(report, **top)
