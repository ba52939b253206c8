"""Which unit contributed what: the per-unit breakdown of a consolidated report.

The 玉溪 2017 report states its 22 applications unit by unit
(市政府办 9 + 华宁县 1 + 江川区 1 + 市环保局 7 + 市住建局 2 + 市抚仙湖管理局 2).
:func:`breakdown` gives renderers that table for every cell — rows are the
contributing units, columns the cells with their official labels — and
:func:`cell_breakdown` gives one cell's equation.  Both read the figures
from the report's ``parts`` (or the leaves of its tree), so they show what
each unit printed, blank and "/" included; the consolidated figure is the
report's own.

``breakdown(report, columns="headline")`` is the short table a rendered
report appends (see :func:`breakdown`): every renderer shows the same cells,
with the same labels and figures, because they all take them from here.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Final, Literal

from attrs import frozen

from ..cells import CellValue, is_number
from ..editions import Report, is_template_driven
from ..flat import Shape, shape_of
from ..i18n import N_, gettext
from ..introspect import CellKind, table_info
from ..naming import cell_names
from ..paths import Path, json_path
from ..registry import report_tables, tables_of, template_of
from ..report_base import ReportingUnit
from ..validation.findings import Label
from .combine import combine, exact_decimals
from .errors import ConsolidationError
from .layout import values_in
from .tree import iter_nodes, leaves

__all__ = [
    "APPENDIX_TITLE",
    "Breakdown",
    "BreakdownColumn",
    "BreakdownRow",
    "CellBreakdown",
    "Contribution",
    "breakdown",
    "cell_breakdown",
]

#: The name of the per-unit appendix of a consolidated report, the same in
#: every renderer and locale (a message id of the catalogs).
APPENDIX_TITLE: Final = N_("Figures by reporting unit")

Rows = Literal["parts", "leaves", "tree"]
Columns = Literal["all", "headline"]


@frozen
class BreakdownColumn:
    """A cell of the tables: its path, JSON path, official label and kind."""

    path: Path
    json_path: str
    #: The header group of the row when the table prints one (行政诉讼,
    #: 第二十条第（一）项), the row labels, then the column label;
    #: translated when rendered.
    label: Label
    kind: CellKind


@frozen
class BreakdownRow:
    """One contributing unit and its figures, one per column.

    ``depth`` is 1 for a direct part and more for a part of a part (rows
    ``"tree"`` and ``"leaves"``); ``consolidated`` says whether the unit's
    figures are themselves a consolidation (it has parts).
    """

    unit: ReportingUnit
    values: tuple[CellValue, ...]
    depth: int = 1
    consolidated: bool = False


@frozen
class Contribution:
    """What one unit printed in one cell."""

    unit: ReportingUnit
    value: CellValue


@frozen
class CellBreakdown:
    """One cell of a consolidated report and each unit's share of it."""

    path: Path
    json_path: str
    label: Label
    #: The consolidated report's own figure.
    total: CellValue
    contributions: tuple[Contribution, ...]

    @property
    def sum(self) -> CellValue:
        """The contributions combined by the consolidation rule."""
        with exact_decimals():
            return combine((c.value for c in self.contributions), self.json_path)

    @property
    def consistent(self) -> bool:
        """True when the report's figure is the sum of its units' figures.

        A report made by :func:`~govdisclosure.aggregate.consolidate` is
        always consistent; a published one whose parts were attached by
        hand need not be (see :func:`~govdisclosure.aggregate.check_against_parts`).
        """
        return self.total == self.sum

    def equation(self, locale: str = "zh_Hans_CN", *, names: bool = False) -> str:
        """``22 = 9 + 1 + 1 + 7 + 2 + 2``; with ``names``, each figure follows
        its unit (``22 = 市政府办 9 + 华宁县 1 + …``).  Blank shows as the
        locale's word for blank, not applicable as its printed mark."""
        terms = [
            (f"{c.unit.name} " if names else "") + _show(locale, c.value)
            for c in self.contributions
        ]
        return f"{_show(locale, self.total)} = " + " + ".join(terms)


def _show(locale: str, value: CellValue) -> str:
    if value is None:
        return gettext(locale, "blank")
    return str(value)


@frozen
class Breakdown:
    """A consolidated report's figures unit by unit, for renderers.

    ``rows[i].values[j]`` is what unit ``i`` printed in cell
    ``columns[j]``; ``totals[j]`` is the consolidated figure.  A unit whose
    （六）其他处理 layout differs from the report's is shown in the
    report's layout (its sub-rows folded); one that cannot be (a part
    attached by hand, of another template or edition) shows the cells it
    has under the same paths and blank for the others.
    """

    unit: ReportingUnit
    year: int
    edition: str
    columns: tuple[BreakdownColumn, ...]
    rows: tuple[BreakdownRow, ...]
    totals: tuple[CellValue, ...]

    def index(self, path: Path | str) -> int:
        """The column of a cell, by attribute path or JSON path."""
        for j, column in enumerate(self.columns):
            if column.path == path or column.json_path == path:
                return j
        raise KeyError(path)

    def cell(self, path: Path | str) -> CellBreakdown:
        """One column as a :class:`CellBreakdown`."""
        j = self.index(path)
        column = self.columns[j]
        return CellBreakdown(
            column.path,
            column.json_path,
            column.label,
            self.totals[j],
            tuple(Contribution(r.unit, r.values[j]) for r in self.rows),
        )

    def to_dict(self, locale: str = "zh_Hans_CN") -> dict[str, object]:
        """JSON-ready: labels in ``locale``, money as strings, "/" as its mark."""
        return {
            "unit": self.unit.name,
            "year": self.year,
            "edition": self.edition,
            "columns": [
                {"path": c.json_path, "label": c.label.render(locale), "kind": c.kind}
                for c in self.columns
            ],
            "rows": [
                {
                    "unit": r.unit.name,
                    "region_code": r.unit.region_code,
                    "depth": r.depth,
                    "consolidated": r.consolidated,
                    "values": [_json_value(v) for v in r.values],
                }
                for r in self.rows
            ],
            "totals": [_json_value(v) for v in self.totals],
        }


def _json_value(value: CellValue) -> int | str | None:
    if value is None or type(value) is int:
        return value
    return str(value)


def breakdown(
    report: Report,
    *,
    rows: Rows = "parts",
    columns: Columns = "all",
    paths: Iterable[Path | str] | None = None,
    filled_only: bool = False,
) -> Breakdown:
    """The per-unit table of ``report``.

    * ``rows``: ``"parts"`` (the direct parts, the default), ``"leaves"``
      (the units at the bottom of the tree: counties rather than the cities
      that consolidated them) or ``"tree"`` (every report of the tree below
      the root, parents before their parts, with their depth).
    * ``columns``: ``"all"`` (every cell in table order, the default) or
      ``"headline"``: the figures a reader compares across units, which is
      what a rendered report's breakdown appendix shows.  For the 2019 and
      2021 formats that is every 总计 column of a top-level or total row —
      table 3's 一, 二, 三（七） and 四, and the 总计 of 行政复议 and of
      both 行政诉讼 groups in table 4; for a pre-2019 report every column of
      each statistics row that is not part of another row (no ``parent``).
      Why a fixed choice here and not in each renderer: the appendix of the
      PDF and of the Markdown must show the same cells under the same
      labels, and a new edition or template brings its own headline along,
      since the choice is read from the definitions' ``total`` roles and
      the template's row tree.
    * ``paths``: the cells to show, by attribute or JSON path, in the order
      given (instead of ``columns``).
    * ``filled_only``: leave out cells no unit filled in (no number
      anywhere), which keeps a renderer's table short.

    A report without parts has no rows.
    """
    shape = shape_of(report)
    names = cell_names(report)
    index = shape.index()
    if paths is not None and columns != "all":
        raise ValueError("give either paths or columns, not both")
    if columns == "headline":
        paths = _headline_paths(report)
    elif columns != "all":
        raise ValueError(f"columns must be 'all' or 'headline', not {columns!r}")
    if paths is None:
        chosen = list(range(len(shape.paths)))
    else:
        by_json = {json_path(p): i for p, i in index.items()}
        chosen = []
        for p in paths:
            found = index.get(p) if isinstance(p, tuple) else by_json.get(p)
            if found is None:
                raise KeyError(p)
            chosen.append(found)
    contributors = _contributors(report, rows)
    all_values = [_values_in(r, shape) for _, r in contributors]
    own = shape.flatten(report)
    if filled_only:
        chosen = [
            j for j in chosen if is_number(own[j]) or any(is_number(v[j]) for v in all_values)
        ]
    blocks = _blocks(report)
    table_columns = tuple(
        BreakdownColumn(
            shape.paths[j],
            names[shape.paths[j]].json,
            _with_block(names[shape.paths[j]].label, shape.paths[j], blocks),
            shape.kinds[j],
        )
        for j in chosen
    )
    table = tuple(
        BreakdownRow(r.unit, tuple(values[j] for j in chosen), depth, bool(r.parts))
        for (depth, r), values in zip(contributors, all_values, strict=True)
    )
    return Breakdown(
        report.unit,
        report.year,
        report.edition,
        table_columns,
        table,
        tuple(own[j] for j in chosen),
    )


def _values_in(report: Report, shape: Shape) -> tuple[CellValue, ...]:
    """``report``'s cells in the layout ``shape``, folded if need be.

    A part :func:`~govdisclosure.aggregate.consolidate` would refuse (another
    template or edition, or a one-row （六） where the report prints three
    rows, attached by hand) still shows: each cell it has under the same
    path, blank for the others, so a renderer never fails on it.
    """
    try:
        return values_in(report, shape, fold=True)
    except ConsolidationError:
        own = shape_of(report)
        values = dict(zip(own.paths, own.flatten(report), strict=True))
        return tuple(values.get(p) for p in shape.paths)


def _headline_paths(report: Report) -> list[Path]:
    """The cells of ``breakdown(report, columns="headline")``, in table order."""
    if is_template_driven(report):
        template = template_of(report)
        return [
            ("statistics", "rows", row.code, column.key)
            for row in template.value_rows
            if row.parent is None and row.printed  # a row the table left out is no headline
            for column in template.columns
        ]
    out: list[Path] = []
    for key, table in tables_of(report):
        for row in table_info(table, key).rows:
            if row.depth == 0 or row.is_total:
                out.extend((key, *row.path, c.key) for c in row.columns if c.is_total)
    return out


def _blocks(report: Report) -> dict[Path, str]:
    """The header group (``block``) of each row that has one, by row path."""
    return {
        (info.key, *row.path): row.block
        for info in report_tables(report)
        for row in info.rows
        if row.block
    }


def _with_block(label: Label, path: Path, blocks: dict[Path, str]) -> Label:
    """``label`` headed by its row's header group, as the printed table heads it.

    A cell of a row class has the row's path plus its column; a cell placed
    directly in a table is a row of its own.
    """
    block = blocks.get(path[:-1]) or blocks.get(path)
    if block is None or (label.parts and label.parts[0] == block):
        return label
    return Label((block, *label.parts), label.sep)


def _contributors(report: Report, rows: Rows) -> Sequence[tuple[int, Report]]:
    if rows == "parts":
        return [(1, p) for p in report.parts]
    if rows == "tree":
        return [(d, r) for d, r in iter_nodes(report) if d > 0]
    if rows == "leaves":
        if not report.parts:
            return []
        depth = {id(r): d for d, r in iter_nodes(report)}
        return [(depth[id(leaf)], leaf) for leaf in leaves(report)]
    raise ValueError(f"rows must be 'parts', 'leaves' or 'tree', not {rows!r}")


def cell_breakdown(report: Report, path: Path | str, *, rows: Rows = "parts") -> CellBreakdown:
    """One cell of ``report`` and what each unit contributed to it.

    ``cell_breakdown(city, ("statistics", "rows", "3.1", "value")).equation()``
    → ``"22 = 9 + 1 + 1 + 7 + 2 + 2"``.
    """
    return breakdown(report, rows=rows, paths=[path]).cell(path)
