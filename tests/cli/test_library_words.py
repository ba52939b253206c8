"""Another library's or the system's English is never what a Chinese message
says was found: it is the marked detail at the end, where it adds what ours
cannot say (docs/i18n.md, "The libraries' words")."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from govdisclosure.editions import Report
from govdisclosure.errors import LoadError, Problem, not_read
from govdisclosure.export.provenance import ProvenanceError
from govdisclosure.inputs import broken_loader
from govdisclosure.plugin import Loader
from govdisclosure.validation.review import load_acceptances


def _latin_outside_detail(text: str) -> set[str]:
    ours = re.sub(r"（详情：.*?）$", "", text)
    return set(re.findall(r"[A-Za-z]{3,}", ours))


@pytest.mark.parametrize(
    ("name", "text", "ours"),
    [
        ("accepted.toml", "fingerprint = \n", "第 1 行第 15 列：应为格式正确的 TOML"),
        ("accepted.json", '[{"fingerprint": ', "第 1 行第 18 列：应为格式正确的 JSON"),
    ],
)
def test_a_list_of_acceptances_that_does_not_parse(
    tmp_path: Path, name: str, text: str, ours: str
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_acceptances(path)
    line = caught.value.render("zh_Hans_CN").splitlines()[1]
    # Where the parser stopped, in the user's words; the parser's English
    # reason adds nothing to the line and column, so it is not shown.
    assert line == f"  $: {ours}", line
    assert "实际为" not in line and not _latin_outside_detail(line) - {"TOML", "JSON"}, line


def test_an_error_nothing_foresaw_is_a_readable_report_expected() -> None:
    error = not_read(RuntimeError("bad\nthings happened"), "a.json")
    assert error.render("zh_Hans_CN") == (
        "a.json: 无法读取报告（1）\n  $: 应为可读取的报告（详情：RuntimeError: bad things happened）"
    )
    assert error.render("en").endswith(
        "$: expected a readable report (detail: RuntimeError: bad things happened)"
    )


def _never(data: bytes, name: str) -> Report:
    raise AssertionError(name)


def test_a_loader_that_broke_is_named_and_its_words_are_the_detail() -> None:
    loader = Loader(name="demo", suffixes=frozenset({".demo"}), load=_never)
    error = broken_loader(loader, ZeroDivisionError("division by zero"), "x.demo")
    assert error.render("zh_Hans_CN").splitlines()[1] == (
        "  $: 应为读取插件能读取的文件；实际为 demo（详情：ZeroDivisionError: division by zero）"
    )


def test_a_provenance_that_is_not_json_marks_the_parsers_words() -> None:
    error = ProvenanceError("a.provenance.json", "is not JSON", "unexpected character: line 1")
    assert error.render("zh_Hans_CN") == (
        "a.provenance.json 不是 JSON 文件（详情：unexpected character: line 1）"
    )
    assert error.render("en") == (
        "a.provenance.json is not JSON (detail: unexpected character: line 1)"
    )


def test_a_problem_says_its_detail_last_and_marked() -> None:
    problem = Problem("$", "a readable file", detail="Stale file handle")
    assert problem.describe("zh_Hans_CN") == "应为可读取的文件（详情：Stale file handle）"
    assert problem.describe("en") == "expected a readable file (detail: Stale file handle)"


def test_validate_accepts_a_list_that_parses_not_one_that_does_not(tmp_path: Path) -> None:
    """The command line says it in Chinese too: where the parser stopped."""
    (tmp_path / "accepted.toml").write_text("fingerprint = \n", encoding="utf-8")
    report = Path(__file__).resolve().parents[2] / "examples" / "hongze-2024.json"
    result = CliRunner().invoke(
        cli,
        ["validate", str(report), "--accept", str(tmp_path / "accepted.toml"), "-l", "zh"],
    )
    assert result.exit_code == 2, result.output
    assert "$: 第 1 行第 15 列：应为格式正确的 TOML\n" in result.output, result.output
