"""A pre-2019 statistics table set without rules, a side column beside it.

The 2009 report of the 平潭 公安局 (``govdisclosure-html/tests/data/
2009_gaj-gonganju_80645``) prints its 附表 (指标名称 / 计量单位 / 年末统计)
as a table whose cells have no borders; printed from the portal, the
site's side column (附件下载, links) runs on the same lines to its right.
Its rows are the rows of the 福建 2011 template, so the table is found by
the template's row labels (no edition's tables hold them), and the text
right of every figure and heading is the page's, not the table's.

Drawn here with reportlab: the template's rows as the page prints them
(sub-rows indented, a unit column), two value columns (本年度, 历年累计) with
other figures in each, no rule anywhere, and a side column of text set on
the table's lines and between them, as Chromium prints the portal page.
Before, the file gave no report (``tables-not-recognised``).
"""

from __future__ import annotations

import io

import pytest
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen.canvas import Canvas

from govdisclosure.templates import builtin_templates
from govdisclosure_html import Document
from govdisclosure_pdf_import import import_pdf, pdf_document
from unruled import FONT

PAGE = landscape(A4)
SIZE = 9.0
PITCH = 15.0
#: Left edges: labels, sub-rows' labels; centres: unit, 本年度, 历年累计; the side column.
LABEL, SUB, UNIT, YEAR, TOTAL, SIDE = 40.0, 58.0, 330.0, 420.0, 500.0, 600.0
#: The side column, line by line from the table's first row ("" : nothing on that line).
SIDE_TEXT: tuple[str, ...] = ("附件下载", "", "扫一扫在手机上查看", "当前页面", "", "关闭")
SIDE_TEXT += (
    "文字解读",
    "",
    "",
    "图片解读",
    "",
    "省市政府网站",
    "福建省人民政府",
    "福州市政府网站",
)


def _rows() -> list[tuple[str, str, str, int, int]]:
    """(code, label as printed, unit, 本年度, 历年累计) of each template row."""
    template = builtin_templates()["fujian-2011"]
    return [
        (row.code, row.label, row.unit or "", 2 * k + 1, 10 * k + 3)
        for k, row in enumerate(template.rows)
    ]


def _draw(*, side: bool = True) -> bytes:
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAGE)
    height = PAGE[1]

    def text(x: float, top: float, s: str, *, centred: bool = False) -> None:
        canvas.setFont(FONT, SIZE)
        y = height - top - SIZE
        if centred:
            canvas.drawCentredString(x, y, s)
        else:
            canvas.drawString(x, y, s)

    canvas.setFont(FONT, 16)
    canvas.drawCentredString(
        PAGE[0] / 2, height - 40.0, "平潭县公安局2009年度政府信息公开工作年度报告"
    )
    text(LABEL, 60.0, "2009年，我局认真做好信息公开工作。现将我局信息公开工作报告如下：")
    text(LABEL, 90.0, "附表：")
    top = 110.0
    text(LABEL, top, "指标名称")
    for x, head in ((UNIT, "计量单位"), (YEAR, "本年度"), (TOTAL, "历年累计")):
        text(x, top, head, centred=True)
    for k, (_, label, unit, year, total) in enumerate(_rows()):
        at = top + PITCH * (k + 1)
        # Sub-rows (2.…, 3.…) indented as the page sets them.
        text(SUB if label[0].isdigit() else LABEL, at, label)
        text(UNIT, at, unit, centred=True)
        text(YEAR, at, str(year), centred=True)
        text(TOTAL, at, str(total), centred=True)
    if side:
        for k, s in enumerate(SIDE_TEXT):
            if s:  # on a row's line, or between two (half a line down)
                text(SIDE, top + PITCH * (k + 1) + (PITCH / 2 if k % 4 == 3 else 0.0), s)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


@pytest.mark.parametrize("side", [True, False], ids=["side-column", "alone"])
def test_a_template_table_without_rules_is_read_by_its_row_labels(side: bool) -> None:
    result = import_pdf(_draw(side=side), "legacy-unruled.pdf")
    assert result.report is not None, [p.code for p in result.problems]
    assert result.report.edition == "legacy"
    rows = dict(result.report.statistics.rows)
    want = {code: {"year": year, "cumulative": total} for code, _, _, year, total in _rows()}
    assert rows == want
    assert "tables without rules by text position" in result.provenance.body_found_by


def test_the_side_column_stays_text_of_the_page() -> None:
    document = pdf_document(_draw(), "legacy-unruled.pdf")
    assert isinstance(document, Document)
    (grid,) = document.grids
    printed = {slot.cell.text for row in grid.rows for slot in row if slot is not None}
    assert not printed & {s for s in SIDE_TEXT if s}
    assert len(grid.rows) == 1 + len(_rows())
    paragraphs = "".join(document.paragraphs)
    for s in SIDE_TEXT:
        assert s in paragraphs


def _consistent() -> dict[str, int]:
    """本年度 of each template row, every sum of the template holding: a row
    with parts is the sum of its parts, any other row its place plus one."""
    template = builtin_templates()["fujian-2011"]
    values: dict[str, int] = {}
    for k, row in reversed(list(enumerate(template.rows))):
        parts = [r.code for r in template.rows if r.parent == row.code and r.relation == "sum"]
        values[row.code] = sum(values[c] for c in parts) if parts else k + 1
    return values


def _draw_off(off: dict[str, tuple[float | None, float | None]]) -> bytes:
    """The table of :func:`_draw` (no side column) with figures whose sums
    hold (历年累计 ten times 本年度), and in the rows of ``off`` the two
    figures set at other centres (None: printed blank)."""
    pdfmetrics.registerFont(UnicodeCIDFont(FONT))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=PAGE)
    height = PAGE[1]

    def text(x: float, top: float, s: str, *, centred: bool = True) -> None:
        canvas.setFont(FONT, SIZE)
        (canvas.drawCentredString if centred else canvas.drawString)(x, height - top - SIZE, s)

    canvas.setFont(FONT, 16)
    canvas.drawCentredString(
        PAGE[0] / 2, height - 40.0, "平潭县公安局2009年度政府信息公开工作年度报告"
    )
    text(LABEL, 60.0, "2009年，我局认真做好信息公开工作。附表：", centred=False)
    top = 110.0
    text(LABEL, top, "指标名称", centred=False)
    for x, head in ((UNIT, "计量单位"), (YEAR, "本年度"), (TOTAL, "历年累计")):
        text(x, top, head)
    values = _consistent()
    for k, (code, label, unit, _, _) in enumerate(_rows()):
        at = top + PITCH * (k + 1)
        text(SUB if label[0].isdigit() else LABEL, at, label, centred=False)
        text(UNIT, at, unit)
        year, total = off.get(code, (YEAR, TOTAL))
        if year is not None:
            text(year, at, str(values[code]))
        if total is not None:
            text(total, at, str(10 * values[code]))
    canvas.showPage()
    canvas.save()
    return out.getvalue()


#: Where the two value columns' spans end: 本年度's heading (three characters
#: centred on YEAR) and 历年累计's (four on TOTAL) are the widest things printed in them.
_YEAR_ENDS = YEAR + 1.5 * SIZE
_TOTAL_STARTS = TOTAL - 2 * SIZE


@pytest.mark.parametrize(
    "off",
    [
        # In the gap, half way between the two columns (历年累计 printed too).
        {"2.1": ((_YEAR_ENDS + _TOTAL_STARTS) / 2, TOTAL)},
        # Clear of 历年累计's span, but within clustering reach of a figure of
        # the row below set inside it, off its centre: it was put in 历年累计.
        {"2.1": (_TOTAL_STARTS - 8.0, None), "2.2": (YEAR, _TOTAL_STARTS + 5.0)},
    ],
    ids=["in-the-gap", "by-a-figure-off-centre"],
)
def test_a_figure_between_two_columns_is_reported_not_placed(
    off: dict[str, tuple[float | None, float | None]],
) -> None:
    """Nothing on the page says which column a figure standing between two
    holds.  Before: the figure was put in the nearest column (its relations
    then blamed on the publisher), or made a column of its own, reported as
    matching no official cell."""
    result = import_pdf(_draw_off(off), "legacy-unruled-off.pdf")
    assert result.report is not None
    assert result.report.edition == "legacy"
    rows = dict(result.report.statistics.rows)
    values = _consistent()
    figure = str(values["2.1"])
    assert rows["2.1"].get("year") is None
    if off["2.1"][1] is None:
        assert rows["2.1"].get("cumulative") is None
    (between,) = [p for p in result.problems if p.code == "cell-not-placed"]
    assert between.params == {
        "text": figure,
        "labels": "其中：1.当面申请数 / 条",
        "left": "本年度",
        "right": "历年累计",
    }
    assert "between columns" in between.message_id
    # Every other figure read as printed; none blamed on the publisher.
    for code, value in values.items():
        if code != "2.1":
            assert rows[code] == {"year": value, "cumulative": 10 * value}
    assert not [p for p in result.problems if p.code == "publisher-error"]
    cells = {c.path: c for c in result.provenance.cells}
    assert cells["$.statistics.rows['2.1'].year"].doubtful
