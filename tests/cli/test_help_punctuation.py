"""click's help frame written as each locale writes it.

In Chinese the help said ``选项:`` (an ASCII colon after the heading), put
a space after ``用法：`` and ended an option's help with click's note
``  [默认：missing]`` (ASCII brackets around a Chinese colon, and
``[默认：(LANGUAGE …)]`` for a default given as text).  Every command's
``--help`` is now punctuated the Chinese way in Chinese, and is click's own
in English.
"""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from govdisclosure.cli import _modules, cli
from govdisclosure.cli._punctuation import help_note

COMMANDS = ["", *sorted(_modules())]


def _help(command: str, locale: str) -> str:
    args = [command] if command else []
    result = CliRunner().invoke(
        cli, [*args, "--help", "--locale", locale], prog_name="govdisclosure"
    )
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_chinese_help_is_punctuated_the_chinese_way(command: str) -> None:
    text = _help(command, "zh_Hans_CN")
    assert text.startswith("用法：govdisclosure"), text[:40]
    assert "\n选项：\n" in text
    # No heading ends in an ASCII colon, no note is in ASCII brackets.
    assert not re.search(r"^\S.*:$", text, re.MULTILINE), text
    flat = re.sub(r"\s+", "", text)
    assert "[默认" not in flat and "[必填" not in flat and "默认：(" not in flat, text


@pytest.mark.parametrize("command", COMMANDS)
def test_english_help_is_clicks_own(command: str) -> None:
    text = _help(command, "en")
    assert text.startswith("Usage: govdisclosure")
    assert "\nOptions:\n" in text
    assert "选项" not in text


def test_a_default_and_required_note_in_each_locale() -> None:
    assert re.search(r"（默认：\s*missing）", _help("validate", "zh_Hans_CN"))
    assert "[default: missing]" in _help("validate", "en").replace("\n", " ")
    zh_new = re.sub(r"\s+", "", _help("new", "zh_Hans_CN"))
    assert "（1990<=x<=2100；必填）" in zh_new
    assert "（默认：LANGUAGE/LC_ALL/LC_MESSAGES/LANG，否则为zh_Hans_CN）" in zh_new
    assert "\nCommands:\n" in _help("", "en") and "\n命令：\n" in _help("", "zh_Hans_CN")


@pytest.mark.parametrize(
    ("text", "locale", "said"),
    [
        ("视为零。  [默认：missing]", "zh_Hans_CN", "视为零。（默认：missing）"),
        ("语言。  [默认：(LANG，否则为 zh)]", "zh_Hans_CN", "语言。（默认：LANG，否则为 zh）"),
        ("[1<=x<=9; 必填]", "zh_Hans_CN", "（1<=x<=9；必填）"),
        ("不以 ] 结尾", "zh_Hans_CN", "不以 ] 结尾"),
        ("Zero.  [default: missing; required]", "en", "Zero.  [default: missing; required]"),
    ],
)
def test_help_note(text: str, locale: str, said: str) -> None:
    assert help_note(text, locale) == said


def test_a_chinese_usage_error_has_no_space_after_the_colon() -> None:
    result = CliRunner().invoke(cli, ["validate", "-l", "zh_Hans_CN"], prog_name="govdisclosure")
    assert result.exit_code == 2
    assert "用法：govdisclosure validate [选项] FILE..." in result.output
