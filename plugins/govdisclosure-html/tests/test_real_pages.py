"""The nine portal pages of tests/data, imported; expected figures read from each page by eye.

Each expectation cites the page's folder (tests/data/README.md gives the
source).  Table 3 is written as the page prints it, one line per row, seven
figures per line (自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计);
"_" is a cell the page leaves empty.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govdisclosure import Report2019, Report2021, ReportLegacy
from govdisclosure.introspect import iter_cells
from govdisclosure_html import ImportResult, import_html

DATA = Path(__file__).parent / "data"


def _import(folder: str) -> ImportResult:
    return import_html((DATA / folder / "page.html").read_bytes(), folder)


def _figures(lines: str) -> list[int | None]:
    out: list[int | None] = []
    for token in lines.split():
        out.append(None if token == "_" else int(token))
    return out


def _values(table: object) -> list[Any]:
    return [v for _, _, _, v in iter_cells(table)]


ZERO_ROW = "0 0 0 0 0 0 0\n"

# 2023_central-zhsyq_87885: table 3 as printed (25 rows, 2021 format).
T3_2023 = (
    "80 1 0 0 0 0 81\n"  # 一、本年新收
    + ZERO_ROW  # 二、上年结转
    + "22 0 0 0 0 0 22\n"  # （一）予以公开
    + "19 1 0 0 0 0 20\n"  # （二）部分公开
    + ZERO_ROW * 3
    + "1 0 0 0 0 0 1\n"  # （三）4.保护第三方合法权益
    + ZERO_ROW
    + "1 0 0 0 0 0 1\n"  # 6.属于四类过程性信息
    + "1 0 0 0 0 0 1\n"  # 7.属于行政执法案卷
    + "2 0 0 0 0 0 2\n"  # 8.属于行政查询事项
    + "31 0 0 0 0 0 31\n"  # （四）1.本机关不掌握相关政府信息
    + ZERO_ROW * 2
    + ZERO_ROW  # （五）1.信访举报投诉类申请
    + "1 0 0 0 0 0 1\n"  # 2.重复申请
    + ZERO_ROW * 3
    + "1 0 0 0 0 0 1\n"  # （六）1.逾期不补正
    + ZERO_ROW  # 2.逾期未缴纳费用
    + "1 0 0 0 0 0 1\n"  # 3.其他
    + "80 1 0 0 0 0 81\n"  # （七）总计
    + ZERO_ROW  # 四、结转下年度继续办理
)

# 2025_central-zhsyq_105587
T3_2025 = (
    "151 3 0 0 0 0 154\n"
    + ZERO_ROW
    + "33 0 0 0 0 0 33\n"
    + "38 0 0 0 0 0 38\n"
    + ZERO_ROW * 4
    + "3 0 0 0 0 0 3\n"  # 5.属于三类内部事务信息
    + "2 0 0 0 0 0 2\n"
    + "3 0 0 0 0 0 3\n"
    + "3 0 0 0 0 0 3\n"
    + "49 1 0 0 0 0 50\n"  # （四）1.
    + "3 0 0 0 0 0 3\n"
    + ZERO_ROW
    + "2 0 0 0 0 0 2\n"  # （五）1.
    + ZERO_ROW * 4
    + "8 0 0 0 0 0 8\n"  # （六）1.
    + "2 0 0 0 0 0 2\n"
    + "1 0 0 0 0 0 1\n"
    + "147 1 0 0 0 0 148\n"  # （七）总计
    + "4 2 0 0 0 0 6\n"  # 四、结转下年度继续办理
)

OFFICIAL_2021 = {
    # folder: (table 2 in printed order, table 3, table 4)
    "2021_jjp-jinjing-pianqu_80601": ("0 0 0 1 0 6 0 0 0", ZERO_ROW * 25, "0 " * 15, Decimal(0)),
    # One cell of 四、结转下年度继续办理 (商业企业) is printed empty.
    "2022_jjp-jinjing-pianqu_80617": (
        "0 0 0 1 0 7 0 0 0",
        ZERO_ROW * 24 + "0 _ 0 0 0 0 0\n",
        "0 " * 15,
        Decimal(0),
    ),
    "2023_central-zhsyq_87885": (
        "0 0 0 77 132 470 2629 1330 54",
        T3_2023,
        "1 1 0 0 2 4 0 0 1 5 1 0 1 0 2",
        Decimal("5949.088667"),
    ),
    "2025_central-zhsyq_105587": (
        "0 0 0 58 45 546 2418 644 64",
        T3_2025,
        "25 3 8 0 36 3 3 0 0 6 3 0 0 0 3",
        Decimal("4166.241619"),
    ),
}


@pytest.mark.parametrize("folder", sorted(OFFICIAL_2021))
def test_2021_format_pages_give_the_printed_figures(folder: str) -> None:
    report, provenance, problems = _import(folder)
    t2, t3, t4, fees = OFFICIAL_2021[folder]
    assert isinstance(report, Report2021)
    assert provenance.edition == "2021"
    assert _values(report.table2)[:-1] == _figures(t2)
    assert report.table2.fees == fees
    assert _values(report.table3) == _figures(t3)
    assert _values(report.table4) == _figures(t4)
    # Every cell of the three tables was printed and placed, none with doubt.
    assert len(provenance.cells) == 200
    assert not any(c.doubtful for c in provenance.cells)
    assert not [p for p in problems if p.code in ("cell-not-placed", "publisher-error")]


def test_the_2021_page_printing_the_2019_wording_records_it() -> None:
    # 2021_jjp-jinjing-pianqu_80601 prints 规范性文件 (2019 wording) and 本年&nbsp;…废止件数.
    _, provenance, _ = _import("2021_jjp-jinjing-pianqu_80601")
    by_path = {c.path: c for c in provenance.cells}
    issued = by_path["$.table2.normative_documents.issued"]
    assert issued.text == "1"
    assert issued.match == "other-edition"
    assert {(m.official, m.printed) for m in issued.labels} >= {("行政规范性文件", "规范性文件")}
    repealed = by_path["$.table2.rules.repealed"]
    assert repealed.match == "normalised"
    assert any(m.printed.startswith("本年\xa0") for m in repealed.labels)


def test_merged_value_cells_are_read_once_at_their_origin() -> None:
    # 2023_central-zhsyq_87885: 行政许可 2629 is one cell spanning the three
    # columns under 本年处理决定数量 (colspan=3).
    _, provenance, _ = _import("2023_central-zhsyq_87885")
    licensing = [c for c in provenance.cells if c.text == "2629"]
    assert len(licensing) == 1
    assert licensing[0].path == "$.table2.licensing"
    assert licensing[0].colspan == 3
    assert not licensing[0].doubtful


def test_the_2019_page() -> None:
    # 2019_jjp-jinjing-pianqu_80564: all zero but 政府集中采购 3 项, 147230元.
    report, provenance, problems = _import("2019_jjp-jinjing-pianqu_80564")
    assert isinstance(report, Report2019)
    assert provenance.edition == "2019"
    assert _values(report.table2) == [0] * 20 + [3, Decimal(147230)]
    assert report.table2.procurement.amount == Decimal(147230)
    assert report.table2.procurement.amount_unit == "元"
    assert _values(report.table3) == [0] * 23 * 7
    assert _values(report.table4) == [0] * 15
    assert len(provenance.cells) == 198
    assert report.period is not None
    assert report.period.start == dt.date(2019, 9, 1)  # "统计期限自2019年9月1日起至2019年12月31日"
    assert report.period.end == dt.date(2019, 12, 31)
    assert report.dates.written == dt.date(2020, 1, 6)
    assert report.dates.published == dt.date(2020, 1, 9)
    assert report.unit.name == "平潭综合实验区金井片区管理局"
    assert [s.heading[:2] for s in report.sections] == [
        "一、",
        "二、",
        "三、",
        "四、",
        "五、",
        "六、",
    ]
    assert not [p for p in problems if p.severity == "error"]


def test_the_2009_statistics_table_fits_the_fujian_template_with_its_column_by_position() -> None:
    # 2009_gaj-gonganju_80645: 指标名称 / 计量单位 / 年末统计; 主动公开信息数 15, 网站公开 15, rest 0.
    report, provenance, _ = _import("2009_gaj-gonganju_80645")
    assert isinstance(report, ReportLegacy)
    assert report.statistics.template == "fujian-2011"
    expected = {"1": 15, "1.1": 15} | {
        code: 0
        for code in (
            "1.2",
            "2",
            "2.1",
            "2.2",
            "2.3",
            "2.4",
            "2.5",
            "2.6",
            "3",
            "3.1",
            "3.2",
            "3.3",
            "4",
            "5",
            "6",
        )
    }
    assert {code: row["year"] for code, row in report.statistics.rows.items()} == expected
    # 年末统计 is neither 本年度 nor 历年累计: placed by position, so every cell is doubtful.
    assert all(c.doubtful and c.match == "position" for c in provenance.cells)
    labels = {m.printed: m for c in provenance.cells for m in c.labels}
    assert labels["6．其他形式申请数"].kind == "similar"  # the template prints 其它
    assert report.unit.name == "平潭县公安局"
    assert report.dates.written == dt.date(2010, 4, 10)  # 二○一○年四月十日


@pytest.mark.parametrize(
    ("folder", "code", "named"),
    [
        ("2013_central-dishuiju_80774", "no-table", None),
        ("2015_jtj-jiaojianju_80446", "report-in-attachment", "信息公开附表.xls"),
        (
            "2020_gaj-gonganju_80590",
            "report-in-attachment",
            "平潭综合实验区公安局2020年政府信息公开工作年度报告.doc",
        ),
    ],
)
def test_pages_without_report_tables_are_reported_not_guessed(
    folder: str, code: str, named: str | None
) -> None:
    report, provenance, problems = _import(folder)
    assert report is None
    assert provenance.cells == ()
    assert [p.code for p in problems] == [code]
    if named:
        assert named in problems[0].message("zh_Hans_CN")
        assert named in problems[0].message("en")
