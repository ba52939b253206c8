"""Placing printed value cells on the cells of the official tables.

A printed cell is placed on a target cell when the target's row label and
column label are both among the labels printed for it (the row label from
the row's label cells, or from the header where a table has no label
column, as table 4; the two from different printed cells).  Labels are
compared by their matching keys (:func:`.text.label_key`): the words, and
the numbering by its value when both print one (1.予以公开 is （一）予以公开,
a ``numbering`` match; （二）予以公开 is not it); where a printed
label is not an official one, the other edition's wording of the same cell
(规范性文件 / 行政规范性文件) and then a close wording (difflib ratio ≥ 0.8,
same numbering value) stand in, and the match records which.  Among the
candidates the one with most of its context labels printed (the rows above,
header groups, block caption) wins; a tie between different cells is an
ambiguity and nothing is placed.  A printed row whose label matches no
official row is placed by position only when it sits alone between two
placed rows that have exactly one unplaced official row between them.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Literal, NamedTuple, get_args

from govdisclosure.memo import IdentityMemo

from .provenance import LabelMatch
from .source import Label, SourceCell
from .targets import Target, TargetTable
from .text import Key

__all__ = ["MATCH_KINDS", "Match", "MatchKind", "Placement", "place"]

#: How a label was matched, from surest to least sure: ``numbering`` is the
#: official words under a numbering of the same value in another form
#: (1.予以公开 for （一）予以公开, ① for 1.).
MatchKind = Literal["exact", "normalised", "numbering", "other-edition", "similar", "position"]
MATCH_KINDS: tuple[MatchKind, ...] = get_args(MatchKind)
_RANK: dict[str, int] = {k: i for i, k in enumerate(MATCH_KINDS)}


class Match(NamedTuple):
    """How one label of a target was found among the printed labels."""

    official: str
    printed: str
    kind: MatchKind


class Placement(NamedTuple):
    """A printed cell placed on a target cell."""

    source: SourceCell
    target: Target
    #: The worst of the row and column matches.
    kind: MatchKind
    matches: tuple[Match, ...]
    #: The matches as the provenance keeps them (made once per decision).
    labels: tuple[LabelMatch, ...] = ()

    @property
    def doubtful(self) -> bool:
        """Placed by position only, or read from a merged region not aligned with its header."""
        return self.kind == "position" or not self.source.aligned


#: A bracketed explanation a publisher put after a label, whatever it says:
#: "规章（设区的市、自治州人民政府应提供相关数据）", "上一年项目数量（指2019年
#: 事项数）" (a province's form).  Tried only when the label as printed is no
#: official label: the format's own brackets ("（区分处理的，只计这一情形…）")
#: match as printed first.  A unit in it is read from the heading itself
#: (``importer._heading_unit``), not from the match.
_TRAILING_BRACKET = re.compile(r"\([^()]*\)$")
#: The report's year in brackets inside a heading: "本年（2023）制发件数",
#: "本年（2023年）处理决定数量".  It says which year 本年 is, nothing more.
_BRACKETED_YEAR = re.compile(r"\((?:19|20)\d\d年?\)")


class _Resolver:
    """Printed words → official words of one table, remembered per word."""

    def __init__(self, official: frozenset[str], aliases: dict[str, str]) -> None:
        self.official = official
        self.aliases = aliases
        self.cache: dict[str, tuple[str, MatchKind] | None] = {}

    def __call__(self, words: str) -> tuple[str, MatchKind] | None:
        if words in self.cache:
            return self.cache[words]
        found: tuple[str, MatchKind] | None
        if words in self.official:
            found = (words, "normalised")
        elif words in self.aliases:
            found = (self.aliases[words], "other-edition")
        elif (dated := self._dated(words)) is not None:
            found = dated
        elif (noted := self._noted(words)) is not None:
            found = noted
        else:
            found = self._close(words)
        self.cache[words] = found
        return found

    def _dated(self, words: str) -> tuple[str, MatchKind] | None:
        """The official label with the year the publisher wrote into it
        ("本年（2023）制发件数"), matched as printed or as another edition's
        wording once the bracketed year is taken out (never as a close match)."""
        bare = _BRACKETED_YEAR.sub("", words)
        return self._as_printed(bare) if bare != words and bare else None

    def _noted(self, words: str) -> tuple[str, MatchKind] | None:
        """The official label before a publisher's bracketed note, itself
        matched as printed or as another edition's wording (never a close
        match of the bare words: the note may be all that tells two rows apart)."""
        bare = _TRAILING_BRACKET.sub("", words)
        return self._as_printed(bare) if bare != words and bare else None

    def _as_printed(self, bare: str) -> tuple[str, MatchKind] | None:
        """``bare`` (a label with the publisher's addition taken out) as an
        official label or as another edition's wording of one."""
        if bare in self.official:
            return (bare, "normalised")
        if bare in self.aliases:
            return (self.aliases[bare], "other-edition")
        return None

    def _close(self, words: str) -> tuple[str, MatchKind] | None:
        close = difflib.get_close_matches(words, list(self.official), n=2, cutoff=0.8)
        # Two equally close official labels: no choice is made.
        if len(close) == 1 or (
            len(close) == 2
            and difflib.SequenceMatcher(None, words, close[0]).ratio()
            > difflib.SequenceMatcher(None, words, close[1]).ratio()
        ):
            return (close[0], "similar")
        return None


def _kind(printed: Label, official: Key, label: str, resolved: MatchKind) -> MatchKind:
    if resolved != "normalised":
        return resolved
    if printed.cell.text == label:
        return "exact"
    if printed.key.code and official.code and printed.key.code != official.code:
        return "numbering"
    return "normalised"


_RESOLVERS: dict[tuple[int, int], tuple[_Resolver, _Resolver]] = {}


def _resolvers(table: TargetTable, aliases: dict[str, str]) -> tuple[_Resolver, _Resolver]:
    """The row and column resolvers of a table, kept (tables and aliases are cached values)."""
    key = (id(table), id(aliases))
    found = _RESOLVERS.get(key)
    if found is None:
        found = _RESOLVERS[key] = (
            _Resolver(table.row_words, aliases),
            _Resolver(table.column_words | table.row_words, aliases),
        )
    return found


#: Labels as the memo sees them: their texts exactly as printed (a label's
#: key is a function of its text, and an exact match needs the text).
_LabelSig = tuple[str, ...]
_Decision = tuple[Target, MatchKind, tuple[Match, ...], tuple[LabelMatch, ...]] | None

#: Decisions of :func:`_decide` by table and printed labels.  Official tables
#: print the same labels on every page of an edition, so after the first page
#: placing a cell is one lookup; bounded, and emptied when full.
_MEMO_LIMIT = 1 << 16

#: Every memo of placement work (this module's and :mod:`.plan`'s), for :func:`clear_memo`.
_MEMOS: list[dict[Any, Any] | IdentityMemo[Any, Any]] = []


def memo_cache() -> dict[Any, Any]:
    """A new memo of placement work, emptied by :func:`clear_memo`."""
    memo: dict[Any, Any] = {}
    _MEMOS.append(memo)
    return memo


_MEMO: dict[tuple[int, int, _LabelSig, _LabelSig, bool], _Decision] = memo_cache()


def identity_memo_cache(limit: int) -> IdentityMemo[Any, Any]:
    """A new :class:`~govdisclosure.memo.IdentityMemo` of placement work, emptied
    by :func:`clear_memo`."""
    memo: IdentityMemo[Any, Any] = IdentityMemo(limit)
    _MEMOS.append(memo)
    return memo


def clear_memo() -> None:
    """Forget every remembered placement decision and plan (for measuring the cold path)."""
    for memo in _MEMOS:
        memo.clear()


def place(
    cells: Sequence[SourceCell], table: TargetTable, aliases: dict[str, str]
) -> tuple[list[Placement], list[SourceCell]]:
    """Place ``cells`` (one grid) on ``table``: placements and cells left unplaced."""
    rows, cols = _resolvers(table, aliases)
    placed: list[Placement] = []
    unplaced: list[SourceCell] = []
    # A row's label tuple is shared by the row's cells, a column's by the
    # column's: each signature is built once per grid (the tuples live as
    # long as ``cells``, so their ids stand for them here).
    sigs: dict[int, tuple[_LabelSig, int]] = {}
    table_id, aliases_id = id(table), id(aliases)
    memo = _MEMO
    for cell in cells:
        # What the decision depends on (None: on the cells themselves).  It
        # reads the labels' keys and printed texts, and whether a column label
        # is the very cell of a row label.  Without row labels the row side
        # *is* the column labels (the flag); otherwise they can share a cell
        # only if a header cell reaches down to the value's row, which is left
        # to the direct path.
        columns = sigs.get(id(cell.column_labels))
        if columns is None:
            columns = _signature(cell.column_labels, sigs)
        key: tuple[int, int, _LabelSig, _LabelSig, bool] | None
        if not cell.row_labels:
            key = (table_id, aliases_id, (), columns[0], True)
        elif columns[1] > cell.cell.row:
            key = None
        else:
            row = sigs.get(id(cell.row_labels))
            if row is None:
                row = _signature(cell.row_labels, sigs)
            key = (table_id, aliases_id, row[0], columns[0], False)
        if key is None:
            decision = _decide(cell, table, rows, cols)
        else:
            try:
                decision = memo[key]
            except KeyError:
                if len(memo) >= _MEMO_LIMIT:
                    memo.clear()
                decision = memo[key] = _decide(cell, table, rows, cols)
        if decision is None:
            unplaced.append(cell)
        else:
            placed.append(_new(Placement, (cell, *decision)))
    placed, unplaced = _by_position(placed, unplaced, table)
    placed, unplaced = _by_column_position(placed, unplaced, table, cols)
    return _one_each(placed, unplaced)


_new = tuple.__new__


def _signature(
    labels: tuple[Label, ...], sigs: dict[int, tuple[_LabelSig, int]]
) -> tuple[_LabelSig, int]:
    """The labels' printed texts, and the first row below every label cell."""
    found = sigs.get(id(labels))
    if found is None:
        found = sigs[id(labels)] = (
            tuple([lab.cell.text for lab in labels]),
            max([lab.cell.row + lab.cell.rowspan for lab in labels], default=0),
        )
    return found


def _decide(cell: SourceCell, table: TargetTable, rows: _Resolver, cols: _Resolver) -> _Decision:
    best = _best(cell, table, rows, cols)
    if best is None:
        return None
    return (best.target, best.kind, best.matches, _label_matches(best.matches))


def _label_matches(matches: Iterable[Match]) -> tuple[LabelMatch, ...]:
    return tuple([LabelMatch(m.official, m.printed, m.kind) for m in matches])


#: A label that joins two official labels: "行政诉讼（未经复议直接起诉）",
#: "行政诉讼-复议后起诉" (table 4 printed as rows, a group and its part in one cell).
_JOINED = re.compile(
    r"^(?P<a>[^()]{2,})\((?P<b>[^()]{2,})\)$|^(?P<c>[^-—–]{2,})[-—–](?P<d>[^-—–]{2,})$"
)


_CONTEXT: dict[int, frozenset[str]] = {}


def _context_words(table: TargetTable) -> frozenset[str]:
    """Every context word of a table's cells (header groups, block captions), kept."""
    found = _CONTEXT.get(id(table))
    if found is None:
        found = _CONTEXT[id(table)] = frozenset(
            w for target in table.targets for w in target.context_words
        )
    return found


def _split_joined(
    labels: tuple[Label, ...], words: _Resolver, context: frozenset[str]
) -> tuple[tuple[Label, ...], tuple[str, ...]]:
    """``labels`` with each one no official label matches, but that joins two
    parts each of which is an official label or context of the table, read as
    the parts that are labels (the same printed cell; the first part keeps the
    numbering); and the context words the joined labels print."""
    out: list[Label] = []
    extra: list[str] = []
    for lab in labels:
        m = None if words(lab.key.words) is not None else _JOINED.match(lab.key.words)
        parts = [p for p in m.groups() if p is not None] if m is not None else []
        if not parts or not all(words(p) is not None or p in context for p in parts):
            out.append(lab)
            continue
        extra += parts
        out += [
            Label(lab.cell, Key(lab.key.code, p, lab.key.ordinal) if i == 0 else Key("", p))
            for i, p in enumerate(parts)
            if words(p) is not None
        ]
    return tuple(out), tuple(extra)


def stacked_pairs(labels: Sequence[Label]) -> Iterator[tuple[Label, Label, str]]:
    """Headings that may be one set as two cells one above the other, each in
    a header row of its own: two cells of the same columns, the lower right
    under the upper; with their words joined."""
    for upper, lower in itertools.pairwise(labels):
        a, b = upper.cell, lower.cell
        if (a.col, a.colspan) == (b.col, b.colspan) and a.row + a.rowspan == b.row:
            yield upper, lower, upper.key.words + lower.key.words


def _stacked(
    labels: tuple[Label, ...], cols: _Resolver
) -> list[tuple[Label, tuple[str, MatchKind]]]:
    """A heading set as two cells one above the other, each in a header row
    of its own ("商业" over "企业", "科研" over "机构", "行政" over "复议"):
    their words joined, when that is an official heading and neither alone
    is one as well (a piece read only as another edition's word, "其他" of
    "其他" over "结果", is no better).  The joined label is printed as the
    two lines it was."""
    out: list[tuple[Label, tuple[str, MatchKind]]] = []
    for upper, lower, words in stacked_pairs(labels):
        found = cols(words)
        if found is None:
            continue
        pieces = [cols(upper.key.words), cols(lower.key.words)]
        if all(p is None or _RANK[p[1]] > _RANK[found[1]] for p in pieces):
            a, b = upper.cell, lower.cell
            joined = b._replace(
                row=a.row, rowspan=a.rowspan + b.rowspan, text=f"{a.text}\n{b.text}"
            )
            out.append((Label(joined, Key("", words)), found))
    return out


def _unknown_sub_row(row_labels: tuple[Label, ...], rows: _Resolver, table: TargetTable) -> bool:
    """The row's own label, the one nearest its figures, is a numbered row
    ("1.申请人无正当理由逾期不补正…", "3.其他") this table has not, under a
    label it has (the 2021 （六）其他处理 over its three sub-rows, read as the
    2019 table whose （六） is one row): its figures are one part of that row,
    never the whole of it, and are not placed by the label above.  A row the
    table has by the words but under another number (3.其他 is not （七）总计,
    the 2019 wording of 其他 in another edition) is none it has."""
    if len(row_labels) < 2 or not row_labels[-1].key.code:
        return False
    own = row_labels[-1].key
    found = rows(own.words)
    return found is None or not any(
        t.row.words == found[0] and own.numbering_agrees(t.row) for t in table.targets
    )


def _best(
    cell: SourceCell, table: TargetTable, rows: _Resolver, cols: _Resolver
) -> Placement | None:
    row_labels, joined = _split_joined(cell.row_labels, cols, _context_words(table))
    if _unknown_sub_row(row_labels, rows, table):
        return None
    row_side: Sequence[Label] = row_labels or cell.column_labels
    candidates: list[tuple[int, int, Placement]] = []
    printed_words = {lab.key.words for lab in (*row_labels, *cell.column_labels)}
    printed_words.update(joined)
    # A group heading set as two cells one above the other ("行政" over
    # "复议", "未经复议" over "直接起诉"): its words count as printed.
    printed_words.update(words for _, _, words in stacked_pairs(cell.column_labels))
    if not row_labels:
        # A table of one row (table 4): its row is named by a heading, which
        # may be set as two cells too.
        row_side = [*row_side, *(lab for lab, _ in _stacked(cell.column_labels, rows))]
    # The column labels resolved once (resolution is by words alone), not once per row label.
    resolved: list[tuple[Label, tuple[str, MatchKind]]] = []
    for clab in cell.column_labels:
        c = cols(clab.key.words)
        if c is not None:
            resolved.append((clab, c))
    resolved += _stacked(cell.column_labels, cols)
    for rlab in row_side:
        r = rows(rlab.key.words)
        if r is None:
            continue
        rwords, rkind = r
        col_options: list[tuple[Label | None, str | None, MatchKind]] = [(None, None, "exact")]
        for clab, c in resolved:
            if clab.cell != rlab.cell:
                col_options.append((clab, c[0], c[1]))
        for col_label, cwords, ckind in col_options:
            for target in table.index.get((rwords, cwords), ()):
                # The numbering agrees by its number, whatever its form (一、 （一）
                # 1. ① all say 1): a wrong number (（二）予以公开) is not this row.
                if not rlab.key.numbering_agrees(target.row):
                    continue
                matches = [
                    Match(
                        target.row_label,
                        rlab.cell.text,
                        _kind(rlab, target.row, target.row_label, rkind),
                    )
                ]
                if col_label is not None and target.column is not None and target.column_label:
                    matches.append(
                        Match(
                            target.column_label,
                            col_label.cell.text,
                            _kind(col_label, target.column, target.column_label, ckind),
                        )
                    )
                context = sum([w in printed_words for w in target.context_words])
                kind = matches[0].kind  # the worse of the row's and the column's match
                if len(matches) == 2 and _RANK[matches[1].kind] > _RANK[kind]:
                    kind = matches[1].kind
                candidates.append(
                    (context, -_RANK[kind], Placement(cell, target, kind, tuple(matches)))
                )
    if not candidates:
        return None
    candidates.sort(key=lambda c: (c[0], c[1]), reverse=True)
    top = candidates[0]
    for other in candidates[1:]:
        if (other[0], other[1]) != (top[0], top[1]):
            break
        if other[2].target.path != top[2].target.path:
            return None  # ambiguous: two official cells fit equally well
    return top[2]


def _by_position(
    placed: list[Placement], unplaced: list[SourceCell], table: TargetTable
) -> tuple[list[Placement], list[SourceCell]]:
    """Rows whose label matched nothing, placed between two placed neighbours."""
    if not unplaced or not placed:
        return placed, unplaced
    row_of: dict[int, list[Placement]] = {}
    for p in placed:
        row_of.setdefault(p.source.cell.row, []).append(p)
    # The official row (path without the column) each printed row went to.
    row_target = {r: ps[0].target.path[:-1] for r, ps in row_of.items() if ps[0].target.column}
    official_rows: list[tuple[str, ...]] = []
    for t in table.targets:
        if t.column is not None and t.path[:-1] not in official_rows:
            official_rows.append(t.path[:-1])
    used_rows = set(row_target.values())
    still: list[SourceCell] = []
    extra: list[Placement] = []
    by_row: dict[int, list[SourceCell]] = {}
    for cell in unplaced:
        by_row.setdefault(cell.cell.row, []).append(cell)
    for r, cells in by_row.items():
        above = max((x for x in row_target if x < r), default=None)
        below = min((x for x in row_target if x > r), default=None)
        if above is None or below is None or r in row_target:
            still.extend(cells)
            continue
        gap_rows = [x for x in range(above + 1, below) if x not in row_target]
        i, j = official_rows.index(row_target[above]), official_rows.index(row_target[below])
        between = [p for p in official_rows[i + 1 : j] if p not in used_rows]
        if len(gap_rows) != 1 or len(between) != 1 or j - i != 2:
            still.extend(cells)
            continue
        guess_row = between[0]
        columns = {p.source.cell.col: p.target.path[-1] for p in row_of[above]}
        for cell in cells:
            key = columns.get(cell.cell.col)
            target = next((t for t in table.targets if t.path == (*guess_row, key)), None)
            if target is None:
                still.append(cell)
                continue
            printed = cell.row_labels[-1].cell.text if cell.row_labels else ""
            matches = (Match(target.row_label, printed, "position"),)
            extra.append(Placement(cell, target, "position", matches, _label_matches(matches)))
        used_rows.add(guess_row)
    return placed + extra, still


def _by_column_position(
    placed: list[Placement], unplaced: list[SourceCell], table: TargetTable, cols: _Resolver
) -> tuple[list[Placement], list[SourceCell]]:
    """Figures whose column headings matched nothing, in a row whose other
    figures are all placed on one official row: the row's official columns
    left, each where it stands among the row's figures (本年制作数量 printed
    for 本年制发件数 over the first of three).  Placed by position, so
    doubtful.  Two or more such figures are placed only under headings
    printed alike that each begin every column left (本年新 and 本年新 over
    本年新制作数量 and 本年新公开数量: the second line of each cut off); a
    heading that names an official column stays unplaced."""
    if not unplaced or not placed:
        return placed, unplaced
    row_of: dict[int, list[Placement]] = {}
    for p in placed:
        row_of.setdefault(p.source.cell.row, []).append(p)
    by_row: dict[int, list[SourceCell]] = {}
    for cell in unplaced:
        by_row.setdefault(cell.cell.row, []).append(cell)
    still: list[SourceCell] = []
    extra: list[Placement] = []
    for r, cells in by_row.items():
        done = row_of.get(r, [])
        guesses = _the_columns_left(cells, done, table, cols)
        if guesses is None:
            still.extend(cells)
            continue
        for cell, target in guesses:
            heading = cell.column_labels[-1].cell.text if cell.column_labels else ""
            matches = (done[0].matches[0], Match(target.column_label or "", heading, "position"))
            extra.append(Placement(cell, target, "position", matches, _label_matches(matches)))
    return placed + extra, still


def _the_columns_left(
    cells: list[SourceCell], done: list[Placement], table: TargetTable, cols: _Resolver
) -> list[tuple[SourceCell, Target]] | None:
    """The official cells of the placed row ``done`` no printed cell took,
    paired with ``cells`` in the printed order, if each of ``cells`` stands
    at its column's place, no heading of theirs names a column, and (more
    than one) their headings are printed alike and begin every column left."""
    if not cells or not done or any(p.target.column is None for p in done):
        return None
    row_path = done[0].target.path[:-1]
    if any(p.target.path[:-1] != row_path for p in done):
        return None
    if any(cols(lab.key.words) is not None for c in cells for lab in c.column_labels[-1:]):
        return None
    official = [t for t in table.targets if t.column is not None and t.path[:-1] == row_path]
    used = {p.target.path for p in done}
    left = [t for t in official if t.path not in used]
    if len(left) != len(cells) or len(official) != len(used) + len(cells):
        return None
    # The printed order is the official one, and each figure stands where its
    # column stands in it.
    printed = sorted(done, key=lambda p: p.source.cell.col)
    if [p.target.path for p in printed] != [t.path for t in official if t.path in used]:
        return None
    if len(cells) > 1 and not _cut_alike(cells, left):
        return None
    ordered = sorted(cells, key=lambda c: c.cell.col)
    places = sorted([p.source.cell.col for p in done] + [c.cell.col for c in cells])
    pairs = list(zip(ordered, left, strict=True))
    if any(places.index(c.cell.col) != official.index(t) for c, t in pairs):
        return None
    return pairs


def _cut_alike(cells: list[SourceCell], left: list[Target]) -> bool:
    """The figures' headings are one text, printed over each, that begins the
    official heading of every column left: which is which only their places
    tell, and the format's order is all a reader has too."""
    words = {c.column_labels[-1].key.words if c.column_labels else "" for c in cells}
    if len(words) != 1:
        return False
    (cut,) = words
    return bool(cut) and all(t.column is not None and t.column.words.startswith(cut) for t in left)


def _one_each(
    placed: list[Placement], unplaced: list[SourceCell]
) -> tuple[list[Placement], list[SourceCell]]:
    """One printed cell per target: the surest keeps it, the others are unplaced."""
    best: dict[tuple[str, ...], Placement] = {}
    for p in placed:
        old = best.get(p.target.path)
        if old is None or _RANK[p.kind] < _RANK[old.kind]:
            if old is not None:
                unplaced.append(old.source)
            best[p.target.path] = p
        else:
            unplaced.append(p.source)
    return list(best.values()), unplaced
