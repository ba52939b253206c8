"""A report file that is not one is said wholly in the user's language.

What ``validate`` prints of a file it cannot read (a download cut short,
a field left out, an unknown edition) came partly from the code: the JSON
parser's English reason (``unexpected end of data: line 55 column 122``),
the word ``nothing`` for a missing field, the list of editions.  Each is a
catalog message now, and a parse error's place is given as line and column.
"""

from __future__ import annotations

import re
from pathlib import Path

import orjson
from click.testing import CliRunner

from govdisclosure.cli import cli
from locations import EXAMPLES

HUAIAN = EXAMPLES / "huaian-2024.json"


def _files(tmp_path: Path) -> dict[str, Path]:
    text = HUAIAN.read_text(encoding="utf-8")
    doc = orjson.loads(text)
    no_unit = dict(doc)
    del no_unit["unit"]
    other_edition = {**doc, "edition": "2022"}
    files = {
        "cut.json": text[:1000],
        "no-unit.json": orjson.dumps(no_unit).decode(),
        "edition.json": orjson.dumps(other_edition).decode(),
        "more.json": text + "\n{}",
        "comma.json": '{"edition": "2021",}',
        "literal.json": '{\n  "edition": tru\n}',
    }
    out = {}
    for name, content in files.items():
        out[name] = tmp_path / name
        out[name].write_text(content, encoding="utf-8")
    return out


def _validate(tmp_path: Path, locale: str) -> str:
    files = _files(tmp_path)
    result = CliRunner().invoke(cli, ["validate", "-l", locale, *map(str, files.values())])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.output


def test_unreadable_reports_are_said_in_chinese(tmp_path: Path) -> None:
    out = _validate(tmp_path, "zh_Hans_CN")
    line = next(x for x in out.splitlines() if x.startswith("  $") and "截断" in x)
    assert re.fullmatch(
        r"  \$: 第 \d+ 行第 \d+ 列：应为格式正确的 JSON：文本在报告结束前中断（文件是否被截断？）",
        line,
    ), line
    assert "  $.unit: 应为必填字段（文件中缺少该字段）\n" in out
    assert "  $.edition: 应为格式版本“2021”“2019”或“legacy”；实际为 '2022'\n" in out
    assert re.search(r"  \$: 第 \d+ 行第 1 列：应为格式正确的 JSON：报告结束后仍有文字\n", out)
    assert "  $: 第 1 行第 19 列：应为格式正确的 JSON：右括号前不能有逗号\n" in out
    assert "  $: 第 2 行第 14 列：应为格式正确的 JSON；实际为 'tru'\n" in out
    # No English the code wrote: the parser's reasons, "nothing", "line … column".
    for english in ("unexpected", "nothing", "line ", "column", "trailing", "literal"):
        assert english not in out.replace("literal.json", ""), english


def test_unreadable_reports_are_said_in_english(tmp_path: Path) -> None:
    out = _validate(tmp_path, "en")
    assert re.search(
        r"  \$: line \d+, column \d+: expected well-formed JSON: the text ends before the "
        r"report does \(is the file cut short\?\)\n",
        out,
    )
    assert "  $.unit: expected a required field, which the file leaves out\n" in out
    assert """  $.edition: expected edition "2021", "2019" or "legacy"; found '2022'\n""" in out
    assert "  $: line 1, column 19: expected well-formed JSON: no comma before a closing " in out
    assert "  $: line 2, column 14: expected well-formed JSON; found 'tru'\n" in out


def test_a_long_excerpt_is_cut_at_its_line_and_length(tmp_path: Path) -> None:
    path = tmp_path / "long.json"
    path.write_text('{"edition": x' + "y" * 40 + "\n}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", "-l", "en", str(path)])
    assert "; found 'x" + "y" * 19 + "'…\n" in result.output
