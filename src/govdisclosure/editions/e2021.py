"""The 2021 format (国办公开办函〔2021〕30号), in force from the 2021 reports on.

Source: formats.md §1.5–1.7 (checked against the official 附件 and real
reports).  Units of table 2 blocks A–C are not printed; 件 comes from a
practitioner schema (◐).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Literal

from attrs import field, frozen

from ..cells import Count, Money
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
    OtherHandling2021,
    Table4,
    UnableToProvide,
)
from .base import Edition, Reason, Variant

__all__ = ["EDITION", "DocumentRow2021", "Report2021", "Results2021", "Table2_2021", "Table3_2021"]

_A = "第二十条第（一）项"
_B = "第二十条第（五）项"
_C = "第二十条第（六）项"
_D = "第二十条第（八）项"
_DECISIONS = "本年处理决定数量"


@frozen(kw_only=True)
class DocumentRow2021:
    """Block A row: documents issued, repealed and in force."""

    issued: Count = cell("本年制发件数", unit="件")
    repealed: Count = cell("本年废止件数", unit="件")
    in_force: Count = cell("现行有效件数", unit="件")


@frozen(kw_only=True)
class Table2_2021:
    """二、主动公开政府信息情况: four captioned blocks of 条例 第二十条."""

    rules: DocumentRow2021 = part("规章", DocumentRow2021, block=_A)
    normative_documents: DocumentRow2021 = part("行政规范性文件", DocumentRow2021, block=_A)
    licensing: Count = cell("行政许可", unit="件", block=_B, column=_DECISIONS)
    penalties: Count = cell("行政处罚", unit="件", block=_C, column=_DECISIONS)
    enforcement: Count = cell("行政强制", unit="件", block=_C, column=_DECISIONS)
    fees: Money = cell("行政事业性收费", unit="万元", block=_D, column="本年收费金额（单位：万元）")
    #: Row labels printed otherwise than the format's, by row path.
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "二、主动公开政府信息情况"
    layout: ClassVar[Layout] = "blocks"


@frozen(kw_only=True)
class Results2021:
    """三、本年度办理结果 (2021): （一）–（七）.

    ``other_handling`` is the three official sub-rows, or a single
    :class:`ApplicantRow` for reports that print （六） as one row (a real
    variant, e.g. 洪泽区 2024): such a report is kept as printed, never
    spread over sub-rows it did not print.
    """

    disclosed: ApplicantRow = part("（一）予以公开", ApplicantRow, code="（一）")
    partly_disclosed: ApplicantRow = part(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", ApplicantRow, code="（二）"
    )
    not_disclosed: NotDisclosed = part("（三）不予公开", NotDisclosed, code="（三）")
    unable_to_provide: UnableToProvide = part("（四）无法提供", UnableToProvide, code="（四）")
    not_processed: NotProcessed = part("（五）不予处理", NotProcessed, code="（五）")
    other_handling: OtherHandling2021 | ApplicantRow = part(
        "（六）其他处理", OtherHandling2021, code="（六）"
    )
    total: ApplicantRow = part("（七）总计", ApplicantRow, code="（七）", total="results-total")


@frozen(kw_only=True)
class Table3_2021:
    """三、收到和处理政府信息公开申请情况 (2021): 25 rows × 7 columns."""

    new_applications: ApplicantRow = part(
        "一、本年新收政府信息公开申请数量", ApplicantRow, code="一"
    )
    carried_over: ApplicantRow = part("二、上年结转政府信息公开申请数量", ApplicantRow, code="二")
    results: Results2021 = part("三、本年度办理结果", Results2021, code="三")
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


def _parts(values: Iterable[Report2021]) -> tuple[Report2021, ...]:
    """The consolidated reports: any iterable of them, kept as a tuple."""
    return tuple(values)


tuple_converter(_parts)


@frozen(kw_only=True)
class Report2021(ReportBase):
    """A report in the 2021 format.

    ``parts`` is empty for a unit's own report; a consolidated report keeps
    the reports it was built from (without narrative), so the whole tree
    province ← cities ← counties stays available.
    """

    edition: ClassVar[Literal["2021"]] = "2021"
    table2: Table2_2021 = field(factory=Table2_2021)
    table3: Table3_2021 = field(factory=Table3_2021)
    table4: Table4 = field(factory=Table4)
    parts: tuple[Report2021, ...] = field(default=(), converter=_parts)


_SOURCE = "formats.md §2.6"

#: The 2021 format: six sections (formats.md §1.4), tables 2–4.
EDITION = Edition(
    id="2021",
    report_class=Report2021,
    # From the 2021 reports on (formats.md §1.1 ✅, local notices ◐).
    first_year=2021,
    last_year=None,
    name=N_("The 2021 format"),
    years_text=N_("reports on 2021 and later"),
    title=N_("2021 format (国办公开办函〔2021〕30号)"),
    section_headings=(
        "一、总体情况",
        "二、主动公开政府信息情况",
        "三、收到和处理政府信息公开申请情况",
        "四、政府信息公开行政复议、行政诉讼情况",
        "五、存在的主要问题及改进情况",
        "六、其他需要报告的事项",
    ),
    table_keys=("table2", "table3", "table4"),
    predecessor="2019",
    not_comparable=(
        Reason(
            "table2-publication",
            (("table2", "rules"), ("table2", "normative_documents")),
            N_(
                "The columns changed: 本年新制作数量 / 本年新公开数量 / 对外公开总数量 (2019 format) "
                "became 本年制发件数 / 本年废止件数 / 现行有效件数 (2021 format); 对外公开总数量 "
                "counted disclosures cumulatively, 现行有效件数 counts documents in force"
            ),
            _SOURCE,
        ),
        Reason(
            "table2-licensing",
            (("table2", "licensing"), ("table2", "other_services")),
            N_(
                "The columns changed: 上一年项目数量 / 本年增/减 / 处理决定数量 (2019 format) became "
                "本年处理决定数量 alone (2021 format), and the row 其他对外管理服务事项 was dropped"
            ),
            _SOURCE,
        ),
        Reason(
            "table2-penalties",
            (("table2", "penalties"), ("table2", "enforcement")),
            N_(
                "The columns changed: 上一年项目数量 / 本年增/减 / 处理决定数量 (2019 format) became "
                "本年处理决定数量 alone (2021 format)"
            ),
            _SOURCE,
        ),
        Reason(
            "table2-fees",
            (("table2", "fees"),),
            N_(
                "Counts became money: the number of fee items (上一年项目数量 / 本年增/减, 2019 "
                "format) became the amount charged (本年收费金额, 万元, 2021 format)"
            ),
            _SOURCE,
        ),
        Reason(
            "table2-procurement",
            (("table2", "procurement"),),
            N_("政府集中采购 was removed from the 2021 format; it has no successor"),
            _SOURCE,
        ),
        Reason(
            "table3-other-handling",
            (("table3", "results", "other_handling"),),
            N_(
                "（六）其他处理 is one row in one report and three sub-rows in the other; "
                "（七）总计 still compares the totals"
            ),
            "formats.md §2.3, §2.6",
            across=False,
        ),
    ),
    variants=(
        Variant(
            id="single-other-handling",
            path=("table3", "results", "other_handling"),
            blank=ApplicantRow,
            description=N_("（六）其他处理 printed as one row (as in the 2019 format)"),
        ),
    ),
    source="formats.md §1",
)
