"""Lines printed as rich would print them, without importing rich when that
is the text as given.

Importing rich's console and making one cost ``validate FILE`` about a
tenth of its start-up, to print a one-line summary.  Without colour, rich
prints a line that holds only printable characters and fits the width
exactly as given, with a newline (``validate`` writes a clean report's
lines on the same grounds).  Whether rich would use colour, and at what
width, is read here as rich reads it — but only where that is simple: a
stream that is not a terminal, nothing forcing one (``FORCE_COLOR``,
``TTY_COMPATIBLE``), no notebook, a POSIX system.  Anything else returns
``None``, and the caller asks rich.
"""

from __future__ import annotations

import builtins
import os
from typing import TextIO

from rich.cells import cell_len

__all__ = ["fits", "plain_width"]

#: Variables with which rich may treat a stream that is not a terminal as
#: one, or size it as a notebook.
_RICH_OVERRIDES = ("FORCE_COLOR", "TTY_COMPATIBLE", "JUPYTER_COLUMNS", "JUPYTER_LINES")


def plain_width(stream: TextIO) -> int | None:
    """The width rich's console on ``stream`` would wrap at, when that
    console would print without colour; ``None`` when rich must be asked."""
    if os.name != "posix" or any(name in os.environ for name in _RICH_OVERRIDES):
        return None
    if hasattr(builtins, "get_ipython"):  # a notebook or IPython: rich decides
        return None
    try:
        if stream.isatty():
            return None
    except (AttributeError, ValueError):  # no isatty, or a closed stream
        return None
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if columns:  # COLUMNS=0 and the like: rich's own rules apply
        return None
    # As rich does: the first standard stream that is a terminal gives the
    # width (output piped from an interactive shell), else 80 columns.
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):
            continue
        return width or 80
    return 80


def fits(line: str, width: int) -> bool:
    """Whether rich, without colour, prints ``line`` as it is at ``width``."""
    return line.isprintable() and cell_len(line) <= width
