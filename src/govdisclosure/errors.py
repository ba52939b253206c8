"""The one error a bad input raises, listing every problem with its path."""

from __future__ import annotations

from attrs import frozen

__all__ = ["LoadError", "Problem"]

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
    path inside the document can be given.
    """

    path: str
    expected: str
    found: str = ""
    at: tuple[int, int] | None = None

    def describe(self, locale: str) -> str:
        """What was expected and found, in ``locale`` (the path left out):
        ``line 55, column 122: expected …; found …``."""
        from .i18n import gettext, spaced

        # What was expected is Chinese text or Latin (``JSON 对象``, ``true 或
        # false``) and what was found anything: spaced by what they begin
        # with (``应为整数``, ``应为 JSON 对象；实际为 '2024'``).
        expected = gettext(locale, self.expected)
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
        return text


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
        from .i18n import gettext, ngettext

        if heading is None:
            head = gettext(locale, "Cannot read report")
        else:
            head = gettext(locale, heading)
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
