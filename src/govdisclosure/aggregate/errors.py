"""The one error consolidation raises, readable in Chinese and English.

Consolidating the wrong reports must never produce a number: a sum over two
years, two editions or a unit counted twice looks exactly like a right one.
So every refusal is a :class:`ConsolidationError` that says what was wrong
and with which reports, in both locales (``str()``), or in one
(:meth:`ConsolidationError.render`).  The message is an English message id
of the catalogs with ``{placeholders}``, so it is translated as a whole
rather than assembled from pieces.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..i18n import gettext, series, spaced

__all__ = ["ConsolidationError"]


class ConsolidationError(ValueError):
    """Reports that cannot be added up (or compared cell by cell).

    ``code`` is a stable identifier of the reason (``"years"``,
    ``"editions"``, ``"shapes"``, ``"templates"``, ``"duplicate-unit"``,
    ``"empty"``, ``"table-data"``, ``"cell-value"``, ``"no-unit"``), for
    programs that handle some reasons themselves; ``message_id`` and
    ``params`` make the text.
    """

    def __init__(self, code: str, message_id: str, params: Mapping[str, object] | None = None):
        self.code = code
        self.message_id = message_id
        self.params = dict(params or {})
        super().__init__(self.render("zh_Hans_CN") + "\n" + self.render("en"))

    def __reduce__(self) -> tuple[type[ConsolidationError], tuple[str, str, dict[str, object]]]:
        """Pickled by its parts: a refusal raised in a worker process (Dask's
        process scheduler, a cluster) reaches the caller as itself, where the
        default pickling of an exception (its ``args``, the rendered text)
        could not rebuild it."""
        return (type(self), (self.code, self.message_id, self.params))

    def render(self, locale: str = "zh_Hans_CN") -> str:
        """The message in ``locale`` with its parameters filled in, spaced as
        the locale's text is (a path or a figure beside Chinese words:
        ``$.table3.total 的合计为 1800000000000000``)."""
        values = {k: self._value(v, locale) for k, v in self.params.items()}
        return spaced(locale, gettext(locale, self.message_id), **values)

    @staticmethod
    def _value(value: object, locale: str) -> str:
        """A parameter as said in ``locale``: a list as the locale lists
        (``2021, legacy``; ``2021、legacy``), a nested refusal in the locale."""
        if isinstance(value, ConsolidationError):
            return value.render(locale)
        if isinstance(value, tuple | list):
            return series(locale, map(str, value))
        return str(value)
