"""A statistics template derived from the table a document printed.

When a pre-2019 table fits no shipped template exactly — a row the
template lacks, a template row the table left out, another unit or
numbering, fewer value columns — the import can keep it as printed (the
``derive_templates`` option): the rows it matched keep their template
codes (so the arithmetic relations and other years still line up), the rows
that fit nothing become rows of their own, and the template rows the table
did not print are kept as not printed (see :mod:`govdisclosure.derive`).
With no template to anchor on at all, the template is the printed table
alone: its rows and value columns, with no relation between them.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs

from govdisclosure.derive import ADDED_PREFIX, PrintedRow, derive_template
from govdisclosure.editions.legacy import StatisticsTemplate, TemplateColumn, TemplateRow
from govdisclosure.table_grid import legacy_label

from .grid import Grid
from .legacy import LegacyPlacement, LegacyResult, PrintedLine, match_template
from .source import source_cells

__all__ = ["derive_from_printed", "printed_only"]


def derive_from_printed(result: LegacyResult) -> LegacyResult | None:
    """``result`` placed on the template derived from the printed table, or
    ``None`` when the table prints exactly its template (nothing to derive).

    The template says nothing of the file it came from (the provenance does):
    the same table printed on a page, in a PDF or a Word file derives the
    same template."""
    base = result.template
    anchored = bool(base.id)
    printed_keys = {key for _, key, _, _ in result.columns}
    columns = tuple(c for c in base.columns if c.key in printed_keys)
    rows = [
        PrintedRow(
            label=_label(line.label, base.row(line.code) if line.code is not None else None),
            unit=line.unit,
            base=line.code,
            header=line.code is not None and base.row(line.code).is_header,
        )
        for line in result.lines
    ]
    template = derive_template(
        rows, base=base if anchored else None, columns=columns, title=base.title
    )
    if template is base:
        return None
    col_key = {vc: (key, how) for vc, key, how, _ in result.columns}
    placements = list(result.placements)
    placed: set[tuple[int, int]] = set()
    # Each printed row under its code in the derived template: a row of its
    # own is printed too, never reported as a template row left out.
    lines: list[PrintedLine] = []
    added = 0
    for line in result.lines:
        if line.code is not None:
            lines.append(line)
            continue
        added += 1
        code = f"{ADDED_PREFIX}{added}"
        lines.append(attrs.evolve(line, code=code))
        for c in line.cells:
            if c.cell.col not in col_key:
                continue
            key, how = col_key[c.cell.col]
            placements.append(
                LegacyPlacement(c, code, key, "exact", how, line.label, line.label, line.unit)
            )
            placed.add((c.cell.row, c.cell.col))
    unplaced = tuple(c for c in result.unplaced if (c.cell.row, c.cell.col) not in placed)
    return LegacyResult(
        template,
        tuple(placements),
        unplaced,
        (),
        len(result.lines),
        tuple(lines),
        result.columns,
    )


def _label(printed: str, row: TemplateRow | None) -> str:
    """The label as printed, less the line breaks a page or cell put in it;
    the row's own label where the table printed it with the row's numbering
    in front ("（一）" + label), as the template's rows are drawn."""
    text = "".join(part.strip() for part in printed.splitlines())
    if row is not None and text in (legacy_label(row), row.label):
        return row.label
    return text


def printed_only(grids: Sequence[Grid]) -> tuple[Grid, LegacyResult] | None:
    """The table with the most value cells, matched against a template of no
    rows whose value columns are the printed ones: every printed row fits
    nothing, so :func:`derive_from_printed` derives the table alone."""
    best: tuple[int, Grid] | None = None
    for grid in grids:
        n = sum(1 for _ in source_cells(grid))
        if n and (best is None or n > best[0]):
            best = (n, grid)
    if best is None:
        return None
    grid = best[1]
    heads: dict[int, str] = {}
    for c in source_cells(grid):
        if c.cell.col not in heads:
            heads[c.cell.col] = c.column_labels[-1].cell.text if c.column_labels else ""
    columns = tuple(
        TemplateColumn(
            key=f"c{k}",
            label=text.strip() or f"{k}",
            cumulative="累计" in text,
        )
        for k, (_, text) in enumerate(sorted(heads.items()), start=1)
    )
    bare = StatisticsTemplate(
        id="", title="政府信息公开情况统计表", description="", source="", columns=columns, rows=()
    )
    return grid, match_template(grid, bare)
