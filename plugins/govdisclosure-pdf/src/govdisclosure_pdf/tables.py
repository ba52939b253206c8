"""The official tables, laid out as the formats draw them (formats.md §1.5–1.9).

Every row, label and column comes from :func:`govdisclosure.introspect.table_info`
run on the report's *own* table instances, so a report that prints
（六）其他处理 as one row (洪泽区 2024) is drawn with one row, and nothing
here repeats a label of the format.

* Table 2: one 4-column grid of captioned blocks (第二十条第（…）项); a
  block whose rows have fewer than three values spans the value cells.
* Table 3: a 10-column grid (3 label columns, 7 applicant columns); the
  勾稽关系 note fills the top-left corner over the three header rows;
  三、本年度办理结果 and （三）…（六） are merged group cells.
* Table 4: 15 columns under three header rows, one data row.
* The pre-2019 statistics table: 统计指标 / 单位 / its value columns, rows
  indented by level, section rows showing "——".

Blank cells stay empty; a not-applicable cell prints its mark ("/").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import attrs
from attrs import frozen

from govdisclosure.cells import NotApplicable
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTemplate, TemplateRow
from govdisclosure.formatting import row_label
from govdisclosure.introspect import ColumnInfo, RowInfo, TableInfo, printed_with, table_info
from govdisclosure.registry import printed_template

from .grid import PAD_X, Cell, Grid
from .labels import INDICATOR, INFO_CONTENT, UNIT, format_value, is_english, tr
from .styles import Styles, TextStyle
from .text import longest_word, text_width

__all__ = [
    "SECTION_DASH",
    "TableLayout",
    "fits_portrait",
    "legacy_grid",
    "row_values",
    "table2_grid",
    "table3_grid",
    "table4_grid",
]

#: Cell padding above and below in table 2: its rows are as tall as the
#: published reports' (about 34 pt for one line; a report's Word table has
#: rows of 0.9–1.2 cm there).
TABLE2_PAD_Y: Final = 10.0
#: What the statistics table prints in the unit and value cells of a section row.
SECTION_DASH: Final = "——"


@frozen
class TableLayout:
    """What the builders need: the locale, the styles and the width to fill."""

    locale: str
    styles: Styles
    width: float

    @property
    def head(self) -> TextStyle:
        """Column heads of the wide tables: smaller in English, whose words are long."""
        st = self.styles
        return st.cell_header_small if is_english(self.locale) else st.cell_head

    def head_need(self, label: str, *, chars: float = 2.0) -> float:
        """Narrowest column for a head: its longest word (English) or ``chars`` characters."""
        hs = self.head
        if is_english(self.locale):
            return longest_word(label, hs.font, hs.size, hs.latin) + 2 * PAD_X + 1
        full = text_width(label, hs.font, hs.size, hs.latin)
        return min(full, chars * hs.size) + 2 * PAD_X + 1.5


def _walk(obj: object, path: Sequence[str]) -> object:
    for name in path:
        obj = getattr(obj, name)
    return obj


def row_values(table: object, row: RowInfo) -> list[tuple[object, str | None, str]]:
    """The cells of a row: value, unit to print after it (or None), cell kind.

    A row that is a single cell (table 2, blocks B–D) is the cell itself.
    A column with a printed unit declared beside it (2019 procurement's
    ``amount_unit``) prints that unit after the value, because the format
    printed none.
    """
    obj = _walk(table, row.path)
    if isinstance(obj, NotApplicable) or not attrs.has(type(obj)):
        # A single cell (blocks B–D of 2021), or a whole row given one mark
        # ("/" for the block): every cell of the row shows it.  (The mark
        # is an attrs class too, hence its own test.)
        return [(obj, None, col.kind) for col in row.columns]
    out: list[tuple[object, str | None, str]] = []
    for col in row.columns:
        unit = printed_with(obj, col.key, "unit")
        out.append((getattr(obj, col.key), unit, col.kind))
    return out


def row_signs(table: object, row: RowInfo) -> list[str | None]:
    """The sign each cell of a row was printed with (本年增/减 printed
    without "+" keeps none); ``None`` where none is recorded."""
    obj = _walk(table, row.path)
    return [printed_with(obj, col.key, "sign") for col in row.columns]


def _label(layout: TableLayout, row: RowInfo) -> str:
    """A row's label: as printed where the report printed another text,
    with the official one beside it."""
    return row_label(row.label, row.printed_label, layout.locale)


def _t(layout: TableLayout, msgid: str) -> str:
    return tr(layout.locale, msgid)


def _number_width(text: str, style: TextStyle) -> float:
    return text_width(text, style.font, style.size, style.latin) + 2 * PAD_X + 1


#: Narrowest a label column is made to leave room for numbers (characters).
MIN_LABEL_CHARS: Final = 4
#: Smallest type the numbers of a table are shrunk to (points).
MIN_NUMBER_SIZE: Final = 5.0


def fit_numbers(
    widths: Sequence[float], room: float, style: TextStyle
) -> tuple[list[float], TextStyle]:
    """Number columns no wider than ``room`` together, and the style to set them in.

    Columns sized for their widest number can leave the label columns no
    room (ten-digit totals of a national roll-up, an amount of thirty
    digits).  They are then narrowed together and their numbers set
    smaller by the same ratio (down to :data:`MIN_NUMBER_SIZE`; beyond
    that a number wraps in its cell, as any over-long word does), so the
    labels keep :data:`MIN_LABEL_CHARS` characters.
    """
    total = sum(widths)
    if total <= room + 1e-6 or total <= 0:
        return list(widths), style
    ratio = max(room, 0.0) / total
    size = max(style.size * ratio, MIN_NUMBER_SIZE)
    return [w * ratio for w in widths], attrs.evolve(style, size=size)


# -- table 2 -------------------------------------------------------------------


def table2_grid(table: object, layout: TableLayout) -> Grid:
    """Table 2 (主动公开): captioned blocks on a 4-column grid."""
    info = table_info(table, "table2")
    st = layout.styles
    value_cols = max(len(r.columns) for r in info.rows)
    label_w = layout.width * 0.34
    col_w = (layout.width - label_w) / value_cols
    rows: list[tuple[Cell | None, ...]] = []
    spans: list[tuple[int, int, int, int]] = []
    shaded: set[int] = set()
    keep: set[int] = set()
    blocks: list[tuple[str | None, list[RowInfo]]] = []
    for row in info.rows:
        if not row.columns:
            continue
        if blocks and blocks[-1][0] == row.block:
            blocks[-1][1].append(row)
        else:
            blocks.append((row.block, [row]))

    def spread(cells: list[Cell], r: int) -> tuple[Cell | None, ...]:
        """Place ``cells`` on the value columns, the last one spanning the rest."""
        out: list[Cell | None] = list(cells)
        if len(cells) < value_cols + 1:
            spans.append((len(cells) - 1, r, value_cols, r))
            out += [None] * (value_cols + 1 - len(cells))
        return tuple(out)

    for block, block_rows in blocks:
        if block:
            r = len(rows)
            rows.append((Cell(_t(layout, block), st.cell), *([None] * value_cols)))
            spans.append((0, r, value_cols, r))
            shaded.add(r)
            keep.add(r)
        r = len(rows)
        head = [Cell(_t(layout, INFO_CONTENT), st.cell_head)]
        head += [Cell(_t(layout, c.label), st.cell_head) for c in block_rows[0].columns]
        rows.append(spread(head, r))
        keep.add(r)
        for row in block_rows:
            r = len(rows)
            cells = [Cell(_label(layout, row), st.cell)]
            signs = row_signs(table, row)
            cells += [
                Cell(format_value(v, layout.locale, unit, kind, sign), st.cell_number)
                for (v, unit, kind), sign in zip(row_values(table, row), signs, strict=True)
            ]
            rows.append(spread(cells, r))
    return Grid(
        font=layout.styles.fonts.body,
        rows=tuple(rows),
        col_widths=(label_w, *([col_w] * value_cols)),
        spans=tuple(spans),
        shaded_rows=frozenset(shaded),
        keep_with_next=frozenset(keep),
        min_rows=2,
        pad_y=TABLE2_PAD_Y,
    )


# -- table 3 -------------------------------------------------------------------


def _leaf_columns(info: TableInfo) -> tuple[ColumnInfo, ...]:
    for row in info.rows:
        if row.columns:
            return row.columns
    return ()


def table3_grid(table: object, layout: TableLayout) -> Grid:
    """Table 3 (依申请): merged header and group cells on a 10-column grid."""
    info = table_info(table, "table3")
    st = layout.styles
    columns = _leaf_columns(info)
    n_label = 1 + max(r.depth for r in info.rows if r.columns)
    n = n_label + len(columns)
    header_label = None
    for row in info.rows:
        if row.columns:
            header_label = getattr(type(_walk(table, row.path)), "header", None)
            break
    note = getattr(type(table), "note", None)

    # Column widths: numbers decide the data columns, then the label columns
    # share the rest (a 1-character column for the outermost group).
    values = [row_values(table, r) for r in info.rows if r.columns]
    data_w = []
    for k in range(len(columns)):
        widest = max(
            (
                _number_width(
                    format_value(v[k][0], layout.locale, v[k][1], v[k][2]), st.cell_number
                )
                for v in values
            ),
            default=0.0,
        )
        # A column under a group (商业企业…) wraps its head to 2-character
        # lines; one without (自然人, 总计) keeps a head of up to 3 on one line.
        col = columns[k]
        need = layout.head_need(_t(layout, col.label), chars=2.0 if col.group else 3.0)
        data_w.append(max(widest, need))
    english = is_english(layout.locale)
    group_w = (st.cell.leading if english else st.cell.size) + 2 * PAD_X + 1.5
    middle = (4.6 * st.cell.size + 2 * PAD_X) if n_label > 2 else 0.0
    if english and n_label > 2:
        groups = [r.label for r in info.rows if not r.columns and r.depth == 1]
        middle = max(
            [middle] + [longest_word(_t(layout, g), st.cell.font, st.cell.size) + 8 for g in groups]
        )
    # The label columns keep their room; numbers too wide for the rest are set smaller.
    least = MIN_LABEL_CHARS * st.cell.size + 2 * PAD_X
    if n_label > 1:
        least += group_w + middle * (n_label - 2)
    data_w, number_style = fit_numbers(data_w, layout.width - least, st.cell_number)
    rest = layout.width - sum(data_w)
    label_w: list[float] = []
    if n_label == 1:
        label_w = [rest]
    else:
        label_w = [group_w] + ([middle] * (n_label - 2)) + [rest - group_w - middle * (n_label - 2)]

    rows: list[tuple[Cell | None, ...]] = []
    spans: list[tuple[int, int, int, int]] = []
    # Header: note corner, 申请人情况, then groups (法人或其他组织) and columns.
    has_top = header_label is not None
    has_groups = any(c.group for c in columns)
    header_count = 1 + int(has_top) + int(has_groups)
    grid_rows: list[list[Cell | None]] = [[None] * n for _ in range(header_count)]
    if note:
        grid_rows[0][0] = Cell(_t(layout, note), st.cell_small)
    spans.append((0, 0, n_label - 1, header_count - 1))
    r = 0
    if has_top:
        grid_rows[0][n_label] = Cell(_t(layout, header_label or ""), layout.head)
        spans.append((n_label, 0, n - 1, 0))
        r = 1
    k = 0
    while k < len(columns):
        col = columns[k]
        c = n_label + k
        if col.group and has_groups:
            j = k
            while j < len(columns) and columns[j].group == col.group:
                grid_rows[r + 1][n_label + j] = Cell(_t(layout, columns[j].label), layout.head)
                j += 1
            grid_rows[r][c] = Cell(_t(layout, col.group), layout.head)
            spans.append((c, r, n_label + j - 1, r))
            k = j
        else:
            grid_rows[r][c] = Cell(_t(layout, col.label), layout.head)
            if has_groups:
                spans.append((c, r, c, r + 1))
            k += 1
    rows.extend(tuple(g) for g in grid_rows)

    # Body: group rows become merged cells over their descendants.
    open_groups: list[tuple[int, int, int]] = []  # (depth, first grid row, column)

    def close(depth: int) -> None:
        while open_groups and open_groups[-1][0] >= depth:
            _d, first, col = open_groups.pop()
            spans.append((col, first, col, len(rows) - 1))

    pending: list[tuple[int, Cell]] = []
    for row in info.rows:
        close(row.depth)
        if not row.columns:
            # The outermost group sits in a one-character column: centred.
            style = st.cell_vertical if row.depth == 0 else st.cell
            turned = row.depth == 0 and english and n_label > 1
            pending.append((row.depth, Cell(_label(layout, row), style, turned)))
            open_groups.append((row.depth, len(rows), row.depth))
            continue
        line: list[Cell | None] = [None] * n
        for depth, cell in pending:
            line[depth] = cell
        pending = []
        line[row.depth] = Cell(_label(layout, row), st.cell_small if english else st.cell)
        if row.depth < n_label - 1:
            spans.append((row.depth, len(rows), n_label - 1, len(rows)))
        for j, (v, unit, kind) in enumerate(row_values(table, row)):
            line[n_label + j] = Cell(format_value(v, layout.locale, unit, kind), number_style)
        rows.append(tuple(line))
    close(0)
    return Grid(
        font=layout.styles.fonts.body,
        rows=tuple(rows),
        col_widths=(*label_w, *data_w),
        header_rows=header_count,
        spans=tuple(spans),
        min_rows=4,
    )


# -- table 4 -------------------------------------------------------------------


def table4_widest(table: object, layout: TableLayout) -> float:
    info = table_info(table, "table4")
    st = layout.styles
    return max(
        (
            _number_width(format_value(v, layout.locale, u, k), st.cell_number)
            for row in info.rows
            if row.columns
            for v, u, k in row_values(table, row)
        ),
        default=0.0,
    )


def fits_portrait(table: object, layout: TableLayout) -> bool:
    """Whether table 4's 15 columns fit the portrait type area.

    Each column must hold its widest number and two characters of the
    header (结果/维持); otherwise the table goes on a landscape page.
    """
    info = table_info(table, "table4")
    n = sum(len(r.columns) for r in info.rows)
    st = layout.styles
    heads = [c.label for r in info.rows for c in r.columns]
    need = max(
        table4_widest(table, layout),
        *(layout.head_need(_t(layout, h)) for h in heads),
        2 * st.cell_header.size + 2 * PAD_X + 1,
    )
    return n * need <= layout.width + 1e-6


def table4_grid(table: object, layout: TableLayout) -> Grid:
    """Table 4 (复议、诉讼): three header rows over 15 columns, one data row."""
    info = table_info(table, "table4")
    st = layout.styles
    rows_info = [r for r in info.rows if r.columns]
    n = sum(len(r.columns) for r in rows_info)
    col_w = layout.width / n
    top: list[Cell | None] = [None] * n
    mid: list[Cell | None] = [None] * n
    low: list[Cell | None] = [None] * n
    data: list[Cell | None] = [None] * n
    spans: list[tuple[int, int, int, int]] = []
    c = 0
    i = 0
    while i < len(rows_info):
        row = rows_info[i]
        if row.block is None:
            # A group alone (行政复议): label over its columns, columns over 2 rows.
            top[c] = Cell(_label(layout, row), layout.head)
            spans.append((c, 0, c + len(row.columns) - 1, 0))
            for k, col in enumerate(row.columns):
                mid[c + k] = Cell(_t(layout, col.label), layout.head)
                spans.append((c + k, 1, c + k, 2))
            for k, (v, u, kind) in enumerate(row_values(table, row)):
                data[c + k] = Cell(format_value(v, layout.locale, u, kind), st.cell_number)
            c += len(row.columns)
            i += 1
            continue
        # A block (行政诉讼) over several groups.
        j = i
        start = c
        while j < len(rows_info) and rows_info[j].block == row.block:
            sub = rows_info[j]
            mid[c] = Cell(_label(layout, sub), layout.head)
            spans.append((c, 1, c + len(sub.columns) - 1, 1))
            for k, col in enumerate(sub.columns):
                low[c + k] = Cell(_t(layout, col.label), layout.head)
            for k, (v, u, kind) in enumerate(row_values(table, sub)):
                data[c + k] = Cell(format_value(v, layout.locale, u, kind), st.cell_number)
            c += len(sub.columns)
            j += 1
        top[start] = Cell(_t(layout, row.block), layout.head)
        spans.append((start, 0, c - 1, 0))
        i = j
    return Grid(
        font=layout.styles.fonts.body,
        rows=(tuple(top), tuple(mid), tuple(low), tuple(data)),
        col_widths=tuple([col_w] * n),
        header_rows=3,
        spans=tuple(spans),
        min_rows=1,
    )


# -- pre-2019 statistics table ---------------------------------------------------


def legacy_label(row: TemplateRow) -> str:
    """The printed label: the row's numbering unless the label already has it."""
    number = row.number
    if not number or row.label.startswith(number):
        return row.label
    if number.isdigit():
        return f"{number}.{row.label}"
    if number.startswith("（") or number.startswith("("):
        return f"{number}{row.label}"
    return f"{number}、{row.label}"


def legacy_grid(report: ReportLegacy, layout: TableLayout) -> tuple[StatisticsTemplate, Grid]:
    """The statistics table: 统计指标 / 单位 / value columns, rows by level."""
    template = printed_template(report)
    st = layout.styles
    locale = layout.locale
    values = report.statistics
    unit_w = 3.2 * st.cell.size + 2 * PAD_X
    value_w: list[float] = []
    for col in template.columns:
        widest = max(
            (
                _number_width(format_value(values.value(r.code, col.key), locale), st.cell_number)
                for r in template.rows
            ),
            default=0.0,
        )
        head = text_width(_t(layout, col.label), st.cell_header.font, st.cell_header.size)
        value_w.append(max(widest, min(head + 2 * PAD_X + 1, 6 * st.cell.size), 5 * st.cell.size))
    least = MIN_LABEL_CHARS * st.cell.size + 2 * PAD_X
    value_w, number_style = fit_numbers(value_w, layout.width - unit_w - least, st.cell_number)
    label_w = layout.width - unit_w - sum(value_w)
    header: list[Cell | None] = [
        Cell(_t(layout, INDICATOR), st.cell_head),
        Cell(_t(layout, UNIT), st.cell_head),
        *[Cell(_t(layout, c.label), st.cell_head) for c in template.columns],
    ]
    rows: list[tuple[Cell | None, ...]] = [tuple(header)]
    keep: set[int] = set()
    for trow in template.rows:
        indent = trow.level * st.cell.size
        label_style = attrs.evolve(st.cell, left=indent)
        if trow.is_header and trow.level == 0:
            label_style = attrs.evolve(label_style, font=st.fonts.hei, latin=st.fonts.latin_sans)
        cells: list[Cell | None] = [Cell(_t(layout, legacy_label(trow)), label_style)]
        if trow.is_header:
            keep.add(len(rows))
            cells.append(Cell(SECTION_DASH, st.cell_header))
            cells += [Cell(SECTION_DASH, st.cell_header) for _ in template.columns]
        else:
            cells.append(Cell(_t(layout, trow.unit or ""), st.cell_header))
            cells += [
                Cell(format_value(values.value(trow.code, c.key), locale), number_style)
                for c in template.columns
            ]
        rows.append(tuple(cells))
    grid = Grid(
        font=layout.styles.fonts.body,
        rows=tuple(rows),
        col_widths=(label_w, unit_w, *value_w),
        header_rows=1,
        keep_with_next=frozenset(keep),
        min_rows=3,
    )
    return template, grid


def cell_texts(grid: Grid) -> list[str]:
    """Every cell's text, for tests and diagnostics."""
    out: list[str] = []
    for line in grid.rows:
        for cell in line:
            if cell is not None:
                out.append(
                    cell.text if isinstance(cell.text, str) else "".join(r.text for r in cell.text)
                )
    return out
