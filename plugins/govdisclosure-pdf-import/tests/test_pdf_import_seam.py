"""The seam of a table cut by a page break, on pieces built by hand.

A pre-2019 table has one label column, then 单位 and 统计数.  A row at the
top of the continuation (under the repeated header) is a row of its own:
its unit is not a label to the right that would make its label the end of
a group label cut by the break (the merge the national 2016–2018 table
showed when an added row fell at the top of a page).  A group label with
a row label to its right (2021's 三、本年度办理结果) still runs on.
"""

from __future__ import annotations

from govdisclosure_pdf_import.layout import Piece, PieceCell
from govdisclosure_pdf_import.stitch import chains, to_grid

XS = (50.0, 400.0, 460.0, 520.0)


def _piece(page: int, rows: list[tuple[str, ...]], xs: tuple[float, ...] = XS) -> Piece:
    cells = tuple(
        PieceCell(r, c, 1, 1, text, (xs[c], 100.0 + 20 * r, xs[c + 1], 120.0 + 20 * r))
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
    )
    ys = tuple(100.0 + 20 * r for r in range(len(rows) + 1))
    return Piece(page, (xs[0], ys[0], xs[-1], ys[-1]), xs, ys, cells)


def _rows(pieces: list[Piece]) -> list[list[str]]:
    grid = to_grid(pieces, 0)
    rows: dict[int, list[tuple[int, str]]] = {}
    for cell in grid.cells():
        rows.setdefault(cell.row, []).append((cell.col, cell.text))
    return [[t for _, t in sorted(rows[r])] for r in sorted(rows)]


HEADER = ("统计指标", "单位", "统计数")


def test_a_row_at_the_top_of_a_page_is_a_row_of_its_own() -> None:
    before = _piece(1, [HEADER, ("（一）政府信息公开工作专门机构数", "个", "54")])
    after = _piece(2, [HEADER, ("政府信息公开专栏访问量", "人次", "2018")])
    assert _rows([before, after]) == [
        list(HEADER),
        ["（一）政府信息公开工作专门机构数", "个", "54"],
        ["政府信息公开专栏访问量", "人次", "2018"],
    ]


def test_a_group_label_cut_by_the_break_runs_on() -> None:
    xs = (50.0, 120.0, 400.0, 460.0)
    before = _piece(1, [("", "", "总计"), ("三、本年度办", "（一）予以公开", "5")], xs)
    after = _piece(2, [("理结果", "（二）部分公开", "3")], xs)
    rows = _rows([before, after])
    assert rows[1][0] == "三、本年度办\n理结果"
    assert rows[2] == ["（二）部分公开", "3"]


def test_a_page_the_group_label_runs_through_continues_the_table() -> None:
    # 三、本年度办理结果 merged over more rows than a page holds: on the page
    # it runs through, its box has no top or bottom rule, so the piece found
    # there starts at the next column.  That piece is still the table's (the
    # chain was broken there: the rows of the page and of the page after
    # were not read as table 3), and the label covers its rows.
    xs = (50.0, 120.0, 400.0, 460.0)
    first = _piece(1, [("", "", "总计"), ("三、本年度办理结果", "（一）予以公开", "5")], xs)
    through = _piece(2, [("（二）部分公开", "3"), ("（三）不予公开", "0")], xs[1:])
    last = _piece(3, [("", "（七）总计", "8")], xs)
    pieces = [first, through, last]
    (chain,) = chains(pieces, [])
    grid = to_grid(chain, 0)
    label = next(c for c in grid.cells() if c.text.startswith("三、"))
    assert (label.row, label.col, label.rowspan) == (1, 0, 4)
    assert _rows(pieces)[2:] == [
        ["（二）部分公开", "3"],
        ["（三）不予公开", "0"],
        ["（七）总计", "8"],
    ]


def test_a_narrower_table_on_the_next_page_is_another_table() -> None:
    # A piece starting at a column of the one before is no continuation when
    # what stands in the columns it leaves out at the foot of the page before
    # is no group label (三、…, （三）…) that could run on: a row's own label.
    xs = (50.0, 120.0, 400.0, 460.0)
    first = _piece(1, [("行政许可", "说明", "5"), ("行政处罚", "说明", "3")], xs)
    other = _piece(2, [("甲", "1"), ("乙", "2")], xs[1:])
    assert len(chains([first, other], [])) == 2


def test_an_empty_sliver_under_a_cut_group_label_parts_no_row() -> None:
    # 二酉苗族鄉 2020 on A5: on the page its group label （三）不予公开 runs
    # through, Chromium ends the label's box with a rule inside the row of
    # 8.属于行政查询事项.  The sliver under that rule was an empty cell
    # beginning a row of its own, and the row's cells spanned two rows: placed
    # with doubt.  A row that begins only empty cells, under cells running
    # into it from the row above, is no row.
    xs = (50.0, 120.0, 400.0, 460.0)
    ys = (100.0, 120.0, 140.0, 142.0)

    def cell(r: int, c: int, text: str, rowspan: int = 1) -> PieceCell:
        return PieceCell(r, c, rowspan, 1, text, (xs[c], ys[r], xs[c + 1], ys[r + rowspan]))

    piece = Piece(
        2,
        (xs[0], ys[0], xs[-1], ys[-1]),
        xs,
        ys,
        (
            cell(0, 1, "7.属于行政执法案卷"),
            cell(0, 2, "0"),
            cell(1, 1, "8.属于行政查询事项", 2),
            cell(1, 2, "0", 2),
            cell(2, 0, ""),
        ),
    )
    grid = to_grid([piece], 0)
    assert [(c.row, c.rowspan, c.text) for c in grid.cells() if c.col == 1] == [
        (0, 1, "7.属于行政执法案卷"),
        (1, 1, "8.属于行政查询事项"),
    ]
