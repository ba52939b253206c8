"""Fail the build when a public name or a hook is missing from the reference.

"Public" is what the project promises: ``govdisclosure.__all__``,
``govdisclosure.errors.__all__`` (the errors a caller catches by their own
class, :class:`~govdisclosure.errors.UnreadableFileError` among them),
``govdisclosure.plugin.__all__``, ``govdisclosure.testing.__all__`` and every
hookspec of :mod:`govdisclosure.plugin.specs`.  After the pages are read, each
must be a documented Python object (autodoc puts it in the Python domain);
a name that is not is reported as a warning, an error under ``-W``.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterator
from typing import Any, cast

from sphinx.application import Sphinx
from sphinx.domains.python import PythonDomain
from sphinx.environment import BuildEnvironment
from sphinx.util import logging

logger = logging.getLogger(__name__)
_MISSING = object()


def promised_names() -> Iterator[tuple[str, str]]:
    """(module, name) of every public object and hook the reference must hold."""
    import govdisclosure
    import govdisclosure.errors
    import govdisclosure.plugin
    import govdisclosure.testing
    from govdisclosure.plugin import specs

    modules = (govdisclosure, govdisclosure.errors, govdisclosure.plugin, govdisclosure.testing)
    for module in modules:
        for name in module.__all__:
            if not name.startswith("__"):
                yield module.__name__, name
    marker = f"{specs.PROJECT}_spec"
    for name, obj in inspect.getmembers(specs, inspect.isfunction):
        if hasattr(obj, marker):
            yield specs.__name__, name


def _resolve(dotted: str) -> object:
    """The object a documented dotted name stands for (``_MISSING`` if none)."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: object = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        try:
            for attr in parts[cut:]:
                obj = getattr(obj, attr)
        except AttributeError:
            return _MISSING
        return obj
    return _MISSING


def missing_names(documented: set[str]) -> list[str]:
    """The promised names documented neither under their own name nor as the
    same object under another (a class re-exported from where it is defined,
    or a constant documented in the module that defines it)."""
    objects = {id(_resolve(name)) for name in documented}
    missing = []
    for module, name in promised_names():
        obj = getattr(importlib.import_module(module), name)
        if f"{module}.{name}" not in documented and id(obj) not in objects:
            missing.append(f"{module}.{name}")
    return missing


def _check(app: Sphinx, env: BuildEnvironment) -> None:
    domain = cast(PythonDomain, env.get_domain("py"))
    documented = set(domain.objects)
    for name in missing_names(documented):
        logger.warning("public name %s is not in the API reference", name, type="gd", subtype="api")


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("env-check-consistency", _check)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
