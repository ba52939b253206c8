"""Writing a file all at once, or not at all.

Every file the library and its commands write goes through
:func:`write_atomic`: a report saved by :func:`govdisclosure.dump`, a JSON
Schema, a rendered PDF.  Readers see the old file or the new one, never part
of one; an interrupted or failed write leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

__all__ = ["write_atomic"]


def write_atomic(data: bytes, target: str | os.PathLike[str], *, force: bool) -> None:
    """Write ``data`` to ``target`` atomically.

    The bytes go to a new temporary file beside the target (same file
    system, created with the usual permissions, a name no other process
    picks), are flushed to disk, and the file is then renamed over the
    target (``force``) or linked to its name (not ``force``: ``link`` fails
    if the name exists, so there is no window in which a file created by
    someone else could be overwritten).

    Raises :class:`FileExistsError` when ``target`` exists and ``force`` is
    false, :class:`OSError` when it cannot be written; the temporary file is
    removed in every case.
    """
    path = Path(target)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
