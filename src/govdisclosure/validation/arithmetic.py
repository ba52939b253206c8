"""Arithmetic rules, derived from the table definitions.

Nothing here lists cells.  :func:`govdisclosure.relations.report_equations`
derives every relation of a report from its table classes (a field marked
as a total, a printed balance) or, for legacy reports, from the statistics
template; this module turns each relation *rule id* it produces into a
:class:`~.rules.Rule` and checks the equations fast:

* per shape (edition and layout, or legacy template) the equations are
  compiled once into straight-line Python over the flat tuple of cells
  (:func:`govdisclosure.flat.shape_of`), one comparison per equation, all
  cells unpacked into local variables.  The same comparisons are compiled
  once more into ``holds(report)``, which reads the cells straight from the
  report's rows and stops at the first that fails: it is the rules' shared
  :attr:`~.rules.Rule.screen` (:func:`passes`; made once per report class,
  :func:`class_screen`, for the engine to call itself), so a report whose
  relations all hold costs that one function and nothing else, no flat
  tuple, no context, no rule called.
* the fast code leaves out equations implied by the others (:func:`_implied`):
  when every equation it checks holds, they hold too.  When some equation
  fails, that proof is gone, so the equations it flags *and every implied
  one* are evaluated again with care to build their findings (a wrong
  （七）总计 自然人 whose row still adds up breaks only the implied 自然人
  column of the results total).  A blank cell makes the fast code raise
  ``TypeError``, and then every equation is evaluated with care.  The
  findings are therefore exactly those of evaluating every equation one by
  one (:mod:`govdisclosure.testing.reference` is that evaluator, and the
  tests hold the two to the same findings).

Severity follows the basis of each equation (formats.md §4):

* ``official`` or ``structural`` (printed in the format, or implied by its
  rows and columns): a mismatch is an **error**; the published table
  contradicts itself.
* ``practitioner`` or ``heuristic`` (a legacy template row whose wording or
  relation was reconstructed, not checked against an official table): a
  mismatch is a **warning**, because the relation itself may not hold in
  that province's or year's version of the table, and a report that
  follows its own version must not fail.
* ``channels`` (the sum of publication channels against the total): the
  counting rule "不同渠道和方式公开相同信息计1条" lets the channels exceed
  the total, so only channels that fall *short* of it are reported, as a
  **notice**.

Blank and not-applicable cells follow the context's blank policy: ``zero``
reads them as 0; ``missing`` reports a relation that has some blank and
some filled cells as a *notice* that it could not be checked (never a pass,
never a failure).  A relation whose cells are all blank states nothing and
is skipped, as a table row left wholly empty.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from decimal import Decimal
from functools import partial
from itertools import compress
from typing import TYPE_CHECKING, Any, Final

from attrs import field, frozen

from .. import _resources
from ..cells import CellValue, NotApplicable
from ..codegen import compile_source
from ..editions import EDITIONS, Report, edition_of, is_template_driven
from ..editions.legacy import StatisticsTable
from ..flat import Shape, shape_of
from ..i18n import N_
from ..naming import LIST, cell_names
from ..paths import Path, json_path
from ..registry import not_printed_cells
from ..relations import Basis, Equation, report_equations
from ..report_base import ReportingUnit
from ..templates import builtin_templates
from .findings import Finding, Label, Severity
from .outcomes import Outcome, RelationOutcome
from .rules import SCREENED, Context, Rule
from .shared import cell_values, reader, shape

if TYPE_CHECKING:
    from fractions import Fraction

__all__ = [
    "arithmetic_rules",
    "check_rule",
    "class_screen",
    "compiled_for",
    "equation_finding",
    "equation_severity",
    "passes",
    "passes_shared",
    "sample_reports",
]


def equation_severity(eq: Equation) -> Severity:
    """Severity of a failed equation (see the module docstring for why)."""
    if eq.kind == "channels":
        return "notice"
    return "error" if eq.basis in ("official", "structural") else "warning"


def _never(values: Sequence[CellValue]) -> bool:
    """A ``holds_flat`` that never passes (a :class:`Compiled` made by hand)."""
    return False


#: What blank cells decide of one rule's equations (:attr:`Compiled.plans`).
Plan = tuple[tuple[int, tuple[Outcome, Finding | None] | None], ...]


@frozen(eq=False)
class Compiled:
    """The equations of one shape, ready to run."""

    equations: tuple[Equation, ...]
    totals: tuple[tuple[int, ...], ...]
    parts: tuple[tuple[int, ...], ...]
    involves: tuple[tuple[str, ...], ...]
    severities: tuple[Severity, ...]
    by_rule: dict[str, tuple[int, ...]]
    #: Equations left out of the fast check because the others imply them:
    #: evaluated with care whenever the fast check flags anything.
    implied: frozenset[int]
    #: ``fast(values)`` → indices of the equations that do not hold over the
    #: flat tuple; raises ``TypeError`` when a cell it reads is blank or not
    #: applicable.
    fast: Callable[[Sequence[CellValue]], list[int]]
    #: ``holds(report)``: whether every equation ``fast`` checks holds,
    #: reading the cells straight from the report (shared rows read once)
    #: and stopping at the first that fails, so that a report that holds is
    #: checked without building its flat tuple; raises ``TypeError`` as
    #: ``fast`` does.  Always false for a shape with rows not printed.
    holds: Callable[[Report], bool]
    #: ``holds_flat(values)``: ``holds`` over the flat tuple of cells (each
    #: read from it into a local, the same comparisons), for when the other
    #: rules have built that tuple anyway (:func:`passes_shared`); raises
    #: and answers as ``holds`` does.
    holds_flat: Callable[[Sequence[CellValue]], bool] = _never
    #: The statements of ``holds`` after its ``def`` line (indented once,
    #: reading the report as ``r``), for :func:`_class_screen` to write the
    #: official layout's check into the screen of its report class.
    holds_body: tuple[str, ...] = ()
    #: Positions of the cells of each equation, totals then parts.
    cells: tuple[tuple[int, ...], ...] = ()
    #: ``read[k](values)``: the cells of equation ``k`` from the flat tuple,
    #: as a tuple, in one call.
    read: tuple[Callable[[Sequence[CellValue]], tuple[CellValue, ...]], ...] = ()
    #: The outcome and notice of an equation that blank cells leave not
    #: checkable, by (equation, its blank cells' positions in the flat
    #: tuple): they depend on nothing else, and offices that leave zeros
    #: blank repeat the same patterns in every report.
    notices: dict[tuple[int, frozenset[int]], tuple[Outcome, Finding | None]] = field(factory=dict)
    #: What blank cells decide of each rule's equations, by the pattern of
    #: the flat tuple's types (:meth:`_Run.plans`), then by rule id: for each
    #: equation in the rule's order, its outcome and notice when one of its
    #: cells is blank, None when it is to be computed.  A report with blank
    #: cells then looks its pattern up once, for every arithmetic rule,
    #: instead of once per equation.
    plans: dict[tuple[type, ...], dict[str, Plan]] = field(factory=dict)


_COMPILED: dict[tuple[Any, ...], Compiled] = {}

#: The same, by the :class:`~govdisclosure.flat.Shape` object itself (hashed
#: by identity, which costs less than hashing its key: the screen asks for
#: it once per report).  Bounded: a derived legacy template makes a shape of
#: its own.
_BY_SHAPE: dict[Shape, Compiled] = {}
_SHAPES_KEPT: Final = 256


def compiled_for(report: Report) -> Compiled:
    """The compiled equations of ``report``'s shape (built on first use)."""
    shape = shape_of(report)
    comp = _BY_SHAPE.get(shape)
    if comp is None:
        comp = _COMPILED.get(shape.key)
        if comp is None:
            comp = _COMPILED[shape.key] = _compile(report)
        if len(_BY_SHAPE) >= _SHAPES_KEPT:
            _BY_SHAPE.clear()
        _BY_SHAPE[shape] = comp
    return comp


_OPS: Final = {"equal": "!=", "at_most": "<", "channels": ">"}

#: The longest tuple the interpreter keeps for reuse once freed (CPython's
#: tuple free list holds lengths below 20): the screen's sums list no more
#: parts than this in their tuple (see :func:`_comparisons`).
_TUPLE_KEPT: Final = 19


def _comparisons(
    equations: Sequence[Equation],
    totals: Sequence[tuple[int, ...]],
    parts: Sequence[tuple[int, ...]],
    skip: frozenset[int],
    name: Callable[[int], str],
    counts: frozenset[int] = frozenset(),
    compared: bool = False,
) -> list[tuple[int, str]]:
    """``(k, "total != parts")``: when the text is true, equation ``k`` fails.

    ``name(i)`` is the expression of cell ``i`` (a local ``c<i>``, or a row's
    attribute).  Equations in ``skip`` are left out: they are implied by the
    others, so when all the others hold they hold too (see :func:`_implied`).
    A long side is summed with ``sum((…))``, which is cheaper than a chain
    of ``+``.  Every cell takes part in some addition, where a blank or "/"
    raises ``TypeError``; a cell that is alone on its sides everywhere gets
    ``+ 0`` for that.

    An equality whose cells are all counts (positions in ``counts``: an
    ``int`` or a blank, never an amount) is written as one difference,
    true when not zero: ``total - a - b - c``.  For integers that is the
    same test, exactly, and cheaper on this interpreter: no comparison, and
    the running difference falls towards zero, where ``int`` results are
    shared small objects, instead of growing from zero into new ones as a
    sum does (a row total of six parts of a few hundred each: 68 against
    89 ns in a ``timeit``; 2.3 % of the instructions of validating the
    bench's generated reports).  Every cell is an operand of a subtraction there, so a
    blank or "/" raises ``TypeError`` in it.  Amounts (``Decimal``) keep the
    comparison: a difference of decimals is rounded to the context.

    With ``compared`` (the screen, ``holds``), the last part of such a
    difference is compared instead of subtracted (``total - a - b != c``,
    ``total != sum((…))``): the same test for integers, one operation less
    and a comparison the interpreter specialises for small integers, where
    a difference has then to be tested for truth.  A sum there lists at
    most :data:`_TUPLE_KEPT` parts in its tuple; the next part is the sum's
    start and any further one is subtracted from the total (the 21 parts of
    a results-total column of table 3: ``total - u != sum((a, …, s), t)``):
    the interpreter keeps freed tuples of up to that length for reuse, and
    a longer one is allocated and freed with the collector's bookkeeping
    every time (0.9 % of the screen of a 2021 report that holds,
    ``bench/validate_screen_variants.py``: ``column-start``).  An equality
    of two totals and two parts (table 3's balance: 一 + 二 − 三（七） = 四)
    is written ``t1 - p1 + t2 != p2``: the same test for integers, and the
    first difference, new applications less those answered, is near zero
    where most answers are given within the year, a shared small integer
    rather than a new object (``balance-interleaved``: 0.6 %).  A blank or "/" in that
    last place no longer raises but makes the test true (``x != None``):
    the screen then does not pass, as when it raises, and ``fast``, which
    must raise for the blank policy to be applied, keeps the plain
    difference.
    """
    kept = [k for k in range(len(equations)) if k not in skip]
    added = {i for k in kept for side in (totals[k], parts[k]) if len(side) > 1 for i in side}

    def side(idx: tuple[int, ...]) -> str:
        if not idx:
            return "0"
        if len(idx) >= 12:
            return "sum((" + ", ".join(name(i) for i in idx) + "))"
        alone = len(idx) == 1 and idx[0] not in added
        return " + ".join(name(i) for i in idx) + (" + 0" if alone else "")

    def test(k: int) -> str:
        total, part = totals[k], parts[k]
        if (
            equations[k].kind == "equal"
            and total
            and part
            and len(total) < 12
            and all(i in counts for i in (*total, *part))
        ):
            head = " + ".join(name(i) for i in total)
            if len(part) >= 12 and compared:
                # At most _TUPLE_KEPT parts in the tuple, the next one the
                # sum's start, any further ones subtracted from the head.
                listed, beyond = part[:_TUPLE_KEPT], part[_TUPLE_KEPT:]
                start = f", {name(beyond[0])}" if beyond else ""
                over = "".join(f" - {name(i)}" for i in beyond[1:])
                summed = "sum((" + ", ".join(name(i) for i in listed) + ")" + start + ")"
                return f"{head}{over} != {summed}"
            if len(part) >= 12:
                return f"{head} - sum((" + ", ".join(name(i) for i in part) + "))"
            if compared and len(total) == 2 and len(part) == 2:
                # A balance: new + carried - results != forward, written
                # with a part between the totals (see the docstring).
                (t1, t2), (p1, p2) = total, part
                return f"{name(t1)} - {name(p1)} + {name(t2)} != {name(p2)}"
            if compared:
                rest = "".join(f" - {name(i)}" for i in part[:-1])
                return f"{head}{rest} != {name(part[-1])}"
            return head + " - " + " - ".join(name(i) for i in part)
        return f"{side(total)} {_OPS[equations[k].kind]} {side(part)}"

    return [(k, test(k)) for k in kept]


def _kept_implied(
    kinds: tuple[str, ...], totals: tuple[tuple[int, ...], ...], parts: tuple[tuple[int, ...], ...]
) -> frozenset[int]:
    """:func:`_implied`, worked out once per set of relations and kept in the
    user's cache: the exact elimination cost a start-up about half of the
    compilation of a shape's checks."""
    key = _resources.made_by(_implied) + repr((kinds, totals, parts)).encode()
    dropped = _resources.kept(
        "implied", key, lambda: tuple(sorted(_implied(kinds, totals, parts))), tuple
    )
    return frozenset(dropped)


def _implied(
    kinds: Sequence[str], totals: Sequence[tuple[int, ...]], parts: Sequence[tuple[int, ...]]
) -> frozenset[int]:
    """Equalities implied by the others, to leave out of the fast check
    (relation ``k`` is of kind ``kinds[k]``, between the cells at the
    positions ``totals[k]`` and ``parts[k]``).

    The relations overlap: table 3's 总计 column of （七） follows from the
    row totals and the other columns' results totals, and the 总计 column of
    the balance from the row totals and the other columns' balances.  An
    ``equal`` relation is a vector of +1 (total cells) and −1 (part cells);
    one that is a linear combination of the relations kept holds whenever
    they all hold, so checking it again proves nothing.  The longest
    relations are the ones to leave out: the relations are taken shortest
    first into a basis (exact rational elimination), and one that adds
    nothing to the span of those before it is dropped.  (This keeps the same
    basis as trying the longest first and dropping each whose removal keeps
    the rank — the greedy basis of a matroid is unique for distinct weights —
    in one elimination pass instead of one per relation.)  A report that
    fails anywhere has every dropped relation evaluated as well (see
    :func:`_run`), so nothing is lost in the findings.
    """
    from fractions import Fraction

    vectors: dict[int, dict[int, Fraction]] = {}
    for k, kind in enumerate(kinds):
        if kind != "equal":
            continue
        vec: dict[int, Fraction] = {}
        for i in totals[k]:
            vec[i] = vec.get(i, Fraction(0)) + 1
        for i in parts[k]:
            vec[i] = vec.get(i, Fraction(0)) - 1
        vectors[k] = {i: c for i, c in vec.items() if c}

    # Longest first (stable), then taken in reverse: shortest first.
    order = sorted(vectors, key=lambda k: -len(vectors[k]))
    # pivot → row; each row is zero at the pivots of the rows added before it.
    basis: list[tuple[int, dict[int, Fraction]]] = []
    dropped: set[int] = set()
    for k in reversed(order):
        row = dict(vectors[k])
        for pivot, brow in basis:
            factor = row.get(pivot)
            if factor:
                for i, c in brow.items():
                    value = row.get(i, Fraction(0)) - factor * c
                    if value:
                        row[i] = value
                    else:
                        row.pop(i, None)
        if not row:
            dropped.add(k)
            continue
        pivot = min(row)
        lead = row[pivot]
        basis.append((pivot, {i: c / lead for i, c in row.items()}))
    return frozenset(dropped)


def _reader(paths: Sequence[Path], used: Sequence[int]) -> tuple[list[str], dict[int, str]]:
    """Statements that read the rows of the cells ``used`` straight from
    ``r``, and the expression of each cell.

    Every row or group object is read once into a local (``o<n>``), instead
    of walking the whole attribute chain per cell as the generic flattening
    does, and each cell is read where a comparison uses it, ``o<n>.field``,
    even when two comparisons use it (a row's cell is in its row total and
    in its column's).  Keeping such a cell in a local of its own was
    measured and costs more (``bench/validate_screen_variants.py``:
    ``locals`` against ``in-place``): the store and the later loads save
    about what the second attribute read costs, and every local is one
    more slot for the frame to clear on return, some 150 of them in a 2021 report.
    """
    names: dict[Path, str] = {(): "r"}
    lines: list[str] = []
    cells: dict[int, str] = {}
    for i in used:
        path = paths[i]
        for depth in range(1, len(path)):
            prefix = path[:depth]
            if prefix not in names:
                names[prefix] = f"o{len(names)}"
                lines.append(f"    {names[prefix]} = {names[prefix[:-1]]}.{prefix[-1]}")
        cells[i] = f"{names[path[:-1]]}.{path[-1]}"
    return lines, cells


def _compile(report: Report) -> Compiled:
    shape = shape_of(report)
    index = shape.index()
    equations = report_equations(report)
    totals = tuple(tuple(index[p] for p in eq.total) for eq in equations)
    parts = tuple(tuple(index[p] for p in eq.parts) for eq in equations)
    by_rule: dict[str, list[int]] = {}
    for k, eq in enumerate(equations):
        by_rule.setdefault(eq.rule, []).append(k)
    implied = _kept_implied(tuple(eq.kind for eq in equations), totals, parts)

    def local(i: int) -> str:
        return f"c{i}"

    #: Cells that hold an ``int`` when filled (:func:`_comparisons`).
    counts = frozenset(i for i, kind in enumerate(shape.kinds) if kind != "money")
    checks = _comparisons(equations, totals, parts, implied, local, counts)
    # Every cell into its local: ``c0, c1, … = v``.
    unpack = [f"    {''.join(f'c{i}, ' for i in range(len(shape.paths)))}= "] if shape.paths else []
    lines = ["def fast(v):", *(line + "v" for line in unpack), "    out = []"]
    lines += [f"    if {test}:\n        out.append({k})" for k, test in checks]
    lines += ["    return out", ""]
    if shape.not_printed:
        # Every equation is looked at (see _run): nothing is proved here.
        body = flat = ["    return False"]
    else:
        # ``holds`` over the flat tuple: every cell from it into its local.
        flat = [
            *(line + "v" for line in unpack),
            *(
                f"    if {test}:\n        return False"
                for _, test in _comparisons(
                    equations, totals, parts, implied, local, counts, compared=True
                )
            ),
            "    return True",
        ]
        if edition_of(report).template_driven:
            # Template cells live in a dict of dicts; the flat tuple is the reader.
            reads = [line + "flatten(r)" for line in unpack]
            cell: Callable[[int], str] = local
        else:
            # Every cell is read where a comparison uses it (see _reader).
            used = sorted({i for k, _ in checks for i in (*totals[k], *parts[k])})
            reads, cells = _reader(shape.paths, used)
            cell = cells.__getitem__
        body = [
            *reads,
            *(
                f"    if {test}:\n        return False"
                for _, test in _comparisons(
                    equations, totals, parts, implied, cell, counts, compared=True
                )
            ),
            "    return True",
        ]
    lines += ["def holds(r):", *body, "", "def holds_flat(v):", *flat]
    namespace: dict[str, Any] = {"flatten": shape.flatten}
    compile_source(lines, namespace, what=f"arithmetic checks of {shape.key}")
    return Compiled(
        equations,
        totals,
        parts,
        tuple(tuple(json_path(p) for p in eq.involves) for eq in equations),
        tuple(equation_severity(eq) for eq in equations),
        {rule: tuple(ks) for rule, ks in by_rule.items()},
        implied,
        namespace["fast"],
        namespace["holds"],
        holds_flat=namespace["holds_flat"],
        holds_body=tuple(body),
        cells=tuple((*totals[k], *parts[k]) for k in range(len(equations))),
        read=tuple(reader((*totals[k], *parts[k])) for k in range(len(equations))),
    )


def _zeroed(
    values: Sequence[CellValue], keep: frozenset[int] = frozenset()
) -> tuple[CellValue, ...]:
    """Blank and "/" read as zero, except at the positions in ``keep``."""
    return tuple(
        0 if (v is None or type(v) is NotApplicable) and i not in keep else v
        for i, v in enumerate(values)
    )


_NONE: Final[frozenset[int]] = frozenset()


class _Run:
    """One report's run, shared by the arithmetic rules through the context.

    ``flagged`` holds the equations that need a careful look (those that
    failed the fast check and, then, every equation the fast check left out
    as implied), or is None when every equation needs one (a blank cell).  ``values`` is
    the flat tuple, built only when some equation needs a careful look.
    """

    __slots__ = ("_blank", "_plans", "comp", "flagged", "report", "values")

    def __init__(
        self,
        report: Report,
        comp: Compiled,
        values: Sequence[CellValue],
        flagged: frozenset[int] | None,
    ) -> None:
        self.report = report
        self.comp = comp
        self.values = values
        self.flagged = flagged
        self._blank: frozenset[int] | None = None
        self._plans: dict[str, Plan] | None = None

    @property
    def blank(self) -> frozenset[int]:
        """Positions of the blank and not-applicable cells (found once, in C)."""
        if self._blank is None:
            values = self.values
            self._blank = frozenset(
                compress(range(len(values)), map(_BLANK_TYPES.__contains__, map(type, values)))
            )
        return self._blank

    def plans(self) -> dict[str, Plan]:
        """The plans of the report's pattern of blank cells, by rule id
        (:attr:`Compiled.plans`), looked up once for every arithmetic rule.

        The pattern is the tuple of the flat tuple's types: it tells which
        cells are blank (None or "/") exactly as :attr:`blank` does, and is
        found in C without a step per cell in Python, hashed and compared by
        the types' identities, where the positions of the blank cells (a
        ``frozenset`` of some 135 of them for 上海 2019) cost a pass of
        several C calls per cell to build and a look-up of each member to
        compare, once per rule.  A rule's plan is made from :attr:`blank`
        on its first report of a pattern."""
        plans = self._plans
        if plans is None:
            known = self.comp.plans
            pattern = tuple(map(type, self.values))
            plans = known.get(pattern)
            if plans is None:
                plans = {}
                if len(known) < _NOTICES:
                    known[pattern] = plans
            self._plans = plans
        return plans


#: The types of a cell that states no number (:func:`.values.is_blank`).
_BLANK_TYPES: Final = frozenset({type(None), NotApplicable})


def _run(report: Report, context: Context) -> _Run:
    blank = context.blank
    comp = compiled_for(report)
    absent = shape(report, context).not_printed
    if absent:
        # Rows the table did not print are neither zero nor blank: every
        # equation is looked at, and those involving them say "not printed".
        values: Sequence[CellValue] = cell_values(report, context)
        if blank == "zero":
            values = _zeroed(values, absent)
        return _Run(report, comp, values, None)
    if not is_template_driven(report) and context.cache.get(SCREENED) is not report:
        # Read straight from the objects, without the flat tuple (a template's
        # ``holds`` is ``fast`` over the flat tuple: nothing to spare there);
        # not again when the screen, which is this, did not pass the report.
        try:
            if comp.holds(report):
                return _Run(report, comp, (), _NONE)
        except TypeError:
            pass  # a blank cell: fast() raises too, over the flat tuple
    # The flat tuple the other rules read too (built once per validation).
    values = cell_values(report, context)
    try:
        flagged = comp.fast(values)
    except TypeError:
        if blank != "zero":
            return _Run(report, comp, values, None)
        values = _zeroed(values)
        flagged = comp.fast(values)
    if not flagged:
        return _Run(report, comp, values, _NONE)
    # Some equation fails: the implied ones are no longer proved to hold.
    return _Run(report, comp, values, comp.implied.union(flagged))


def passes(report: Report) -> bool:
    """Whether every relation of ``report`` holds, over numbers only.

    Then no arithmetic rule has anything to report, whatever the context
    (no relation fails, none has a blank cell to be a notice about, no row
    is missing from a printed table), and :func:`~.engine.validate` does
    not run them: this is their :attr:`~.rules.Rule.screen`.
    """
    try:
        return class_screen(type(report))(report)
    except TypeError:  # a blank or "/" cell
        return False


def passes_shared(report: Report, context: Context) -> bool:
    """:func:`passes` given the validation's context (the rules'
    :attr:`~.rules.Rule.shared_screen`): when a rule run before it has built
    the report's flat tuple of cells there (``cells.implausible-count`` does
    for every report with all the rules installed), the same comparisons
    are made over that tuple (:attr:`Compiled.holds_flat`) instead of
    reading every cell from the report's objects again, which a pre-2019
    report's ``holds`` did by building the flat tuple a second time; else
    the screen made for the report's class.  Raises ``TypeError`` on a blank
    or "/" cell, as :func:`class_screen`'s screen does (a screen that raises
    does not pass)."""
    cached = context.cache.get("cells")
    if cached is None or cached[0] is not report:
        return class_screen(type(report))(report)
    comp = _BY_SHAPE.get(shape(report, context))
    if comp is None:
        comp = compiled_for(report)
    return comp.holds_flat(cached[1])


def class_screen(cls: type) -> Callable[[Report], bool]:
    """:func:`passes` for reports of class ``cls``, made once per class (the
    rules' :attr:`~.rules.Rule.class_screen`): the engine keeps it in its
    plan and calls it for every report of that class.  Unlike :func:`passes`
    it raises ``TypeError`` on a blank or "/" cell it reads (a screen that
    raises does not pass)."""
    check = _SCREENS.get(cls)
    if check is None:
        check = _SCREENS[cls] = _class_screen(cls)
    return check


#: ``holds`` of each report class (:func:`_class_screen`).
_SCREENS: dict[type, Callable[[Report], bool]] = {}


def _class_screen(cls: type) -> Callable[[Report], bool]:
    """``holds(report)`` for reports of class ``cls``, of whatever layout.

    The screen runs once per report validated, where finding the report's
    shape (:func:`~govdisclosure.flat.shape_of`) and its compiled equations
    (:func:`compiled_for`) cost a tenth of the check itself.  For a
    fixed-table edition this is one generated function: it tests the
    layout variants as ``shape_of`` does (:meth:`.Variant.test`: the type
    of the variant's field, read here in line rather than through a call)
    and calls a variant's ``holds``, compiled on its first report; the
    official layout, which most reports have, is checked in the function
    itself, its ``holds`` written in line (:attr:`Compiled.holds_body`), so
    that a report of that layout costs one Python call, not two (the
    second call was 337 instructions, 0.6 % of a report that holds,
    ``bench/validate_screen_variants.py``: ``class`` against ``fused``).
    That layout's checks are therefore compiled with the screen, not on
    its first report.  A template-driven edition looks its shape up per
    report.
    """
    edition = EDITIONS[cls.edition]  # type: ignore[attr-defined]
    if edition.template_driven:
        return lambda report: compiled_for(report).holds(report)
    official = compiled_for(
        edition.report_class(unit=ReportingUnit(name=""), year=edition.first_year)
    )
    namespace: dict[str, Any] = {}
    lines = [
        "def holds(r):",
        f'    """Whether every relation of a {cls.__qualname__} holds (generated: see',
        "    govdisclosure.validation.arithmetic._class_screen, which says why it is one",
        "    function with the official layout's comparisons in line).",
        '    """',
    ]
    for i, variant in enumerate(edition.variants):
        names = [str(name) for name in variant.path]
        if all(name.isidentifier() for name in names):
            namespace[f"kind{i}"] = type(variant.blank())
            test = f"type(r.{'.'.join(names)}) is kind{i}"
        else:
            namespace[f"test{i}"] = variant.test()
            test = f"test{i}(r)"
        lines += [f"    if {test}:  # {variant.id}", f"        return holds{i}(r)"]
        namespace[f"holds{i}"] = partial(_first_holds, namespace, f"holds{i}")
    lines += ["    # official layout", *official.holds_body]
    compile_source(lines, namespace, what=f"arithmetic screen of {cls.__qualname__}")
    check: Callable[[Report], bool] = namespace["holds"]
    return check


def _first_holds(namespace: dict[str, Any], name: str, report: Report) -> bool:
    """The ``holds`` of ``report``'s layout, put in ``namespace`` under ``name``
    (where it was) on its first call, so the shape is compiled when first used."""
    holds: Callable[[Report], bool] = compiled_for(report).holds
    namespace[name] = holds
    return holds(report)


def check_rule(rule_id: str, report: Report, context: Context) -> list[Finding]:
    """The findings of one arithmetic rule (the run is shared through ``context``).

    When ``context.outcomes`` is a list, the outcome of every equation of
    the rule is appended to it.
    """
    run = context.cache.get("arithmetic")
    if run is None or run.report is not report:
        run = context.cache["arithmetic"] = _run(report, context)
    if run.flagged is not None and not run.flagged:
        # Every equation holds (the common case: keep it cheap).
        if context.outcomes is not None:
            involves = run.comp.involves
            context.outcomes.extend(
                RelationOutcome(rule_id, involves[k][0], "passed")
                for k in run.comp.by_rule.get(rule_id, ())
            )
        return []
    record = context.outcomes
    ks = run.comp.by_rule.get(rule_id, ())
    if run.flagged is None:
        return _with_blanks(rule_id, report, run, ks, record)
    out = []
    for k in ks:
        if k in run.flagged:
            outcome, finding = _evaluate(report, run, k)
            if finding is not None:
                out.append(finding)
        else:
            outcome = "passed"
        if record is not None:
            record.append(RelationOutcome(rule_id, run.comp.involves[k][0], outcome))
    return out


def _with_blanks(
    rule_id: str,
    report: Report,
    run: _Run,
    ks: tuple[int, ...],
    record: list[RelationOutcome] | None,
) -> list[Finding]:
    """:func:`check_rule` for a report with blank cells: what the blanks
    decide is looked up by the rule and the blank cells' positions
    (:attr:`Compiled.plans`), the other equations are computed."""
    comp = run.comp
    plans = run.plans()
    plan = plans.get(rule_id)
    if plan is None:
        blank = run.blank
        plan = plans[rule_id] = tuple(
            (k, None if blank.isdisjoint(comp.cells[k]) else _blank_decided(report, comp, k, blank))
            for k in ks
        )
    out = []
    values = run.values
    for k, known in plan:
        outcome, finding = _computed(report, comp, k, values) if known is None else known
        if finding is not None:
            out.append(finding)
        if record is not None:
            record.append(RelationOutcome(rule_id, comp.involves[k][0], outcome))
    return out


def _evaluate(report: Report, run: _Run, k: int) -> tuple[Outcome, Finding | None]:
    """How equation ``k`` went, and its finding (None when it holds or
    states nothing).

    Whether a cell of the equation is blank is read from its own few
    cells: the positions of every blank cell of the report (:attr:`_Run.blank`,
    a pass over the whole flat tuple, 12 µs for the 200 cells of a 2021
    report, three times what evaluating the flagged equations costs
    besides their findings) are found only when one is.  A report whose
    equations are evaluated here has usually none (its fast check did not
    raise).
    """
    comp = run.comp
    cells = comp.read[k](run.values)
    if _BLANK_TYPES.isdisjoint(map(type, cells)):
        return _computed(report, comp, k, run.values, cells)
    return _blank_decided(report, comp, k, run.blank)


def _blank_decided(
    report: Report, comp: Compiled, k: int, blank: frozenset[int]
) -> tuple[Outcome, Finding | None]:
    """:func:`_evaluate` of an equation with a blank cell: which of its
    cells are blank decides it, looked up by those."""
    hit = blank.intersection(comp.cells[k])
    known = comp.notices.get((k, hit))
    if known is None:
        known = _not_checkable(report, comp, k, blank)
        if len(comp.notices) < _NOTICES:
            comp.notices[k, hit] = known
    return known


def _computed(
    report: Report,
    comp: Compiled,
    k: int,
    values: Sequence[CellValue],
    cells: tuple[CellValue, ...] | None = None,
) -> tuple[Outcome, Finding | None]:
    """:func:`_evaluate` of an equation with no blank cell: its sums
    compared (``cells``: its cells, when the caller has read them)."""
    eq = comp.equations[k]
    if cells is None:
        cells = comp.read[k](values)
    n = len(comp.totals[k])
    total: int | Decimal = sum(cells[:n])  # type: ignore[arg-type]
    parts: int | Decimal = sum(cells[n:])  # type: ignore[arg-type]
    kind = eq.kind
    if kind == "equal":
        holds = total == parts
    elif kind == "at_most":
        holds = total >= parts
    else:  # channels
        holds = total <= parts
    if holds:
        return "passed", None
    return "failed", equation_finding(
        report, eq, comp.severities[k], total=total, parts=parts, involves=comp.involves[k]
    )


def _not_checkable(
    report: Report, comp: Compiled, k: int, blank: frozenset[int]
) -> tuple[Outcome, Finding | None]:
    """Equation ``k`` with some of its cells blank: not checkable, and its
    notice (none when every cell is blank: it states nothing)."""
    at = comp.cells[k]
    blanks = tuple(compress(range(len(at)), map(blank.__contains__, at)))
    if len(blanks) == len(at):
        return "not-checkable", None
    eq = comp.equations[k]
    notice = equation_finding(
        report,
        eq,
        comp.severities[k],
        blanks=tuple(eq.involves[j] for j in blanks),
        involves=comp.involves[k],
    )
    return "not-checkable", notice


#: Notices kept per shape (see :attr:`Compiled.notices`).
_NOTICES: Final = 4096


def equation_finding(
    report: Report,
    eq: Equation,
    severity: Severity,
    *,
    blanks: Sequence[Path] = (),
    total: int | Decimal = 0,
    parts: int | Decimal = 0,
    involves: tuple[str, ...] | None = None,
) -> Finding:
    """The finding of an equation that does not hold, or cannot be checked.

    ``blanks`` (when not empty) are the blank cells that make it not
    checkable: the finding is then a notice naming them.  Otherwise
    ``total`` and ``parts`` are the two sides that disagree and
    ``severity`` is the equation's (:func:`equation_severity`).  Deciding
    *whether* an equation holds is the caller's job; this only says so.
    ``involves`` is the equation's cells as JSON paths, when the caller has
    them already.
    """
    names = cell_names(report)
    if involves is None:
        involves = tuple(json_path(p) for p in eq.involves)
    path = involves[0]
    absent = [p for p in blanks if p in not_printed_cells(report)]
    if absent:
        return Finding(
            rule=eq.rule,
            severity="notice",
            path=path,
            involves=involves,
            message_id="relation.not-printed",
            params={"cells": Label(tuple(names[p].short for p in absent), sep=LIST)},
        )
    if blanks:
        return Finding(
            rule=eq.rule,
            severity="notice",
            path=path,
            involves=involves,
            message_id="relation.not-checkable",
            params={
                "blank": len(blanks),
                "size": len(eq.involves),
                "cells": Label(tuple(names[p].short for p in blanks), sep=LIST),
            },
        )
    cell = names[eq.total[0]].label
    if eq.kind == "at_most":
        return Finding(
            rule=eq.rule,
            severity=severity,
            path=path,
            involves=involves,
            # ``actual`` is the parent printed at ``path``; it should be at
            # least its 其中 row.  The message quotes the two the other way.
            expected=parts,
            actual=total,
            message_id="arithmetic.at-most",
            params={
                "part": names[eq.parts[0]].label,
                "cell": cell,
                "actual": parts,
                "expected": total,
            },
        )
    if eq.kind == "channels":
        return Finding(
            rule=eq.rule,
            severity=severity,
            path=path,
            involves=involves,
            expected=parts,
            actual=total,
            message_id="arithmetic.channels",
            params={"cell": cell},
        )
    if len(eq.total) == 1:
        return Finding(
            rule=eq.rule,
            severity=severity,
            path=path,
            involves=involves,
            expected=parts,
            actual=total,
            message_id="arithmetic.sum",
            params={"cell": cell},
        )
    return Finding(
        rule=eq.rule,
        severity=severity,
        path=path,
        involves=involves,
        expected=parts,
        actual=total,
        message_id="arithmetic.balance",
        params={
            "column": names[eq.total[0]].column,
            "lhs": Label(tuple(names[p].row_code for p in eq.total), sep=" + "),
            "rhs": Label(tuple(names[p].row_code for p in eq.parts), sep=" + "),
        },
    )


# -- the rules -----------------------------------------------------------------

#: Title, description and source of each relation rule id.  The *relations*
#: come from the table definitions; this is only their documentation.  A
#: rule id the definitions produce that is missing here still becomes a rule,
#: with a description generated from its equations.
_DOCS: Final[dict[str, tuple[str, str, str, Basis]]] = {
    "table3.balance": (
        N_("Table 3 balance: 一 + 二 = 三（七） + 四 in every column"),
        "For each of the seven applicant columns, the applications received this year (一) "
        "plus those carried over from last year (二) equal the results total (三（七）) plus "
        "those carried forward to next year (四).  This is the only relation the format "
        "prints, in the table's corner.",
        "Table 3 note “（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）”, "
        "国办公开办函〔2021〕30号 and 〔2019〕60号 (formats.md §1.6, §4.1 T3.a)",
        "official",
    ),
    "table3.row-total": (
        N_("Table 3 row total: 总计 = the six applicant columns"),
        "In every row of table 3, 总计 equals 自然人 plus the five 法人或其他组织 columns "
        "(商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他).  The column heads leave no "
        "other applicant, so the total can only be their sum; the format has no 法人 subtotal.",
        "Structure of table 3's column heads (formats.md §1.6, §4.1 T3.c); practitioners "
        "check all rows the same way",
        "structural",
    ),
    "table3.results-total": (
        N_("Table 3 results total: 三（七） = the sum of every result row"),
        "Column by column, （七）总计 equals （一） + （二） + every sub-row of （三）不予公开, "
        "（四）无法提供, （五）不予处理 and （六）其他处理.  The note under （二） "
        "(“区分处理的，只计这一情形，不计其他情形”) makes the results exclusive: each "
        "application is counted under exactly one result.",
        "Structure of table 3 and the note of row （二） (formats.md §1.6, §4.1 T3.b)",
        "structural",
    ),
    "table4.group-total": (
        N_("Table 4 group total: 总计 = 维持 + 纠正 + 其他 + 尚未审结"),
        "In each of the three groups of table 4 (行政复议, 未经复议直接起诉, 复议后起诉), 总计 "
        "equals 结果维持 + 结果纠正 + 其他结果 + 尚未审结: every case has exactly one outcome "
        "or is pending.",
        "Structure of table 4 (formats.md §1.7, §4.1 T4.a)",
        "structural",
    ),
    "legacy.sum": (
        N_("Statistics table: a row equals the sum of its numbered sub-rows"),
        "In a pre-2019 statistics table, a row whose numbered sub-rows split it (收到申请数 "
        "into 当面, 传真, 网络, 信函 …) equals their sum, in every value column.  The template "
        "says which rows split which.  A mismatch is an error where the template's rows are "
        "checked against published tables, a warning where the relation is reconstructed "
        "(the national 2016–2018 template marks those rows partly checked or unchecked).",
        "Statistics template data: each row's parent, relation and status "
        "(templates/*.json; formats.md §3.3–3.4, §4.4)",
        "structural",
    ),
    "legacy.of-which": (
        N_("Statistics table: a 其中 row is at most its parent"),
        "A row introduced by 其中 (of which) counts part of its parent row, so it cannot "
        "exceed it (主动公开规范性文件数 ≤ 主动公开政府信息数).",
        "Meaning of 其中 in the statistics table (formats.md §4.4)",
        "structural",
    ),
    "legacy.channel": (
        N_("Statistics table: each publication channel is at most the total"),
        "Each channel count (政府公报, 政府网站, 政务微博 …) is at most the number of "
        "items published: the total counts every item once, whatever the channels.",
        "Row note “不同渠道和方式公开相同信息计1条” (formats.md §3.6, §4.4)",
        "practitioner",
    ),
    "legacy.channels": (
        N_("Statistics table: the channels together reach the total"),
        "Every item is published on at least one channel, so the channels together should "
        "reach the total; they may exceed it, because an item on several channels counts "
        "once.  Channels that fall short are a notice only: the template's list of channels "
        "may not cover every way an office publishes.",
        "Row note “不同渠道和方式公开相同信息计1条” (formats.md §3.6, §4.4); the seed report "
        "(玉溪 2017) has channels that happen to add up exactly",
        "heuristic",
    ),
    "legacy.cumulative": (
        N_("Statistics table: the running total is at least this year's figure"),
        "In a pre-2019 statistics table with a running-total column (历年累计 beside "
        "本年度, as in the fujian-2011 template), each row's running total counts every "
        "year since the start, this year included, so it cannot be below this year's "
        "figure.  The columns' roles come from the template (a column marked cumulative "
        "against the first column that is not), not from their keys.  Last year's running "
        "total plus this year's is checked separately, against the previous report "
        "(continuity.cumulative).",
        "Meaning of the 历年累计 column (fujian-2011 template, templates/*.json; "
        "formats.md §3, §4.4)",
        "structural",
    ),
}


def sample_reports() -> list[Report]:
    """One blank report of every shape: each known edition in its official
    layout and in each of its variants, a template-driven edition once per
    built-in template."""
    unit = ReportingUnit(name="")
    out: list[Report] = []
    for edition in EDITIONS.values():
        if edition.template_driven:
            out.extend(
                edition.report_class(
                    unit=unit,
                    year=edition.first_year,
                    statistics=StatisticsTable(template=tid),
                )
                for tid in builtin_templates()
            )
            continue
        blank = edition.report_class(unit=unit, year=edition.first_year)
        out.append(blank)
        out.extend(variant.apply(blank) for variant in edition.variants)
    return out


def arithmetic_rules() -> tuple[Rule, ...]:
    """One rule per relation rule id the table definitions produce.

    The editions, severity and order come from the equations themselves;
    :data:`_DOCS` only explains them.
    """
    editions: dict[str, set[str]] = {}
    severities: dict[str, set[Severity]] = {}
    sizes: dict[str, int] = {}
    for report in sample_reports():
        for eq in report_equations(report):
            editions.setdefault(eq.rule, set()).add(report.edition)
            severities.setdefault(eq.rule, set()).add(equation_severity(eq))
            sizes[eq.rule] = len(eq.involves)
    rules = []
    known = list(_DOCS)
    ordered = sorted(editions, key=lambda r: known.index(r) if r in known else len(known))
    for rule_id in ordered:
        eds = editions[rule_id]
        worst = min(severities[rule_id], key=("error", "warning", "notice").index)
        title, description, source, basis = _DOCS.get(rule_id) or (
            rule_id,
            f"A relation the table definitions declare ({rule_id}, {sizes[rule_id]} cells).",
            "Table definitions (govdisclosure.editions)",
            "structural",
        )
        rules.append(
            Rule(
                id=rule_id,
                severity=worst,
                title=title,
                description=description,
                source=source,
                basis=basis,
                editions=frozenset(eds),
                check=partial(check_rule, rule_id),
                screen=passes,
                class_screen=class_screen,
                shared_screen=passes_shared,
            )
        )
    return tuple(rules)
