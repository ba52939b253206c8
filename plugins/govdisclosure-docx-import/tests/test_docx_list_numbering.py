"""Word's list numbering (``w:numPr``) read as the numbers it prints.

A unit's narrative numbered by the word processor stores "总体情况" with a
numbering reference; the page prints "一、总体情况".  Sub-headings on a
second level print "（一）" and restart under each heading; a heading style
may carry the numbering; a bullet prints no number.
"""

from __future__ import annotations

import io
from typing import Any

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn

from govdisclosure_docx_import import docx_document
from govdisclosure_docx_import.numbering import FORMATS, list_labels
from govdisclosure_html import Document

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_LEVELS = (
    ("0", "chineseCounting", "%1、", "1"),
    ("1", "chineseCounting", "（%2）", "1"),
    ("2", "decimal", "%3.", "1"),
)


def _numbering(document: Any, num_id: str, levels: Any, start_override: int | None = None) -> None:
    numbering = document.part.numbering_part.element
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{s}"/><w:numFmt w:val="{f}"/>'
        f'<w:lvlText w:val="{t}"/></w:lvl>'
        for i, f, t, s in levels
    )
    numbering.insert(
        0, parse_xml(f'<w:abstractNum {_W} w:abstractNumId="7{num_id}">{lvls}</w:abstractNum>')
    )
    override = (
        f'<w:lvlOverride w:ilvl="0"><w:startOverride w:val="{start_override}"/></w:lvlOverride>'
        if start_override
        else ""
    )
    numbering.append(
        parse_xml(
            f'<w:num {_W} w:numId="{num_id}"><w:abstractNumId w:val="7{num_id}"/>{override}</w:num>'
        )
    )


def _listed(document: Any, text: str, num_id: str, level: int = 0) -> Any:
    p = document.add_paragraph(text)
    numpr = OxmlElement("w:numPr")
    for tag, val in (("w:ilvl", str(level)), ("w:numId", num_id)):
        el = OxmlElement(tag)
        el.set(qn("w:val"), val)
        numpr.append(el)
    p._p.get_or_add_pPr().append(numpr)
    return p


def _texts(document: Any) -> list[str]:
    out = io.BytesIO()
    document.save(out)
    read = docx_document(out.getvalue(), "list.docx")
    assert isinstance(read, Document)
    return list(read.paragraphs)


def test_levels_count_and_restart_as_word_prints_them() -> None:
    document = docx.Document()
    _numbering(document, "41", _LEVELS)
    document.add_paragraph("某县2024年政府信息公开工作年度报告")
    _listed(document, "总体情况", "41")
    _listed(document, "主动公开", "41", 1)
    _listed(document, "依申请公开", "41", 1)
    _listed(document, "细目", "41", 2)
    _listed(document, "主动公开政府信息情况", "41")
    _listed(document, "又一项", "41", 1)
    _listed(document, "三、收到和处理政府信息公开申请情况", "41")  # typed as well
    assert _texts(document) == [
        "一、总体情况",
        "（一）主动公开",
        "（二）依申请公开",
        "1.细目",
        "二、主动公开政府信息情况",
        "（一）又一项",
        "三、收到和处理政府信息公开申请情况",
    ]


def test_a_start_override_and_a_heading_style() -> None:
    document = docx.Document()
    _numbering(document, "42", _LEVELS, start_override=5)
    style = document.styles["Heading 1"]
    numpr = parse_xml(f'<w:numPr {_W}><w:ilvl w:val="0"/><w:numId w:val="42"/></w:numPr>')
    style.element.get_or_add_pPr().append(numpr)
    document.add_paragraph("某县2024年政府信息公开工作年度报告")
    document.add_paragraph("存在的主要问题及改进情况", style="Heading 1")
    document.add_paragraph("其他需要报告的事项", style="Heading 1")
    assert _texts(document) == ["五、存在的主要问题及改进情况", "六、其他需要报告的事项"]


def test_a_bullet_or_an_unknown_format_prints_no_number() -> None:
    document = docx.Document()
    _numbering(document, "43", (("0", "bullet", "\uf0b7", "1"),))
    _numbering(document, "44", (("0", "someFormat", "%1、", "1"),))
    document.add_paragraph("某县2024年政府信息公开工作年度报告")
    _listed(document, "要点", "43")
    _listed(document, "未知", "44")
    assert _texts(document) == ["要点", "未知"]
    assert list_labels(document) == {}


def test_the_chinese_counting_formats() -> None:
    assert [FORMATS["chineseCounting"](n) for n in (1, 10, 11, 20, 21, 99)] == [
        "一", "十", "十一", "二十", "二十一", "九十九",
    ]  # fmt: skip
    assert FORMATS["chineseCounting"](100) is None  # not guessed
    assert FORMATS["ideographTraditional"](3) == "丙"
    assert FORMATS["decimalEnclosedCircle"](2) == "②"
    assert FORMATS["lowerRoman"](4) == "iv"


def test_a_damaged_numbering_part_prints_no_number_and_the_file_is_read() -> None:
    """A start or a level that is not a whole number ("x", "²"): that list
    prints no label.  Before, the ValueError refused the whole file as not
    a Word file, for numbering that only decorates its headings."""
    document = docx.Document()
    _numbering(document, "45", (("0", "chineseCounting", "%1、", "x"),))
    _numbering(document, "46", (("²", "chineseCounting", "%1、", "1"),))
    _numbering(document, "47", _LEVELS)
    document.add_paragraph("某县2024年政府信息公开工作年度报告")
    _listed(document, "总体情况", "45")
    _listed(document, "主动公开", "46")
    _listed(document, "依申请公开", "47")
    assert _texts(document) == ["总体情况", "主动公开", "一、依申请公开"]


def test_a_start_override_of_zero_counts_from_zero() -> None:
    document = docx.Document()
    _numbering(document, "48", (("0", "decimal", "%1.", "3"),))
    numbering = document.part.numbering_part.element
    (num,) = [n for n in numbering.iterfind(qn("w:num")) if n.get(qn("w:numId")) == "48"]
    num.append(
        parse_xml(f'<w:lvlOverride {_W} w:ilvl="0"><w:startOverride w:val="0"/></w:lvlOverride>')
    )
    document.add_paragraph("某县2024年政府信息公开工作年度报告")
    _listed(document, "总体情况", "48")
    _listed(document, "主动公开", "48")
    assert _texts(document) == ["0.总体情况", "1.主动公开"]
