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

The code objects are kept between processes in the user's cache folder
(:func:`govdisclosure._resources.kept`), named after a hash of the
source text and the interpreter's version, as Python keeps a module's
bytecode: a start-up that reads one report compiles none of its reader,
flat layout or arithmetic checks again.  The file name (with its serial
number) is given to the code when it is loaded, so a traceback through
cached code reads as through freshly compiled code.  A cache file that
is missing, unreadable or damaged is compiled again and rewritten.
"""

from __future__ import annotations

import itertools
import linecache
from collections.abc import Iterable
from types import CodeType
from typing import Any, Final

from ._resources import kept

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
    exec(_code(text, filename), namespace)
    return namespace


def _code(text: str, filename: str) -> CodeType:
    """``compile(text, filename, "exec")``, from the cache when an earlier
    process compiled the same text (renamed: its file name had another serial)."""
    code = kept("code", text.encode(), lambda: compile(text, filename, "exec"), CodeType)
    return code if code.co_filename == filename else _renamed(code, filename)


def _renamed(code: CodeType, filename: str) -> CodeType:
    """``code`` and the code of every function it defines, under ``filename``."""
    consts = tuple(_renamed(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)
