"""The one error a bad input raises, listing every problem with its path."""

from __future__ import annotations

from attrs import frozen

__all__ = ["LoadError", "Problem"]


@frozen
class Problem:
    """One thing wrong with an input.

    ``path`` is a JSON path (``$.table3.results.total.natural_person``);
    ``expected`` is a message id of the catalogs (see :mod:`.i18n`), so the
    problem can be shown in any locale; ``found`` is what the input held,
    shortened for display.
    """

    path: str
    expected: str
    found: str = ""


class LoadError(ValueError):
    """An input that cannot be read as a report.

    Carries *every* problem found, not just the first, and the name of the
    file when there is one.  ``str()`` gives the Chinese and English text;
    :meth:`render` one locale.
    """

    def __init__(self, problems: list[Problem] | tuple[Problem, ...], source: str | None = None):
        self.problems = tuple(problems)
        self.source = source
        super().__init__(self.render("zh_Hans_CN") + "\n" + self.render("en"))

    def with_source(self, source: str) -> LoadError:
        return LoadError(self.problems, source)

    def render(self, locale: str = "zh_Hans_CN") -> str:
        """The error in one locale: a heading, then one line per problem."""
        from .i18n import gettext

        head = gettext(locale, "Cannot read report")
        if self.source:
            head = f"{self.source}: {head}"
        lines = [f"{head} ({len(self.problems)})"]
        for p in self.problems:
            line = f"  {p.path}: {gettext(locale, 'expected')} {gettext(locale, p.expected)}"
            if p.found:
                line += f"; {gettext(locale, 'found')} {p.found}"
            lines.append(line)
        return "\n".join(lines)
