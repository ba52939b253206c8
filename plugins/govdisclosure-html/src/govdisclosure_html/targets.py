"""What an import looks for, read from the table definitions.

Every cell of every table of an edition becomes a :class:`Target`: its
path in the report, its kind, and the printed labels that identify it (the
row's own label, the labels of the rows it sits under, the column label,
the header groups and the table-2 block caption), as matching keys.  No
label is written here: they all come from :func:`govdisclosure.describe`.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from typing import Final

from attrs import frozen

from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.introspect import CellKind, TableInfo
from govdisclosure.registry import describe

from .text import Key, label_key

__all__ = ["Target", "TargetTable", "edition_tables", "words_of_edition"]


@frozen
class Target:
    """One cell of an official table, and the labels that find it."""

    #: Attribute path from the report ("table3", "results", "total", "natural_person").
    path: tuple[str, ...]
    kind: CellKind
    #: The row's own label (required to match), e.g. Key("1", "属于国家秘密").
    row: Key
    #: The column label, or None for a row that is a single cell (table 2, 2021 blocks B–D).
    column: Key | None
    #: Labels that make a match surer but need not be printed: the rows above
    #: this one (三、本年度办理结果, （三）不予公开), the header groups (申请人情况,
    #: 法人或其他组织, 行政诉讼), the block caption (第二十条第（一）项), the column
    #: heading of a single-cell row (本年处理决定数量).
    context: tuple[Key, ...]
    #: Official wording, for provenance.
    row_label: str
    column_label: str | None
    #: The row's path from its table ("results.not_disclosed.prohibited_by_law"),
    #: the key a label printed otherwise is kept under.
    row_key: str = ""
    #: The words of ``context``, as placement counts them among the printed labels.
    context_words: tuple[str, ...] = ()


@frozen
class TargetTable:
    """An official table: its key and its target cells, indexed by (row words, column words)."""

    key: str
    title: str
    targets: tuple[Target, ...]
    index: dict[tuple[str, str | None], tuple[Target, ...]]
    #: Every row and column label's words, for similarity matching.
    row_words: frozenset[str]
    column_words: frozenset[str]


def _targets(info: TableInfo, header_of: dict[tuple[str, ...], str | None]) -> Iterable[Target]:
    stack: list[str] = []
    for row in info.rows:
        del stack[row.depth :]
        if row.is_group:
            stack.append(row.label)
            continue
        ancestors = tuple(label_key(a) for a in stack)
        single = len(row.columns) == 1 and row.path[-1] == row.columns[0].key
        for column in row.columns:
            context = list(ancestors)
            if row.block:
                context.append(label_key(row.block))
            if column.group:
                context.append(label_key(column.group))
            header = header_of.get(row.path)
            if header:
                context.append(label_key(header))
            if single:
                context.append(label_key(column.label))
                path = (info.key, *row.path)
            else:
                path = (info.key, *row.path, column.key)
            yield Target(
                path=path,
                kind=column.kind,
                row=label_key(row.label),
                column=None if single else label_key(column.label),
                context=tuple(context),
                row_label=row.label,
                column_label=column.label,
                row_key=row.key,
                context_words=tuple(k.words for k in context),
            )


#: The money units a heading may state after a label the format prints with none.
MONEY_UNITS: Final = ("元", "万元")


def _with_units(label: str) -> tuple[str, ...]:
    """The words of a money column's label the format prints with no unit
    (2019's 采购总金额), as publishers print it with one: "采购总金额（单位：元）",
    "采购总金额（万元）".  The unit says which unit the amounts are in, not which
    cell they are; the import keeps it (the model's printed unit)."""
    return tuple(
        label_key(f"{label}{form.format(unit)}").words
        for unit in MONEY_UNITS
        for form in ("（单位：{}）", "（{}）")
    )


def _table(info: TableInfo) -> TargetTable:
    header_of: dict[tuple[str, ...], str | None] = {}
    if info.layout == "rows":  # the applicant columns of the table laid out in rows
        header_of = {row.path: ApplicantRow.header for row in info.rows}
    targets = tuple(_targets(info, header_of))
    unitless = {
        column.label
        for row in info.rows
        for column in row.columns
        if column.kind == "money" and column.unit is None
    }
    index: dict[tuple[str, str | None], list[Target]] = {}
    column_words: set[str] = set()
    for t in targets:
        index.setdefault((t.row.words, t.column.words if t.column else None), []).append(t)
        if t.column is None:
            continue
        column_words.add(t.column.words)
        if t.column_label in unitless:
            for words in _with_units(t.column_label):
                index.setdefault((t.row.words, words), []).append(t)
                column_words.add(words)
    return TargetTable(
        key=info.key,
        title=info.title,
        targets=targets,
        index={k: tuple(v) for k, v in index.items()},
        row_words=frozenset(t.row.words for t in targets),
        column_words=frozenset(column_words),
    )


@cache
def edition_tables(edition: str, variant: str | None = None) -> tuple[TargetTable, ...]:
    """The target tables of an edition, in its official drawing or in one of
    its layout variants (the record's ``variants``)."""
    return tuple(_table(info) for info in describe(edition, variant=variant))


@cache
def words_of_edition(edition: str) -> frozenset[str]:
    """Every label word of an edition: rows, columns, groups, captions."""
    out: set[str] = set()
    for table in edition_tables(edition):
        for t in table.targets:
            out.add(t.row.words)
            if t.column:
                out.add(t.column.words)
            out.update(k.words for k in t.context)
    return frozenset(out)
