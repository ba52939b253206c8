"""Table 3 (收到和处理政府信息公开申请情况) and table 4 (行政复议、行政诉讼),
shared by the 2019 and 2021 formats.

formats.md §1.6, §1.7, §2.3: the columns, the labels of rows 一, 二, 四 and
results （一）–（五）, （七） and the whole of table 4 are identical in both
formats; only （六）其他处理 differs (one row in 2019, three sub-rows in 2021).
"""

from __future__ import annotations

from typing import ClassVar

from attrs import frozen

from ..cells import Count
from ..fields import cell, part, printed
from ..introspect import Layout

__all__ = [
    "BALANCE_NOTE",
    "ApplicantRow",
    "NotDisclosed",
    "NotProcessed",
    "OtherHandling2021",
    "ReviewOutcomes",
    "Table4",
    "UnableToProvide",
]

#: The 勾稽关系 note printed in the corner of table 3 (both formats).
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

_ORG = "法人或其他组织"


@frozen(kw_only=True)
class ApplicantRow:
    """One row of table 3 across the seven applicant columns.

    The official table has no 法人或其他组织 subtotal column; it is a header
    group only, recorded here as each column's ``block``.
    """

    natural_person: Count = cell("自然人")
    commercial_enterprise: Count = cell("商业企业", block=_ORG)
    research_institution: Count = cell("科研机构", block=_ORG)
    social_welfare_organization: Count = cell("社会公益组织", block=_ORG)
    legal_service_institution: Count = cell("法律服务机构", block=_ORG)
    other_organization: Count = cell("其他", block=_ORG)
    total: Count = cell("总计", total="row-total")

    #: Header group of the seven columns.
    header: ClassVar[str] = "申请人情况"


@frozen(kw_only=True)
class NotDisclosed:
    """（三）不予公开: eight grounds."""

    state_secret: ApplicantRow = part("1.属于国家秘密", ApplicantRow, code="1")
    prohibited_by_law: ApplicantRow = part("2.其他法律行政法规禁止公开", ApplicantRow, code="2")
    security_and_stability: ApplicantRow = part("3.危及“三安全一稳定”", ApplicantRow, code="3")
    third_party_rights: ApplicantRow = part("4.保护第三方合法权益", ApplicantRow, code="4")
    internal_affairs: ApplicantRow = part("5.属于三类内部事务信息", ApplicantRow, code="5")
    process_information: ApplicantRow = part("6.属于四类过程性信息", ApplicantRow, code="6")
    enforcement_case_files: ApplicantRow = part("7.属于行政执法案卷", ApplicantRow, code="7")
    administrative_inquiry: ApplicantRow = part("8.属于行政查询事项", ApplicantRow, code="8")


@frozen(kw_only=True)
class UnableToProvide:
    """（四）无法提供: three grounds."""

    not_held: ApplicantRow = part("1.本机关不掌握相关政府信息", ApplicantRow, code="1")
    needs_new_making: ApplicantRow = part("2.没有现成信息需要另行制作", ApplicantRow, code="2")
    still_unclear: ApplicantRow = part("3.补正后申请内容仍不明确", ApplicantRow, code="3")


@frozen(kw_only=True)
class NotProcessed:
    """（五）不予处理: five grounds."""

    petition_or_complaint: ApplicantRow = part("1.信访举报投诉类申请", ApplicantRow, code="1")
    repeated: ApplicantRow = part("2.重复申请", ApplicantRow, code="2")
    publications: ApplicantRow = part("3.要求提供公开出版物", ApplicantRow, code="3")
    mass_repeated: ApplicantRow = part("4.无正当理由大量反复申请", ApplicantRow, code="4")
    confirm_or_reissue: ApplicantRow = part(
        "5.要求行政机关确认或重新出具已获取信息", ApplicantRow, code="5"
    )


@frozen(kw_only=True)
class OtherHandling2021:
    """（六）其他处理 in the 2021 format: three sub-rows."""

    overdue_correction: ApplicantRow = part(
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ApplicantRow,
        code="1",
    )
    unpaid_fee: ApplicantRow = part(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ApplicantRow,
        code="2",
    )
    other: ApplicantRow = part("3.其他", ApplicantRow, code="3")


@frozen(kw_only=True)
class ReviewOutcomes:
    """One outcome group of table 4 (five columns)."""

    upheld: Count = cell("结果维持", unit="件")
    corrected: Count = cell("结果纠正", unit="件")
    other: Count = cell("其他结果", unit="件")
    pending: Count = cell("尚未审结", unit="件")
    total: Count = cell("总计", unit="件", total="group-total")


@frozen(kw_only=True)
class Table4:
    """四、政府信息公开行政复议、行政诉讼情况: one row of 15 cells in 3 groups.

    There is no 行政诉讼 total column across the two litigation groups.
    """

    reconsideration: ReviewOutcomes = part("行政复议", ReviewOutcomes)
    litigation_direct: ReviewOutcomes = part("未经复议直接起诉", ReviewOutcomes, block="行政诉讼")
    litigation_after_reconsideration: ReviewOutcomes = part(
        "复议后起诉", ReviewOutcomes, block="行政诉讼"
    )
    #: Row labels printed otherwise than the format's, by row path.
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "四、政府信息公开行政复议、行政诉讼情况"
    layout: ClassVar[Layout] = "single-row"
