"""Cell paths: attribute tuples in code, ``$.a.b['1.1'].c`` strings for people.

Load errors, validation findings and comparisons all name cells the same
way, so a user can paste a path from one into a search of another.
"""

from __future__ import annotations

import re

__all__ = ["Path", "json_path"]

Path = tuple[str | int, ...]

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def json_path(path: Path, root: str = "$") -> str:
    """``("table3", "results", 0)`` → ``$.table3.results[0]``."""
    out = [root]
    for part in path:
        if isinstance(part, int):
            out.append(f"[{part}]")
        elif _IDENT.match(part):
            out.append(f".{part}")
        else:
            out.append("['" + part.replace("\\", "\\\\").replace("'", "\\'") + "']")
    return "".join(out)
