"""The note that no TrueType CJK font was found is said in the user's locale.

It was English whatever the locale (``no TrueType CJK font found …``)
while the font errors and the stand-in note were Chinese: the fonts are
found once per process, so the note is now said by the rendering that met
the fallback, in its locale, once per process.
"""

from __future__ import annotations

import warnings

import pytest

import govdisclosure as gd
import govdisclosure_pdf
from govdisclosure.plugin.types import RenderOptions
from govdisclosure_pdf import FontFallbackWarning, fonts, render_pdf
from pdf_reports import EXAMPLES


@pytest.mark.parametrize(
    ("locale", "said"),
    [
        ("zh_Hans_CN", "未找到 TrueType 中文字体（请安装 fonts-arphic-uming"),
        ("en", "no TrueType CJK font found (install fonts-arphic-uming"),
    ],
)
def test_the_fallback_note_is_said_in_the_renderings_locale(
    monkeypatch: pytest.MonkeyPatch, locale: str, said: str
) -> None:
    monkeypatch.setattr(fonts, "_warned", False)
    monkeypatch.setattr(govdisclosure_pdf, "resolve_fonts", lambda *_: fonts._fallback_set())
    report = gd.load(EXAMPLES / "huaian-2024.json")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        render_pdf(report, RenderOptions(locale=locale))
        render_pdf(report, RenderOptions(locale="en" if locale != "en" else "zh_Hans_CN"))
    notes = [str(w.message) for w in caught if issubclass(w.category, FontFallbackWarning)]
    assert len(notes) == 1, notes  # once per process, in the first rendering's locale
    assert notes[0].startswith(said), notes[0]
    assert fonts.ENV_FONT in notes[0] and fonts.FALLBACK_CID_FONT in notes[0]


def test_embedded_fonts_say_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fonts, "_warned", False)
    embedded = fonts.FontSet("a", "a", "a", "a", None, None, True)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fonts.note_fallback(embedded, "zh_Hans_CN")
    assert not caught
