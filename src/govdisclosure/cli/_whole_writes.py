"""Unbuffered standard output that never drops the end of a long write.

Under ``PYTHONUNBUFFERED=1`` or ``python -u`` (usual in containers and CI)
``sys.stdout`` writes straight to the raw file.  When the file system takes
only part of a write (a disk with 4 KiB left takes 4,096 bytes of a 9,000-byte
JSON document) the raw file returns a short count, and Python's text layer
ignores it: the rest of the document is lost and the command exits 0 with its
output cut short.  (Buffered, the default, Python writes the rest again and the
full disk is reported.)  :class:`WholeWriter` writes until everything is
written, then flushes, so the stream stays unbuffered and a full disk raises
``ENOSPC``: ``Cannot write the output: no space left on the device`` (exit 2).
"""

from __future__ import annotations

import io
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

__all__ = ["WholeWriter", "whole_writes"]


class WholeWriter(io.BufferedWriter):
    """Writes all of ``data`` and flushes it, or raises."""

    def write(self, data: ReadableBuffer, /) -> int:
        view = memoryview(data).cast("B")
        total = len(view)
        while view:
            written = super().write(view)
            view = view[written or 0 :]
        self.flush()
        return total


def whole_writes() -> None:
    """Put :class:`WholeWriter` under ``sys.stdout`` when it writes to a raw
    file (unbuffered mode), keeping its encoding, error handler and line
    buffering; a buffered stream or a test runner's buffer is left as it is."""
    out = sys.stdout
    if not isinstance(out, io.TextIOWrapper) or not isinstance(out.buffer, io.RawIOBase):
        return
    out.flush()
    settings = {
        "encoding": out.encoding,
        "errors": out.errors,
        "line_buffering": out.line_buffering,
        "write_through": out.write_through,
    }
    sys.stdout = io.TextIOWrapper(WholeWriter(out.detach()), **settings)  # type: ignore[arg-type]
