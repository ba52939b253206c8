"""Body text and titles as a clerk would set them, checked on the PDF's glyphs.

pdfminer gives each glyph's box, so the tests see what a reader sees: a
number whose digits are spread apart or split over two lines, a first line
that stops short of the margin, a title broken inside a word.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterator
from io import BytesIO

import pytest
from hypothesis import given, settings, strategies
from pdfminer.high_level import extract_pages
from pdfminer.layout import LTChar, LTComponent, LTContainer

import govdisclosure as gd
from govdisclosure.testing.strategies import units
from govdisclosure_pdf.fonts import resolve_fonts
from govdisclosure_pdf.printing import for_print
from govdisclosure_pdf.styles import MARGINS, PAGE_WIDTH, TYPE_WIDTH, make_styles
from govdisclosure_pdf.text import LineCache, TextBlock, balance_lines
from govdisclosure_pdf.words import REPORT_NAMES, word_bounds
from pdf_helpers import EXAMPLE_NAMES, Rendered

Render = Callable[..., Rendered]
#: A number, date, telephone number, URL or e-mail address.
_TOKEN = re.compile(r"[0-9A-Za-z][0-9A-Za-z@.:/_%-]*[0-9A-Za-z%]")
_CELL = 442.2 / 28  # the grid's character advance


def _chars(data: bytes) -> list[list[LTChar]]:
    """Every glyph of every page, in drawing order."""

    def walk(item: LTComponent) -> Iterator[LTChar]:
        if isinstance(item, LTChar):
            yield item
        elif isinstance(item, LTContainer):
            for child in item:
                yield from walk(child)

    return [list(walk(page)) for page in extract_pages(BytesIO(data))]


def _body_lines(data: bytes) -> Iterator[list[LTChar]]:
    """The lines of 16 pt text (body and headings), each in reading order."""
    for chars in _chars(data):
        rows: dict[int, list[LTChar]] = {}
        for c in chars:
            if abs(c.size - 16) < 0.6 and c.get_text().strip():
                rows.setdefault(round(c.matrix[5] / 4), []).append(c)  # the baseline
        for _, row in sorted(rows.items(), reverse=True):
            yield sorted(row, key=lambda c: c.x0)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_numbers_are_never_spread_or_split(render_example: Render, name: str) -> None:
    """Digits of a number (2 2 3 0 0 1) keep their natural spacing, on one line."""
    rendered = render_example(name)
    lines = list(_body_lines(rendered.data))
    texts = ["".join(c.get_text() for c in line) for line in lines]
    joined = "".join(texts)
    checked = 0
    for k, (line, text) in enumerate(zip(lines, texts, strict=True)):
        for m in _TOKEN.finditer(text):
            glyphs = line[m.start() : m.end()]
            gaps = [b.x0 - a.x1 for a, b in itertools.pairwise(glyphs)]
            assert max(gaps, default=0.0) < 0.6, (name, m.group(), gaps)
            checked += 1
            if m.end() == len(text) and k + 1 < len(texts):
                # A token ending a line must not go on at the start of the next.
                assert (
                    not re.match(r"[0-9A-Za-z@]", texts[k + 1][:1]) or not m.group()[-1].isalnum()
                ), (name, m.group(), texts[k + 1][:10])
    assert checked > 5
    # Every token of the report's text reads back whole.
    report = rendered.report
    narrative = [*report.preamble, *(p for s in report.sections for p in s.paragraphs)]
    for text in narrative:
        for m in _TOKEN.finditer(for_print(text)):
            assert m.group() in joined, (name, m.group())


def test_the_telephone_number_is_copied_whole(render_example: Render) -> None:
    """0517-83605210 was split after the hyphen, copying as 051783605210."""
    rendered = render_example("huaian-2024")
    texts = ["".join(c.get_text() for c in line) for line in _body_lines(rendered.data)]
    assert any("0517-83605210" in t for t in texts)
    assert any("hazwgkc@163.com" in t for t in texts)


_LINE = re.compile(r'<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">')


@pytest.mark.parametrize("name", ["huaian-2024", "hongze-2024", "shanghai-szfbgt-2019"])
def test_first_lines_reach_the_right_margin(render_example: Render, name: str) -> None:
    """A paragraph's first line (indented two characters) is justified like the others.

    ``_draw_line`` once took the indent off twice: a first line with Latin
    letters or digits in it ended up to 27 pt short of the margin.  Lines as
    poppler finds them (pdfminer leaves the character spacing out after the
    last glyph of each string, which moves lines that change fonts).
    """
    right = PAGE_WIDTH - MARGINS.right
    layout = render_example(name).poppler("pdftotext", "-bbox-layout")
    first_lines = 0
    for page in layout.split("<page ")[1:]:
        found = [(float(a), float(b), float(c), float(d)) for a, b, c, d in _LINE.findall(page)]
        lines = [box for box in found if 15.5 < box[3] - box[1] < 17.5]  # 16 pt text
        for line, nxt in itertools.pairwise(lines):
            indented = abs(line[0] - (MARGINS.left + 2 * _CELL)) < 1
            continued = abs(nxt[0] - MARGINS.left) < 1 and 20 < nxt[1] - line[1] < 40
            if indented and continued:
                first_lines += 1
                assert line[2] == pytest.approx(right, abs=1.0), (name, line)
    assert first_lines >= 3


def test_first_line_with_digits_is_justified() -> None:
    """The first line is set to its own width: indent plus text fill the line."""
    style = make_styles(resolve_fonts()).body
    block = TextBlock("2024年，全区主动公开政府信息5500余条，电话0517-83605210，" * 6, style)
    block.wrap(TYPE_WIDTH, 10_000)
    first = block._lines[0]
    assert first.offset == pytest.approx(2 * _CELL, abs=0.01)
    assert first.avail == pytest.approx(TYPE_WIDTH - first.offset)
    assert first.width <= first.avail + 1e-6


def test_tokens_stay_on_one_line_at_every_width() -> None:
    style = make_styles(resolve_fonts()).body
    text = "请与办公室联系（电话：0517-83605210，邮箱：hazwgkc@163.com，网址：www.huaian.gov.cn），2024年12月31日止。"
    for width in range(200, 450, 7):
        block = TextBlock(text * 3, style)
        block.wrap(float(width), 100_000)
        for line in block._lines:
            words = [u.text for u in line.units if u.kind == "w"]
            for token in words:
                assert token in {"0517-83605210", "hazwgkc@163.com", "www.huaian.gov.cn"} | {
                    "2024",
                    "12",
                    "31",
                }
            # A Chinese date is never cut: a line ends after 日 or outside a date.
            last = line.units[-1] if line.units else None
            assert last is None or not last.glue


def _breaks(lines: list[str]) -> list[int]:
    out, at = [], 0
    for line in lines[:-1]:
        at += len(line)
        out.append(at)
    return out


@pytest.mark.parametrize(
    ("title", "unit", "expected"),
    [
        (
            "2019年上海市人民政府办公厅政府信息公开工作年度报告",
            "上海市人民政府办公厅",
            ["2019年上海市人民政府办公厅", "政府信息公开工作年度报告"],
        ),
        (
            "淮安市人民政府2024年政府信息公开工作年度报告",
            "淮安市人民政府",
            ["淮安市人民政府", "2024年政府信息公开工作年度报告"],  # as published
        ),
    ],
)
def test_titles_break_between_words(title: str, unit: str, expected: list[str]) -> None:
    st = make_styles(resolve_fonts()).title
    prefer = [title.index(unit) + len(unit), title.index(unit), title.index("20")]
    got = balance_lines(
        title, st.font, st.size, TYPE_WIDTH, latin=st.latin, prefer=prefer, names=[unit]
    )
    assert got == expected


@settings(max_examples=200, deadline=None)
@given(units())
def test_generated_titles_break_only_between_words(unit: gd.ReportingUnit) -> None:
    """Unit names of every kind: the name and 政府信息公开工作年度报告 stay whole."""
    st = make_styles(resolve_fonts()).title
    for title in (
        f"{unit.name}2024年政府信息公开工作年度报告",
        f"2024年{unit.name}政府信息公开工作年度报告",
    ):
        at = title.index(unit.name)
        prefer = [at, at + len(unit.name)]
        lines = balance_lines(
            title, st.font, st.size, TYPE_WIDTH, latin=st.latin, prefer=prefer, names=[unit.name]
        )
        assert "".join(lines) == title
        bounds = word_bounds(title)
        report = title.index(REPORT_NAMES[0])
        for k in _breaks(lines):
            assert k in bounds or k in (at, at + len(unit.name)), (title, lines)
            assert not at < k < at + len(unit.name), (title, lines)
            assert not report < k < report + len(REPORT_NAMES[0]), (title, lines)
            assert not title[k - 1].isdigit(), (title, lines)  # 2024 stays with 年


def test_a_unit_name_longer_than_a_line_breaks_at_its_words() -> None:
    st = make_styles(resolve_fonts()).title
    unit = "中共淮安市洪泽区委员会办公室淮安市洪泽区人民政府办公室"
    title = f"{unit}2024年政府信息公开工作年度报告"
    lines = balance_lines(
        title, st.font, st.size, TYPE_WIDTH, latin=st.latin, prefer=[len(unit)], names=[unit]
    )
    bounds = word_bounds(title)
    assert "".join(lines) == title and len(lines) >= 2
    assert all(k in bounds for k in _breaks(lines)), lines
    assert lines[-1].endswith("政府信息公开工作年度报告")


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("会议 7期，发布 7 条", "会议7期，发布7条"),
        ("附件:统计表(2017年度)", "附件：统计表（2017年度）"),
        ("(一)主动公开", "（一）主动公开"),
        ("“三安全一稳定” “五公开”", "“三安全一稳定”“五公开”"),
        ("（一） （二）", "（一）（二）"),
        ("电话:0517-83605210, 邮箱 a@b.cn", "电话：0517-83605210，邮箱a@b.cn"),
        ("Annual report, 2024: done.", "Annual report, 2024: done."),
        ("收费 1,234.5 元", "收费1,234.5元"),
        ("全年２０２４件", "全年2024件"),
        ('开展"放管服"改革', "开展“放管服”改革"),
    ],
)
def test_text_is_tidied_for_print(typed: str, printed: str) -> None:
    assert for_print(typed) == printed
    assert for_print(printed) == printed


def test_tidying_leaves_the_data_alone(render_example: Render) -> None:
    """The report still holds the text as typed; only the page shows it tidied."""
    rendered = render_example("yuxi-2017")
    typed = rendered.report.sections[-1].paragraphs[-1]
    assert typed.startswith("附件:")
    assert gd.loads(gd.dumps(rendered.report)) == rendered.report
    assert "附件：" in rendered.text


def test_closing_and_opening_marks_are_squeezed() -> None:
    """”“ and ）（ take a character and a half, not two (the gap was a whole character)."""
    style = make_styles(resolve_fonts()).body
    one = TextBlock("“甲”“乙”", style)
    one.wrap(TYPE_WIDTH, 1000)
    widths = [u.width for u in one._lines[0].units]
    assert widths[2] == pytest.approx(widths[3] - 0.5, abs=0.05)


#: Cell texts: Chinese, punctuation for 禁则, dates, tokens, words longer than a line.
_CELL_TEXT = strategies.lists(
    strategies.sampled_from(
        [
            *"政府，。（）《》 \n",
            *("2024年", "12月31日", "Annual", "report-", "x@b.cn", "http://a.cn/b/c"),
            *("A" * 40, "0517-83605210"),
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(
    text=_CELL_TEXT,
    widths=strategies.lists(strategies.sampled_from([30.0, 61.5, 100.0, 442.2]), min_size=1),
)
def test_a_cells_cached_lines_are_the_lines_set_afresh(text: str, widths: list[float]) -> None:
    """Blocks sharing a :class:`LineCache` (a table cell built again) set the
    same lines as a block of their own, even after a block that was only
    set as far as a page's height needed."""
    style = make_styles(resolve_fonts()).cell
    cache = LineCache()
    for width in widths:
        TextBlock(text, style, cache=cache).wrap(width, style.leading)  # one line only
        first = TextBlock(text, style, cache=cache)
        first.wrap(width, 0x7FFFFFFF)
        assert cache.get(width) is not None
        again = TextBlock(text, style, cache=cache)
        again.wrap(width, 0x7FFFFFFF)
        fresh = TextBlock(text, style)
        fresh.wrap(width, 0x7FFFFFFF)
        assert again.line_texts() == first.line_texts() == fresh.line_texts()
        assert again._lines == fresh._lines
