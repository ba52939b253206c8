"""The Markdown renderer, checked by parsing its output with markdown-it-py.

The oracle is a real CommonMark + GFM-table parser and the table
definitions: the expected tables, their columns and their cells are derived
here from :func:`govdisclosure.introspect.table_info` and the legacy
templates, never from the renderer's own code.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

import govdisclosure as gd
from govdisclosure.aggregate.skeleton import with_skeleton
from govdisclosure.cells import NotApplicable
from govdisclosure.editions.legacy import ReportLegacy
from govdisclosure.formatting import format_cell
from govdisclosure.introspect import CellKind, RowInfo, iter_cells, printed_with, table_info
from govdisclosure.plugin import manager as plugin_manager
from govdisclosure.registry import printed_template, tables_of
from govdisclosure.report_base import Section
from govdisclosure.testing.strategies import any_reports, consistent_reports
from govdisclosure_markdown import RENDERER, document, escape
from markdown_reports import hostile_text

ROOT = Path(__file__).resolve().parents[3]
EXAMPLES = sorted(
    p for p in (ROOT / "examples").rglob("*.json") if "plugins" not in p.relative_to(ROOT).parts
)
LOCALES = ("zh_Hans_CN", "en")

_md = MarkdownIt("commonmark").enable("table")


# -- reading the Markdown back -------------------------------------------------


def _text(inline: Token) -> str:
    """The text a reader sees in an inline token (escapes resolved)."""
    out = []
    for child in inline.children or ():
        if child.type in ("text", "code_inline", "html_inline"):
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
    return "".join(out)


class Parsed:
    """The block structure of a Markdown document."""

    def __init__(self, markdown: str) -> None:
        self.tokens = _md.parse(markdown)
        self.headings: list[tuple[int, str]] = []
        self.tables: list[list[list[str]]] = []
        self.paragraphs: list[str] = []
        tokens = self.tokens
        for i, tok in enumerate(tokens):
            if tok.type == "heading_open":
                self.headings.append((int(tok.tag[1]), _text(tokens[i + 1])))
            elif tok.type == "table_open":
                self.tables.append([])
            elif tok.type == "tr_open":
                self.tables[-1].append([])
            elif tok.type in ("th_open", "td_open"):
                self.tables[-1][-1].append(_text(tokens[i + 1]))
            elif tok.type == "paragraph_open" and tok.level == 0:
                self.paragraphs.append(_text(tokens[i + 1]))
        self.types = {t.type for t in tokens}


def _render(report: gd.Report, locale: str = "zh_Hans_CN", **extra: Any) -> str:
    data = gd.render(report, "markdown", locale=locale, **extra)
    return data.decode("utf-8")


# -- what the definitions say the document must hold ---------------------------


def _fmt(value: Any, kind: CellKind, locale: str, sign: str | None = None) -> str:
    return format_cell(value, kind, locale, sign=sign)


def _sign(table: object, row: RowInfo, key: str) -> str | None:
    """The sign a signed change was printed with (none: "+" as usual)."""
    obj = table
    for name in row.path:
        obj = getattr(obj, name)
    return printed_with(obj, key, "sign")


def _value(cells: dict[tuple[str, ...], Any], row: RowInfo, key: str) -> Any:
    path = (*row.path, key)
    return cells[path] if path in cells else cells[row.path]


def _unit_suffix(table: object, row: RowInfo, key: str, value: Any, locale: str) -> str:
    """The printed unit of a 2019 amount, in the locale's word (元, " CNY")."""
    obj = table
    for name in row.path:
        obj = getattr(obj, name)
    unit = getattr(obj, f"{key}_unit", None)
    if not isinstance(unit, str):
        return ""
    if not unit or value is None or isinstance(value, NotApplicable):
        return ""
    word = {"元": "CNY", "万元": "10,000 CNY"}.get(unit, unit) if locale == "en" else unit
    if word != unit:
        return " " + word
    # A unit that starts as a figure goes on (a digit, a point or a comma,
    # full-width ones included) is bracketed, or "0" and "，5" would read "0，5".
    if unicodedata.normalize("NFKC", unit).lstrip()[:1] in tuple("0123456789.,") or (
        unit.lstrip()[:1].isdigit()
    ):
        return " （" + unit + "）"
    return unit


def _numbered(heading: str) -> int | None:
    head = heading.strip().split("、", 1)
    numerals = "一二三四五六七八九十"
    if len(head) == 2 and len(head[0]) == 1 and head[0] in numerals:
        return numerals.index(head[0]) + 1
    return None


def _all_sections(sections: tuple[Section, ...], level: int = 2) -> Iterator[tuple[int, Section]]:
    for s in sections:
        yield level, s
        yield from _all_sections(s.subsections, level + 1)


def _table_order(report: gd.Report, numbers: set[int]) -> list[int]:
    """Where the official tables go: into the top-level section carrying their
    number, else before the first section numbered after them, else last."""
    present = {_numbered(s.heading) for s in report.sections}
    order: list[int] = []
    remaining = set(numbers)
    for section in report.sections:
        n = _numbered(section.heading)
        if n is None:
            continue
        for m in sorted(x for x in remaining if x < n and x not in present):
            order.append(m)
            remaining.discard(m)
        if n in remaining:
            order.append(n)
            remaining.discard(n)
    return order + sorted(remaining)


def expected_tables(report: gd.Report, locale: str) -> list[tuple[int, list[list[str]]]]:
    """``(column count, figures of each body row)`` of every table, in document order.

    Figures are the value columns only (label columns are checked
    elsewhere).  Table 2 is one table per block, table 3 one row per printed
    row (group rows have no figures), table 4 one row of fifteen cells; a
    legacy report has its statistics table; a consolidated report ends with
    a breakdown (its figures are checked by their own test).
    """
    out: list[tuple[int, list[list[str]]]] = []
    if isinstance(report, ReportLegacy):
        template = printed_template(report)
        rows = [
            [
                ""
                if row.is_header
                else _fmt(
                    report.statistics.value(row.code, c.key),
                    "money" if row.is_money else "count",
                    locale,
                )
                for c in template.columns
            ]
            for row in template.rows
        ]
        out.append((2 + len(template.columns), rows))
        top = [r for r in template.value_rows if r.parent is None]
        breakdown = 1 + len(top) * len(template.columns)
    else:
        by_number: dict[int, list[tuple[int, list[list[str]]]]] = {}
        breakdown = 1
        for key, table in tables_of(report):
            info = table_info(table, key)
            cells = {p: v for p, _, _, v in iter_cells(table)}

            def figures(row: RowInfo, table: object = table, cells: Any = cells) -> list[str]:
                return [
                    shown(
                        _fmt(
                            v := _value(cells, row, c.key),
                            c.kind,
                            locale,
                            _sign(table, row, c.key),
                        )
                        + _unit_suffix(table, row, c.key, v, locale)
                    )
                    for c in row.columns
                ]

            tables: list[tuple[int, list[list[str]]]] = []
            if key == "table2":
                for block in dict.fromkeys(r.block for r in info.rows):
                    rows = [figures(r) for r in info.rows if r.block == block]
                    labels = {c.label for r in info.rows if r.block == block for c in r.columns}
                    tables.append((1 + len(labels), rows))
            elif key == "table4":
                cells_ = [f for r in info.rows for f in figures(r)]
                tables.append((len(cells_), [cells_]))
            else:
                width = max(len(r.columns) for r in info.rows)
                rows = [figures(r) if r.columns else [""] * width for r in info.rows]
                tables.append((1 + width, rows))
            number = _numbered(type(table).title)  # type: ignore[attr-defined]
            assert number is not None
            by_number[number] = tables
            breakdown += sum(
                1 for r in info.rows if r.depth == 0 or r.is_total for c in r.columns if c.is_total
            )
        for number in _table_order(report, set(by_number)):
            out.extend(by_number[number])
    if report.parts:
        out.append((breakdown, []))
    return out


def expected_heading_count(report: gd.Report) -> int:
    """Title + every section and sub-section + tables without their section + attachments
    (a consolidated report without text is set with its format's six sections)."""
    report = with_skeleton(report, "zh_Hans_CN")
    count = 1 + sum(1 for _ in _all_sections(report.sections))
    if isinstance(report, ReportLegacy):
        count += 1
    else:
        present = {_numbered(s.heading) for s in report.sections}
        for _, table in tables_of(report):
            if _numbered(type(table).title) not in present:  # type: ignore[attr-defined]
                count += 1
    return count + (1 if report.parts else 0)


def shown(text: str) -> str:
    """What a reader must see for ``text``: one line, control characters visible."""
    out = []
    for ch in text:
        if ch in "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(ch) == "Cc":
            out.append("\ufffd")
        else:
            out.append(ch)
    # markdown-it-py strips Unicode whitespace around paragraphs and cells.
    return "".join(out).strip()


def check_document(report: gd.Report, locale: str) -> Parsed:
    """Every structural promise of the renderer, for one report."""
    parsed = Parsed(_render(report, locale))
    # Nothing the report says may become raw HTML, code or a list of its own.
    assert not parsed.types & {"html_block", "html_inline", "code_block", "fence", "hr"}
    assert len(parsed.headings) == expected_heading_count(report)
    assert parsed.headings[0][0] == 1
    expected = expected_tables(report, locale)
    assert [len(t[0]) for t in parsed.tables] == [width for width, _ in expected]
    for table, (_, figures) in zip(parsed.tables, expected, strict=True):
        assert all(len(row) == len(table[0]) for row in table)
        if not figures:  # the breakdown: checked by its own test
            continue
        body = table[1:]
        assert len(body) == len(figures)
        for row, want in zip(body, figures, strict=True):
            assert row[len(row) - len(want) :] == want
    return parsed


# -- tests ---------------------------------------------------------------------


def test_renderer_is_registered_through_the_entry_point() -> None:
    renderers = plugin_manager.renderers()
    assert renderers["markdown"] is RENDERER
    assert RENDERER.suffix == ".md"
    assert RENDERER.editions is None  # any edition, from the table definitions


def test_examples_exist() -> None:
    # The example tests below are parametrized by this glob; an empty glob
    # would silently test nothing.
    assert EXAMPLES


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("locale", LOCALES)
def test_examples(path: Path, locale: str) -> None:
    report = gd.load(path)
    parsed = check_document(report, locale)
    if report.title:
        assert parsed.headings[0][1] == shown(report.title)
    # Every section heading is a heading, at its depth, with its text.
    headings = set(parsed.headings)
    for level, section in _all_sections(report.sections):
        assert (min(level, 6), shown(section.heading)) in headings
    # Every paragraph is there, word for word.
    paragraphs = set(parsed.paragraphs)
    for _, section in _all_sections(report.sections):
        for p in section.paragraphs:
            assert not shown(p) or shown(p) in paragraphs


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_examples_round_trip_through_json(path: Path) -> None:
    report = gd.load(path)
    again = gd.loads(gd.dumps(report))
    assert again == report
    assert _render(again) == _render(report)


def _check_generated(report: gd.Report, locale: str) -> None:
    parsed = check_document(report, locale)
    # Text that tries to be Markdown comes out as the same text.
    paragraphs = set(parsed.paragraphs)
    for _, section in _all_sections(report.sections):
        for p in section.paragraphs:
            assert not shown(p) or shown(p) in paragraphs
    for p in report.preamble:
        assert not shown(p) or shown(p) in paragraphs
    headings = [text for _, text in parsed.headings]
    for _, section in _all_sections(report.sections):
        assert shown(section.heading) in headings
    # The breakdown names every unit, in order.
    if report.parts:
        names = [row[0] for row in parsed.tables[-1][1:]]
        assert names[:-1] == [shown(p.unit.name) for p in report.parts]
    # JSON round trip: same report, same document.
    again = gd.loads(gd.dumps(report))
    assert again == report
    assert _render(again, locale) == _render(report, locale)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(report=any_reports(), locale=st.sampled_from(LOCALES))
def test_any_report_hostile_text_and_parts(report: gd.Report, locale: str) -> None:
    _check_generated(report, locale)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    report=st.sampled_from(sorted(gd.EDITIONS)).flatmap(
        lambda e: consistent_reports(e, blanks=True, single_other_handling=False)
    ),
    locale=st.sampled_from(LOCALES),
)
def test_consistent_reports_with_official_headings(report: gd.Report, locale: str) -> None:
    # Realistic reports carry the official headings: every table sits in its section.
    _check_generated(report, locale)
    if not isinstance(report, ReportLegacy):
        parsed = Parsed(_render(report, locale))
        assert len(parsed.headings) == 1 + sum(1 for _ in _all_sections(report.sections))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    reports=st.sampled_from(sorted(gd.EDITIONS)).flatmap(
        lambda e: st.lists(any_reports(e, max_depth=0), min_size=2, max_size=4)
    ),
    locale=st.sampled_from(LOCALES),
    details=st.booleans(),
)
def test_a_document_does_not_depend_on_the_reports_rendered_before_it(
    reports: list[gd.Report], locale: str, details: bool
) -> None:
    # Tables are drawn once per shape, locale and printed labels and then
    # filled (document._TEMPLATES): a report of the same edition, with its
    # own figures, signs, units and misprinted labels, must get exactly the
    # document it gets when nothing was drawn before it.
    option = {"details": "true"} if details else {}
    in_turn = [_render(report, locale, **option) for report in reports]
    for report, text in zip(reports, in_turn, strict=True):
        document._TEMPLATES.clear()
        assert _render(report, locale, **option) == text


@settings(max_examples=200, deadline=None)
@given(text=hostile_text)
def test_escaped_text_reads_back_as_itself(text: str) -> None:
    escaped = escape(text)
    assert "\n" not in escaped and "\r" not in escaped
    # As a paragraph of its own.
    parsed = Parsed(f"before\n\n{escaped}\n\nafter\n")
    assert parsed.types & {"html_block", "html_inline", "code_block", "fence", "hr"} == set()
    assert not parsed.headings and not parsed.tables
    want = shown(text)
    # (A line of ideographic spaces is a paragraph that markdown-it-py strips to "".)
    paragraphs = [p for p in parsed.paragraphs if p]
    assert paragraphs == (["before", want, "after"] if want else ["before", "after"])
    # As a heading and as a table cell.
    parsed = Parsed(f"## {escaped}\n\n| a | b |\n| --- | --- |\n| {escaped} | x |\n")
    assert parsed.headings == [(2, want)]
    assert parsed.tables == [[["a", "b"], [want, "x"]]]


def test_hostile_unit_name_changes_no_structure() -> None:
    hostile = "A | B\n# C\n<b>D</b> `E` [F](G) _H_ *I*\x00\x1b"
    plain = gd.Report2021(unit=gd.ReportingUnit(name="X"), year=2024)
    evil = gd.Report2021(
        unit=gd.ReportingUnit(name=hostile),
        year=2024,
        title=hostile,
        signed_by=hostile,
        preamble=(hostile,),
        sections=tuple([Section(heading=hostile, paragraphs=(hostile,))]),
    )
    a, b = Parsed(_render(plain)), Parsed(_render(evil))
    assert [len(t) for t in a.tables] == [len(t) for t in b.tables]
    assert [len(t[0]) for t in a.tables] == [len(t[0]) for t in b.tables]
    assert len(b.headings) == len(a.headings) + 1  # the one section
    assert b.headings[0] == (1, shown(hostile))
    assert shown(hostile) in b.paragraphs


def test_blank_and_not_applicable_are_distinguished() -> None:
    report = gd.Report2021(
        unit=gd.ReportingUnit(name="X"),
        year=2024,
        table4=gd.Table4(reconsideration=gd.ReviewOutcomes(upheld=0, corrected=gd.NA)),
    )
    parsed = Parsed(_render(report))
    table4 = parsed.tables[-1]
    assert table4[1][:3] == ["0", "/", ""]
    assert table4[0][0] == "行政复议：结果维持"
    assert table4[0][5] == "行政诉讼：未经复议直接起诉：结果维持"
    # Asked for, the legend under the table says what the difference means;
    # by default the document is the report as printed, without it.
    en = Parsed(_render(report, "en", details="true"))
    assert any("not applicable" in p for p in en.paragraphs)
    plain = Parsed(_render(report, "en"))
    assert not any("not applicable" in p for p in plain.paragraphs)


def test_an_unknown_markdown_option_names_the_known_ones() -> None:
    from govdisclosure.rendering import RenderError

    report = gd.Report2021(unit=gd.ReportingUnit(name="X"), year=2024)
    with pytest.raises(RenderError, match="details"):
        gd.render(report, "markdown", detials="true")


def test_nested_rows_are_indented_by_depth() -> None:
    report = gd.Report2021(unit=gd.ReportingUnit(name="X"), year=2024)
    table3 = Parsed(_render(report)).tables[4]
    info = table_info(report.table3, "table3")
    for row, cells in zip(info.rows, table3[1:], strict=True):
        label = cells[0]
        assert label.lstrip("\u2003") == row.label
        assert len(label) - len(label.lstrip("\u2003")) == 2 * row.depth
        if row.is_group:
            assert cells[1:] == [""] * 7


def test_english_labels() -> None:
    report = gd.Report2021(unit=gd.ReportingUnit(name="X"), year=2024)
    en = _render(report, "en")
    zh = _render(report)
    assert "Natural persons" in en and "自然人" in zh and "自然人" not in en


def test_tables_sit_in_their_sections() -> None:
    report = gd.Report2021(
        unit=gd.ReportingUnit(name="X"),
        year=2024,
        sections=tuple(
            Section(heading=h, paragraphs=("p",)) for h in gd.EDITIONS["2021"].section_headings
        ),
    )
    markdown = _render(report)
    parsed = Parsed(markdown)
    assert [t for _, t in parsed.headings[1:]] == list(gd.EDITIONS["2021"].section_headings)
    # Table 3 (the 25-row table) comes after heading 三 and before 四.
    three = markdown.index("## 三、")
    four = markdown.index("## 四、")
    assert three < markdown.index("| 一、本年新收政府信息公开申请数量") < four


def test_signature_closes_the_body() -> None:
    report = gd.Report2021(
        unit=gd.ReportingUnit(name="某市人民政府"),
        year=2024,
        signed_by="某市人民政府办公室",
        dates=gd.ReportDates(written=dt.date(2025, 1, 20)),
    )
    parsed = Parsed(_render(report))
    assert parsed.paragraphs[-2:] == ["某市人民政府办公室", "2025年1月20日"]


@pytest.mark.parametrize(("unit", "printed"), [("234", "1 （234）"), ("元", "1元")])
def test_a_printed_unit_starting_with_a_digit_is_set_apart(unit: str, printed: str) -> None:
    # Glued to the figure as 元 is, "1" in the unit "234" printed "1234".
    report = gd.load(ROOT / "examples" / "shanghai-szfbgt-2019.json")
    assert isinstance(report, gd.Report2019)
    row = attrs.evolve(report.table2.procurement, amount=Decimal(1), amount_unit=unit)
    text = gd.render(
        attrs.evolve(report, table2=attrs.evolve(report.table2, procurement=row)), "markdown"
    )
    assert f"| {printed} |" in text.decode("utf-8")
