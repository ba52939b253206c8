"""Pre-2019 reports (2007 regulation; reports for 2008–2018).

Before 2019 there was no single national report format: the text was free
and the statistics annex (政府信息公开情况统计表) varied by year and province.
So the legacy statistics table is *template-driven*: a
:class:`StatisticsTemplate` is data (rows with code, label, unit, parent and
relation; the set of value columns), and a :class:`StatisticsTable` holds
values addressed by row code and column key.  The national 2016–2018 table
and the Fujian 2011 variant ship with the library (``templates/*.json``);
plugins can add more through the ``govdisclosure_statistics_templates``
hook.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, ClassVar, Final, Literal

from attrs import field, frozen

from ..cells import NotApplicable, cell_problem
from ..errors import FieldValueError
from ..fields import codec_checked
from ..i18n import N_
from ..report_base import ReportBase
from ..tuples import tuple_converter
from .base import Edition

__all__ = [
    "EDITION",
    "LegacyCell",
    "ReportLegacy",
    "StatisticsTable",
    "StatisticsTemplate",
    "TemplateColumn",
    "TemplateRow",
]

#: A legacy cell: an int count, a Decimal amount (rows in 万元/元), blank or
#: not applicable.  Which of int or Decimal is allowed comes from the row's
#: unit in the template.
LegacyCell = int | Decimal | None | NotApplicable

#: Units whose values are money (Decimal); every other unit counts (int).
MONEY_UNITS = frozenset({"万元", "元"})

Relation = Literal["none", "sum", "of_which", "channel"]
Status = Literal["checked", "partly", "unchecked"]

#: Field metadata: the JSON leaves the field out while it holds its default,
#: so a report or template written before the field existed reads back and
#: writes out byte for byte.
OMIT_DEFAULT: dict[str, Any] = {"omit_if_default": True}


@frozen(kw_only=True)
class TemplateColumn:
    """A value column of a statistics template (统计数; 本年度 / 历年累计)."""

    key: str
    label: str
    #: True for a running total over the years (历年累计): it continues the
    #: previous year's value plus this year's.
    cumulative: bool = False


@frozen(kw_only=True)
class TemplateRow:
    """A row of a statistics template.

    ``relation`` says how the row stands to its ``parent``:

    * ``"sum"``: the parent equals the sum of its ``sum`` children;
    * ``"of_which"`` (其中): the row is at most its parent;
    * ``"channel"``: one of several channels of the parent; the same item
      published on several channels counts once, so the sum of channels
      need not equal the parent (checked as a notice only);
    * ``"none"``: no arithmetic tie.

    ``status`` carries how sure we are of the wording and relation
    (formats.md marks: ✅ checked, ◐ partly, ❓ unchecked).
    """

    code: str
    label: str
    #: None for a section header row (printed "——").
    unit: str | None = None
    #: Printed numbering (一, （一）, 1); may be empty.
    number: str = ""
    parent: str | None = None
    relation: Relation = "none"
    #: Indentation level for display.
    level: int = 0
    status: Status = "unchecked"
    #: False for a row of the template the report did not print (a template
    #: derived from a printed table keeps its base's rows that way, so the
    #: relations involving them say "not printed", never "blank").
    printed: bool = field(default=True, metadata=OMIT_DEFAULT)

    @property
    def is_header(self) -> bool:
        return self.unit is None

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS


@frozen(kw_only=True, cache_hash=True)
class StatisticsTemplate:
    """One variant of the pre-2019 statistics table, as data.

    Its hash is kept (``cache_hash``): renderers look a report's template
    up in caches once per report, and hashing every row anew took longer
    than what the caches saved.
    """

    id: str
    title: str
    description: str
    source: str
    columns: tuple[TemplateColumn, ...]
    rows: tuple[TemplateRow, ...]
    #: The template this one was derived from, for a table printed
    #: differently from every shipped template (see
    #: :mod:`govdisclosure.derive`); ``None`` for a shipped template.
    derived_from: str | None = field(default=None, metadata=OMIT_DEFAULT)

    def row(self, code: str) -> TemplateRow:
        for row in self.rows:
            if row.code == code:
                return row
        raise KeyError(code)

    @property
    def value_rows(self) -> tuple[TemplateRow, ...]:
        return tuple(r for r in self.rows if not r.is_header)

    @property
    def not_printed(self) -> frozenset[str]:
        """Codes of the rows the printed table left out (derived templates)."""
        return frozenset(r.code for r in self.rows if not r.printed)


@codec_checked
def _check_rows(
    instance: object, attribute: object, rows: dict[str, dict[str, LegacyCell]]
) -> None:
    """Every value is a count or an amount the JSON can hold, blank or "/"
    (which of count or amount a row wants is the template's to say, and
    the codec checks it against the template)."""
    for code, values in rows.items():
        for key, value in values.items():
            if cell_problem("money" if type(value) is Decimal else "count", value) is not None:
                raise FieldValueError(
                    f"StatisticsTable.rows[{code!r}][{key!r}]",
                    N_("a count, a Decimal amount, None (blank) or NotApplicable"),
                    repr(value),
                )


#: The values of a row the report did not print: none.
_NO_VALUES: Final[Mapping[str, LegacyCell]] = MappingProxyType({})


@frozen(kw_only=True)
class StatisticsTable:
    """The statistics annex: a template id and the values the report printed.

    ``rows`` maps a template row code to its values by column key
    (``{"1.1": {"value": 218972}}``).  Rows or columns the report did not
    print are absent, which reads as blank, never as zero.  Keys keep the
    order they were given in, so a saved report reads back byte for byte.

    A table printed differently from every shipped template (a row missing
    or added, another unit, "1、" for "1.") carries the template derived
    from it in ``derived`` (whose id is ``template``), so the report holds
    the table as printed and reads back without the template being
    installed anywhere.  ``headings`` keeps column headings printed other
    than the template's ("2012年度" for 本年度), by column key.
    """

    template: str
    derived: StatisticsTemplate | None = field(default=None, metadata=OMIT_DEFAULT)
    headings: dict[str, str] = field(factory=dict, metadata=OMIT_DEFAULT)
    rows: dict[str, dict[str, LegacyCell]] = field(factory=dict, validator=_check_rows)

    def value(self, code: str, column: str) -> LegacyCell:
        return self.rows.get(code, _NO_VALUES).get(column)

    def values(self, cells: Iterable[tuple[str, str]]) -> list[LegacyCell]:
        """:meth:`value` of each ``(code, column)`` of ``cells``, in one
        call: a renderer reads every cell of the table, and a method call
        per cell cost it more than the reading."""
        rows = self.rows
        return [rows.get(code, _NO_VALUES).get(column) for code, column in cells]

    def heading(self, column: TemplateColumn) -> str:
        """The column's heading as printed (the template's when none was kept)."""
        return self.headings.get(column.key, column.label)


def _parts(values: Iterable[ReportLegacy]) -> tuple[ReportLegacy, ...]:
    """The consolidated reports: any iterable of them, kept as a tuple."""
    return tuple(values)


tuple_converter(_parts)


@frozen(kw_only=True)
class ReportLegacy(ReportBase):
    """A pre-2019 report: free narrative plus a template-driven table."""

    edition: ClassVar[Literal["legacy"]] = "legacy"

    statistics: StatisticsTable
    parts: tuple[ReportLegacy, ...] = field(default=(), converter=_parts)


#: The pre-2019 statistics tables under the 2007 regulation, in force from
#: 2008-05-01, for the 2008–2018 reports (formats.md §0.2, §3; the
#: regulation's text is ❓ there).  The text was free; the headings follow
#: the blocks of the national 统计表, which real 2016–2018 reports mirror.
EDITION = Edition(
    id="legacy",
    report_class=ReportLegacy,
    first_year=2008,
    last_year=2018,
    name=N_("The pre-2019 format"),
    years_text=N_("reports on 2008 to 2018"),
    title=N_("Pre-2019 statistics table"),
    section_headings=(
        "一、概述",
        "二、主动公开政府信息情况",
        "三、回应解读情况",
        "四、依申请公开政府信息情况",
        "五、政府信息公开的收费及减免情况",
        "六、因政府信息公开申请行政复议、提起行政诉讼的情况",
        "七、存在的主要问题及改进措施",
        "八、其他需要报告的事项",
    ),
    table_keys=("statistics",),
    template_driven=True,
    source="formats.md §3",
)
