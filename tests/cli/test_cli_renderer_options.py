"""An option a renderer does not know is refused, in the user's language,
by every installed renderer (a typo in ``--option`` is never ignored)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from govdisclosure.cli import cli
from govdisclosure.i18n import gettext
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
        key="nosuch", renderer=name, known=", ".join(sorted(known))
    )
    assert expected in result.stderr
    assert "Traceback" not in result.output
    assert list(tmp_path.iterdir()) == []
