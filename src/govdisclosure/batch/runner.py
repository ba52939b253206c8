"""Per-file work in worker processes, results in input order.

``run_files(fn, items, jobs)`` yields ``fn(item)`` for every item, in the
order of ``items``, computing them in ``jobs`` worker processes
(:class:`concurrent.futures.ProcessPoolExecutor`; ``jobs=1`` runs in this
process, without a pool).  ``fn`` must be picklable (a module-level
function, or a :func:`functools.partial` of one) and should turn every
failure into a result: an exception raised by ``fn`` stops the run, as
it would without workers.

Items are sent in chunks so that a worker spends its time on files, not on
messages; results come back as each chunk finishes, so output streams and
memory holds only the chunks in flight, never every result.  Workers
ignore Ctrl-C: the parent process catches it, cancels what has not
started, and the command prints its summary so far (closing the generator
shuts the pool down).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Generator, Sequence
from typing import TypeVar

__all__ = ["Interrupted", "default_jobs", "run_files"]

T = TypeVar("T")
R = TypeVar("R")


class Interrupted(Exception):
    """The run was stopped (Ctrl-C) before every file was done."""


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _ignore_interrupt() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _chunksize(count: int, jobs: int) -> int:
    # Enough chunks per worker to balance uneven files, few enough that
    # the messages cost little: 8 chunks per worker, 1 to 64 files each.
    return max(1, min(64, count // (jobs * 8) or 1))


def run_files(fn: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> Generator[R, None, None]:
    """``fn(item)`` for each item, in order, over ``jobs`` processes."""
    jobs = max(1, min(jobs, len(items) or 1))
    if jobs == 1:
        for item in items:
            yield fn(item)
        return
    # Imported here: a run in this process (``--jobs 1``, one file) does not
    # pay for the process machinery.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork shares the loaded plugins and compiled shapes with the workers;
    # where it is unavailable the workers start fresh.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_ignore_interrupt)
    try:
        yield from pool.map(fn, items, chunksize=_chunksize(len(items), jobs))
    finally:
        pool.shutdown(wait=False, cancel_futures=True)
