"""An option a renderer does not know is refused, in the user's language,
by every installed renderer (a typo in ``--option`` is never ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from govdisclosure.i18n import gettext, series
from govdisclosure.plugin import manager
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
