"""Names of cells for messages, derived from the table definitions.

Part of the model, not of validation: findings, comparisons, breakdowns and
the renderers all name cells the same way.

A finding's text names cells the way the printed table does: the chain of
official labels from the row down to the column (``（七）总计 / 自然人``),
or, where a relation lists many cells, the short printed numbering
(``三（七）``).  Both come from the :class:`~govdisclosure.fields.Spec` chain of
each cell (or, for legacy reports, the statistics template), computed once
per shape.
"""

from __future__ import annotations

from typing import Final

from attrs import frozen

from .editions import Report, edition_of
from .flat import shape_of
from .i18n import gettext
from .introspect import iter_cells
from .paths import Path, json_path
from .registry import tables_of, template_info, template_of

__all__ = ["LIST", "CellName", "Label", "cell_names", "label_of"]


@frozen
class Label:
    """Text assembled from message ids, translated when the message is rendered.

    Official labels are their own message ids (``"（七）总计"``), so a cell is
    named by the chain of labels from its row down to its column and each
    piece is translated on its own.  ``parts`` may nest labels, e.g. the
    left side of table 3's balance, ``一 + 二``.
    """

    parts: tuple[str | Label, ...]
    #: Between the parts; :data:`LIST` lists the parts as the locale lists
    #: them (``a; b`` in English, ``a；b`` in Chinese) instead of one mark.
    sep: str = " / "

    def render(self, locale: str) -> str:
        texts = [
            p.render(locale) if isinstance(p, Label) else gettext(locale, p) for p in self.parts
        ]
        if self.sep != LIST or not texts:
            return self.sep.join(texts)
        joint = gettext(locale, "{items}; {item}")
        text = texts[0]
        for item in texts[1:]:
            text = joint.format(items=text, item=item)
        return text


#: The separator of a :class:`Label` that lists things (cells a relation
#: could not use, say): each locale's own list punctuation, through the
#: message ``{items}; {item}``.
LIST: Final = "; "


@frozen
class CellName:
    """How messages name one cell."""

    path: Path
    json: str
    #: Row labels then the column label.
    label: Label
    #: The row's printed numbering (``三（七）``), or its label when it has none.
    row_code: Label
    #: The column label alone.
    column: Label
    #: Row numbering and column (``三（一） / 科研机构``), for lists of cells.
    short: Label


def cell_names(report: Report) -> dict[Path, CellName]:
    """Every cell of ``report``'s shape with its names (computed once per shape)."""
    key = shape_of(report).key
    names = _CACHE.get(key)
    if names is None:
        names = _CACHE[key] = _names(report)
    return names


_CACHE: dict[tuple[object, ...], dict[Path, CellName]] = {}


def _names(report: Report) -> dict[Path, CellName]:
    out: dict[Path, CellName] = {}
    if edition_of(report).template_driven:
        # Named from the table description (the template's own headings: a
        # shape's names do not depend on one report's printed headings).
        info = template_info(template_of(report))  # type: ignore[arg-type]
        for row in info.rows:
            for column in row.columns:
                path: Path = info.cell_path(row, column)
                number = row.code or row.label
                out[path] = CellName(
                    path,
                    json_path(path),
                    Label((row.label, column.label)),
                    Label((number,)),
                    Label((column.label,)),
                    Label((number, column.label)),
                )
        return out
    for table_key, table in tables_of(report):
        for path, _, specs, _ in iter_cells(table, (table_key,)):
            labels: list[str] = [s.label for s in specs]
            if specs[-1].column:
                labels.append(specs[-1].column)
            row_specs = specs[:-1] if len(specs) > 1 else specs
            code = "".join(s.code for s in row_specs)
            heading = specs[-1].column or specs[-1].label
            row_code = Label((code,)) if code else Label(tuple(s.label for s in row_specs))
            out[path] = CellName(
                path,
                json_path(path),
                Label(tuple(labels)),
                row_code,
                Label((heading,)),
                Label((row_code, heading)) if len(specs) > 1 else Label((heading,)),
            )
    return out


def label_of(report: Report, path: Path) -> Label:
    """The full label of a cell of ``report`` (its JSON path if it is not a cell)."""
    name = cell_names(report).get(path)
    return name.label if name is not None else Label((json_path(path),))
