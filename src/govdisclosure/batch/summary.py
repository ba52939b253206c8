"""The closing line of a batch run and its exit status.

Counted per file: read (an input was taken up), passed, failed (findings of
severity error, or a render/import that failed), written (output files),
skipped (unreadable or refused inputs, left out of the run).  An input
that gave no file -- a glob pattern matching none, a folder holding none
(:attr:`Summary.unmatched`, :attr:`Summary.empty`) -- is not a file: it is
counted apart and said after the files' counts (``2 patterns matching no
file, 1 folder with no file to read``), so that "N files" is the number of
files, whatever the command line named them by.  A run that
makes one output from all its inputs (``consolidate``) can be *refused* as a
whole (inputs of different years, a unit counted twice): no file passed or
failed, so the line says it was refused and why instead.  The exit status is
the worst result: 2 when a file was skipped, an input gave no file, the
run was refused or interrupted, 1 when a file failed, else 0.

Every batch command's closing line ends with the time it took
(:func:`timing`): the seconds, and the files per second only when the run
took :data:`MEASURABLE_SECONDS` or more.  A run shorter than that is mostly
the command starting (Python, its imports, the worker processes), and one
file read in "0.0 s" gave a rate of thousands (or, in no time at all, none
that can be written) that said nothing of how fast files are read.
"""

from __future__ import annotations

import time
from typing import Final

from attrs import define, field

from ..i18n import gettext, ngettext

__all__ = [
    "MEASURABLE_SECONDS",
    "Summary",
    "after_interruption",
    "inputs_without_files",
    "measured_rate",
    "rate_text",
    "timing",
]

#: The shortest run whose files per second are shown (seconds): below it
#: the time is mostly the command starting, not the files.
MEASURABLE_SECONDS: Final = 1.0


def rate_text(rate: float) -> str:
    """Files per second as shown: a tenth below 10 (a PDF takes seconds, and
    "0 files/s" said the run did nothing), whole numbers above."""
    return f"{rate:,.1f}" if rate < 10 else f"{rate:,.0f}"


def measured_rate(files: int, seconds: float) -> float | None:
    """Files per second over ``seconds``, or ``None`` when the time is too
    short to measure a rate by (under :data:`MEASURABLE_SECONDS`)."""
    return files / seconds if seconds >= MEASURABLE_SECONDS else None


def timing(locale: str, files: int, seconds: float) -> str:
    """The time part of a batch command's closing line: ``{seconds} s,
    {rate} files/s``, or ``{seconds} s`` alone when the run was too short to
    measure a rate by (:func:`measured_rate`)."""
    shown = f"{seconds:.1f}"
    rate = measured_rate(files, seconds)
    if rate is None:
        return gettext(locale, "{seconds} s").format(seconds=shown)
    return gettext(locale, "{seconds} s, {rate} files/s").format(
        seconds=shown, rate=rate_text(rate)
    )


def after_interruption(summary: str, done: int, total: int, locale: str) -> str:
    """``summary`` of a run stopped by Ctrl-C, led by how far it got: the
    counts alone would read as a run that had fewer files."""
    interrupted = ngettext(
        locale,
        "Interrupted after {done} of {total} file",
        "Interrupted after {done} of {total} files",
        total,
    ).format(done=f"{done:,}", total=f"{total:,}")
    return gettext(locale, "{interrupted}; {summary}").format(
        interrupted=interrupted, summary=summary
    )


def inputs_without_files(locale: str, unmatched: int, empty: int) -> str | None:
    """The inputs that gave no file, in ``locale`` (``1 pattern matching no
    file, 2 folders with no file to read``), or ``None`` when there is none."""
    said = []
    if unmatched:
        said.append(
            ngettext(
                locale, "{n} pattern matching no file", "{n} patterns matching no file", unmatched
            ).format(n=f"{unmatched:,}")
        )
    if empty:
        said.append(
            ngettext(
                locale, "{n} folder with no file to read", "{n} folders with no file to read", empty
            ).format(n=f"{empty:,}")
        )
    if not said:
        return None
    if len(said) == 1:
        return said[0]
    return gettext(locale, "{first}, {then}").format(first=said[0], then=said[1])


@define
class Summary:
    """Counts of a batch run (see the module docstring)."""

    total: int = 0
    read: int = 0
    passed: int = 0
    failed: int = 0
    written: int = 0
    skipped: int = 0
    #: Inputs that gave no file (not counted in ``total``): glob patterns
    #: that matched none, folders that held none.
    unmatched: int = 0
    empty: int = 0
    interrupted: bool = False
    #: Why the run was refused as a whole, said in the run's locale (None: not refused).
    refused: str | None = None
    #: Whether the run was refused by writing nothing (``export``, every input
    #: missing or unreadable) rather than by declining to add up (``consolidate``).
    refused_writing: bool = False
    start: float = field(factory=time.perf_counter)
    end: float | None = None

    def stop(self) -> None:
        """Fix the elapsed time."""
        self.end = time.perf_counter()

    @property
    def seconds(self) -> float:
        return (self.end if self.end is not None else time.perf_counter()) - self.start

    @property
    def rate(self) -> float | None:
        """Files per second (files read over the whole elapsed time), or
        ``None`` for a run too short to measure it (:func:`measured_rate`)."""
        return measured_rate(self.read, self.seconds)

    def timing(self, locale: str) -> str:
        """The time part of the closing line (:func:`timing`, files read)."""
        return timing(locale, self.read, self.seconds)

    def tail(self, locale: str, time: str | None = None) -> str:
        """What ends the closing line: the inputs that gave no file, if any
        (:func:`inputs_without_files`), then the time (``time``, else
        :meth:`timing`)."""
        time = self.timing(locale) if time is None else time
        inputs = inputs_without_files(locale, self.unmatched, self.empty)
        if inputs is None:
            return time
        return gettext(locale, "{inputs}; {time}").format(inputs=inputs, time=time)

    @property
    def exit_code(self) -> int:
        missing = self.skipped or self.unmatched or self.empty
        if missing or self.interrupted or self.refused is not None:
            return 2
        return 1 if self.failed else 0

    def to_dict(self) -> dict[str, object]:
        seconds = self.seconds
        rate = measured_rate(self.read, seconds)
        return {
            "files": self.total,
            "read": self.read,
            "passed": self.passed,
            "failed": self.failed,
            "written": self.written,
            "skipped": self.skipped,
            "unmatched_patterns": self.unmatched,
            "empty_folders": self.empty,
            "interrupted": self.interrupted,
            "refused": self.refused,
            "seconds": round(seconds, 3),
            "files_per_second": None if rate is None else round(rate, 1),
        }

    def render(self, locale: str) -> str:
        text = self._render_refused(locale) if self.refused is not None else self._counts(locale)
        if self.interrupted:
            # Also a run refused before Ctrl-C: its counts are of the files done.
            text = after_interruption(text, self.read + self.skipped, self.total, locale)
        return text

    def _counts(self, locale: str) -> str:
        return ngettext(
            locale,
            "{read} file read: {passed} passed, {failed} failed, {written} written, "
            "{skipped} skipped; {time}",
            "{read} files read: {passed} passed, {failed} failed, {written} written, "
            "{skipped} skipped; {time}",
            self.read,
        ).format(
            read=f"{self.read:,}",
            passed=f"{self.passed:,}",
            failed=f"{self.failed:,}",
            written=f"{self.written:,}",
            skipped=f"{self.skipped:,}",
            time=self.tail(locale),
        )

    def _render_refused(self, locale: str) -> str:
        if self.refused_writing:
            return ngettext(
                locale,
                "{read} file read: nothing written ({reason}), {skipped} skipped; {time}",
                "{read} files read: nothing written ({reason}), {skipped} skipped; {time}",
                self.read,
            ).format(
                read=f"{self.read:,}",
                reason=self.refused,
                skipped=f"{self.skipped:,}",
                time=self.tail(locale),
            )
        return ngettext(
            locale,
            "{read} file read: refused ({reason}), nothing written, {skipped} skipped; {time}",
            "{read} files read: refused ({reason}), nothing written, {skipped} skipped; {time}",
            self.read,
        ).format(
            read=f"{self.read:,}",
            reason=self.refused,
            skipped=f"{self.skipped:,}",
            time=self.tail(locale),
        )
