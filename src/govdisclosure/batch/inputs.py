"""Command-line inputs to a list of files: the one expansion every batch command uses.

An argument is, in this order of checks:

* a directory: every file below it (recursively) whose name matches
  ``pattern`` (``--glob``), or by default whose suffix is one the command
  reads (``.json`` and the suffixes of the installed loader plugins);
* an existing file: itself, whatever its name (naming a file is asking for it);
* a glob pattern (``reports/**/2024-*.json``; ``**`` crosses directories):
  the files it matches, sorted (a directory it matches counts as above);
* anything else: kept as given, so that the command reports it as a file
  that cannot be read instead of dropping it silently.

Files are listed in a stable order (each argument's files sorted by path)
and a file named twice is kept once — unless ``unique=False`` (``consolidate``
must see a unit given twice, to refuse it).
"""

from __future__ import annotations

import glob
from collections.abc import Iterable
from pathlib import Path

__all__ = ["expand_inputs", "output_stems", "report_suffixes"]


def report_suffixes() -> frozenset[str]:
    """``.json`` and every suffix an installed loader plugin reads."""
    from ..plugin import manager as plugin_manager

    out = {".json"}
    for loader in plugin_manager.loaders().values():
        out.update(s.lower() for s in loader.suffixes)
    return frozenset(out)


def _in_directory(root: Path, pattern: str | None, suffixes: frozenset[str]) -> list[Path]:
    if pattern is not None:
        found = root.rglob(pattern)
        return sorted(p for p in found if p.is_file())
    return sorted(p for p in root.rglob("*") if p.suffix.lower() in suffixes and p.is_file())


def expand_inputs(
    items: Iterable[str],
    *,
    pattern: str | None = None,
    suffixes: Iterable[str] | None = None,
    unique: bool = True,
) -> list[Path]:
    """The files named by ``items`` (see the module docstring).

    ``pattern`` filters the files found in directories (``--glob``);
    ``suffixes`` are the suffixes taken from a directory when no pattern is
    given (default: :func:`report_suffixes`).
    """
    wanted = frozenset(s.lower() for s in suffixes) if suffixes is not None else None
    files: list[Path] = []
    seen: set[Path] = set()

    def add(path: Path) -> None:
        if path not in seen or not unique:
            seen.add(path)
            files.append(path)

    for item in items:
        path = Path(item)
        if path.is_dir():
            if wanted is None:
                wanted = report_suffixes()
            for found in _in_directory(path, pattern, wanted):
                add(found)
        elif path.exists() or not glob.has_magic(item):
            add(path)
        else:
            matches = sorted(Path(p) for p in glob.glob(item, recursive=True))
            if not matches:
                add(path)
            for match in matches:
                if match.is_dir():
                    if wanted is None:
                        wanted = report_suffixes()
                    for found in _in_directory(match, pattern, wanted):
                        add(found)
                else:
                    add(match)
    return files


def output_stems(paths: Iterable[Path]) -> dict[Path, str]:
    """Output stem of each input: its own stem, or ``folder_stem`` where stems repeat
    (portal archives keep every page as ``page.html`` in a folder of its own)."""
    listed = list(paths)
    seen: dict[str, int] = {}
    for p in listed:
        seen[p.stem] = seen.get(p.stem, 0) + 1
    return {p: p.stem if seen[p.stem] == 1 else f"{p.parent.name}_{p.stem}" for p in listed}
