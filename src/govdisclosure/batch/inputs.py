"""Command-line inputs to a list of files: the one expansion every batch command uses.

An argument is, in this order of checks:

* a directory: every file below it (recursively) whose name matches
  ``pattern`` (``--glob``; a pattern with a ``/`` is matched against the
  path below the directory), or by default whose suffix is one the command
  reads (``.json`` and the suffixes of the installed loader plugins) —
  except, either way, the ``NAME.provenance.json`` an import writes beside
  a report;
* an existing file: itself, whatever its name (naming a file is asking for it);
* a glob pattern (``reports/**/2024-*.json``; ``**`` crosses directories):
  the files it matches, sorted, but for an import's provenance, as in a
  directory (``'imported/**/*.json'`` gives the reports of a folder of
  imports); a directory it matches counts as above;
  a pattern that matches nothing is handed to the caller's ``unmatched``
  list when one is given (the batch commands say "no file matches
  PATTERN" and count it as a missing input), else kept as given, like:
  a directory (named, or matched by a pattern) that yields no file (empty,
  or none of its files taken) is handed to the caller's ``empty`` list
  when one is given (the batch commands say "DIR holds no file matching
  PATTERN" and count it as a missing input, as a pattern matching nothing:
  the same folders named by the shell or by a quoted pattern get the same
  answer);
* anything else: kept as given, so that the command reports it as a file
  that cannot be read instead of dropping it silently.

Files are returned as a :class:`~.filelist.FileList` of strings (a few
bytes a file, where a list of strings costs about 120 and of
:class:`pathlib.Path` objects five times that) in a stable order (each
argument's files sorted by path component) and a file named twice is kept
once — unless ``unique=False`` (``consolidate`` must see a unit given
twice, to refuse it).  A directory is walked folder by folder in that
order, never holding more than one folder's names besides the list.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from .filelist import FileList

__all__ = ["expand_inputs", "output_stems", "report_suffixes"]


def report_suffixes() -> frozenset[str]:
    """``.json`` and every suffix an installed loader plugin reads."""
    from ..plugin import manager as plugin_manager

    out = {".json"}
    for loader in plugin_manager.loaders().values():
        out.update(s.lower() for s in loader.suffixes)
    return frozenset(out)


def _order(name: str) -> list[str]:
    """Sort key: by path component, as :class:`pathlib.Path` sorts."""
    return name.split(os.sep)


def _sorted_below(folder: str) -> Iterator[str]:
    """Every file below ``folder`` in path-component order, one folder at a time.

    Sorting a folder's entries by name and descending into a subfolder at
    its place gives the order of sorting every path by its components,
    without a list of the whole tree.
    """
    try:
        with os.scandir(folder) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):  # a linked folder is not entered, as os.walk
            yield from _sorted_below(entry.path)
        elif entry.is_file():
            yield entry.path


def _in_directory(root: str, pattern: str | None, suffixes: frozenset[str]) -> Iterator[str]:
    """The files below ``root`` that the pattern (or the suffixes) take, in order."""
    # Imported for a folder only: files named one by one never ask it.
    from ..export.provenance import PROVENANCE_SUFFIX

    for full in _sorted_below(root):
        name = os.path.basename(full)
        if name.endswith(PROVENANCE_SUFFIX):  # an import's provenance, beside its report
            continue
        if pattern is not None:
            relative = os.path.relpath(full, root)
            target = relative if os.sep in pattern else name
            if not fnmatch.fnmatchcase(target, pattern):
                continue
        elif os.path.splitext(name)[1].lower() not in suffixes:
            continue
        yield full


def expand_inputs(
    items: Iterable[str],
    *,
    pattern: str | None = None,
    suffixes: Iterable[str] | None = None,
    unique: bool = True,
    unmatched: list[str] | None = None,
    empty: list[str] | None = None,
    folders: list[str] | None = None,
) -> FileList:
    """The files named by ``items`` (see the module docstring).

    ``pattern`` filters the files found in directories (``--glob``);
    ``suffixes`` are the suffixes taken from a directory when no pattern is
    given (default: :func:`report_suffixes`).  A glob pattern that matches
    no file is appended to ``unmatched`` when it is given (once, however
    often it is named), else kept in the list as a name to report.  A
    directory that yields no file is appended to ``empty`` when it is given
    (once, however often it is named).  Every directory walked is appended
    to ``folders`` when it is given (whether ``pattern`` had anything to
    filter).
    """
    wanted = frozenset(s.lower() for s in suffixes) if suffixes is not None else None
    files = FileList(unique=unique)
    add = files.add

    def walk(folder: str) -> None:
        nonlocal wanted
        if wanted is None:
            wanted = report_suffixes()
        if folders is not None:
            folders.append(folder)
        yielded = False
        for found in _in_directory(folder, pattern, wanted):
            add(found)
            yielded = True
        if not yielded and empty is not None and folder not in empty:
            empty.append(folder)

    for item in items:
        if os.path.isdir(item):
            walk(item)
        elif os.path.exists(item) or not glob.has_magic(item):
            add(item)
        else:
            from ..export.provenance import PROVENANCE_SUFFIX

            matches = sorted(
                (m for m in glob.glob(item, recursive=True) if not m.endswith(PROVENANCE_SUFFIX)),
                key=_order,
            )
            if not matches:
                if unmatched is None:
                    add(item)
                elif item not in unmatched:
                    unmatched.append(item)
            for match in matches:
                if os.path.isdir(match):
                    walk(match)
                else:
                    add(match)
    return files


def output_stems(paths: Iterable[str]) -> dict[str, str]:
    """Output stem of each input, one for each input, never two alike.

    A file's own stem where no other input has it; where stems repeat, the
    stem with its folder's name (``folder_stem``: portal archives keep every
    page as ``page.html`` in a folder of its own); where that repeats too
    (``report.pdf`` and ``report.docx`` in one folder: a portal publishing
    the same report twice), the suffix is added (``report-pdf``); and a
    number (``report-pdf~2``) where even the whole name repeats (the same
    name in two folders of the same name).  Without this, the second file
    would fail as "already exists" against the first one's output.
    """
    listed = [PurePath(p) for p in dict.fromkeys(paths)]  # a path named twice: one name
    names: dict[int, str] = {}
    left = list(range(len(listed)))
    for way in (_stem, _in_folder, _with_suffix):
        wanted = {i: way(listed[i]) for i in left}
        counts = Counter(wanted.values())
        taken = set(names.values())
        for i, name in wanted.items():
            if counts[name] == 1 and name not in taken:
                names[i] = name
        left = [i for i in left if i not in names]
    taken = set(names.values())
    for i in left:  # the same folder and name twice over: numbered
        base = _with_suffix(listed[i])
        name, number = base, 1
        while name in taken:
            number += 1
            name = f"{base}~{number}"
        names[i] = name
        taken.add(name)
    return {str(listed[i]): names[i] for i in sorted(names)}


def _stem(path: PurePath) -> str:
    return path.stem


def _in_folder(path: PurePath) -> str:
    folder = path.parent.name
    return f"{folder}_{path.stem}" if folder else path.stem


def _with_suffix(path: PurePath) -> str:
    suffix = path.suffix.lstrip(".")
    return f"{_in_folder(path)}-{suffix}" if suffix else _in_folder(path)
