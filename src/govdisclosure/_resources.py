"""Where the library's files are: a package's data, and the user's cache.

:func:`importlib.resources.files` answers a package that is a folder with
that folder (a :class:`pathlib.Path`), but importing the module and its
readers costs a start-up several milliseconds, and ``--help`` reads the
catalogs; a package that is not a folder (imported from a zip file) is
asked through :mod:`importlib.resources`.

What the library compiles once and keeps between processes (the catalogs
in gettext's form, generated code, the commands' help read from their
source) goes to the user's cache folder, written so that a process reading
it never sees half a file.  Entries are named after what they were made
from, so each release (or edited catalog, or changed set of plugins) adds
new ones; an entry unused for :data:`UNUSED_FOR` is removed when the
library next stores something of that kind (see :func:`prune`).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

from ._hashing import blake2b

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = [
    "NO_CACHE_ENV",
    "UNUSED_FOR",
    "kept",
    "made_by",
    "package_files",
    "prune",
    "store_cached",
    "user_cache",
]

#: Set (to anything but empty) to keep nothing between processes: every
#: value :func:`kept` would read from the cache is made afresh, and nothing
#: is written (a shared or audited machine, a read-only image).
NO_CACHE_ENV = "GOVDISCLOSURE_NO_CACHE"

#: An entry of the cache not used for this long (seconds: 30 days) is
#: removed: it was made by a release, a catalog or a set of plugins that is
#: no longer installed.  Made again if it is ever needed.
UNUSED_FOR = 30 * 24 * 3600

#: A used entry's time is refreshed when it is older than this (one day):
#: a process reading its entries writes nothing on most days.
_REFRESH_AFTER = 24 * 3600

_T = TypeVar("_T")


def package_files(package: str, module_file: str) -> Traversable:
    """The files of ``package``, given the file of a module directly in it
    (``__file__`` of its ``__init__`` or of a sibling module): what
    :func:`importlib.resources.files` would return."""
    folder = Path(module_file).parent
    if folder.joinpath("__init__.py").is_file():
        return folder
    from importlib import resources

    return resources.files(package)


def user_cache(*parts: str) -> Path:
    """A path in the library's folder of the user's cache
    (``$XDG_CACHE_HOME/govdisclosure``, else ``~/.cache/govdisclosure``)."""
    home = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(home, "govdisclosure", *parts)


def store_cached(place: Path, data: bytes) -> bool:
    """Write ``data`` to ``place`` atomically (a temporary name, then a
    rename); ``False`` where that is not allowed (a read-only home)."""
    tmp = place.with_name(f".{place.name}.{os.getpid()}.tmp")
    try:
        place.parent.mkdir(parents=True, exist_ok=True)
        tmp.write_bytes(data)
        os.replace(tmp, place)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        return False
    return True


def made_by(*functions: Callable[..., object]) -> bytes:
    """The compiled code of ``functions``, for a :func:`kept` key: a value
    one of them works out is made again when it changes."""
    return b"\0".join(marshal.dumps(f.__code__) for f in functions)


def kept(kind: str, key: bytes, make: Callable[[], _T], of_type: type[_T]) -> _T:
    """``make()``, computed once for ``key`` and kept in the user's cache.

    The value is stored with :mod:`marshal` (code objects, strings, tuples),
    under ``kind`` and a hash of ``key`` and the interpreter's version, as
    Python keeps bytecode: ``key`` must hold everything the value is made
    from.  A stored value that is missing, damaged or not an ``of_type`` is
    made again and stored again.  With ``GOVDISCLOSURE_NO_CACHE`` set the
    cache is neither read nor written.
    """
    if os.environ.get(NO_CACHE_ENV):
        return make()
    digest = blake2b(key, digest_size=16).hexdigest()
    place = user_cache(kind, f"{digest}.{sys.implementation.cache_tag}-{sys.hexversion:x}")
    try:
        with open(place, "rb") as handle:
            modified = os.fstat(handle.fileno()).st_mtime
            value = marshal.loads(handle.read())
    except (OSError, EOFError, ValueError, TypeError):
        value = None
    if isinstance(value, of_type):
        _mark_used(place, modified)
        return value
    made = make()
    # The kinds stored are all marshal's (checked by the type at load).
    if store_cached(place, marshal.dumps(cast(Any, made))):
        prune(place.parent)
    return made


def _mark_used(place: Path, modified: float) -> None:
    """Refresh the time of an entry just read, once a day at most, so that
    :func:`prune` sees it as used (access times are not kept on many
    systems: ``noatime``, ``relatime``)."""
    now = time.time()
    if now - modified > _REFRESH_AFTER:
        with contextlib.suppress(OSError):
            os.utime(place, (now, now))


def prune(folder: Path, *, unused_for: float = UNUSED_FOR) -> list[Path]:
    """Remove the entries of one kind of the cache not used for
    ``unused_for`` seconds, and temporary files a stopped process left;
    return what was removed.

    Called after :func:`kept` stores a new entry, which happens after an
    upgrade or an edit, never on a run that finds everything it needs: a
    process that only reads the cache pays one ``stat`` per entry it reads
    and nothing more.  What cannot be removed (a read-only or shared
    folder) is left without a word: the cache is an optimisation.
    """
    removed: list[Path] = []
    now = time.time()
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        # A temporary file is being written for a moment: one a day old
        # was left by a process that stopped.
        limit = _REFRESH_AFTER if entry.name.endswith(".tmp") else unused_for
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat().st_mtime < now - limit:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed
