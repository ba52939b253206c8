"""Every installed renderer renders every report the codec accepts.

:func:`govdisclosure.testing.strategies.any_reports` draws anything that
loads: blanks and every not-applicable mark (a whole table-2 block given
one mark), amounts with up to six decimals, counts up to 10^9, hostile
text (control characters, markup, lines of thousands of characters),
nested parts.  Rendering such a report must give a document or a
:class:`~govdisclosure.rendering.RenderError` that names the field it
could not print (a JSON path), never a reportlab ``LayoutError``, a
``decimal.InvalidOperation`` or an ``AttributeError``.  The hostile cases
the property found are kept below as examples of their own, each checked
on the PDF's text: nothing of a very long name or paragraph is lost.
"""

from __future__ import annotations

import re
from decimal import Decimal

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.flat import shape_of
from govdisclosure.plugin import manager
from govdisclosure.plugin.types import RenderOptions
from govdisclosure.rendering import RenderError, render
from govdisclosure.testing.strategies import any_reports
from govdisclosure_pdf import render_pdf
from pdf_helpers import Rendered, squash
from pdf_reports import EXAMPLES

#: The start of each binary format: the document is at least what it says it is.
_MAGIC = {"pdf": b"%PDF-", "docx": b"PK\x03\x04", "xlsx": b"PK\x03\x04"}
_PATH = re.compile(r"\$\.[\w.\[\]]+")


def _check(name: str, report: gd.Report, out: bytes) -> None:
    if name in _MAGIC:
        assert out.startswith(_MAGIC[name])
    elif name == "json":
        assert gd.loads(out) == report
    else:
        out.decode("utf-8")  # Markdown and HTML are text


@pytest.mark.parametrize("name", sorted(manager.renderers()))
@settings(
    max_examples=12,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(report=any_reports(max_parts=2), charts=st.booleans(), english=st.booleans())
def test_every_renderer_renders_any_report(
    name: str, report: gd.Report, charts: bool, english: bool
) -> None:
    try:
        out = render(report, name, charts=charts, locale="en" if english else "zh_Hans_CN")
    except RenderError as exc:
        assert _PATH.search(str(exc)), f"a RenderError must name the field: {exc}"
        return
    _check(name, report, out)


def _pdf(report: gd.Report) -> Rendered:
    return Rendered(report, render_pdf(report, RenderOptions()), RenderOptions())


def _huaian() -> gd.Report2021:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    return report


def test_a_paragraph_taller_than_a_page_goes_on_over_pages() -> None:
    report = _huaian()
    paragraph = "政府信息公开工作稳步推进，" * 1500  # about 30 pages
    first = report.sections[0]
    report = attrs.evolve(
        report,
        sections=(attrs.evolve(first, paragraphs=(paragraph,)), *report.sections[1:]),
    )
    rendered = _pdf(report)
    assert len(rendered.reader.pages) > 30
    assert squash(paragraph) in rendered.text


@pytest.mark.parametrize("letter", ["长", "b"])
def test_a_unit_name_of_ten_thousand_characters_wraps(letter: str) -> None:
    """In the consolidated attachment the name's row is cut over pages, the name kept whole."""
    report = _huaian()
    name = letter * 10_000
    part = attrs.evolve(report, unit=attrs.evolve(report.unit, name=name), parts=())
    other = attrs.evolve(part, unit=attrs.evolve(report.unit, name="盱眙县人民政府"))
    rendered = _pdf(attrs.evolve(report, parts=(part, other)))
    text = rendered.text
    # The name's pieces, in order, with nothing but the table between them.
    assert text.count(letter) >= 10_000
    assert "盱眙县人民政府" in text


def test_a_row_that_fits_a_page_but_not_under_its_caption_is_cut() -> None:
    """Found by the property: 2019 procurement's ``amount_unit`` of thousands of "|".

    Its row (611 pt) is shorter than a page (638 pt) but not with the
    block's caption and column heads kept before it (677 pt): the three
    used to move to a fresh page, not fit there either, and end in a
    ``LayoutError``.  The row is cut under its caption instead.
    """
    base = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    assert isinstance(base, gd.Report2019)
    unit = "|" * 4000
    table2 = base.table2
    procurement = attrs.evolve(table2.procurement, amount_unit=unit)
    report = attrs.evolve(base, table2=attrs.evolve(table2, procurement=procurement))
    rendered = _pdf(report)
    assert "采购总金额政府集中采购6251000" + unit in rendered.text
    pages = [squash(page.extract_text()) for page in rendered.reader.pages]
    starts = [i for i, text in enumerate(pages) if "|" in text]
    assert len(starts) == 2  # the row goes on over the next page
    assert "第二十条第（九）项" in pages[starts[0]]  # and begins under its caption


def test_a_title_and_a_signature_longer_than_a_page() -> None:
    report = _huaian()
    title = "关于政府信息公开的报告" * 400
    signer = "淮安市人民政府办公室" * 600
    rendered = _pdf(attrs.evolve(report, title=title, signed_by=signer))
    assert squash(title) in rendered.text
    assert squash(signer) in rendered.text


def test_an_amount_of_thirty_digits_is_printed_exactly() -> None:
    base = _huaian()
    shape = shape_of(base)
    values = list(shape.flatten(base))
    at = shape.kinds.index("money")
    values[at] = Decimal("123456789012345678901234567890.5")
    report = shape.rebuild(base, values)
    rendered = _pdf(report)
    assert "123456789012345678901234567890.5" in rendered.text
    for name in sorted(manager.renderers()):
        _check(name, report, render(report, name))
