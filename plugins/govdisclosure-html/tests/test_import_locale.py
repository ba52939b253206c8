"""The importer's messages and the import summary, in Chinese (the default) and English.

Every part of a message is in the reader's locale: the sentence, the reason
a cell cannot be read, the official table and cell it names.  What was
printed (a cell's text, a label as the publisher printed it) stays as
printed in both.  The pages are our own rendering of the 淮安 2024 example
(examples/huaian-2024.json) with one defect put in, and the portal pages of
tests/data.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure_html import ImportProblem, import_html
from govdisclosure_html.importer import doubtful_cells

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
DATA = Path(__file__).parent / "data"
#: An English word of three letters or more: none belongs in a Chinese message
#: (rule names such as narrative.applications aside, which are codes).
_ENGLISH = re.compile(r"(?<![.\w])[A-Za-z]{3,}(?![.\w])")


@pytest.fixture(scope="module")
def page() -> str:
    return gd.render(gd.load(EXAMPLES / "huaian-2024.json"), "html").decode("utf-8")


def _problem(html: str, code: str) -> ImportProblem:
    result = import_html(html.encode("utf-8"), "page.html")
    found = [p for p in result.problems if p.code == code]
    assert found, [p.code for p in result.problems]
    return found[0]


def test_an_unreadable_cell_says_why_in_both_locales(page: str) -> None:
    problem = _problem(page.replace("3985758", "3985758 左右", 1), "cell-unreadable")
    assert problem.message("en") == (
        "Cell “3985758 左右” cannot be read as a figure (not a number); left blank"
    )
    assert problem.message("zh_Hans_CN") == "单元格“3985758 左右”无法读作数字（不是数字），留空"


def test_a_missing_table_is_named_in_the_readers_language(page: str) -> None:
    last = page.rfind("<table")
    problem = _problem(page[:last] + page[page.find("</table>", last) + 8 :], "table-missing")
    assert "Administrative reconsideration and litigation" in problem.message("en")
    assert "四、政府信息公开行政复议、行政诉讼情况" in problem.message("zh_Hans_CN")
    assert not _ENGLISH.search(problem.message("zh_Hans_CN"))


def test_a_missing_cell_is_named_by_its_official_labels_in_both_locales(page: str) -> None:
    # Words where the figure should be: no figure is printed for the cell.
    problem = _problem(page.replace(">3985758<", ">三百万<", 1), "cell-missing")
    assert problem.message("en") == (
        "No printed cell for Administrative penalties / Decisions made this year; left blank"
    )
    assert "行政处罚 / 本年处理决定数量" in problem.message("zh_Hans_CN")


def test_cells_placed_by_position_are_said_to_be_doubtful() -> None:
    # 2009: the 指标名称 / 计量单位 / 年末统计 layout; its value column is no template column.
    data = (DATA / "2009_gaj-gonganju_80645" / "page.html").read_bytes()
    result = import_html(data, "page.html")
    doubtful = [p for p in result.problems if p.code == "cells-doubtful"]
    assert len(doubtful) == 1
    count = sum(1 for c in result.provenance.cells if c.doubtful)
    assert doubtful[0].message("en").startswith(f"{count} cells were placed with doubt")
    assert doubtful[0].message("zh_Hans_CN").startswith(f"{count} 个单元格的对应有疑问")


@pytest.mark.parametrize(
    ("locale", "summary", "state"),
    [
        (
            "en",
            "9 files: 5 fully imported, 1 partly imported, 3 failed; 1,015 cells placed, 0 not placed",
            "partly imported (17 cells placed, 0 not placed)",
        ),
        (
            "zh_Hans_CN",
            "共 9 个文件：全部导入 5 个，部分导入 1 个，失败 3 个；导入单元格 1,015 个，未能对应 0 个",
            "部分导入（导入 17 个单元格，0 个未能对应）",
        ),
    ],
)
def test_the_summary_and_every_line_in_the_locale(
    tmp_path: Path, locale: str, summary: str, state: str
) -> None:
    result = CliRunner().invoke(cli, ["import", str(DATA), "-o", str(tmp_path), "--locale", locale])
    assert result.exit_code == 2, result.output
    assert summary in result.output
    assert state in result.output
    if locale == "zh_Hans_CN":
        for line in result.output.splitlines():
            if line.startswith("  ") and "→" not in line:  # the messages under each file
                assert not _ENGLISH.search(line.split("：", 1)[0]), line
        assert "页面没有统计表（只有文字）" in result.output
    else:
        assert "The page has no statistics table (text only)" in result.output


@pytest.mark.parametrize(
    ("count", "en", "zh"),
    [
        (1, "1 cell was placed with doubt (", "1 个单元格的对应有疑问（"),
        (1200, "1,200 cells were placed with doubt (", "1,200 个单元格的对应有疑问（"),
    ],
)
def test_the_doubtful_count_takes_its_plural_form(count: int, en: str, zh: str) -> None:
    # It said "1 cells were placed with doubt": one message for every count.
    problem = doubtful_cells(count)
    assert problem.code == "cells-doubtful"
    assert problem.message("en").startswith(en)
    assert problem.message("zh_Hans_CN").startswith(zh)
