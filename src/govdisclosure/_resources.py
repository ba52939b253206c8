"""Where a package's data files are, without importing importlib.resources.

:func:`importlib.resources.files` answers a package that is a folder with
that folder (a :class:`pathlib.Path`), but importing the module and its
readers costs a start-up several milliseconds; the catalogs and the legacy
templates are read on every ``validate``.  A package that is not a folder
(imported from a zip file) is asked through :mod:`importlib.resources`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["package_files"]


def package_files(package: str, module_file: str) -> Traversable:
    """The files of ``package``, given the file of a module directly in it
    (``__file__`` of its ``__init__`` or of a sibling module): what
    :func:`importlib.resources.files` would return."""
    folder = Path(module_file).parent
    if folder.joinpath("__init__.py").is_file():
        return folder
    from importlib import resources

    return resources.files(package)
