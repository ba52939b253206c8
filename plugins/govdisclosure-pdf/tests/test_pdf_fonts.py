"""Finding the official faces, the font configuration file, the stand-ins and the title face."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfbase.ttfonts import TTFont

from govdisclosure_pdf.fontconfig import fontconfig_faces
from govdisclosure_pdf.fonts import STROKED, FontError, face_said, resolve_fonts
from govdisclosure_pdf.titleface import STAND_IN_NAME, build, find_source

_WENKAI = [f for f in fontconfig_faces() if "LXGW WenKai" in f.families and f.style == "Regular"]
_needs_wenkai = pytest.mark.skipif(
    not _WENKAI, reason="LXGW WenKai is not installed (make system-deps: fonts-lxgw-wenkai)"
)


def _config(tmp_path: Path, text: str) -> dict[str, str]:
    path = tmp_path / "fonts.toml"
    path.write_text(text, encoding="utf-8")
    return {"font_config": str(path)}


@_needs_wenkai
def test_a_family_named_in_the_configuration_is_found_through_fontconfig(tmp_path: Path) -> None:
    fonts = resolve_fonts(extra=_config(tmp_path, '[fonts]\nbody = "LXGW WenKai"\n'))
    assert dict(fonts.files)["body"] == str(_WENKAI[0].path)
    # Named by the office: not a stand-in any more.
    assert "仿宋" not in dict(fonts.stand_ins)


@_needs_wenkai
def test_a_file_named_in_the_configuration(tmp_path: Path) -> None:
    path = _WENKAI[0].path
    fonts = resolve_fonts(extra=_config(tmp_path, f'[fonts]\nkai = "{path}#0"\n'))
    assert dict(fonts.files)["kai"] == str(path)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[fonts]\nbody = "/nowhere/simfang.ttf"\n', "fonts.body: font file not found"),
        ('[fonts]\nseal = "SimSun"\n', "fonts.seal: unknown role"),
        ('[fonts]\nhei = "No Such Family 黑"\n', "fonts.hei: no TrueType face of the family"),
        ("[fonts]\nhei = 3\n", "fonts.hei: expected a family name or a font file"),
        ("fonts = 1\n", "expected a [fonts] table"),
        ("[fonts\n", "not a TOML file"),
    ],
)
def test_a_bad_configuration_names_the_file_and_the_key(
    tmp_path: Path, text: str, words: str
) -> None:
    with pytest.raises(FontError) as err:
        resolve_fonts(extra=_config(tmp_path, text))
    assert str(tmp_path / "fonts.toml") in str(err.value)
    assert words in str(err.value)


def test_stand_ins_are_named_once_on_stderr(tmp_path: Path) -> None:
    """Which face stands in for which official one, warned of once per process."""
    fonts = resolve_fonts()
    if not fonts.stand_ins:
        pytest.skip("every official face is installed here: nothing stands in")
    script = (
        "import govdisclosure as gd\n"
        "r = gd.load('examples/huaian-2024.json')\n"
        "gd.render(r, 'pdf'); gd.render(r, 'pdf', locale='en')\n"
    )
    root = Path(__file__).resolve().parents[3]
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=root, capture_output=True, text=True, check=True
    )
    pairs = [f"{official} → {face_said(face, 'zh_Hans_CN')}" for official, face in fonts.stand_ins]
    lines = [line for line in out.stderr.splitlines() if all(p in line for p in pairs)]
    assert len(lines) == 1
    # Said in the locale of the first render (Chinese, the default), as a
    # warning pointing at the caller's line.
    assert "<string>:3: FontStandInWarning: govdisclosure-pdf：" in lines[0]
    assert "standing in" not in lines[0]


@pytest.mark.skipif(
    find_source() is None, reason="Noto Serif CJK SC Bold is not installed (fonts-noto-cjk)"
)
def test_the_title_face_converts_to_truetype(tmp_path: Path) -> None:
    source = find_source()
    assert source is not None
    chars = "淮安市人民政府2024年政府信息公开工作年度报告"
    data = build(source[0], source[1], chars)
    assert data == build(source[0], source[1], chars), "the same bytes every time"
    path = tmp_path / "title.ttf"
    path.write_bytes(data)
    font = TTFont("title-test", str(path))  # reportlab embeds only glyf outlines
    assert all(ord(c) in font.face.charWidths for c in chars)
    assert ord("政") in font.face.charWidths and ord("鬯") not in font.face.charWidths


def test_a_title_character_the_heavy_face_lacks_uses_the_body_face() -> None:
    """The converted title face covers GB 2312; 堃 (GBK only) sends the title to the body face."""
    import attrs

    import govdisclosure as gd
    from govdisclosure_pdf.fonts import covers
    from govdisclosure_pdf.story import StoryOptions, build_story
    from govdisclosure_pdf.styles import make_styles
    from govdisclosure_pdf.text import TextBlock
    from pdf_reports import EXAMPLES

    fonts = resolve_fonts()
    if not fonts.heavy_title or covers(fonts.title, "堃"):
        pytest.skip("the title face here covers 堃 (or there is no heavy title face)")
    report = gd.load(EXAMPLES / "huaian-2024.json")
    styles = make_styles(fonts)
    for title, font in (
        ("堃城市人民政府2024年政府信息公开工作年度报告", fonts.body),
        (None, fonts.title),
    ):
        changed = attrs.evolve(report, title=title)
        story = build_story(changed, styles, StoryOptions("zh_Hans_CN", False))
        block = next(f for f in story if isinstance(f, TextBlock))
        assert block.style.font == font


def test_what_was_done_to_a_stand_in_face_is_said_in_the_locale() -> None:
    """The Chinese note said "Noto Serif CJK SC Bold (converted to TrueType)" and
    "…, stroked" in English; the family's name stays, the rest is translated."""
    assert face_said(STAND_IN_NAME, "zh_Hans_CN") == "Noto Serif CJK SC Bold（已转换为 TrueType）"
    assert face_said(STAND_IN_NAME, "en") == STAND_IN_NAME
    stroked = "AR PL UMing CN" + STROKED
    assert face_said(stroked, "zh_Hans_CN") == "AR PL UMing CN，描边加粗"
    assert face_said(stroked, "en") == stroked
    assert face_said("WenQuanYi Zen Hei", "zh_Hans_CN") == "WenQuanYi Zen Hei"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ('[fonts]\nbody = "/nowhere/simfang.ttf"\n', "：fonts.body：找不到字体文件：/nowhere"),
        ('[fonts]\nseal = "SimSun"\n', "：fonts.seal：未知的用途；应为 title"),
        ("[fonts]\nhei = 3\n", "：fonts.hei：应为字体名称或字体文件"),
    ],
)
def test_a_bad_configuration_is_said_with_the_locales_punctuation(
    tmp_path: Path, text: str, words: str
) -> None:
    """The file and the key were joined with an ASCII ": " in every locale
    (``…/fonts.toml: fonts.body：找不到字体文件``)."""
    with pytest.raises(FontError) as err:
        resolve_fonts(extra=_config(tmp_path, text))
    said = str(err.value.in_locale("zh_Hans_CN"))
    assert said.startswith(f"{tmp_path / 'fonts.toml'}{words}"), said
    assert ": " not in said, said


def test_an_unreadable_configuration_says_why_in_the_locale(tmp_path: Path) -> None:
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(FontError) as err:
        resolve_fonts(extra={"font_config": str(missing)})
    assert (
        err.value.render("en")
        == f"{missing}: cannot read the font configuration: no such file or directory"
    )
    assert (err.value.code, err.value.path) == ("font", "font_config")
    said = str(err.value.in_locale("zh_Hans_CN"))
    assert said.startswith(f"{missing}：无法读取字体配置："), said
    assert "No such file" not in said, said
