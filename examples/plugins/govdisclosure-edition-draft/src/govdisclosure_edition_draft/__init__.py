"""A fictional edition, ``draft-2027``, added by a plugin.

Everything an edition is lives in its :class:`~govdisclosure.editions.base.Edition`
record: the report class (built from ``cell``/``part`` fields like the
built-in tables, so the codec, schema, relations, renderers and strategies
derive everything from it), the years, the headings, the table keys, the
edition it follows and what is not comparable with it, and its layout
variants.  The hook hands the record to the core.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from attrs import field, frozen

from govdisclosure.cells import Count, Money
from govdisclosure.editions.applications import ApplicantRow, Table4
from govdisclosure.editions.base import Edition, Reason, Variant
from govdisclosure.editions.e2021 import EDITION as EDITION_2021
from govdisclosure.editions.e2021 import DocumentRow2021, Table3_2021
from govdisclosure.fields import cell, part
from govdisclosure.introspect import Layout
from govdisclosure.plugin import hookimpl
from govdisclosure.report_base import ReportBase
from govdisclosure.tuples import tuple_converter

__all__ = ["EDITION", "ConsultationRow", "ReportDraft2027", "Table2Draft"]

_A = "第二十条第（一）项"
_B = "第二十条第（五）项"
_C = "第二十条第（六）项"
_D = "第二十条第（八）项"
_E = "网上政务咨询（示例）"
_DECISIONS = "本年处理决定数量"


@frozen(kw_only=True)
class ConsultationRow:
    """The new block's row: consultations held and questions answered."""

    held: Count = cell("本年举办场次", unit="场")
    answered: Count = cell("本年答复问题数", unit="个")
    answered_online: Count = cell("其中：网上答复数", unit="个")


@frozen(kw_only=True)
class Table2Draft:
    """二、主动公开政府信息情况, with one more block than the 2021 format."""

    rules: DocumentRow2021 = part("规章", DocumentRow2021, block=_A)
    normative_documents: DocumentRow2021 = part("行政规范性文件", DocumentRow2021, block=_A)
    licensing: Count = cell("行政许可", unit="件", block=_B, column=_DECISIONS)
    penalties: Count = cell("行政处罚", unit="件", block=_C, column=_DECISIONS)
    enforcement: Count = cell("行政强制", unit="件", block=_C, column=_DECISIONS)
    fees: Money = cell("行政事业性收费", unit="万元", block=_D, column="本年收费金额（单位：万元）")
    consultations: ConsultationRow = part("网上政务咨询", ConsultationRow, block=_E)

    title: ClassVar[str] = "二、主动公开政府信息情况"
    #: Drawn as captioned blocks, like the national table 2 (TableInfo.layout).
    layout: ClassVar[Layout] = "blocks"


def _parts(values: Iterable[ReportDraft2027]) -> tuple[ReportDraft2027, ...]:
    """The consolidated reports: any iterable of them, kept as a tuple."""
    return tuple(values)


tuple_converter(_parts)


@frozen(kw_only=True)
class ReportDraft2027(ReportBase):
    """A report in the fictional draft-2027 format."""

    edition: ClassVar[Literal["draft-2027"]] = "draft-2027"

    table2: Table2Draft = field(factory=Table2Draft)
    table3: Table3_2021 = field(factory=Table3_2021)
    table4: Table4 = field(factory=Table4)
    parts: tuple[ReportDraft2027, ...] = field(default=(), converter=_parts)


EDITION = Edition(
    id="draft-2027",
    report_class=ReportDraft2027,
    first_year=2027,
    last_year=None,
    name="The draft-2027 format (fictional example)",
    years_text="reports on 2027 and later",
    title="draft-2027 format (a fictional example edition)",
    section_headings=EDITION_2021.section_headings,
    table_keys=("table2", "table3", "table4"),
    predecessor="2021",
    not_comparable=(
        Reason(
            "draft-consultations",
            (("table2", "consultations"),),
            "网上政务咨询 is new in the draft-2027 format; it has no predecessor",
            "examples/plugins/govdisclosure-edition-draft",
            across=False,
        ),
    ),
    variants=(
        Variant(
            id="single-other-handling",
            path=("table3", "results", "other_handling"),
            blank=ApplicantRow,
            description="（六）其他处理 printed as one row",
        ),
    ),
    source="examples/plugins/govdisclosure-edition-draft (fictional)",
)


@hookimpl
def govdisclosure_editions() -> list[Edition]:
    return [EDITION]
