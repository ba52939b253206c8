"""What follows the text of a report: the signature and its date, the
attachment captions, and the line the form prints under the statistics
table (填报单位：… 联系电话：…), read into the report rather than left in
the last section's paragraphs.

The paragraphs are those a Word file exported by our renderer gives (the
tables taken out), and a PDF's text layer spaces the date and breaks the
contact line inside a label ("联\\n系电话").
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs
import pytest

import govdisclosure as gd
from govdisclosure.formatting import BLANK_LEGEND
from govdisclosure.i18n import gettext
from govdisclosure_html import import_html
from govdisclosure_html.narrative import read_narrative

EXAMPLES = Path(__file__).parents[3] / "examples"
TITLE = "玉溪市人民政府2017年政府信息公开工作年度报告"
TEXT = ["六、需要说明的其他事项与附表", "无需说明事项。", "附件：玉溪市政府信息公开情况统计表（2017年度）"]
CONTACT = (
    "填报单位：玉溪市人民政府办公室\u3000单位负责人：瓦庆超\u3000审核人：卢春剑"
    "\u3000填报人：业玉春 联\n系电话：0877—2025340\u3000填报日期：2018年2月14日"
)


@pytest.mark.parametrize("date", ["2018年2月23日", "2018 年 2 月 23 日"])
def test_signature_date_captions_and_contact_after_the_text(date: str) -> None:
    tail = ["玉溪市人民政府", date, "附件", "政府信息公开情况统计表", CONTACT]
    narrative = read_narrative([*TEXT, *tail], TITLE, None)
    assert narrative.signed_by == "玉溪市人民政府"
    assert narrative.written == dt.date(2018, 2, 23)
    assert narrative.filled == dt.date(2018, 2, 14)
    assert dict(narrative.contact) == {
        "filing_unit": "玉溪市人民政府办公室",
        "head": "瓦庆超",
        "reviewer": "卢春剑",
        "filler": "业玉春",
        "phone": "0877—2025340",
    }
    # The attachment note before the signature is the report's own text.
    assert narrative.sections[-1].paragraphs == tuple(TEXT[1:])


def test_a_sentence_about_a_phone_number_is_text_not_contact() -> None:
    text = [*TEXT[:2], "联系电话：0877—2025340，欢迎来电咨询。"]
    narrative = read_narrative(text, TITLE, None)
    assert narrative.contact == ()
    assert narrative.sections[-1].paragraphs[-1] == text[-1]


def test_a_label_printed_twice_is_no_contact_line() -> None:
    narrative = read_narrative([*TEXT[:2], "填报人：甲\u3000填报人：乙"], TITLE, None)
    assert narrative.contact == ()


def test_the_renderers_legend_is_not_the_reports_text() -> None:
    shanghai = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    html = gd.render(shanghai, "html")
    legend = gettext("zh_Hans_CN", BLANK_LEGEND)
    assert html.decode("utf-8").count(legend) >= 3
    report = import_html(html, "shanghai.html").report
    assert report is not None
    texts = [*report.preamble, *(p for s in report.sections for p in s.paragraphs)]
    assert legend not in texts


def test_a_web_page_round_trip_keeps_contact_signature_and_date() -> None:
    yuxi = gd.load(EXAMPLES / "yuxi-2017.json")
    report = import_html(gd.render(yuxi, "html"), "yuxi.html").report
    assert report is not None
    assert report.contact == yuxi.contact
    assert report.dates.written == yuxi.dates.written
    assert report.sections[-1].paragraphs == yuxi.sections[-1].paragraphs


@pytest.mark.parametrize("name", ["huaian-2024", "shanghai-szfbgt-2019", "pingtan-2011"])
def test_the_contact_line_before_or_after_the_signature_is_read(name: str) -> None:
    """A 2021 or 2019 report has no statistics table at its end: the contact
    line stands before the signature; a pre-2019 one prints it under the table."""
    report = gd.load(EXAMPLES / f"{name}.json")
    contact = gd.Contact(
        filing_unit="某某办公室", head="张三", reviewer="李四", filler="王五", phone="0517-12345678"
    )
    signed = attrs.evolve(report, contact=contact)
    imported = import_html(gd.render(signed, "html"), f"{name}.html").report
    assert imported is not None
    assert imported.contact == contact
    assert _last_words(imported) == _last_words(report)


def _last_words(report: gd.Report) -> str:
    """The end of the report's text, whichever sub-sections it was read into."""
    last = report.sections[-1]
    texts = [last.heading, *last.paragraphs]
    for sub in last.subsections:
        texts += [sub.heading, *sub.paragraphs]
    return "".join(texts)[-60:]
