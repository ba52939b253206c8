"""validate's findings in a narrow terminal: no date, path or rule id broken.

rich breaks lines at spaces only, and Chinese text has none: a message such
as ``发布日期2012-04-11晚于截止日期2012-03-31（…）`` was one word, folded
where the column ended (``2012-0`` / ``4-11``), and at 80 columns a long
JSON path was folded inside its column (``…commercial_e`` / ``nterprise``).
Now the message is broken where a reader breaks it (:mod:`._wrap`), the
rule and path column is as wide as its longest line, and a terminal too
narrow for that gets one finding per block.
"""

from __future__ import annotations

import json
import re

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from govdisclosure.cli import cli
from govdisclosure.cli._wrap import pieces, wrap
from locations import EXAMPLES

FILES = ["pingtan-2011.json", "hongze-2024.json", "yuxi-2017.json", "shanghai-szfbgt-2019.json"]
_TOKEN = re.compile(r"\d{4}-\d{2}-\d{2}|\d[\d,.]*")


def _findings(locale: str, name: str) -> list[dict[str, str]]:
    result = CliRunner().invoke(
        cli, ["validate", str(EXAMPLES / name), "--format", "json", "-l", locale, "-j", "1"]
    )
    findings: list[dict[str, str]] = json.loads(result.stdout)["findings"]
    return findings[:100]  # the text shows the first 100


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("columns", [40, 60, 80, 120])
def test_no_date_path_or_rule_is_broken(columns: int, locale: str, name: str) -> None:
    result = CliRunner().invoke(
        cli,
        ["validate", str(EXAMPLES / name), "-l", locale, "-j", "1"],
        env={"COLUMNS": str(columns)},
    )
    assert result.exit_code in (0, 1), result.output
    lines = result.stdout.splitlines()
    # Each line's words (the table's borders taken out): a rule id or a
    # path is one of them, whole, never a piece of one broken over lines.
    words = {word for line in lines for word in re.split(r"[\s│┃]+", line)}
    findings = _findings(locale, name)
    assert findings
    for finding in findings:
        assert finding["rule"] in words and finding["path"] in words, (finding, result.stdout)
        for token in _TOKEN.findall(finding["message"]):
            assert any(token in line for line in lines), (token, result.stdout)
    for line in lines:  # nothing wider than the terminal but a path said whole
        assert (
            cell_len(line) <= columns or any(f["path"] in line for f in findings) or (name in line)
        ), line


@given(st.text(alphabet="2024-03-01 年月日发布晚于（）“”，。abc$._[]'", max_size=80))
@settings(max_examples=300, deadline=None)
def test_wrapping_keeps_the_text_and_breaks_only_between_pieces(text: str) -> None:
    for width in (6, 12, 30):
        lines = wrap(text, width)
        joined = "".join(pieces(text)).replace(" ", "")
        assert "".join(lines).replace(" ", "") == joined == text.replace(" ", "")
        for line in lines:
            piece_widths = [cell_len(p.rstrip(" ")) for p in pieces(line)]
            assert cell_len(line) <= width or max(piece_widths, default=0) > width


def test_wrapping_breaks_where_a_reader_does() -> None:
    text = "发布日期2012-04-11晚于截止日期2012-03-31（条例（国务院令第492号）第三十一条）"
    assert wrap(text, 16) == [
        "发布日期",
        "2012-04-11晚于截",
        "止日期2012-03-31",
        "（条例（国务院令",
        "第492号）第三十",
        "一条）",
    ]
    # A space beside Chinese text is not a place to break (``0 项``); no line
    # starts with closing punctuation or ends with opening punctuation.
    assert wrap("26 项通过，0 项不通过", 11) == ["26 项通过，", "0 项不通过"]
    assert wrap("a deadline 2018-03-31 (条例)", 12) == ["a deadline", "2018-03-31", "(条例)"]
