"""``bench/html_import_rates.py``: every piece of work it counts and times runs."""

from __future__ import annotations

from test_bench import _module

_rates = _module("html_import_rates")


def test_every_piece_of_work_runs_a_pass_over_the_nine_pages() -> None:
    """The pieces are named as the script prints them and each runs (the
    private selectors and functions it calls are still the importer's)."""
    work = _rates.work()
    assert list(work) == list(_rates.WORK)
    for run in work.values():
        run()
    times = _rates.timing(["decode"])
    assert set(times) == {"decode"} and 0 < times["decode"] < float("inf")
