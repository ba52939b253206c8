"""Where the fields of a line typed with tabs stand, from its tab stops.

A clerk without the table template types a row as a line, a tab before each
column, and sets tab stops so that the columns line up.  A merged cell is
typed once: its text runs over the stops it covers, and one tab (or as many
as it takes) carries the line on to the next column, so the line has fewer
fields than the table has columns.  Which column a field stands in is then
told by Word's rule, not by counting tabs: a tab moves to the first tab stop
right of where the text before it ends.

Where the text ends is its width from the line's start: full-width
characters (CJK) one em of the run's font size, the others half an em, as
the fonts government documents are set in (仿宋, 宋体, 楷体 and their
GB2312 forms) draw them.  Nothing is guessed: a field is placed only when
its text ends clearly away from every stop (half an em and a twentieth
of its width), the line sets tab stops of its own (a line on Word's default stops
was never laid out as a table), and every field lands on one of them; else
the line has no sure layout and the caller keeps it as text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import Any, Final

from attrs import frozen
from docx.oxml.ns import qn

from .textboxes import own_nodes

__all__ = ["PackageStyles", "placed_fields", "styles_of"]

#: Word's default tab interval when the settings give none: half an inch.
_DEFAULT_TAB: Final = 720
#: Twips per half-point (w:sz is in half-points, positions in twips).
_TWIPS_PER_HALF_POINT: Final = 10


@frozen
class PackageStyles:
    """What laying out a line needs from the package besides the line."""

    #: The default tab interval (twips, ``w:defaultTabStop``).
    default_tab: int
    #: The document's default font size (half-points), if it states one.
    default_size: int | None
    #: Paragraph and character styles by id.
    styles: dict[str, Any]
    #: The paragraph style of a paragraph that names none (Word's Normal).
    default_paragraph: str | None = None


def styles_of(document: Any) -> PackageStyles:
    """The styles, default font size and default tab stop of a python-docx document."""
    settings = document.settings.element
    tab = settings.find(qn("w:defaultTabStop"))
    styles_element = document.styles.element
    size = styles_element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:sz')}"
    )
    styles = styles_element.findall(qn("w:style"))
    default = next(
        (
            s.get(qn("w:styleId"))
            for s in styles
            if s.get(qn("w:type")) == "paragraph" and s.get(qn("w:default")) in ("1", "true")
        ),
        None,
    )
    return PackageStyles(
        default_tab=_int(tab.get(qn("w:val"))) if tab is not None else _DEFAULT_TAB,
        default_size=_int(size.get(qn("w:val"))) if size is not None else None,
        styles={s.get(qn("w:styleId")): s for s in styles},
        default_paragraph=default,
    )


def _int(value: str | None) -> int:
    return int(float(value)) if value else 0


def _style_chain(style_id: str | None, styles: PackageStyles) -> Iterator[Any]:
    """A style and the styles it is based on, nearest first."""
    seen: set[str] = set()
    while style_id and style_id not in seen and style_id in styles.styles:
        seen.add(style_id)
        style = styles.styles[style_id]
        yield style
        based = style.find(qn("w:basedOn"))
        style_id = based.get(qn("w:val")) if based is not None else None


def _paragraph_style(p: Any, styles: PackageStyles) -> str | None:
    """The paragraph's style: the one it names, else the default (Normal)."""
    ps = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    return ps.get(qn("w:val")) if ps is not None else styles.default_paragraph


def _stops(p: Any, styles: PackageStyles) -> tuple[list[tuple[int, str]], bool]:
    """The line's tab stops (position, alignment), sorted, and whether the
    paragraph sets any of its own.  A style's stops apply unless the
    paragraph clears them."""
    found: dict[int, str] = {}
    chain = [s.find(qn("w:pPr")) for s in _style_chain(_paragraph_style(p, styles), styles)]
    own = p.find(f"{qn('w:pPr')}/{qn('w:tabs')}")
    for ppr in [*reversed([c for c in chain if c is not None]), p.find(qn("w:pPr"))]:
        tabs = ppr.find(qn("w:tabs")) if ppr is not None else None
        for tab in tabs if tabs is not None else ():
            pos, val = _int(tab.get(qn("w:pos"))), tab.get(qn("w:val")) or "left"
            if val == "clear":
                found.pop(pos, None)
            elif val != "bar":  # a bar tab draws a line, it stops nothing
                found[pos] = {"start": "left", "end": "right"}.get(val, val)
    has_own = own is not None and any(
        (t.get(qn("w:val")) or "left") not in ("clear", "bar") for t in own
    )
    return sorted(found.items()), has_own


def _start(p: Any, styles: PackageStyles) -> int:
    """Where the line's text starts (twips from the margin): its indentation."""
    left = first = 0
    chain = [s.find(qn("w:pPr")) for s in _style_chain(_paragraph_style(p, styles), styles)]
    for ppr in [*reversed([c for c in chain if c is not None]), p.find(qn("w:pPr"))]:
        ind = ppr.find(qn("w:ind")) if ppr is not None else None
        if ind is None:
            continue
        for name in ("w:left", "w:start"):
            if ind.get(qn(name)) is not None:
                left = _int(ind.get(qn(name)))
        if ind.get(qn("w:firstLine")) is not None:
            first = _int(ind.get(qn("w:firstLine")))
        if ind.get(qn("w:hanging")) is not None:
            first = -_int(ind.get(qn("w:hanging")))
    return left + first


def _size(run: Any, p: Any, styles: PackageStyles) -> int | None:
    """A run's font size in half-points: its own, its style's, the paragraph
    style's, the document's default."""
    sz = run.find(f"{qn('w:rPr')}/{qn('w:sz')}")
    if sz is not None:
        return _int(sz.get(qn("w:val")))
    rstyle = run.find(f"{qn('w:rPr')}/{qn('w:rStyle')}")
    for style_id in (
        rstyle.get(qn("w:val")) if rstyle is not None else None,
        _paragraph_style(p, styles),
    ):
        for style in _style_chain(style_id, styles):
            sz = style.find(f"{qn('w:rPr')}/{qn('w:sz')}")
            if sz is not None:
                return _int(sz.get(qn("w:val")))
    return styles.default_size


def _em_fraction(ch: str) -> float:
    """A character's width in ems: full-width characters one, the rest half."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F") else 0.5


def placed_fields(p: Any, styles: PackageStyles) -> list[tuple[int, str]] | None:
    """The fields of a line typed with tabs, each with the position (twips)
    of the stop it stands at (the first at the line's start), or None when
    the layout is not sure (see the module's docstring)."""
    stops, has_own = _stops(p, styles)
    if not has_own:
        return None
    own_positions = {pos for pos, _ in stops}
    start = _start(p, styles)
    fields: list[tuple[int, str]] = [(start, "")]
    at = float(start)  # where the text typed so far ends
    align = "left"
    width = 0.0  # the width of the current field's text, for centred or right stops
    tolerance = 0.0
    for run in own_nodes(p, qn("w:r")):
        size = _size(run, p, styles)
        for node in run:
            if node.tag == qn("w:tab"):
                here = fields[-1][0]
                end = _field_end(here, at, width, align)
                margin = tolerance + width / 20
                if any(abs(end - pos) < margin for pos, _ in stops if pos != here):
                    return None  # the text ends too near a stop to tell
                nxt = next(((pos, a) for pos, a in stops if pos > end), None)
                if nxt is None:
                    return None  # past the last stop set: Word's default stops
                fields.append((nxt[0], ""))
                at, align, width, tolerance = float(nxt[0]), nxt[1], 0.0, 0.0
            elif node.tag in (qn("w:t"), qn("w:br")):
                text = node.text or "" if node.tag == qn("w:t") else " "
                if size is None:
                    return None  # no font size anywhere: no width
                em = size * _TWIPS_PER_HALF_POINT
                width += sum(_em_fraction(ch) for ch in text) * em
                tolerance = max(tolerance, em / 2)
                fields[-1] = (fields[-1][0], fields[-1][1] + text)
    if any(pos not in own_positions for pos, _ in fields[1:]):
        return None
    return [(pos, text.strip()) for pos, text in fields]


def _field_end(stop: int, at: float, width: float, align: str) -> float:
    """Where a field's text ends, set at ``stop`` with the stop's alignment."""
    if align == "center":
        return stop + width / 2
    if align in ("right", "decimal"):  # a whole figure ends at a decimal stop
        return float(stop)
    return at + width
