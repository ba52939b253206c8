"""Charts drawn with reportlab.graphics, labelled in the embedded font.

* Applications by outcome: the totals of table 3's （一）…（六） (a group's
  total is the sum of its sub-rows), as horizontal bars so that the Chinese
  labels read across.
* Proactive disclosure by channel (pre-2019 reports): the statistics
  table's channel rows (or the sub-rows of its first row).
* For a consolidated report, one bar per reporting unit.

A row's value is its 总计 cell as the report gives it: where a report left
总计 blank (上海 2019 does) no bar is drawn and the caption says so, rather
than drawing a sum the report never printed.  A blank cell is never drawn
as 0; a chart whose values are all blank is not drawn.  Under each chart a
caption gives its number in the document (图1, 图2 …), its title and the
unit of its values.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors

from govdisclosure.cells import is_number
from govdisclosure.editions.legacy import ReportLegacy, TemplateRow
from govdisclosure.introspect import RowInfo, table_info
from govdisclosure.registry import template_of

from .labels import CHART_BLANK, CHART_UNIT, FIGURE, format_value, is_english, tr
from .styles import TYPE_HEIGHT, TYPE_WIDTH, Styles
from .tables import legacy_label, row_values
from .text import text_width

__all__ = ["bar_chart", "bar_charts", "channel_items", "chart_caption", "outcome_items"]

BAR: Final = colors.Color(0.27, 0.42, 0.62)
_REMARK: Final = re.compile(r"^(（[^）]*）[^（(]+)[（(].*$")

Number = int | Decimal


def _row_total(table: object, row: RowInfo) -> Number | None:
    """The row's 总计 as the report gives it: a blank total stays blank (no sum is made up)."""
    values = row_values(table, row)
    totals = [v for (v, _, _), c in zip(values, row.columns, strict=True) if c.is_total]
    if totals and is_number(totals[0]):
        return totals[0]
    if totals:
        return None
    numbers: list[Number] = [v for v, _, _ in values if is_number(v)]
    return sum(numbers) if numbers else None


def short_label(label: str) -> str:
    """（二）部分公开（区分处理的…） → （二）部分公开: the remark is dropped."""
    m = _REMARK.match(label)
    return m.group(1) if m else label


def outcome_items(table3: object, locale: str) -> list[tuple[str, Number | None]]:
    """（一）…（六） of table 3 with their totals (groups summed over sub-rows)."""
    info = table_info(table3, "table3")
    rows = list(info.rows)
    out: list[tuple[str, Number | None]] = []
    for i, row in enumerate(rows):
        if row.depth != 1 or row.is_total:
            continue
        if row.columns:
            out.append((short_label(tr(locale, row.label)), _row_total(table3, row)))
            continue
        leaves: list[Number] = []
        for sub in rows[i + 1 :]:
            if sub.depth <= row.depth:
                break
            if sub.columns:
                t = _row_total(table3, sub)
                if t is not None:
                    leaves.append(t)
        out.append((short_label(tr(locale, row.label)), sum(leaves) if leaves else None))
    return out


def _channel_rows(rows: Sequence[TemplateRow]) -> list[TemplateRow]:
    channels = [r for r in rows if r.relation == "channel"]
    if channels:
        return channels
    first = next((r for r in rows if not r.is_header), None)
    if first is None:
        return []
    return [r for r in rows if r.parent == first.code and r.relation == "sum"]


def channel_items(report: ReportLegacy, locale: str) -> list[tuple[str, Number | None]]:
    """The channel rows of a statistics table, in its first value column."""
    template = template_of(report)
    if not template.columns:
        return []
    key = template.columns[0].key
    out: list[tuple[str, Number | None]] = []
    for row in _channel_rows(template.rows):
        value = report.statistics.value(row.code, key)
        label = tr(locale, legacy_label(row)).removeprefix("其中：")
        out.append((label, value if is_number(value) else None))
    return out


#: Most lines a bar's label takes; a longer label ends in "…" (the full
#: text is printed in the table the chart illustrates).
LABEL_LINES: Final = 3
#: Tallest one drawing is made: more bars than fit go on in another drawing
#: on the same scale (a chart of 10,000 units would be taller than any page).
MAX_CHART_HEIGHT: Final = TYPE_HEIGHT * 0.75


def bar_charts(
    items: Sequence[tuple[str, Number | None]],
    styles: Styles,
    locale: str,
    *,
    width: float = TYPE_WIDTH,
) -> list[Drawing]:
    """:func:`bar_chart` of ``items`` in as many drawings as keep each shorter
    than :data:`MAX_CHART_HEIGHT`, all on one scale; none when every value is blank."""
    numbers = [float(v) for _, v in items if v is not None]
    if not numbers:
        return []
    measure = _label_font(items, styles)
    label_w = _label_width(items, measure, width)
    lines = max(len(_wrap(label, measure, 10.5, label_w - 8)) for label, _ in items)
    per = max(int((MAX_CHART_HEIGHT - 30) // _pitch(lines)), 1)
    top = max(numbers)
    drawings = []
    for start in range(0, len(items), per):
        d = bar_chart(items[start : start + per], styles, locale, width=width, value_max=top)
        if d is not None:
            drawings.append(d)
    return drawings


def _label_font(items: Sequence[tuple[str, Number | None]], styles: Styles) -> str:
    fonts = styles.fonts
    ascii_labels = fonts.latin is not None and all(label.isascii() for label, _ in items)
    return fonts.latin if ascii_labels and fonts.latin else fonts.body


def _label_width(items: Sequence[tuple[str, Number | None]], font: str, width: float) -> float:
    return min(max(text_width(label, font, 10.5) for label, _ in items) + 8, width * 0.42)


def _pitch(lines: int) -> float:
    return max(22.0, lines * 10.5 * 1.2 + 6)


def bar_chart(
    items: Sequence[tuple[str, Number | None]],
    styles: Styles,
    locale: str,
    *,
    width: float = TYPE_WIDTH,
    value_max: float | None = None,
) -> Drawing | None:
    """Horizontal bars, one per item; None when every value is blank.

    A blank value gets no bar (it is not a 0): its label stays, with no
    bar and no figure, and the caption says so (:func:`chart_caption`).
    Labels wider than their column wrap onto more lines (the bar pitch
    grows), so nothing runs past the type area.
    """
    if not items or all(v is None for _, v in items):
        return None
    fonts = styles.fonts
    size = 10.5
    measure = _label_font(items, styles)
    label_w = _label_width(items, measure, width)
    wrapped = [_wrap(label, measure, size, label_w - 8) for label, _ in items]
    lines = max(len(w) for w in wrapped)
    bar_pitch = _pitch(lines)
    plot_h = bar_pitch * len(items)
    height = plot_h + 30
    d = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x = label_w
    chart.y = 20
    numbers = [float(v) for _, v in items if v is not None]
    widest = max(
        text_width(format_value(_as_number(v), locale), fonts.latin or fonts.body, 9)
        for v in numbers
    )
    chart.width = width - label_w - widest - 10
    chart.height = plot_h
    chart.data = [[float(v) if v is not None else None for _, v in reversed(items)]]
    chart.categoryAxis.categoryNames = ["\n".join(w) for w in reversed(wrapped)]
    # English labels in the Latin face (the CJK face's Latin is a typewriter's)
    # unless a label holds Chinese (a unit's name).
    chart.categoryAxis.labels.fontName = measure
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.leading = size * 1.2
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.textAnchor = "end"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
    if value_max is not None:
        chart.valueAxis.valueMax = value_max
    chart.valueAxis.labels.fontName = fonts.latin or fonts.body
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = colors.Color(0.85, 0.85, 0.85)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    chart.barWidth = bar_pitch * 0.6
    chart.barSpacing = bar_pitch * 0.4
    chart.groupSpacing = 0
    chart.barLabelFormat = lambda v: "" if v is None else format_value(_as_number(v), locale)
    chart.barLabels.fontName = fonts.latin or fonts.body
    chart.barLabels.fontSize = 9
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def chart_caption(
    number: int, title: str, unit: str, items: Sequence[tuple[str, Number | None]], locale: str
) -> list[str]:
    """图1　申请办理结果（单位：件）, and a note naming the rows left blank."""
    english = is_english(locale)
    head = tr(locale, FIGURE).format(number=number)
    gap, before_unit = (" ", " ") if english else ("　", "")
    lines = [f"{head}{gap}{title}{before_unit}{tr(locale, CHART_UNIT).format(unit=unit)}"]
    blank = [label for label, v in items if v is None]
    if blank:
        sep = "; " if english else "；"
        lines.append(tr(locale, CHART_BLANK).format(rows=sep.join(blank)))
    return lines


def _wrap(label: str, font: str, size: float, width: float) -> list[str]:
    """``label`` in lines no wider than ``width`` (between words in English),
    at most :data:`LABEL_LINES` of them, the last ending in "…" when cut."""
    words = label.split(" ") if " " in label else list(label)
    glue = " " if " " in label else ""
    lines: list[str] = []
    line = ""
    for word in words:
        trial = f"{line}{glue}{word}" if line else word
        if line and text_width(trial, font, size) > width:
            lines.append(line)
            line = word
            if len(lines) == LABEL_LINES:
                break
        else:
            line = trial
    else:
        lines.append(line)
        return lines
    last = lines[-1]
    while last and text_width(last + "…", font, size) > width:
        last = last[:-1]
    lines[-1] = last + "…"
    return lines


def _as_number(v: float) -> Number:
    return int(v) if float(v).is_integer() else Decimal(str(v))
