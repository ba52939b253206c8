"""Page layout, fonts, safety and reproducibility of the PDF renderer."""

from __future__ import annotations

import itertools
import os
import random
import re
import subprocess
import sys
import textwrap
from collections.abc import Callable
from io import BytesIO
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from pypdf import PdfReader

import govdisclosure as gd
from govdisclosure.cli import cli
from govdisclosure.plugin.types import RenderOptions
from govdisclosure_pdf import render_pdf
from govdisclosure_pdf.fonts import FontError, resolve_fonts
from govdisclosure_pdf.grid import GridTable
from govdisclosure_pdf.printing import for_print
from govdisclosure_pdf.story import report_title
from govdisclosure_pdf.styles import (
    BODY_LEADING,
    MARGINS,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    TYPE_HEIGHT,
    TYPE_WIDTH,
    TextStyle,
    make_styles,
)
from govdisclosure_pdf.tables import TableLayout, table3_grid
from govdisclosure_pdf.text import (
    NO_END,
    NO_START,
    Run,
    TextBlock,
    balance_lines,
    text_width,
)
from govdisclosure_pdf.text import _units as text_units
from pdf_helpers import Rendered, squash
from pdf_reports import EXAMPLES

Render = Callable[..., Rendered]
_WORD = re.compile(
    r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
)


def _pages(bbox: str) -> list[list[tuple[float, float, float, float, str]]]:
    pages = []
    for chunk in bbox.split("<page ")[1:]:
        pages.append(
            [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in _WORD.findall(chunk)]
        )
    return pages


# -- pages --------------------------------------------------------------------


def test_page_numbers_alternate_sides(render_example: Render) -> None:
    """— n —, 14 pt, 7 mm under the type area; odd right, even left, one character in."""
    rendered = render_example("shanghai-szfbgt-2019")
    pages = _pages(rendered.poppler("pdftotext", "-bbox"))
    assert len(pages) >= 4
    bottom = PAGE_HEIGHT - MARGINS.bottom  # type area's lower edge, from the top
    left, right = MARGINS.left, PAGE_WIDTH - MARGINS.right
    for number, words in enumerate(pages, start=1):
        marks = [w for w in words if w[4] == str(number) and w[1] > bottom]
        assert len(marks) == 1, number
        y0 = marks[0][1]
        dashes = [w for w in words if w[4] == "—" and abs(w[1] - y0) < 4]
        assert len(dashes) == 2, number
        # The dash's ink (about 0.4 em above the baseline) lies 7 mm under the area.
        baseline = dashes[0][3] - 0.121 * 14
        assert baseline - 0.4 * 14 - bottom == pytest.approx(7 * 72 / 25.4, abs=3)
        first, last = min(d[0] for d in dashes), max(d[2] for d in dashes)
        if number % 2:
            assert right - last == pytest.approx(14, abs=1.5)
        else:
            assert first - left == pytest.approx(14, abs=1.5)


def test_type_area_and_grid(render_example: Render) -> None:
    """Body lines sit on the 22-line grid and fill the 156 mm width (28 characters)."""
    rendered = render_example("hongze-2024")
    words = _pages(rendered.poppler("pdftotext", "-bbox"))[0]
    body = [w for w in words if len(w[4]) >= 26 and w[4][0] not in "—"]
    assert body, "no full body line on page 1"
    for x0, y0, x1, y1, _ in body:
        assert x0 >= MARGINS.left - 0.5
        assert x1 <= PAGE_WIDTH - MARGINS.right + 0.5
        assert MARGINS.top - 1 <= y0 and y1 <= PAGE_HEIGHT - MARGINS.bottom + 1
    full = [
        w
        for w in body
        if w[0] == pytest.approx(MARGINS.left, abs=0.5)
        and w[2] == pytest.approx(PAGE_WIDTH - MARGINS.right, abs=1)
        and re.fullmatch(r"[^\x00-\x7f]+", w[4])
    ]
    # 28 characters, or one fewer where 禁则 took one down and the line is justified.
    assert full and all(len(w[4]) in (27, 28) for w in full)
    assert sum(len(w[4]) == 28 for w in full) > len(full) / 2
    # (A line starting with digits has the Latin face's box: leave it out.)
    tops = sorted({round(w[1], 1) for w in body if not w[4][0].isascii()})
    steps = {round(b - a, 1) for a, b in itertools.pairwise(tops)}
    assert all(abs(step / BODY_LEADING - round(step / BODY_LEADING)) < 0.02 for step in steps)


def test_line_metrics() -> None:
    assert pytest.approx(156 / 25.4 * 72) == TYPE_WIDTH
    assert pytest.approx(225 / 25.4 * 72) == TYPE_HEIGHT
    assert BODY_LEADING * 22 <= TYPE_HEIGHT
    style = make_styles(resolve_fonts()).body
    block = TextBlock("政" * 100, style)
    block.wrap(TYPE_WIDTH, 10_000)
    counts = [sum(len(u.text) for u in line.units) for line in block._lines]
    assert counts[:3] == [26, 28, 28]  # two characters of first-line indent


def test_title_breaks_after_the_unit() -> None:
    st = make_styles(resolve_fonts()).title
    text = "淮安市洪泽区人民政府2024年政府信息公开工作年度报告"
    lines = balance_lines(text, st.font, st.size, TYPE_WIDTH, latin=st.latin, prefer=[10])
    assert lines == ["淮安市洪泽区人民政府", "2024年政府信息公开工作年度报告"]
    assert balance_lines("短标题", st.font, st.size, TYPE_WIDTH) == ["短标题"]


def _exhaustive_title(text: str, st: TextStyle, prefer: list[int]) -> list[str]:
    """The title breaks by trying every combination (what balance_lines once did)."""
    units = text_units([Run(text, st.font, st.latin)])
    widths = [u.width * st.size for u in units]
    if sum(widths) <= TYPE_WIDTH + 1e-6:
        return [text]
    offsets = list(itertools.accumulate((len(u.text) for u in units), initial=0))
    prefix = list(itertools.accumulate(widths, initial=0.0))
    valid = [
        k
        for k in range(1, len(units))
        if not (units[k].kind == "c" and units[k].text[0] in NO_START)
        and not (units[k - 1].kind == "c" and units[k - 1].text[-1] in NO_END)
        and not units[k - 1].glue
    ]
    em, end = st.size, len(units)
    for count in range(1, len(units) + 1):
        best: tuple[float, tuple[int, ...]] | None = None
        for chosen in itertools.combinations(valid, count - 1):
            cuts = [0, *chosen, end]
            ws = [prefix[b] - prefix[a] for a, b in itertools.pairwise(cuts)]
            if max(ws) > TYPE_WIDTH + 1e-6:
                continue
            # A waist (a line more than an em shorter than both neighbours) costs half an em.
            waists = sum(
                1 for a, b, c in zip(ws, ws[1:], ws[2:], strict=False) if b + em < a and b + em < c
            )
            cost = max(ws) + 0.5 * em * waists
            cost -= sum(20 * em for k in chosen if offsets[k] in prefer)
            if best is None or cost < best[0] - 1e-6:
                best = (cost, chosen)
        if best is not None:
            cuts = [0, *best[1], end]
            return [
                "".join(u.text for u in units[a:b]).strip() for a, b in itertools.pairwise(cuts)
            ]
    return [text]


def test_title_lines_are_the_best_of_every_combination() -> None:
    """The dynamic programme sets titles of up to four lines as trying every break did."""
    st = make_styles(resolve_fonts()).title
    rng = random.Random(2024)
    chars = "淮安市洪泽区人民政府办公室发展和改革委员会自然资源规划局街道办事处"
    suffixes = ("{y}年政府信息公开工作年度报告", "政府信息公开工作{y}年度报告")
    for _ in range(150):
        name = "".join(rng.choice(chars) for _ in range(rng.randint(2, 40)))
        if rng.random() < 0.3:
            k = rng.randint(1, len(name) - 1)
            name = f"{name[:k]}（{name[k : k + 3]}）{name[k + 3 :]}"
        if rng.random() < 0.1:
            name = f"{name[:5]}Digital Office {name[5:]}"
        text = name + rng.choice(suffixes).format(y=rng.choice((2011, 2024)))
        prefer = [len(name)] if rng.random() < 0.8 else []
        year = re.search(r"\d{4}年", text)
        if year:
            prefer.append(year.start())
        expected = _exhaustive_title(text, st, prefer)
        got = balance_lines(text, st.font, st.size, TYPE_WIDTH, latin=st.latin, prefer=prefer)
        assert got == expected, text


@pytest.mark.parametrize("where", ["title", "unit"])
def test_very_long_title_renders(where: str) -> None:
    """A 300-character title (or unit name, which makes the title) is set in full.

    Trying every combination of breaks never finished for 150 characters.
    """
    report = gd.load(EXAMPLES / "huaian-2024.json")
    long = "".join(
        random.Random(7).choice("政府信息公开工作年度报告（）《》，") for _ in range(300)
    )
    if where == "title":
        report = attrs.evolve(report, title=long)
    else:
        report = attrs.evolve(report, title=None, unit=attrs.evolve(report.unit, name=long))
    title = report_title(report, "zh_Hans_CN")
    data = render_pdf(report, RenderOptions())
    text = squash("".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages))
    assert squash(title) in text
    st = make_styles(resolve_fonts()).title
    lines = balance_lines(title, st.font, st.size, TYPE_WIDTH, latin=st.latin)
    assert "".join(lines) == title
    assert all(text_width(line, st.font, st.size, st.latin) <= TYPE_WIDTH + 1e-6 for line in lines)


@pytest.mark.parametrize(
    "title",
    ["淮安市人民政府" + "A" * 200 + "年度报告", "《" * 60, "」" * 60, "Annual" * 40],
)
def test_a_title_no_allowed_break_fits_is_cut_to_the_type_area(title: str) -> None:
    """A Latin word wider than the line, or punctuation 禁则 will not break,
    is cut where the width runs out rather than set past the margin."""
    st = make_styles(resolve_fonts()).title
    lines = balance_lines(title, st.font, st.size, TYPE_WIDTH, latin=st.latin)
    assert len(lines) > 1 and "".join(lines) == title
    assert all(text_width(line, st.font, st.size, st.latin) <= TYPE_WIDTH + 1e-6 for line in lines)


def test_no_line_starts_with_closing_punctuation() -> None:
    style = make_styles(resolve_fonts()).body
    text = "，".join("政府信息公开" * k for k in range(1, 30)) + "。"
    text += "（一）" + "“三安全一稳定”、《条例》；" * 20
    for width in (TYPE_WIDTH, 300.0, 200.5, 123.4):
        block = TextBlock(text, style)
        block.wrap(width, 100_000)
        for line in block._lines[1:]:
            assert line.units[0].text[0] not in NO_START
        for line in block._lines:
            assert line.units[-1].text[-1] not in NO_END


# -- tables -------------------------------------------------------------------


def test_table3_splits_inside_its_merged_cell() -> None:
    """The 22-row group cell is cut at the page end instead of jumping a page."""
    report = gd.load(Path(__file__).resolve().parents[3] / "examples" / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    layout = TableLayout("zh_Hans_CN", make_styles(resolve_fonts()), TYPE_WIDTH)
    table = GridTable(table3_grid(report.table3, layout))
    _, full = table.wrap(TYPE_WIDTH, TYPE_HEIGHT)
    for room in (250.0, 320.0, 400.0, full - 40):
        parts = table.split(TYPE_WIDTH, room)
        assert len(parts) == 2, room
        _, first = parts[0].wrap(TYPE_WIDTH, room)
        assert 0.75 * room < first <= room  # the page is filled, not left half blank
        assert parts[0].start == 0 and parts[1].end == table.end


def test_table4_landscape_page(render_example: Render) -> None:
    report = render_example("huaian-2024").report
    data = render_pdf(report, RenderOptions(extra={"table4": "landscape"}))
    reader = PdfReader(BytesIO(data))
    text = squash("".join(p.extract_text() for p in reader.pages))
    assert "行政复议行政诉讼" in text and "7264178" in text
    with pytest.raises(ValueError, match="table4"):
        render_pdf(report, RenderOptions(extra={"table4": "sideways"}))


# -- fonts --------------------------------------------------------------------


def test_cjk_font_embedded(render_example: Render) -> None:
    fonts = render_example("huaian-2024").poppler("pdffonts")
    rows = [line.split() for line in fonts.splitlines()[2:]]
    assert rows
    assert all(row[-5] == "yes" for row in rows), fonts  # every font embedded
    assert any(re.search(r"UMing|WenQuanYi|Sim|Song|Kai|Hei", row[0]) for row in rows)


def test_font_option_and_bad_font(tmp_path: Path) -> None:
    report = gd.Report2021(unit=gd.ReportingUnit(name="测试单位"), year=2024)
    zenhei = resolve_fonts().hei
    assert zenhei
    bad = tmp_path / "not-a-font.ttf"
    bad.write_bytes(b"nothing")
    with pytest.raises(FontError):
        render_pdf(report, RenderOptions(font=bad))
    with pytest.raises(FontError):
        render_pdf(report, RenderOptions(font=tmp_path / "missing.ttf"))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--font", "{bad}"], "（第 0 个字形）无法嵌入：需要 TrueType（glyf）轮廓和汉字字形"),
        (["--option", "table4=sideways"], "table4 必须是"),
        (["--option", "table_size=big"], "table_size 必须在"),
    ],
)
def test_cli_options_the_pdf_cannot_use(tmp_path: Path, args: list[str], words: str) -> None:
    """Usage errors (exit 2) in the user's locale, not a renderer failure (exit 1)."""
    bad = tmp_path / "not-a-font.ttf"
    bad.write_bytes(b"nothing")
    args = [a.format(bad=bad) for a in args]
    out = tmp_path / "out.pdf"
    result = CliRunner().invoke(
        cli, ["render", str(EXAMPLES / "huaian-2024.json"), "--to", "pdf", "-o", str(out), *args]
    )
    assert result.exit_code == 2, result.stderr
    assert words in result.stderr and "无法使用所给的选项" in result.stderr
    assert "生成失败" not in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_a_font_that_cannot_be_used_is_said_in_each_locale(tmp_path: Path) -> None:
    """The fonts are found once per process whatever locale asked first: the
    error keeps its message id, so the second rendering's locale is the one
    that speaks (English after Chinese, in one process)."""
    report = gd.Report2021(unit=gd.ReportingUnit(name="测试单位"), year=2024)
    missing = tmp_path / "missing.ttf"
    said = {}
    for locale in ("zh_Hans_CN", "en"):
        with pytest.raises(FontError) as error:
            render_pdf(report, RenderOptions(locale=locale, font=missing))
        said[locale] = error.value.render(locale)
        assert str(error.value) == f"{error.value.render('zh')}\n{error.value.render('en')}"
        assert (error.value.code, error.value.path) == ("font", "font")
    assert said["zh_Hans_CN"] == f"找不到字体文件：{missing}"
    assert said["en"] == f"font file not found: {missing}"


def test_a_font_error_given_whole_text_keeps_it() -> None:
    """A caller's own ``FontError("…")`` (no values) is not a format string:
    its braces stay, in every locale."""
    error = FontError("no face for {title} here")
    assert str(error) == str(error.in_locale("zh_Hans_CN")) == "no face for {title} here"


_FALLBACK = textwrap.dedent(
    """
    import sys, warnings
    import govdisclosure as gd
    from govdisclosure.plugin.types import RenderOptions
    from govdisclosure_pdf import FontFallbackWarning, render_pdf
    report = gd.load(sys.argv[1])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        first = render_pdf(report, RenderOptions())
        second = render_pdf(report, RenderOptions())
    fallback = [w for w in caught if issubclass(w.category, FontFallbackWarning)]
    assert len(fallback) == 1, [str(w.message) for w in caught]
    assert first == second
    sys.stdout.buffer.write(first)
    """
)


def test_fallback_without_truetype_fonts(tmp_path: Path, examples_dir: Path) -> None:
    """No font found: STSong-Light (not embedded), one warning, text still readable."""
    env = {**os.environ, "GOVDISCLOSURE_PDF_FONT_DIRS": str(tmp_path)}
    env.pop("GOVDISCLOSURE_PDF_FONT", None)
    out = subprocess.run(
        [sys.executable, "-c", _FALLBACK, str(examples_dir / "hongze-2024.json")],
        capture_output=True,
        env=env,
        check=True,
    )
    pdf = tmp_path / "fallback.pdf"
    pdf.write_bytes(out.stdout)
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, check=True, text=True)
    assert "STSong-Light" in fonts.stdout
    assert not re.search(r"UMing|WenQuanYi", fonts.stdout)
    text = squash("".join(p.extract_text() for p in PdfReader(pdf).pages))
    assert "三、收到和处理政府信息公开申请情况" in text
    assert "一、本年新收政府信息公开申请数量950000095" in text


# -- safety and reproducibility -------------------------------------------------

HOSTILE_NAME = '<font name="Courier">R&D</font> & Co. <b>测试</b> &amp; 100 < 200'
LONG_WORD = "A" * 250 + "b" * 250


def _hostile() -> gd.Report2021:
    return gd.Report2021(
        unit=gd.ReportingUnit(name=HOSTILE_NAME),
        year=2024,
        preamble=("<para>段落</para> &lt;" + LONG_WORD + "，结束。",),
        sections=tuple(
            [
                gd.Section(
                    heading="一、<i>总体情况</i>",
                    paragraphs=("R&D < 100 > 50 &nbsp; <br/> 文本" * 30,),
                ),
            ]
        ),
        table3=attrs.evolve(
            gd.Table3_2021(), new_applications=gd.ApplicantRow(natural_person=gd.NA, total=3)
        ),
    )


def test_hostile_text_reads_back_literally() -> None:
    report = _hostile()
    data = render_pdf(report, RenderOptions())
    text = squash("".join(p.extract_text() for p in PdfReader(BytesIO(data)).pages))
    # Markup is printed, never interpreted; the name's straight quotes sit in
    # Chinese text and are printed as “ ” (for_print), the data unchanged.
    assert squash(for_print(HOSTILE_NAME)) in text
    assert '"Courier"' in HOSTILE_NAME and report.unit.name == HOSTILE_NAME
    assert squash("<para>段落</para> &lt;") in text
    assert LONG_WORD in text
    assert squash("R&D < 100 > 50 &nbsp; <br/> 文本") in text
    assert "一、<i>总体情况</i>" in text
    assert "一、本年新收政府信息公开申请数量/" in text  # not applicable shows its mark


def test_long_word_wraps_inside_the_type_area() -> None:
    style = make_styles(resolve_fonts()).body
    block = TextBlock(LONG_WORD, style)
    _, height = block.wrap(TYPE_WIDTH, 10_000)
    assert len(block._lines) > 3
    assert all(line.width <= TYPE_WIDTH + 0.01 for line in block._lines)
    assert "".join(u.text for line in block._lines for u in line.units) == LONG_WORD
    assert height == pytest.approx(len(block._lines) * BODY_LEADING)


def test_same_report_same_bytes(render_example: Render) -> None:
    rendered = render_example("yuxi-2017")
    again = render_pdf(rendered.report, rendered.options)
    assert again == rendered.data


def test_same_bytes_across_processes(render_example: Render, examples_dir: Path) -> None:
    rendered = render_example("huaian-2024")
    code = (
        "import sys, govdisclosure as gd\n"
        "from govdisclosure.plugin.types import RenderOptions\n"
        "from govdisclosure_pdf import render_pdf\n"
        "sys.stdout.buffer.write(render_pdf(gd.load(sys.argv[1]), RenderOptions()))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(examples_dir / "huaian-2024.json")],
        capture_output=True,
        check=True,
    )
    assert out.stdout == rendered.data


def test_plugin_is_registered() -> None:
    from govdisclosure.plugin import manager as plugin_manager

    renderer = plugin_manager.renderers()["pdf"]
    assert renderer.media_type == "application/pdf"
    assert renderer.editions is None  # any edition, from the table definitions
