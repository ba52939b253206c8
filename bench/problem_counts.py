#!/usr/bin/env python3
"""A load error's problems described, counted in machine instructions.

``python bench/problem_counts.py N``: one :class:`~govdisclosure.LoadError`
of 100 problems whose ``expected`` is a message id of the core's catalog
(``a whole number``) rendered in both locales N times: 200 × N problem
lines, each through :meth:`~govdisclosure.errors.Problem.describe`.  Run at
two sizes under ``valgrind --tool=callgrind`` with ``PYTHONHASHSEED=0`` and
divide the difference of the totals by the difference of the lines (the
start-up cancels out).

Used for the count of ``bench/README.md`` ("A load problem's text").
"""

from __future__ import annotations

import sys

from govdisclosure.errors import LoadError, Problem
from govdisclosure.i18n import gettext


def main(rounds: int) -> None:
    problems = [Problem(f"$.table3.rows[{i}]", "a whole number", "'x'") for i in range(100)]
    error = LoadError(problems, "r.json")
    gettext("en", "x")  # both catalogs read before the rounds
    gettext("zh_Hans_CN", "x")
    for _ in range(rounds):
        for locale in ("zh_Hans_CN", "en"):
            error.render(locale)


if __name__ == "__main__":
    main(int(sys.argv[1]))
