"""Where the registries find what plugins add, set by the package itself.

The edition and template registries sit low in the package and must not
import the plugin manager above them; the package's ``__init__`` (the top)
installs the plugin manager's facades here as plain callables, without
importing anything, so that ``import govdisclosure`` stays cheap and the
manager is built on the first lookup that needs it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

__all__ = ["editions", "templates"]

#: Returns the editions plugins add (a sequence of Edition records).
editions: Callable[[], Any] | None = None
#: Returns the statistics templates plugins add (a mapping by id).
templates: Callable[[], Any] | None = None
