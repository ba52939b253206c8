"""The import accuracy probe: published reports printed the ways other publishers print them.

Each variant is a file made by code from files kept in the repository (the
portal pages, Word file and PDF of the plugins' test data, the examples and
their workbook) and imported through its plugin's public import function;
:mod:`.measure` scores it cell by cell against the figures it prints.
``bench/import_accuracy.py`` prints every variant's score and the totals;
``tests/bench/test_import_accuracy.py`` holds the properties a user relies on.
Each builder function's docstring names the real-world defect it imitates.
"""

from __future__ import annotations

from . import excel, pages, pdf, rendered, word
from .measure import Score, Total, run, score, total
from .variant import Variant

__all__ = ["Score", "Total", "Variant", "run", "score", "total", "variants"]


def variants() -> list[Variant]:
    """Every variant, HTML first, then Word, PDF, the rendered examples and Excel."""
    return [
        *pages.variants(),
        *word.variants(),
        *pdf.variants(),
        *rendered.variants(),
        *excel.variants(),
    ]
