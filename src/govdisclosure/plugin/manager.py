"""The one place plugins are found, loaded and asked what they provide.

Plugins are distributions with an entry point in the group
``govdisclosure`` (see :mod:`.hookspecs`).  The manager is built once per
process by :func:`get_plugin_manager`; everything else in the library asks
the typed facade (:func:`renderers`, :func:`rules`, :func:`loaders`,
:func:`templates`) rather than ``pm.hook`` so that results are typed and
checked.

Why not ``pluggy.PluginManager.load_setuptools_entrypoints``: it stops at
the first plugin that fails to import, so one broken third-party plugin
would take every renderer down with it.  Here each entry point is loaded on
its own; a failure is recorded as a :class:`PluginFailure` (shown by
``govdisclosure plugins``) and loading goes on.  For the same reason hooks
are not called through ``pm.hook.X()`` (which aborts on the first raising
implementation): each implementation is called by itself and a plugin that
raises, or returns something of the wrong type, is reported by name while
the results of the others are kept.

Plugins are **discovered from their entry-point metadata and imported when
first used**: what each one provides is read from its module's source
without running it (the names of the hooks it mentions), and a plugin is
imported the first time one of those hooks is asked for.  ``validate`` on
a JSON report therefore imports no renderer (reportlab, openpyxl…), only
the plugins that mention ``govdisclosure_rules``.  A plugin whose source
cannot be read this way (a compiled module, an object entry point
``module:attr``, a star import, a module that names no hook) is imported
for any hook.  Asking for
everything (:func:`failures`, :func:`conflicts`, :func:`plugin_infos`,
:func:`get_plugin_manager`) imports every plugin; so does strict mode.

Environment variables:

``GOVDISCLOSURE_DISABLE_PLUGIN_AUTOLOAD=1``
    load no entry points (built-in plugins are still registered);
``GOVDISCLOSURE_PLUGINS=name1,name2``
    load only these entry points (by entry-point name or distribution name);
``GOVDISCLOSURE_STRICT_PLUGINS=1``
    any failure raises :class:`PluginError` instead of being recorded
    (useful in CI, where a broken plugin should fail the build).
"""

from __future__ import annotations

import importlib
import os
import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Final, TypeVar

import pluggy
from attrs import field, frozen

from ..editions import BUILTIN as BUILTIN_EDITIONS
from ..editions.base import Edition
from ..editions.legacy import StatisticsTemplate
from ..i18n import (
    LOCALES,
    CatalogError,
    MessageCatalog,
    catalog_files,
    check_plugin_catalog,
    gettext_with,
    normalize_locale,
)
from . import specs as hookspecs
from .discovery import Found
from .discovery import entry_points as _group_entry_points
from .types import Loader, Renderer

if TYPE_CHECKING:
    from ..validation.rules import Rule

__all__ = [
    "BUILTIN_PLUGINS",
    "DISABLE_AUTOLOAD_ENV",
    "ENTRY_POINT_GROUP",
    "OFFICIAL_DISTRIBUTIONS",
    "PLUGINS_ENV",
    "STRICT_ENV",
    "CatalogFile",
    "Conflict",
    "PluginError",
    "PluginFailure",
    "PluginInfo",
    "conflicts",
    "editions",
    "failures",
    "get_plugin_manager",
    "gettext",
    "loaders",
    "message_catalogs",
    "plugin_infos",
    "renderers",
    "reset_plugin_manager",
    "rules",
    "templates",
    "usable_catalogs",
]

#: Entry-point group plugins declare (``[project.entry-points.govdisclosure]``).
ENTRY_POINT_GROUP: Final = hookspecs.PROJECT

#: Modules of the library itself that implement hooks, registered before any
#: entry point so that on a name conflict the core wins.
BUILTIN_PLUGINS: Final[tuple[str, ...]] = ("govdisclosure.plugin.builtin",)

DISABLE_AUTOLOAD_ENV: Final = "GOVDISCLOSURE_DISABLE_PLUGIN_AUTOLOAD"
PLUGINS_ENV: Final = "GOVDISCLOSURE_PLUGINS"
STRICT_ENV: Final = "GOVDISCLOSURE_STRICT_PLUGINS"

_CORE_DISTRIBUTION: Final = "govdisclosure"


@frozen
class PluginFailure:
    """A plugin that could not be loaded, or whose hook raised.

    ``name`` is the entry-point name (or the module name of a built-in);
    ``distribution`` and ``version`` say which installed package to blame
    (``None`` for a plugin registered by hand); ``error`` is the exception
    text.  ``hook`` is ``None`` for a load failure and the hook name when
    the plugin loaded but one of its hooks failed.
    """

    name: str
    distribution: str | None
    version: str | None
    error: str
    hook: str | None = None
    #: The full traceback, for ``--verbose`` listings and bug reports.
    details: str = field(default="", eq=False, repr=False)
    #: ``error`` in each locale, where the failure is ours to say (a
    #: damaged message catalog); else empty, and ``error`` is the exception's.
    messages: Mapping[str, str] = field(factory=dict, eq=False, repr=False)

    def said(self, locale: str) -> str:
        """``error`` in ``locale`` when it is ours to say, else as raised."""
        return self.messages.get(normalize_locale(locale), self.error)

    def describe(self) -> str:
        where = f" {self.distribution} {self.version}" if self.distribution else ""
        stage = f" in {self.hook}" if self.hook else ""
        return f"{self.name}{where}{stage}: {self.error}"


@frozen
class Conflict:
    """Two plugins provide the same renderer name, rule id or template id.

    The first registered (built-ins before entry points, entry points in
    the order they were found) is ``kept``; the other is ignored.
    """

    kind: str
    name: str
    kept: str
    ignored: str


@frozen
class CatalogFile:
    """One file of a plugin's message catalogs (``govdisclosure plugins``)."""

    locale: str
    domain: str
    file: str


@frozen
class PluginInfo:
    """What ``govdisclosure plugins`` shows for one registered plugin."""

    name: str
    distribution: str | None
    version: str | None
    builtin: bool
    #: Hook names the plugin implements.
    hooks: tuple[str, ...]
    renderers: tuple[str, ...] = ()
    loaders: tuple[str, ...] = ()
    templates: tuple[str, ...] = ()
    rules: tuple[str, ...] = ()
    editions: tuple[str, ...] = ()
    #: The message catalog files it registers, each locale's.
    catalogs: tuple[CatalogFile, ...] = ()


class PluginError(RuntimeError):
    """A plugin failed while strict mode (``GOVDISCLOSURE_STRICT_PLUGINS=1``) is on."""

    def __init__(self, failure: PluginFailure) -> None:
        self.failure = failure
        super().__init__(failure.describe())


@frozen
class _Origin:
    distribution: str | None
    version: str | None
    builtin: bool


@frozen
class _Pending:
    """An entry point found in the metadata, not imported yet."""

    name: str
    origin: _Origin
    entry_point: Found
    #: Hooks its source mentions; ``None``: unknown, imported for any hook.
    hooks: frozenset[str] | None


class _State:
    """The manager and what was learned while building and querying it."""

    def __init__(self, pm: pluggy.PluginManager, strict: bool) -> None:
        self.pm = pm
        self.strict = strict
        self.origins: dict[str, _Origin] = {}
        self.load_failures: list[PluginFailure] = []
        # Hook failures and conflicts are keyed so that asking twice does
        # not report the same problem twice.
        self.hook_failures: dict[tuple[str, str], PluginFailure] = {}
        self.conflicts: dict[tuple[str, str, str], Conflict] = {}
        self.cache: dict[str, tuple[object, list[tuple[str, Any]]]] = {}
        #: :func:`rules` of the last list of rules the hook gave.
        self.rules: tuple[list[tuple[str, Any]], tuple[Any, ...]] | None = None
        #: :func:`rules` of the last call, with the plugins registered then
        #: (``pm.list_name_plugin()``): the answer while they stay the same.
        self.last_rules: tuple[list[tuple[str, object]], tuple[Any, ...]] | None = None
        #: :func:`plugin_editions` of the last call, with the plugins
        #: registered then: the answer while they stay the same.
        self.last_plugin_editions: tuple[list[tuple[str, object]], tuple[Any, ...]] | None = None
        #: :func:`message_catalogs` of the last list of catalogs the hook gave.
        self.catalogs: tuple[list[tuple[str, Any]], tuple[Any, ...]] | None = None
        #: :func:`usable_catalogs` by locale, with the list of catalogs the
        #: hook gave then.
        self.usable: dict[str, tuple[list[tuple[str, Any]], tuple[Any, ...]]] = {}
        #: Damaged message catalogs, by plugin and file: each said once.
        self.catalog_failures: dict[tuple[str, str], PluginFailure] = {}
        #: :func:`renderers` of the last list of renderers the hook gave.
        self.renderers: tuple[list[tuple[str, Any]], dict[str, Any]] | None = None
        self.lock = threading.RLock()
        # Hooks being called right now: a hook implementation that asks the
        # facade for its own hook's results (a template hook calling
        # find_template for an unknown id) gets nothing instead of recursing.
        self.collecting: set[str] = set()
        #: Entry points discovered but not imported yet, in discovery order.
        self.pending: list[_Pending] = []
        #: Plugin name → its place in the order "built-ins, official, others":
        #: implementations are called in this order, whenever they were imported.
        self.rank: dict[str, int] = {}

    def fail(self, failure: PluginFailure) -> None:
        if self.strict:
            raise PluginError(failure)
        if failure.hook is None:
            self.load_failures.append(failure)
        else:
            self.hook_failures.setdefault((failure.name, failure.hook), failure)

    def origin(self, name: str) -> _Origin:
        return self.origins.get(name, _Origin(None, None, False))


_state: _State | None = None
_build_lock = threading.Lock()
#: Set while this thread builds the manager: a plugin module that asks the
#: edition or template registry while it is being imported must not wait
#: for the build it is part of.
_building = threading.local()


def _flag(name: str) -> bool:
    return os.environ.get(name, "").strip().lower() in {"1", "true", "yes", "on"}


def _error_text(exc: BaseException) -> str:
    """The exception on one line (a listing shows one line per failure)."""
    text = "; ".join(line.strip() for line in str(exc).splitlines() if line.strip())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _core_version() -> str:
    """The core's version, from the module the build reads it from (asking
    the installed distribution would parse its metadata on every start)."""
    from .._version import __version__

    return __version__


def get_plugin_manager() -> pluggy.PluginManager:
    """The process-wide plugin manager, built on first use.

    Building registers the hookspecs, the built-in plugins and then the
    entry points (subject to the environment variables above).  The
    package (``govdisclosure/__init__.py``) makes the facade the source of
    extra editions and statistics templates for the registries below it.
    """
    state = _get_state()
    _load(state, None)
    return state.pm


def reset_plugin_manager() -> None:
    """Forget the manager so the next call rebuilds it (tests, env changes)."""
    global _state
    with _build_lock:
        _state = None


def _get_state() -> _State:
    global _state
    state = _state
    if state is not None:
        return state
    with _build_lock:
        if _state is None:
            _building.active = True
            try:
                _state = _build()
            finally:
                _building.active = False
        return _state


def _build() -> _State:
    pm = pluggy.PluginManager(hookspecs.PROJECT)
    pm.add_hookspecs(hookspecs)
    state = _State(pm, strict=_flag(STRICT_ENV))
    core_version = _core_version()
    for module_name in BUILTIN_PLUGINS:
        origin = _Origin(_CORE_DISTRIBUTION, core_version, True)
        try:
            module = importlib.import_module(module_name)
        except KeyboardInterrupt:
            raise  # the user's Ctrl-C: the command stops, no plugin is blamed
        except BaseException as exc:  # noqa: BLE001 - any import error is the plugin's, reported
            state.fail(_failure(module_name, origin, exc))
            continue
        _register(state, module, module_name, origin)
        state.rank[module_name] = len(state.rank)
    if not _flag(DISABLE_AUTOLOAD_ENV):
        _discover(state)
        if state.strict:  # CI: every failure now, whatever the command needs
            _load_now(state, list(state.pending))
            state.pending.clear()
    return state


def _details(exc: BaseException) -> str:
    """The full traceback (the module imported only when a plugin fails)."""
    import traceback

    return "".join(traceback.format_exception(exc))


def _failure(
    name: str, origin: _Origin, exc: BaseException, hook: str | None = None
) -> PluginFailure:
    return PluginFailure(
        name,
        origin.distribution,
        origin.version,
        _error_text(exc),
        hook,
        details=_details(exc),
    )


def _selected() -> set[str] | None:
    raw = os.environ.get(PLUGINS_ENV)
    if raw is None or not raw.strip():
        return None
    return {part.strip() for part in raw.split(",") if part.strip()}


#: The distributions the project itself publishes.  Their entry points load
#: first, so that on a name clash (a renderer called ``pdf``, an entry point
#: called ``markdown``) the official plugin is kept and the other reported
#: as a conflict, never a silent replacement.  A user who wants another
#: plugin's ``pdf`` names it: ``GOVDISCLOSURE_PLUGINS`` loads only the
#: distributions or entry points it lists.
OFFICIAL_DISTRIBUTIONS: Final = frozenset(
    {
        "govdisclosure-json",
        "govdisclosure-markdown",
        "govdisclosure-pdf",
        "govdisclosure-html",
        "govdisclosure-pdf-import",
        "govdisclosure-docx-import",
        "govdisclosure-xlsx",
        "govdisclosure-docx",
    }
)


def _entry_points() -> list[tuple[_Origin, Found]]:
    """Every entry point of the group, official distributions first, each
    distribution once (it can appear twice on sys.path: an editable install
    plus a build dir; the first one found wins)."""
    found: list[tuple[_Origin, Found]] = []
    seen: set[tuple[str, str]] = set()
    # Read from the metadata (only the entry-point files, and the METADATA
    # of a distribution with an entry point in our group) when it changed,
    # else from the user's cache (see .discovery).
    for ep in _group_entry_points(ENTRY_POINT_GROUP):
        key = (_normal(ep.distribution), ep.name)
        if key in seen:
            continue
        seen.add(key)
        found.append((_Origin(ep.distribution, ep.version, False), ep))
    official = [x for x in found if _normal(x[0].distribution or "") in OFFICIAL_DISTRIBUTIONS]
    others = [x for x in found if x not in official]
    return official + others


def _normal(name: str) -> str:
    return name.lower().replace("_", "-")


#: Every hook a plugin can implement (the hookspecs' function names).
_HOOKS: Final = frozenset(
    name for name in dir(hookspecs) if name.startswith(f"{hookspecs.PROJECT}_")
)


def _mentioned_hooks(ep: Found) -> frozenset[str] | None:
    """The hooks a plugin module's source mentions, read without importing it.

    A module plugin's hooks are attributes of the module, so each is
    defined in it or imported into it by name: either way its name is in
    the source.  ``None`` (import it for any hook) when that does not hold
    or cannot be checked: an object entry point (``module:attr``), a star
    import, a module whose source is not a ``.py`` file.
    """
    origin = ep.source()
    if origin is None:
        return None
    try:
        with open(origin, "rb") as handle:
            source = handle.read()
    except OSError:
        return None
    if b"import *" in source:
        return None
    mentioned = frozenset(hook for hook in _HOOKS if hook.encode() in source)
    # A module that names no hook at all is broken or builds its hooks some
    # other way: importing it whenever plugins are asked for anything shows
    # which (a failure to import is then reported, not hidden).
    return mentioned or None


def _discover(state: _State) -> None:
    """Note every wanted entry point (metadata only), with the hooks it mentions."""
    wanted = _selected()
    for origin, ep in _entry_points():
        dist_name = origin.distribution or "?"
        if wanted is not None and ep.name not in wanted and dist_name not in wanted:
            continue
        name = ep.name
        taken = state.origins.get(name) or next(
            (p.origin for p in state.pending if p.name == name), None
        )
        if taken is not None and taken.distribution != origin.distribution:
            # Another distribution took the name first (official ones come
            # first): keep both under distinct names and report the clash.
            qualified = f"{origin.distribution}:{name}"
            state.conflicts.setdefault(
                ("plugin", name, qualified), Conflict("plugin", name, name, qualified)
            )
            name = qualified
        state.rank[name] = len(state.rank)
        state.pending.append(_Pending(name, origin, ep, _mentioned_hooks(ep)))


def _load(state: _State, hook: str | None) -> None:
    """Import the pending plugins that may implement ``hook`` (all: ``None``)."""
    if not state.pending:
        return
    with state.lock:
        todo = [p for p in state.pending if hook is None or p.hooks is None or hook in p.hooks]
        if not todo:
            return
        state.pending = [p for p in state.pending if p not in todo]
        _load_now(state, todo)


def _load_now(state: _State, todo: list[_Pending]) -> None:
    # A plugin module that asks the edition or template registry while it
    # is imported gets the built-ins (as while the manager is built).
    was = getattr(_building, "active", False)
    _building.active = True
    try:
        for index, pending in enumerate(todo):
            if state.pm.is_blocked(pending.name):
                continue
            try:
                plugin = pending.entry_point.load()
            except KeyboardInterrupt:
                # The user's Ctrl-C stops the command: it is no failure of the
                # plugin, which stays pending with those not yet imported, so
                # a caller that goes on (an interactive session) imports them
                # when it next asks.
                state.pending.extend(p for p in todo[index:] if p not in state.pending)
                raise
            # BaseException: a plugin that calls sys.exit() while it imports
            # must not end the caller's process.
            except BaseException as exc:  # noqa: BLE001 - a broken plugin must not stop the others
                state.fail(_failure(pending.name, pending.origin, exc))
                continue
            _register(state, plugin, pending.name, pending.origin)
    finally:
        _building.active = was


def _register(state: _State, plugin: object, name: str, origin: _Origin) -> None:
    """Register one plugin; a plugin pluggy rejects is a recorded failure."""
    pm = state.pm
    if pm.get_plugin(name) is not None and origin.distribution != state.origin(name).distribution:
        # Another distribution took the name first (official ones load
        # first): keep both under distinct names and report the clash.
        kept = name
        name = f"{origin.distribution}:{name}"
        state.conflicts.setdefault(("plugin", kept, name), Conflict("plugin", kept, kept, name))
    if pm.get_plugin(name) is not None:
        state.fail(
            PluginFailure(
                name,
                origin.distribution,
                origin.version,
                f"another plugin is already registered as {name!r}",
            )
        )
        return
    try:
        pm.register(plugin, name=name)
    except Exception as exc:  # noqa: BLE001 - e.g. PluginValidationError: a wrong signature
        state.fail(_failure(name, origin, exc))
        return
    # A hook name nobody specifies is a typo (``govdisclosure_renderer``);
    # left alone it would silently do nothing.
    unknown = [
        caller.name
        for caller in pm.get_hookcallers(plugin) or ()
        if not caller.has_spec()
        and any(not impl.optionalhook for impl in caller.get_hookimpls() if impl.plugin is plugin)
    ]
    if unknown:
        pm.unregister(plugin)
        state.fail(
            PluginFailure(
                name,
                origin.distribution,
                origin.version,
                f"unknown hook(s): {', '.join(sorted(unknown))}",
            )
        )
        return
    state.origins[name] = origin


_T = TypeVar("_T")


def _collect(state: _State, hook: str) -> list[tuple[str, Any]]:
    """``(plugin name, item)`` for every item every plugin returns, in order.

    Implementations are called one by one in registration order (pluggy
    itself calls them last-registered first), so "first registered wins"
    means the core before plugins.  The result is cached until a plugin is
    registered or unregistered.
    """
    _load(state, hook)
    pm = state.pm
    key = tuple((n, id(p)) for n, p in pm.list_name_plugin())
    with state.lock:
        cached = state.cache.get(hook)
        if cached is not None and cached[0] == key:
            return cached[1]
        if hook in state.collecting:
            return []
        state.collecting.add(hook)
        try:
            out = _call_each(state, hook)
        finally:
            state.collecting.discard(hook)
        state.cache[hook] = (key, out)
        return out


def _call_each(state: _State, hook: str) -> list[tuple[str, Any]]:
    """Call every implementation of ``hook`` on its own, reporting failures."""
    out: list[tuple[str, Any]] = []
    caller = getattr(state.pm.hook, hook)
    last = len(state.rank)
    impls = sorted(caller.get_hookimpls(), key=lambda i: state.rank.get(i.plugin_name, last))
    for impl in impls:
        name = impl.plugin_name
        try:
            result = impl.function()
            items = list(result) if result is not None else []
            if isinstance(result, str | bytes):
                raise TypeError(f"{hook} must return a list, not {type(result).__name__}")
        except KeyboardInterrupt:
            raise  # the user's Ctrl-C, not the plugin's failure
        except BaseException as exc:  # noqa: BLE001 - reported by plugin name, others kept
            state.fail(_failure(name, state.origin(name), exc, hook))
            continue
        out.extend((name, item) for item in items)
    return out


def _typed(
    state: _State, hook: str, items: Iterable[tuple[str, Any]], cls: type[_T]
) -> list[tuple[str, _T]]:
    """Drop (and report) items of the wrong type, so callers can trust them."""
    out: list[tuple[str, _T]] = []
    bad: set[str] = set()
    for name, item in items:
        if isinstance(item, cls):
            out.append((name, item))
        elif name not in bad:
            bad.add(name)
            state.fail(
                PluginFailure(
                    name,
                    state.origin(name).distribution,
                    state.origin(name).version,
                    f"TypeError: {hook} returned {type(item).__name__}, expected {cls.__name__}",
                    hook,
                )
            )
    return out


def _first_wins(
    state: _State, kind: str, items: Iterable[tuple[str, _T]], key: Callable[[_T], str]
) -> dict[str, _T]:
    out: dict[str, _T] = {}
    owner: dict[str, str] = {}
    for plugin, item in items:
        k = key(item)
        if k in out:
            state.conflicts.setdefault((kind, k, plugin), Conflict(kind, k, owner[k], plugin))
            continue
        out[k] = item
        owner[k] = plugin
    return out


def renderers() -> dict[str, Renderer]:
    """Every renderer by name; on a name conflict the first registered wins."""
    state = _get_state()
    collected = _collect(state, "govdisclosure_renderers")
    # Asked once per document rendered: while the plugins' answer is the
    # same list (cached by _collect until a plugin comes or goes), so is
    # the table, which the caller gets a copy of.
    known = state.renderers
    if known is None or known[0] is not collected:
        items = _typed(state, "govdisclosure_renderers", collected, Renderer)
        known = state.renderers = (collected, _first_wins(state, "renderer", items, _name))
    return dict(known[1])


def _name(renderer: Renderer) -> str:
    return renderer.name


def loaders() -> dict[str, Loader]:
    """Every loader by name; on a name conflict the first registered wins."""
    state = _get_state()
    items = _typed(state, "govdisclosure_loaders", _collect(state, "govdisclosure_loaders"), Loader)
    return _first_wins(state, "loader", items, lambda x: x.name)


def rules() -> tuple[Rule, ...]:
    """Every validation rule: the core's (a built-in plugin) and the plugins'.

    Rule ids must be unique; a repeated id keeps the first rule.

    Asked once per report validated (``gd.validate``, ``gd.check``, the
    command line): while the registered plugins are the same objects under
    the same names as at the last call, the tuple of that call is the
    answer, found without the hook cache's key, its lock and the import of
    :class:`~.validation.rules.Rule` (3.6 µs a call, 0.3 µs this way, on
    the thread's CPU clock; validating a report that holds with the
    arithmetic rules alone costs some 9 µs).
    """
    state = _get_state()
    registered = state.pm.list_name_plugin()
    last = state.last_rules
    # Plugins are modules and plain objects, equal to themselves alone;
    # the last list is held, so no object's id is reused while compared.
    if last is not None and last[0] == registered:
        return last[1]
    found = _rules(state)
    state.last_rules = (registered, found)
    return found


def _rules(state: _State) -> tuple[Rule, ...]:
    """:func:`rules` through the hook cache (:func:`_collect`)."""
    from ..validation.rules import Rule

    collected = _collect(state, "govdisclosure_rules")
    # Asked once per report validated: while the plugins' answer is the same
    # list (cached by _collect until a plugin comes or goes), so is the tuple.
    known = state.rules
    if known is not None and known[0] is collected:
        return known[1]
    items = _typed(state, "govdisclosure_rules", collected, Rule)
    found = tuple(_first_wins(state, "rule", items, _rule_id).values())
    state.rules = (collected, found)
    return found


def message_catalogs() -> tuple[MessageCatalog, ...]:
    """Every plugin's message catalogs, in plugin order (a repeat once)."""
    state = _get_state()
    collected = _collect(state, "govdisclosure_message_catalogs")
    known = state.catalogs
    if known is not None and known[0] is collected:
        return known[1]
    items = _typed(state, "govdisclosure_message_catalogs", collected, MessageCatalog)
    found = tuple(dict.fromkeys(item for _, item in items))
    state.catalogs = (collected, found)
    return found


def usable_catalogs(locale: str) -> tuple[MessageCatalog, ...]:
    """The plugins' message catalogs that can be used for ``locale``.

    A catalog whose file for the locale is damaged (a line that is not of a
    ``.po`` file, text not in its encoding, a file that cannot be read), or
    whose folder is not there, is left out and recorded as a
    :class:`PluginFailure` of the plugin (hook
    ``govdisclosure_message_catalogs``), once per file, naming the file:
    ``govdisclosure plugins`` lists it, a command warns of it, and the
    plugin's messages are shown from the core's catalog or as written.  A
    catalog with no file for ``locale`` (a plugin may ship some locales
    only) is usable: it translates nothing.
    """
    name = normalize_locale(locale)
    state = _get_state()
    hook = "govdisclosure_message_catalogs"
    collected = _collect(state, hook)
    known = state.usable.get(name)
    if known is not None and known[0] is collected:
        return known[1]
    usable: list[MessageCatalog] = []
    for plugin, catalog in _typed(state, hook, collected, MessageCatalog):
        try:
            check_plugin_catalog(name, catalog)
        except CatalogError as fault:
            _catalog_failed(state, plugin, fault)
            continue
        if catalog not in usable:
            usable.append(catalog)
    found = tuple(usable)
    state.usable[name] = (collected, found)
    return found


def _catalog_failed(state: _State, plugin: str, fault: CatalogError) -> None:
    key = (plugin, fault.path or "")
    if key in state.catalog_failures:
        return
    origin = state.origin(plugin)
    failure = PluginFailure(
        plugin,
        origin.distribution,
        origin.version,
        fault.render("en"),
        "govdisclosure_message_catalogs",
        messages={locale: fault.render(locale) for locale in LOCALES},
    )
    if state.strict:
        raise PluginError(failure)
    state.catalog_failures[key] = failure


def gettext(locale: str, msgid: str) -> str:
    """A plugin's message ``msgid`` in ``locale``: from the core's catalog,
    else the plugins' (:func:`usable_catalogs`), else ``msgid`` itself.

    What a finding of a plugin's rule and a rule's title are shown through;
    a plugin may call it (``govdisclosure.plugin.gettext``) for any text of
    its own, such as a renderer's error message.
    """
    if getattr(_building, "active", False):
        # Said while plugins are being loaded (an error a plugin raises as it
        # is imported): the core's catalog alone, the plugins' are not known.
        return gettext_with(locale, msgid, ())
    return gettext_with(locale, msgid, usable_catalogs(locale))


def _rule_id(rule: Rule) -> str:
    return str(getattr(rule, "id", None) or repr(rule))


def _plugin_template_items(state: _State) -> list[tuple[str, StatisticsTemplate]]:
    hook = "govdisclosure_statistics_templates"
    return _typed(state, hook, _collect(state, hook), StatisticsTemplate)


def templates() -> dict[str, StatisticsTemplate]:
    """Every statistics template by id: the built-in ones, then the plugins'.

    A plugin template whose id repeats a built-in (or an earlier plugin's)
    is ignored and reported as a :class:`Conflict`.
    """
    from ..templates import builtin_templates

    state = _get_state()
    builtin = [(_CORE_DISTRIBUTION, t) for t in builtin_templates().values()]
    return _first_wins(
        state, "template", [*builtin, *_plugin_template_items(state)], lambda t: t.id
    )


def plugin_templates() -> Mapping[str, StatisticsTemplate]:
    """The template source of the registry (which tries built-ins first);
    nothing while the manager is being built."""
    if getattr(_building, "active", False):
        return {}
    return templates()


def editions() -> dict[str, Edition]:
    """Every edition by id: the built-in ones, then the plugins'.

    A plugin edition whose id repeats a built-in (or an earlier plugin's)
    is ignored and reported as a :class:`Conflict`.
    """
    state = _get_state()
    hook = "govdisclosure_editions"
    builtin = [(_CORE_DISTRIBUTION, e) for e in BUILTIN_EDITIONS]
    plugins = _typed(state, hook, _collect(state, hook), Edition)
    return _first_wins(state, "edition", [*builtin, *plugins], lambda e: e.id)


def plugin_editions() -> tuple[Edition, ...]:
    """The edition source of :data:`govdisclosure.editions.EDITIONS`: the
    plugins' editions; nothing while the manager is being built.

    Asked at every walk of the registry (an HTML import walks it once per
    page, to know the candidate editions): while the plugins registered are
    the same objects under the same names as at the last call, the tuple of
    that call is the answer, as :func:`rules` does (without the hook cache's
    key, the loading check and the conflict bookkeeping, about 25 µs a call
    on the build machine, 2 % of a page's import).
    """
    if getattr(_building, "active", False):
        return ()
    state = _get_state()
    registered = state.pm.list_name_plugin()
    last = state.last_plugin_editions
    # Plugins are modules and plain objects, equal to themselves alone;
    # the last list is held, so no object's id is reused while compared.
    if last is not None and last[0] == registered:
        return last[1]
    found = tuple(e for e in editions().values() if e not in BUILTIN_EDITIONS)
    # After editions(): the first call may have loaded (registered) plugins.
    state.last_plugin_editions = (state.pm.list_name_plugin(), found)
    return found


def failures(*, everything: bool = True) -> tuple[PluginFailure, ...]:
    """Every load failure, then every hook failure (all plugins are imported
    and all hooks asked first).  ``everything=False``: only the failures of
    what was used so far, importing nothing more (what a command that
    used a few hooks warns about)."""
    state = _get_state()
    if everything:
        _touch_everything(state)
    return (
        *state.load_failures,
        *state.hook_failures.values(),
        *state.catalog_failures.values(),
    )


def conflicts() -> tuple[Conflict, ...]:
    """Renderer names, rule ids and template ids provided more than once."""
    state = _get_state()
    _touch_everything(state)
    return tuple(state.conflicts.values())


def _touch_everything(state: _State) -> None:
    """Import every plugin and run every hook once, so that failures and
    conflicts are all known."""
    _load(state, None)
    renderers()
    loaders()
    templates()
    editions()
    for locale in LOCALES:
        usable_catalogs(locale)
    try:
        rules()
    except ImportError:
        # The validation package is not importable: its built-in plugin is
        # already reported as a load failure; other hooks still count.
        _collect(state, "govdisclosure_rules")


def plugin_infos() -> tuple[PluginInfo, ...]:
    """Each registered plugin with its origin and what it provides."""
    state = _get_state()
    _touch_everything(state)
    pm = state.pm
    provided: dict[str, dict[str, list[str]]] = {}

    def add(what: str, plugin: str, name: str) -> None:
        provided.setdefault(plugin, {}).setdefault(what, []).append(name)

    for plugin, r in _typed(
        state, "govdisclosure_renderers", _collect(state, "govdisclosure_renderers"), Renderer
    ):
        add("renderers", plugin, r.name)
    for plugin, ld in _typed(
        state, "govdisclosure_loaders", _collect(state, "govdisclosure_loaders"), Loader
    ):
        add("loaders", plugin, ld.name)
    for plugin, t in _plugin_template_items(state):
        add("templates", plugin, t.id)
    for plugin, e in _typed(
        state, "govdisclosure_editions", _collect(state, "govdisclosure_editions"), Edition
    ):
        add("editions", plugin, e.id)
    for plugin, rule in _collect(state, "govdisclosure_rules"):
        add("rules", plugin, _rule_id(rule))
    files: dict[str, list[CatalogFile]] = {}
    hook = "govdisclosure_message_catalogs"
    for plugin, catalog in _typed(state, hook, _collect(state, hook), MessageCatalog):
        for locale, path in catalog_files(catalog):
            files.setdefault(plugin, []).append(CatalogFile(locale, catalog.domain, str(path)))
    out = []
    for name, plugin_obj in pm.list_name_plugin():
        origin = state.origin(name)
        hooks = tuple(sorted(c.name for c in pm.get_hookcallers(plugin_obj) or ()))
        what = provided.get(name, {})
        out.append(
            PluginInfo(
                name,
                origin.distribution,
                origin.version,
                origin.builtin,
                hooks,
                tuple(what.get("renderers", ())),
                tuple(what.get("loaders", ())),
                tuple(what.get("templates", ())),
                tuple(what.get("rules", ())),
                tuple(what.get("editions", ())),
                tuple(dict.fromkeys(files.get(name, ()))),
            )
        )
    return tuple(out)
