"""Charts drawn with reportlab.graphics, labelled in the embedded font.

* Applications by outcome: the totals of table 3's （一）…（六） (a group's
  total is the sum of its sub-rows), as horizontal bars so that the Chinese
  labels read across.
* Proactive disclosure by channel (pre-2019 reports): the statistics
  table's channel rows (or the sub-rows of its first row).
* For a consolidated report, one bar per reporting unit.

A row's value is its 总计 cell; where a report left 总计 blank but filled
the applicant columns (上海 2019 does), their sum is shown.  Blank cells
are left out of a sum; a chart whose values are all blank is not drawn.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from govdisclosure.cells import is_number
from govdisclosure.editions.legacy import ReportLegacy, TemplateRow
from govdisclosure.introspect import RowInfo, table_info
from govdisclosure.registry import template_of

from .labels import format_value, tr
from .styles import TYPE_WIDTH, Styles
from .tables import legacy_label, row_values

__all__ = ["bar_chart", "channel_items", "outcome_items"]

BAR: Final = colors.Color(0.27, 0.42, 0.62)
_REMARK: Final = re.compile(r"^(（[^）]*）[^（(]+)[（(].*$")

Number = int | Decimal


def _row_total(table: object, row: RowInfo) -> Number | None:
    values = row_values(table, row)
    totals = [v for (v, _, _), c in zip(values, row.columns, strict=True) if c.is_total]
    if totals and is_number(totals[0]):
        return totals[0]
    parts = [v for (v, _, _), c in zip(values, row.columns, strict=True) if not c.is_total]
    numbers: list[Number] = [v for v in parts if is_number(v)]
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


def bar_chart(
    title: str,
    items: Sequence[tuple[str, Number | None]],
    styles: Styles,
    locale: str,
    *,
    width: float = TYPE_WIDTH,
) -> Drawing | None:
    """A horizontal bar chart with a title; None when every value is blank."""
    if not items or all(v is None for _, v in items):
        return None
    fonts = styles.fonts
    size = 10.5
    bar_pitch = 22.0
    label_w = min(
        max(len(label) for label, _ in items) * size + 8,
        width * 0.45,
    )
    plot_h = bar_pitch * len(items)
    height = plot_h + 56
    d = Drawing(width, height)
    d.add(
        String(
            width / 2,
            height - 18,
            title,
            fontName=fonts.hei,
            fontSize=12,
            textAnchor="middle",
        )
    )
    chart = HorizontalBarChart()
    chart.x = label_w
    chart.y = 24
    chart.width = width - label_w - 40
    chart.height = plot_h
    values = [float(v) if v is not None else 0.0 for _, v in reversed(items)]
    chart.data = [values]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(items)]
    chart.categoryAxis.labels.fontName = fonts.body
    chart.categoryAxis.labels.fontSize = size
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.categoryAxis.labels.dx = -4
    chart.valueAxis.valueMin = 0
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
    chart.barLabelFormat = lambda v: format_value(_as_number(v), locale)
    chart.barLabels.fontName = fonts.latin or fonts.body
    chart.barLabels.fontSize = 9
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    d.add(chart)
    return d


def _as_number(v: float) -> Number:
    return int(v) if float(v).is_integer() else Decimal(str(v))
