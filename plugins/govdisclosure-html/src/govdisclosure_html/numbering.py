"""A 序号 column checked against the rows it numbers.

Some publishers print a column of row numbers (序号 1, 2, 3 …) before the
labels.  The label is what places a row: it names the official row, and a
number names only a place in the publisher's list.  But the two must agree
on the order: a number that puts a row before another that the format
prints before it says one of them is not what it seems (the rows shuffled
and the numbers left in their place, a row pasted under another's label, a
number column proving another order).  Neither is then trusted blindly:
the figures stay where their labels put them, and both rows are marked
doubtful, so a relation they break is a doubtful mapping, never the
publisher's error, and the import names them (``numbering-disagrees``).

What is compared is the order only, within one band of the table (a block
of table 2 under its own header row): numbers may skip (a row not printed,
a publisher's own row numbered too), and a list that started at 1 may start
again at 1 on a row the format prints after every row before it (each
section numbered on its own; "2, 1" is no new list).  Numbers that agree
with the format's order say nothing more and are not reported; a number
merged over several rows (三 over its sub-rows) numbers a group, and is not
compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from .grid import Grid
from .match import Placement
from .source import Label, bands
from .targets import Target, TargetTable
from .text import clean

__all__ = ["Misnumbered", "misnumbered", "row_number"]

_PLAIN = re.compile(r"^\d{1,3}$")


def row_number(label: Label) -> int | None:
    """The number a 序号 cell gives its row: a number alone ("3", "3.",
    "（3）", "③", "三、"), printed on one row; None for any other label."""
    if label.cell.rowspan != 1:
        return None
    key = label.key
    if key.code and not key.words:
        return key.ordinal
    words = clean(label.cell.text)
    return int(words) if _PLAIN.match(words) else None


class Misnumbered(NamedTuple):
    """A printed row whose number disagrees with the order of its label."""

    row: int
    number: str
    label: str
    #: The row it disagrees with (its number and label, as printed).
    other_number: str
    other_label: str


class _Numbered(NamedTuple):
    row: int
    number: int
    official: int
    number_text: str
    label_text: str


def _row_of(target: Target) -> str:
    """The official row a target cell is in (its path from the table)."""
    return target.row_key or ".".join(target.path[:-1])


def _official_rows(table: TargetTable) -> dict[str, int]:
    """Each official row of ``table`` by its place in the format's order."""
    out: dict[str, int] = {}
    for t in table.targets:
        out.setdefault(_row_of(t), len(out))
    return out


def _runs(rows: Sequence[_Numbered]) -> Iterable[list[_Numbered]]:
    """The rows of one band cut where a list that started at 1 starts again
    at 1, on a row the format prints after every row before it ("2, 1" is
    no new list: the 1 contradicts the 2)."""
    run: list[_Numbered] = []
    for n in rows:
        if (
            run
            and n.number == 1
            and run[0].number == 1
            and n.official > max(m.official for m in run)
        ):
            yield run
            run = []
        run.append(n)
    if run:
        yield run


def misnumbered(grid: Grid, placed: Iterable[Placement], table: TargetTable) -> list[Misnumbered]:
    """The rows of ``grid`` whose 序号 disagrees with the format's order of
    the rows their labels placed them on, each with a row it disagrees with."""
    official = _official_rows(table)
    numbered: dict[int, _Numbered] = {}
    for p in sorted(placed, key=lambda p: (p.source.cell.row, p.source.cell.col)):
        row = p.source.cell.row
        labels = p.source.row_labels
        if row in numbered or len(labels) < 2:
            continue
        number = row_number(labels[0])
        where = official.get(_row_of(p.target))
        if number is None or where is None:
            continue
        numbered[row] = _Numbered(row, number, where, labels[0].cell.text, labels[-1].cell.text)
    if len(numbered) < 2:
        return []
    out: dict[int, Misnumbered] = {}
    for band in bands(grid):
        rows = [numbered[r] for r in band.data if r in numbered]
        for run in _runs(rows):
            for i, a in enumerate(run):
                for b in run[i + 1 :]:
                    if (a.number - b.number) * (a.official - b.official) > 0:
                        continue
                    if a.official == b.official:
                        continue  # one official row printed on two lines: no order
                    for x, y in ((a, b), (b, a)):
                        out.setdefault(
                            x.row,
                            Misnumbered(
                                x.row, x.number_text, x.label_text, y.number_text, y.label_text
                            ),
                        )
    return [out[r] for r in sorted(out)]
