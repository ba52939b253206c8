"""``GOVDISCLOSURE_MAX_INPUT_SIZE`` set to something that is not a size is
refused, naming the variable and what it takes, instead of being ignored."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from govdisclosure.files import (
    DEFAULT_MAX_INPUT_SIZE,
    MAX_INPUT_SIZE_ENV,
    InvalidSizeSettingError,
    max_input_size,
)
from locations import EXAMPLES

HUAIAN = str(EXAMPLES / "huaian-2024.json")

BAD_SIZES = ["abc", "-1", "10XB", "0", "1.5G"]


@pytest.mark.parametrize("value", BAD_SIZES)
@pytest.mark.parametrize(
    ("locale", "words"),
    [
        ("zh_Hans_CN", "无效：应为字节数，可带单位 K、M、G 或 T"),
        ("en", "expected a size in bytes with an optional unit K, M, G or T"),
    ],
)
def test_a_bad_size_in_the_environment_is_refused_by_name(
    monkeypatch: pytest.MonkeyPatch, value: str, locale: str, words: str
) -> None:
    monkeypatch.setenv(MAX_INPUT_SIZE_ENV, value)
    result = CliRunner().invoke(cli, ["validate", HUAIAN, "--quiet", "--locale", locale])
    assert result.exit_code == 2, result.output
    assert MAX_INPUT_SIZE_ENV in result.output and repr(value) in result.output
    assert words in result.output
    assert "Traceback" not in result.output
    # Refused before anything is read: no report is checked.
    assert "huaian-2024.json" not in result.output


@pytest.mark.parametrize("value", BAD_SIZES)
def test_the_library_refuses_it_too(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(MAX_INPUT_SIZE_ENV, value)
    with pytest.raises(InvalidSizeSettingError, match=MAX_INPUT_SIZE_ENV):
        max_input_size()


def test_a_good_size_or_none_is_taken(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(MAX_INPUT_SIZE_ENV, "2G")
    assert max_input_size() == 2 * 1024**3
    assert CliRunner().invoke(cli, ["validate", HUAIAN, "-q", "-l", "en"]).exit_code == 0
    monkeypatch.setenv(MAX_INPUT_SIZE_ENV, " ")
    assert max_input_size() == DEFAULT_MAX_INPUT_SIZE
    # The option given on the line wins over a bad variable (it replaces it).
    monkeypatch.setenv(MAX_INPUT_SIZE_ENV, "abc")
    result = CliRunner().invoke(
        cli, ["--max-input-size", "1G", "validate", HUAIAN, "-q", "-l", "en"]
    )
    assert result.exit_code == 0, result.output
