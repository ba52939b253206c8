"""A slow run's rate is shown, not rounded to nothing.

Rendering two PDFs takes seconds each: the summary said ``每秒 0 个文件``
(``0 files/s``) and the progress line ``1/2 files, 0 files/s``, as if the
run stood still.  Below 10 files a second the rate keeps a tenth.
"""

from __future__ import annotations

import io

import pytest

from govdisclosure.batch import Progress, Summary


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
