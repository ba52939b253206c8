"""Writing a file all at once, or not at all; reading one within a bound.

Every file the library and its commands write goes through
:func:`write_atomic`: a report saved by :func:`govdisclosure.dump`, a JSON
Schema, a rendered PDF.  Readers see the old file or the new one, never part
of one; an interrupted or failed write leaves nothing behind — and when a
process is killed (``SIGKILL``) between writing its temporary file and
renaming it, the next write to the same folder removes that file.

Every input is read by :func:`read_limited`, which refuses a file larger
than the input size limit instead of reading it until memory runs out
(``/dev/zero`` given as a report).
"""

from __future__ import annotations

import errno
import os
import re
import stat
from pathlib import Path
from typing import Final

from .errors import LoadError, Problem, UnreadableFileError

__all__ = [
    "DEFAULT_MAX_INPUT_SIZE",
    "MAX_INPUT_SIZE_ENV",
    "InputTooLargeError",
    "InvalidSizeSettingError",
    "max_input_size",
    "parse_size",
    "read_input",
    "read_limited",
    "remove_stale_temporaries",
    "rename_without_replacing",
    "write_atomic",
]

#: Longest file name (bytes) most file systems accept.
_NAME_MAX = 255

#: The largest input read by default: 256 MiB.  A report is 15 KiB, a
#: province's roll-up with the figures of 10,000 parts a few MiB, the
#: largest published PDF in the reference corpus a few MiB; the limit is two
#: orders of magnitude above all of them and still far below what a
#: machine's memory holds.
DEFAULT_MAX_INPUT_SIZE: Final = 256 * 1024 * 1024

#: Environment variable that raises (or lowers) the limit, e.g. ``1G``;
#: ``govdisclosure --max-input-size`` sets it for the command and its workers.
MAX_INPUT_SIZE_ENV: Final = "GOVDISCLOSURE_MAX_INPUT_SIZE"

_UNITS: Final = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3, "T": 1024**4}
_SIZE = re.compile(r"\s*(\d+)\s*([KMGT]?)(?:I?B)?\s*", re.IGNORECASE)

#: Bytes read at a time from a device or pipe, whose size is not known.
_CHUNK = 1024 * 1024


class InputTooLargeError(OSError):
    """An input larger than the input size limit (nothing beyond it is read)."""

    def __init__(self, name: str, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than the input size limit of {limit:,} bytes", name)
        self.limit = limit


def parse_size(text: str) -> int:
    """``"300M"`` → 314572800: a byte count with an optional binary unit
    (K, M, G, T; ``KB``, ``MiB`` are read the same).  Raises ValueError."""
    match = _SIZE.fullmatch(text)
    if match is None or int(match.group(1)) < 1:
        raise ValueError(f"not a size: {text!r} (e.g. 300M, 2G)")
    return int(match.group(1)) * _UNITS[match.group(2).upper()]


class InvalidSizeSettingError(ValueError):
    """:data:`MAX_INPUT_SIZE_ENV` is set to something that is not a size.

    Refused rather than ignored: a user who wrote ``GOVDISCLOSURE_MAX_INPUT_SIZE=2GB``
    would otherwise see large files refused at the default limit without
    being told that the setting was never read."""

    def __init__(self, value: str) -> None:
        super().__init__(
            f"{MAX_INPUT_SIZE_ENV}={value!r}: expected a size in bytes with an optional "
            "unit K, M, G or T (e.g. 300M, 2G)"
        )
        self.value = value


def max_input_size() -> int:
    """The input size limit in force: :data:`MAX_INPUT_SIZE_ENV` if set, else
    :data:`DEFAULT_MAX_INPUT_SIZE`.  A value that is not a size raises
    :class:`InvalidSizeSettingError` (the command line says so before it
    reads anything)."""
    raw = os.environ.get(MAX_INPUT_SIZE_ENV, "").strip()
    if not raw:
        return DEFAULT_MAX_INPUT_SIZE
    try:
        return parse_size(raw)
    except ValueError:
        raise InvalidSizeSettingError(raw) from None


def read_limited(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of ``path``, refusing more than ``limit`` (default
    :func:`max_input_size`) with :class:`InputTooLargeError`.

    A regular file is judged by its size before anything is read; a device
    or pipe is read in chunks and given up on at the first byte past the
    limit, so ``/dev/zero`` costs ``limit`` bytes at most.
    """
    bound = max_input_size() if limit is None else limit
    name = os.fspath(path)
    with open(path, "rb") as handle:
        info = os.fstat(handle.fileno())
        if stat.S_ISREG(info.st_mode):
            if info.st_size > bound:
                raise InputTooLargeError(name, bound)
            data = handle.read()
            if len(data) > bound:  # grew while we read it
                raise InputTooLargeError(name, bound)
            return data
        chunks: list[bytes] = []
        total = 0
        while chunk := handle.read(min(_CHUNK, bound + 1 - total)):
            chunks.append(chunk)
            total += len(chunk)
            if total > bound:
                raise InputTooLargeError(name, bound)
        return b"".join(chunks)


def write_atomic(data: bytes, target: str | os.PathLike[str], *, force: bool) -> None:
    """Write ``data`` to ``target`` atomically.

    The bytes go to a new temporary file beside the target (same file
    system, a name no other process picks), are flushed to disk, and the
    file is then renamed over the target (``force``) or linked to its name
    (not ``force``: ``link`` fails if the name exists, so there is no window
    in which a file created by someone else could be overwritten).  On a
    file system without hard links (FAT, some network mounts) the file is
    renamed into place once the name is seen to be free
    (:func:`rename_without_replacing`): still whole or not at all.

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
    _clean_once(path.parent)
    # What secrets.token_hex(4) returns, without importing secrets (and
    # random, which it imports) into every command that reads a file.
    suffix = f".{os.getpid()}.{os.urandom(4).hex()}.tmp"
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
            rename_without_replacing(tmp, path)
    except OSError as exc:
        if exc.errno is not None and exc.filename in (None, str(tmp)):
            raise type(exc)(exc.errno, exc.strerror, str(target)) from None
        raise
    finally:
        tmp.unlink(missing_ok=True)


#: What ``link`` answers on a file system without hard links (FAT, exFAT,
#: some network and FUSE mounts) or across a boundary it will not link over:
#: the name is then taken by a rename instead.
_NO_HARD_LINKS: Final = frozenset(
    {
        errno.EPERM,
        errno.EACCES,
        errno.ENOTSUP,
        errno.EOPNOTSUPP,
        errno.EXDEV,
        errno.ENOSYS,
        errno.EMLINK,
    }
)


def rename_without_replacing(tmp: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    """Give the written temporary file ``tmp`` the name ``target``, never
    replacing a file that exists there (:class:`FileExistsError`).

    A hard link does both at once.  Where the file system has none, the
    whole file is renamed into place after checking that the name is free:
    a reader still sees the whole file or none, and the only loss is the
    guarantee against another process creating the same name within that
    instant (which it would then see replaced)."""
    try:
        os.link(tmp, target)
    except FileExistsError:
        raise
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "File exists", os.fspath(target)) from None
        os.replace(tmp, target)


#: Our temporary names: ``.NAME.PID.8hex.tmp`` (see :func:`write_atomic`).
_TEMPORARY: Final = re.compile(r"\..+\.(\d+)\.[0-9a-f]{8}\.tmp")


#: Folders already cleaned by this process: one scan per folder, so a batch
#: writing 20,000 files into one folder does not list it 20,000 times.
_cleaned: set[str] = set()


def _clean_once(folder: Path) -> None:
    key = os.path.abspath(folder)
    if key not in _cleaned:
        _cleaned.add(key)
        remove_stale_temporaries(folder)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # someone else's process, or a number we cannot judge: keep
    return True


def remove_stale_temporaries(folder: str | os.PathLike[str]) -> list[Path]:
    """Remove the temporary files :func:`write_atomic` left in ``folder``
    when its process was killed before it could clean up; returns them.

    Only files that are ours are touched: a regular file named exactly
    ``.NAME.PID.8hex.tmp`` whose process ``PID`` no longer exists on this
    machine.  A write in progress (its process alive) and every other file
    are left alone; a folder that cannot be listed is skipped silently,
    since the write itself reports what matters.  Processes are judged on
    this machine: two machines writing into one network folder at the same
    moment could see each other's temporary files as stale, and the write
    that loses its file then fails with an error (it never half-writes).
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMPORARY.fullmatch(entry.name)
        if match is None or _alive(int(match.group(1))):
            continue
        try:
            if not entry.is_file(follow_symlinks=False):
                continue
            os.unlink(entry.path)
        except OSError:
            continue
        removed.append(Path(entry.path))
    return removed


def read_input(path: str | os.PathLike[str]) -> bytes:
    """The bytes of an input file, within the input size limit
    (:func:`govdisclosure.files.read_limited`); every failure is a
    :class:`LoadError` naming the file."""
    name = os.fspath(path)
    try:
        return read_limited(path)
    except InputTooLargeError as exc:
        raise LoadError(
            [
                Problem(
                    "$",
                    "a file within the input size limit (raise it with --max-input-size)",
                    f"> {exc.limit:,} B",  # a unit symbol: the same in every locale
                )
            ],
            name,
        ) from None
    except OSError as exc:
        raise UnreadableFileError(exc, name) from None
