"""A slow run's rate is shown, not rounded to nothing.

Rendering two PDFs takes seconds each: the summary said ``每秒 0 个文件``
(``0 files/s``) and the progress line ``1/2 files, 0 files/s``, as if the
run stood still.  Below 10 files a second the rate keeps a tenth.
"""

from __future__ import annotations

import io

import pytest

from govdisclosure.batch import Progress, Summary
from govdisclosure.batch.summary import MEASURABLE_SECONDS, timing


@pytest.mark.parametrize(
    ("locale", "said"),
    [("en", "4.8 s, 0.4 files/s"), ("zh_Hans_CN", "用时 4.8 秒，每秒 0.4 个文件")],
)
def test_a_slow_runs_rate_keeps_a_tenth(locale: str, said: str) -> None:
    summary = Summary(total=2, read=2, passed=2, written=2, start=0.0, end=4.8)
    assert summary.render(locale).endswith(said)


def test_a_fast_runs_rate_is_whole() -> None:
    summary = Summary(total=2000, read=2000, passed=2000, start=0.0, end=2.0)
    assert summary.render("en").endswith("2.0 s, 1,000 files/s")


def test_the_progress_line_keeps_a_tenth_too() -> None:
    progress = Progress(2, "en", stream=io.StringIO(), mode="lines")
    with progress:
        progress.done = 1
        start = progress._start
        assert progress.line(start + 2.5) == "1/2 files, 0.4 files/s"


@pytest.mark.parametrize(
    ("total", "said"),
    [(1, "Interrupted after 0 of 1 file; "), (3, "Interrupted after 1 of 3 files; ")],
)
def test_an_interrupted_runs_count_takes_its_plural_form(total: int, said: str) -> None:
    summary = Summary(total=total, read=total // 3, passed=total // 3, interrupted=True)
    summary.stop()
    assert summary.render("en").startswith(said)
    assert summary.render("zh_Hans_CN").startswith(
        f"已中断：{total} 个文件中已处理 {total // 3} 个"
    )


@pytest.mark.parametrize("seconds", [0.0, 0.004, 0.99])
@pytest.mark.parametrize(
    ("locale", "said"), [("en", "{seconds} s"), ("zh_Hans_CN", "用时 {seconds} 秒")]
)
def test_an_instant_runs_rate_is_not_shown(seconds: float, locale: str, said: str) -> None:
    """One file in "0.0 s" was said to go at thousands of files a second
    (a division by nothing): under a second the time alone is said."""
    summary = Summary(total=1, read=1, passed=1, start=0.0, end=seconds)
    shown = said.format(seconds=f"{seconds:.1f}")
    assert summary.render(locale).endswith(f"; {shown}" if locale == "en" else f"；{shown}")
    assert summary.to_dict()["files_per_second"] is None
    refused = Summary(total=1, read=1, refused="x", start=0.0, end=seconds)
    assert refused.render(locale).endswith(shown)


def test_the_rate_is_shown_from_the_measurable_time_on() -> None:
    summary = Summary(total=3, read=3, passed=3, start=0.0, end=MEASURABLE_SECONDS)
    assert summary.render("en").endswith(f"{MEASURABLE_SECONDS:.1f} s, 3.0 files/s")
    assert summary.to_dict()["files_per_second"] == 3.0


def test_every_closing_line_says_the_time_by_the_same_rule() -> None:
    """import counts in its own words but its time is the same function's."""
    from govdisclosure.cli.importing import _closing_line

    counts = {"full": 1, "partly": 0, "failed": 0}
    instant = Summary(total=1, read=1, passed=1, written=1, start=0.0, end=0.01)
    assert _closing_line(counts, 3, 0, instant, "en").endswith("1 file written; 0.0 s")
    slow = Summary(total=1, read=1, passed=1, written=1, start=0.0, end=2.0)
    assert _closing_line(counts, 3, 0, slow, "en").endswith("; 2.0 s, 0.5 files/s")
    assert timing("en", 1, 2.0) == "2.0 s, 0.5 files/s" and timing("en", 1, 0.0) == "0.0 s"


def test_the_progress_bar_shows_no_rate_before_it_is_measurable() -> None:
    progress = Progress(2, "en", stream=io.StringIO(), mode="bar")
    with progress:
        if progress._bar is None or progress._task is None:
            pytest.skip("no progress bar on this stream")
        progress.advance(1)
        assert progress._bar.tasks[0].fields["rate"] == ""
