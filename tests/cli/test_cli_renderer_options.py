"""An option a renderer does not know is refused, in the user's language,
by every installed renderer (a typo in ``--option`` is never ignored)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure.i18n import gettext, series
from govdisclosure.plugin import manager
from govdisclosure.rendering import OptionValueError, RenderError
from locations import EXAMPLES

RENDERERS = sorted(manager.renderers())


def test_every_official_renderer_names_its_options() -> None:
    for name in ("pdf", "markdown", "html", "docx", "xlsx", "json"):
        assert manager.renderers()[name].options is not None, name


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("name", RENDERERS)
def test_an_unknown_option_is_refused_naming_the_known_ones(
    tmp_path: Path, name: str, locale: str
) -> None:
    renderer = manager.renderers()[name]
    out = tmp_path / f"out{renderer.suffix}"
    result = CliRunner().invoke(
        cli,
        [
            *("render", str(EXAMPLES / "huaian-2024.json"), "--to", name, "-o", str(out)),
            *("--option", "nosuch=1", "-l", locale),
        ],
    )
    assert result.exit_code == 2, result.output
    known = renderer.options or frozenset()
    msgid = (
        "unknown option {key!r}; {renderer} knows: {known}"
        if known
        else "unknown option {key!r}; {renderer} takes no options"
    )
    expected = gettext(locale, msgid).format(
        key="nosuch", renderer=name, known=series(locale, sorted(known))
    )
    assert expected in result.stderr
    if locale == "zh_Hans_CN":
        # Quoted and listed as Chinese is written (were 'nosuch' and ", ").
        assert "“nosuch”" in result.stderr and "'nosuch'" not in result.stderr
        assert ", " not in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("zh_Hans_CN", "tables 必须是 pipe、html 之一，而不是“x”"),
        ("en", "tables must be one of pipe, html, not 'x'"),
    ],
)
def test_a_value_not_allowed_is_said_with_the_locales_punctuation(
    tmp_path: Path, locale: str, said: str
) -> None:
    result = CliRunner().invoke(
        cli,
        [
            *("render", str(EXAMPLES / "huaian-2024.json"), "--to", "markdown"),
            *("-o", str(tmp_path / "x.md"), "--option", "tables=x", "-l", locale),
        ],
    )
    assert result.exit_code == 2, result.output
    assert said in result.stderr, result.stderr


@pytest.mark.parametrize(
    ("name", "key", "value", "chinese", "english"),
    [
        ("pdf", "table4", "sideways", "必须是", "must be one of auto, portrait, landscape"),
        ("pdf", "date_numerals", "roman", "必须是", "must be one of arabic, chinese"),
        ("pdf", "table_size", "huge", "磅", "must be between 9 and 12 points, not huge"),
        ("pdf", "font_index", "first", "必须是从 0 起的整数", "must be a whole number from 0"),
        ("markdown", "tables", "x", "必须是 pipe、html 之一", "must be one of pipe, html"),
        ("markdown", "details", "maybe", "必须是 false、true 之一", "must be one of false, true"),
        ("html", "fragment", "perhaps", "必须是 true、false 之一", "must be one of true, false"),
        ("docx", "template", "/no/such.docx", ".docx", "is not a readable .docx file"),
    ],
)
def test_a_value_a_renderer_refuses_is_said_in_both_locales(
    name: str, key: str, value: str, chinese: str, english: str
) -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    extra: dict[str, Any] = {key: value}
    with pytest.raises(OptionValueError) as info:
        gd.render(report, name, **extra)
    error = info.value
    assert isinstance(error, RenderError) and isinstance(error, ValueError)  # as before
    assert (error.code, error.path, error.renderer, error.key, error.value) == (
        "option-value",
        key,
        name,
        key,
        value,
    )
    zh, en = error.render("zh_Hans_CN"), error.render("en")
    assert chinese in zh and zh != en
    assert english in en and key in en
    assert str(error) == f"{zh}\n{en}"
