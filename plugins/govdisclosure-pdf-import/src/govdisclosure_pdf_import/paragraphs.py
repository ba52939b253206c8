"""Lines of a PDF's text put back into a title and paragraphs.

A PDF has no paragraphs, only lines at positions.  A paragraph of these
reports starts with a first-line indent (two characters in the official
format), and ends with a line that stops short of the right margin; a
heading or the signature stands on its own, indented or right-aligned.  So
a line starts a new paragraph when it is indented, when the line before it
ended short, when its type size differs, or when a table or a wide gap
comes between.  Lines join without a space (Chinese); a paragraph runs on
over a page break when nothing says otherwise.

The title is the largest type at the top of the first page (淮安 2024 sets
its unit and "2024年政府信息公开工作年度报告" on two lines).  A page
printed from a portal sets the site's header above it, often all in one
type (a browser printing the page without the site's style sheet): when
nothing at the top is set larger, the title is the first line before the
text's first section (一、…) that reads as one (a year and the report's name after it, no
sentence: :func:`govdisclosure_html.narrative.reads_as_title`).  Page
numbers ("- 3 -") are dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from govdisclosure_html.narrative import is_page_number, reads_as_title, starts_section

from .layout import Line, Piece

__all__ = ["paragraphs"]

_SPACE_NEAR_CJK = re.compile(
    r"\s+(?=[\u3000-\u9fff\uff00-\uffef])|(?<=[\u3000-\u9fff\uff00-\uffef])\s+"
)


def _title(lines: Sequence[Line], body: float) -> tuple[str | None, int]:
    """The title from the first page's leading lines set larger than the body."""
    n = 0
    parts: list[str] = []
    for line in lines:
        if line.page != 1 or line.size < body * 1.15:
            break
        parts.append(line.text)
        n += 1
    if not parts:
        return None, 0
    return _SPACE_NEAR_CJK.sub("", "".join(parts)), n


def _right_margin(ends: Sequence[float]) -> float:
    """Where the body's full lines end: most of them (the 80th percentile),
    not the widest, which an office suite lets a closing "，" or "。" overhang
    by a character (LibreOffice: 520.5 for most lines, 536.7 for one), so
    that every full line with a number in it looked short of the margin."""
    ordered = sorted(ends)
    return ordered[int(0.8 * (len(ordered) - 1))]


#: A run no line may break inside: a number, an address, a web or mail
#: address, with the opening bracket or quote a line may not end with.
_UNBROKEN = re.compile(r"([（(“《]?)([0-9A-Za-z@._:/%+\-]+)")


def _wrapped_word(prev: Line, line: Line, right: float) -> bool:
    """``prev`` stops short only because the run that starts ``line``
    ("24336243@163.com）。", "（www.shanghai.gov.cn）") did not fit in what
    was left of it (a Latin character about half a Chinese one's width)."""
    run = _UNBROKEN.match(line.text)
    if run is None:
        return False
    width = (len(run.group(1)) + 0.5 * len(run.group(2))) * line.size
    return width > right - prev.x1 - line.size


def paragraphs(lines: Sequence[Line], pieces: Sequence[Piece]) -> tuple[str | None, list[str]]:
    """``(title, paragraphs)`` of the text lines, in reading order."""
    lines = [ln for ln in lines if not is_page_number(ln.text)]
    if not lines:
        return None, []
    # The body's type is the most common; of two as common, the smaller: a
    # title is never set smaller than the text (a file of a title, one
    # heading and its tables has as many lines of each).
    sizes = Counter(round(ln.size) for ln in lines)
    body = max(sizes, key=lambda size: (sizes[size], -size))
    left = Counter(round(ln.x0) for ln in lines if round(ln.size) == body).most_common(1)[0][0]
    right = _right_margin([ln.x1 for ln in lines if round(ln.size) == body])
    title, skip = _title(lines, body)
    rest = list(lines[skip:])
    if title is None:
        # Under a portal's header, in the body's type (on A5 the header may
        # fill the first page): the first line before the text's first section that reads as a title.
        body = next((k for k, ln in enumerate(rest) if starts_section(ln.text)), len(rest))
        at = next((k for k, ln in enumerate(rest[:body]) if reads_as_title(ln.text)), None)
        if at is not None:
            title = rest.pop(at).text
    out: list[str] = []
    prev: Line | None = None
    for line in rest:
        indent = line.x0 > left + 1.2 * line.size
        new = (
            prev is None
            or indent
            or (prev.x1 < right - 1.5 * prev.size and not _wrapped_word(prev, line, right))
            or abs(line.size - prev.size) > 1.0
            or (line.page == prev.page and line.top - prev.bottom > 1.5 * line.size)
            or any(
                (p.page, p.bbox[1]) > (prev.page, prev.top)
                and (p.page, p.bbox[1]) < (line.page, line.top)
                for p in pieces
            )
        )
        if new or not out:
            out.append(line.text)
        else:
            out[-1] += line.text
        prev = line
    return title, out
