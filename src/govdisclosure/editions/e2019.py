"""The 2019 format (国办公开办函〔2019〕60号, 试行), used for 2019 and 2020.

Source: formats.md §2 (checked against 上海市人民政府办公厅 2019).  Table 2
has signed 本年增/减 columns and a 政府集中采购 block whose amount is printed
without a unit (上海 wrote "251000元"), so the unit is kept beside it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from attrs import field, frozen

from ..cells import Count, Money, Signed
from ..fields import Balance, cell, part, printed
from ..i18n import N_
from ..introspect import Layout
from ..report_base import ReportBase
from ..tuples import tuple_converter
from .applications import (
    BALANCE_NOTE,
    ApplicantRow,
    NotDisclosed,
    NotProcessed,
    Table4,
    UnableToProvide,
)
from .base import Edition, Reason

__all__ = [
    "EDITION",
    "FeeItemRow2019",
    "ItemRow2019",
    "ProcurementRow2019",
    "PublicationRow2019",
    "Report2019",
    "Results2019",
    "Table2_2019",
    "Table3_2019",
]

_A = "第二十条第（一）项"
_B = "第二十条第（五）项"
_C = "第二十条第（六）项"
_D = "第二十条第（八）项"
_E = "第二十条第（九）项"


@frozen(kw_only=True)
class PublicationRow2019:
    """Block A row (2019)."""

    made: Count = cell("本年新制作数量", unit="件")
    published: Count = cell("本年新公开数量", unit="件")
    total_public: Count = cell("对外公开总数量", unit="件")


@frozen(kw_only=True)
class ItemRow2019:
    """Blocks B and C rows: items last year, signed change, decisions."""

    previous_items: Count = cell("上一年项目数量", unit="项")
    change: Signed = cell("本年增/减", unit="项")
    decisions: Count = cell("处理决定数量", unit="件")
    #: The sign printed before a positive change ("+" or none), if recorded.
    change_sign: str | None = printed("sign", of="change")


@frozen(kw_only=True)
class FeeItemRow2019:
    """Block D row: counts of fee items (not amounts)."""

    previous_items: Count = cell("上一年项目数量", unit="项")
    change: Signed = cell("本年增/减", unit="项")
    #: The sign printed before a positive change ("+" or none), if recorded.
    change_sign: str | None = printed("sign", of="change")


@frozen(kw_only=True)
class ProcurementRow2019:
    """Block E row: centralised procurement."""

    projects: Count = cell("采购项目数量", unit="项")
    amount: Money = cell(
        "采购总金额", note="The 2019 format prints no unit; amount_unit keeps the one printed."
    )
    #: The unit printed with the amount ("元", "万元"), if any.
    amount_unit: str | None = printed("unit", of="amount", choices=("元", "万元"))


@frozen(kw_only=True)
class Table2_2019:
    """二、主动公开政府信息情况 (2019): five captioned blocks."""

    rules: PublicationRow2019 = part("规章", PublicationRow2019, block=_A)
    normative_documents: PublicationRow2019 = part("规范性文件", PublicationRow2019, block=_A)
    licensing: ItemRow2019 = part("行政许可", ItemRow2019, block=_B)
    other_services: ItemRow2019 = part("其他对外管理服务事项", ItemRow2019, block=_B)
    penalties: ItemRow2019 = part("行政处罚", ItemRow2019, block=_C)
    enforcement: ItemRow2019 = part("行政强制", ItemRow2019, block=_C)
    fees: FeeItemRow2019 = part("行政事业性收费", FeeItemRow2019, block=_D)
    procurement: ProcurementRow2019 = part("政府集中采购", ProcurementRow2019, block=_E)
    #: Row labels printed otherwise than the format's, by row path.
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "二、主动公开政府信息情况"
    layout: ClassVar[Layout] = "blocks"


@frozen(kw_only=True)
class Results2019:
    """三、本年度办理结果 (2019): （六）其他处理 is a single row."""

    disclosed: ApplicantRow = part("（一）予以公开", ApplicantRow, code="（一）")
    partly_disclosed: ApplicantRow = part(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ApplicantRow, code="（二）"
    )
    not_disclosed: NotDisclosed = part("（三）不予公开", NotDisclosed, code="（三）")
    unable_to_provide: UnableToProvide = part("（四）无法提供", UnableToProvide, code="（四）")
    not_processed: NotProcessed = part("（五）不予处理", NotProcessed, code="（五）")
    other_handling: ApplicantRow = part("（六）其他处理", ApplicantRow, code="（六）")
    total: ApplicantRow = part("（七）总计", ApplicantRow, code="（七）", total="results-total")


@frozen(kw_only=True)
class Table3_2019:
    """三、收到和处理政府信息公开申请情况 (2019): 23 rows × 7 columns."""

    new_applications: ApplicantRow = part(
        "一、本年新收政府信息公开申请数量", ApplicantRow, code="一"
    )
    carried_over: ApplicantRow = part("二、上年结转政府信息公开申请数量", ApplicantRow, code="二")
    results: Results2019 = part("三、本年度办理结果", Results2019, code="三")
    carried_forward: ApplicantRow = part("四、结转下年度继续办理", ApplicantRow, code="四")
    #: Row labels printed otherwise than the format's, by row path.
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "三、收到和处理政府信息公开申请情况"
    layout: ClassVar[Layout] = "rows"
    note: ClassVar[str] = BALANCE_NOTE
    balances: ClassVar[tuple[Balance, ...]] = (
        Balance(
            "balance",
            ("new_applications", "carried_over"),
            ("results.total", "carried_forward"),
        ),
    )


def _parts(values: Iterable[Report2019]) -> tuple[Report2019, ...]:
    """The consolidated reports: any iterable of them, kept as a tuple."""
    return tuple(values)


tuple_converter(_parts)


@frozen(kw_only=True)
class Report2019(ReportBase):
    """A report in the 2019 format."""

    edition: ClassVar[Literal["2019"]] = "2019"
    table2: Table2_2019 = field(factory=Table2_2019)
    table3: Table3_2019 = field(factory=Table3_2019)
    table4: Table4 = field(factory=Table4)
    parts: tuple[Report2019, ...] = field(default=(), converter=_parts)


#: The 2019 format, for the 2019 and 2020 reports (formats.md §2.1: 2019 ✅
#: by a real report, 2020 ◐ "2020 reports cite it").
EDITION = Edition(
    id="2019",
    report_class=Report2019,
    first_year=2019,
    last_year=2020,
    name=N_("The 2019 format"),
    years_text=N_("reports on 2019 and 2020"),
    title=N_("2019 format (国办公开办函〔2019〕60号, trial)"),
    # Section 五 is worded as the one real 2019 report checked prints it
    # (上海市人民政府办公厅, formats.md §2.5, ◐); the official 2019 wording
    # was not seen, and formats.md only believes it matches 2021's (❓).
    section_headings=(
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、政府信息公开工作存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ),
    table_keys=("table2", "table3", "table4"),
    predecessor="legacy",
    not_comparable=(
        Reason(
            "statistics-table",
            (("statistics",), ("table2",), ("table3",), ("table4",)),
            N_(
                "The pre-2019 statistics table (政府信息公开情况统计表) and the tables of the 2019 "
                "and 2021 formats have different rows; no cell of one corresponds to a cell of "
                "the other"
            ),
            "formats.md §2, §3",
        ),
    ),
    source="formats.md §2",
)
