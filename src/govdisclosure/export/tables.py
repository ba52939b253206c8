"""The two long-format tables: cells and findings, as Arrow record batches.

One batch per report; the static columns of a report's layout (keys,
labels, breaks) come from :mod:`.keys`, computed once per shape, so a
report costs its flattening and the building of its arrays.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

from ..cells import NotApplicable
from ..editions import EDITIONS, Report
from ..errors import LoadError, Problem
from ..flat import shape_of
from ..i18n import N_
from ..validation import Finding
from .keys import layout_of
from .provenance import origins

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = [
    "CELL_SCHEMA",
    "FINDING_SCHEMA",
    "cell_batch",
    "cells",
    "cells_frame",
    "finding_batch",
    "findings",
    "pyarrow",
]

#: Digits after the point the value column keeps.  Counts go up to 10^15; an
#: amount in 万元 with six decimals is to the fen (5949.088667 万元 is printed
#: so), and ten leave room for amounts in 元 of a pre-2019 table.  An amount
#: with more is refused with its path, never rounded.
VALUE_SCALE = 10
#: The value column: exact, 28 digits before the point and ten after.
VALUE_TYPE = ("decimal128", 38, VALUE_SCALE)
#: The largest magnitude the value column holds.
_VALUE_LIMIT = Decimal(10) ** (38 - VALUE_SCALE)


def pyarrow() -> Any:
    """The ``pyarrow`` module, or an error saying which extra to install."""
    try:
        import pyarrow as pa
    except ImportError:  # pragma: no cover - the dev extra installs it
        raise ImportError(
            "the export needs pyarrow: pip install 'govdisclosure[parquet]'"
        ) from None
    return pa


def _cell_schema() -> pa.Schema:
    pa = pyarrow()
    text = pa.string()
    return pa.schema(
        [
            ("file", text),
            ("unit", text),
            ("unit_kind", text),
            ("region_code", text),
            ("parent_unit", text),
            ("year", pa.int16()),
            ("edition", text),
            ("template", text),
            ("key", text),
            ("kind", text),
            ("row_code", text),
            ("row_zh", text),
            ("row_en", text),
            ("column_zh", text),
            ("column_en", text),
            ("value", pa.decimal128(38, VALUE_SCALE)),
            ("state", text),
            ("mark", text),
            ("not_comparable_with_previous", text),
            ("not_comparable_with_next", text),
            # From the import's provenance beside the report (null otherwise).
            ("printed", text),
            ("source", text),
            ("source_format", text),
            ("match", text),
            ("doubtful", pa.bool_()),
            ("source_table", pa.int32()),
            ("source_row", pa.int32()),
            ("source_column", pa.int32()),
            ("source_page", pa.int32()),
            ("source_address", text),
        ]
    )


def _finding_schema() -> pa.Schema:
    pa = pyarrow()
    text = pa.string()
    return pa.schema(
        [
            ("file", text),
            ("unit", text),
            ("region_code", text),
            ("year", pa.int16()),
            ("edition", text),
            ("rule", text),
            ("severity", text),
            ("path", text),
            ("involves", pa.list_(text)),
            ("expected", text),
            ("actual", text),
            ("message_zh", text),
            ("message_en", text),
            ("fingerprint", text),
        ]
    )


class _Schema:
    """Schemas built on first use (pyarrow is imported only when exporting)."""

    def __init__(self, build: Any) -> None:
        self._build = build
        self._schema: Any = None

    def get(self) -> pa.Schema:
        if self._schema is None:
            self._schema = self._build()
        return self._schema


CELL_SCHEMA = _Schema(_cell_schema)
FINDING_SCHEMA = _Schema(_finding_schema)


def _state(value: object) -> tuple[str, str | None]:
    if value is None:
        return "blank", None
    if isinstance(value, NotApplicable):
        return "not_applicable", value.mark
    return "number", None


def cell_batch(
    report: Report, file: str | None = None, provenance: Mapping[str, Any] | None = None
) -> pa.RecordBatch:
    """One row per cell of ``report`` (``file``: where it was read from;
    ``provenance``: the import's provenance document, for the printed text
    and origin of each cell — see :mod:`.provenance`)."""
    pa = pyarrow()
    layout = layout_of(report)
    origin = origins(provenance, layout.json_paths)
    values = shape_of(report).flatten(report)
    n = len(values)
    unit = report.unit
    template = (
        report.statistics.template  # type: ignore[union-attr]
        if EDITIONS[report.edition].template_driven
        else None
    )
    numbers: list[Decimal | int | None] = []
    states: list[str] = []
    marks: list[str | None] = []
    for i, value in enumerate(values):
        state, mark = _state(value)
        states.append(state)
        marks.append(mark)
        if isinstance(value, Decimal) and not _fits(value):
            expected = N_(
                "an amount with at most 10 decimals and 28 digits before the point "
                "(the export's value column, DECIMAL(38, 10))"
            )
            raise LoadError([Problem(layout.json_paths[i], expected, str(value))], file)
        numbers.append(value if state == "number" else None)  # type: ignore[arg-type]
    columns = [
        pa.array([file] * n, pa.string()),
        pa.array([unit.name] * n, pa.string()),
        pa.array([str(unit.kind.value)] * n, pa.string()),
        pa.array([unit.region_code] * n, pa.string()),
        pa.array([unit.parent] * n, pa.string()),
        pa.array([report.year] * n, pa.int16()),
        pa.array([report.edition] * n, pa.string()),
        pa.array([template] * n, pa.string()),
        pa.array(layout.keys, pa.string()),
        pa.array(layout.kinds, pa.string()),
        pa.array(layout.row_code, pa.string()),
        pa.array(layout.row_zh, pa.string()),
        pa.array(layout.row_en, pa.string()),
        pa.array(layout.column_zh, pa.string()),
        pa.array(layout.column_en, pa.string()),
        pa.array(numbers, pa.decimal128(38, VALUE_SCALE)),
        pa.array(states, pa.string()),
        pa.array(marks, pa.string()),
        pa.array(layout.break_before, pa.string()),
        pa.array(layout.break_after, pa.string()),
        pa.array(origin.printed, pa.string()),
        pa.array([origin.source] * n, pa.string()),
        pa.array([origin.source_format] * n, pa.string()),
        pa.array(origin.match, pa.string()),
        pa.array(origin.doubtful, pa.bool_()),
        pa.array(origin.table, pa.int32()),
        pa.array(origin.row, pa.int32()),
        pa.array(origin.column, pa.int32()),
        pa.array(origin.page, pa.int32()),
        pa.array(origin.address, pa.string()),
    ]
    return pa.RecordBatch.from_arrays(columns, schema=CELL_SCHEMA.get())


def _fits(value: Decimal) -> bool:
    """Whether the value column holds ``value`` exactly."""
    exponent = value.as_tuple().exponent
    return isinstance(exponent, int) and exponent >= -VALUE_SCALE and value < _VALUE_LIMIT


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def finding_batch(
    report: Report, file: str | None = None, found: Sequence[Finding] | None = None
) -> pa.RecordBatch:
    """One row per finding of ``report`` (validated with every installed rule
    unless ``found`` gives the findings)."""
    pa = pyarrow()
    if found is None:
        from ..check import validate

        found = validate(report)
    unit = report.unit
    rows = [
        {
            "file": file,
            "unit": unit.name,
            "region_code": unit.region_code,
            "year": report.year,
            "edition": report.edition,
            "rule": f.rule,
            "severity": f.severity,
            "path": f.path,
            "involves": list(f.involves),
            "expected": _text(f.expected),
            "actual": _text(f.actual),
            "message_zh": f.message("zh_Hans_CN"),
            "message_en": f.message("en"),
            "fingerprint": f.fingerprint,
        }
        for f in found
    ]
    return pa.RecordBatch.from_pylist(rows, schema=FINDING_SCHEMA.get())


def _files(reports: Sequence[Report], files: Sequence[str] | None) -> Iterable[str | None]:
    if files is None:
        return [None] * len(reports)
    if len(files) != len(reports):
        raise ValueError("give one file name per report")
    return files


def cells(
    reports: Iterable[Report],
    files: Sequence[str] | None = None,
    provenance: Sequence[Mapping[str, Any] | None] | None = None,
) -> pa.Table:
    """One row per cell of every report, as a :class:`pyarrow.Table`
    (``provenance``: each report's import provenance, or ``None``)."""
    pa = pyarrow()
    listed = list(reports)
    given = list(provenance) if provenance is not None else [None] * len(listed)
    if len(given) != len(listed):
        raise ValueError("give one provenance (or None) per report")
    batches = [
        cell_batch(r, f, p) for r, f, p in zip(listed, _files(listed, files), given, strict=True)
    ]
    return pa.Table.from_batches(batches, schema=CELL_SCHEMA.get())


def findings(reports: Iterable[Report], files: Sequence[str] | None = None) -> pa.Table:
    """One row per finding of every report (every installed rule), as a table."""
    pa = pyarrow()
    listed = list(reports)
    batches = [finding_batch(r, f) for r, f in zip(listed, _files(listed, files), strict=True)]
    return pa.Table.from_batches(batches, schema=FINDING_SCHEMA.get())


#: The data-frame libraries :func:`cells_frame` gives a frame of, by module name.
_FRAME_LIBRARIES = {"pandas": "pandas", "polars": "Polars"}


def cells_frame(
    reports: Iterable[Report],
    library: Literal["pandas", "polars"] = "pandas",
    files: Sequence[str] | None = None,
    provenance: Sequence[Mapping[str, Any] | None] | None = None,
) -> Any:
    """:func:`cells` as a pandas (the default) or Polars data frame.

    ``files`` and ``provenance`` are as for :func:`cells`.  Values stay
    exact: pandas gets :class:`decimal.Decimal` objects, Polars its
    ``Decimal`` type.  The library must be installed; without it the error
    says what to install.
    """
    if library not in _FRAME_LIBRARIES:
        raise ValueError(f"library must be 'pandas' or 'polars', not {library!r}")
    try:
        module = importlib.import_module(library)
    except ImportError:
        raise ImportError(
            f"cells_frame(reports, {library!r}) needs {_FRAME_LIBRARIES[library]}: "
            f"pip install {library}"
        ) from None
    table = cells(reports, files, provenance)
    if library == "polars":
        return module.from_arrow(table)
    return table.to_pandas()
