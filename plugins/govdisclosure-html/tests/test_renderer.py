"""Renderer ``html`` checked by html5lib, the reference HTML5 parser.

What the official format draws must be in the tree html5lib builds: the
merged header cells with their spans, ``<th scope>`` on every header,
a ``<caption>`` per table, the language, print CSS, and no script.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import html5lib
import pytest

import govdisclosure as gd
from govdisclosure.rendering import RenderError
from govdisclosure_html import render_html

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NS = "{http://www.w3.org/1999/xhtml}"


def _parse(text: str | bytes) -> ET.Element:
    parser = html5lib.HTMLParser(strict=True)  # a parse error fails the test
    root: ET.Element = parser.parse(text)
    return root


def _text(node: ET.Element) -> str:
    return "".join(node.itertext()).strip()


def _tables(root: ET.Element) -> list[ET.Element]:
    return list(root.iter(f"{NS}table"))


def _cells(row: ET.Element) -> list[ET.Element]:
    return [c for c in row if c.tag in (f"{NS}th", f"{NS}td")]


def test_the_page_is_well_formed_html5_with_language_and_no_script() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    page = gd.render(report, "html")
    root = _parse(page)
    assert root.get("lang") == "zh-CN"
    assert not list(root.iter(f"{NS}script"))
    assert "on" not in " ".join(k[:2] for e in root.iter() for k in e.attrib)  # no event handlers
    style = _text(next(root.iter(f"{NS}style")))
    assert "@media print" in style and "@page" in style
    assert _text(next(root.iter(f"{NS}title"))) == report.title
    en = _parse(gd.render(report, "html", locale="en"))
    assert en.get("lang") == "en"


def test_table3_draws_the_official_merged_header_and_nested_rows() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    root = _parse(gd.render(report, "html"))
    table3 = _tables(root)[1]
    assert _text(next(table3.iter(f"{NS}caption"))) == "三、收到和处理政府信息公开申请情况"
    rows = list(table3.iter(f"{NS}tr"))
    corner, applicants = _cells(rows[0])
    assert (corner.get("rowspan"), corner.get("colspan")) == ("3", "3")
    assert _text(corner).startswith("（本列数据的勾稽关系为")
    assert (_text(applicants), applicants.get("colspan"), applicants.get("scope")) == (
        "申请人情况",
        "7",
        "colgroup",
    )
    second = [(_text(c), c.get("rowspan"), c.get("colspan")) for c in _cells(rows[1])]
    assert second == [("自然人", "2", None), ("法人或其他组织", None, "5"), ("总计", "2", None)]
    assert [_text(c) for c in _cells(rows[2])] == [
        "商业企业",
        "科研机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
    ]
    # 三、本年度办理结果 spans its 22 rows; （三）不予公开 its 8.
    results = next(c for c in table3.iter(f"{NS}th") if _text(c) == "三、本年度办理结果")
    assert (results.get("rowspan"), results.get("scope")) == ("22", "rowgroup")
    withheld = next(c for c in table3.iter(f"{NS}th") if _text(c) == "（三）不予公开")
    assert withheld.get("rowspan") == "8"
    first = _cells(rows[3])
    assert (_text(first[0]), first[0].get("colspan"), first[0].get("scope")) == (
        "一、本年新收政府信息公开申请数量",
        "3",
        "row",
    )
    row = report.table3.new_applications
    expected = [
        getattr(row, k)
        for k in (
            "natural_person",
            "commercial_enterprise",
            "research_institution",
            "social_welfare_organization",
            "legal_service_institution",
            "other_organization",
            "total",
        )
    ]
    # Bare digits, as the official table prints them.
    assert [_text(c) for c in first[1:]] == [str(v) for v in expected]
    # Every header cell says what it heads.
    assert all(
        th.get("scope") in ("row", "col", "rowgroup", "colgroup") for th in table3.iter(f"{NS}th")
    )


def test_table2_blocks_and_table4_groups_as_printed() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    table2, _, table4 = _tables(_parse(gd.render(report, "html")))
    licensing = next(r for r in table2.iter(f"{NS}tr") if _text(_cells(r)[0]) == "行政许可")
    value = _cells(licensing)[1]
    assert (_text(value), value.get("colspan")) == (
        "447228",
        "3",
    )  # one cell under 本年处理决定数量
    captions = [_text(th) for th in table2.iter(f"{NS}th") if th.get("scope") == "colgroup"]
    assert captions == [
        "第二十条第（一）项",
        "第二十条第（五）项",
        "第二十条第（六）项",
        "第二十条第（八）项",
    ]
    rows = list(table4.iter(f"{NS}tr"))
    assert [(_text(c), c.get("colspan")) for c in _cells(rows[0])] == [
        ("行政复议", "5"),
        ("行政诉讼", "10"),
    ]
    assert [_text(c) for c in _cells(rows[1])][5:] == ["未经复议直接起诉", "复议后起诉"]
    assert len(_cells(rows[2])) == 10
    assert len(_cells(rows[3])) == 15


def test_legacy_statistics_table_and_blank_versus_not_applicable() -> None:
    report = gd.load(EXAMPLES / "yuxi-2017.json")
    root = _parse(gd.render(report, "html"))
    (table,) = _tables(root)
    header = [_text(c) for c in _cells(next(table.iter(f"{NS}tr")))]
    assert header == ["统计指标", "单位", "统计数"]
    assert _text(next(table.iter(f"{NS}caption"))) == "政府信息公开情况统计表"


def test_the_fragment_is_the_article_alone_with_rules_on_its_tables() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    fragment = gd.render(report, "html", fragment="true").decode()
    assert fragment.startswith('<article class="gd-report" lang="zh-CN">')
    assert "<style" not in fragment and "<html" not in fragment and "<script" not in fragment
    root = html5lib.parseFragment(fragment)
    tables = list(root.iter(f"{NS}table"))
    assert len(tables) == 3 and all(t.get("border") == "1" for t in tables)


def test_hostile_text_is_text() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    hostile = '<script>alert(1)</script><img src=x onerror="x()">&amp;'
    report = gd.Report2021(
        unit=gd.ReportingUnit(name=hostile), year=2024, title=hostile, preamble=[hostile]
    )
    root = _parse(render_html(report))
    assert not list(root.iter(f"{NS}script")) and not list(root.iter(f"{NS}img"))
    assert _text(next(root.iter(f"{NS}h1"))) == hostile


def test_unknown_options_are_refused() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with pytest.raises(RenderError, match="fragment"):
        gd.render(report, "html", fragment="maybe")
    with pytest.raises(RenderError, match=r"“colour”.*fragment"):
        gd.render(report, "html", colour="red")
    with pytest.raises(RenderError, match="unknown option 'colour'"):
        gd.render(report, "html", locale="en", colour="red")


def test_a_consolidated_report_ends_with_the_cores_breakdown() -> None:
    from govdisclosure.aggregate import breakdown, consolidate

    parts = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    report = consolidate(parts, "清河市人民政府")
    root = _parse(gd.render(report, "html"))
    table = _tables(root)[-1]
    expected = breakdown(report, columns="headline")
    rows = [[_text(c) for c in _cells(r)] for r in table.iter(f"{NS}tr")]
    assert rows[0][1:] == [c.label.render("zh_Hans_CN") for c in expected.columns]
    assert [r[0] for r in rows[1:-1]] == [r.unit.name for r in expected.rows]
    first = expected.rows[0]
    assert rows[1][1:] == [
        "" if v is None else f"{v:,}" if isinstance(v, int) else str(v) for v in first.values
    ]
