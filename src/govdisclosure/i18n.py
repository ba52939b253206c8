"""Message catalogs: official Chinese wording and English translations.

Two kinds of message ids live in the catalogs:

* **Official labels are their own message id.**  The Chinese text of a
  table's row, column, block caption, title or note (``"（七）总计"``) is the
  id; the ``zh_Hans_CN`` catalog maps it to itself and the ``en`` catalog to
  an English translation.  The wording of the format is the source, so the
  labels are never paraphrased in code.
* **Every other message has an English id** (``"Cannot read report"``); the
  ``zh_Hans_CN`` catalog holds its Chinese translation.

The ``.po`` files under ``locale/<locale>/LC_MESSAGES/govdisclosure.po``
are the source of truth.  They are read with Babel at first use and
compiled on first use (and the compiled form kept under a name that hashes
the ``.po`` text, so the next process skips the parse), so there is no
``.mo`` build step and an editable install sees an edited catalog on the
next run.  A catalog
that is missing raises :class:`CatalogMissingError`: silently showing
untranslated text (what ``gettext`` and Babel's ``Translations.load`` do)
would hide a packaging mistake.  A message id that a catalog lacks is shown
untranslated, as gettext does; ``scripts/update_catalogs.py --check`` and
the test suite make sure that never happens for the library's own ids.

The locale is always a parameter, never global state: a server can render
one report in Chinese and the next in English at the same time.
"""

from __future__ import annotations

import gettext as stdlib_gettext
import io
import os
import re
import string
from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Final

from ._hashing import blake2b
from ._localized import LocalizedError, Msg
from ._resources import NO_CACHE_ENV, package_files, store_cached, user_cache

if TYPE_CHECKING:
    from importlib import resources
    from importlib.resources.abc import Traversable

    from babel import Locale
    from babel.messages.catalog import Catalog

__all__ = [
    "DEFAULT_LOCALE",
    "DOMAIN",
    "LOCALES",
    "N_",
    "CatalogError",
    "CatalogMissingError",
    "MessageCatalog",
    "UnknownLocaleError",
    "catalog_file",
    "catalog_files",
    "catalog_path",
    "check_plugin_catalog",
    "gettext",
    "gettext_with",
    "load_catalog",
    "message",
    "ngettext",
    "normalize_locale",
    "series",
    "spaced",
]

#: The gettext domain, and the name of every catalog file.
DOMAIN: Final = "govdisclosure"

#: The locale of the official wording; the default everywhere.
DEFAULT_LOCALE: Final = "zh_Hans_CN"

#: Locales the library ships catalogs for, default first.
LOCALES: Final = ("zh_Hans_CN", "en")


class UnknownLocaleError(LocalizedError, ValueError):
    """A locale the library has no catalog for (or that is not a locale);
    ``code`` ``"unknown-locale"``."""

    def __init__(self, locale: str) -> None:
        self.locale = locale
        self._localize(
            "unknown-locale",
            N_(
                "unknown locale {locale!r}; supported: {supported}"
                " (and their variants such as zh_CN, zh, en_US)"
            ),
            {"locale": locale, "supported": LOCALES},
        )


class CatalogMissingError(LookupError):
    """A supported locale whose catalog file is not installed."""


def N_(msgid: str) -> str:
    """Mark a string as a message id without translating it.

    Use it where a message is defined (a table of messages, a constant) and
    translate it later with :func:`gettext`; ``scripts/update_catalogs.py``
    collects every ``N_("...")`` literal.
    """
    return msgid


def _script(locale: Locale) -> str | None:
    """The script of a locale, filling it in from CLDR's likely subtags.

    ``zh`` and ``zh_CN`` mean Simplified Chinese, ``zh_TW`` Traditional;
    the likely-subtags table is what tells them apart when no script is
    written.
    """
    from babel.core import get_global

    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}", locale.language):
        if key in likely:
            parts = str(likely[key]).split("_")
            if len(parts) > 1 and len(parts[1]) == 4:
                return parts[1]
    return None


def _parse(identifier: str) -> Locale:
    from babel import Locale
    from babel.core import UnknownLocaleError as BabelUnknownLocaleError

    sep = "-" if "-" in identifier else "_"
    try:
        return Locale.parse(identifier, sep=sep)
    except (ValueError, TypeError, BabelUnknownLocaleError):
        raise UnknownLocaleError(identifier) from None


@cache
def normalize_locale(locale: str) -> str:
    """The supported locale ``locale`` stands for: ``"zh_CN"`` → ``"zh_Hans_CN"``.

    Language and script decide (``en_US``, ``en-GB`` → ``en``; ``zh``,
    ``zh_Hans``, ``zh_SG`` → ``zh_Hans_CN``); a Traditional Chinese locale
    or any other language raises :class:`UnknownLocaleError`, because
    showing Simplified text to a reader who asked for Traditional is a
    silent fallback.
    """
    if locale in LOCALES:
        # Each supported locale stands for itself; asking Babel (and loading
        # its locale data) would cost a start-up more than the catalog does.
        return locale
    if not isinstance(locale, str) or not locale.strip():
        raise UnknownLocaleError(str(locale))
    from babel import Locale

    wanted = _parse(locale.strip())
    for supported in LOCALES:
        have = Locale.parse(supported)
        if have.language == wanted.language and _script(have) == _script(wanted):
            return supported
    raise UnknownLocaleError(locale)


def catalog_path(locale: str) -> resources.abc.Traversable:
    """Where the ``.po`` catalog of a supported locale lives in the package."""
    name = normalize_locale(locale)
    return package_files(__package__, __file__).joinpath(
        "locale", name, "LC_MESSAGES", f"{DOMAIN}.po"
    )


@cache
def load_catalog(locale: str) -> Catalog:
    """The parsed ``.po`` catalog of a locale (cached; raises if missing)."""
    from babel.messages.pofile import read_po

    name = normalize_locale(locale)
    path = catalog_path(name)
    if not path.is_file():
        raise CatalogMissingError(f"no message catalog for {name!r} at {path}")
    with path.open("rb") as handle:
        return read_po(handle, locale=name, domain=DOMAIN)


@cache
def _translations(locale: str) -> stdlib_gettext.GNUTranslations:
    """The catalog compiled to gettext's ``.mo`` form: gettext's own lookup
    and plural rules.

    Fuzzy entries are left out (``write_mo`` skips them), as ``msgfmt``
    does: a translation someone marked as doubtful is not shown.  The
    compiled form is kept beside the catalog (or in the user's cache),
    named after a hash of the ``.po`` text, so a command line that prints
    one message does not parse 2,000 entries first, and an edited catalog
    is compiled again on the next run.
    """
    name = normalize_locale(locale)
    path = catalog_path(name)
    if not path.is_file():
        raise CatalogMissingError(f"no message catalog for {name!r} at {path}")
    source = path.read_bytes()
    digest = blake2b(source, digest_size=10).hexdigest()
    places = _compiled_places(path, name, digest)
    for place in places:
        try:
            return stdlib_gettext.GNUTranslations(io.BytesIO(place.read_bytes()))
        except Exception:  # noqa: BLE001 - missing or damaged: compile it again
            continue
    compiled = _compile(name)
    for place in places:
        if store_cached(place, compiled):
            break
    return stdlib_gettext.GNUTranslations(io.BytesIO(compiled))


def _compile(locale: str) -> bytes:
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, load_catalog(locale))
    return buffer.getvalue()


def _compiled_places(po: resources.abc.Traversable, locale: str, digest: str) -> list[Path]:
    """Where the compiled catalog may be kept: beside the ``.po`` file (a
    ``__pycache__`` folder, like Python's own compiled files), else the
    user's cache folder (unless ``GOVDISCLOSURE_NO_CACHE`` is set)."""
    out: list[Path] = []
    if isinstance(po, Path):
        out.append(po.parent / "__pycache__" / f"{DOMAIN}.{digest}.mo")
    if not os.environ.get(NO_CACHE_ENV):
        out.append(user_cache(f"{DOMAIN}.{locale}.{digest}.mo"))
    return out


def gettext(locale: str, msgid: str) -> str:
    """``msgid`` translated into ``locale`` (``"zh_Hans_CN"``, ``"en"`` or a variant).

    Raises :class:`UnknownLocaleError` for a locale without a catalog and
    :class:`CatalogMissingError` when its file is missing.
    """
    return _translations(normalize_locale(locale)).gettext(msgid)


class MessageCatalog:
    """A plugin's own message catalogs, found as the core's are.

    ``directory/<locale>/LC_MESSAGES/<domain>.po`` for each supported locale
    (``zh_Hans_CN``, ``en``) the plugin translates into; a locale without its
    file is one the plugin has no translation for, and its message ids (its
    English text) are shown as they are.  The ``.po`` file is read with
    Babel at first use, as the core's catalogs are, so a plugin ships no
    ``.mo`` file and needs no build step.  ``directory`` is a
    :class:`~pathlib.Path` or what :func:`importlib.resources.files` gives
    (a plugin installed as a zip is read too).  A plain class, equal by
    its two fields: a named tuple or a dataclass would cost every command's
    start-up their making (about 3 million instructions, counted).
    """

    __slots__ = ("directory", "domain")

    def __init__(self, domain: str, directory: Traversable) -> None:
        #: The catalog files' name: the plugin's own, never ``"govdisclosure"``.
        self.domain = domain
        self.directory = directory

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MessageCatalog):
            return NotImplemented
        return (self.domain, self.directory) == (other.domain, other.directory)

    def __hash__(self) -> int:
        return hash((self.domain, self.directory))

    def __repr__(self) -> str:
        return f"MessageCatalog(domain={self.domain!r}, directory={self.directory!r})"


class CatalogError(LocalizedError, ValueError):
    """A plugin's message catalog that cannot be used: a line that is not
    of a ``.po`` file (``code`` ``"catalog-syntax"``), text not in the
    encoding its header names (``"catalog-encoding"``), a file that cannot
    be read (``"catalog-unreadable"``), or no folder where the plugin said
    its catalogs are (``"catalog-missing"``).  A folder with files for some
    locales only is no error: the plugin's messages in another locale are
    shown from the core's catalog or as written.  ``path`` is the file (or
    the folder, for a missing one)."""

    def __init__(
        self, code: str, path: str, message_id: str, *, detail: str = "", **params: object
    ) -> None:
        #: Another library's words (Babel's), shown at the end as the detail.
        self.detail = detail
        self._localize(code, message_id, {"file": path, **params}, path=path)

    def render(self, locale: str = DEFAULT_LOCALE) -> str:
        text = super().render(locale)
        if self.detail:
            from .errors import with_detail

            return with_detail(locale, text, self.detail)
        return text


#: A line of a ``.po`` file: blank, a comment, a keyword with its quoted
#: text, or a quoted text continuing the one above (bytes: the encoding is
#: the header's, read after).
_PO_LINE: Final = re.compile(
    rb'\s*(?:#.*|(?:msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+".*"|".*")?\s*'
)


def catalog_file(locale: str, catalog: MessageCatalog) -> Traversable:
    """Where ``catalog`` keeps the ``.po`` file of ``locale``."""
    return catalog.directory.joinpath(locale, "LC_MESSAGES", f"{catalog.domain}.po")


def catalog_files(catalog: MessageCatalog) -> tuple[tuple[str, Traversable], ...]:
    """``(locale, file)`` of each supported locale ``catalog`` has a file for."""
    out = []
    for locale in LOCALES:
        path = catalog_file(locale, catalog)
        try:
            if path.is_file():
                out.append((locale, path))
        except OSError:  # a folder that cannot be listed: said when it is read
            out.append((locale, path))
    return tuple(out)


def check_plugin_catalog(locale: str, catalog: MessageCatalog) -> None:
    """Raise :class:`CatalogError` when ``catalog`` cannot be used for
    ``locale``: its file for the locale is damaged, or the folder the plugin
    registered is not there.  A catalog without a file for ``locale`` is
    fine, whatever other locales it has files for (the plugin has no
    translation into it)."""
    try:
        there = catalog.directory.is_dir()
    except OSError:  # a folder that cannot be looked at: said when its file is read
        there = True
    if not there:
        raise CatalogError(
            "catalog-missing",
            str(catalog.directory),
            N_(
                "{file}: expected the folder of the plugin's message catalogs"
                " (<locale>/LC_MESSAGES/{domain}.po); there is none"
            ),
            domain=catalog.domain,
        )
    _plugin_translations(normalize_locale(locale), catalog)


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


@cache
def _plugin_translations(
    locale: str, catalog: MessageCatalog
) -> stdlib_gettext.GNUTranslations | None:
    """One plugin catalog compiled for ``locale``; ``None`` without its file.

    A damaged file raises :class:`CatalogError` (not cached: the plugin
    manager reports it once and leaves the catalog out)."""
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import PoFileError, read_po

    path = catalog_file(locale, catalog)
    name = str(path)
    try:
        if not path.is_file():
            return None
        source = path.read_bytes()
    except OSError as exc:
        from .oserrors import cause_id

        cause = cause_id(exc)
        raise CatalogError(
            "catalog-unreadable",
            name,
            N_("{file}: the message catalog cannot be read: {reason}"),
            reason=Msg(cause or N_("a system error")),
            detail="" if cause else exc.strerror or str(exc),
        ) from None
    lines = source.removeprefix(b"\xef\xbb\xbf").splitlines()
    for number, line in enumerate(lines, start=1):
        if not _PO_LINE.fullmatch(line):
            found = line.decode("utf-8", errors="replace")[:40]
            raise CatalogError(
                "catalog-syntax",
                name,
                N_(
                    "{file}, line {line}: expected a line of a message catalog (msgid, msgstr"
                    " or another keyword with its quoted text, a quoted text, a # comment);"
                    " found {found!r}"
                ),
                line=number,
                found=found,
            )
    try:
        parsed = read_po(
            io.BytesIO(source), locale=locale, domain=catalog.domain, abort_invalid=True
        )
    except UnicodeDecodeError as exc:
        # Babel decodes line by line: the line is found again here.
        number = next(
            (n for n, line in enumerate(lines, start=1) if not _decodes(line, exc.encoding)), 1
        )
        raise CatalogError(
            "catalog-encoding",
            name,
            N_("{file}, line {line}: expected text in {encoding}, as its header says"),
            line=number,
            encoding=exc.encoding,
        ) from None
    except (PoFileError, LookupError, ValueError) as exc:
        raise CatalogError(
            "catalog-syntax",
            name,
            N_("{file}: expected a message catalog gettext can read"),
            detail=str(exc),
        ) from None
    buffer = io.BytesIO()
    write_mo(buffer, parsed)
    return stdlib_gettext.GNUTranslations(io.BytesIO(buffer.getvalue()))


@lru_cache(maxsize=64)
def _merged(locale: str, catalogs: tuple[MessageCatalog, ...]) -> stdlib_gettext.NullTranslations:
    """The core's catalog of ``locale`` with the plugins' behind it, in order.

    Copies are chained (``add_fallback``), so the cached catalogs themselves
    are never changed and another set of plugins gets a chain of its own.
    """
    import copy

    chain = copy.copy(_translations(locale))
    for catalog in catalogs:
        found = _plugin_translations(locale, catalog)
        if found is not None:
            chain.add_fallback(copy.copy(found))
    return chain


def gettext_with(locale: str, msgid: str, catalogs: tuple[MessageCatalog, ...]) -> str:
    """``msgid`` in ``locale`` from the core's catalog, else from ``catalogs``.

    The core's catalog is asked first, so a plugin cannot change the core's
    wording; then each plugin catalog in the order given; an id none of
    them has is shown as it is.  With no catalogs this is :func:`gettext`.
    """
    name = normalize_locale(locale)
    if not catalogs:
        return _translations(name).gettext(msgid)
    return _merged(name, catalogs).gettext(msgid)


def message(locale: str, msgid: str) -> str:
    """``msgid`` in ``locale`` wherever it comes from: the core's catalog,
    else the catalogs plugins register (``govdisclosure_message_catalogs``),
    else ``msgid`` itself.

    What a text a plugin may fill is shown through: a load problem's
    ``expected`` (:class:`~govdisclosure.errors.Problem`), the message and the
    message-id parameters of a :class:`~govdisclosure.errors.LocalizedError`
    a plugin raises.  An id the core knows is found with no more work than
    :func:`gettext`; only another asks the plugins for their catalogs.
    """
    name = normalize_locale(locale)
    text = _core_messages(name).get(msgid)
    if text is not None:
        return text
    from .plugin.manager import gettext as plugin_gettext

    return plugin_gettext(name, msgid)


@cache
def _core_messages(locale: str) -> dict[object, str]:
    """The compiled core catalog of ``locale`` as gettext holds it: each id
    (a plural's as ``(id, n)``) and its text.  :func:`message` reads it
    directly, which is :meth:`~gettext.GNUTranslations.gettext` without the
    call (the catalog has no fallback)."""
    catalog: dict[object, str] = getattr(_translations(locale), "_catalog", {})
    return catalog


def ngettext(locale: str, singular: str, plural: str, n: int) -> str:
    """The singular or plural form for ``n``, by the locale's plural rules.

    Chinese has a single form, English two; the rules come from the
    catalog's ``Plural-Forms`` header, which Babel fills in from CLDR.
    """
    return _translations(normalize_locale(locale)).ngettext(singular, plural, n)


def series(locale: str, items: Iterable[str]) -> str:
    """``items`` listed as ``locale`` lists names: ``docx, html, json``,
    ``docx、html、json``; ``-`` when there is none."""
    names = list(items)
    if not names:
        return "-"
    joint = gettext(locale, "{items}, {item}")
    text = names[0]
    for name in names[1:]:
        text = joint.format(items=text, item=name)
    return text


#: ASCII characters that never take a space on their Chinese side: a space,
#: and the punctuation that closes (after) or opens (before) Latin text.
_NO_SPACE_AFTER: Final = frozenset(" \t\n([{<")
_NO_SPACE_BEFORE: Final = frozenset(" \t\n,.;:!?)]}>")


def _ideograph(char: str) -> bool:
    """A Chinese character (not Chinese punctuation, which is never spaced)."""
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def _latin(char: str) -> bool:
    return " " < char < "\x7f"


def _space_between(left: str, right: str) -> bool:
    """Whether Chinese typography puts a space between the characters
    ``left`` and ``right``: a Chinese character beside Latin text (a letter,
    a digit, an ASCII sign or quote), as in ``应为 JSON 对象`` or
    ``第 2 行``; never beside Chinese text or punctuation (``应为整数``,
    ``应为（二）部分公开``)."""
    if _ideograph(left):
        return _latin(right) and right not in _NO_SPACE_BEFORE
    if _ideograph(right):
        return _latin(left) and left not in _NO_SPACE_AFTER
    return False


def spaced(locale: str, template: str, /, **values: object) -> str:
    """``template.format(**values)``, spaced as the locale's text is.

    A Chinese template writes a placeholder whose value may be Chinese or
    Latin text without spaces (``应为{expected}``): the value decides.  Where
    a Chinese character of the template meets a value that begins or ends
    with Latin text (``JSON 对象``, ``'2024'``, ``0 至 100``), a space is put
    between them, as the catalogs space Latin text among Chinese
    (``应为 JSON 对象``, ``实际为 '2024'``); a Chinese value is joined
    (``应为整数``).  Other locales are formatted as they are.
    """
    if not normalize_locale(locale).startswith("zh"):
        return template.format(**values)
    formatter = string.Formatter()
    out: list[str] = []
    after_value = False  # the last piece is a value: the next literal is checked against it
    for literal, field, spec, conversion in formatter.parse(template):
        if literal:
            if after_value and _space_between(out[-1][-1], literal[0]):
                out.append(" ")
            out.append(literal)
            after_value = False
        if field is None:
            continue
        value, _ = formatter.get_field(field, (), values)
        text = formatter.format_field(formatter.convert_field(value, conversion), spec or "")
        if not text:
            continue
        if out and _space_between(out[-1][-1], text[0]):
            out.append(" ")
        out.append(text)
        after_value = True
    return "".join(out)
