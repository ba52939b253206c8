"""A glob pattern that matches no file is said as such, by every batch command.

It was handed on as a file name and said as a file that does not exist
(``nomatch/*.json: Cannot read report (1) / $: expected a file that
exists``; ``import``: ``no loader reads .json files``).  Now each command
says ``no file matches PATTERN`` in the locale, counts the pattern in its
summary as an input it could not read, and exits 2; the files that were
found are still processed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.batch import expand_inputs
from govdisclosure.cli import cli
from govdisclosure.i18n import gettext
from locations import EXAMPLES

HUAIAN = EXAMPLES / "huaian-2024.json"
PAGE = EXAMPLES / "pages" / "pingtan-2023.html"

#: Each batch command, with its options (OUT is the scratch folder) and the
#: file it reads.
COMMANDS = {
    "validate": ([], HUAIAN),
    "render": (["--to", "markdown", "-d", "{out}/md"], HUAIAN),
    "consolidate": (["--unit", "全市", "-o", "{out}/total.json"], HUAIAN),
    "import": (["-o", "{out}/imported"], PAGE),
    "export": (["--to", "csv", "-o", "{out}/cells.csv"], HUAIAN),
}


def _invoke(command: str, out: Path, locale: str, *inputs: str) -> tuple[int, str]:
    options, _ = COMMANDS[command]
    out.mkdir(exist_ok=True)
    args = [command, *inputs, *(o.format(out=out) for o in options), "-l", locale, "-j", "1"]
    result = CliRunner().invoke(cli, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.output


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_a_pattern_matching_nothing_is_said_counted_and_fails_the_run(
    tmp_path: Path, command: str, locale: str
) -> None:
    _, source = COMMANDS[command]
    found = tmp_path / "in" / source.name
    found.parent.mkdir()
    shutil.copy(source, found)
    pattern = str(tmp_path / "nothing" / "*-2024.*")
    code, output = _invoke(command, tmp_path / "out", locale, pattern, str(found))
    said = gettext(locale, "no file matches {pattern}").format(pattern=pattern)
    assert code == 2, output
    assert output.splitlines()[0] == said, output  # said first, on a line of its own
    assert gettext(locale, "a file that exists") not in output  # not a file that is missing
    assert gettext(locale, "no loader reads {suffix} files").format(suffix=".*") not in output
    # The file that was found is still processed, and the pattern is counted.
    if command == "validate":
        assert "2 files: 1 passed, 0 with errors, 1 unreadable" in output or locale != "en"
        assert "共 2 个文件：1 个通过，0 个有错误，1 个无法读取" in output or locale == "en"
    elif command == "import":
        assert "2 files: 1 fully imported, 0 partly imported, 1 failed" in output or locale != "en"
        assert "共 2 个文件：全部导入 1 个，部分导入 0 个，失败 1 个" in output or locale == "en"
    elif command == "consolidate":
        assert not (tmp_path / "out" / "total.json").exists()  # a total without it is wrong
        reason = gettext(
            locale, "a pattern that matches no file: a total without its files would be wrong"
        )
        assert reason in output
    else:
        assert "1 file read: 1 passed, 0 failed, 1 written, 1 skipped" in output or locale != "en"
        assert (
            "已读取 1 个文件：1 个通过，0 个未通过，写出 1 个，跳过 1 个" in output
            or locale == "en"
        )


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_only_patterns_matching_nothing_end_with_a_summary(tmp_path: Path, command: str) -> None:
    """Not "no input files found" (bad usage): the patterns are said and counted."""
    first, second = str(tmp_path / "a-*.json"), str(tmp_path / "b-*.json")
    code, output = _invoke(command, tmp_path / "out", "en", first, second, first)
    assert code == 2, output
    lines = output.splitlines()
    assert lines[:2] == [f"no file matches {first}", f"no file matches {second}"], output
    assert output.count(first) == 1  # named twice, said once
    assert "No input files found" not in output
    assert "2 skipped" in output or "2 unreadable" in output or "2 failed" in output, output
    assert not (tmp_path / "out" / "total.json").exists()
    assert not (tmp_path / "out" / "cells.csv").exists()


def test_validate_json_lists_the_pattern_as_an_unreadable_input(tmp_path: Path) -> None:
    pattern = str(tmp_path / "*.json")
    result = CliRunner().invoke(
        cli, ["validate", pattern, str(HUAIAN), "--format", "json", "-l", "en", "-j", "1"]
    )
    assert result.exit_code == 2
    document = json.loads(result.stdout)
    assert document["reports"][0] == {"file": pattern, "readable": False}
    finding = document["findings"][0]
    assert (finding["file"], finding["rule"], finding["path"]) == (pattern, "load", "$")
    assert finding["message"] == f"no file matches {pattern}"
    assert f"no file matches {pattern}" in result.stderr


def test_expansion_hands_back_the_patterns_matching_nothing(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("{}", encoding="utf-8")
    missing = str(tmp_path / "nothing-*.json")
    unmatched: list[str] = []
    files = expand_inputs([missing, str(tmp_path / "*.json"), missing], unmatched=unmatched)
    assert list(files) == [str(tmp_path / "a.json")] and unmatched == [missing]
    assert list(expand_inputs([missing])) == [missing]  # without the list: kept, to be reported
