"""Progress of a batch run: a bar on a terminal, plain lines otherwise, or nothing.

On a terminal (standard error is a TTY) a rich progress bar with the file
count, rate and time left; when standard error is a file or a pipe (a CI
log), one plain line every few seconds (``1,200/20,000 files, 640 files/s``),
which a log keeps readable; with ``--quiet`` nothing.  The display goes to
standard error, so standard output carries only the results.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TYPE_CHECKING, Literal, TextIO

from ..i18n import gettext
from .summary import measured_rate, rate_text

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

__all__ = ["Progress"]

Mode = Literal["bar", "lines", "none"]

#: Seconds between two plain progress lines.
INTERVAL = 5.0


class Progress:
    """Counts files done; shows it as the mode says (see the module docstring)."""

    def __init__(
        self,
        total: int,
        locale: str,
        *,
        quiet: bool = False,
        stream: TextIO | None = None,
        mode: Mode | None = None,
        interval: float = INTERVAL,
    ) -> None:
        self.total = total
        self.done = 0
        self.locale = locale
        self.stream = stream if stream is not None else sys.stderr
        if mode is None:
            mode = "none" if quiet else ("bar" if self.stream.isatty() else "lines")
        self.mode: Mode = mode
        self.interval = interval
        self._start = time.perf_counter()
        self._last = self._start
        self._bar: RichProgress | None = None
        self._task: TaskID | None = None

    def __enter__(self) -> Progress:
        self._start = self._last = time.perf_counter()
        if self.mode == "bar" and self.total > 1:
            # Imported here: only a terminal gets a bar.
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TaskProgressColumn,
                TextColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TimeRemainingColumn(),
                console=Console(file=self.stream),
                transient=True,
            )
            self._bar.__enter__()
            self._task = self._bar.add_task(
                gettext(self.locale, "files"), total=self.total, rate=""
            )
        return self

    def advance(self, count: int = 1) -> None:
        """``count`` more files done."""
        self.done += count
        now = time.perf_counter()
        if self._bar is not None and self._task is not None:
            # The same rule as the closing line: no rate before it means anything.
            rate = measured_rate(self.done, now - self._start)
            shown = "" if rate is None else f"{rate_text(rate)}/s"
            self._bar.update(self._task, advance=count, rate=shown)
        elif self.mode == "lines" and now - self._last >= self.interval:
            self._last = now
            self.stream.write(self.line(now) + "\n")
            self.stream.flush()

    def line(self, now: float | None = None) -> str:
        """The plain progress line."""
        elapsed = (now if now is not None else time.perf_counter()) - self._start
        rate = self.done / elapsed if elapsed > 0 else 0.0
        return gettext(self.locale, "{done}/{total} files, {rate} files/s").format(
            done=f"{self.done:,}", total=f"{self.total:,}", rate=rate_text(rate)
        )

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._bar is not None:
            self._bar.__exit__(kind, exc, tb)
            self._bar = None
