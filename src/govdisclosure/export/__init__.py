"""Reports as tidy long-format tables: one row per cell, one row per finding.

For analysis in pandas, Polars, DuckDB or anything that reads Parquet or
CSV.  :func:`cells` gives a :class:`pyarrow.Table` with one row per cell of
every report (its unit, year, edition, stable cell key, row and column
labels in Chinese and English, value and state); :func:`findings` one row
per validation finding with its fingerprint.  :func:`write` streams any
number of reports into a Parquet or CSV file, a batch at a time, so memory
does not grow with the corpus.  ``pyarrow`` is the optional extra
``govdisclosure[parquet]``; see ``docs/export.md``.
"""

from __future__ import annotations

from .tables import (
    CELL_SCHEMA,
    FINDING_SCHEMA,
    cell_batch,
    cells,
    cells_frame,
    finding_batch,
    findings,
)
from .writer import FORMATS, TableWriter, write

__all__ = [
    "CELL_SCHEMA",
    "FINDING_SCHEMA",
    "FORMATS",
    "TableWriter",
    "cell_batch",
    "cells",
    "cells_frame",
    "finding_batch",
    "findings",
    "write",
]
