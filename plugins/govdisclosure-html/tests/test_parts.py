"""The importer's parts on small pages: charset, grid, text, proof by the relations, the loader."""

from __future__ import annotations

import codecs
import gc
import itertools
import json
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st
from selectolax.lexbor import LexborHTMLParser

import govdisclosure as gd
import govdisclosure_html.importer as importer
from govdisclosure.cells import NotApplicable
from govdisclosure.cli import cli
from govdisclosure.plugin.manager import loaders
from govdisclosure_html import import_html
from govdisclosure_html.charset import decode
from govdisclosure_html.continuation import says_continued
from govdisclosure_html.grid import expand
from govdisclosure_html.page import _FILE_LINK, Attachment, Block, read_page
from govdisclosure_html.text import Key, label_key, read_number

DATA = Path(__file__).parent / "data"
PAGE_2023 = DATA / "2023_central-zhsyq_87885" / "page.html"


# -- charset -------------------------------------------------------------------


def test_gbk_page_declared_gb2312_is_read_as_gb18030() -> None:
    text = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>朱镕基 政府信息公开</p></body></html>'
    decoded = decode(text.encode("gb18030"))
    assert decoded.encoding == "gb18030" and decoded.how == "declared"
    assert "朱镕基" in decoded.text  # 镕 is not in GB2312: the narrower table would lose it


def test_bom_wins_over_a_wrong_declaration() -> None:
    text = '<meta charset="gbk"><p>政府信息公开</p>'
    decoded = decode(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert (decoded.how, decoded.encoding) == ("bom", "utf-8")
    assert "政府信息公开" in decoded.text


def test_undeclared_gbk_is_detected() -> None:
    text = "<p>" + "本年度收到和处理政府信息公开申请情况，依法予以公开。" * 20 + "</p>"
    decoded = decode(text.encode("gbk"))
    assert decoded.how == "detected"
    assert "政府信息公开申请" in decoded.text


def test_a_real_page_converted_to_gbk_imports_the_same() -> None:
    utf8 = PAGE_2023.read_bytes()
    gbk = utf8.decode("utf-8").replace('charset="utf-8"', 'charset="gbk"', 1).encode("gb18030")
    a, _, _ = import_html(utf8)
    b, prov, _ = import_html(gbk)
    assert a is not None and b is not None
    assert prov.encoding == "gb18030"
    assert a.table3 == b.table3 and a.table2 == b.table2


# -- grid ----------------------------------------------------------------------


def _grid(html: str):  # type: ignore[no-untyped-def]
    table = LexborHTMLParser(html).css_first("table")
    assert table is not None
    return expand(table, 0)


def test_a_merged_cell_has_one_origin_and_covers_the_rest() -> None:
    grid = _grid(
        "<table><tr><td rowspan=2>A</td><td colspan=2>B</td></tr>"
        "<tr><td>1</td><td>2</td></tr><tr><td>x</td><td colspan=2>99</td></tr></table>"
    )
    assert grid.width == 3
    a = grid.rows[1][0]
    assert a is not None and a.cell.text == "A" and not a.is_origin
    b = grid.rows[0][2]
    assert b is not None and b.cell.text == "B" and not b.is_origin
    assert [(s.cell.text if s else None) for s in grid.rows[1]] == ["A", "1", "2"]
    # 99 is printed once: only its origin is a cell of its own.
    assert [c.text for c in grid.cells()].count("99") == 1


def test_rowspan_zero_runs_to_the_end_of_its_group_and_spans_are_clamped() -> None:
    grid = _grid(
        "<table><tbody><tr><td rowspan=0>L</td><td>1</td></tr><tr><td>2</td></tr></tbody>"
        "<tbody><tr><td colspan=99999>wide</td></tr></tbody></table>"
    )
    first = grid.rows[1][0]
    assert first is not None and first.cell.text == "L"
    assert grid.rows[2][0] is not None and grid.width == 1000


def test_every_encoding_of_a_real_page_reads_into_the_same_page() -> None:
    """UTF-8 bytes go to the parser as they are, other encodings as decoded
    text, a BOM cut off: each gives the page of the decoded text."""
    text = PAGE_2023.read_bytes().decode("utf-8")
    gbk = text.replace('charset="utf-8"', 'charset="gbk"', 1)
    expected = read_page(text.encode("utf-8"))
    for data, declared in (
        (text.encode("utf-8"), None),
        (text.encode("utf-8"), "UTF-8"),
        (codecs.BOM_UTF8 + text.encode("utf-8"), None),
        (gbk.encode("gb18030"), None),
        (text.encode("gb18030"), "gb18030"),
    ):
        page = read_page(data, declared)
        assert page.decoded.text.replace('charset="gbk"', 'charset="utf-8"', 1) == text
        assert (page.blocks, page.grids, page.meta) == (
            expected.blocks,
            expected.grids,
            expected.meta,
        )
        assert (page.attachments, page.body_found_by) == (
            expected.attachments,
            expected.body_found_by,
        )


# -- attachments -----------------------------------------------------------------

_PIECES = st.sampled_from(["附件", "年报", ".pdf", ".XLS", ".doc", "x", " ", ".", "docx", "表.et"])
_TAGS = st.sampled_from(["span", "b", "font", "p"])


@st.composite
def _link_markup(draw: st.DrawFn) -> str:
    """A link's inside: text pieces, some wrapped (nested) in inline elements."""
    out = ""
    for piece in draw(st.lists(_PIECES, max_size=5)):
        for tag in draw(st.lists(_TAGS, max_size=2)):
            piece = f"<{tag}>{piece}</{tag}>"
        out += piece
    return out


@given(
    st.lists(
        st.tuples(
            # Targets with line breaks inside: the page reader searches the
            # targets joined, a line each, unless one holds a break of its own.
            st.sampled_from(
                ["a.html", "f.pdf", "f.PDF?x=1", "g.docx#p", "h", "f.pdf\nx", "x\nf.pdf", " .Doc "]
            ),
            _link_markup(),
        ),
        max_size=6,
    )
)
def test_attachments_are_the_links_whose_href_or_text_names_a_file(
    links: list[tuple[str, str]],
) -> None:
    """Oracle: every link's whole text (its text nodes joined), read in Python."""
    html = "".join(f'<a href="{h}">{m}</a>' for h, m in links)
    doc = LexborHTMLParser(html)
    expected: dict[str, Attachment] = {}
    for a in doc.css("a[href]"):
        href = (a.attributes.get("href") or "").strip()
        text = (a.text(deep=True) or "").strip()
        if _FILE_LINK.search(href) or _FILE_LINK.search(text):
            expected.setdefault(href, Attachment(href=href, text=text))
    assert read_page(html.encode()).attachments == tuple(expected.values())


# -- tables continued ------------------------------------------------------------

_BLOCKS = st.lists(
    st.one_of(
        st.integers(0, 5).map(lambda i: Block(table=i)),
        st.sampled_from(["（续表）", "续表", "续上表：", "正文", "", "表"]).map(
            lambda t: Block(text=t)
        ),
    ),
    max_size=12,
)
_PAGE = read_page(b"<p>x</p>")


@given(_BLOCKS)
def test_the_continued_tables_are_those_right_after_a_table(blocks: list[Block]) -> None:
    # _continued asks only the texts right after a table whether they say
    # 续表; it finds what pairing the blocks left once the 续表 lines are out finds.
    kept = [b for b in blocks if b.text is None or not says_continued(b.text)]
    expected = frozenset(
        b.table for a, b in itertools.pairwise(kept) if a.table is not None and b.table is not None
    )
    assert importer._continued(attrs.evolve(_PAGE, blocks=tuple(blocks))) == expected


# -- text ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("printed", "value", "unit"),
    [
        ("１２３", 123, None),  # full-width digits
        ("1,234,567", 1234567, None),
        ("1 234", 1234, None),
        ("\xa05949.088667\xa0", Decimal("5949.088667"), None),
        ("147230元", 147230, "元"),
        ("12.5万元", Decimal("12.5"), "万元"),
        ("+3", 3, None),
        ("-2", -2, None),
    ],
)
def test_numbers_are_read_as_printed(printed: str, value: object, unit: str | None) -> None:
    read = read_number(printed)
    assert (read.value, read.unit, read.unreadable) == (value, unit, False)


def test_marks_blanks_and_words() -> None:
    assert read_number("/").value == NotApplicable("/")
    assert read_number("—").value == NotApplicable("—")
    assert read_number("　").value is None and not read_number("　").unreadable
    assert read_number("无").unreadable


def test_label_keys_ignore_numbering_style_and_spacing() -> None:
    keys = {
        label_key(s)
        for s in ("1.属于国家秘密", "1、属于国家秘密", "（1）属于国家秘密", "１．属于 国家\n秘密")
    }
    assert len(keys) == 1
    assert label_key("其中：2．政府公报公开").words == "政府公报公开"
    assert label_key("（三）不予公开") != label_key("三、不予公开")


def test_label_keys_read_the_number_of_every_numbering_form() -> None:
    # One form per level (the format's), one number whatever the form.
    forms = {
        "一": ["一、", "一.", "一．"],
        "(一)": ["（一）", "(一)", "一）", "㈠", "（一）、"],
        "1": ["1.", "1、", "１．", "（1）", "(1)", "1）", "⑴"],
        "①": ["①", "❶", "➀"],
    }
    for code, prefixes in forms.items():
        for prefix in prefixes:
            key = label_key(prefix + "予以公开")
            assert (key.code, key.ordinal, key.words) == (code, 1, "予以公开"), prefix
    assert label_key("其中：③网站公开") == Key("③", "网站公开", 3)
    assert label_key("其中③网站公开") == Key("③", "网站公开", 3)
    assert [label_key(f"{n}、x").ordinal for n in ("十", "十一", "二十", "二十三")] == [
        10,
        11,
        20,
        23,
    ]
    assert label_key("（二）予以公开").numbering_agrees(label_key("2.予以公开"))
    assert not label_key("（二）予以公开").numbering_agrees(label_key("（一）予以公开"))
    assert label_key("予以公开").numbering_agrees(label_key("（一）予以公开"))
    # Not numbering: a circled figure inside the words, a year, a phone number.
    assert label_key("设置①查阅点") == label_key("设置1查阅点")
    assert label_key("设置①查阅点").code == ""
    assert label_key("2019年").code == label_key("12345热线").code == ""


# -- proof by the relations ----------------------------------------------------


def test_a_wrong_printed_total_is_the_publishers_error() -> None:
    page = PAGE_2023.read_text("utf-8")
    # （七）总计 of 自然人 printed 80; print 90 instead.
    i = page.index("（七）总计")
    j = page.index(">80<", i)
    changed = page[:j] + ">90<" + page[j + 4 :]
    report, _, problems = import_html(changed.encode("utf-8"))
    assert report is not None and report.table3.results.total.natural_person == 90
    codes = {p.code for p in problems}
    assert "publisher-error" in codes and "doubtful-mapping" not in codes


def test_a_failing_relation_over_a_cell_placed_by_position_is_a_doubtful_mapping() -> None:
    page = PAGE_2023.read_text("utf-8")
    # The label of （三）4 made unreadable, and its 1 printed as 5: the row is
    # placed by position only, so the broken total is not blamed on the publisher.
    page = page.replace("4.保护第三方合法权益", "4.？？？？", 1)
    i = page.index("4.？？？？")
    j = page.index(">1<", i)
    page = page[:j] + ">5<" + page[j + 3 :]
    report, provenance, problems = import_html(page.encode("utf-8"))
    assert report is not None
    cell = next(
        c
        for c in provenance.cells
        if c.path == "$.table3.results.not_disclosed.third_party_rights.natural_person"
    )
    assert cell.match == "position" and cell.doubtful and cell.text == "5"
    codes = [p.code for p in problems]
    assert "doubtful-mapping" in codes and "publisher-error" not in codes


def test_an_unreadable_cell_stays_blank_and_is_reported() -> None:
    page = PAGE_2023.read_text("utf-8")
    i = page.index("（七）总计")
    j = page.index(">80<", i)
    page = page[:j] + ">约八十<" + page[j + 4 :]
    report, _, problems = import_html(page.encode("utf-8"))
    assert report is not None and report.table3.results.total.natural_person is None
    (problem,) = [p for p in problems if p.code == "cell-unreadable"]
    assert problem.path == "$.table3.results.total.natural_person"
    assert "约八十" in problem.message("zh_Hans_CN")


def test_a_row_printing_only_words_is_reported_missing() -> None:
    # 行政许可's one figure replaced by words: the row has no figure at all.
    page = PAGE_2023.read_text("utf-8").replace(">2629<", ">约两千<", 1)
    report, _, problems = import_html(page.encode("utf-8"))
    assert report is not None and report.table2.licensing is None
    assert [p.path for p in problems if p.code == "cell-missing"] == ["$.table2.licensing"]


# -- the loader, through the plugin manager and the CLI -----------------------


def test_the_loader_is_registered_for_html_suffixes() -> None:
    loader = loaders()["html"]
    assert loader.suffixes == {".html", ".htm"}
    report = loader.load(PAGE_2023.read_bytes(), str(PAGE_2023))
    assert report.year == 2023
    with pytest.raises(gd.LoadError, match="xls"):
        loader.load((DATA / "2015_jtj-jiaojianju_80446" / "page.html").read_bytes(), "2015.html")


def test_render_reads_a_page_through_the_loader(tmp_path: Path) -> None:
    out = tmp_path / "2023.json"
    result = CliRunner().invoke(cli, ["render", str(PAGE_2023), "--to", "json", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text("utf-8"))
    assert data["edition"] == "2021" and data["table2"]["licensing"] == 2629
    assert data["unit"]["name"] == "平潭综合实验区"


def test_the_import_leaves_the_garbage_collector_as_it_found_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    page = b"<html><body><p>x</p></body></html>"
    was = gc.isenabled()
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            import_html(page)
            assert gc.isenabled() is enabled

        def broken(data: bytes, charset: str | None = None, sheets: object = None) -> None:
            assert not gc.isenabled()  # paused while the page is read
            raise ValueError("broken page")

        gc.enable()
        monkeypatch.setattr(importer, "read_page", broken)
        with pytest.raises(ValueError, match="broken page"):
            import_html(page)
        assert gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()
