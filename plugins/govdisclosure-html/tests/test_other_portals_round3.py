"""The real 2023 page printed otherwise, round three: what rounds one and two
(``test_other_portals.py``, ``test_other_portals_round2.py``) did not try.

Each variant is made by code from the page as published: table 3 split by
applicant (自然人 / 法人或其他组织) or with its columns in another order, a
footnote mark set as ``<sup>``, a figure pasted into its cell as a one-cell
table, table 2 as a ``<ul>`` list of text lines (the tables as ``<div>``
grids: ``test_built_tables.py``), a page declaring
the wrong charset, last year's report or the 附表 printed again below.
Each asserts the figures as printed, nothing invented, and every printed
figure not placed reported with its reason, never as the publisher's error.
"""

from __future__ import annotations

import re

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult
from test_other_portals import DATA, EXPECTED, PAGE, T2, T3, T4, _codes, _same

#: Table 3 as a matrix of texts, a merged cell's text in every slot it covers.
_CELL = re.compile(r"<td([^>]*)>(.*?)</td>", re.S)


def _span(attrs: str, name: str) -> int:
    found = re.search(rf'{name}="(\d+)"', attrs)
    return int(found.group(1)) if found else 1


def _matrix(table: str) -> list[list[str]]:
    slots: dict[tuple[int, int], str] = {}
    for r, row in enumerate(re.findall(r"<tr>(.*?)</tr>", table, re.S)):
        c = 0
        for attrs, text in _CELL.findall(row):
            while (r, c) in slots:
                c += 1
            across = _span(attrs, "colspan")
            for dr in range(_span(attrs, "rowspan")):
                for dc in range(across):
                    slots[r + dr, c + dc] = re.sub(r"<br/?>", "", text).strip()
            c += across
    rows, cols = max(r for r, _ in slots) + 1, max(c for _, c in slots) + 1
    return [[slots.get((r, c), "") for c in range(cols)] for r in range(rows)]


def _table(matrix: list[list[str]]) -> str:
    """A matrix printed again, equal neighbouring label texts merged (across,
    then down) as the official table merges them; figures never merged."""
    done: set[tuple[int, int]] = set()
    rows = []
    for r, line in enumerate(matrix):
        cells = []
        for c, text in enumerate(line):
            if (r, c) in done:
                continue
            across = down = 1
            if text and not re.fullmatch(r"[\d.]+", text):
                while c + across < len(line) and line[c + across] == text:
                    across += 1
                while r + down < len(matrix) and all(
                    matrix[r + down][c + k] == text for k in range(across)
                ):
                    down += 1
            done.update((r + i, c + k) for i in range(down) for k in range(across))
            spans = (f' rowspan="{down}"' if down > 1 else "") + (
                f' colspan="{across}"' if across > 1 else ""
            )
            cells.append(f"<td{spans}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">' + "".join(rows) + "</table>"


M3 = _matrix(T3)
LABELS, NATURAL, LEGAL, TOTAL = [0, 1, 2], [3], [4, 5, 6, 7, 8], [9]


def _columns(*groups: list[int]) -> str:
    return _table([[row[c] for group in groups for c in group] for row in M3])


def _import(text: str | bytes) -> ImportResult:
    return import_html(text.encode() if isinstance(text, str) else text, "variant.html")


def test_the_matrix_printed_again_is_the_table() -> None:
    # The helpers' own check: table 3 taken apart and printed again reads the same.
    assert M3[1][NATURAL[0]] == "自然人" and M3[2][TOTAL[0]] == "总计"
    _same(PAGE.replace(T3, _table(M3)))


@pytest.mark.parametrize(
    "tables",
    [
        (LABELS + NATURAL, LABELS + LEGAL + TOTAL),
        (LABELS + NATURAL, LABELS + LEGAL, LABELS + TOTAL),
    ],
    ids=["natural-and-legal", "natural-legal-total"],
)
@pytest.mark.parametrize("between", ["", "<p>（续表）</p>"])
def test_table_3_split_by_applicant(tables: tuple[list[int], ...], between: str) -> None:
    # 自然人 in one table, 法人或其他组织 (and 总计) in the next, each with the labels.
    _same(PAGE.replace(T3, between.join(_columns(group) for group in tables)))


@pytest.mark.parametrize(
    "order",
    [
        [*LABELS, 3, 5, 4, 6, 7, 8, 9],  # 科研机构 before 商业企业
        [*LABELS, *TOTAL, *NATURAL, *LEGAL],  # 总计 first
        [*LABELS, *LEGAL, *NATURAL, *TOTAL],  # 自然人 after the 法人 group
    ],
    ids=["legal-reordered", "total-first", "natural-after-legal"],
)
def test_table_3_columns_in_another_order(order: list[int]) -> None:
    _same(PAGE.replace(T3, _columns(order)))


def test_a_remarks_column_of_words_is_not_read() -> None:
    remarks = [["备注"]] * 3 + [["含转办3件"]] + [[""]] * (len(M3) - 4)
    _same(PAGE.replace(T3, _table([row + extra for row, extra in zip(M3, remarks, strict=True)])))


@pytest.mark.parametrize(
    ("printed", "mark"),
    [
        ("81<sup>1</sup>", "81¹"),
        ("81<sup><a href='#n1'>1</a></sup>", "81¹"),
        ("81<sub>2</sub>", "81₂"),
    ],
)
def test_a_footnote_mark_set_raised_is_no_digit(printed: str, mark: str) -> None:
    # Before: "81<sup>1</sup>" read 811 (the tag's text joins its cell's), and
    # the publisher was blamed for the three sums it broke.  Now the cell is
    # unreadable, as "81¹" typed is (round two), and left blank.
    result = _import(PAGE.replace("<td>81</td>", f"<td>{printed}</td>", 1))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert {k for k in EXPECTED if got[k] != EXPECTED[k]} == {
        ("table3", "new_applications", "total")
    }
    assert got["table3", "new_applications", "total"] is None
    unreadable = [p for p in result.problems if p.code == "cell-unreadable"]
    assert [p.params["text"] for p in unreadable] == [mark]
    assert "publisher-error" not in _codes(result)


@pytest.mark.parametrize("printed", ["2629<sup>1</sup>", "2629①", "2629※", "2629[1]"])
def test_a_marked_figure_alone_in_its_row_is_a_figure(printed: str) -> None:
    # Table 2's 行政许可 prints one figure in its row.  Before: "2629<sup>1</sup>"
    # read 26291, nothing said; the others made the row a header, the cell
    # reported "no printed cell" (cell-missing).  Now: cell-unreadable.
    result = _import(PAGE.replace(">2629<", f">{printed}<", 1))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert {k for k in EXPECTED if got[k] != EXPECTED[k]} == {("table2", "licensing")}
    assert got["table2", "licensing"] is None
    assert _codes(result) == {"cell-unreadable"}


def test_a_raised_digit_outside_the_tables_is_kept() -> None:
    text = PAGE.replace(
        "2023年，无收取信息处理费情况。", "2023年，无收取信息处理费情况（m<sup>2</sup>）。"
    )
    result = _same(text)
    text = repr(result.report.sections)  # type: ignore[union-attr]
    assert "情况（m" in text and "²" not in text


def test_a_figure_pasted_as_a_one_cell_table_is_its_cells_text() -> None:
    # Before: table 3 held a table, so it was taken for a layout table and
    # the one-cell table for the data: 175 figures of table 3 lost.
    _same(PAGE.replace("<td>81</td>", "<td><table><tr><td>81</td></tr></table></td>", 1))


def test_table_2_as_a_list_is_reported_not_guessed() -> None:
    listed = "<ul>" + "".join(f"<li>{'　'.join(row)}</li>" for row in _matrix(T2)) + "</ul>"
    result = _import(PAGE.replace(T2, listed))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert "table-missing" in _codes(result)
    assert {k for k in EXPECTED if got[k] != EXPECTED[k]} == {
        k for k in EXPECTED if k[0] == "table2" and EXPECTED[k] is not None
    }


def _charset(text: str, declared: str | None) -> str:
    text = re.sub(r"<meta[^>]*charset[^>]*>", "", text)
    if declared is None:
        return text
    return text.replace("<head>", f'<head><meta charset="{declared}">', 1)


@pytest.mark.parametrize(
    "data",
    [
        _charset(PAGE, "utf-8").encode("gb18030"),  # GBK bytes, the meta says UTF-8
        _charset(PAGE, "gb2312").encode(),  # UTF-8 bytes, the meta says GB2312
        b"\xff\xfe" + _charset(PAGE, None).encode("utf-16-le"),  # UTF-16 with its mark
    ],
    ids=["gbk-declared-utf8", "utf8-declared-gb2312", "utf16-bom"],
)
def test_a_page_in_another_charset_than_it_declares(data: bytes) -> None:
    _same(data)


#: The end of the 2023 page's article (section 六's last sentence).
END = "2023年，无收取信息处理费情况。&nbsp;"


def test_last_years_report_printed_below_is_reported_not_mixed_in() -> None:
    last = (DATA / "2022_jjp-jinjing-pianqu_80617" / "page.html").read_text("utf-8")
    article = last[last.index("一、总体情况") : last.rindex("</table>") + len("</table>")]
    result = _import(PAGE.replace(END, f"{END}<p>附：2022年政府信息公开工作年度报告</p>{article}"))
    assert result.report is not None and result.report.year == 2023
    assert cells_by_path(result.report) == EXPECTED
    assert sum(p.code == "table-not-imported" for p in result.problems) == 3


def test_the_tables_printed_again_as_an_appendix_are_read_once() -> None:
    result = _import(PAGE.replace(END, f"{END}<p>附表</p>{T2}{T3}{T4}"))
    assert result.report is not None
    assert cells_by_path(result.report) == EXPECTED
    assert sum(p.code == "table-not-imported" for p in result.problems) == 3


@pytest.mark.parametrize(
    ("printed", "shown"),
    [
        ("<s>80</s> 81", "8̶0̶ 81"),
        ("<strike>80</strike>81", "8̶0̶81"),
        ("<s>81</s>", "8̶1̶"),
    ],
)
def test_a_struck_figure_is_a_correction_refused(printed: str, shown: str) -> None:
    # Before: "<s>80</s> 81" read 8081 (the struck digits joined to the
    # others) and the publisher was blamed for the sums it broke.  Which
    # figure stands is the reader's call: the cell is refused, never guessed.
    result = _import(PAGE.replace("<td>81</td>", f"<td>{printed}</td>", 1))
    assert isinstance(result.report, gd.Report2021)
    got = cells_by_path(result.report)
    assert {k for k in EXPECTED if got[k] != EXPECTED[k]} == {
        ("table3", "new_applications", "total")
    }
    unreadable = [p for p in result.problems if p.code == "cell-unreadable"]
    assert [p.params["text"] for p in unreadable] == [shown]
    assert "publisher-error" not in _codes(result)


@pytest.mark.parametrize("printed", ["<del>80</del>81", "<del>80</del><ins>81</ins>"])
def test_deleted_text_is_not_read(printed: str) -> None:
    # <del> says the text is deleted (as Word's tracked deletion); before: 8081.
    _same(PAGE.replace("<td>81</td>", f"<td>{printed}</td>", 1))
