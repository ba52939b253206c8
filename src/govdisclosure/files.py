"""Writing a file all at once, or not at all.

Every file the library and its commands write goes through
:func:`write_atomic`: a report saved by :func:`govdisclosure.dump`, a JSON
Schema, a rendered PDF.  Readers see the old file or the new one, never part
of one; an interrupted or failed write leaves nothing behind.
"""

from __future__ import annotations

import os
import secrets
import stat
from pathlib import Path

__all__ = ["write_atomic"]

#: Longest file name (bytes) most file systems accept.
_NAME_MAX = 255


def write_atomic(data: bytes, target: str | os.PathLike[str], *, force: bool) -> None:
    """Write ``data`` to ``target`` atomically.

    The bytes go to a new temporary file beside the target (same file
    system, a name no other process picks), are flushed to disk, and the
    file is then renamed over the target (``force``) or linked to its name
    (not ``force``: ``link`` fails if the name exists, so there is no window
    in which a file created by someone else could be overwritten).

    What ``force`` replaces is a regular file, and it keeps that file's
    permission bits.  A symbolic link is written through (its target is
    replaced, the link stays); a device or FIFO (``/dev/null``, a pipe) is
    written to directly, since renaming over it would destroy it.

    Raises :class:`FileExistsError` when ``target`` exists and ``force`` is
    false, :class:`OSError` (naming ``target``) when it cannot be written;
    the temporary file is removed in every case.
    """
    path = Path(target)
    if force:
        path = Path(os.path.realpath(path))  # through symbolic links
        try:
            mode = path.stat().st_mode
        except FileNotFoundError:
            mode = None
        if mode is not None and not stat.S_ISREG(mode):
            if stat.S_ISDIR(mode):
                raise IsADirectoryError(21, "Is a directory", str(target))
            with open(path, "wb") as handle:  # a device or FIFO: write, never replace
                handle.write(data)
            return
    elif path.exists() or path.is_symlink():
        raise FileExistsError(17, "File exists", str(target))
    suffix = f".{os.getpid()}.{secrets.token_hex(4)}.tmp"
    stem = path.name
    while len(f".{stem}{suffix}".encode()) > _NAME_MAX:  # a long target name stays valid
        stem = stem[:-1]
    tmp = path.with_name(f".{stem}{suffix}")
    try:
        with open(tmp, "xb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            if mode is not None:
                os.chmod(tmp, stat.S_IMODE(mode))
            os.replace(tmp, path)
        else:
            os.link(tmp, path)
    except OSError as exc:
        if exc.errno is not None and exc.filename in (None, str(tmp)):
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        raise
    finally:
        tmp.unlink(missing_ok=True)
