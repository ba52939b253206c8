"""Streaming the long-format tables into Parquet or CSV files, atomically.

A :class:`TableWriter` takes record batches one at a time and writes them
to a temporary file beside the target; :meth:`TableWriter.commit` moves it
into place (refusing to replace an existing file unless ``force``), and
:meth:`TableWriter.abort` — or leaving the ``with`` block on an exception —
removes it.  So an interrupted or failed export never leaves a partial
file, and memory holds one batch, not the corpus.

CSV has no list type: a list column (the findings' ``involves``) is written
to CSV as the JSON array of its items, which any reader can split without
guessing a separator.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from types import TracebackType
from typing import Any

from ..editions import Report
from ..files import remove_stale_temporaries, rename_without_replacing
from .tables import CELL_SCHEMA, FINDING_SCHEMA, cell_batch, finding_batch, pyarrow

__all__ = ["FORMATS", "TableWriter", "write"]

FORMATS = ("parquet", "csv")


class TableWriter:
    """Batches of one schema into one file (see the module docstring)."""

    def __init__(self, target: Path, schema: Any, to: str, *, force: bool) -> None:
        if to not in FORMATS:
            raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {to!r}")
        if target.exists() and not force:
            raise FileExistsError(17, "File exists", str(target))
        self.target = target
        self.force = force
        self.rows = 0
        # What a killed run left here goes first, as for every command's writes.
        remove_stale_temporaries(target.parent)
        self._tmp = target.with_name(f".{target.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
        self._text_columns: tuple[int, ...] = ()
        try:
            if to == "parquet":
                import pyarrow.parquet as pq

                self._writer: Any = pq.ParquetWriter(self._tmp, schema, compression="zstd")
            else:
                import pyarrow.csv as pcsv

                self._text_columns, schema = _csv_schema(schema)
                self._writer = pcsv.CSVWriter(str(self._tmp), schema)
        except OSError as exc:
            _discard(self._tmp)
            raise self._naming_target(exc) from None
        except BaseException:
            _discard(self._tmp)
            raise
        self._schema = schema

    def _naming_target(self, exc: OSError) -> OSError:
        """``exc`` naming the file the user asked for: pyarrow names none, or the
        hidden temporary file, and its text is not the user's language."""
        if exc.errno is None:
            return exc
        return type(exc)(exc.errno, os.strerror(exc.errno), str(self.target))

    def write(self, batch: Any) -> None:
        if batch.num_rows:
            try:
                self._write_batch(self._as_written(batch))
            except OSError as exc:
                raise self._naming_target(exc) from None
            self.rows += batch.num_rows

    def _write_batch(self, batch: Any) -> None:
        self._writer.write_batch(batch)

    def _as_written(self, batch: Any) -> Any:
        """``batch`` with its list columns as JSON text and its decimal
        columns as plain numbers (CSV only)."""
        if not self._text_columns:
            return batch
        import pyarrow as pa

        columns = list(batch.columns)
        for index in self._text_columns:
            if pa.types.is_decimal(columns[index].type):
                texts = [_plain(number) for number in columns[index].to_pylist()]
            else:
                texts = [
                    None if items is None else json.dumps(items, ensure_ascii=False)
                    for items in columns[index].to_pylist()
                ]
            columns[index] = pa.array(texts, type=pa.string())
        return pa.RecordBatch.from_arrays(columns, schema=self._schema)

    def commit(self) -> None:
        """Close the file and move it into place."""
        try:
            self._writer.close()
            if self.force:
                os.replace(self._tmp, self.target)
            else:
                rename_without_replacing(self._tmp, self.target)
        except OSError as exc:
            raise self._naming_target(exc) from None
        finally:
            _discard(self._tmp)

    def abort(self) -> None:
        """Close and remove the temporary file; the target is untouched.

        Never raises for the file system (a full disk refuses the close's
        last write): it is called while another error is being reported."""
        try:
            self._writer.close()
        except OSError:
            pass
        finally:
            _discard(self._tmp)

    def __enter__(self) -> TableWriter:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if kind is None:
            self.commit()
        else:
            self.abort()


def _discard(tmp: Path) -> None:
    """Remove a temporary file if there is one; a folder that refuses even
    that (a read-only file system says so for a name that is not there) must
    not hide the error being reported."""
    with contextlib.suppress(OSError):
        tmp.unlink(missing_ok=True)


def _csv_schema(schema: Any) -> tuple[tuple[int, ...], Any]:
    """The indices of ``schema``'s list and decimal columns, and the schema
    with them as text (CSV has neither: see :meth:`TableWriter._as_written`)."""
    import pyarrow as pa

    texts = tuple(
        i
        for i, field in enumerate(schema)
        if pa.types.is_list(field.type) or pa.types.is_decimal(field.type)
    )
    for index in texts:
        schema = schema.set(index, pa.field(schema.field(index).name, pa.string()))
    return texts, schema


def _plain(number: Decimal | None) -> str | None:
    """An exact number as written by hand: ``15``, ``147230.5``, ``0`` —
    pyarrow writes a DECIMAL(38, 10) as ``15.0000000000`` and zero as
    ``0E-10``."""
    if number is None:
        return None
    text = format(number.normalize(), "f")
    return "0" if text in ("-0", "0") else text


def write(
    reports: Iterable[Report],
    cells_to: str | os.PathLike[str],
    *,
    to: str = "parquet",
    findings_to: str | os.PathLike[str] | None = None,
    files: Sequence[str] | None = None,
    force: bool = False,
) -> int:
    """Write the cells (and, with ``findings_to``, the findings) of ``reports``.

    Streams: one report's batch at a time.  Returns the number of cell rows.
    """
    pyarrow()
    names = iter(files) if files is not None else None
    cells = TableWriter(Path(cells_to), CELL_SCHEMA.get(), to, force=force)
    try:
        found = (
            TableWriter(Path(findings_to), FINDING_SCHEMA.get(), to, force=force)
            if findings_to is not None
            else None
        )
    except BaseException:
        cells.abort()
        raise
    try:
        for report in reports:
            name = next(names) if names is not None else None
            cells.write(cell_batch(report, name))
            if found is not None:
                found.write(finding_batch(report, name))
    except BaseException:
        cells.abort()
        if found is not None:
            found.abort()
        raise
    cells.commit()
    if found is not None:
        found.commit()
    return cells.rows
