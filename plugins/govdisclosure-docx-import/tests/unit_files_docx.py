"""Word files as a unit's staff type them, made here deterministically.

Not through the project's renderers: python-docx writes each file as a
person builds it in a word processor — the title, the preamble, the six
numbered sections, and the three statistics tables typed after their
headings, merged cells made with Word's own "merge cells" — and each case
then does one thing people do (a header typed over two rows, a table cut
by a page break with its header repeated, figures typed with 件 or in
full-width digits, tracked changes left in, headings numbered by Word's
list numbering, ...).  The figures come from the examples' transcriptions
(淮安 2024, 上海 2019, 玉溪 2017), and what each file prints is written
down as it is made (:class:`unit_file_oracle.UnitFile`).

``cases()`` gives every file; ``cases_converted(folder)`` the ones that
arrive through LibreOffice (a file resaved, an old .doc).
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path as FsPath
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import govdisclosure as gd
from govdisclosure.paths import Path
from govdisclosure.table_grid import GridCell, TableGrid, report_grids
from govdisclosure.testing.libreoffice import convert
from unit_file_oracle import UnitFile, example, figures, header_over_two_rows, value_text

#: A figure cell's text, given the cell and the figure as the example has it.
Figure = Callable[[GridCell, str], str]


def _plain(cell: GridCell, text: str) -> str:
    return text


def save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _set_cell(cell: Any, text: str) -> None:
    """``text`` in a Word cell, a paragraph per line."""
    lines = text.split("\n")
    cell.text = lines[0]
    for more in lines[1:]:
        cell.add_paragraph(more)


def add_table(
    document: Any,
    report: gd.Report,
    grid: TableGrid,
    first: int = 0,
    last: int | None = None,
    figure: Figure = _plain,
    header_rows: int = 0,
) -> Any:
    """Rows ``first``..``last - 1`` of ``grid`` as one Word table, merged as
    Word merges (``gridSpan``, ``vMerge``); the first ``header_rows`` rows
    marked to repeat on each page (``w:tblHeader``)."""
    last = grid.height if last is None else last
    table = document.add_table(rows=last - first, cols=grid.width)
    table.style = "Table Grid"
    for cell in grid.cells:
        top, bottom = max(cell.row, first), min(cell.row + cell.rows, last) - 1
        if top > bottom:
            continue
        start = table.cell(top - first, cell.col)
        end = table.cell(bottom - first, cell.col + cell.cols - 1)
        merged = start if start._tc is end._tc else start.merge(end)
        if cell.row >= first:
            _set_cell(merged, figure(cell, value_text(report, cell)))
    for row in table.rows[:header_rows]:
        trpr = row._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))
    return table


def page_break(document: Any) -> None:
    run = document.add_paragraph().add_run()
    br = OxmlElement("w:br")
    br.set(qn("w:type"), "page")
    run._r.append(br)


TableWriter = Callable[[Any, gd.Report, TableGrid], None]


def _one_table(document: Any, report: gd.Report, grid: TableGrid) -> None:
    add_table(document, report, grid)


def build(
    report: gd.Report,
    write_table: TableWriter = _one_table,
    heading: Callable[[Any, str], None] | None = None,
    document: Any = None,
) -> Any:
    """A Word document typed from ``report``: title, preamble, the sections
    in order with each statistics table after its heading."""
    document = docx.Document() if document is None else document
    document.add_paragraph(report.title or "")
    for text in report.preamble:
        document.add_paragraph(text)
    grids = {g.key: g for g in report_grids(report)}
    placed: set[str] = set()
    keys = list(grids)
    for number, section in enumerate(report.sections):
        if heading is None:
            document.add_paragraph(section.heading)
        else:
            heading(document, section.heading)
        for text in section.paragraphs:
            document.add_paragraph(text)
        for sub in section.subsections:
            document.add_paragraph(sub.heading)
            for text in sub.paragraphs:
                document.add_paragraph(text)
        # The tables go after sections 二, 三 and 四 (a single pre-2019 table
        # after 二); a table whose heading the report lacks goes last.
        if 1 <= number <= len(keys) and keys[number - 1] not in placed:
            write_table(document, report, grids[keys[number - 1]])
            placed.add(keys[number - 1])
    for key in keys:
        if key not in placed:
            write_table(document, report, grids[key])
    return document


def headings(report: gd.Report) -> tuple[str, ...]:
    return tuple(s.heading for s in report.sections)


def typed(name: str, report: gd.Report, document: Any, **kw: Any) -> UnitFile:
    return UnitFile(name, save(document), figures(report), report.edition, **kw)


# -- the cases ---------------------------------------------------------------


def _header_split(document: Any, report: gd.Report, grid: TableGrid) -> None:
    add_table(document, report, header_over_two_rows(report, grid))


def case_header_split() -> UnitFile:
    report = example("huaian-2024.json")
    return typed("docx-header-two-rows", report, build(report, _header_split))


def _cut_with_page_break(repeat: bool) -> TableWriter:
    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        if grid.key != "table3":
            add_table(document, report, grid)
            return
        head = min(c.row for c in grid.cells if c.role == "value")
        cut = 15
        add_table(document, report, grid, 0, cut, header_rows=head)
        page_break(document)
        if repeat:
            # The header typed (copied) again at the top of the next page.
            both = add_table(document, report, grid, 0, cut, header_rows=head)
            for row in list(both.rows)[head:]:
                row._tr.getparent().remove(row._tr)
            tail = add_table(document, report, grid, cut, grid.height)
            for row in tail.rows:
                both._tbl.append(row._tr)
            tail._tbl.getparent().remove(tail._tbl)
        else:
            add_table(document, report, grid, cut, grid.height)

    return write


def case_page_break() -> UnitFile:
    report = example("huaian-2024.json")
    return typed("docx-cut-by-page-break", report, build(report, _cut_with_page_break(False)))


def case_repeated_header() -> UnitFile:
    report = example("huaian-2024.json")
    document = build(report, _cut_with_page_break(True))
    return typed("docx-header-repeated", report, document)


def _with_units(cell: GridCell, text: str) -> str:
    if cell.role != "value" or not text.isdigit():
        return text
    if cell.path and cell.path[0] == "table2":
        return f"{text}件" if len(cell.path) > 2 and cell.path[2] != "amount" else text
    if cell.path and cell.path[0] == "table3":
        return text.translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    return f"{text}条" if text != "0" else text


def case_units_full_width() -> UnitFile:
    report = example("huaian-2024.json")

    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        add_table(document, report, grid, figure=_with_units)

    return typed("docx-units-full-width", report, build(report, write))


def _two_paragraphs(cell: GridCell, text: str) -> str:
    if cell.role == "value" and text:
        return f"{text}\n"  # Enter pressed after the figure
    for mark in ("（", "政府信息"):
        at = text.find(mark, 2)
        if at > 0:
            return f"{text[:at]}\n{text[at:]}"
    return text


def case_two_paragraphs() -> UnitFile:
    report = example("huaian-2024.json")

    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        add_table(document, report, grid, figure=_two_paragraphs)

    return typed("docx-two-paragraphs", report, build(report, write))


def _run(text: str, kind: str = "") -> Any:
    r = OxmlElement("w:r")
    t = OxmlElement("w:delText" if kind == "del" else "w:t")
    t.text = text
    r.append(t)
    if not kind:
        return r
    wrapper = OxmlElement(f"w:{kind}")
    wrapper.set(qn("w:id"), str(abs(hash(text)) % 1000))
    wrapper.set(qn("w:author"), "科员")
    wrapper.set(qn("w:date"), "2025-01-20T09:00:00Z")
    wrapper.append(r)
    return wrapper


def case_tracked_changes() -> UnitFile:
    """A reviewer's changes left unaccepted: in figure cells the old figure
    deleted and the new one inserted (``w:del`` / ``w:ins``), a word
    inserted into a label; the file prints the new figures."""
    report = example("huaian-2024.json")
    changed: list[tuple[Any, str]] = []

    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        table = add_table(document, report, grid)
        for cell in grid.cells:
            text = value_text(report, cell)
            if cell.role == "value" and text.isdigit() and int(text) > 3 and cell.col % 2:
                changed.append((table.cell(cell.row, cell.col), text))

    document = build(report, write)
    for n, (cell, text) in enumerate(changed):
        p = cell.paragraphs[0]._p
        for r in p.findall(qn("w:r")):
            p.remove(r)
        old = str(int(text) + 10)
        if n % 3 == 0:  # the whole figure replaced
            p.append(_run(old, "del"))
            p.append(_run(text, "ins"))
        elif n % 3 == 1:  # its last digit changed
            p.append(_run(text[:-1]))
            p.append(_run(old[-1], "del"))
            p.append(_run(text[-1], "ins"))
        else:  # typed in by the reviewer
            p.append(_run(text, "ins"))
    assert changed
    return typed("docx-tracked-changes", report, document)


def case_nested_in_cell() -> UnitFile:
    """Each statistics table put in a cell of a two-row frame table whose
    first row holds the table's caption (a layout table)."""
    report = example("huaian-2024.json")

    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        frame = document.add_table(rows=2, cols=1)
        frame.cell(0, 0).text = f"表{grid.key[-1]}"
        inner = frame.cell(1, 0)
        holder = docx.Document()
        table = add_table(holder, report, grid)
        inner._tc.append(table._tbl)
        inner._tc.append(OxmlElement("w:p"))  # a cell ends with a paragraph

    return typed("docx-table-in-cell", report, build(report, write))


_NUMBERING = """<w:abstractNum xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
 w:abstractNumId="90"><w:multiLevelType w:val="hybridMultilevel"/><w:lvl w:ilvl="0"><w:start w:val="1"/>
<w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>"""


def case_numbered_headings() -> UnitFile:
    """Section headings numbered by Word's list numbering (``w:numPr``, a
    Chinese counting format "%1、"), the 一、 not typed."""
    report = example("huaian-2024.json")
    document = docx.Document()
    numbering = document.part.numbering_part.element
    abstract = docx.oxml.parse_xml(_NUMBERING)
    numbering.insert(0, abstract)
    num = OxmlElement("w:num")
    num.set(qn("w:numId"), "90")
    ref = OxmlElement("w:abstractNumId")
    ref.set(qn("w:val"), "90")
    num.append(ref)
    numbering.append(num)

    def heading(doc: Any, text: str) -> None:
        p = doc.add_paragraph(text.split("、", 1)[1])
        ppr = p._p.get_or_add_pPr()
        numpr = OxmlElement("w:numPr")
        for tag, val in (("w:ilvl", "0"), ("w:numId", "90")):
            el = OxmlElement(tag)
            el.set(qn("w:val"), val)
            numpr.append(el)
        ppr.append(numpr)

    build(report, heading=heading, document=document)
    return typed("docx-numbered-headings", report, document, sections=headings(report))


def _hmerge(document: Any, report: gd.Report, grid: TableGrid) -> None:
    """Merges written the old way: ``w:hMerge`` restart/continue cells, one
    ``w:tc`` per grid column, instead of ``w:gridSpan``."""
    table = document.add_table(rows=grid.height, cols=grid.width)
    table.style = "Table Grid"
    for cell in grid.cells:
        for r in range(cell.row, cell.row + cell.rows):
            for c in range(cell.col, cell.col + cell.cols):
                tc = table.cell(r, c)._tc
                tcpr = tc.get_or_add_tcPr()
                if cell.cols > 1:
                    h = OxmlElement("w:hMerge")
                    if c == cell.col:
                        h.set(qn("w:val"), "restart")
                    tcpr.append(h)
                if cell.rows > 1:
                    v = OxmlElement("w:vMerge")
                    if r == cell.row:
                        v.set(qn("w:val"), "restart")
                    tcpr.append(v)
        _set_cell(table.cell(cell.row, cell.col), value_text(report, cell))


def case_hmerge() -> UnitFile:
    report = example("huaian-2024.json")
    return typed("docx-hmerge", report, build(report, _hmerge))


def case_wrong_total() -> UnitFile:
    """The unit typed table 3's 总计 of new applications one too many."""
    report = example("huaian-2024.json")
    path = ("table3", "new_applications", "total")

    def typo(cell: GridCell, text: str) -> str:
        return str(int(text) + 1) if cell.path == path else text

    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        add_table(document, report, grid, figure=typo)

    made = typed("docx-total-wrong", report, build(report, write), publisher_error=True)
    return replace(made, figures={**made.figures, path: made.figures[path] + 1})


def _field(cell: Any, code: str, result: str | None) -> None:
    """``cell``'s text replaced by a Word field ``{ code }`` showing ``result``
    (``None``: a field never updated, showing nothing)."""
    p = cell.paragraphs[0]._p
    for r in p.findall(qn("w:r")):
        p.remove(r)

    def run(tag: str, text: str = "", kind: str = "") -> None:
        r = OxmlElement("w:r")
        el = OxmlElement(tag)
        if kind:
            el.set(qn("w:fldCharType"), kind)
        if text:
            el.text = text
        r.append(el)
        p.append(r)

    run("w:fldChar", kind="begin")
    run("w:instrText", f" {code} ")
    if result is not None:
        run("w:fldChar", kind="separate")
        run("w:t", result)
    run("w:fldChar", kind="end")


def case_formula_fields() -> UnitFile:
    """Totals as Word table formulas ``{ =SUM(LEFT) }``: table 3's updated
    (each shows its result), table 4's never updated (a program wrote
    them: they show nothing, and are reported, never computed)."""
    report = example("huaian-2024.json")
    unread: set[Path] = set()

    def write(document: Any, report: gd.Report, grid: TableGrid) -> None:
        table = add_table(document, report, grid)
        for cell in grid.values():
            if not cell.path or cell.path[-1] != "total" or cell.col < 4:
                continue
            shown = value_text(report, cell) if grid.key == "table3" else None
            if shown is None:
                unread.add(cell.path)
            _field(table.cell(cell.row, cell.col), "=SUM(LEFT)", shown)

    document = build(report, write)
    printed = {p: v for p, v in figures(report).items() if p not in unread}
    return UnitFile(
        "docx-formula-fields", save(document), printed, report.edition, unreadable=frozenset(unread)
    )


def case_2019() -> UnitFile:
    report = example("shanghai-szfbgt-2019.json")
    return typed("docx-2019-edition", report, build(report))


def case_legacy() -> UnitFile:
    report = example("yuxi-2017.json")
    return typed("docx-2017-template", report, build(report))


def cases() -> list[UnitFile]:
    """Every Word file made with python-docx alone."""
    return [
        case_header_split(),
        case_page_break(),
        case_repeated_header(),
        case_units_full_width(),
        case_two_paragraphs(),
        case_tracked_changes(),
        case_nested_in_cell(),
        case_numbered_headings(),
        case_hmerge(),
        case_wrong_total(),
        case_formula_fields(),
        case_2019(),
        case_legacy(),
    ]


def cases_converted(folder: FsPath) -> Iterator[UnitFile]:
    """The files that arrive through LibreOffice: the tracked-changes file
    resaved (LibreOffice keeps the changes) and the 淮安 file saved as an
    old binary .doc (refused: convert it first)."""
    source = case_tracked_changes()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "unit.docx"
    path.write_bytes(source.data)
    (resaved,) = convert([path], "docx:MS Word 2007 XML", folder / "resaved")
    yield UnitFile(
        "docx-resaved-by-libreoffice", resaved.read_bytes(), source.figures, source.edition
    )
    (old,) = convert([path], "doc:MS Word 97", folder / "doc")
    yield UnitFile(
        "doc-binary", old.read_bytes(), source.figures, source.edition, refused="convert-first"
    )
