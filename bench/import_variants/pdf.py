"""PDF variants: 淮安 2024 as Word exports it with table 3 over pages, and its published PDF turned.

Four are our Word rendering of ``examples/huaian-2024.json`` with table 3's
rows made taller or its page turned, exported to PDF by LibreOffice
(``soffice``, which ``make system-deps`` installs): the exports are made on
first use, all in one run, with a LibreOffice profile of their own (two runs
sharing the user's profile fail).  The fifth is the published PDF in the PDF
import plugin's test data (a copy of the reference data's
``published/huaian-2024.pdf``) with its table-3 pages given ``/Rotate 90``.
"""

from __future__ import annotations

import io
import re
import tempfile
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import pypdf

import govdisclosure as gd
from govdisclosure.testing.libreoffice import SOFFICE, convert

from .variant import EXAMPLES, PLUGINS, Case, Variant, collect
from .word import document_xml, huaian, repack

#: LibreOffice, when installed.
_PUBLISHED = PLUGINS / "govdisclosure-pdf-import/tests/data/huaian-2024.pdf"


class SofficeMissing(RuntimeError):
    """A variant LibreOffice exports was asked for on a machine without it."""


def _table_3_rows(xml: str, edit: Callable[[int, str], str]) -> str:
    """``xml`` with each row of table 3 given the properties ``edit(row number, properties)``."""
    table = next(
        m for m in re.finditer(r"<w:tbl>.*?</w:tbl>", xml, re.S) if "本年新收" in m.group(0)
    )
    count = iter(range(1, 10_000))
    rows = re.sub(
        r"<w:tr>(?:<w:trPr>(.*?)</w:trPr>)?",
        lambda m: f"<w:tr><w:trPr>{edit(next(count), m.group(1) or '')}</w:trPr>",
        table.group(0),
    )
    return xml[: table.start()] + rows + xml[table.end() :]


def _tall(height: int, header: bool = False) -> Callable[[str], str]:
    """Table 3's rows at least ``height`` twips; its three heading rows flagged as the
    header Word repeats on each page (again, where they already are) if ``header``."""

    def properties(row: int, kept: str) -> str:
        flag = "<w:tblHeader/>" if header and row <= 3 else ""
        return f'<w:trHeight w:val="{height}" w:hRule="atLeast"/>{flag}{kept}'

    return lambda xml: _table_3_rows(xml, properties)


_SECTION = (
    '<w:p><w:pPr><w:sectPr><w:pgSz w:w="{w}" w:h="{h}"{o}/>'
    '<w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="720" '
    'w:footer="720" w:gutter="0"/></w:sectPr></w:pPr></w:p>'
)


def _landscape(xml: str) -> str:
    """Table 3 and its caption in a landscape section of their own."""
    table = next(
        m for m in re.finditer(r"<w:tbl>.*?</w:tbl>", xml, re.S) if "本年新收" in m.group(0)
    )
    caption = xml.rindex("<w:p>", 0, table.start())
    portrait = _SECTION.format(w=11906, h=16838, o="")
    landscape = _SECTION.format(w=16838, h=11906, o=' w:orient="landscape"')
    return xml[:caption] + portrait + xml[caption : table.end()] + landscape + xml[table.end() :]


#: Each exported variant and the change to the Word file before its export.
_EXPORTED: dict[str, Callable[[str], str]] = {
    "t3-two-pages": _tall(700),
    "t3-three-pages": _tall(1150),
    "t3-three-pages-header-repeated": _tall(1150, header=True),
    "t3-landscape-page": _landscape,
}


@cache
def _exports() -> dict[str, bytes]:
    """Every exported variant's PDF, made by one LibreOffice run."""
    if SOFFICE is None:
        raise SofficeMissing(
            "LibreOffice (soffice) is not installed: the PDF variants exported from Word "
            "cannot be made (`make system-deps` installs it)"
        )
    docx = gd.render(gd.load(EXAMPLES / "huaian-2024.json"), "docx")
    with tempfile.TemporaryDirectory(prefix="import-variants-") as name:
        folder = Path(name)
        for variant, edit in _EXPORTED.items():
            folder.joinpath(f"{variant}.docx").write_bytes(repack(docx, edit(document_xml(docx))))
        pdfs = convert([folder / f"{v}.docx" for v in _EXPORTED], "pdf", folder)
        return {v: pdf.read_bytes() for v, pdf in zip(_EXPORTED, pdfs, strict=True)}


def _exported(name: str) -> Callable[[], bytes]:
    return lambda: _exports()[name]


def table_3_over_pages() -> Iterator[Case]:
    """Table 3 cut by page breaks (a row's label cut at the foot of a page; the table over
    three pages, its header repeated) or set on a landscape page, as Word exports a long
    table; the header flagged twice is a file LibreOffice lays out with the 勾稽 note
    spilling over the next row's label (not counted among the tables printed as tables)."""
    for name in _EXPORTED:
        yield Case(name, _exported(name), tables=name != "t3-three-pages-header-repeated")


def _turned() -> bytes:
    reader = pypdf.PdfReader(_PUBLISHED)
    writer = pypdf.PdfWriter()
    for page in reader.pages:
        writer.add_page(page)
        if "本年新收" in (page.extract_text() or ""):
            writer.pages[-1].rotate(90)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def sideways() -> Iterator[Case]:
    """The published PDF with its table pages turned (``/Rotate 90``), as a scanner or a
    wide table's page leaves them (not counted among the tables printed as tables)."""
    yield Case("published 淮安 PDF, table-3 pages /Rotate 90", _turned, tables=False)


def variants() -> list[Variant]:
    """Every PDF variant; the exported ones need LibreOffice when their bytes are asked for."""
    return [
        *collect("PDF", (table_3_over_pages,), huaian(), gd.Report2021, soffice=True),
        *collect("PDF", (sideways,), huaian(), gd.Report2021),
    ]
