"""Portals print the same tables in many styles: the import does not care.

Our own HTML rendering of a generated report (every edition and template)
is restyled the ways portal pages are written — a table pasted from Word
(every cell's text in ``<p class=MsoNormal><span style=…>``), ``<td>``
where we print ``<th>``, no caption, widths and borders on every cell,
full-width digits and thousands separators, ``&nbsp;`` padding and
spaces inside labels, labels broken by ``<br>``, numbering written
``1、`` instead of ``1.`` — any combination of them, and the import gives
the same edition and the same figures, with no cell left unplaced.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure.editions import edition_of
from govdisclosure.testing.strategies import any_reports, without_printed_labels
from govdisclosure_html import import_html
from html_helpers import procurement

_CELL = re.compile(r"(<t[dh]\b[^>]*>)(.*?)(</t[dh]>)", re.S)
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _cells(page: str, edit: Callable[[str], str]) -> str:
    return _CELL.sub(lambda m: m.group(1) + edit(m.group(2)) + m.group(3), page)


def _word_export(page: str) -> str:
    return _cells(
        page,
        lambda text: (
            '<p class="MsoNormal" align="center"><span style="font-family:宋体;'
            f'font-size:10.5pt">{text}</span></p>'
        ),
    )


def _all_td(page: str) -> str:
    return re.sub(r"<(/?)th\b", r"<\1td", page)


def _no_caption(page: str) -> str:
    return re.sub(r"<caption>.*?</caption>", "", page, flags=re.S)


def _cell_attributes(page: str) -> str:
    return re.sub(r"<t([dh])\b", r'<t\1 width="12%" style="border:1px solid #000"', page)


def _grouped(match: re.Match[str]) -> str:
    digits = match.group(0)
    if len(digits) < 4 or "." in digits:
        return digits
    return f"{int(digits):,}"


def _wide_figures(page: str) -> str:
    def edit(text: str) -> str:
        if not re.fullmatch(r"\s*-?[\d,.]+\s*", text):
            return text
        return re.sub(r"\d+(\.\d+)?", _grouped, text.strip()).translate(_FULL_WIDTH)

    return _cells(page, edit)


def _split_labels(shortest: int, split: Callable[[str, str], str]) -> Callable[[str], str]:
    """A style that cuts every label of ``shortest`` characters or more in two."""

    def style(page: str) -> str:
        def edit(text: str) -> str:
            if re.search(r"\d", text) or "<" in text or len(text) < shortest:
                return text
            middle = len(text) // 2
            return split(text[:middle], text[middle:])

        return _cells(page, edit)

    return style


_padded_labels = _split_labels(4, lambda a, b: f"&nbsp;{a} {b}&nbsp;")
_broken_labels = _split_labels(8, lambda a, b: f"{a}<br>{b}")


def _numbering_with_dun(page: str) -> str:
    return _cells(page, lambda text: re.sub(r"^(\d)\.(?=\D)", r"\1、", text))


STYLES: dict[str, Callable[[str], str]] = {
    # Edits of a cell's text first, then the markup that wraps it.
    "wide figures": _wide_figures,
    "padded labels": _padded_labels,
    "broken labels": _broken_labels,
    "numbering 1、": _numbering_with_dun,
    "word export": _word_export,
    "td for th": _all_td,
    "no caption": _no_caption,
    "cell attributes": _cell_attributes,
}

ORDER = list(STYLES)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    any_reports(max_depth=0).map(without_printed_labels),
    st.sets(st.sampled_from(ORDER), min_size=1),
)
@example(procurement(Decimal(0), "1"), {"wide figures"})  # "0 1" was read as 1
def test_restyled_pages_import_the_same(report: gd.Report, styles: set[str]) -> None:
    page = gd.render(report, "html").decode("utf-8")
    for name in ORDER:
        if name in styles:
            page = STYLES[name](page)
    imported, provenance, problems = import_html(
        page.encode("utf-8"), "restyled.html", validate_report=False, derive_templates=True
    )
    assert imported is not None, [p.message("en") for p in problems]
    assert edition_of(imported) == edition_of(report)
    assert cells_by_path(imported) == cells_by_path(report)
    assert not [p.message("en") for p in problems if p.code == "cell-not-placed"]
    assert not any(c.doubtful for c in provenance.cells)
