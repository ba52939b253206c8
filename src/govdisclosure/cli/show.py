"""``govdisclosure show FILE``: what a report holds, at a glance.

Identity (unit, year, edition, period, the three dates), the section
headings, and for each table its non-blank figures: the 总计 cells where the
table has totals (tables 3 and 4), every figure where it has none (table 2,
whose rows stand alone), every filled row of a legacy statistics table.
Labels are shown in the chosen locale from the catalogs.  A file that
cannot be read is reported in that locale on standard error, exit 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import attrs
import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..cells import CellValue
from ..editions import Report, edition_of
from ..editions.legacy import ReportLegacy
from ..errors import LoadError, not_read
from ..formatting import format_cell, format_date, format_period
from ..i18n import N_, gettext, ngettext
from ..inputs import load
from ..introspect import ColumnInfo, RowInfo, TableInfo, table_info
from ..registry import report_tables
from ..report_base import ReportDates, Section
from ._output import PRINTED_PROBLEMS, locale_option, printable, terminal

__all__ = ["command"]

_UNIT_KINDS = {"government": N_("people's government"), "department": N_("government department")}

#: The three dates a report carries, by attribute of ReportDates; the
#: Chinese terms are what reports print, so they are their own message ids.
_DATES = {"written": N_("成文日期"), "filled": N_("填报日期"), "published": N_("发布日期")}


def _cells(table: object, row: RowInfo) -> Iterator[tuple[ColumnInfo, CellValue]]:
    """The cells of ``row``: a row object's columns, or a single-cell row."""
    target: Any = table
    for step in row.path:
        target = getattr(target, step)
    if attrs.has(type(target)):
        for column in row.columns:
            yield column, getattr(target, column.key)
    else:
        yield row.columns[0], target


def _figures(table: object, key: str, locale: str) -> tuple[str, Table] | None:
    """Title and rich table of the non-blank figures of one official table.

    Where the table has totals only they are shown, in one column headed by
    the total's label; group headings (（三）不予公开) are shown above the
    first shown row under them so that "1.属于国家秘密" is not ambiguous.
    """
    info = table_info(table, key)
    has_totals = any(c.is_total for r in info.rows for c in r.columns)
    grid = Table(expand=False)
    grid.add_column(gettext(locale, "Row"), overflow="fold")
    if has_totals:
        total = next(c for r in info.rows for c in r.columns if c.is_total)
        grid.add_column(gettext(locale, total.label), justify="right", overflow="fold")
    else:
        grid.add_column(gettext(locale, "Column"), overflow="fold")
        grid.add_column(gettext(locale, "Value"), justify="right", overflow="fold")
    pending: list[RowInfo] = []
    for row in info.rows:
        pending = [g for g in pending if g.depth < row.depth]
        if row.is_group:
            pending.append(row)
            continue
        for column, value in _cells(table, row):
            if value is None or (has_totals and not column.is_total):
                continue
            for group in pending:
                grid.add_row(Text("  " * group.depth + gettext(locale, group.label)))
            pending = []
            label = "  " * row.depth + gettext(locale, row.label)
            shown = format_cell(value, column.kind, locale)
            if has_totals:
                grid.add_row(Text(label), Text(shown))
            else:
                if row.block:
                    label = f"{gettext(locale, row.block)} · {label}"
                grid.add_row(Text(label), Text(gettext(locale, column.label)), Text(shown))
    return (gettext(locale, info.title), grid) if grid.row_count else None


def _indicators(report: ReportLegacy, info: TableInfo, locale: str) -> tuple[str, Table] | None:
    """A table laid out as 统计指标 / 单位 / value columns (the pre-2019
    statistics), with the headings it printed; rows it did not print are
    not shown."""
    columns = next((r.columns for r in info.rows if r.columns), ())
    grid = Table()
    grid.add_column(gettext(locale, "Row"), overflow="fold")
    grid.add_column(gettext(locale, "Unit"))
    for column in columns:
        grid.add_column(gettext(locale, column.label), justify="right", overflow="fold")
    for row in info.rows:
        if row.is_group or not row.printed:
            continue
        values = [report.statistics.value(row.path[-1], c.key) for c in row.columns]
        if all(v is None for v in values):
            continue
        grid.add_row(
            Text("  " * row.depth + gettext(locale, row.label)),
            Text(gettext(locale, row.unit) if row.unit else ""),
            *(
                Text(format_cell(v, c.kind, locale))
                for v, c in zip(values, row.columns, strict=True)
            ),
        )
    return (gettext(locale, info.title), grid) if grid.row_count else None


def _paragraphs(section: Section) -> int:
    """The paragraphs of a section, those under its sub-headings included: a
    section written as （一）存在的问题 / （二）改进措施 is not empty."""
    return len(section.paragraphs) + sum(_paragraphs(s) for s in section.subsections)


def _dates(dates: ReportDates, locale: str) -> Iterator[tuple[str, str]]:
    for attribute, label in _DATES.items():
        value = getattr(dates, attribute)
        if value is not None:
            yield gettext(locale, label), format_date(value, locale)


def _show(report: Report, locale: str, console: Console) -> None:
    def labelled(label: str, value: str) -> None:
        # Report text is shown literally: a unit named "[/] 单位" is no markup.
        # The locale's colon: "年度：2024", "Year: 2024".
        before, _, after = gettext(locale, "{label}: {value}").partition("{label}")
        colon = after.partition("{value}")[0]
        console.print(
            Text.assemble(before, (label, "bold"), colon, printable(value)), highlight=False
        )

    def line(msgid: str, value: str) -> None:
        labelled(gettext(locale, msgid), value)

    unit = report.unit
    kind = gettext(locale, _UNIT_KINDS[unit.kind.value])
    line(N_("Reporting unit"), gettext(locale, "{name} ({kind})").format(name=unit.name, kind=kind))
    line(N_("Year"), str(report.year))
    line(N_("Edition"), gettext(locale, edition_of(report).title))
    period = format_period(report.period, locale)
    line(N_("Statistics period"), period)
    for label, value in _dates(report.dates, locale):
        labelled(label, value)
    if report.parts:
        n = len(report.parts)
        line(N_("Consolidates"), ngettext(locale, "{n} report", "{n} reports", n).format(n=n))
    sections = gettext(locale, "{label}:").format(label=gettext(locale, "Sections"))
    console.print(Text(sections, style="bold"), highlight=False)
    if not report.sections:
        console.print("  " + gettext(locale, "(none)"), highlight=False)
    for section in report.sections:
        n = _paragraphs(section)
        count = ngettext(locale, "{n} paragraph", "{n} paragraphs", n).format(n=n)
        if section.subsections:
            k = len(section.subsections)
            headings = ngettext(locale, "{n} sub-heading", "{n} sub-headings", k).format(n=k)
            count = gettext(locale, "{headings}, {paragraphs}").format(
                headings=headings, paragraphs=count
            )
        counted = gettext(locale, "{heading} ({count})").format(
            heading=printable(section.heading), count=count
        )
        console.print(f"  {counted}", highlight=False, markup=False)
    grids: list[tuple[str, Table] | None]
    grids = [
        _indicators(report, info, locale)  # type: ignore[arg-type]
        if info.layout == "indicators"
        else _figures(getattr(report, info.key), info.key, locale)
        for info in report_tables(report)
    ]
    shown = [g for g in grids if g is not None]
    if not shown:
        console.print(gettext(locale, "Every table cell is blank."), highlight=False)
    for title, grid in shown:
        console.print(Text(title, style="bold"), highlight=False)
        console.print(grid)


def _run(file: str, locale: str) -> None:
    try:
        report = load(file)
    except LoadError as exc:
        click.echo(exc.render(locale, limit=PRINTED_PROBLEMS), err=True)
        raise SystemExit(2) from None
    except Exception as exc:  # noqa: BLE001 - never a traceback for a bad input
        error = not_read(exc, file)
        click.echo(error.render(locale, limit=PRINTED_PROBLEMS), err=True)
        raise SystemExit(2) from None
    _show(report, locale, terminal(soft_wrap=False))


command = click.Command(
    "show",
    callback=_run,
    params=[
        click.Argument(["file"], type=click.Path(dir_okay=True), metavar="FILE"),
        locale_option(),
    ],
    help="Show a report's unit, year, edition, dates, sections and non-blank totals.",
    short_help="Show what a report holds.",
)
