"""The 2019 本年增/减 written in words, the way some portals print it.

The only signed cells of the model are the 2019 format's 本年增/减 (table 2,
blocks 第二十条第（五）（六）（八）项; formats.md §2.2).  Portals print them
"+5", "-3", and also "增加5件", "减少3件", "下降2项".  Made by code from the
real 2019 page (``tests/data/2019_jjp-jinjing-pianqu_80564``, a 2019 report
of 金井片区管理局, every change printed 0).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path

import pytest

import govdisclosure as gd
from govdisclosure import cells_by_path
from govdisclosure_html import import_html
from govdisclosure_html.importer import ImportResult
from govdisclosure_html.text import read_change

_RAW = (Path(__file__).parent / "data" / "2019_jjp-jinjing-pianqu_80564" / "page.html").read_text(
    "utf-8"
)
PAGE = re.sub(r'\s(?:style|valign|class|width|height|align|lang)="[^"]*"', "", _RAW)
PAGE = re.sub(r"<p>|</p>|<span>|</span>", "", PAGE)
ORIGINAL = import_html(PAGE.encode(), "2019.html")

#: Each row of a change column: its previous-year count and the change as printed.
CHANGES = {
    "行政许可": ("12", "增加5件", 5),
    "其他对外管理服务事项": ("8", "减少3件", -3),
    "行政处罚": ("4", "下降2项", -2),
    "行政强制": ("3", "上升 1 项", 1),
    "行政事业性收费": ("20", "增加了12项", 12),
}
FIELDS = {
    "行政许可": ("licensing",),
    "其他对外管理服务事项": ("other_services",),
    "行政处罚": ("penalties",),
    "行政强制": ("enforcement",),
    "行政事业性收费": ("fees",),
}


def _printed(changes: Mapping[str, tuple[str, str, object]]) -> str:
    page = PAGE
    for label, (previous, change, _) in changes.items():
        row = re.search(rf"<tr><td>{label}</td><td>0</td><td( colspan=\"2\")?>0</td>", page)
        assert row is not None, label
        page = page.replace(
            row.group(0),
            f"<tr><td>{label}</td><td>{previous}</td><td{row.group(1) or ''}>{change}</td>",
        )
    return page


def _codes(result: ImportResult) -> set[str]:
    return {p.code for p in result.problems}


def test_changes_written_in_words_are_read_with_their_sign() -> None:
    # Before: the column of words was taken for a label column, and all five
    # changes were `cell-missing`, left blank.
    result = import_html(_printed(CHANGES).encode(), "v.html")
    report = result.report
    assert isinstance(report, gd.Report2019)
    for label, (previous, _, change) in CHANGES.items():
        row = getattr(report.table2, FIELDS[label][0])
        assert (row.previous_items, row.change) == (int(previous), change), label
        assert row.change_sign in (None, "")  # no "+" was printed
    assert "cell-unreadable" not in _codes(result)
    # Nothing else moved.
    want = cells_by_path(ORIGINAL.report)  # type: ignore[arg-type]
    got = cells_by_path(report)
    changed = {k for k in want if want[k] != got[k]}
    assert {k[:2] for k in changed} <= {("table2", f[0]) for f in FIELDS.values()}
    notes = {c.path: c.note for c in result.provenance.cells if c.note}
    assert notes["$.table2.other_services.change"] == "change in words: 减少"


@pytest.mark.parametrize("printed", ["持平", "无变化", "不变", "没有变化", "保持不变", "无增减"])
def test_no_change_in_words_is_a_change_of_nought(printed: str) -> None:
    # Before: `cell-unreadable`, the change left blank.  "持平" states the
    # size of the change, 0; read so, and the provenance says how.
    result = import_html(_printed({"行政许可": ("12", printed, 0)}).encode(), "v.html")
    assert isinstance(result.report, gd.Report2019)
    row = result.report.table2.licensing
    assert (row.previous_items, row.change) == (12, 0)
    assert "cell-unreadable" not in _codes(result)
    (cell,) = [c for c in result.provenance.cells if c.path == "$.table2.licensing.change"]
    assert (cell.text, cell.value, cell.note) == (
        printed,
        0,
        f"change in words: {printed}, read as 0",
    )


def test_a_column_of_no_change_words_is_read() -> None:
    # Every change of the table printed "持平": the column of words is a
    # value column (before: taken for labels, all five `cell-missing`).
    result = import_html(
        _printed({label: (prev, "持平", 0) for label, (prev, _, _) in CHANGES.items()}).encode(),
        "v.html",
    )
    assert isinstance(result.report, gd.Report2019)
    for label, (previous, _, _) in CHANGES.items():
        row = getattr(result.report.table2, FIELDS[label][0])
        assert (row.previous_items, row.change) == (int(previous), 0), label
    assert not {"cell-unreadable", "cell-missing", "cell-not-placed"} & _codes(result)


@pytest.mark.parametrize("printed", ["持平", "不变"])
def test_no_change_words_are_no_figure_outside_a_change_column(printed: str) -> None:
    # Under 上一年项目数量 (a count) or in table 3, "持平" is no figure: reported.
    page = _printed({"行政许可": (printed, "0", 0)})
    result = import_html(page.encode(), "v.html")
    assert isinstance(result.report, gd.Report2019)
    assert result.report.table2.licensing.previous_items is None
    assert "cell-unreadable" in _codes(result)
    row = "一、本年新收政府信息公开申请数量</td><td>&nbsp;0</td>"
    assert row in PAGE
    result = import_html(
        PAGE.replace(row, f"一、本年新收政府信息公开申请数量</td><td>{printed}</td>").encode(),
        "v.html",
    )
    assert "cell-unreadable" in _codes(result)
    assert not [c for c in result.provenance.cells if c.text == printed and c.value == 0]


@pytest.mark.parametrize(
    "printed", ["基本持平", "减少-3", "减少约3件", "增加3.5", "新增5件", "减-3", "增3.5"]
)
def test_a_change_in_words_without_a_plain_figure_is_reported(printed: str) -> None:
    # An estimate ("基本持平": about level), a sign beside the word, a
    # decimal is not one signed count.
    assert read_change(printed).unreadable
    result = import_html(_printed({"行政许可": ("12", printed, None)}).encode(), "v.html")
    assert isinstance(result.report, gd.Report2019)
    assert result.report.table2.licensing.change is None
    assert "cell-unreadable" in _codes(result)


def test_a_count_written_as_a_change_is_not_read() -> None:
    # "增加5件" where a count stands (上一年项目数量) is no count: still reported.
    page = _printed({"行政许可": ("增加5件", "0", 0)})
    result = import_html(page.encode(), "v.html")
    assert isinstance(result.report, gd.Report2019)
    assert result.report.table2.licensing.previous_items is None
    assert "cell-unreadable" in _codes(result)
