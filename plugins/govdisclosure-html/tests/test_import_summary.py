"""``govdisclosure import`` ends with one summary, in the import's own words.

The import's totals (files, fully imported, partly imported, failed; cells
placed, not placed) were followed by the batch line every other command
prints ("read, passed, failed, written, skipped"), in which a partly
imported page counted as "failed": two closing lines that seemed to
disagree.  One line now says it all, with what was written and the time;
the exit status stays the worst result.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli

DATA = Path(__file__).parent / "data"
PARTLY = DATA / "2009_gaj-gonganju_80645" / "page.html"  # legacy, placed by position
FULL = DATA / "2019_jjp-jinjing-pianqu_80564" / "page.html"
NO_TABLE = DATA / "2013_central-dishuiju_80774" / "page.html"

SUMMARY = {
    "en": (
        r"^2 files: 1 fully imported, 1 partly imported, 0 failed; 215 cells placed, "
        r"0 not placed; 4 files written; \d+\.\d s(, [\d.,]+ files/s)?$",
        r"^3 files: 1 fully imported, 1 partly imported, 1 failed; 215 cells placed, "
        r"0 not placed; 5 files written; \d+\.\d s(, [\d.,]+ files/s)?$",
        ("passed", "read:", "skipped"),
    ),
    "zh_Hans_CN": (
        r"^共 2 个文件：全部导入 1 个，部分导入 1 个，失败 0 个；导入单元格 215 个，"
        r"未能对应 0 个；写出 4 个文件；用时 \d+\.\d 秒(，每秒 [\d.,]+ 个文件)?$",
        r"^共 3 个文件：全部导入 1 个，部分导入 1 个，失败 1 个；导入单元格 215 个，"
        r"未能对应 0 个；写出 5 个文件；用时 \d+\.\d 秒(，每秒 [\d.,]+ 个文件)?$",
        ("通过", "已读取", "跳过"),
    ),
}


def _summaries(output: str) -> list[str]:
    """The closing lines: the lines that count files."""
    return [
        line for line in output.splitlines() if re.match(r"^(共 )?\d+ (个)?(files?|文件)", line)
    ]


@pytest.mark.parametrize("locale", list(SUMMARY))
def test_one_summary_whose_words_agree_with_the_exit_status(tmp_path: Path, locale: str) -> None:
    partly_and_full, with_a_failure, batch_words = SUMMARY[locale]
    runner = CliRunner()
    result = runner.invoke(
        cli, ["import", str(PARTLY), str(FULL), "-o", str(tmp_path / "a"), "-l", locale]
    )
    assert result.exit_code == 1, result.output  # partly imported: 1
    (line,) = _summaries(result.output)
    assert re.match(partly_and_full, line), line
    assert not any(word in result.output for word in batch_words), result.output

    result = runner.invoke(
        cli,
        ["import", str(PARTLY), str(FULL), str(NO_TABLE), "-o", str(tmp_path / "b"), "-l", locale],
    )
    assert result.exit_code == 2, result.output  # a page failed: 2
    (line,) = _summaries(result.output)
    assert re.match(with_a_failure, line), line


def test_quiet_keeps_the_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        cli, ["import", str(FULL), "-o", str(tmp_path), "-l", "en", "--quiet"]
    )
    assert result.exit_code == 0, result.output
    (line,) = _summaries(result.output)
    assert line.startswith("1 file: 1 fully imported, 0 partly imported, 0 failed; 198 cells")
    assert "2 files written" in line


def test_a_failed_file_is_said_in_the_locale(tmp_path: Path) -> None:
    missing = tmp_path / "nosuch.html"
    result = CliRunner().invoke(cli, ["import", str(missing), "-o", str(tmp_path), "-l", "zh_CN"])
    assert result.exit_code == 2, result.output
    assert f"{missing}: 失败：" in result.output and "失败: " not in result.output
    result = CliRunner().invoke(cli, ["import", str(missing), "-o", str(tmp_path), "-l", "en"])
    assert f"{missing}: failed: " in result.output
