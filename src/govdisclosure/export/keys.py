"""Per layout, once: each cell's stable key, labels and the editions' breaks.

The **cell key** is the cell's attribute path joined with dots
(``table3.results.granted.natural_person``).  The 2019 and 2021 formats
share their paths wherever the format kept the meaning (that is how
:func:`govdisclosure.aggregate.compare` matches cells), so a panel of years
lines up on the key.  Where the 2021 format redefined a block (table 2,
formats.md §2.6), the cells carry the reason's id in
``not_comparable_with_previous`` (2021 cells) or
``not_comparable_with_next`` (2019 cells) — derived from the editions'
``not_comparable`` reasons, the one place that knows them.  A pre-2019
statistics table's cells are keyed by template, row code and column
(``national-2016:rows.3.year``): its rows differ from template to template.
"""

from __future__ import annotations

from typing import Any

from attrs import frozen

from ..editions import EDITIONS, Report
from ..flat import shape_of
from ..naming import Label, cell_names

__all__ = ["Layout", "layout_of"]


@frozen
class Layout:
    """The static columns of one shape, in its cell order."""

    keys: tuple[str, ...]
    kinds: tuple[str, ...]
    row_code: tuple[str, ...]
    row_zh: tuple[str, ...]
    row_en: tuple[str, ...]
    column_zh: tuple[str, ...]
    column_en: tuple[str, ...]
    break_before: tuple[str | None, ...]
    break_after: tuple[str | None, ...]
    #: Each cell's JSON path, as an import's provenance names it.
    json_paths: tuple[str, ...]


def _reason_ids(edition_ids: list[str], path: tuple[Any, ...]) -> str | None:
    for edition_id in edition_ids:
        for reason in EDITIONS[edition_id].not_comparable:
            if reason.across and any(path[: len(p)] == p for p in reason.prefixes):
                return reason.id
    return None


def _row(label: Label) -> Label:
    return Label(label.parts[:-1]) if len(label.parts) > 1 else label


def layout_of(report: Report) -> Layout:
    """The :class:`Layout` of ``report``'s shape (computed once per shape)."""
    return _layout(shape_of(report).key, report)


_LAYOUTS: dict[tuple[Any, ...], Layout] = {}


def _layout(key: tuple[Any, ...], report: Report) -> Layout:
    found = _LAYOUTS.get(key)
    if found is not None:
        return found
    shape = shape_of(report)
    names = cell_names(report)
    edition = report.edition
    template = report.statistics.template if EDITIONS[edition].template_driven else None  # type: ignore[union-attr]
    successors = [e.id for e in EDITIONS.values() if e.predecessor == edition]
    keys, rows_code, rzh, ren, czh, cen, before, after = [], [], [], [], [], [], [], []
    for path in shape.paths:
        dotted = ".".join(map(str, path))
        keys.append(f"{template}:{dotted.removeprefix('statistics.')}" if template else dotted)
        name = names[path]
        row = _row(name.label)
        rows_code.append(name.row_code.render("zh_Hans_CN"))
        rzh.append(row.render("zh_Hans_CN"))
        ren.append(row.render("en"))
        czh.append(name.column.render("zh_Hans_CN"))
        cen.append(name.column.render("en"))
        before.append(_reason_ids([edition], path))
        after.append(_reason_ids(successors, path))
    found = _LAYOUTS[key] = Layout(
        tuple(keys),
        tuple(str(k) for k in shape.kinds),
        tuple(rows_code),
        tuple(rzh),
        tuple(ren),
        tuple(czh),
        tuple(cen),
        tuple(before),
        tuple(after),
        shape.json_paths,
    )
    return found
