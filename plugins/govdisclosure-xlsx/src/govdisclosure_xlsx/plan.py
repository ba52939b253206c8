"""Where everything goes in the workbook: sheet names and cell addresses.

The renderer, the filing template and the loader all ask this module, so a
value is read back from exactly the cell it was written to.  Every table
sheet has the table's official title in row 1 and the grid of
:func:`govdisclosure.table_grid.report_grids` from row 2 on; the cover has
the report's title in row 1 and one field per row below.  Sheet names are
the tables' own numbering (表二, 表三, 表四; 统计表 for the pre-2019 table),
in the workbook's locale.
"""

from __future__ import annotations

from typing import Final

from attrs import frozen
from openpyxl.utils import get_column_letter

from govdisclosure.editions import Report
from govdisclosure.formatting import chinese_numeral
from govdisclosure.i18n import N_, gettext
from govdisclosure.paths import Path
from govdisclosure.table_grid import GridCell, TableGrid, report_grids

from .cover import COVER_FIELDS, CoverField

__all__ = [
    "DATA_SHEET",
    "FORMAT_MARK",
    "GRID_TOP",
    "SheetPlan",
    "cover_name",
    "cover_rows",
    "sheet_plans",
]

#: Name of the hidden sheet that carries what has no cell of its own.
DATA_SHEET: Final = "_govdisclosure"
#: First cell of that sheet: what wrote the workbook, and its layout version.
FORMAT_MARK: Final = "govdisclosure-xlsx 1"
#: 1-based row of the grid's first row on a table sheet (row 1 is the title).
GRID_TOP: Final = 2
#: 1-based row of the cover's first field.
COVER_TOP: Final = 3


@frozen
class SheetPlan:
    """A table sheet: its name and its grid."""

    name: str
    grid: TableGrid

    def address(self, cell: GridCell) -> str:
        return f"{get_column_letter(cell.col + 1)}{cell.row + GRID_TOP}"

    def range(self, cell: GridCell) -> str:
        last = f"{get_column_letter(cell.last_col + 1)}{cell.last_row + GRID_TOP}"
        return f"{self.address(cell)}:{last}"

    def value_addresses(self) -> dict[Path, str]:
        assert all(c.path is not None for c in self.grid.values())
        return {c.path: self.address(c) for c in self.grid.values() if c.path is not None}


def _sheet_name(grid: TableGrid, locale: str) -> str:
    if grid.key == "statistics":
        return gettext(locale, N_("Statistics table"))
    # Chinese numbers the tables as the sections (表三); other languages in digits.
    numeral = grid.title.split("、", 1)[0]
    number = next((n for n in range(1, 11) if chinese_numeral(n) == numeral), 0)
    shown = numeral if locale.startswith("zh") else str(number)
    return gettext(locale, N_("Table {number}")).format(number=shown)


def sheet_plans(report: Report, locale: str) -> tuple[SheetPlan, ...]:
    """The table sheets of ``report`` in ``locale``, in printed order."""
    return tuple(SheetPlan(_sheet_name(g, locale), g) for g in report_grids(report))


def cover_name(locale: str) -> str:
    return gettext(locale, N_("Cover"))


def cover_rows(report: Report) -> tuple[tuple[int, CoverField], ...]:
    """``(row, field)`` of each cover field that applies to ``report``."""
    fields = [f for f in COVER_FIELDS if f.applies(report)]
    return tuple((COVER_TOP + i, f) for i, f in enumerate(fields))
