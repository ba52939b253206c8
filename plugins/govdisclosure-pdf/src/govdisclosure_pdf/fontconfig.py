"""The faces fontconfig knows, read once with ``fc-list``.

Its own module because both the font search (:mod:`.fonts`) and the title
face conversion (:mod:`.titleface`) read it, and neither should import the
other for it.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from attrs import frozen

__all__ = ["Face", "fontconfig_faces"]


@frozen
class Face:
    """A font face fontconfig knows: its file, TTC index, family names and style."""

    path: Path
    index: int
    families: tuple[str, ...]
    style: str
    truetype: bool


@cache
def fontconfig_faces() -> tuple[Face, ...]:
    """Every face fontconfig lists (``fc-list``), or none where it is not installed."""
    exe = shutil.which("fc-list")
    if exe is None:
        return ()
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\t%{index}\t%{family}\t%{style}\t%{fontformat}\n"],
            capture_output=True,
            check=True,
            timeout=30,
        ).stdout.decode("utf-8", "replace")
    except (OSError, subprocess.SubprocessError):
        return ()
    faces: list[Face] = []
    for line in sorted(out.splitlines()):
        parts = line.split("\t")
        if len(parts) != 5 or not parts[1].isdigit():
            continue
        path, index, families, style, fmt = parts
        faces.append(
            Face(
                Path(path),
                int(index),
                tuple(f.strip() for f in families.split(",")),
                style.split(",")[0].strip(),
                fmt == "TrueType",
            )
        )
    return tuple(faces)
