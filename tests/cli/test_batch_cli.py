"""Batch runs: directories and globs, worker processes, a bad file in the middle, JSON Lines."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.aggregate import consolidate
from govdisclosure.aggregate import stream as stream_module
from govdisclosure.aggregate.stream import consolidate_stream
from govdisclosure.batch import Progress, Summary, expand_inputs, run_chunks, run_files
from govdisclosure.cli import cli
from govdisclosure.editions import Report
from govdisclosure.testing.strategies import report_families
from locations import EXAMPLES


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """30 reports in nested folders (copies of the examples) and one broken file among them."""
    root = tmp_path / "corpus"
    for i in range(5):
        folder = root / f"batch{i}"
        folder.mkdir(parents=True)
        for source in sorted(EXAMPLES.glob("*.json"))[:6]:
            shutil.copy(source, folder / f"{source.stem}-{i}.json")
    (root / "batch2" / "m-broken.json").write_text('{"unit": ', encoding="utf-8")
    (root / "batch2" / "notes.txt").write_text("not a report", encoding="utf-8")
    return root


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_expansion_walks_directories_filters_and_globs(corpus: Path) -> None:
    files = expand_inputs([str(corpus)])
    assert len(files) == 31 and all(p.endswith(".json") for p in files)
    assert files == sorted(files, key=lambda p: Path(p).parts)  # in path order
    assert len(expand_inputs([str(corpus)], pattern="batch1/hu*")) == 1  # relative pattern
    assert len(expand_inputs([str(corpus)], pattern="huaian-*")) == 5
    assert len(expand_inputs([str(corpus / "batch*" / "*-3.json")])) == 6
    assert len(expand_inputs([str(corpus / "**" / "*.txt")])) == 1
    assert len(expand_inputs([str(corpus / "batch[01]")])) == 12  # directories it matches
    missing = str(corpus / "nothing-*.json")
    assert expand_inputs([missing]) == [missing]  # kept, to be reported


def test_run_files_keeps_order_with_workers() -> None:
    items = list(range(200))
    assert list(run_files(abs, [-i for i in items], jobs=2)) == items


def test_validate_a_directory_with_a_broken_file(corpus: Path) -> None:
    code1, out1, _ = run("validate", str(corpus), "--jobs", "1", "-l", "en")
    code2, out2, err2 = run("validate", str(corpus), "--jobs", "2", "-l", "en")
    assert out1 == out2  # same output, same order, with workers
    assert code1 == code2 == 2  # the worst result: an unreadable file
    assert "m-broken.json" in err2 and "well-formed JSON" in err2
    # One closing line, on standard error: the counts in validate's words
    # and the time, not a second batch line repeating them in others.
    closing = err2.splitlines()[-1]
    assert closing.startswith("31 files: 25 passed, 5 with errors, 1 unreadable; "), closing
    assert closing.endswith(" s") or closing.endswith(" files/s"), closing
    assert "passed" not in out2.split("\n\n")[-1] and "files read" not in err2
    # the files after the broken one were checked
    assert out2.index("batch2") < out2.index("batch3")


def test_jsonl_streams_one_object_per_line(corpus: Path) -> None:
    code, out, _ = run("validate", str(corpus), "--format", "jsonl", "-j", "2", "-l", "en")
    assert code == 2
    lines = [json.loads(line) for line in out.splitlines()]
    reports = [x for x in lines if x["type"] == "report"]
    assert len(reports) == 31
    assert [r["file"] for r in reports] == expand_inputs([str(corpus)])
    assert sum(not r["readable"] for r in reports) == 1
    findings = [x for x in lines if x["type"] == "finding"]
    assert findings and all({"file", "rule", "fingerprint"} <= set(f) for f in findings)
    assert lines[-1]["type"] == "summary" and lines[-1]["skipped"] == 1
    # the same findings as the one-document JSON
    _, document, _ = run("validate", str(corpus), "--format", "json", "-l", "en")
    assert [{k: v for k, v in f.items() if k != "type"} for f in findings] == json.loads(document)[
        "findings"
    ]


def test_render_a_directory_skips_what_it_cannot_read(corpus: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "md"
    code, _, err = run(
        "render",
        str(corpus / "batch2"),
        "--to",
        "markdown",
        "-d",
        str(out_dir),
        "-j",
        "2",
        "-l",
        "en",
    )
    assert code == 2
    written = sorted(p.name for p in out_dir.iterdir())
    assert len(written) == 6 and "m-broken.md" not in written
    assert all((out_dir / name).read_text(encoding="utf-8").startswith("#") for name in written)
    assert "6 read: 6 passed, 0 failed, 6 written, 1 skipped" in err.replace("files ", "")


def test_consolidate_a_directory_writes_nothing_when_a_file_is_bad(
    corpus: Path, tmp_path: Path
) -> None:
    target = tmp_path / "total.json"
    code, _, err = run(
        "consolidate", str(corpus / "batch2"), "-u", "全市", "-o", str(target), "-l", "en"
    )
    assert code == 2 and not target.exists() and "m-broken.json" in err


def test_consolidate_a_directory_same_as_the_function(tmp_path: Path) -> None:
    sources = sorted((EXAMPLES / "consolidation").glob("*.json"))
    target = tmp_path / "total.json"
    code, _, err = run(
        "consolidate", str(EXAMPLES / "consolidation"), "-u", "全区", "-o", str(target), "-j", "2"
    )
    assert code == 0, err
    expected = consolidate([gd.load(p) for p in sources], "全区")
    assert gd.load(target) == expected


def test_streamed_consolidation_equals_consolidate(monkeypatch: pytest.MonkeyPatch) -> None:
    sources = [gd.load(p) for p in sorted((EXAMPLES / "consolidation").glob("*.json"))]
    monkeypatch.setattr(stream_module, "CHUNK", 2)  # several chunks, then the partial sums
    assert consolidate_stream(sources, "全区") == consolidate(sources, "全区")
    without = consolidate_stream(sources, "全区", keep_parts=False)
    full: Any = consolidate(sources, "全区")
    assert without == attrs.evolve(full, parts=())


def test_summary_and_plain_progress_lines() -> None:
    import io

    stream = io.StringIO()
    with Progress(3, "en", stream=stream, mode="lines", interval=0.0) as progress:
        for _ in range(3):
            progress.advance()
    assert stream.getvalue().splitlines()[-1].startswith("3/3 files, ")
    summary = Summary(total=3, read=2, passed=1, failed=1, skipped=1)
    summary.stop()
    assert summary.exit_code == 2
    assert summary.render("en").startswith("2 files read: 1 passed, 1 failed, 0 written, 1 skipped")


@settings(max_examples=40, deadline=None)
@given(
    family=st.sampled_from(["2021", "2019", "legacy"]).flatmap(
        lambda e: report_families(e, min_size=1, max_size=7, blanks=True)
    ),
    chunk=st.integers(1, 4),
)
def test_streamed_consolidation_equals_consolidate_on_families(
    family: list[Report], chunk: int
) -> None:
    saved = stream_module.CHUNK
    stream_module.CHUNK = chunk
    try:
        assert consolidate_stream(family, "全市") == consolidate(family, "全市")
    finally:
        stream_module.CHUNK = saved


def test_ctrl_c_stops_with_the_summary_so_far_and_writes_nothing(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    original = Progress.advance

    def interrupt_after_three(self: Progress, count: int = 1) -> None:
        original(self, count)
        if self.done == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(Progress, "advance", interrupt_after_three)
    code, out, err = run("validate", str(corpus), "-j", "2", "--format", "jsonl", "-l", "en")
    assert code == 2
    # The files the workers had in hand are checked and reported too (each
    # worker stops after its file in hand): 3 and a few more, never all.
    lines = [json.loads(line) for line in out.splitlines()]
    read = sum(x["type"] == "report" for x in lines)
    assert 3 <= read < 31
    assert f"Interrupted after {read} of 31 files; {read} files: " in err
    assert "files read" not in err
    assert lines[-1] == {**lines[-1], "type": "summary", "interrupted": True, "read": read}
    target = tmp_path / "cells.parquet"
    code, _, err = run("export", str(corpus), "-o", str(target), "-j", "2", "-l", "en")
    assert code == 2 and "Interrupted" in err
    assert not target.exists() and list(tmp_path.glob(".cells.parquet*")) == []


_names = st.text(alphabet="ab.-_中/", min_size=1, max_size=8).filter(
    lambda s: not s.startswith("/") and "//" not in s and not s.endswith("/")
)


@given(st.lists(_names, max_size=40), st.booleans())
@settings(max_examples=200, deadline=None)
def test_file_list_is_the_list_it_was_given(paths: list[str], unique: bool) -> None:
    """A FileList is an ordinary sequence of the paths added: same order, same
    items (a repeat left out when unique), indexing and slicing as a list."""
    from govdisclosure.batch import FileList

    files = FileList(paths, unique=unique)
    expected = list(dict.fromkeys(paths)) if unique else paths
    assert list(files) == expected and len(files) == len(expected)
    assert [files[i] for i in range(len(expected))] == expected
    assert [files[i] for i in range(-len(expected), 0)] == expected
    assert files[1:-1:2] == expected[1:-1:2]
    assert files == expected
    with pytest.raises(IndexError):
        files[len(expected)]


def test_expansion_order_is_the_path_order_of_every_file(tmp_path: Path) -> None:
    """Walking a folder at a time gives the order of sorting all paths by
    component, files and subfolders interleaved by name."""
    names = ["b.json", "a/z.json", "a.json", "a0/x.json", "c/d/e.json", "c/a.json", "bb.json"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}", encoding="utf-8")
    (tmp_path / "a" / "z.provenance.json").write_text("{}", encoding="utf-8")
    listed = expand_inputs([str(tmp_path)])
    assert list(listed) == sorted(
        (str(tmp_path / n) for n in names), key=lambda p: Path(p).parts
    )  # and an import's provenance is not taken for a report
    # a file named twice (directly and through its directory) is kept once
    assert len(expand_inputs([str(tmp_path / "a.json"), str(tmp_path)])) == len(names)
    assert len(expand_inputs([str(tmp_path / "a.json"), str(tmp_path)], unique=False)) == 8


def test_a_pattern_takes_no_provenance_for_a_report(tmp_path: Path) -> None:
    """A folder of imports named by a pattern (``'imported/**/*.json'``) or
    filtered by ``--glob '*.json'`` gives its reports, as the folder itself
    does: the ``NAME.provenance.json`` beside each is no report.  Named
    explicitly, a provenance file is kept, so the command says what it is."""
    reports = [tmp_path / "a.json", tmp_path / "sub" / "b.json"]
    for report in reports:
        report.parent.mkdir(parents=True, exist_ok=True)
        report.write_text("{}", encoding="utf-8")
        report.with_suffix(".provenance.json").write_text("{}", encoding="utf-8")
    wanted = [str(r) for r in reports]
    assert list(expand_inputs([str(tmp_path)])) == wanted
    assert list(expand_inputs([f"{tmp_path}/**/*.json"])) == wanted
    assert list(expand_inputs([str(tmp_path)], pattern="*.json")) == wanted
    named = str(tmp_path / "a.provenance.json")
    assert list(expand_inputs([named])) == [named]


class _Counted(Sequence[int]):
    """A sequence that counts how many items have been taken from it."""

    def __init__(self, n: int) -> None:
        self.n = n
        self.taken = 0

    def __len__(self) -> int:
        return self.n

    def __getitem__(self, index: int) -> int:  # type: ignore[override]
        return index

    def __iter__(self) -> Iterator[int]:
        for i in range(self.n):
            self.taken += 1
            yield i


def test_workers_hold_only_a_few_chunks_in_flight() -> None:
    """Chunks are submitted as results are taken: the first result comes back
    before more than jobs x AHEAD chunks were read from the input."""
    from govdisclosure.batch.runner import AHEAD

    items = _Counted(10_000)
    chunks = run_chunks(sum, items, jobs=2, size=10)
    count, first = next(chunks)
    assert (count, first) == (10, sum(range(10)))
    assert items.taken <= (2 * AHEAD + 1) * 10
    rest = [total for _, total in chunks]
    assert sum(rest) + first == sum(range(10_000)) and items.taken == 10_000


def test_a_folder_with_no_input_names_where_they_were_looked_for(tmp_path: Path) -> None:
    """Among a script's many runs, "no input" alone does not say which folder
    (or --glob) was empty, nor what was looked for in it."""
    empty = tmp_path / "报告 2024"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a report", encoding="utf-8")
    code, _, err = run("validate", str(empty), "-l", "en")
    assert code == 2 and f"{empty} holds no " in err and ".json" in err
    out = str(tmp_path / "c.parquet")
    code, _, err = run("export", str(empty), "-o", out, "--glob", "*.x", "-l", "en")
    assert code == 2 and f"{empty} holds no file matching *.x" in err


def test_an_interrupted_summary_joins_its_parts_in_the_locale() -> None:
    summary = Summary(total=3, read=1, passed=1, interrupted=True)
    summary.stop()
    assert summary.render("en").startswith("Interrupted after 1 of 3 files; 1 file read:")
    chinese = summary.render("zh_Hans_CN")
    assert chinese.startswith("已中断：3 个文件中已处理 1 个；已读取 1 个文件"), chinese
    assert ";" not in chinese


def test_a_run_refused_then_interrupted_says_how_far_it_got() -> None:
    """``consolidate`` of mixed editions, stopped by Ctrl-C after the refusal:
    the line said "2,003 files read: refused (…)" of a 2,800-file run, as if
    the run had only those files."""
    summary = Summary(total=5, read=3, skipped=1, interrupted=True, refused="reason")
    summary.stop()
    assert summary.render("en").startswith(
        "Interrupted after 4 of 5 files; 3 files read: refused (reason), nothing written"
    )
    assert summary.render("zh_Hans_CN").startswith(
        "已中断：5 个文件中已处理 4 个；已读取 3 个文件：拒绝汇总"
    )
    assert summary.exit_code == 2
