"""The one loop of every batch command: work in chunks, take results in order, show progress.

``validate``, ``render``, ``consolidate``, ``import`` and ``export`` differ
in what they do with a file and with its result, not in how a run goes:
:func:`drive` runs the work over the files (:func:`.runner.run_chunks`,
``--jobs`` worker processes), hands each result to the command's ``take``
in the order of the files, advances the :class:`.progress.Progress`
display, turns Ctrl-C into an interrupted :class:`.summary.Summary` with
the counts so far, and stops the clock.  :func:`drive_files` is the same
for work written per file.  :func:`close` prints the closing summary line
(unless ``--quiet``; always after an interruption).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Generator, Sequence
from functools import partial
from typing import TextIO, TypeVar

from .progress import Progress
from .runner import _each, run_chunks
from .summary import Summary

__all__ = ["close", "drive", "drive_files"]

T = TypeVar("T")
R = TypeVar("R")


def drive(
    work: Callable[[list[T]], R],
    items: Sequence[T],
    take: Callable[[R], None],
    *,
    jobs: int,
    locale: str,
    quiet: bool,
    summary: Summary | None = None,
    size: int | None = None,
) -> Summary:
    """``take(work(chunk))`` for consecutive chunks of ``items``, in order.

    ``take`` counts the chunk's files into the summary (read, passed,
    failed, written, skipped) and prints what it has to print; the summary
    comes back stopped, ``interrupted`` if Ctrl-C ended the run.
    """
    batch = summary if summary is not None else Summary(total=len(items))
    results = run_chunks(work, items, jobs, size)
    try:
        with Progress(len(items), locale, quiet=quiet) as progress:
            try:
                for count, result in results:
                    take(result)
                    progress.advance(count)
            except KeyboardInterrupt:
                batch.interrupted = True
                _take_finished(results, take)
    finally:
        results.close()
    batch.stop()
    return batch


def _take_finished(
    results: Generator[tuple[int, R], None, None], take: Callable[[R], None]
) -> None:
    """After Ctrl-C: take what the workers had in hand (they stop after their
    current file), so that files they wrote are counted.  A second Ctrl-C
    gives up on them."""
    try:
        _, result = results.throw(KeyboardInterrupt())
        while True:
            take(result)
            _, result = next(results)
    except (KeyboardInterrupt, StopIteration):
        pass


def _take_each(take: Callable[[R], None], results: list[R]) -> None:
    for result in results:
        take(result)


def drive_files(
    work: Callable[[T], R],
    items: Sequence[T],
    take: Callable[[R], None],
    *,
    jobs: int,
    locale: str,
    quiet: bool,
    summary: Summary | None = None,
) -> Summary:
    """:func:`drive` for work done one file at a time: ``take(work(item))`` for each item."""
    return drive(
        partial(_each, work),
        items,
        partial(_take_each, take),
        jobs=jobs,
        locale=locale,
        quiet=quiet,
        summary=summary,
    )


def close(summary: Summary, locale: str, quiet: bool, stream: TextIO | None = None) -> None:
    """Print the closing line on standard error: unless quiet, and always
    after Ctrl-C or a refused run (nothing was written: even ``--quiet``
    says so)."""
    if not quiet or summary.interrupted or summary.refused is not None:
        out = stream if stream is not None else sys.stderr
        out.write(summary.render(locale) + "\n")
        out.flush()
