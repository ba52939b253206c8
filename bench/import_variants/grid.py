"""A plain HTML table as a matrix of texts, and a matrix printed back as a table.

The variants re-print a published table another way (split, reordered, given a
column): the table is first expanded into a rectangle, one text per slot, a
merged cell's text repeated over the slots it covers; :func:`emit` merges the
repeated label texts again, as a word processor's table would print them.
Figures are never merged, so each is printed once, in its own cell.
"""

from __future__ import annotations

import re

Matrix = list[list[str]]

_NUMBER = re.compile(r"^-?[\d.,]+$")


def matrix(table: str) -> Matrix:
    """``table`` (``<tr>``/``<td>`` without attributes other than spans) as a rectangle."""
    slots: dict[tuple[int, int], str] = {}
    for r, tr in enumerate(re.findall(r"<tr>(.*?)</tr>", table, re.S)):
        c = 0
        for attrs, text in re.findall(r"<t[dh]([^>]*)>(.*?)</t[dh]>", tr, re.S):
            rows = re.search(r'rowspan="(\d+)"', attrs)
            cols = re.search(r'colspan="(\d+)"', attrs)
            while (r, c) in slots:
                c += 1
            width = int(cols.group(1)) if cols else 1
            for dr in range(int(rows.group(1)) if rows else 1):
                for dc in range(width):
                    slots[(r + dr, c + dc)] = re.sub(r"<br/?>", "", text).strip()
            c += width
    height = max(r for r, _ in slots) + 1
    width = max(c for _, c in slots) + 1
    return [[slots.get((r, c), "") for c in range(width)] for r in range(height)]


def columns(m: Matrix, keep: list[int]) -> Matrix:
    """The columns ``keep`` of ``m``, in that order."""
    return [[row[i] for i in keep] for row in m]


def emit(m: Matrix) -> str:
    """``m`` as a ruled ``<table>``, equal label texts side by side or one above another merged."""
    height, width = len(m), len(m[0])
    covered: set[tuple[int, int]] = set()
    rows = []
    for r in range(height):
        cells = []
        for c in range(width):
            if (r, c) in covered:
                continue
            text = m[r][c]
            across = down = 1
            if text and not _NUMBER.match(text):
                while (
                    c + across < width
                    and m[r][c + across] == text
                    and (r, c + across) not in covered
                ):
                    across += 1
                while (
                    r + down < height
                    and all(m[r + down][c + k] == text for k in range(across))
                    and (c == 0 or m[r + down][c - 1] != text)
                ):
                    down += 1
            covered.update((r + dr, c + dc) for dr in range(down) for dc in range(across))
            spans = (f' rowspan="{down}"' if down > 1 else "") + (
                f' colspan="{across}"' if across > 1 else ""
            )
            cells.append(f"<td{spans}>{text}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return '<table border="1">' + "".join(rows) + "</table>"
