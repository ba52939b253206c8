"""Per-file work in worker processes, results in input order.

``run_chunks(fn, items, jobs)`` calls ``fn`` on consecutive chunks of
``items`` and yields ``(size, fn(chunk))`` in the order of the items,
computing them in ``jobs`` worker processes
(:class:`concurrent.futures.ProcessPoolExecutor`; ``jobs=1`` runs in this
process, without a pool).  A chunk function lets a worker read and check a
run of files and send back one compact result for all of them (the text
to print, a few counts), so the parent's share of the work — unpickling,
writing, the progress display — is per chunk, not per file.
``run_files(fn, items, jobs)`` is the per-file form: it yields ``fn(item)``
for every item.  ``fn`` must be picklable (a module-level function, or a
:func:`functools.partial` of one) and should turn every failure into a
result: an exception raised by ``fn`` stops the run, as it would without
workers.

Only a few chunks per worker are in flight at a time (submitted as earlier
ones are taken), so neither the items nor the results are ever all held at
once: memory does not grow with the number of files, and output streams.
Workers ignore Ctrl-C: the parent process catches it, cancels what has not
started, tells the workers to stop (a shared event: a chunk of
:func:`run_files` stops after the file in hand, not after its 64 files, which
for PDFs took most of a minute), and yields the chunks the workers had in
hand — what they did, such as files written, is then counted in the summary
— before re-raising ``KeyboardInterrupt``; closing the generator shuts the
pool down.  A consumer interrupted while it was taking a result throws
``KeyboardInterrupt`` into the generator to get the same.
"""

from __future__ import annotations

import os
import signal
from collections import deque
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from functools import partial
from itertools import islice
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from concurrent.futures import Future

__all__ = ["Interrupted", "default_jobs", "run_chunks", "run_files"]

T = TypeVar("T")
R = TypeVar("R")

#: Chunks in flight per worker: one being worked on, one queued, one being
#: taken by the parent, so a worker never waits for the next.
AHEAD = 3


class Interrupted(Exception):
    """The run was stopped (Ctrl-C) before every file was done."""


def default_jobs() -> int:
    """Every core this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


#: In a worker process: the run's stop event, set by the parent on Ctrl-C.
_stop: Any = None


def _start_worker(stop: Any) -> None:
    global _stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _stop = stop


def _stopping() -> bool:
    return _stop is not None and _stop.is_set()


def chunk_size(count: int, jobs: int) -> int:
    """Files per chunk: enough chunks per worker to balance uneven files and
    show progress, few enough that the messages cost little (1 to 64 files)."""
    if jobs == 1:
        return max(1, min(16, count))
    return max(1, min(64, count // (jobs * 8) or 1))


def _chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def run_chunks(
    fn: Callable[[list[T]], R], items: Sequence[T], jobs: int = 1, size: int | None = None
) -> Generator[tuple[int, R], None, None]:
    """``(len(chunk), fn(chunk))`` for consecutive chunks of ``items``, in order,
    over ``jobs`` processes."""
    jobs = max(1, min(jobs, len(items) or 1))
    size = size or chunk_size(len(items), jobs)
    chunks = _chunks(items, size)
    if jobs == 1:
        for chunk in chunks:
            yield len(chunk), fn(chunk)
        return
    # Imported here: a run in this process (``--jobs 1``, one file) does not
    # pay for the process machinery.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    # fork shares the loaded plugins and compiled shapes with the workers;
    # where it is unavailable the workers start fresh.
    context = multiprocessing.get_context("fork" if "fork" in methods else None)
    stop = context.Event()
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=context, initializer=_start_worker, initargs=(stop,)
    )
    pending: deque[tuple[int, Future[R]]] = deque()
    try:
        try:
            for chunk in islice(chunks, jobs * AHEAD):
                pending.append((len(chunk), pool.submit(fn, chunk)))
            while pending:
                count, future = pending[0]
                result = future.result()
                pending.popleft()
                for chunk in islice(chunks, 1):
                    pending.append((len(chunk), pool.submit(fn, chunk)))
                yield count, result
        except KeyboardInterrupt:
            stop.set()
            for _, future in pending:
                future.cancel()
            for count, future in pending:
                if not future.cancelled():
                    yield count, future.result()
            raise
    finally:
        # Chunks not started are dropped; the parent then waits for the
        # workers to finish the chunk in hand (a fraction of a second) and
        # exit.  Not waiting let the process end while a worker was still
        # answering the pool's stop message, and that worker printed a
        # traceback (``Bad file descriptor``) after the summary.
        pool.shutdown(wait=True, cancel_futures=True)


def _each(fn: Callable[[T], R], chunk: list[T]) -> list[R]:
    """``fn`` over the chunk, stopping before the next item once the run is
    stopped (the results so far are the chunk's)."""
    results: list[R] = []
    for item in chunk:
        if _stopping():
            break
        results.append(fn(item))
    return results


def run_files(fn: Callable[[T], R], items: Sequence[T], jobs: int = 1) -> Generator[R, None, None]:
    """``fn(item)`` for each item, in order, over ``jobs`` processes."""
    chunks = run_chunks(partial(_each, fn), items, jobs)
    try:
        for _, results in chunks:
            yield from results
    finally:
        chunks.close()
