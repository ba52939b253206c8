"""The plugin interface: every hook govdisclosure calls, documented here.

Plugins are distributions that declare an entry point in the group
``govdisclosure`` pointing at a module (or object) with ``@hookimpl``
functions.  The core never imports a plugin by name.  Every hook below is
*collected*: each plugin returns a list and the core gathers all of them;
none is first-result.  Hooks are called with keyword arguments only, and an
implementation may accept fewer arguments than the spec declares.

Example::

    from govdisclosure.plugin.specs import hookimpl
    from govdisclosure.plugin.types import Renderer

    @hookimpl
    def govdisclosure_renderers():
        return [Renderer(name="csv", media_type="text/csv", suffix=".csv",
                         editions=frozenset({"2021"}), render=render_csv)]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:
    from ..editions.base import Edition
    from ..editions.legacy import StatisticsTemplate
    from ..validation.rules import Rule
    from .types import Loader, MessageCatalog, Renderer

__all__ = ["PROJECT", "hookimpl", "hookspec"]

#: Project name used for markers and the entry-point group.
PROJECT = "govdisclosure"

#: Marks a function below as a hook specification (the core's side).
hookspec = pluggy.HookspecMarker(PROJECT)
#: Marks a plugin's function as the implementation of the hook of the same name.
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def govdisclosure_renderers() -> Sequence[Renderer]:  # type: ignore[empty-body]
    """Output formats this plugin provides.

    Receives nothing.  Returns a list of
    :class:`~govdisclosure.plugin.types.Renderer`.  Collected: the results of
    all plugins are gathered; two renderers with the same ``name`` are a
    conflict that the plugin listing reports (the first loaded wins).
    """


@hookspec
def govdisclosure_rules() -> Sequence[Rule]:  # type: ignore[empty-body]
    """Validation rules this plugin adds (a province's own checks).

    Receives nothing.  Returns a list of
    :class:`~govdisclosure.validation.rules.Rule`.  Collected.  Rule ids must
    be unique; the core's rules are registered through this same hook by
    the built-in plugin ``govdisclosure.plugin.builtin``.
    """


@hookspec
def govdisclosure_loaders() -> Sequence[Loader]:  # type: ignore[empty-body]
    """Readers of other input formats (Excel, HTML …).

    Receives nothing.  Returns a list of
    :class:`~govdisclosure.plugin.types.Loader`.  Collected.  The core's
    JSON reading does not go through this hook; loaders are consulted for
    files whose suffix is not ``.json``.
    """


@hookspec
def govdisclosure_statistics_templates() -> Sequence[StatisticsTemplate]:  # type: ignore[empty-body]
    """Further variants of the pre-2019 statistics table.

    Receives nothing.  Returns a list of
    :class:`~govdisclosure.editions.legacy.StatisticsTemplate` (build them
    with :func:`govdisclosure.templates.parse_template` from JSON data).
    Collected.  A template id that repeats a built-in one is ignored and
    reported.
    """


@hookspec
def govdisclosure_editions() -> Sequence[Edition]:  # type: ignore[empty-body]
    """Editions of the report format beyond the built-in ones.

    Receives nothing.  Returns a list of
    :class:`~govdisclosure.editions.base.Edition` records: a provincial
    variant, or a national format newer than the library.  Each record
    names its report class (a :class:`~govdisclosure.report_base.ReportBase`
    subclass with a ``ClassVar`` ``edition`` equal to the record's ``id``,
    whose tables are built from :func:`~govdisclosure.fields.cell` and
    :func:`~govdisclosure.fields.part` fields like the built-in ones), its
    years, headings, table keys and layout variants.  Once registered,
    loading, saving, the JSON Schema, ``describe``, validation (every rule
    that applies to all editions, and the arithmetic of its tables),
    consolidation, comparison and the Hypothesis strategies work on it.
    Collected.  An id that repeats a built-in edition (or an earlier
    plugin's) is ignored and reported as a conflict.
    """


@hookspec
def govdisclosure_message_catalogs() -> Sequence[MessageCatalog]:  # type: ignore[empty-body]
    """The plugin's own translations of its messages.

    Receives nothing.  Returns a list of
    :class:`~govdisclosure.plugin.types.MessageCatalog`: a ``domain`` (the
    plugin's own, e.g. ``"govdisclosure_jiangsu"``) and the ``directory``
    holding ``<locale>/LC_MESSAGES/<domain>.po``, laid out as the core's
    catalogs under ``govdisclosure/locale``.  Collected.

    A plugin's messages are English message ids (a finding's
    ``message_id``, a rule's ``title``); when one is shown in a locale the
    core's catalog is asked first, then these catalogs in plugin order, and
    an id that none translates is shown as it is.  So a Chinese run shows
    the plugin's Chinese text, an English run its English id, and a plugin
    cannot change the core's wording.

    Why gettext catalogs rather than a mapping of texts per locale: they
    are what the core's own messages use, so a plugin's translators work
    with the same files and tools (``pybabel extract`` and ``update``, a
    fuzzy mark that keeps a doubtful translation from being shown, plural
    forms), and the core reads them with the code that reads its own.
    The ``.po`` file is read at first use, like the core's, so a plugin
    ships it as package data with no ``.mo`` build step.  They are looked
    up only for an id the core does not know: the core's own findings are
    found in its tables as before, with no work added per finding.
    """
