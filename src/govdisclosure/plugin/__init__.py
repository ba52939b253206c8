"""Everything a plugin author needs, in one import.

A plugin is a distribution with an entry point in the group
``govdisclosure`` pointing at a module of ``@hookimpl`` functions; the hooks
are declared, and documented, in :mod:`govdisclosure.plugin.specs`.  What a
hook returns is one of the records below.  The manager that finds, loads
and asks the plugins is :mod:`govdisclosure.plugin.manager`; the core's
own rules come through the same hooks from :mod:`govdisclosure.plugin.builtin`.

Example::

    from govdisclosure.plugin import Renderer, hookimpl

    @hookimpl
    def govdisclosure_renderers():
        return [Renderer(name="csv", media_type="text/csv", suffix=".csv",
                         render=render_csv)]
"""

from __future__ import annotations

from ..editions.base import Edition, Reason, Variant
from ..editions.legacy import StatisticsTemplate, TemplateColumn, TemplateRow
from ..errors import LoadError, Problem
from ..naming import Label
from ..validation.findings import Finding
from ..validation.rules import Context, Rule
from .manager import gettext
from .specs import PROJECT, hookimpl, hookspec
from .types import ImportOptions, ImportOutcome, Loader, MessageCatalog, Renderer, RenderOptions

__all__ = [
    "PROJECT",
    "Context",
    "Edition",
    "Finding",
    "ImportOptions",
    "ImportOutcome",
    "Label",
    "LoadError",
    "Loader",
    "MessageCatalog",
    "Problem",
    "Reason",
    "RenderOptions",
    "Renderer",
    "Rule",
    "StatisticsTemplate",
    "TemplateColumn",
    "TemplateRow",
    "Variant",
    "gettext",
    "hookimpl",
    "hookspec",
]
