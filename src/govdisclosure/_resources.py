"""Where the library's files are: a package's data, and the user's cache.

:func:`importlib.resources.files` answers a package that is a folder with
that folder (a :class:`pathlib.Path`), but importing the module and its
readers costs a start-up several milliseconds, and ``--help`` reads the
catalogs; a package that is not a folder (imported from a zip file) is
asked through :mod:`importlib.resources`.

What the library compiles once and keeps between processes (the catalogs
in gettext's form, generated code, the commands' help read from their
source) goes to the user's cache folder, written so that a process reading
it never sees half a file.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["NO_CACHE_ENV", "kept", "made_by", "package_files", "store_cached", "user_cache"]

#: Set (to anything but empty) to keep nothing between processes: every
#: value :func:`kept` would read from the cache is made afresh, and nothing
#: is written (a shared or audited machine, a read-only image).
NO_CACHE_ENV = "GOVDISCLOSURE_NO_CACHE"

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
    digest = hashlib.blake2b(key, digest_size=16).hexdigest()
    place = user_cache(kind, f"{digest}.{sys.implementation.cache_tag}-{sys.hexversion:x}")
    try:
        value = marshal.loads(place.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        value = None
    if isinstance(value, of_type):
        return value
    made = make()
    # The kinds stored are all marshal's (checked by the type at load).
    store_cached(place, marshal.dumps(cast(Any, made)))
    return made
