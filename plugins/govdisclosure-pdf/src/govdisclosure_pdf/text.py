"""Setting Chinese text: line breaking with 禁则, justification, mixed scripts.

Report text never goes through reportlab's Paragraph markup here: a
:class:`TextBlock` draws plain strings, so ``<``, ``&`` or ``<font>`` in a
unit name are printed as they are, with nothing to escape and nothing that
could be interpreted.  Owning the line breaker also fixes what
``wordWrap='CJK'`` gets wrong:

* a line never starts with closing punctuation (``，。、；：？！）》”`` …) and
  never ends with an opening one (``（《“`` …): the break moves back a
  character or two and the line is justified instead;
* runs of Latin letters and digits ("2024", "0517-83605210", an e-mail
  address) are kept whole, and one longer than a line (a 500-character
  word) is cut where it must be;
* lines are justified by spreading the spare width over the gaps between
  characters (or between words, for English), as Chinese body text is set;
* Latin letters and digits are set in a Latin face (Times-like), Chinese in
  the CJK face, as offices do with Word.

Everything is measured with the fonts' own advance widths (cached per
character), so the same text always breaks the same way.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Final, NamedTuple, TypeAlias

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus.flowables import Flowable

from .outline import Entry, mark
from .styles import TextStyle

__all__ = ["LineCache", "Run", "TextBlock", "Turned", "balance_lines", "longest_word", "text_width"]

#: May not start a line (GB/T 15834 practice; reportlab's own list lacks the
#: full-width comma, colon and semicolon).
NO_START: Final = frozenset("，。、；：？！）］｝》〉」』】〕”’…‥·％‰℃,.;:?!)]}%")
#: May not end a line.
NO_END: Final = frozenset("（［｛《〈「『【〔“‘([{")
_FUZZ: Final = 1e-6

_widths: dict[tuple[str, str], float] = {}


def _char_width(ch: str, font: str) -> float:
    """Advance width of ``ch`` at 1 pt (cached)."""
    key = (font, ch)
    w = _widths.get(key)
    if w is None:
        w = _widths[key] = stringWidth(ch, font, 1000) / 1000
    return w


def _is_latin(ch: str) -> bool:
    return ord(ch) < 0x2000 and not ch.isspace()


class Run(NamedTuple):
    """A stretch of text with its own CJK and Latin faces (a run-in heading)."""

    text: str
    font: str
    latin: str | None = None


class _Unit(NamedTuple):
    """An unbreakable piece: one CJK character, a Latin word, a space, a break."""

    text: str
    font: str
    width: float  # at 1 pt, char spacing excluded
    kind: str  # "c" CJK, "w" Latin word, "s" space, "n" forced break
    #: No break and no justification space after this unit (inside a date).
    glue: bool = False
    #: The advance was cut by half an em (punctuation squeezed against the next mark).
    squeezed: bool = False
    #: A piece of a Latin word longer than :data:`_PIECE` that goes on from
    #: the piece before it: cut to fill the line rather than broken before.
    cont: bool = False


def _word(text: str, font: str) -> _Unit:
    return _Unit(text, font, sum(_char_width(c, font) for c in text), "w")


def _is_token(text: str) -> bool:
    """A number, date, telephone number, URL or e-mail address: never split, never spaced."""
    return (
        any(c.isdigit() for c in text)
        or "@" in text
        or "://" in text
        or text.lower().startswith("www.")
    )


def _words(text: str, font: str) -> list[_Unit]:
    """A Latin word, cut after each hyphen or slash so it can break there.

    Numbers, dates, telephone numbers, URLs and e-mail addresses stay one
    piece ("0517-83605210" copied from the PDF must read the same).
    """
    return list(_word_pieces(text, font))


@functools.lru_cache(maxsize=4096)
def _word_pieces(text: str, font: str) -> tuple[_Unit, ...]:
    """:func:`_words`, kept for the words met again (a table's numbers, years)."""
    if _is_token(text):
        return (_word(text, font),)
    out: list[_Unit] = []
    start = 0
    for k, ch in enumerate(text[:-1]):
        if ch in "-/" and k > start:
            out.append(_word(text[start : k + 1], font))
            start = k + 1
    out.append(_word(text[start:], font))
    return tuple(out)


#: The pieces of a Chinese date, each set whole: 2024年 (2024年度), 12月31日, 12月.
#: A line may break between the year and the month, as between two words:
#: a whole date (2012年12月31日, seven characters) taken down to the next line
#: would spread the line it leaves by a third of a character per gap.
_CN_DATE: Final = re.compile(r"\d{4}年度?|\d{1,2}月(?:\d{1,2}日)?|\d{1,2}日")
#: Closing marks whose ink sits on the left of their em box, and opening
#: marks with it on the right: two of them side by side leave a gap of a
#: whole character, which typesetters squeeze to half (标点挤压).
_INK_LEFT: Final = frozenset("，。、；：）》」』】〕〉”’")
_INK_RIGHT: Final = frozenset("（《「『【〔〈“‘")


class _Dates:
    """Which offsets of a text fall inside a Chinese date (no break there).

    Asked for offsets in increasing order, it walks the text's dates once,
    so a paragraph of any length costs time in proportion to its length.
    """

    def __init__(self, text: str, start: int = 0) -> None:
        # A date is at most 7 characters: one that the start cuts is found whole.
        self._matches = _CN_DATE.finditer(text, max(start - 8, 0))
        self._current: re.Match[str] | None = next(self._matches, None)

    def glued(self, k: int) -> bool:
        """Whether the break between ``text[k-1]`` and ``text[k]`` is inside a date."""
        m = self._current
        while m is not None and m.end() <= k:
            m = self._current = next(self._matches, None)
        return m is not None and m.start() + 1 <= k


#: The longest piece of a Latin word handled at once: a longer "word" (a
#: pasted string of a million letters) goes on in pieces that continue one
#: another, so measuring and cutting it never costs more than its length.
_PIECE: Final = 256

#: Where in a block's runs reading may start again: (run, character offset).
Position = tuple[int, int]


def _closed_word(text: str, font: str, glue: bool, cont: bool) -> list[_Unit]:
    """The pieces of a finished Latin word; ``glue``: a date goes on after it;
    ``cont``: it continues the piece before it."""
    pieces = _words(text, font)
    if glue:
        pieces[-1] = pieces[-1]._replace(glue=True)
    if cont:
        pieces[0] = pieces[0]._replace(cont=True)
    return pieces


#: A run of Latin letters and digits: characters below U+2000 but spaces
#: (``\s`` is ``str.isspace``).
_LATIN_RUN: Final = re.compile(r"[^\s\u2000-\U0010ffff]+")

#: The pieces of one CJK character in one face (neither glued nor
#: squeezed), made once: most of a Chinese text is read from here.
_cjk_units: dict[str, dict[str, _Unit]] = {}


def _cjk_unit(ch: str, font: str) -> _Unit:
    units = _cjk_units.setdefault(font, {})
    unit = units.get(ch)
    if unit is None:
        unit = units[ch] = _Unit(ch, font, _char_width(ch, font), "c")
    return unit


def _next_char(runs: Sequence[Run], r: int, i: int) -> str:
    """The character at offset ``i`` of run ``r`` or after it ("" at the end)."""
    while r < len(runs):
        text = runs[r].text
        if i < len(text):
            return text[i]
        r += 1
        i = 0
    return ""


def _batches(
    runs: Sequence[Run], start: Position, size: int
) -> Iterator[tuple[list[_Unit], Position | None]]:
    """The pieces of ``runs`` from ``start``, ``size`` or a few more at a
    time, each batch with the position after it where reading can start
    again (``None`` after the last batch: the text is read).

    A batch never ends inside a word cut at a hyphen.  A closing mark
    followed by an opening one is squeezed (see :data:`_INK_LEFT`).
    """
    out: list[_Unit] = []
    append = out.append
    r0, i0 = start
    for r in range(r0, len(runs)):
        run = runs[r]
        font = run.font
        latin_font = run.latin or font
        text = run.text
        i = i0 if r == r0 else 0
        n = len(text)
        dates = _Dates(text, i)
        cjk = _cjk_units.setdefault(font, {})
        # Starting again inside a long Latin word: its next piece goes on from the last.
        cont = 0 < i < n and _is_latin(text[i - 1]) and _is_latin(text[i])
        while i < n:
            ch = text[i]
            if ch < "\u2000" and not ch.isspace():
                end = _LATIN_RUN.match(text, i).end()  # type: ignore[union-attr]  # text[i] matches
                while end - i > _PIECE:
                    # No break and no justification space inside the word.
                    out += _closed_word(text[i : i + _PIECE], latin_font, True, cont)
                    i += _PIECE
                    cont = True
                    if len(out) >= size:
                        yield out, (r, i)
                        out = []
                        append = out.append
                out += _closed_word(text[i:end], latin_font, dates.glued(end), cont)
                cont = False
                i = end
            elif ch == "\n":
                append(_Unit("", font, 0.0, "n"))
                i += 1
            elif ch.isspace():
                append(_Unit(" ", latin_font, _char_width(" ", latin_font), "s"))
                i += 1
            elif ch in "—…" and text[i + 1 : i + 2] == ch:
                # —— and …… are one mark that must not be cut in two.
                append(_Unit(ch * 2, font, 2 * _char_width(ch, font), "c"))
                i += 2
            else:
                i += 1
                unit = cjk.get(ch) or _cjk_unit(ch, font)
                glue = dates.glued(i)
                if ch in _INK_LEFT and unit.width >= 0.9 and _next_char(runs, r, i) in _INK_RIGHT:
                    unit = unit._replace(width=unit.width - 0.5, glue=glue, squeezed=True)
                elif glue:
                    unit = unit._replace(glue=True)
                append(unit)
            if len(out) >= size:
                yield out, (r, i)
                out = []
                append = out.append
    yield out, None


def _units(runs: Sequence[Run]) -> list[_Unit]:
    units, _ = next(_batches(runs, (0, 0), sys.maxsize))
    return units


class _Source:
    """The pieces of a block's text, read only as far as its lines need.

    A paragraph of ten million characters is never turned into pieces all
    at once: each page reads what its lines take (and a few hundred pieces
    ahead), and the part left for the next page starts reading where this
    one stopped, so the whole costs time and memory in proportion to the
    text, not to its length times the number of pages.
    """

    #: Pieces read ahead at once.
    BATCH: Final = 512

    def __init__(self, runs: Sequence[Run], units: list[_Unit], at: Position | None) -> None:
        self.runs = runs
        #: Pieces read so far (a line cuts an over-long word in place).
        self.units = units
        #: Where reading goes on after ``units``; None once the text is read.
        self.at = at
        self._reader: Iterator[tuple[list[_Unit], Position | None]] | None = None

    def has(self, k: int) -> bool:
        """Whether piece ``k`` exists (reading more of the text when needed)."""
        units = self.units
        while len(units) <= k and self.at is not None:
            if self._reader is None:
                self._reader = _batches(self.runs, self.at, self.BATCH)
            more, self.at = next(self._reader)
            units += more
        return len(units) > k

    def rest(self, cut: int) -> _Source:
        """The pieces from ``cut`` on, read independently of this source."""
        return _Source(self.runs, self.units[cut:], self.at)


class _Line(NamedTuple):
    units: tuple[_Unit, ...]
    #: Natural width in points, char spacing included.
    width: float
    #: The width the line was broken for (its share of the block).
    avail: float
    #: Left offset (first-line indent).
    offset: float
    #: Justify this line (False for the last line and before forced breaks).
    justify: bool
    #: Index in the block's units just past this line (where the next starts).
    end: int = 0
    #: Nothing of the block's text is left after this line.
    last: bool = True


def _advance(u: _Unit, size: float, cs: float) -> float:
    return u.width * size + cs * len(u.text)


def _cut_word(u: _Unit, room: float, size: float, cs: float) -> tuple[_Unit, _Unit]:
    """Cut a Latin word wider than a line: the longest head that fits, at least 1 char.

    A URL or path is cut after its last ``/`` (or ``.``) that fits, when
    that keeps at least half the line.
    """
    used = 0.0
    cut = 0
    for ch in u.text:
        w = _char_width(ch, u.font) * size + cs
        if used + w > room + _FUZZ and cut > 0:
            break
        used += w
        cut += 1
    if cut < len(u.text):
        soft = max(u.text.rfind("/", 0, cut), u.text.rfind(".", 0, cut)) + 1
        if soft > 0 and soft * 2 >= cut:
            cut = soft
        elif u.text.isalpha() and len(u.text) <= 30 and cut > 3:
            # An English word (not a 500-letter string, copied as it is):
            # cut one letter earlier and mark the cut with a hyphen.
            hyphen = _char_width("-", u.font) * size + cs
            while cut > 2 and (used + hyphen > room + _FUZZ or len(u.text) - cut < 3):
                cut -= 1
                used -= _char_width(u.text[cut], u.font) * size + cs
            return _word(u.text[:cut] + "-", u.font), _tail(u, cut)
    return _word(u.text[:cut], u.font), _tail(u, cut)


def _tail(u: _Unit, cut: int) -> _Unit:
    """What is left of ``u`` after its first ``cut`` characters (keeping its glue)."""
    return _word(u.text[cut:], u.font)._replace(glue=u.glue)


def _next_line(
    source: _Source,
    i: int,
    room: float,
    offset: float,
    size: float,
    cs: float,
    kinsoku: bool = True,
) -> _Line:
    """The line starting at piece ``i``: greedy breaking with 禁则 (see the
    module docstring).  A Latin word longer than a line is cut in two in
    ``source.units`` where the line ends.  The line's ``end`` is where the
    next one starts; it is the last when nothing is left after it.
    """
    units = source.units
    has = source.has
    while has(i) and units[i].kind == "s":
        i += 1  # no line starts with a space
    start = i
    used = 0.0
    forced = False
    limit = room + _FUZZ
    while i < len(units) or has(i):
        u = units[i]
        if u.kind == "n":
            forced = True
            break
        w = u.width * size + cs * len(u.text)  # _advance, inlined: the innermost loop
        if used + w > limit:
            break
        used += w
        i += 1
    if not forced and has(i):
        u = units[i]
        if i == start:
            if u.kind == "w":
                units[i : i + 1] = _cut_word(u, room, size, cs)
            used += _advance(units[i], size, cs)
            i += 1
        elif u.cont and _char_width(u.text[0], u.font) * size + cs <= room - used + _FUZZ:
            # A long word goes on to the end of the line, not to the next line.
            units[i : i + 1] = _cut_word(u, room - used, size, cs)
            used += _advance(units[i], size, cs)
            i += 1
        elif kinsoku:
            i = _kinsoku(units, start, i)
    end = i
    while end > start and units[end - 1].kind == "s":
        end -= 1
    line_units = tuple(units[start:end])
    width = sum([u.width * size + cs * len(u.text) for u in line_units])
    if forced:
        i += 1
    last = not has(i)
    return _Line(line_units, width, room, offset, not (forced or last), i, last)


#: The lines a text was set in, by width, shared by the blocks made from one table cell.
#:
#: A table that goes over pages is built again for each part, for each
#: way of cutting it that is tried and for the probe that places a cut
#: span's label, each time with fresh flowables (reportlab's table keeps
#: state in them): without this every build would break the same text
#: into the same lines again.  Only a complete setting is kept, and only
#: blocks that read their text from the start use it.  A plain dict: one
#: that is empty is not tracked by Python's garbage collector, where an
#: object of a class of ours always is, and the attachment of 10,000
#: parts has 80,000 cells, most of them not set yet or set and drawn.
LineCache: TypeAlias = dict[float, tuple[_Line, ...]]


def _kinsoku(units: Sequence[_Unit], start: int, i: int) -> int:
    """Move a break before ``units[i]`` back so that no rule is broken.

    A closing mark that would start the next line, or an opening mark that
    would end this one, goes down together with its neighbour (at most two
    steps, 禁则); a date such as 2024年1月20日 goes down whole.  Never to an
    empty line; when nothing helps, the closing mark hangs at the end of
    the line instead (the break moves forward by one).
    """

    def kinsoku(k: int) -> bool:
        nxt, prev = units[k], units[k - 1]
        return (nxt.kind == "c" and nxt.text[0] in NO_START) or (
            prev.kind == "c" and prev.text[-1] in NO_END
        )

    k = i
    steps = 0
    while k > start:
        if units[k - 1].glue:
            k -= 1
        elif kinsoku(k) and steps < 3:
            k -= 1
            steps += 1
        else:
            break
    if k > start and not kinsoku(k) and not units[k - 1].glue:
        return k
    if units[i].kind == "c" and units[i].text[0] in NO_START:
        return i + 1  # hang the mark rather than start a line with it
    return i


def text_width(text: str, font: str, size: float, latin: str | None = None) -> float:
    """Natural width of one line of ``text`` (no spacing)."""
    return sum(u.width for u in _units([Run(text, font, latin)])) * size


def longest_word(text: str, font: str, size: float, latin: str | None = None) -> float:
    """Width of the widest piece a line cannot break (a Latin word, a CJK character)."""
    return max((u.width for u in _units([Run(text, font, latin)])), default=0.0) * size


class TextBlock(Flowable):  # type: ignore[misc]
    """Plain text set in a :class:`TextStyle`: breaks, justifies, splits by line.

    ``runs`` is a string (set in the style's faces) or a sequence of
    :class:`Run` (a run-in heading in another face followed by the text).
    ``lines`` gives explicit lines (a balanced title) instead of breaking.

    Lines are made only as far as a page needs them (:class:`_Source`): a
    block longer than the page is measured up to the page's end, split
    there, and the rest goes on reading where the page stopped, so the cost
    of a paragraph grows with its length, never with its length times its
    pages.
    """

    def __init__(
        self,
        runs: str | Sequence[Run],
        style: TextStyle,
        *,
        keep_with_next: bool = False,
        lines: Sequence[str] | None = None,
        outline: Entry | None = None,
        cache: LineCache | None = None,
        _source_: _Source | None = None,
        _first_: bool = True,
    ) -> None:
        super().__init__()
        self.style = style
        #: Lines set before for the same text and style (a table cell's).
        self._cache = cache
        #: Bookmark set where the block starts (a heading).
        self.outline = outline
        if isinstance(runs, str):
            runs = (Run(runs, style.font, style.latin),)
        self.runs = tuple(runs)
        self.fixed = tuple(lines) if lines is not None else None
        self._source = _source_ if _source_ is not None else _Source(self.runs, [], (0, 0))
        self._first = _first_
        self.keepWithNext = keep_with_next
        self.spaceBefore = style.space_before
        self.spaceAfter = style.space_after
        self._lines: list[_Line] = []
        self._for_width = -1.0

    def __repr__(self) -> str:
        return f"TextBlock({''.join(r.text for r in self.runs)[:30]!r})"

    @property
    def plain_text(self) -> str:
        return "".join(r.text for r in self.runs)

    @property
    def _units(self) -> list[_Unit]:
        """Every piece of the block (reads the whole text)."""
        self._source.has(math.inf)  # type: ignore[arg-type]
        return self._source.units

    def _layout(self, avail: float, need: float = math.inf) -> list[_Line]:
        """The lines for width ``avail``: all of them, or at least ``need``."""
        st = self.style
        avail_lines = avail - st.left
        cache = self._cache
        if self._for_width != avail:
            self._lines = []
            self._for_width = avail
            known = cache.get(avail) if cache is not None else None
            if known is not None:
                self._lines = list(known)
            elif self.fixed is not None:
                for k, text in enumerate(self.fixed):
                    us = _units([Run(text, st.font, st.latin)])
                    width = sum(_advance(u, st.size, st.char_space) for u in us)
                    more = k < len(self.fixed) - 1
                    self._lines.append(_Line(tuple(us), width, avail_lines, 0.0, more, 0, not more))
        lines = self._lines
        while len(lines) < need and not (lines and lines[-1].last):
            i = lines[-1].end if lines else 0
            offset = st.indent if self._first and not lines else 0.0
            lines.append(
                _next_line(
                    self._source,
                    i,
                    avail_lines - offset,
                    offset,
                    st.size,
                    st.char_space,
                    st.kinsoku,
                )
            )
        if cache is not None and lines and lines[-1].last:
            cache[avail] = tuple(lines)
        return lines

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # One line more than the room holds tells the frame the block does
        # not fit, without setting the rest of a long paragraph.
        leading = self.style.leading
        lines = self._layout(availWidth, availHeight // leading + 1)
        self.width = availWidth
        self.height = len(lines) * leading
        return availWidth, self.height

    def line_texts(self) -> list[str]:
        """The text of each line as last set by :meth:`wrap` (to cut a block into given lines)."""
        return ["".join(u.text for u in line.units) for line in self._lines]

    def natural_width(self) -> float:
        """Width of the longest line when nothing is wrapped (for column sizing)."""
        st = self.style
        widest = 0.0
        line = 0.0
        for u in self._units:
            if u.kind == "n":
                widest = max(widest, line)
                line = 0.0
            else:
                line += _advance(u, st.size, st.char_space)
        return max(widest, line) + st.left + (st.indent if self._first else 0.0)

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        fit = int((availHeight + _FUZZ) // self.style.leading)
        if fit <= 0:
            return []
        lines = self._layout(availWidth, fit + 1)
        if fit >= len(lines):
            return [self]
        if self.fixed is not None:
            # Explicit lines (a title too long for a page) split between them.
            head = TextBlock(self.runs, self.style, lines=self.fixed[:fit], outline=self.outline)
            tail = TextBlock(
                self.runs, self.style, keep_with_next=self.keepWithNext, lines=self.fixed[fit:]
            )
        else:
            cut = lines[fit - 1].end
            source = self._source
            head = TextBlock(
                self.runs,
                self.style,
                outline=self.outline,
                _source_=_Source(self.runs, source.units[:cut], None),
                _first_=self._first,
            )
            head._lines = [line._replace(last=k == fit - 1) for k, line in enumerate(lines[:fit])]
            head._for_width = availWidth
            rest = source.rest(cut)
            skip = 0
            while rest.has(skip) and rest.units[skip].kind in "sn":
                skip += 1
            if skip:
                rest = rest.rest(skip)
            tail = TextBlock(
                self.runs,
                self.style,
                keep_with_next=self.keepWithNext,
                _source_=rest,
                _first_=False,
            )
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, tail]

    def draw(self) -> None:
        canv = self.canv
        mark(canv, self.outline, self.height)
        st = self.style
        lines = self._lines
        size = st.size
        tx = canv.beginText()
        if st.bold:
            canv.setLineWidth(st.bold)
            tx.setTextRenderMode(2)
        # Centre the glyph box (ascent ≈ 0.88 em) vertically in the line pitch.
        baseline = self.height - (st.leading - size) / 2 - 0.86 * size
        for line in lines:
            self._draw_line(tx, line, baseline, size)
            baseline -= st.leading
        canv.drawText(tx)

    def _draw_line(self, tx: Any, line: _Line, y: float, size: float) -> None:
        st = self.style
        cs = st.char_space
        # ``avail`` is already the room after the first-line indent.
        extra = line.avail - line.width
        x = st.left + line.offset
        gap = 0.0  # added after each unit a break could follow
        space_extra = 0.0
        units = line.units
        if st.align == "center":
            x += max(extra / 2, 0.0)
        elif st.align == "right":
            x += max(extra, 0.0)
        elif st.align == "justify" and line.justify and extra > _FUZZ:
            # English lines stretch their spaces; a line with Chinese in it
            # spreads the spare width over the gaps between its pieces,
            # spaces included, so a stray space never opens a hole.  The
            # letters of a word, a number, a telephone number or a date are
            # never spread apart.
            kinds = [u.kind for u in units]
            spaces = kinds.count("s")
            chinese = "c" in kinds
            gaps = max(len(units) - 1, 0) - sum([u.glue for u in units[:-1]])
            if spaces and not chinese and extra / spaces < 3 * size:
                space_extra = extra / spaces
            elif gaps and extra / gaps < 0.5 * size:
                # Beyond that the line would look gappy: leave it ragged.
                gap = extra / gaps
        font = ""
        chunk: list[str] = []
        chunk_x = x
        chunk_cs = cs
        last = len(units) - 1

        def flush() -> None:
            if chunk:
                tx.setTextOrigin(chunk_x, y)
                tx.textOut("".join(chunk))
                chunk.clear()

        for k, u in enumerate(units):
            after = 0.0 if (u.glue or k == last) else gap
            if u.kind == "s":
                flush()
                x += u.width * size + cs + space_extra + after
                continue
            # One-character pieces in one face share a chunk: the gap goes
            # into the character spacing.  Anything else is placed alone.
            alone = len(u.text) > 1 or u.squeezed
            ucs = cs if alone else cs + after
            if chunk and (alone or u.font != font or ucs != chunk_cs):
                flush()
            if not chunk:
                if u.font != font:
                    font = u.font
                    tx.setFont(font, size)
                if ucs != chunk_cs or k == 0:
                    tx.setCharSpace(ucs)
                chunk_cs = ucs
                chunk_x = x
            chunk.append(u.text)
            x += u.width * size + cs * len(u.text) + after
            if alone:
                flush()
        flush()


class Turned(Flowable):  # type: ignore[misc]
    """One line of text turned to read bottom to top (an English group label)."""

    def __init__(self, text: str, style: TextStyle) -> None:
        super().__init__()
        self.block = TextBlock(text, style, lines=[text])
        self._length = text_width(text, style.font, style.size, style.latin) + 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self.block.wrap(self._length, 0x7FFFFFFF)
        return self.block.style.leading, self._length

    def draw(self) -> None:
        canv = self.canv
        canv.saveState()
        canv.translate(self.block.style.leading, 0)
        canv.rotate(90)
        self.block.drawOn(canv, 0, 0)
        canv.restoreState()


def _forced_lines(text: str, font: str, size: float, avail: float, latin: str | None) -> list[str]:
    """Lines cut wherever the width runs out, for a title no allowed break fits.

    A Latin word wider than the line, or a run of punctuation that 禁则
    forbids breaking, would otherwise be set on one line past the margin;
    as in body text, fitting the page comes before keeping the word whole.
    """
    lines: list[str] = []
    line = ""
    width = 0.0
    for ch in text:
        w = text_width(ch, font, size, latin)
        if line and width + w > avail + _FUZZ:
            lines.append(line)
            line, width = "", 0.0
        line += ch
        width += w
    if line:
        lines.append(line)
    return lines


def balance_lines(
    text: str,
    font: str,
    size: float,
    avail: float,
    *,
    latin: str | None = None,
    prefer: Sequence[int] = (),
    names: Sequence[str] | None = None,
) -> list[str]:
    """Break a title into lines of even length (GB/T 9704 7.3.1).

    The standard wants the lines symmetric, of sensible length, words kept
    whole (词意完整), in a trapezoid or diamond: the longer line may come
    first or last.  Lines break only between words (:mod:`.words`: a
    segmenter's words, ``names`` such as the unit's name and the report's
    name kept whole; ``names=None`` skips the segmenter and allows any
    break 禁则 allows); when no such setting fits, names longer than a
    line are opened at their own words, then any character will do.

    The fewest lines that fit are used; among them the most even (the
    shortest longest line) wins, a line more than a character shorter
    than both its neighbours (a waist) costs extra, and a break at any
    position in ``prefer`` (the end of the unit's name) is worth more than
    evenness.  See :func:`_balanced_breaks` for the search, which takes
    time polynomial in the length of the title.
    """
    units = _units([Run(text, font, latin)])
    widths = [u.width * size for u in units]
    total = sum(widths)
    if total <= avail + _FUZZ:
        return [text]
    if len(units) < 2:
        return _forced_lines(text, font, size, avail, latin)
    # Break positions (between units k-1 and k) and their char offsets.
    offsets = [0]
    for u in units:
        offsets.append(offsets[-1] + len(u.text))
    prefix = [0.0]
    for w in widths:
        prefix.append(prefix[-1] + w)
    valid = [
        k
        for k in range(1, len(units))
        if not (units[k].kind == "c" and units[k].text[0] in NO_START)
        and not (units[k - 1].kind == "c" and units[k - 1].text[-1] in NO_END)
        and not units[k - 1].glue
    ]
    wanted = set(prefer)
    preferred = {k for k in valid if offsets[k] in wanted}
    tiers: Iterable[set[int]] = ()
    if names is not None and any(u.kind == "c" for u in units):
        from .words import title_breaks  # loads the segmenter only when needed

        tiers = title_breaks(text, names)
    breaks = None
    for allowed in itertools.chain(tiers, [None]):
        candidates = valid if allowed is None else [k for k in valid if offsets[k] in allowed]
        breaks = _balanced_breaks(candidates, prefix, avail, preferred, size)
        if breaks is not None:
            break
    if breaks is None:
        return _forced_lines(text, font, size, avail, latin)
    cuts = [0, *breaks, len(units)]
    return ["".join(u.text for u in units[a:b]).strip() for a, b in itertools.pairwise(cuts)]


class _Way(NamedTuple):
    """A way to set the first lines of a title (see :func:`_balanced_breaks`)."""

    longest: float  # the longest line so far (at least the shortest possible)
    extra: float  # penalties less bonuses so far
    breaks: tuple[int, ...]
    #: The last line is more than an em shorter than the one before it
    #: (a longer line after it would make a waist).
    fell: bool = False


def _covers(x: _Way, y: _Way) -> bool:
    """Whatever follows, ``x`` ends up at least as good as ``y`` (and wins a tie)."""
    return (
        x.longest <= y.longest + _FUZZ
        and x.extra <= y.extra + _FUZZ
        and (y.fell or not x.fell)
        and (x.breaks < y.breaks or x.extra < y.extra - _FUZZ)
    )


def _balanced_breaks(
    valid: Sequence[int],
    prefix: Sequence[float],
    avail: float,
    preferred: set[int],
    em: float,
) -> list[int] | None:
    """The breaks for :func:`balance_lines`, or ``None`` when no set of lines fits.

    ``prefix[k]`` is the width of the first ``k`` units; a line runs from
    one position of ``0, *valid, n`` to a later one and is at most
    ``avail`` wide.  Among the ways to set the text in the fewest lines
    the cheapest wins, on a tie the one with the earliest breaks.  The cost
    is the longest line, plus half an em for each line more than an em
    shorter than both its neighbours (a waist: the standard allows a
    trapezoid either way up or a diamond), less 20 em for each break in ``preferred`` (a break at a
    word boundary the caller knows beats any merely even one).

    Dynamic programming over the lines instead of trying every combination
    of breaks (which took minutes for a 150-character title):

    * ``rest[k]``, the fewest lines from position ``k`` to the end, gives
      the number of lines ``count`` and prunes every partial setting that
      could not finish in ``count`` lines;
    * layer ``j`` maps each possible ``j``-th line ``(a, b)`` to the ways
      of reaching it worth keeping: the cost is the longest line (not a
      sum) plus the rest, so a way is dropped only when another has no
      longer a line, no more penalties and earlier breaks (or clearly
      fewer penalties) — it could then never win.

    With ``n`` units, at most ``m`` of them on a line, there are at most
    ``n·m`` lines, each followed by at most ``m`` others, in ``count``
    layers; a line keeps at most one way per value of ``(longest, extra)``,
    and both take few values (``longest`` is raised to the shortest
    possible longest line, below which it makes no difference).  In all
    ``O(count·n·m²·w)`` steps with ``w`` ways per line, in practice 1–3:
    a 300-character title takes milliseconds (see ``docs/pdf.md``).
    """
    end = len(prefix) - 1
    positions = [0, *valid, end]
    # nexts[a]: where a line starting at position a may end.
    nexts: dict[int, list[int]] = {}
    for i, a in enumerate(positions[:-1]):
        out: list[int] = []
        for b in positions[i + 1 :]:
            if prefix[b] - prefix[a] > avail + _FUZZ:
                break  # prefix only grows: every later end is wider still
            out.append(b)
        nexts[a] = out
    rest: dict[int, float] = {end: 0}
    for a in reversed(positions[:-1]):
        rest[a] = 1 + min((rest[b] for b in nexts[a]), default=math.inf)
    if math.isinf(rest[0]):
        return None
    count = int(rest[0])
    # The shortest possible longest line (a bottleneck path): the longest
    # line of any setting is at least this.
    reach: dict[int, float] = {0: 0.0}
    for j in range(count):
        step: dict[int, float] = {}
        for a, longest in reach.items():
            for b in nexts[a]:
                if rest[b] <= count - j - 1:
                    w = max(longest, prefix[b] - prefix[a])
                    step[b] = min(w, step.get(b, math.inf))
        reach = step
    floor = reach[end]

    layer: dict[tuple[int, int], list[_Way]] = {
        (0, b): [_Way(max(floor, prefix[b]), 0.0, ())] for b in nexts[0] if rest[b] <= count - 1
    }
    for j in range(1, count):
        following: dict[tuple[int, int], list[_Way]] = {}
        for (a, b), ways in layer.items():
            above = prefix[b] - prefix[a]
            bonus = 20 * em if b in preferred else 0.0
            for c in nexts[b]:
                if rest[c] > count - j - 1:
                    continue
                w = prefix[c] - prefix[b]
                rises = w > above + em
                kept = following.setdefault((b, c), [])
                for way in ways:
                    penalty = 0.5 * em if way.fell and rises else 0.0
                    new = _Way(
                        max(way.longest, w),
                        way.extra + penalty - bonus,
                        (*way.breaks, b),
                        above > w + em,
                    )
                    if not any(_covers(k, new) for k in kept):
                        kept[:] = [k for k in kept if not _covers(new, k)]
                        kept.append(new)
        layer = following
    best: _Way | None = None
    # In the order of the breaks, as an exhaustive search would meet them.
    finished = [w for (_, b), ways in layer.items() if b == end for w in ways]
    for way in sorted(finished, key=lambda w: w.breaks):
        if best is None or way.longest + way.extra < best.longest + best.extra - _FUZZ:
            best = way
    return None if best is None else list(best.breaks)
