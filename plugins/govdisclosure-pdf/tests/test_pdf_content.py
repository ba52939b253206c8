"""Everything a report holds can be read back from its PDF.

pypdf extracts text in drawing order, and a table is drawn row by row, cell
by cell, so each row reads back as its label followed by its values: the
tests look for exactly that sequence (whitespace removed), which checks the
labels, the numbers as rendered and their order at once.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from io import BytesIO

import pytest
from pypdf import PdfReader
from pypdf.generic import BooleanObject, Destination, DictionaryObject

import govdisclosure as gd
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.formatting import row_label
from govdisclosure.i18n import gettext
from govdisclosure.introspect import table_info
from govdisclosure.plugin.types import RenderOptions
from govdisclosure.registry import printed_template, tables_of
from govdisclosure.rendering import RenderError
from govdisclosure_pdf import render_pdf
from govdisclosure_pdf.labels import INDICATOR, chinese_date, format_date, format_value
from govdisclosure_pdf.printing import for_print
from govdisclosure_pdf.tables import legacy_label, row_values
from pdf_helpers import EXAMPLE_NAMES, Rendered, squash
from pdf_reports import EXAMPLES

Render = Callable[..., Rendered]


def expected_rows(report: gd.Report, locale: str) -> Iterator[str]:
    """Each table row as it must read back: label then values."""
    if isinstance(report, ReportLegacy):
        template = printed_template(report)
        for row in template.rows:
            label = gettext(locale, legacy_label(row))
            if row.is_header:
                yield label + "——" * (1 + len(template.columns))
                continue
            values = "".join(
                format_value(report.statistics.value(row.code, c.key), locale)
                for c in template.columns
            )
            yield label + gettext(locale, row.unit or "") + values
        return
    for key, table in tables_of(report):
        info = table_info(table, key)
        for row_info in info.rows:
            if not row_info.columns:
                continue
            values = "".join(
                format_value(v, locale, u, k) for v, u, k in row_values(table, row_info)
            )
            if key == "table4":
                yield values
            else:
                # A label printed otherwise shows as printed, the official beside it.
                yield row_label(row_info.label, row_info.printed_label, locale) + values


def expected_labels(report: gd.Report, locale: str) -> Iterator[str]:
    """Titles, captions, column heads, group cells and the 勾稽 note."""
    if isinstance(report, ReportLegacy):
        template = printed_template(report)
        yield gettext(locale, template.title)
        yield gettext(locale, INDICATOR)
        yield from (gettext(locale, c.label) for c in template.columns)
        return
    for key, table in tables_of(report):
        info = table_info(table, key)
        yield gettext(locale, info.title)
        note = getattr(type(table), "note", None)
        if note:
            yield gettext(locale, note)
        for row in info.rows:
            yield gettext(locale, row.label)
            if row.block:
                yield gettext(locale, row.block)
            for col in row.columns:
                yield gettext(locale, col.label)
                if col.group:
                    yield gettext(locale, col.group)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_row_reads_back_label_then_values(render_example: Render, name: str) -> None:
    rendered = render_example(name)
    missing = [
        row
        for row in expected_rows(rendered.report, "zh_Hans_CN")
        if squash(row) not in rendered.text
    ]
    assert missing == []


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_every_label_reads_back(render_example: Render, name: str) -> None:
    rendered = render_example(name)
    missing = [
        label
        for label in expected_labels(rendered.report, "zh_Hans_CN")
        if squash(label) not in rendered.text
    ]
    assert missing == []


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_narrative_reads_back(render_example: Render, name: str) -> None:
    rendered = render_example(name)
    report = rendered.report
    assert squash(for_print(report.title or "")) in rendered.text

    def walk(sections: tuple[gd.Section, ...]) -> Iterator[str]:
        for section in sections:
            yield section.heading
            yield from section.paragraphs
            yield from walk(section.subsections)

    # Printed as tidied for print (full-width marks in Chinese, no stray spaces).
    for text in [*report.preamble, *walk(report.sections)]:
        assert squash(for_print(text)) in rendered.text, text[:40]


def test_single_row_other_handling_is_drawn_as_printed(render_example: Render) -> None:
    """洪泽区 2024 prints （六）其他处理 as one row: so does the PDF."""
    rendered = render_example("hongze-2024")
    assert re.search(r"（六）其他处理\d", rendered.text)
    assert "1.申请人无正当理由逾期不补正" not in rendered.text


def test_blank_and_not_applicable_cells_differ() -> None:
    assert format_value(None, "zh_Hans_CN") == ""
    assert format_value(gd.NA, "zh_Hans_CN") == "/"
    assert format_value(gd.NotApplicable("—"), "zh_Hans_CN") == "—"
    assert format_value(0, "zh_Hans_CN") == "0"
    assert format_value(3985758, "zh_Hans_CN") == "3985758"
    assert format_value(3985758, "en") == "3,985,758"


def test_signature_and_date(render_example: Render) -> None:
    rendered = render_example("yuxi-2017")
    assert "玉溪市人民政府2018年2月23日" in rendered.text
    assert format_date(rendered.report.dates.written, "zh_Hans_CN") == "2018年2月23日"  # type: ignore[arg-type]
    # The date's first character is two characters right of the unit's (7.3.5.2).
    words = re.findall(
        r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]+)</word>',
        rendered.poppler("pdftotext", "-bbox"),
    )
    unit = [w for w in words if w[2] == "玉溪市人民政府"][-1]
    date = [w for w in words if w[2] == "2018年2月23日"][-1]
    assert float(date[0]) - float(unit[0]) == pytest.approx(2 * 15.79, abs=0.5)
    # The unit ends two characters from the right edge of the type area, or
    # the date does when it would otherwise come closer than that.
    right = 595.2756 - 26 / 25.4 * 72
    spaces = right - float(unit[1]), right - float(date[1])
    assert min(spaces) == pytest.approx(2 * 15.79, abs=1.5)


def test_signature_date_falls_back_to_publication(render_example: Render) -> None:
    """上海 2019 gives only its publication date: it goes under the unit's name."""
    rendered = render_example("shanghai-szfbgt-2019")
    assert rendered.report.dates.written is None
    assert rendered.text.endswith("上海市人民政府办公厅2020年1月31日")


def test_no_date_is_invented(render_example: Render) -> None:
    """淮安 2024 gives no date: the unit is signed, nothing under it."""
    rendered = render_example("huaian-2024")
    assert rendered.report.dates.written is None and rendered.report.dates.published is None
    assert rendered.text.endswith("淮安市人民政府")


def test_signature_date_in_chinese_numerals() -> None:
    report = gd.load(EXAMPLES / "yuxi-2017.json")
    data = render_pdf(report, RenderOptions(extra={"date_numerals": "chinese"}))
    text = squash("".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages))
    assert "玉溪市人民政府二〇一八年二月二十三日" in text
    assert chinese_date(dt.date(2025, 1, 20)) == "二〇二五年一月二十日"
    assert chinese_date(dt.date(2020, 10, 1)) == "二〇二〇年十月一日"
    assert chinese_date(dt.date(2013, 12, 31)) == "二〇一三年十二月三十一日"
    with pytest.raises(RenderError, match="date_numerals"):
        render_pdf(report, RenderOptions(extra={"date_numerals": "roman"}))


def test_statistics_table_is_an_attachment(render_example: Render) -> None:
    rendered = render_example("yuxi-2017")
    # The seed prints its own 附件说明; it is set once, in the note's place,
    # not followed by a second, generated one.
    # It is tidied for print: the data's half-width colon and brackets are
    # printed full-width, as in Chinese text.
    assert rendered.text.count("附件：玉溪市政府信息公开情况统计表（2017年度）") == 1
    assert "附件：政府信息公开情况统计表（2017年度）" not in rendered.text
    assert (
        "附件：玉溪市政府信息公开情况统计表（2017年度）玉溪市人民政府2018年2月23日" in rendered.text
    )
    assert rendered.report.sections[-1].paragraphs[-1].startswith("附件:")  # the data as typed
    assert "政府信息公开情况统计表（2017年度）统计指标单位统计数" in rendered.text
    assert "填报单位：玉溪市人民政府办公室" in rendered.text
    assert "填报日期：2018年2月14日" in rendered.text


def test_generated_attachment_note_where_none_is_printed(render_example: Render) -> None:
    rendered = render_example("pingtan-2011")
    assert re.search(r"附件：[^:：]*统计表", rendered.text)


def test_fujian_table_has_two_value_columns(render_example: Render) -> None:
    rendered = render_example("pingtanxian-2012")
    assert "统计指标单位2012年度历年累计" in rendered.text  # the headings as printed


def test_metadata(render_example: Render) -> None:
    rendered = render_example("huaian-2024")
    meta = rendered.reader.metadata
    assert meta is not None
    assert meta.title == "淮安市人民政府2024年政府信息公开工作年度报告"
    assert meta.author == "淮安市人民政府"
    assert meta.subject == gettext("zh_Hans_CN", "Government information disclosure annual report")
    # Words a search would use, not "2024, 2021" (the year and the edition).
    assert str(meta["/Keywords"]) == "政府信息公开工作年度报告, 淮安市人民政府, 2024年"
    lang = rendered.reader.root_object["/Lang"]
    assert isinstance(lang, str) and lang == "zh-CN"
    # The viewer shows the title, not the file name, and opens the outline.
    prefs = rendered.reader.root_object["/ViewerPreferences"]
    assert isinstance(prefs, DictionaryObject)
    assert prefs["/DisplayDocTitle"] == BooleanObject(True)
    assert str(rendered.reader.root_object["/PageMode"]) == "/UseOutlines"
    # 淮安 states no date: none is invented (reportlab would write 2000-01-01).
    assert "/CreationDate" not in meta and "/ModDate" not in meta
    yuxi = render_example("yuxi-2017").reader.metadata
    assert yuxi is not None
    created = yuxi["/CreationDate"]
    assert isinstance(created, str) and created.startswith("D:20180223")
    shanghai = render_example("shanghai-szfbgt-2019").reader.metadata
    assert shanghai is not None and str(shanghai["/CreationDate"]).startswith("D:20200131")


def _outline(rendered: Rendered) -> list[tuple[int, str, int]]:
    """(depth, title, page number) of every bookmark, in order."""
    reader = rendered.reader
    out: list[tuple[int, str, int]] = []

    def walk(items: Sequence[object], depth: int) -> None:
        for item in items:
            if isinstance(item, list):
                walk(item, depth + 1)
            else:
                assert isinstance(item, Destination)
                page = reader.get_destination_page_number(item)
                assert page is not None
                out.append((depth, str(item.title), page + 1))

    walk(reader.outline, 0)
    return out


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_bookmarks_for_sections_and_tables(render_example: Render, name: str) -> None:
    """Every 一、… section is a top-level bookmark on the page that prints it."""
    rendered = render_example(name)
    outline = _outline(rendered)
    report = rendered.report
    tops = [title for depth, title, _ in outline if depth == 0]
    headings = [
        for_print(s.heading)
        for s in report.sections
        if re.match(r"[一二三四五六七八九十]+、", s.heading)
    ]
    for heading in headings:
        assert heading in tops, heading
    for depth, title, page in outline:
        text = squash(rendered.reader.pages[page - 1].extract_text())
        if depth == 0 and not title.startswith("附件"):
            assert squash(title) in text, (title, page)
    if isinstance(report, ReportLegacy):
        assert any(t.startswith("附件：") and "统计表" in t for t in tops)
    else:
        tables = [title for depth, title, _ in outline if depth == 1 and "情况" in title]
        assert "收到和处理政府信息公开申请情况" in tables


def test_a_printed_amount_unit_is_translated(render_example: Render) -> None:
    """上海 2019 prints its 采购总金额 in 元: "251000元" in Chinese, CNY in English."""
    assert "251000元" in render_example("shanghai-szfbgt-2019").text
    english = render_example("shanghai-szfbgt-2019", locale="en").text
    assert "251,000CNY" in english and "251,000元" not in english


def test_english_labels_same_layout(render_example: Render) -> None:
    zh = render_example("huaian-2024")
    en = render_example("huaian-2024", locale="en")
    missing = [row for row in expected_rows(en.report, "en") if squash(row) not in en.text]
    assert missing == []
    for label in ("(7) Total", gettext("en", "信息内容"), gettext("en", "申请人情况")):
        assert squash(label) in en.text
    assert "信息内容" not in en.text
    # The narrative is the report's own text and stays as written.
    assert squash(for_print(en.report.sections[0].heading)) in en.text
    assert len(en.reader.pages) >= len(zh.reader.pages)
    lang = en.reader.root_object["/Lang"]
    assert isinstance(lang, str) and lang == "en"


def test_consolidated_report_has_the_breakdown(render_example: Render) -> None:
    rendered = render_example("city-2024", charts=True)
    report = rendered.report
    title = gettext("zh_Hans_CN", "Figures by reporting unit")
    assert f"附件：{title}" in rendered.text
    for part in report.parts:
        new = part.table3.new_applications.total  # type: ignore[union-attr]
        assert squash(part.unit.name) + str(new) in rendered.text
    total = report.table3.new_applications.total  # type: ignore[union-attr]
    assert gettext("zh_Hans_CN", "Total") + str(total) in rendered.text


def test_charts_have_chinese_labels(render_example: Render) -> None:
    rendered = render_example("city-2024", charts=True)
    assert squash(gettext("zh_Hans_CN", "Applications by outcome")) in rendered.text
    assert "（一）予以公开" in rendered.text
    assert squash(gettext("zh_Hans_CN", "New applications by reporting unit")) in rendered.text
    plain = render_example("city-2024")
    assert squash(gettext("zh_Hans_CN", "Applications by outcome")) not in plain.text


def test_charts_are_numbered_with_units(render_example: Render) -> None:
    rendered = render_example("city-2024", charts=True)
    first = rendered.text.index("图1　申请办理结果（单位：件）".replace("　", ""))
    second = rendered.text.index("图2各报告单位本年新收申请（单位：件）")
    assert first < second
    english = render_example("city-2024", locale="en", charts=True).text
    assert "Figure1Applicationsbyoutcome(unit:applications)" in english


def test_a_blank_total_is_not_drawn_and_the_caption_says_so(render_example: Render) -> None:
    """上海 2019 left table 3's 总计 column blank: no bar is made up from a sum."""
    rendered = render_example("shanghai-szfbgt-2019", charts=True)
    assert (
        "图1申请办理结果（单位：件）报告未填写，未绘制：（一）予以公开；（二）部分公开"
        in rendered.text
    )
    english = render_example("shanghai-szfbgt-2019", locale="en", charts=True).text
    assert "Leftblankinthereport,notdrawn:(1)Disclosed;" in english


def test_a_blank_value_gets_no_bar() -> None:
    from reportlab.graphics.charts.barcharts import HorizontalBarChart

    from govdisclosure_pdf.charts import bar_chart, chart_caption
    from govdisclosure_pdf.fonts import resolve_fonts
    from govdisclosure_pdf.styles import make_styles

    items = [("甲单位", 5), ("乙单位", None), ("丙单位", 0)]
    drawing = bar_chart(items, make_styles(resolve_fonts()), "zh_Hans_CN")
    assert drawing is not None
    chart = next(c for c in drawing.contents if isinstance(c, HorizontalBarChart))
    assert chart.data == [[0.0, None, 5.0]]  # bottom to top; the blank is not a 0
    caption = chart_caption(3, "标题", "件", items, "zh_Hans_CN")
    assert caption == ["图3　标题（单位：件）", "报告未填写，未绘制：乙单位"]


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
def test_charts_stay_inside_the_type_area(render_example: Render, locale: str) -> None:
    """No label runs off the page (an English one once ran 40 characters past it)."""
    rendered = render_example("city-2024", locale=locale, charts=True)
    bbox = rendered.poppler("pdftotext", "-bbox")
    left, right = 28 * 72 / 25.4, 595.2756 - 26 * 72 / 25.4
    found = 0
    for page in bbox.split("<page ")[1:]:
        if "Figure" not in page and "图1" not in page and "图2" not in page:
            continue
        found += 1
        for x0, x1 in re.findall(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"', page):
            assert left - 1 <= float(x0) and float(x1) <= right + 1
    assert found >= 2


def test_legacy_channel_chart(render_example: Render) -> None:
    rendered = render_example("yuxi-2017", charts=True)
    assert squash(gettext("zh_Hans_CN", "Proactive disclosure by channel")) in rendered.text
    consolidated = render_example("pingtan-2011-consolidated", charts=True)
    assert "平潭县人民政府" in consolidated.text


def _consolidated(locale: str) -> str:
    parts = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    report = gd.consolidate(parts)
    assert not report.sections and not report.preamble
    data = render_pdf(report, RenderOptions(locale=locale))
    pages = PdfReader(BytesIO(data)).pages
    return squash("".join(p.extract_text() for p in pages))


def test_a_consolidated_report_without_text_gets_a_marked_skeleton() -> None:
    """All six sections in order; what the office must write is marked 【待补充】."""
    text = _consolidated("zh_Hans_CN")
    headings = gd.EDITIONS["2021"].section_headings
    where = [text.index(h) for h in headings]
    assert where == sorted(where)
    assert text.index("一、总体情况本报告汇总了3个单位的政府信息公开工作年度报告") > 0
    assert "清河市东城区人民政府、清河市生态环境局、清河市西山县人民政府" in text
    assert "共新收政府信息公开申请270件，上年结转13件" in text
    assert text.count("【待补充】") == 3
    assert "二、主动公开政府信息情况第二十条第（一）项" in text  # the table under its section
    # The date is left for the office to fill in, under the unit's name.
    assert re.search(r"附件：各报告单位数据清河市人民政府年月日(—\d+—)?附件", text)
    # The attachment's columns: the row label, the applicant column under it.
    assert "三、本年度办理结果/（七）总计/总计" not in text
    assert "（七）总计" in text.split("各报告单位数据")[-1]


def test_the_skeleton_in_english() -> None:
    text = _consolidated("en")
    assert "I.Overallsituation" in text and "VI.Othermatterstoreport" in text
    assert text.count("[Tobecompleted]") == 3
    assert "Thisreportconsolidatestheannualreportsof3units" in text
    assert re.search(r"Annex:Figuresbyreportingunit清河市人民政府\[date\](—\d+—)?Annex", text)


def test_a_report_with_its_own_text_gets_no_skeleton(render_example: Render) -> None:
    rendered = render_example("city-2024")  # consolidated, with a section of its own
    assert rendered.report.parts and rendered.report.sections
    assert "【待补充】" not in rendered.text
