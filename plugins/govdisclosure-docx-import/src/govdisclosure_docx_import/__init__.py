"""Word import for govdisclosure: a .docx report read into the typed model.

* Loader ``docx`` (``.docx``): the body read in order with python-docx;
  every top-level table expanded into a grid through ``w:gridSpan`` (a cell
  over several grid columns) and ``w:vMerge`` (``restart`` opens a cell,
  ``continue`` extends the one above: one origin, never a copied value);
  paragraphs as text; a text box's content after the paragraph it is
  anchored in (:mod:`.textboxes`).  Then the same mapping as a web page
  (:func:`govdisclosure_html.import_document`).
* Loader ``doc-binary`` (``.doc``, ``.wps``): the old binary formats are
  refused with "convert it first"; with ``GOVDISCLOSURE_SOFFICE=1`` and
  ``soffice`` on the PATH they are converted to .docx by LibreOffice
  (headless, in a temporary folder, 120 s at most) and imported.  The old
  binary workbooks (.xls, .et) are the Excel plugin's.

See ``docs/import.md``.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Final

import docx
from docx.oxml.ns import qn

from govdisclosure.i18n import N_
from govdisclosure.plugin import Loader, hookimpl
from govdisclosure_html import Document, ImportResult
from govdisclosure_html.continuation import says_continued
from govdisclosure_html.grid import Cell, Grid, Slot
from govdisclosure_html.office import convert_or_refuse, title_of
from govdisclosure_html.outcome import failed, import_read, importing_loader, unreadable_file
from govdisclosure_html.text import as_marks, looks_numeric, money_unit_line, read_number, struck

from .numbering import list_labels
from .tabstops import PackageStyles, placed_fields, styles_of
from .textboxes import READ_APART, own_nodes, text_boxes

__all__ = ["LOADERS", "docx_document", "govdisclosure_loaders", "import_doc", "import_docx"]


_W_P, _W_R, _W_T, _W_TAB, _W_BR = (qn(f"w:{tag}") for tag in ("p", "r", "t", "tab", "br"))
_W_TBL, _W_TR, _W_TC = qn("w:tbl"), qn("w:tr"), qn("w:tc")
#: What a tracked change leaves that is not printed: a deletion, and the old
#: place of a move (its text is printed where it moved to, ``w:moveTo``).
_NOT_PRINTED: Final = frozenset({qn("w:del"), qn("w:moveFrom")})
#: Containers a cell's paragraphs may sit in: content controls (form
#: templates put one in every cell) and custom XML.
_PARAGRAPH_HOLDERS: Final = frozenset({qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")})


def _on(flag: Any) -> bool:
    """A toggle property (``<w:vanish/>``) that is present and not switched off."""
    return flag is not None and flag.get(qn("w:val"), "true") not in ("0", "false", "off")


def _raised(rpr: Any) -> str:
    """How a run is set off the line: ``"superscript"``, ``"subscript"`` or
    ``""``.  Word's own superscript is ``w:vertAlign``; LibreOffice writes
    its superscript (a page's ``<sup>`` pasted or converted) as ``w:position``,
    the run raised by so many half-points (and set smaller): a run raised
    or lowered either way is a mark's, never a digit of the figure beside it."""
    align = rpr.find(qn("w:vertAlign"))
    if align is not None:
        return str(align.get(qn("w:val"), ""))
    position = rpr.find(qn("w:position"))
    if position is not None:
        try:
            value = int(position.get(qn("w:val"), "0"))
        except ValueError:
            return ""
        return "superscript" if value > 0 else "subscript" if value < 0 else ""
    return ""


def _printed(element: Any) -> Iterator[str]:
    """The printed text of a paragraph's runs, in order: ``w:t``, a tab or a
    break as a space.  Left out, as Word prints the file: hidden text
    (``w:vanish``) and the text of tracked deletions and moves' old places.
    A raised or lowered run's digits are marks (:func:`as_marks`, :func:`_raised`), a struck
    run's text is struck (:func:`struck`): neither is a digit of a figure."""
    for node in element.iterchildren():
        tag = node.tag
        if tag == _W_T:
            yield node.text or ""
        elif tag in (_W_TAB, _W_BR):
            yield " "
        elif tag == _W_R:
            rpr = node.find(qn("w:rPr"))
            if rpr is not None and _on(rpr.find(qn("w:vanish"))):
                continue
            text = "".join(_printed(node))
            if rpr is not None:
                if _on(rpr.find(qn("w:strike"))) or _on(rpr.find(qn("w:dstrike"))):
                    text = struck(text)
                text = as_marks(text, _raised(rpr))
            yield text
        elif tag not in _NOT_PRINTED and tag not in READ_APART:
            # A text box's content is read apart (:mod:`.textboxes`).
            yield from _printed(node)


def _box(tbl: Any) -> bool:
    """A one-cell table holding no table: a frame around text (a figure
    pasted into a cell as a table of its own), read as its text."""
    rows = tbl.findall(_W_TR)
    return (
        len(rows) == 1 and len(rows[0].findall(_W_TC)) == 1 and rows[0].find(f".//{_W_TBL}") is None
    )


def _paragraphs(element: Any) -> Iterator[Any]:
    """A cell's paragraphs in order, through content controls, custom XML
    and one-cell tables (:func:`_box`) in it."""
    for child in element.iterchildren():
        tag = child.tag
        if tag == _W_P:
            yield child
            for box in text_boxes(child):
                yield from _paragraphs(box)
        elif tag in _PARAGRAPH_HOLDERS:
            yield from _paragraphs(child)
        elif tag == _W_TBL and _box(child):
            yield from _paragraphs(child.find(f"{_W_TR}/{_W_TC}"))


_W_FLDCHAR, _W_INSTR, _W_FLDSIMPLE = qn("w:fldChar"), qn("w:instrText"), qn("w:fldSimple")


def _uncalculated(p: Any) -> Iterator[str]:
    """The formula fields of a paragraph that hold no result: a Word table
    formula (``{ =SUM(LEFT) }``) written by a program and never updated
    prints nothing.  Its formula is given instead of a blank, so the cell
    is reported unreadable with it, never computed and never read as blank.
    A field with a result prints that result (read with the runs)."""
    for simple in p.iter(_W_FLDSIMPLE):
        instr = str(simple.get(qn("w:instr"), "")).strip()
        if instr.startswith("=") and simple.find(f".//{_W_T}") is None:
            yield instr
    depth, code, result = 0, "", False
    for node in p.iter(_W_FLDCHAR, _W_INSTR):
        if node.tag == _W_INSTR:
            if depth == 1 and not result:
                code += node.text or ""
            continue
        kind = node.get(qn("w:fldCharType"))
        if kind == "begin":
            depth += 1
            if depth == 1:
                code, result = "", False
        elif kind == "separate" and depth == 1:
            result = True
        elif kind == "end" and depth:
            depth -= 1
            if not depth and not result and code.strip().startswith("="):
                yield code.strip()


def _text(element: Any) -> str:
    """A cell's or paragraph's printed text: its paragraphs joined by line breaks
    (a formula field never calculated given as its formula, :func:`_uncalculated`)."""
    paragraphs = _paragraphs(element) if element.tag != _W_P else [element]
    return "\n".join(
        " ".join(filter(None, ("".join(_printed(p)), *_uncalculated(p)))) for p in paragraphs
    ).strip()


@dataclass
class FiguresFound:
    """Figures found printed in the cell before their own (:func:`_moved_figure`):
    the cells (table, row, column) they were put back in, and those left out
    (table, row, column, figure, the words printed before it)."""

    moved: set[tuple[int, int, int]] = field(default_factory=set)
    stray: list[tuple[int, int, int, str, str]] = field(default_factory=list)


def _figure(text: str) -> bool:
    """A cell text that is one figure (a number, nothing else)."""
    read = read_number(text)
    return isinstance(read.value, int | Decimal) and not read.unreadable


def _moved_figure(tc: Any) -> tuple[str, str] | None:
    """A cell's own text and the figure of a one-cell table after it, when
    the cell prints text, then a one-cell table holding a figure alone
    (:func:`_box`), then nothing: what a word processor makes of a figure
    pasted as a one-cell table into the cell to the right (LibreOffice
    Writer moves such a table into the cell before it, under that cell's
    words, and leaves its own cell empty).  None for any other cell."""
    own: list[str] = []
    figure: str | None = None
    for child in tc.iterchildren():
        if child.tag == _W_P:
            text = _text(child)
            if text and figure is not None:
                return None  # text after the table: not a figure put under a label
            if text:
                own.append(text)
        elif child.tag == _W_TBL and _box(child):
            if figure is not None or not own:
                return None
            figure = _text(child.find(f"{_W_TR}/{_W_TC}"))
            if not _figure(figure):
                return None
        elif child.tag != qn("w:tcPr"):
            return None
    if figure is None:
        return None
    return "\n".join(own), figure


def _grid(tbl: Any, index: int, found: FiguresFound | None = None) -> Grid:
    """The grid of one ``w:tbl``: gridSpan (or the old ``w:hMerge``) across, vMerge down.

    A figure moved by the conversion into the cell before its own
    (:func:`_moved_figure`) is put back when its own cell, the next one on
    the row, is printed empty: that cell gets the figure and its position
    (table, row, column) goes to ``found.moved``, so the provenance says so.
    When the next cell prints something or goes on a merged cell above, the
    figure's own cell is not sure: the cell before keeps its words alone
    and the figure goes to ``found.stray``, reported, never placed."""
    rows: list[list[Slot | None]] = []
    cells: list[Cell] = []
    for r, tr in enumerate(tbl.findall(qn("w:tr"))):
        line: list[Slot | None] = []
        col = 0
        trpr = tr.find(qn("w:trPr"))
        before = trpr.find(qn("w:gridBefore")) if trpr is not None else None
        if before is not None:
            col = int(before.get(qn("w:val"), "0"))
            line.extend([None] * col)
        tcs = tr.findall(qn("w:tc"))
        carried: str | None = None  # a figure put back into the next cell
        for k, tc in enumerate(tcs):
            tcpr = tc.find(qn("w:tcPr"))
            span = 1
            merge: str | None = None
            across: str | None = None
            if tcpr is not None:
                gs = tcpr.find(qn("w:gridSpan"))
                if gs is not None:
                    span = max(1, int(gs.get(qn("w:val"), "1")))
                vm = tcpr.find(qn("w:vMerge"))
                if vm is not None:
                    merge = vm.get(qn("w:val"), "continue")
                hm = tcpr.find(qn("w:hMerge"))
                if hm is not None:
                    across = hm.get(qn("w:val"), "continue")
            above = rows[r - 1][col] if r and col < len(rows[r - 1]) else None
            left = line[col - 1] if col and col - 1 < len(line) else None
            if merge != "continue" and across == "continue" and left is not None:
                # The old horizontal merge (w:hMerge): a cell per grid column,
                # each "continue" widening the one on its left.
                origin = left.cell
                cell = origin._replace(colspan=col + span - origin.col)
                cells[cells.index(origin)] = cell
                for cc in range(origin.col, col):
                    line[cc] = Slot(cell, r, cc)
                # A figure carried (:func:`_widens`) goes on to the next cell.
            elif merge == "continue" and above is not None:
                origin = above.cell
                grown = origin._replace(rowspan=r - origin.row + 1)
                cells[cells.index(origin)] = grown
                cell = grown
                # Earlier slots of this merged cell point at the grown cell too.
                for rr in range(origin.row, r):
                    for cc in range(origin.col, origin.col + origin.colspan):
                        if cc < len(rows[rr]) and rows[rr][cc] is not None:
                            rows[rr][cc] = Slot(grown, rr, cc)
            else:
                text = _text(tc)
                if carried is not None:
                    text = carried
                    if found is not None:
                        found.moved.add((index, r, col))
                carried = None
                figure = _moved_figure(tc)
                if figure is not None:
                    # The next cell of the row, past the cells this one widens.
                    after = next((t for t in tcs[k + 1 :] if not _widens(t)), None)
                    if after is not None and _free(after):
                        text, carried = figure
                    else:
                        text = figure[0]
                        if found is not None:
                            found.stray.append((index, r, col, figure[1], figure[0]))
                cell = Cell(r, col, 1, span, text)
                cells.append(cell)
            line.extend(Slot(cell, r, cc) for cc in range(col, col + span))
            col += span
        rows.append(line)
    return Grid(index, tuple(tuple(line) for line in rows))


def _widens(tc: Any) -> bool:
    """A ``w:tc`` that only widens the cell on its left (``w:hMerge``
    continue, the old horizontal merge): no cell of its own, so a figure
    moved out of the cell to its right is not put back in it."""
    tcpr = tc.find(qn("w:tcPr"))
    hm = tcpr.find(qn("w:hMerge")) if tcpr is not None else None
    vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    across = hm is not None and hm.get(qn("w:val"), "continue") == "continue"
    down = vm is not None and vm.get(qn("w:val"), "continue") == "continue"
    return across and not down


def _free(tc: Any) -> bool:
    """A cell printed empty that opens no merge down (a figure may be put back in it)."""
    tcpr = tc.find(qn("w:tcPr"))
    vm = tcpr.find(qn("w:vMerge")) if tcpr is not None else None
    if vm is not None and vm.get(qn("w:val"), "continue") != "restart":
        return False
    return not _text(tc) and tc.find(f".//{_W_TBL}") is None


#: A table typed as text needs this many lines; a caption line inside it at most so long.
_TYPED_ROWS = 3
_CAPTION_LENGTH = 40


def _fields(p: Any) -> list[str]:
    """A paragraph's text cut at its tabs (a field per tab stop, empty ones kept)."""
    fields = [""]
    for node in own_nodes(p, qn("w:t"), qn("w:tab"), qn("w:br")):
        if node.tag == qn("w:tab"):
            fields.append("")
        else:
            fields[-1] += node.text or "" if node.tag == qn("w:t") else " "
    return [f.strip() for f in fields]


def _has_tab(p: Any) -> bool:
    return next(own_nodes(p, _W_TAB), None) is not None


def _typed_caption(text: str) -> bool:
    """A short line that ends no sentence: a block's caption inside a typed table."""
    return 0 < len(text) <= _CAPTION_LENGTH and not text.endswith(("。", "；", ";", "：", ":"))


def _typed_rows(paragraphs: Sequence[Any], styles: PackageStyles) -> list[list[str]] | None:
    """The fields of a run of lines with tabs, a list per line and a field per
    column, if the run is a table typed as text: a few lines, a figure in one
    at least (a list set with tabs has none), and every line with tabs typed
    with a field for each column (a caption line has none), or laid out on
    tab stops of its own.  A line with fewer fields typed a merged cell once
    and left out the fields it covers: Word's tab stops, not the fields, line
    it up, so its fields are put in the columns of the stops they stand at
    (:mod:`.tabstops`); when a line's layout is not sure, the lines stay text
    and nothing is placed from them."""
    if len(paragraphs) < _TYPED_ROWS:
        return None
    rows = [_fields(p) for p in paragraphs]
    tabbed = [row for p, row in zip(paragraphs, rows, strict=True) if _has_tab(p)]
    if not any(looks_numeric(f) for row in tabbed for f in row):
        return None
    width = max(len(row) for row in tabbed)
    if all(len(row) == width for row in tabbed):
        return rows
    placed: list[list[tuple[int, str]]] = []
    for p, row in zip(paragraphs, rows, strict=True):
        if not _has_tab(p):
            placed.append([(-1, row[0])])  # a caption: the first column
            continue
        fields = placed_fields(p, styles)
        if fields is None:
            return None
        placed.append(fields)
    columns = sorted({pos for line in placed for pos, _ in line if pos >= 0})
    out: list[list[str]] = []
    for line in placed:
        row = [""] * len(columns)
        for pos, text in line:
            row[columns.index(pos) if pos >= 0 else 0] = text
        out.append(row)
    return out


def _heading_lines(rows: list[list[str]]) -> list[bool]:
    """Which typed lines are captions and headers, not a row of figures left
    blank: no figure, and words where other lines print figures (a header),
    or one text in the first field right before such a line (a caption)."""
    # Columns of numbers proper: a unit column's "——" does not make one.
    figure_cols = {
        c
        for row in rows
        for c, f in enumerate(row)
        if isinstance(read_number(f).value, int | Decimal) and not read_number(f).unreadable
    }
    header = [
        not any(looks_numeric(f) for f in row)
        and any(f and c in figure_cols for c, f in enumerate(row))
        for row in rows
    ]
    return [
        header[r] or (r + 1 < len(rows) and header[r + 1] and bool(row[0]) and not any(row[1:]))
        for r, row in enumerate(rows)
    ]


def _typed_grid(rows: list[list[str]], index: int) -> Grid:
    """A table typed as lines of tab-separated fields, a cell per field.

    A merged cell is typed once, the fields it covers left empty.  Between
    lines with no figure (captions, headers) a cell of the line above whose
    fields are all empty in the line below runs down into it ("总计", "自然人"
    over two header lines, the 勾稽 note over three), and an empty field
    goes with the text to its left ("法人或其他组织" over its five columns).
    Empty fields in a line of figures stay cells of their own: a figure left
    blank."""
    width = max(len(row) for row in rows)
    rows = [row + [""] * (width - len(row)) for row in rows]
    heading = _heading_lines(rows)
    cells: list[list[Any]] = []  # [row, col, rowspan, colspan, text]
    at: list[list[int]] = []  # each slot's cell, by index in ``cells``
    for r, row in enumerate(rows):
        line: list[int | None] = [None] * width
        if r and heading[r] and heading[r - 1]:
            for k in dict.fromkeys(at[r - 1]):
                first, span = cells[k][1], cells[k][3]
                if all(not row[c] for c in range(first, first + span)):
                    cells[k][2] += 1
                    line[first : first + span] = [k] * span
        left: int | None = None  # the text cell an empty field may join
        for c, text in enumerate(row):
            if line[c] is not None:
                left = None
                continue
            if heading[r] and not text and left is not None:
                cells[left][3] += 1
                line[c] = left
                continue
            cells.append([r, c, 1, 1, text])
            line[c] = len(cells) - 1
            left = line[c] if text else None
        at.append([k for k in line if k is not None])
    made = [Cell(*spec) for spec in cells]
    return Grid(
        index,
        tuple(tuple(Slot(made[k], r, c) for c, k in enumerate(line)) for r, line in enumerate(at)),
    )


def _blocks(element: Any) -> Iterator[Any]:
    """The paragraphs and data tables under ``element`` in reading order.

    A table that holds tables is a layout table (a frame a report's table was
    pasted into): its cells are read in order, as the body is, so the tables
    inside it are found and its own cells' text is text.  A one-cell table
    inside a cell (:func:`_box`) is that cell's text, not a table.  A content control
    (``w:sdt``, templates wrap tables and paragraphs in them) is read through.
    A paragraph's text boxes are read after it, as the body is
    (:mod:`.textboxes`: a floating table of a page pasted into Word).
    """
    for child in element.iterchildren():
        tag = child.tag
        if tag == qn("w:p"):
            yield child
            for box in text_boxes(child):
                yield from _blocks(box)
        elif tag == qn("w:tbl"):
            if all(_box(inner) for inner in child.iterdescendants(_W_TBL)):
                yield child
                continue
            for tc in child.iterfind(f"{qn('w:tr')}/{qn('w:tc')}"):
                yield from _blocks(tc)
        elif tag == qn("w:sdt"):
            content = child.find(qn("w:sdtContent"))
            if content is not None:
                yield from _blocks(content)


#: Names of the character styles LibreOffice Writer gives a page's ``<del>``
#: when it opens or pastes a web page: the style keeps the element's name
#: but no strike.
_DELETION_STYLES: Final = frozenset({"del"})


def _strike_deleted_runs(document: Any) -> None:
    """Set struck (in the parsed copy, never the file) the runs in a character
    style named after HTML's deletion elements (:data:`_DELETION_STYLES`).

    A page's ``<del>80</del>81`` becomes, in Writer, a run "80" in a
    character style named "del" with no strike in it, printed as 8081: the
    style's name is the one trace left that the page deleted those digits.
    Read as struck (:func:`struck`), the cell is refused and reported, never
    read as 8081."""
    ids = {
        style.get(qn("w:styleId"))
        for style in document.styles.element.iterfind(qn("w:style"))
        if style.get(qn("w:type")) == "character"
        and (name := style.find(qn("w:name"))) is not None
        and str(name.get(qn("w:val"), "")).strip().lower() in _DELETION_STYLES
    }
    if not ids:
        return
    for rstyle in document.element.body.iter(qn("w:rStyle")):
        rpr = rstyle.getparent()
        if rstyle.get(qn("w:val")) in ids and rpr.find(qn("w:strike")) is None:
            rpr.append(rpr.makeelement(qn("w:strike"), {}))


def _numbered(label: str | None, text: str) -> str:
    """A list paragraph's text after the number Word prints before it
    (:mod:`.numbering`), unless the text already starts with it."""
    if not label or text.startswith(label):
        return text
    return f"{label} {text}" if label[-1].isascii() and label[-1].isalnum() else label + text


def docx_document(data: bytes, source: str) -> Document | ImportResult:
    """The :class:`Document` of a .docx file, or the failed result naming why."""
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
        styles = styles_of(document)
        _strike_deleted_runs(document)
        labels = list_labels(document)
    except (zipfile.BadZipFile, KeyError, ValueError, SyntaxError) as exc:
        # SyntaxError: lxml's XMLSyntaxError, a part of the package that is not XML.
        return failed(
            source,
            unreadable_file(exc, data, source, "docx"),
            "docx",
        )
    grids: list[Grid] = []
    paragraphs: list[str] = []
    nested = body.find(f".//{qn('w:tbl')}//{qn('w:tbl')}") is not None
    # Word keeps two tables apart by a paragraph, often an empty one: a table
    # after nothing but empty ones (or 续表) may go on with the one before.
    continued: set[int] = set()
    after_table = False
    # The money unit a line between the table before and each table gives
    # ("（金额单位：元）").
    unit_lines: list[str | None] = []
    unit: str | None = None

    def add_grid(grid: Grid) -> None:
        nonlocal unit, after_table
        if after_table:
            continued.add(len(grids))
        grids.append(grid)
        unit_lines.append(unit)
        unit = None
        after_table = True

    def add_text(text: str) -> None:
        nonlocal unit, after_table
        paragraphs.append(text)
        unit = money_unit_line(text) or unit
        after_table = after_table and says_continued(text)

    typed: list[Any] = []  # a run of paragraphs with tabs: perhaps a table typed
    found = FiguresFound()  # figures put back or left out (:func:`_grid`)

    def flush() -> None:
        # Short lines with no tab at the end of the run are text after it.
        end = len(typed)
        while end and not _has_tab(typed[end - 1]):
            end -= 1
        rows = _typed_rows(typed[:end], styles)
        if rows is not None:
            add_grid(_typed_grid(rows, len(grids)))
        else:
            end = 0
        for p in typed[end:]:
            if text := _text(p):
                add_text(text)
        typed.clear()

    for child in _blocks(body):
        if child.tag == qn("w:p") and (_has_tab(child) or (typed and _typed_caption(_text(child)))):
            # A line with tabs, or a caption line between such lines
            # (第二十条第（五）项 typed with no tab).
            typed.append(child)
            continue
        flush()
        if child.tag == qn("w:tbl"):
            add_grid(_grid(child, len(grids), found))
        elif text := _text(child):
            add_text(_numbered(labels.get(child), text))
    flush()
    title, rest = title_of(paragraphs)
    return Document(
        grids=tuple(grids),
        paragraphs=tuple(rest),
        title=title,
        encoding="UTF-8 (Office Open XML)",
        encoding_found_by="the package's XML",
        body_found_by="the document body in order: tables and paragraphs"
        + (" (inside layout tables too)" if nested else ""),
        format="docx",
        continued=frozenset(continued),
        unit_lines=tuple(unit_lines),
        moved_figures=frozenset(found.moved),
        stray_figures=tuple(found.stray),
    )


def import_docx(
    data: bytes, source: str = "<docx>", *, derive_templates: bool = False
) -> ImportResult:
    """Import one .docx: ``report, provenance, problems = import_docx(data, "r.docx")``.

    ``derive_templates``: see :func:`govdisclosure_html.import_html`."""
    return import_read(docx_document, data, source, derive_templates=derive_templates)


def import_doc(
    data: bytes, source: str = "<doc>", *, derive_templates: bool = False
) -> ImportResult:
    """An old binary file: converted when allowed (see the module doc), else refused."""
    return convert_or_refuse(
        data,
        source,
        to="docx",
        importer=import_docx,
        message_id=N_(
            "{suffix} is an old binary format: convert it first (to .docx or .xlsx), e.g. soffice --headless --convert-to docx FILE; with GOVDISCLOSURE_SOFFICE=1 and LibreOffice installed a .doc is converted here"
        ),
        derive_templates=derive_templates,
    )


LOADERS: Sequence[Loader] = (
    importing_loader(
        "docx",
        frozenset({".docx"}),
        import_docx,
        "A report written in Word (.docx), placed on the official tables",
    ),
    importing_loader(
        "doc-binary",
        frozenset({".doc", ".wps"}),
        import_doc,
        "Old binary Word/WPS files: reported as 'convert it first' "
        "(converted by LibreOffice with GOVDISCLOSURE_SOFFICE=1)",
    ),
)


@hookimpl
def govdisclosure_loaders() -> Sequence[Loader]:
    return list(LOADERS)
