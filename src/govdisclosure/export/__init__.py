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

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Where each public name lives: imported on first use, so that a command
#: which only needs :mod:`.provenance` (every batch command skips
#: provenance files) does not pay for the tables and writers.
_HOMES = {
    "CELL_SCHEMA": "tables",
    "FINDING_SCHEMA": "tables",
    "cell_batch": "tables",
    "cells": "tables",
    "cells_frame": "tables",
    "finding_batch": "tables",
    "findings": "tables",
    "FORMATS": "writer",
    "TableWriter": "writer",
    "write": "writer",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


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
