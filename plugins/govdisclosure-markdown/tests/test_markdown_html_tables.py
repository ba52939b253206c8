"""``--option tables=html``: tables 3 and 4 as HTML tables with their merged
cells, read back through markdown-it-py (the Markdown oracle) and html5lib."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import html5lib
from markdown_it import MarkdownIt

import govdisclosure as gd
from govdisclosure.formatting import format_cell
from govdisclosure.table_grid import report_grids

EXAMPLES = Path(__file__).resolve().parents[3] / "examples"
NS = "{http://www.w3.org/1999/xhtml}"


def _tables(report: gd.Report) -> list[list[list[tuple[str, str, str]]]]:
    markdown = gd.render(report, "markdown", tables="html").decode()
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    root = html5lib.parse(html)
    out = []
    for table in root.iter(f"{NS}table"):
        rows = []
        for tr in table.iter(f"{NS}tr"):
            rows.append(
                [
                    ("".join(c.itertext()), c.get("rowspan", "1"), c.get("colspan", "1"))
                    for c in tr
                    if c.tag in (f"{NS}th", f"{NS}td")
                ]
            )
        out.append(rows)
    return out


def test_table3_and_table4_keep_their_merged_headers_and_every_number() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    tables = _tables(report)
    # Table 2's blocks stay pipe tables (nothing to merge): no spans there.
    *blocks, table3, table4 = tables
    assert blocks and all(
        span == "1" for t in blocks for r in t for _, *spans in r for span in spans
    )
    assert table3[0][1] == ("申请人情况", "1", "7")
    assert table3[1][1] == ("法人或其他组织", "1", "5")
    assert table4[0] == [("行政复议", "1", "5"), ("行政诉讼", "1", "10")]
    grids = {g.key: g for g in report_grids(report)}
    for grid, rows in ((grids["table3"], table3), (grids["table4"], table4)):
        shown = [text for row in rows for text, _, _ in row]
        for cell in grid.values():
            value: Any = report
            for name in cell.path or ():
                value = getattr(value, str(name))
            assert format_cell(value, cell.kind or "count", "zh_Hans_CN") in shown


def test_the_default_stays_pipe_tables() -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert "<table>" not in gd.render(report, "markdown").decode()
