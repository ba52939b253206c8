"""The entry points of the plugin group, read from the installed metadata.

Reading them through :mod:`importlib.metadata` costs every command that asks
the plugins anything (``validate`` asks for rules) about a tenth of its
start-up: importing it brings :mod:`email`, :mod:`zipfile` and :mod:`csv`,
and it parses every distribution's ``entry_points.txt`` and the ``METADATA``
of those in the group.  What it finds changes only when something is
installed, removed or edited, so it is kept in the user's cache
(:func:`.._resources.kept`) under a key made of the code that reads it and
everything it is read from:

* each ``sys.path`` entry (absolute; a file's with its modification time
  and size: a zip file);
* in each folder on it, the name of every ``*.dist-info`` / ``*.egg-info``
  (a distribution installed or removed) and the modification time and size
  of its ``entry_points.txt`` and of its ``METADATA`` / ``PKG-INFO``
  (edited in place by hand or by a test).

A folder's own modification time is left out: the current folder is on
``sys.path`` for ``python -m`` and changes with every file written there.
Where a plugin's module is found is therefore asked again each time
(:meth:`Found.source`), not kept.

Distributions that an import hook other than the path finders provides
(:meth:`find_distributions`) cannot be described by such a key: with one
installed, the metadata is read every time.  The path finders are the
standard library's and that of the ``importlib_metadata`` backport, which
takes its place once imported (dask imports it): both read the folders on
``sys.path``.

:mod:`importlib.metadata` is imported again only to read the metadata when
the key changed, and to load an entry point (:meth:`Found.load`).
"""

from __future__ import annotations

import os
import stat
import sys
from typing import Any

from attrs import frozen

from .._resources import kept, made_by

__all__ = ["Found", "entry_points"]

#: Metadata folders :mod:`importlib.metadata` reads distributions from.
_INFO_SUFFIXES = (".dist-info", ".egg-info")
#: The files of such a folder that discovery reads.
_READ = ("entry_points.txt", "METADATA", "PKG-INFO")

#: The fields of a :class:`Found`, as the cache keeps them.
_Row = tuple[str, str | None, str, str, str, str, str | None]


@frozen
class Found:
    """One entry point of the group, as discovery found it."""

    #: The distribution that declares it (``"?"``: metadata without a name).
    distribution: str
    version: str | None
    #: The entry point's name and value (``module`` or ``module:attr``).
    name: str
    value: str
    group: str
    #: The value's module and attribute (as :class:`importlib.metadata.EntryPoint` reads them).
    module: str
    attr: str | None

    def source(self) -> str | None:
        """The ``.py`` file of a module entry point (no ``:attr``) that is a
        top-level module, where the import system finds it now; ``None``
        otherwise."""
        if self.attr or "." in self.module:
            return None
        import importlib.util

        try:
            spec = importlib.util.find_spec(self.module)
        except (ImportError, ValueError):
            return None
        if spec is None or not spec.origin or not spec.origin.endswith(".py"):
            return None
        return spec.origin

    def load(self) -> Any:
        """Import the entry point (what :meth:`importlib.metadata.EntryPoint.load` does)."""
        from importlib.metadata import EntryPoint

        return EntryPoint(self.name, self.value, self.group).load()


def entry_points(group: str) -> tuple[Found, ...]:
    """Every entry point of ``group``, in :func:`importlib.metadata.entry_points` order."""
    rows: tuple[_Row, ...]
    if _other_finders():
        rows = _read(group)
    else:
        rows = kept("entry-points", _key(group), lambda: _read(group), tuple)
    return tuple(Found(*row) for row in rows)


#: The import hooks (module, class) that find distributions in the folders
#: on ``sys.path``, as the key describes them.
_PATH_FINDERS = frozenset(
    {
        ("_frozen_importlib_external", "PathFinder"),
        ("importlib_metadata", "MetadataPathFinder"),
    }
)


def _other_finders() -> bool:
    """Whether an import hook besides the path finders provides distributions."""
    for finder in sys.meta_path:
        if getattr(finder, "find_distributions", None) is None:
            continue
        kind = finder if isinstance(finder, type) else type(finder)
        if (kind.__module__, kind.__qualname__) not in _PATH_FINDERS:
            return True
    return False


def _stamp(path: str) -> str:
    try:
        st = os.stat(path)
    except OSError:
        return "-"
    return f"{st.st_mtime_ns}:{st.st_size}"


def _key(group: str) -> bytes:
    """Everything :func:`_read` depends on (see the module's docstring)."""
    parts = [made_by(_read).hex(), group]
    for entry in sys.path:
        where = os.path.abspath(entry or ".")
        parts.append(where)
        try:
            st = os.stat(where)
        except OSError:
            parts.append("-")
            continue
        if not stat.S_ISDIR(st.st_mode):
            parts.append(f"{st.st_mtime_ns}:{st.st_size}")
            continue
        try:
            names = sorted(n for n in os.listdir(where) if n.endswith(_INFO_SUFFIXES))
        except OSError:
            continue
        for name in names:
            parts.append(name)
            parts.extend(_stamp(os.path.join(where, name, file)) for file in _READ)
    return "\0".join(parts).encode()


def _read(group: str) -> tuple[_Row, ...]:
    """The entry points of ``group`` from the metadata, as plain tuples (the
    fields of :class:`Found`), which :mod:`marshal` can keep."""
    import importlib.metadata

    rows: list[_Row] = []
    for ep in importlib.metadata.entry_points(group=group):
        dist = ep.dist
        name = (dist.name if dist is not None else None) or "?"
        version = dist.version if dist is not None else None
        rows.append((name, version, ep.name, ep.value, group, ep.module, ep.attr))
    return tuple(rows)
