"""A statistics template derived from a table as it was printed.

Before 2019 every province and year printed its own statistics table, and
the shipped templates (:mod:`govdisclosure.templates`) cover the common
ones.  A report whose table differs from all of them — a row left out, a row
added, another unit, "1、" where the template prints "1." — is still held
as printed: :func:`derive_template` builds a template from the printed rows,
keeping, for every row that stands for a row of a *base* template, that
row's code, parent and relation (so the arithmetic rules and comparisons
with other years keep working), and keeping the base rows the table left
out, marked not printed (so a rule involving one says "not printed", never
"blank").  The report carries the derived template in its JSON
(``statistics.derived``), so it reads back anywhere, byte for byte.
"""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from attrs import frozen

from ._hashing import blake2b
from .editions.legacy import StatisticsTemplate, TemplateColumn, TemplateRow

__all__ = ["ADDED_PREFIX", "PrintedRow", "derive_template", "derived_id"]

#: Codes of rows a printed table added to its base: ``added1``, ``added2`` …
ADDED_PREFIX = "added"


@frozen(kw_only=True)
class PrintedRow:
    """One row of a statistics table as printed, in printed order."""

    #: The row's label exactly as printed ("1、网站公开").
    label: str
    #: The unit printed in the row (条, 件, 元); ``None`` where the table
    #: prints none (the base row's unit is kept, if there is one).
    unit: str | None = None
    #: The code of the base template row this printed row stands for, or
    #: ``None`` for a row the base does not have.
    base: str | None = None
    #: A section row printed without values (一、主动公开情况 ——).
    header: bool = False
    #: The printed numbering, where it is printed apart from the label.
    number: str = ""


def derive_template(
    printed: Sequence[PrintedRow],
    *,
    base: StatisticsTemplate | None = None,
    columns: Sequence[TemplateColumn] | None = None,
    title: str | None = None,
    source: str = "",
) -> StatisticsTemplate:
    """The template of a table printed as ``printed`` (rows in printed order).

    ``base`` is the shipped template the table is a variant of (rows that
    name a base code keep its code, parent, relation, level and status);
    ``columns`` the value columns (the base's by default).  A table that
    prints exactly the base's rows, labels and units gets the base itself
    back.  The id is ``printed-`` and a digest of the content, so the same
    printed table always derives the same template.  Raises
    :class:`ValueError` for a base code that the base does not have or that
    two printed rows claim.
    """
    if base is None and columns is None:
        raise ValueError("derive_template needs the value columns, or a base template")
    value_columns = tuple(columns) if columns is not None else base.columns  # type: ignore[union-attr]
    base_rows = {r.code: r for r in base.rows} if base is not None else {}
    claimed: set[str] = set()
    rows: list[TemplateRow] = []
    added = 0
    level = 0
    for p in printed:
        if p.base is not None:
            row = base_rows.get(p.base)
            if row is None:
                known = base.id if base is not None else "no base template"
                raise ValueError(f"printed row {p.label!r}: {p.base!r} is not a row of {known}")
            if p.base in claimed:
                raise ValueError(f"printed row {p.label!r}: row {p.base!r} is claimed twice")
            claimed.add(p.base)
            unit = None if p.header else (p.unit if p.unit is not None else row.unit)
            row = attrs.evolve(row, label=p.label, unit=unit, number=p.number or row.number)
            level = row.level
        else:
            added += 1
            row = TemplateRow(
                code=f"{ADDED_PREFIX}{added}",
                label=p.label,
                unit=None if p.header else (p.unit or ""),
                number=p.number,
                level=level,
                status="unchecked",
            )
        rows.append(row)
    if base is not None:
        rows = _with_rows_not_printed(rows, base, claimed)
        if tuple(rows) == base.rows and value_columns == base.columns:
            return base
    unnamed = StatisticsTemplate(
        id="",
        title=title or (base.title if base is not None else "政府信息公开情况统计表"),
        description=(
            f"Derived from a printed table; base template {base.id}"
            if base is not None
            else "Derived from a printed table; no base template"
        ),
        source=source,
        columns=value_columns,
        rows=tuple(rows),
        derived_from=base.id if base is not None else None,
    )
    return attrs.evolve(unnamed, id=derived_id(unnamed))


def derived_id(template: StatisticsTemplate) -> str:
    """``printed-`` and a digest of everything in the template but its id."""
    from .templates import template_json

    digest = blake2b(template_json(attrs.evolve(template, id="")), digest_size=5)
    return f"printed-{digest.hexdigest()}"


def _with_rows_not_printed(
    rows: list[TemplateRow], base: StatisticsTemplate, claimed: set[str]
) -> list[TemplateRow]:
    """``rows`` with every base row nobody printed put back, marked not
    printed, right after the base row that precedes it in the base."""
    out = list(rows)
    for i, row in enumerate(base.rows):
        if row.code in claimed:
            continue
        missing = attrs.evolve(row, printed=False)
        before = {r.code for r in base.rows[:i]}
        at = max((k + 1 for k, r in enumerate(out) if r.code in before), default=0)
        out.insert(at, missing)
    return out
