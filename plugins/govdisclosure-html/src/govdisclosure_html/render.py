"""Renderer ``html``: a report as a standalone page or a fragment for a content system.

Layout, and why:

* The official tables are drawn as the format draws them, with real
  ``rowspan``/``colspan`` (a spreadsheet-like flat table would lose the
  structure that readers and screen readers use): table 2 is one table of
  captioned blocks (第二十条第（…）项), each with its own header row, a
  block with fewer columns than the widest lets its last cell span the
  rest; table 3 has the 勾稽 note in the corner over three header rows, the
  row labels nested with ``rowspan`` (三、本年度办理结果 over its 22 rows);
  table 4 is three header rows over one row of fifteen cells.  Rows,
  columns and groups come from the table definitions
  (:func:`govdisclosure.introspect.table_info`), never from a list here.
* Every header cell is a ``<th>`` with ``scope`` (``col``/``colgroup`` above,
  ``row``/``rowgroup`` at the left) and every table has a ``<caption>``, so
  assistive technology can name each figure by its row and column.
* ``lang="zh-CN"`` (``en`` for the English locale), print CSS (A4 with the
  GB/T 9704 margins, header rows repeated on each page, no row split across
  pages), no script and no external resource: the page is one file.
* The fragment (``--option fragment=true``) is the ``<article>`` alone, with
  no ``<style>``: content systems strip both; its tables carry
  ``border="1"`` so they keep their rules when pasted.
* A blank cell is empty, a not-applicable cell shows its printed mark.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from decimal import Decimal
from html import escape
from typing import Any

from govdisclosure.aggregate import breakdown
from govdisclosure.aggregate.skeleton import BLANK_DATE, needs_skeleton, with_skeleton
from govdisclosure.cells import NotApplicable
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTemplate, TemplateRow
from govdisclosure.formatting import (
    BLANK_LEGEND,
    as_printed_note,
    contact_items,
    format_cell,
    format_date,
    format_money,
    format_period,
    printed_unit_after,
)
from govdisclosure.i18n import gettext, normalize_locale
from govdisclosure.introspect import (
    CellKind,
    ColumnInfo,
    RowInfo,
    TableInfo,
    iter_cells,
    printed_with,
    table_info,
)
from govdisclosure.registry import printed_template, tables_of
from govdisclosure.report_base import Section

__all__ = ["CSS", "render_html"]

CSS = """
:root { color: #000; background: #fff; }
body { font-family: "FangSong", "仿宋", "仿宋_GB2312", "STFangsong", serif; font-size: 16pt;
  line-height: 1.6; max-width: 180mm; margin: 2em auto; padding: 0 1em; }
h1 { font-family: "方正小标宋简体", "STZhongsong", "SimSun", serif; font-size: 22pt;
  text-align: center; font-weight: normal; }
h2 { font-family: "SimHei", "黑体", sans-serif; font-size: 16pt; font-weight: normal; }
h3 { font-family: "KaiTi", "楷体", "楷体_GB2312", serif; font-size: 16pt; font-weight: normal; }
p { text-indent: 2em; margin: 0; }
.gd-facts p, .gd-signature p { text-indent: 0; }
.gd-signature { text-align: right; margin-top: 2em; }
table { border-collapse: collapse; width: 100%; margin: 0.5em 0 1em; font-size: 10.5pt;
  line-height: 1.3; }
caption { font-family: "SimHei", "黑体", sans-serif; font-size: 12pt; padding: 0.3em; }
th, td { border: 1px solid #000; padding: 0.2em 0.35em; }
th { font-weight: normal; }
thead th, th[scope="colgroup"] { text-align: center; }
tbody th { text-align: left; }
td { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.gd-block th { text-align: left; }
.gd-block th[scope="colgroup"] { font-weight: bold; }
.gd-legend { font-size: 10.5pt; text-indent: 0; }
@page { size: A4; margin: 37mm 26mm 35mm 28mm; }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  thead { display: table-header-group; }
  tr, th, td { break-inside: avoid; page-break-inside: avoid; }
  h1, h2, h3, caption { break-after: avoid; page-break-after: avoid; }
}
"""

_NUMERALS = "一二三四五六七八九十"


def _t(locale: str, msgid: str) -> str:
    return escape(gettext(locale, msgid))


def _lang(locale: str) -> str:
    return "zh-CN" if locale.startswith("zh") else "en"


def _attrs(**values: Any) -> str:
    out = []
    for name, value in values.items():
        if value is None or (value == 1 and name in ("rowspan", "colspan")):
            continue
        out.append(f' {name.rstrip("_")}="{escape(str(value))}"')
    return "".join(out)


def _th(text: str, scope: str, rowspan: int = 1, colspan: int = 1, cls: str | None = None) -> str:
    return f"<th{_attrs(scope=scope, rowspan=rowspan, colspan=colspan, class_=cls)}>{text}</th>"


def _row_th(locale: str, row: RowInfo, scope: str, rowspan: int = 1, colspan: int = 1) -> str:
    """A row's label cell.  A label the report printed otherwise than the
    format is shown as printed; the official one is in ``title`` (and
    ``data-official``), never put in its place."""
    if row.printed_label is None:
        return _th(_t(locale, row.label), scope, rowspan, colspan)
    extra = _attrs(
        scope=scope,
        rowspan=rowspan,
        colspan=colspan,
        class_="gd-as-printed",
        title=as_printed_note(row.label, locale),
        **{"data-official": row.label},
    )
    return f"<th{extra}>{escape(row.printed_label)}</th>"


def _td(text: str, colspan: int = 1) -> str:
    return f"<td{_attrs(colspan=colspan)}>{text}</td>"


# -- values --------------------------------------------------------------------


def _cells(table: object) -> dict[tuple[str, ...], Any]:
    return {path: value for path, _, _, value in iter_cells(table)}


def _row_object(table: object, row: RowInfo) -> object:
    obj = table
    for name in row.path:
        obj = getattr(obj, name)
    return obj


def _figure(value: Any, kind: CellKind, locale: str, sign: str | None = None) -> str:
    """A cell as the locale writes it; an amount with every decimal it has.

    A published page must not round a published figure (the core's display
    format stops at four decimals; 5949.088667 万元 is printed as is).
    """
    if kind == "money" and isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        places = max(-exponent, 0) if isinstance(exponent, int) else 0
        return format_money(value, locale, places=places, unit=None)
    return format_cell(value, kind, locale, sign=sign)


def _value(
    table: object, cells: dict[tuple[str, ...], Any], row: RowInfo, column: ColumnInfo, locale: str
) -> str:
    key = (*row.path, column.key)
    value = cells[key] if key in cells else cells[row.path]
    obj = _row_object(table, row)
    text = _figure(value, column.kind, locale, printed_with(obj, column.key, "sign"))
    # The 2019 采购总金额 keeps the unit the report printed beside the figure.
    unit = printed_with(obj, column.key, "unit")
    if text and isinstance(unit, str) and unit and not isinstance(value, NotApplicable):
        # 元 and 万元 follow the figure as reports print them ("147230元");
        # any other unit, and every unit in English, is set apart by a space
        # so that a reader (and the importer) can tell figure from unit.
        shown = gettext(locale, unit)
        glued = shown == unit and unit in ("元", "万元")
        text = printed_unit_after(text, shown, glued=glued, translated=shown != unit)
    return escape(text)


# -- table 2: captioned blocks -------------------------------------------------


def _blocks(info: TableInfo) -> list[tuple[str | None, list[RowInfo]]]:
    blocks: list[tuple[str | None, list[RowInfo]]] = []
    for row in info.rows:
        if blocks and blocks[-1][0] == row.block:
            blocks[-1][1].append(row)
        else:
            blocks.append((row.block, [row]))
    return blocks


def _block_columns(rows: Sequence[RowInfo]) -> list[str]:
    labels: list[str] = []
    for row in rows:
        for column in row.columns:
            if column.label not in labels:
                labels.append(column.label)
    return labels


def _spans(n: int, width: int) -> list[int]:
    """Column spans of ``n`` cells across ``width`` columns: the last takes the rest."""
    return [1] * (n - 1) + [width - (n - 1)] if n else []


def _table2(locale: str, table: object, info: TableInfo, border: bool) -> Iterator[str]:
    blocks = _blocks(info)
    width = max(len(_block_columns(rows)) for _, rows in blocks)
    cells = _cells(table)
    yield f'<table class="gd-table gd-table2"{_attrs(border=1 if border else None)}>'
    yield f"<caption>{_t(locale, info.title)}</caption>"
    for caption, rows in blocks:
        labels = _block_columns(rows)
        spans = _spans(len(labels), width)
        yield '<tbody class="gd-block">'
        if caption:
            yield f"<tr>{_th(_t(locale, caption), 'colgroup', colspan=width + 1)}</tr>"
        head = [_th(_t(locale, "信息内容"), "col")]
        head += [
            _th(_t(locale, label), "col", colspan=span)
            for label, span in zip(labels, spans, strict=True)
        ]
        yield "<tr>" + "".join(head) + "</tr>"
        for row in rows:
            by_label = {c.label: c for c in row.columns}
            out = [_row_th(locale, row, "row")]
            for label, span in zip(labels, spans, strict=True):
                column = by_label.get(label)
                out.append(_td(_value(table, cells, row, column, locale) if column else "", span))
            yield "<tr>" + "".join(out) + "</tr>"
        yield "</tbody>"
    yield "</table>"


# -- table 3: nested rows under a three-level header ---------------------------


def _leaves_under(rows: Sequence[RowInfo], i: int) -> int:
    depth = rows[i].depth
    n = 0
    for row in rows[i + 1 :]:
        if row.depth <= depth:
            break
        if not row.is_group:
            n += 1
    return n


def _header_group(table: object, row: RowInfo) -> str | None:
    header = getattr(type(_row_object(table, row)), "header", None)
    return header if isinstance(header, str) else None


def _table3(locale: str, table: object, info: TableInfo, border: bool) -> Iterator[str]:
    rows = info.rows
    first = next(r for r in rows if not r.is_group)
    columns = first.columns
    label_cols = max(r.depth for r in rows) + 1
    cells = _cells(table)
    note = getattr(type(table), "note", "") or ""
    yield f'<table class="gd-table gd-table3"{_attrs(border=1 if border else None)}>'
    yield f"<caption>{_t(locale, info.title)}</caption>"
    yield "<thead>"
    header = _header_group(table, first)
    top = [_th(_t(locale, note), "col", rowspan=3, colspan=label_cols)]
    top.append(_th(_t(locale, header or ""), "colgroup", colspan=len(columns)))
    yield "<tr>" + "".join(top) + "</tr>"
    second: list[str] = []
    third: list[str] = []
    i = 0
    while i < len(columns):
        column = columns[i]
        if column.group is None:
            second.append(_th(_t(locale, column.label), "col", rowspan=2))
            i += 1
            continue
        j = i
        while j < len(columns) and columns[j].group == column.group:
            third.append(_th(_t(locale, columns[j].label), "col"))
            j += 1
        second.append(_th(_t(locale, column.group), "colgroup", colspan=j - i))
        i = j
    yield "<tr>" + "".join(second) + "</tr>"
    yield "<tr>" + "".join(third) + "</tr>"
    yield "</thead><tbody>"
    pending: list[str] = []
    for k, row in enumerate(rows):
        if row.is_group:
            pending.append(_row_th(locale, row, "rowgroup", rowspan=_leaves_under(rows, k)))
            continue
        out = [*pending, _row_th(locale, row, "row", colspan=label_cols - row.depth)]
        pending = []
        out += [_td(_value(table, cells, row, c, locale)) for c in row.columns]
        yield "<tr>" + "".join(out) + "</tr>"
    yield "</tbody></table>"


# -- table 4: three header rows over one row -----------------------------------


def _table4(locale: str, table: object, info: TableInfo, border: bool) -> Iterator[str]:
    rows = info.rows
    cells = _cells(table)
    yield f'<table class="gd-table gd-table4"{_attrs(border=1 if border else None)}>'
    yield f"<caption>{_t(locale, info.title)}</caption>"
    yield "<thead>"
    first: list[str] = []
    second: list[str] = []
    third: list[str] = []
    i = 0
    while i < len(rows):
        row = rows[i]
        if row.block is None:
            first.append(_row_th(locale, row, "colgroup", colspan=len(row.columns)))
            second += [_th(_t(locale, c.label), "col", rowspan=2) for c in row.columns]
            i += 1
            continue
        j = i
        while j < len(rows) and rows[j].block == row.block:
            second.append(_row_th(locale, rows[j], "colgroup", colspan=len(rows[j].columns)))
            third += [_th(_t(locale, c.label), "col") for c in rows[j].columns]
            j += 1
        first.append(
            _th(_t(locale, row.block), "colgroup", colspan=sum(len(r.columns) for r in rows[i:j]))
        )
        i = j
    for line in (first, second, third):
        yield "<tr>" + "".join(line) + "</tr>"
    yield "</thead><tbody><tr>"
    yield "".join(_td(_value(table, cells, row, c, locale)) for row in rows for c in row.columns)
    yield "</tr></tbody></table>"


def _legend(locale: str) -> str:
    text = gettext(locale, BLANK_LEGEND)
    return f'<p class="gd-legend">{escape(text)}</p>'


def _official(locale: str, key: str, table: object, border: bool) -> list[str]:
    info = table_info(table, key)
    if info.layout == "blocks":
        lines = list(_table2(locale, table, info, border))
    elif info.layout == "single-row":
        lines = list(_table4(locale, table, info, border))
    else:
        lines = list(_table3(locale, table, info, border))
    return [*lines, _legend(locale)]


# -- legacy statistics table ---------------------------------------------------


def _legacy_label(locale: str, row: TemplateRow) -> str:
    label = gettext(locale, row.label)
    if row.number and not row.label.startswith(row.number):
        number = row.number + "." if row.number.isdigit() else gettext(locale, row.number)
        label = number + label
    return escape(label)


def _legacy(
    locale: str, report: ReportLegacy, template: StatisticsTemplate, border: bool
) -> Iterator[str]:
    yield f'<table class="gd-table gd-legacy"{_attrs(border=1 if border else None)}>'
    yield f"<caption>{_t(locale, template.title)}</caption>"
    head = [_th(_t(locale, "统计指标"), "col"), _th(_t(locale, "单位"), "col")]
    head += [_th(_t(locale, c.label), "col") for c in template.columns]
    yield "<thead><tr>" + "".join(head) + "</tr></thead><tbody>"
    for row in template.rows:
        indent = f' style="padding-left:{0.35 + 1.5 * row.level:.2f}em"' if row.level else ""
        label = f'<th scope="row"{indent}>{_legacy_label(locale, row)}</th>'
        if row.is_header:
            yield f"<tr>{label}<td>——</td>" + "<td></td>" * len(template.columns) + "</tr>"
            continue
        kind: CellKind = "money" if row.is_money else "count"
        values = "".join(
            _td(escape(_figure(report.statistics.value(row.code, c.key), kind, locale)))
            for c in template.columns
        )
        yield f"<tr>{label}<td>{_t(locale, row.unit or '')}</td>{values}</tr>"
    yield "</tbody></table>"


# -- per-unit breakdown of a consolidated report -------------------------------


def _breakdown(locale: str, report: Report, border: bool) -> Iterator[str]:
    """A row per part, then the consolidated report's own row.

    The cells, their labels and each unit's figures are the core's
    ``breakdown(report, columns="headline")``, which the PDF and Markdown show too.
    """
    table = breakdown(report, columns="headline")
    title = gettext(locale, "Breakdown by reporting unit")
    yield f"<section><h2>{escape(title)}</h2>"
    yield f'<table class="gd-table gd-breakdown"{_attrs(border=1 if border else None)}>'
    yield f"<caption>{escape(title)}</caption>"
    head = [_th(_t(locale, "Reporting unit"), "col")]
    head += [_th(escape(c.label.render(locale)), "col") for c in table.columns]
    yield "<thead><tr>" + "".join(head) + "</tr></thead><tbody>"
    own = f"{report.unit.name} {gettext(locale, '(consolidated)')}"
    for name, values in [*((r.unit.name, r.values) for r in table.rows), (own, table.totals)]:
        cells = "".join(
            _td(escape(_figure(v, c.kind, locale)))
            for v, c in zip(values, table.columns, strict=True)
        )
        yield f'<tr><th scope="row">{escape(name)}</th>{cells}</tr>'
    yield "</tbody></table></section>"


# -- the document --------------------------------------------------------------


def _date(value: dt.date, locale: str) -> str:
    return escape(format_date(value, locale))


def _title(locale: str, report: Report) -> str:
    if report.title:
        return report.title
    text = gettext(locale, "{unit} {year} annual report on government information disclosure")
    return text.format(unit=report.unit.name, year=report.year)


def _join(locale: str) -> str:
    return "：" if locale.startswith("zh") else ": "


def _facts(locale: str, report: Report) -> list[str]:
    period = format_period(report.period, locale)
    facts = [
        (gettext(locale, "Reporting unit"), report.unit.name),
        (gettext(locale, "Report year"), str(report.year)),
        (gettext(locale, "Statistics period"), period),
    ]
    # 填报日期 is printed on the contact line under the tables, where the form has it.
    for msgid, value in (
        ("成文日期", report.dates.written),
        ("发布日期", report.dates.published),
    ):
        if value is not None:
            facts.append((gettext(locale, msgid), format_date(value, locale)))
    join = _join(locale)
    return [
        '<div class="gd-facts">',
        *(f"<p>{escape(k)}{join}{escape(v)}</p>" for k, v in facts),
        "</div>",
    ]


def _leading_numeral(text: str) -> int | None:
    head = text.strip().split("、", 1)
    if len(head) == 2 and len(head[0]) == 1 and head[0] in _NUMERALS:
        return _NUMERALS.index(head[0]) + 1
    return None


def _section(
    locale: str,
    section: Section,
    level: int,
    tables: dict[int, list[str]],
    translate: bool = False,
) -> Iterator[str]:
    h = min(level, 6)
    # A skeleton's official headings are said in the locale.
    heading = gettext(locale, section.heading) if translate else section.heading
    yield f"<section><h{h}>{escape(heading)}</h{h}>"
    for paragraph in section.paragraphs:
        yield f"<p>{escape(paragraph)}</p>"
    number = _leading_numeral(section.heading) if level == 2 else None
    if number is not None and number in tables:
        yield from tables.pop(number)
    for sub in section.subsections:
        yield from _section(locale, sub, level + 1, tables)
    yield "</section>"


def _body(locale: str, report: Report, border: bool, translate: bool = False) -> Iterator[str]:
    tables: dict[int, list[str]] = {}
    titles: dict[int, str] = {}
    if not is_template_driven(report):
        for key, table in tables_of(report):
            title = getattr(type(table), "title", key)
            number = _leading_numeral(title)
            if number is None:  # pragma: no cover - every official title is numbered
                raise ValueError(f"table {key} has an unnumbered title {title!r}")
            tables[number] = _official(locale, key, table, border)
            titles[number] = title
    present = {_leading_numeral(s.heading) for s in report.sections}

    def orphan(n: int) -> Iterator[str]:
        yield f"<section><h2>{_t(locale, titles[n])}</h2>"
        yield from tables.pop(n)
        yield "</section>"

    for section in report.sections:
        number = _leading_numeral(section.heading)
        if number is not None:
            for missing in sorted(n for n in tables if n < number and n not in present):
                yield from orphan(missing)
        yield from _section(locale, section, 2, tables, translate)
    for missing in sorted(tables):
        yield from orphan(missing)


def _contact(locale: str, report: Report) -> list[str]:
    join = _join(locale)
    items = contact_items(report.contact, report.dates.filled, locale)
    shown = [f"{escape(label)}{join}{escape(value)}" for label, value in items]
    return [f'<p class="gd-contact">{"　".join(shown)}</p>'] if shown else []


def _article(locale: str, report: Report, border: bool) -> list[str]:
    # A consolidated report without text of its own is laid out with the six
    # sections of its format, the office's part marked (as every renderer of
    # the project does it).
    skeleton = needs_skeleton(report)
    report = with_skeleton(report, locale)
    lines = [
        f'<article class="gd-report" lang="{_lang(locale)}">',
        f"<h1>{escape(_title(locale, report))}</h1>",
    ]
    lines += _facts(locale, report)
    lines += [f"<p>{escape(p)}</p>" for p in report.preamble]
    lines += _body(locale, report, border, translate=skeleton)
    if not is_template_driven(report):
        lines += _contact(locale, report)
    lines.append('<div class="gd-signature">')
    lines.append(f"<p>{escape(report.signed_by or report.unit.name)}</p>")
    if report.dates.written is not None:
        lines.append(f"<p>{_date(report.dates.written, locale)}</p>")
    elif skeleton:  # the date is the office's to fill in, as the text is
        lines.append(f"<p>{escape(gettext(locale, BLANK_DATE))}</p>")
    lines.append("</div>")
    if is_template_driven(report):
        template = printed_template(report)
        heading = gettext(locale, "附件") + _join(locale) + gettext(locale, template.title)
        lines += [
            f"<section><h2>{escape(heading)}</h2>",
            *_legacy(locale, report, template, border),
        ]
        lines += [_legend(locale), *_contact(locale, report), "</section>"]
    if report.parts:
        lines += _breakdown(locale, report, border)
    lines.append("</article>")
    return lines


def render_html(report: Report, locale: str = "zh_Hans_CN", *, fragment: bool = False) -> str:
    """The report as a standalone HTML page, or as a fragment (the ``<article>``)."""
    locale = normalize_locale(locale)
    article = _article(locale, report, border=fragment)
    if fragment:
        return "\n".join(article) + "\n"
    head = [
        "<!DOCTYPE html>",
        f'<html lang="{_lang(locale)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="govdisclosure">',
        f"<title>{escape(_title(locale, report))}</title>",
        f"<style>{CSS}</style>",
        "</head>",
        "<body>",
    ]
    return "\n".join([*head, *article, "</body>", "</html>"]) + "\n"
