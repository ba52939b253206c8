"""Compiling generated Python source so that tracebacks and debuggers show it.

Several hot paths generate straight-line Python once per class or shape
and compile it: the codec's reader and writer
(:mod:`govdisclosure.codec.fast_read`, :mod:`govdisclosure.codec.fast_write`),
the flat layout (:mod:`govdisclosure.flat`), the compiled arithmetic rules
(:mod:`govdisclosure.validation.arithmetic`) and the copier of consolidated
reports (:mod:`govdisclosure.aggregate.tree`).  Code compiled from a plain
string has no file, so a traceback through it shows ``File "<string>"``
and no source line, and ``pdb`` cannot list it.  :func:`compile_source`
gives each piece of source a unique file name that says what it is, and
registers the text in :mod:`linecache` under that name (as ``attrs`` does
for the methods it writes), so tracebacks, ``pdb`` and ``inspect`` show
the generated line that failed.
"""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Iterable
from typing import Any, Final

__all__ = ["FILENAME_PREFIX", "compile_source"]

#: Every generated file name starts with this (``<govdisclosure generated``).
FILENAME_PREFIX: Final = "<govdisclosure generated"

_serial = itertools.count(1)


def compile_source(
    source: str | Iterable[str], namespace: dict[str, Any], *, what: str
) -> dict[str, Any]:
    """Compile ``source`` (text, or its lines) and run it in ``namespace``.

    ``what`` names the generated code for people reading a traceback
    ("fast reader of Report2021"); the file name is ``<govdisclosure
    generated WHAT #N>``, with a serial number that keeps every compiled
    text apart, so two generations of the same thing never share a
    linecache entry.  Returns ``namespace``, which now holds what the
    source defined.
    """
    text = source if isinstance(source, str) else "\n".join(source)
    if not text.endswith("\n"):
        text += "\n"
    filename = f"{FILENAME_PREFIX} {what} #{next(_serial)}>"
    # (size, mtime, lines, name): a None mtime tells linecache.checkcache
    # the entry has no file on disk to check against, so it is kept.
    linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
    exec(compile(text, filename, "exec"), namespace)
    return namespace
