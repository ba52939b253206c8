"""The errors a caller meets, in Chinese and English.

:class:`LoadError` is the one error a bad input raises, listing every
problem with its path.  :class:`LocalizedError` is the base of the other
errors the library raises to its Python callers (a model object built with a
bad cell, an unknown renderer, edition, template or locale): each has a
stable ``code``, the field ``path`` where there is one, and its message as a
message id with parameters, so that ``str()`` gives the Chinese and the
English text and :meth:`LocalizedError.render` either one (docs/i18n.md).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from attrs import frozen

from ._localized import LocalizedError, Msg

__all__ = [
    "ArgumentError",
    "FieldTypeError",
    "FieldValueError",
    "LoadError",
    "LocalizedError",
    "Msg",
    "Problem",
    "UnreadableFileError",
    "said_in",
]

#: Problems listed by ``str()`` of a :class:`LoadError` (the rest are counted):
#: the text is built when the error is, so it must not grow with the input.
_STR_LIMIT = 100


@frozen
class Problem:
    """One thing wrong with an input.

    ``path`` is a JSON path (``$.table3.results.total.natural_person``);
    ``expected`` is a message id of the catalogs (see :mod:`.i18n`), so the
    problem can be shown in any locale; ``found`` is what the input held,
    shortened for display.  ``at`` is the line and column (from 1) of a
    problem of the text itself (JSON that is not well formed), where no
    path inside the document can be given.  ``detail`` is another
    library's own words (English, from pdfminer, tomllib, the system),
    shown only at the end of the message and marked as the detail
    (docs/i18n.md, "The libraries' words"); never the message itself.
    """

    path: str
    expected: str
    found: str = ""
    at: tuple[int, int] | None = None
    detail: str = ""

    def describe(self, locale: str) -> str:
        """What was expected and found, in ``locale`` (the path left out):
        ``line 55, column 122: expected …; found …``."""
        from .i18n import gettext, message, spaced

        # What was expected is Chinese text or Latin (``JSON 对象``, ``true 或
        # false``) and what was found anything: spaced by what they begin
        # with (``应为整数``, ``应为 JSON 对象；实际为 '2024'``).  A loader
        # plugin's own ``expected`` is found in its catalogs.
        expected = message(locale, self.expected)
        if self.found:
            text = spaced(
                locale,
                gettext(locale, "expected {expected}; found {found}"),
                expected=expected,
                found=self.found,
            )
        else:
            text = spaced(locale, gettext(locale, "expected {expected}"), expected=expected)
        if self.at is not None:
            where = gettext(locale, "line {line}, column {column}").format(
                line=self.at[0], column=self.at[1]
            )
            text = gettext(locale, "{where}: {problem}").format(where=where, problem=text)
        if self.detail:
            text = with_detail(locale, text, self.detail)
        return text


def with_detail(locale: str, text: str, detail: str) -> str:
    """``text`` with another library's words at its end, marked as the detail:
    ``… (detail: PdfminerException: Unexpected EOF)``, ``…（详情：…）``."""
    from .i18n import gettext

    return gettext(locale, "{text} (detail: {detail})").format(text=text, detail=detail)


class LoadError(ValueError):
    """An input that cannot be read as a report.

    Carries *every* problem found, not just the first, and the name of the
    file when there is one.  ``str()`` gives the Chinese and English text;
    :meth:`render` one locale.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], source: str | None = None):
        self.problems = tuple(problems)
        self.source = source
        super().__init__(
            self.render("zh_Hans_CN", limit=_STR_LIMIT) + "\n" + self.render("en", limit=_STR_LIMIT)
        )

    def with_source(self, source: str) -> LoadError:
        return LoadError(self.problems, source)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[object, ...]]:
        """Pickled by its parts (an error raised in a worker process reaches
        the caller as itself, its problems and its file)."""
        return (_rebuild_load, (type(self), self.args, dict(self.__dict__)))

    def render(
        self,
        locale: str = "zh_Hans_CN",
        *,
        limit: int | None = None,
        heading: str | None = None,
    ) -> str:
        """The error in one locale: a heading, then one line per problem.

        With ``limit``, at most that many problems are listed and one line
        says how many more there are: a file with 200,000 unknown keys is
        one screen, not 200,000 lines (the count in the heading stays exact).
        ``heading`` is the message id of the first line, for a file that is
        not a report (a list of accepted findings).
        """
        from .i18n import gettext, message, ngettext

        if heading is None:
            head = gettext(locale, "Cannot read report")
        else:
            head = message(locale, heading)
        if self.source:
            head = f"{self.source}: {head}"
        lines = [
            gettext(locale, "{heading} ({count})").format(heading=head, count=len(self.problems))
        ]
        shown = self.problems if limit is None else self.problems[:limit]
        for p in shown:
            lines.append(f"  {p.path}: {p.describe(locale)}")
        hidden = len(self.problems) - len(shown)
        if hidden:
            more = ngettext(locale, "and {n} more problem", "and {n} more problems", hidden)
            lines.append("  … " + more.format(n=hidden))
        return "\n".join(lines)


def _rebuild_load(
    cls: type[LoadError], args: tuple[object, ...], state: dict[str, Any]
) -> LoadError:
    """Unpickle a :class:`LoadError` by its parts (see ``__reduce__``)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error


class UnreadableFileError(LoadError, OSError):
    """An input file that cannot be read at all: it does not exist, it is a
    directory, reading it is not permitted, the disk failed.

    A :class:`LoadError` like any other input that cannot be read (the file
    named, what was expected, in both locales, ``render(locale)``), and an
    :class:`OSError` too, with the system's ``errno``, ``strerror`` and
    ``filename``, so that a caller who catches ``OSError`` around
    ``gd.load`` catches it still.  ``code`` is a stable identifier of the
    cause: ``"file-not-found"``, ``"is-a-directory"``, ``"permission-denied"``,
    ``"not-a-directory"`` or ``"file-unreadable"``.
    """

    code: str

    def __init__(self, exc: OSError, source: str) -> None:
        from .oserrors import unreadable, unreadable_code

        LoadError.__init__(self, [unreadable(exc)], source)
        self.code = unreadable_code(exc)
        self.errno = exc.errno
        self.strerror = exc.strerror
        self.filename = exc.filename if exc.filename is not None else source
        self.cause = exc

    def with_source(self, source: str) -> LoadError:
        return UnreadableFileError(self.cause, source)

    def __reduce__(self) -> tuple[Callable[..., Any], tuple[object, ...]]:
        # Made again from the system's error: ``errno`` and the rest are
        # OSError's own fields, which a pickled ``__dict__`` does not hold.
        return (type(self), (self.cause, self.source))

    def __str__(self) -> str:
        # Ours, not OSError's ``[Errno 2] No such file or directory: …``.
        return str(self.args[0]) if self.args else ""


def N_(msgid: str) -> str:
    """Mark a message id (:func:`govdisclosure.i18n.N_`, without importing the catalogs)."""
    return msgid


#: The message of a field that refuses a value: ``ApplicantRow.natural_person:
#: expected a count …, got -5``.
FIELD_MESSAGE = N_("{path}: expected {expected}, got {found}")


class FieldValueError(LocalizedError, ValueError):
    """A model object built with a value one of its fields refuses (a negative
    count, a float, an amount that is an ``int``, a printed label too long).

    ``path`` is the class and field (``"ApplicantRow.natural_person"``,
    ``"StatisticsTable.rows['1']['value']"``); ``expected`` is a message id
    of what the field takes; ``found`` is the value as ``repr`` shows it.
    ``code`` is ``"cell-value"`` for a table cell, ``"label-too-long"`` for a
    printed label, ``"field-value"`` otherwise.
    """

    def __init__(self, path: str, expected: str, found: str, code: str = "cell-value") -> None:
        self.expected = expected
        self.found = found
        self._localize(
            code,
            FIELD_MESSAGE,
            {"path": path, "expected": Msg(expected), "found": found},
            path=path,
        )


class FieldTypeError(LocalizedError, TypeError):
    """A model object built with a value of the wrong type for a field that
    is not a cell (the year, the unit, a text); ``code`` is ``"field-type"``.
    Attributes as :class:`FieldValueError`'s."""

    def __init__(self, path: str, expected: str, found: str, code: str = "field-type") -> None:
        self.expected = expected
        self.found = found
        self._localize(
            code,
            FIELD_MESSAGE,
            {"path": path, "expected": Msg(expected), "found": found},
            path=path,
        )


def said_in(exc: BaseException, locale: str) -> str:
    """The message of ``exc`` in ``locale``: a :class:`LocalizedError` or
    :class:`LoadError` in that locale alone, anything else as ``str()``."""
    if isinstance(exc, LocalizedError):
        return exc.render(locale)
    if isinstance(exc, LoadError):
        return exc.render(locale)
    return str(exc)


class ArgumentError(LocalizedError, ValueError):
    """A function called with an argument it cannot use (an unknown edition
    for :func:`~govdisclosure.blank_report`, a template for an edition of
    fixed tables); ``code`` says which."""

    def __init__(self, code: str, message_id: str, params: Mapping[str, object]) -> None:
        self._localize(code, message_id, params)


def not_read(exc: BaseException, source: str | None = None) -> LoadError:
    """The :class:`LoadError` of an input that failed to read with an error
    nothing above foresaw: "expected a readable report", with the error's
    own words (English) only as the marked detail."""
    from .filefaults import library_words

    return LoadError([Problem("$", "a readable report", detail=library_words(exc))], source)
