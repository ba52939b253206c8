"""A list of file names that costs a few bytes a file, not a hundred.

A corpus run names hundreds of thousands of files; as a ``list[str]`` each
full path costs an object of about 110 bytes plus its slot (and five times
that as :class:`pathlib.Path`), and that list was most of what a batch's
peak memory still grew by.  :class:`FileList` keeps the names grouped by
folder: each run of consecutive files in one folder is one string (the
file names joined by NUL, a character no file name holds) under the
folder's index, so a file costs its name's characters.  It is an ordinary
read-only sequence of ``str`` paths: ``len``, indexing, slicing, iteration.

Adding a file already in the list is refused by :meth:`FileList.add`
(``unique=True``) without a set of every name: a file can only repeat in a
folder seen before, so only such a folder's names are gathered into a set,
on the first repeat visit.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from typing import overload

__all__ = ["FileList"]

_SEP = "\0"


class FileList(Sequence[str]):
    """File paths in a given order, stored by folder (see the module docstring)."""

    def __init__(self, paths: Iterable[str] = (), *, unique: bool = False) -> None:
        self._unique = unique
        self._folders: list[str] = []
        self._folder_index: dict[str, int] = {}
        # Closed runs: (folder index, names joined by NUL); _ends[i] is the
        # number of files up to and including run i.
        self._runs: list[tuple[int, str]] = []
        self._ends: list[int] = []
        self._open_folder = -1
        self._open_names: list[str] = []
        self._count = 0
        # Folders visited in more than one run: the names already in them.
        self._revisited: dict[int, set[str]] = {}
        for path in paths:
            self.add(path)

    def add(self, path: str) -> bool:
        """Append ``path``; with ``unique=True`` a path already listed is left
        out (and ``False`` returned)."""
        folder, name = os.path.split(path)
        index = self._folder_index.get(folder)
        if index is None:
            index = self._folder_index[folder] = len(self._folders)
            self._folders.append(folder)
        elif self._unique:
            names = self._names_in(index)
            if name in names:
                return False
            names.add(name)
        if index != self._open_folder:
            self._close()
            self._open_folder = index
        self._open_names.append(name)
        self._count += 1
        return True

    def _names_in(self, index: int) -> set[str]:
        names = self._revisited.get(index)
        if names is None:
            names = set()
            for folder, joined in self._runs:
                if folder == index:
                    names.update(joined.split(_SEP))
            if self._open_folder == index:
                names.update(self._open_names)
            self._revisited[index] = names
        return names

    def _close(self) -> None:
        if self._open_names:
            self._runs.append((self._open_folder, _SEP.join(self._open_names)))
            self._ends.append(self._count)
            self._open_names = []
        self._open_folder = -1

    def _run_names(self, run: int) -> list[str]:
        return self._runs[run][1].split(_SEP)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> list[str]: ...
    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._count))]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("file index out of range")
        closed = self._ends[-1] if self._ends else 0
        if index >= closed:
            return os.path.join(self._folders[self._open_folder], self._open_names[index - closed])
        run = bisect_right(self._ends, index)
        start = self._ends[run - 1] if run else 0
        folder, joined = self._runs[run]
        return os.path.join(self._folders[folder], joined.split(_SEP)[index - start])

    def __iter__(self) -> Iterator[str]:
        for folder, joined in self._runs:
            prefix = self._folders[folder]
            for name in joined.split(_SEP):
                yield os.path.join(prefix, name)
        if self._open_names:
            prefix = self._folders[self._open_folder]
            for name in list(self._open_names):
                yield os.path.join(prefix, name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, str):
            return len(other) == self._count and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    def __repr__(self) -> str:
        return f"FileList({self._count:,} files)"
