"""Hypothesis strategies for 政府信息公开工作年度报告 of every edition.

Code that validates, sums, renders or stores reports needs reports to test
with, and hand-written fixtures only cover the cases someone thought of.
These strategies generate them:

* :func:`consistent_reports` — reports whose arithmetic holds: every
  ``equal`` relation of :func:`govdisclosure.relations.report_equations`
  (row 总计, （七）总计, table 3's 一 + 二 = （七） + 四, table 4 totals,
  legacy ``sum`` rows) and every ``at_most`` relation (legacy 其中 and
  channel rows).  They are built by construction — leaf cells are drawn,
  then totals are computed with :func:`govdisclosure.authoring.complete_totals`
  — so no example is ever thrown away.
* :func:`report_families` — several consistent reports of one edition, year
  and table layout with distinct units: input for consolidation.
* :func:`reports_with_defect` — a consistent report with exactly one number
  cell of an ``equal`` relation changed, and the path of that cell.
* :func:`any_reports` — anything that loads: blanks, every not-applicable
  mark, exact ``Decimal`` money, hostile text (control characters, pipes,
  markup, very long lines), nested ``parts``.  For round trips and renderers.
* :func:`units`, :func:`sections` — the pieces.

Usage::

    from hypothesis import given
    from govdisclosure import dumps, loads
    from govdisclosure.relations import report_equations
    from govdisclosure.testing.strategies import (
        any_reports, consistent_reports, reports_with_defect,
    )

    @given(any_reports())
    def test_round_trip(report):
        assert loads(dumps(report)) == report

    @given(consistent_reports("2019", blanks=True))
    def test_my_validator_accepts_consistent_reports(report):
        assert my_validator(report) == []

    @given(reports_with_defect("2021"))
    def test_my_validator_finds_the_defect(case):
        report, path = case          # path: ("table3", "results", "total", "total")
        assert any(f.path == path for f in my_validator(report))

Defect paths are attribute paths (tuples of names, and legacy row codes);
:func:`govdisclosure.paths.json_path` turns one into the ``$.table3…`` string
used in load errors and findings.

Installing govdisclosure also registers strategies with Hypothesis (through
its ``hypothesis`` entry point), so ``st.from_type(Report2021)`` and
``st.builds`` of your own classes holding a report or a
:class:`~govdisclosure.report_base.ReportingUnit` just work: report classes get
:func:`consistent_reports` of their edition, units :func:`units`, sections
:func:`sections`.

Every strategy keeps generation fast: cells are drawn as one list of
integers per report, never filtered.
"""

from __future__ import annotations

# First, before Hypothesis is imported: Hypothesis looks the hook up here
# while it loads (see _hook).
from ._hook import _hypothesis_setup_hook as _hypothesis_setup_hook
from ._hook import _strategies_loaded

# isort: split
import datetime as dt
import re
from decimal import Decimal
from functools import cache
from typing import Any, Literal, TypeAlias, cast

import attrs

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised in a venv without hypothesis
    raise ImportError(
        "govdisclosure.testing needs Hypothesis, which the library does not require: "
        "install it with  pip install 'govdisclosure[testing]'"
    ) from exc

from ..authoring import blank_report, fill_flat, ordered_totals
from ..cells import MAX_COUNT, NA_MARKS, CellValue, NotApplicable, is_number
from ..derive import PrintedRow, derive_template
from ..editions import EDITIONS, Report, edition_of
from ..editions.e2019 import Report2019
from ..editions.e2021 import Report2021
from ..editions.legacy import ReportLegacy, StatisticsTable, StatisticsTemplate
from ..fields import MAX_PRINTED_LABEL, Printed
from ..flat import Shape, shape_of
from ..introspect import label_field, printed_fields, table_info
from ..paths import Path
from ..registry import find_template, known_template_ids, tables_of
from ..relations import Equation, report_equations
from ..report_base import Contact, Period, ReportDates, ReportingUnit, Section, UnitKind

__all__ = [
    "any_reports",
    "consistent_reports",
    "edition_years",
    "printed_templates",
    "report_families",
    "reports_with_defect",
    "sections",
    "seeded_draws",
    "units",
    "without_printed_labels",
]

Text: TypeAlias = Literal["realistic", "hostile"]

#: How many years past its first a format still in force is drawn for.
_YEARS_IN_FORCE = 4

#: The layout variant the ``single_other_handling`` arguments name.
_SINGLE_ROW = "single-other-handling"


def edition_years(edition: str) -> tuple[int, int]:
    """The years (inclusive) drawn for ``edition`` when ``year=None``: the
    edition's own span, or its first few years while it is still in force."""
    record = EDITIONS[edition]
    last = record.last_year
    return record.first_year, last if last is not None else record.first_year + _YEARS_IN_FORCE


def _template_driven(edition: str) -> bool:
    return EDITIONS[edition].template_driven


def _has_single_row(edition: str) -> bool:
    return any(v.id == _SINGLE_ROW for v in EDITIONS[edition].variants)


_NA: tuple[NotApplicable, ...] = tuple(NotApplicable(m) for m in NA_MARKS)

# -- text ------------------------------------------------------------------------

# (place, GB/T 2260 code): real places at province, city and county level.
_PLACES: tuple[tuple[str, str], ...] = (
    ("上海市", "310000"),
    ("江苏省", "320000"),
    ("淮安市", "320800"),
    ("洪泽区", "320813"),
    ("淮安区", "320803"),
    ("盱眙县", "320830"),
    ("云南省", "530000"),
    ("玉溪市", "530400"),
    ("红塔区", "530402"),
    ("华宁县", "530424"),
    ("澄江市", "530481"),
    ("福建省", "350000"),
    ("福州市", "350100"),
    ("平潭县", "350128"),
    ("闽侯县", "350121"),
    ("浙江省", "330000"),
    ("杭州市", "330100"),
    ("西湖区", "330106"),
    ("四川省", "510000"),
    ("成都市", "510100"),
    ("武侯区", "510107"),
    ("甘肃省", "620000"),
    ("定西市", "621100"),
    ("安定区", "621102"),
    ("湖北省", "420000"),
    ("武汉市", "420100"),
    ("江岸区", "420102"),
    ("吉林省", "220000"),
    ("吉林市", "220200"),
    ("龙潭区", "220203"),
)
_DEPARTMENTS: tuple[str, ...] = (
    "发展和改革委员会",
    "教育局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源和规划局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "卫生健康委员会",
    "市场监督管理局",
    "应急管理局",
)
_SENTENCES: tuple[str, ...] = (
    "认真贯彻落实《中华人民共和国政府信息公开条例》，坚持以公开为常态、不公开为例外。",
    "进一步完善政府信息公开工作机制，明确分管领导和工作人员。",
    "围绕重大决策部署和群众关切，及时准确公开政府信息。",
    "严格依法办理政府信息公开申请，做到件件有回复。",
    "加强政府信息公开审查，防止泄露国家秘密和个人隐私。",
    "持续优化政府网站政府信息公开专栏，规范栏目设置。",
    "通过政府网站、政务新媒体等多种渠道发布政策解读材料。",
    "组织开展政府信息公开业务培训，提升工作人员业务水平。",
    "将政府信息公开工作纳入年度绩效考核，强化监督检查。",
    "主动公开的内容与群众期盼相比仍有差距，部分栏目更新不够及时。",
    "下一步将加大政策解读力度，提高解读材料的针对性和可读性。",
    "本年度未发生因政府信息公开工作引发的责任追究情况。",
    "按照《政府信息公开信息处理费管理办法》规定，本年度未收取信息处理费。",
    "无。",
)
_SUBHEADINGS: tuple[str, ...] = (
    "（一）主动公开",
    "（二）依申请公开",
    "（三）政府信息管理",
    "（四）政府信息公开平台建设",
    "（五）监督保障",
)
_HOSTILE: tuple[str, ...] = (
    "",
    " ",
    "<script>alert(1)</script>",
    "R&D < 100 & > 50 &amp; &#x41;",
    "<b>粗体</b><para>段落</para><unknown/>",
    "| 列一 | 列二 |\n|---|---|\n| 1 | 2 |",
    "a|b||c\\|d",
    "**粗** _斜_ `代码` [链接](http://example.invalid) # 不是标题",
    "\x00\x01\x02\x1b[31m\x7f\x9f",
    "\r\n\t\x0b\x0c\u2028\u2029\x85",
    "\u202e倒序\u202c\u200b\u200d\ufeff\u00ad",
    '"引号" \'单引号\' \\反斜杠\\ {"json": [1, 2]}',
    "%s %d {0} {name} ${x} $(rm)",
    "𠀀𪚥🀄️👨‍👩‍👧 e\u0301",
    "，。、；：？！…—（）【】《》“”‘’",
)


@cache
def _text(kind: Text, *, max_sentences: int = 3) -> st.SearchStrategy[str]:
    if kind == "realistic":
        return st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=max_sentences).map(
            "".join
        )
    return _hostile_text()


@cache
def _hostile_text() -> st.SearchStrategy[str]:
    # Lone surrogates cannot be encoded as UTF-8 (nor stored in a JSON file
    # we write), so they are the one kind of character left out.
    any_text = st.text(st.characters(exclude_categories=["Cs"]), max_size=40)
    long_line = st.tuples(
        st.sampled_from(("长", "a", "|", "<b>", " ")), st.integers(2000, 6000)
    ).map(lambda t: t[0] * t[1])
    return st.one_of(st.sampled_from(_HOSTILE), any_text, long_line)


def _validate_text(text: str) -> Text:
    if text not in ("realistic", "hostile"):
        raise InvalidArgument(f"text must be 'realistic' or 'hostile', not {text!r}")
    return text  # type: ignore[return-value]


# -- units and narrative -------------------------------------------------------------


def units(
    kind: UnitKind | None = None, *, text: Text = "realistic"
) -> st.SearchStrategy[ReportingUnit]:
    """Reporting units: ``X市人民政府`` or ``X市教育局`` with their region codes.

    ``kind`` fixes :class:`~govdisclosure.report_base.UnitKind`; ``None`` draws
    either.  Names are real place names plus a department, so a family of a
    few units has distinct names without filtering.  ``text="hostile"``
    draws arbitrary names instead (any text that loads), but never a blank
    one: a name that is empty or only blanks is prefixed to the realistic
    name drawn, since a report without its unit's name is invalid
    (``unit.unnamed``, an error) and generated reports are meant to pass
    whatever their text.  Blank names are for tests of that rule to build.
    """
    _validate_text(text)
    if kind is not None and not isinstance(kind, UnitKind):
        raise InvalidArgument(f"kind must be a UnitKind or None, not {kind!r}")
    return _units(kind, text)


@st.composite
def _units(draw: st.DrawFn, kind: UnitKind | None, text: Text) -> ReportingUnit:
    place, code = draw(st.sampled_from(_PLACES))
    unit_kind = kind if kind is not None else draw(st.sampled_from(UnitKind))
    government = f"{place}人民政府"
    if unit_kind is UnitKind.GOVERNMENT:
        name, parent = government, None
    else:
        name, parent = place + draw(st.sampled_from(_DEPARTMENTS)), government
    if text == "hostile":
        hostile = draw(_hostile_text())
        # Never blank (unit.unnamed); blanks are kept around the name.
        name = hostile if hostile.strip() else hostile + name
    return ReportingUnit(
        name=name,
        kind=unit_kind,
        region_code=code if draw(st.booleans()) else None,
        parent=parent if draw(st.booleans()) else None,
    )


def sections(
    edition: str = "2021", *, text: Text = "realistic", max_paragraphs: int = 3
) -> st.SearchStrategy[tuple[Section, ...]]:
    """The narrative: the edition's section headings in printed order.

    Section 一 of the 2019/2021 formats carries the five conventional
    sub-headings (（一）主动公开 …).  ``text="hostile"`` keeps the structure
    but fills headings and paragraphs with hostile text and nests
    sub-sections more deeply.
    """
    _check_edition(edition)
    _validate_text(text)
    if max_paragraphs < 0:
        raise InvalidArgument("max_paragraphs must be >= 0")
    return _sections(edition, text, max_paragraphs)


@cache
def _hostile_sections(max_paragraphs: int) -> st.SearchStrategy[list[Section]]:
    """Arbitrarily nested sections of hostile text (built once: strategy
    construction and validation cost more than drawing)."""
    paragraphs = st.lists(_hostile_text(), max_size=max_paragraphs)
    leaf = st.builds(_section, _hostile_text(), paragraphs)
    nested = st.recursive(
        leaf,
        lambda inner: st.builds(_section, _hostile_text(), paragraphs, st.lists(inner, max_size=3)),
        max_leaves=5,
    )
    return st.lists(nested, max_size=4)


@st.composite
def _sections(
    draw: st.DrawFn, edition: str, text: Text, max_paragraphs: int
) -> tuple[Section, ...]:
    if text == "hostile":
        return tuple(draw(_hostile_sections(max_paragraphs)))
    paragraphs: st.SearchStrategy[list[str]] = st.lists(_text(text), max_size=max_paragraphs)
    out = []
    for i, heading in enumerate(EDITIONS[edition].section_headings):
        subsections: list[Section] = []
        if i == 0 and not _template_driven(edition) and draw(st.booleans()):
            subsections = [_section(h, draw(paragraphs)) for h in _SUBHEADINGS]
        out.append(_section(heading, draw(paragraphs), subsections))
    return tuple(out)


def _section(
    heading: str, paragraphs: list[str], subsections: list[Section] | None = None
) -> Section:
    """A :class:`Section` (its tuple converters confuse the attrs mypy plugin)."""
    fields: dict[str, Any] = {
        "heading": heading,
        "paragraphs": tuple(paragraphs),
        "subsections": tuple(subsections or ()),
    }
    return Section(**fields)


@st.composite
def _identity(
    draw: st.DrawFn, edition: str, year: int, unit: ReportingUnit, text: Text
) -> dict[str, Any]:
    """Everything but the tables: title, dates, contact, narrative."""
    hostile = text == "hostile"
    next_year = dt.date(year + 1, 1, 1)

    def maybe_date(max_days: int) -> dt.date | None:
        if not draw(st.booleans()):
            return None
        return next_year + dt.timedelta(days=draw(st.integers(0, max_days)))

    def maybe_text(realistic: st.SearchStrategy[str]) -> str | None:
        if not draw(st.booleans()):
            return None
        return draw(_hostile_text() if hostile else realistic)

    people = st.sampled_from(("张伟", "王芳", "李娜", "刘洋", "陈静", "杨帆"))
    phone = st.integers(10_000_000, 99_999_999).map(lambda n: f"0877-{n}")
    return {
        "title": maybe_text(st.just(f"{unit.name}{year}年政府信息公开工作年度报告")),
        "dates": ReportDates(
            written=maybe_date(60), filled=maybe_date(30), published=maybe_date(80)
        ),
        "signed_by": maybe_text(st.just(unit.name)),
        "contact": Contact(
            filing_unit=maybe_text(st.just(f"{unit.name}办公室")),
            head=maybe_text(people),
            reviewer=maybe_text(people),
            filler=maybe_text(people),
            phone=maybe_text(phone),
        ),
        "preamble": tuple(draw(st.lists(_text(text), max_size=1))),
        "sections": draw(_sections(edition, text, 3)),
    }


# -- cells -------------------------------------------------------------------------


def _money(number: int, places: int) -> Decimal:
    """An exact amount with ``places`` decimals (``Decimal("96171.60")``)."""
    return Decimal(number).scaleb(-places)


@attrs.frozen
class _Layout:
    """What the construction needs to know about one table layout."""

    shape: Shape
    index: dict[Path, int]
    totals: list[Equation]  # single-total ``equal`` equations, inner first
    computed: frozenset[int]  # positions that are totals or balance left sides
    balances: tuple[Equation, ...]  # per leaf column: 一, 二 = （七）, 四


@cache
def _typed_layout(edition: str, single_other_handling: bool) -> _Layout:
    blank = _blank_of(edition, single_other_handling)
    shape = shape_of(blank)
    index = shape.index()
    equations = report_equations(blank)
    totals = ordered_totals(equations)
    total_paths = {eq.total[0] for eq in totals}
    balances = tuple(
        eq
        for eq in equations
        if eq.kind == "equal" and len(eq.total) > 1 and not (set(eq.total) & total_paths)
    )
    computed = {index[p] for p in total_paths}
    computed |= {index[p] for eq in balances for p in eq.total}
    return _Layout(shape, index, totals, frozenset(computed), balances)


def _check_edition(edition: str) -> None:
    if edition not in EDITIONS:
        raise InvalidArgument(f"edition must be one of {', '.join(EDITIONS)}, not {edition!r}")


def _check_common(
    edition: str,
    year: int | None,
    max_count: int,
    single_other_handling: bool,
    template: str,
) -> None:
    _check_edition(edition)
    if year is not None and not isinstance(year, int):
        raise InvalidArgument(f"year must be an int or None, not {year!r}")
    # A total adds up at most ~130 leaves (（七）总计 of table 3 plus 四);
    # keeping leaves below MAX_COUNT / 200 keeps every total loadable.
    if not 0 <= max_count <= MAX_COUNT // 200:
        raise InvalidArgument(f"max_count must be between 0 and {MAX_COUNT // 200}")
    if single_other_handling and not _has_single_row(edition):
        raise InvalidArgument(
            f"single_other_handling applies to editions with the {_SINGLE_ROW} variant, "
            f"not {edition!r}"
        )
    if _template_driven(edition):
        try:
            find_template(template)
        except KeyError:
            raise InvalidArgument(f"unknown statistics template {template!r}") from None


def _draw_cell_states(
    draw: st.DrawFn, n: int, max_count: int, blanks: bool
) -> tuple[list[int], list[int]]:
    """``n`` numbers and ``n`` states (0 blank, 1 not applicable, 2+ number).

    Drawn as two lists in one go each: hundreds of cells per report stay
    cheap to generate and shrink towards zeros and filled cells.
    """
    numbers = draw(st.lists(st.integers(0, max_count), min_size=n, max_size=n))
    if not blanks:
        return numbers, [2] * n
    states = draw(st.lists(st.integers(0, 7).map(lambda s: 7 - s), min_size=n, max_size=n))
    return numbers, states


def _cell(number: int, state: int, kind: str, places: int = 0) -> CellValue:
    if state == 0:
        return None
    if state == 1:
        return _NA[number % len(_NA)]
    if kind == "money":
        return _money(number, places)
    return number


def _value(v: CellValue) -> int | Decimal:
    return v if is_number(v) else 0


# -- consistent reports --------------------------------------------------------------


def consistent_reports(
    edition: str = "2021",
    *,
    year: int | None = None,
    unit: ReportingUnit | st.SearchStrategy[ReportingUnit] | None = None,
    max_count: int = 10_000,
    single_other_handling: bool = False,
    template: str = "national-2016",
    blanks: bool = False,
    text: Text = "realistic",
    max_money: int = 1_000_000,
    as_printed: bool = False,
) -> st.SearchStrategy[Report]:
    """Reports of ``edition`` whose every arithmetic relation holds.

    * ``year``: fixed, or drawn from :func:`edition_years` of the edition.
    * ``unit``: a :class:`ReportingUnit`, a strategy for one, or ``None`` for
      :func:`units`.
    * ``max_count``: bound of every *leaf* count (totals are sums of leaves);
      at most ``MAX_COUNT // 200`` so that every total still loads.
    * ``single_other_handling``: 2021 only; （六）其他处理 printed as one row.
    * ``template``: statistics template of legacy reports.
    * ``blanks``: leave some cells blank or not applicable.  Relations then
      hold with blanks read as 0 (a total whose parts are all blank is left
      blank).  With ``blanks=False`` every cell is a number.
    * ``text``: ``"realistic"`` Chinese narrative under the edition's
      headings, or ``"hostile"`` text.
    * ``max_money``: bound of money cells in the printed unit (万元 / 元);
      amounts have 0–2 decimals.
    * ``as_printed``: legacy only; the table is printed differently from
      ``template`` (:func:`printed_templates`: rows left out or added, other
      units, "1、" for "1.") and carries the template derived from it.
      Relations involving a row not printed cannot be checked; every other
      one holds.

    Table 3 is built column by column so that 一 + 二 = （七） + 四: the
    result rows and 四 are drawn, 二 is drawn no larger than their sum, and
    一 is the difference.  Legacy parents of ``sum`` rows are sums; 其中 and
    channel rows are drawn no larger than their parent.  The 2019 format's
    本年增/减 never takes a count of items below zero.
    """
    _check_common(edition, year, max_count, single_other_handling, template)
    _validate_text(text)
    if max_money < 0:
        raise InvalidArgument("max_money must be >= 0")
    if as_printed and not _template_driven(edition):
        raise InvalidArgument("as_printed applies to template-driven editions (legacy)")
    units_ = _unit_strategy(unit)
    return _consistent(
        edition,
        year,
        units_,
        max_count,
        single_other_handling,
        template,
        blanks,
        text,
        max_money,
        as_printed,
    )


def _unit_strategy(
    unit: ReportingUnit | st.SearchStrategy[ReportingUnit] | None,
) -> st.SearchStrategy[ReportingUnit]:
    if unit is None:
        return units()
    if isinstance(unit, ReportingUnit):
        return st.just(unit)
    if isinstance(unit, st.SearchStrategy):
        return unit
    raise InvalidArgument(f"unit must be a ReportingUnit, a strategy or None, not {unit!r}")


@st.composite
def _consistent(
    draw: st.DrawFn,
    edition: str,
    year: int | None,
    unit: st.SearchStrategy[ReportingUnit],
    max_count: int,
    single_other_handling: bool,
    template: str,
    blanks: bool,
    text: Text,
    max_money: int,
    as_printed: bool = False,
) -> Report:
    if year is None:
        year = draw(st.integers(*edition_years(edition)))
    the_unit = draw(unit)
    identity = draw(_identity(edition, year, the_unit, text))
    if _template_driven(edition):
        followed = draw(printed_templates(template)) if as_printed else find_template(template)
        statistics = draw(_legacy_statistics(followed, max_count, blanks, max_money))
        report: Report = EDITIONS[edition].report_class(
            unit=the_unit, year=year, statistics=statistics, **identity
        )
        return report
    layout = _typed_layout(edition, single_other_handling)
    values = draw(_typed_values(layout, max_count, blanks, max_money))
    blank = _blank_of(edition, single_other_handling)
    skeleton = attrs.evolve(blank, unit=the_unit, year=year, period=_calendar(year), **identity)
    skeleton = _draw_printed(draw, skeleton, edition, single_other_handling, hostile=False)
    return layout.shape.rebuild(skeleton, values)


@cache
def _printed(edition: str) -> tuple[tuple[Path, Printed], ...]:
    """The printed text fields of an edition's tables (the unit of the 2019
    format's 采购总金额, the sign of 本年增/减, the printed row labels), from
    the definitions (:func:`govdisclosure.fields.printed`)."""
    if _template_driven(edition):
        return ()
    return printed_fields(tables_of(blank_report(edition, 2000, "")))


def without_printed_labels(report: Report) -> Report:
    """``report`` with no row label printed otherwise (its tables'
    ``printed_labels`` emptied), for a property about reading a report back
    by its labels: a label drawn as arbitrary text cannot be found again."""
    changes: dict[str, Any] = {}
    for key, table in tables_of(report):
        name = label_field(type(table))
        if name:
            changes[key] = attrs.evolve(cast(Any, table), **{name: {}})
    stripped: Report = attrs.evolve(cast(Any, report), **changes)
    return stripped


def seeded_draws(strategy: st.SearchStrategy[Any], count: int, *, at: int) -> list[Any]:
    """``count`` values of ``strategy``, the same on every run (seed ``at``).

    For fixtures, benches and corpora that need a fixed set of generated
    reports rather than a property: Hypothesis draws them in its generate
    phase only (no shrinking, no example database), so the list depends on
    ``at`` and Hypothesis's version alone.
    """
    from hypothesis import HealthCheck, Phase, given, seed, settings

    out: list[Any] = []

    @seed(at)
    @settings(
        max_examples=count,
        database=None,
        phases=[Phase.generate],
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(strategy)
    def draw(value: Any) -> None:
        out.append(value)

    draw()
    return out[:count]


@cache
def _row_labels(edition: str, single: bool, table: str) -> tuple[tuple[str, str], ...]:
    """``(row key, official label)`` of every row of one table of a layout."""
    info = table_info(getattr(_blank_of(edition, single), table), table)
    return tuple((row.key, row.label) for row in info.rows)


def _misprint(draw: st.DrawFn, label: str) -> str:
    """A label as a publisher might misprint it: a character dropped,
    changed or added (洪泽 2024: 2.其他法律行政法规禁止公开 → 2.其他法律行政止公开)."""
    i = draw(st.integers(0, len(label)))
    how = draw(st.sampled_from(("drop", "change", "add")))
    other = draw(st.sampled_from("止之其他事项、1"))
    if how == "drop" and i < len(label):
        printed = label[:i] + label[i + 1 :]
    elif how == "change" and i < len(label):
        printed = label[:i] + other + label[i + 1 :]
    else:
        printed = label[:i] + other + label[i:]
    return printed if printed != label else label + other


def _draw_printed(
    draw: st.DrawFn, skeleton: Any, edition: str, single: bool, *, hostile: bool
) -> Any:
    """``skeleton`` with its printed text drawn: units and signs from their
    choices (units also as hostile text), row labels misprinted (or hostile)
    for a few rows of each table."""
    for path, printed in _printed(edition):
        value: object
        if printed.what == "labels":
            rows = _row_labels(edition, single, str(path[0]))
            chosen = draw(st.lists(st.sampled_from(rows), max_size=3, unique_by=lambda r: r[0]))
            value = {
                key: draw(_hostile_text())[:MAX_PRINTED_LABEL]
                if hostile
                else _misprint(draw, label)
                for key, label in chosen
            }
        else:
            expected = st.sampled_from((None, *printed.choices))
            free = hostile and not printed.closed
            value = draw(expected | _hostile_text() if free else expected)
        skeleton = _evolve_at(skeleton, path, value)
    return skeleton


def _evolve_at(obj: Any, path: Path, value: object) -> Any:
    """``obj`` with the attribute at ``path`` replaced by ``value``."""
    if not path:
        return value
    head = str(path[0])
    return attrs.evolve(obj, **{head: _evolve_at(getattr(obj, head), path[1:], value)})


def _calendar(year: int) -> Period:
    return Period.calendar_year(year)


@cache
def _blank_of(edition: str, single_other_handling: bool) -> Any:
    """A blank 2019/2021 report of one layout (typed ``Any``: the two
    editions' table classes differ, and callers only ``evolve`` it)."""
    blank: Any = blank_report(edition, 2000, "")
    if single_other_handling:
        blank = EDITIONS[edition].variant(_SINGLE_ROW).apply(blank)
    return blank


@st.composite
def _typed_values(
    draw: st.DrawFn, layout: _Layout, max_count: int, blanks: bool, max_money: int
) -> list[CellValue]:
    kinds = layout.shape.kinds
    paths = layout.shape.paths
    n = len(kinds)
    numbers, states = _draw_cell_states(draw, n, max_count, blanks)
    money_n = sum(1 for k in kinds if k == "money")
    money = draw(st.lists(st.integers(0, max_money * 100), min_size=money_n, max_size=money_n))
    places = draw(st.lists(st.integers(0, 2), min_size=money_n, max_size=money_n))
    values: list[CellValue] = [None] * n
    m = 0
    for i, kind in enumerate(kinds):
        if i in layout.computed:
            continue
        if kind == "money":
            # cents scaled to 0, 1 or 2 decimals: 1234 → 12.34, 123.4 or 12
            values[i] = _cell(money[m] // 10 ** (2 - places[m]), states[i], kind, places[m])
            m += 1
        elif kind == "signed":
            # 本年增/减: a change never takes the previous year's items below 0.
            previous = values[i - 1] if paths[i - 1][-1] == "previous_items" else None
            floor = -_value(previous) if previous is not None else 0
            span = max_count - int(floor)
            values[i] = _cell(int(floor) + numbers[i] % (span + 1), states[i], kind)
        else:
            values[i] = _cell(numbers[i], states[i], kind)
    # Totals of the drawn cells first: （七）总计 and 四's columns are needed
    # to choose 一 and 二.
    fill_flat(layout.totals, values, layout.index)
    for eq in layout.balances:
        first, carried = (layout.index[p] for p in eq.total)
        due = sum((_value(values[layout.index[p]]) for p in eq.parts), 0)
        carried_value = numbers[carried] % (int(due) + 1)
        if states[carried] < 2:
            carried_value = 0
            values[carried] = _cell(0, states[carried], "count")
        else:
            values[carried] = carried_value
        values[first] = int(due) - carried_value
    fill_flat(layout.totals, values, layout.index)
    return values


@st.composite
def _legacy_statistics(
    draw: st.DrawFn, template: StatisticsTemplate, max_count: int, blanks: bool, max_money: int
) -> StatisticsTable:
    rows = template.value_rows
    columns = template.columns
    n = len(rows) * len(columns)
    numbers, states = _draw_cell_states(draw, n, max_count, blanks)
    extra = draw(st.lists(st.integers(0, max_count), min_size=n, max_size=n))
    places = draw(st.lists(st.integers(0, 2), min_size=len(rows), max_size=len(rows)))
    values = _legacy_values(template, numbers, states, extra, places, max_money)
    table_rows: dict[str, dict[str, CellValue]] = {}
    for r, row in enumerate(rows):
        cells = {c.key: values[r][k] for k, c in enumerate(columns)}
        # A row left entirely blank is sometimes printed, sometimes omitted.
        if blanks and all(v is None for v in cells.values()) and numbers[r * len(columns)] % 2:
            continue
        if row.printed:
            table_rows[row.code] = cells
    return _table(template, table_rows)


def _table(template: StatisticsTemplate, rows: dict[str, dict[str, CellValue]]) -> StatisticsTable:
    """A table following ``template``, carrying it when it is a derived one."""
    derived = None if template.id in known_template_ids() else template
    return StatisticsTable(template=template.id, derived=derived, rows=rows)


#: Count units real pre-2019 tables print (a derived template may swap them).
_COUNT_UNITS = ("条", "件", "个", "次", "人次")
#: Rows real tables add to the national or a provincial table (worded
#: unlike any shipped row, so a reader can tell them apart).
_ADDED_ROWS = (
    "政府信息公开专栏访问量",
    "公开目录更新次数",
    "档案馆查阅点接待人次",
    "公共图书馆查阅点接待人次",
    "政务新媒体账号数",
    "信息公开业务培训场次",
)


def printed_templates(base: str = "national-2016") -> st.SearchStrategy[StatisticsTemplate]:
    """Templates derived from ``base`` the way real tables differ from it:
    value rows left out, rows added, another count unit, "1、" for "1."
    (see :func:`govdisclosure.derive.derive_template`).  May draw ``base``
    itself, when nothing was changed."""
    try:
        find_template(base)
    except KeyError:
        raise InvalidArgument(f"unknown statistics template {base!r}") from None
    return _printed_templates(base)


@st.composite
def _printed_templates(draw: st.DrawFn, base_id: str) -> StatisticsTemplate:
    base = find_template(base_id)
    n = len(base.rows)
    # One draw per row: as the base prints it (below 12, and what it shrinks
    # to), left out (12), unit changed (13), renumbered (14), a row added
    # after it (15).  A table keeps at least one of its value rows.
    choices = draw(st.lists(st.integers(0, 15), min_size=n, max_size=n))
    extra = draw(st.lists(st.integers(0, 1000), min_size=n, max_size=n))
    kept = [r for r, c in zip(base.rows, choices, strict=True) if c != 12 and not r.is_header]
    first = base.value_rows[0] if base.value_rows else None
    printed: list[PrintedRow] = []
    for row, choice, k in zip(base.rows, choices, extra, strict=True):
        if choice == 12 and not row.is_header and (kept or row is not first):
            continue
        label, unit = row.label, row.unit
        if choice == 13 and unit in _COUNT_UNITS:
            unit = _COUNT_UNITS[k % len(_COUNT_UNITS)]
        if choice == 14:
            label = re.sub(r"(\d)\.", r"\1、", label)
        printed.append(PrintedRow(label=label, unit=unit, base=row.code, header=row.is_header))
        if choice == 15:
            added = _ADDED_ROWS[k % len(_ADDED_ROWS)]
            printed.append(PrintedRow(label=added, unit=_COUNT_UNITS[k % len(_COUNT_UNITS)]))
    return derive_template(printed, base=base)


def _legacy_values(
    template: StatisticsTemplate,
    numbers: list[int],
    states: list[int],
    extra: list[int],
    places: list[int],
    max_money: int,
) -> list[list[CellValue]]:
    """Values row by row: sums for ``sum`` parents, bounds for 其中 rows.

    A cumulative column (历年累计) is this year's value plus earlier years,
    so it is never below the year's value.
    """
    rows = template.value_rows
    width = len(template.columns)
    position = {row.code: r for r, row in enumerate(rows)}
    sum_children: dict[str, list[str]] = {}
    for row in rows:
        if row.relation == "sum" and row.parent is not None:
            sum_children.setdefault(row.parent, []).append(row.code)
    values: list[list[CellValue] | None] = [None] * len(rows)

    def resolve(code: str) -> list[CellValue]:
        r = position[code]
        done = values[r]
        if done is not None:
            return done
        row = rows[r]
        out: list[CellValue] = []
        if code in sum_children:
            children = [resolve(c) for c in sum_children[code]]
            for k in range(width):
                numbers_k = [v[k] for v in children if is_number(v[k])]
                out.append(sum(numbers_k[1:], numbers_k[0]) if numbers_k else None)  # type: ignore[arg-type]
        else:
            bound: list[CellValue] | None = None
            if row.relation in ("of_which", "channel") and row.parent in position:
                bound = resolve(row.parent)
            this_year: int | Decimal = 0
            for k, column in enumerate(template.columns):
                i = r * width + k
                # A running total is never left blank beside a filled year
                # (a blank would read as 0, below the year's value).
                if states[i] < 2 and not (column.cumulative and this_year):
                    out.append(_cell(numbers[i], states[i], "count"))
                    continue
                value: int | Decimal
                if row.is_money:
                    scale = 10 ** places[r]
                    value = _money(numbers[i] % (max_money * scale + 1), places[r])
                    if column.cumulative:
                        value = this_year + _money(extra[i] % (max_money * scale + 1), places[r])
                    if bound is not None:
                        value = min(value, _value(bound[k]))
                elif column.cumulative:
                    # 历年累计: this year's value plus earlier years, and
                    # no more than the parent's running total.
                    room = extra[i]
                    if bound is not None:
                        room %= max(int(_value(bound[k])) - int(this_year), 0) + 1
                    value = int(this_year) + room
                else:
                    value = numbers[i]
                    if bound is not None:
                        value %= int(_value(bound[k])) + 1
                out.append(value)
                if not column.cumulative:
                    this_year = value
        values[r] = out
        return out

    for row in rows:
        resolve(row.code)
    return [v for v in values if v is not None]


# -- families and defects ------------------------------------------------------------


def report_families(
    edition: str = "2021",
    *,
    year: int | None = None,
    min_size: int = 1,
    max_size: int = 6,
    template: str = "national-2016",
    max_count: int = 10_000,
    single_other_handling: bool = False,
    blanks: bool = False,
) -> st.SearchStrategy[list[Report]]:
    """Lists of consistent reports of one edition, year and layout.

    Every report has a different unit name, the same year, the same
    （六） layout (2021), unit of 采购总金额 (2019) or statistics template
    (legacy): what consolidation accepts.  Units are departments and governments of real
    places; their ``parent`` is left as drawn.
    """
    _check_common(edition, year, max_count, single_other_handling, template)
    if not 0 <= min_size <= max_size:
        raise InvalidArgument("need 0 <= min_size <= max_size")
    if max_size > len(_PLACES) * (len(_DEPARTMENTS) + 1):
        raise InvalidArgument("max_size is larger than the number of distinct unit names")
    return _families(
        edition, year, min_size, max_size, template, max_count, single_other_handling, blanks
    )


@st.composite
def _families(
    draw: st.DrawFn,
    edition: str,
    year: int | None,
    min_size: int,
    max_size: int,
    template: str,
    max_count: int,
    single_other_handling: bool,
    blanks: bool,
) -> list[Report]:
    if year is None:
        year = draw(st.integers(*edition_years(edition)))
    members = draw(
        st.lists(units(), min_size=min_size, max_size=max_size, unique_by=lambda u: u.name)
    )
    family = [
        draw(
            consistent_reports(
                edition,
                year=year,
                unit=member,
                max_count=max_count,
                single_other_handling=single_other_handling,
                template=template,
                blanks=blanks,
            )
        )
        for member in members
    ]
    for path, printed in _printed(edition):
        if printed.what != "unit":
            continue  # signs and labels differ freely from one report to the next
        # Amounts in 元 and in 万元 are rightly refused together: a family
        # meant to be added up prints its 采购总金额 in one unit.
        value = draw(st.sampled_from((None, *printed.choices)))
        family = [_evolve_at(report, path, value) for report in family]
    return family


def reports_with_defect(
    edition: str = "2021",
    *,
    year: int | None = None,
    unit: ReportingUnit | st.SearchStrategy[ReportingUnit] | None = None,
    max_count: int = 10_000,
    single_other_handling: bool = False,
    template: str = "national-2016",
) -> st.SearchStrategy[tuple[Report, Path]]:
    """``(report, path)``: a consistent report with one cell made wrong.

    The cell at ``path`` takes part in at least one ``equal`` relation and
    was changed by a non-zero amount (staying a valid count), so at least
    one relation involving it no longer holds; every other cell is as
    :func:`consistent_reports` built it (all numbers, no blanks).  ``path``
    is an attribute path such as ``("table3", "results", "total",
    "natural_person")`` or ``("statistics", "rows", "3.1", "value")``;
    :func:`govdisclosure.paths.json_path` gives its string form.
    """
    _check_common(edition, year, max_count, single_other_handling, template)
    base = consistent_reports(
        edition,
        year=year,
        unit=unit,
        max_count=max_count,
        single_other_handling=single_other_handling,
        template=template,
    )
    return _with_defect(base)


_EQUAL_PATHS: dict[tuple[Any, ...], tuple[Path, ...]] = {}


def _equal_paths(report: Report) -> tuple[Path, ...]:
    """Cells in at least one ``equal`` relation (cached per table layout)."""
    key = shape_of(report).key
    cached = _EQUAL_PATHS.get(key)
    if cached is None:
        seen: dict[Path, None] = {}
        for eq in report_equations(report):
            if eq.kind == "equal":
                for p in eq.involves:
                    seen.setdefault(p, None)
        cached = _EQUAL_PATHS[key] = tuple(seen)
    return cached


@st.composite
def _with_defect(draw: st.DrawFn, base: st.SearchStrategy[Report]) -> tuple[Report, Path]:
    report = draw(base)
    paths = _equal_paths(report)
    path = draw(st.sampled_from(paths))
    old = _get(report, path)
    number = _value(old)
    up_room = MAX_COUNT - int(number)
    down = int(number) > 0 and draw(st.booleans())
    step = draw(st.integers(1, min(int(number), 1000) if down else min(up_room, 1000)))
    new = number - step if down else number + step
    return _put(report, path, new), path


def _get(report: Report, path: Path) -> CellValue:
    if edition_of(report).template_driven:
        return report.statistics.value(str(path[2]), str(path[3]))  # type: ignore[union-attr]
    obj: Any = report
    for name in path:
        obj = getattr(obj, str(name))
    value: CellValue = obj
    return value


def _put(report: Report, path: Path, value: CellValue) -> Report:
    if edition_of(report).template_driven:
        legacy: Any = report
        rows = {code: dict(cells) for code, cells in legacy.statistics.rows.items()}
        rows.setdefault(str(path[2]), {})[str(path[3])] = value
        changed: Report = attrs.evolve(
            legacy, statistics=attrs.evolve(legacy.statistics, rows=rows)
        )
        return changed
    shape = shape_of(report)
    values = list(shape.flatten(report))
    values[shape.index()[path]] = value
    return shape.rebuild(report, values)


# -- anything that loads -------------------------------------------------------------


def any_reports(
    edition: str | None = None,
    *,
    max_depth: int = 2,
    max_parts: int = 2,
    text: Text = "hostile",
) -> st.SearchStrategy[Report]:
    """Any report the codec accepts, consistent or not.

    Cells take the whole valid range (0–10^9, signed ±10^9, money with up to
    six decimals), blanks and every not-applicable mark; （六） takes either
    layout; legacy reports use any known template and any subset of its
    rows; ``parts`` nest up to ``max_depth`` levels with up to
    ``max_parts`` reports each.  Text is hostile by default (control
    characters, pipes, markup, very long lines).  ``edition=None`` draws
    any edition.  Units are distinct across the tree of parts (the codec
    refuses a unit counted twice).
    """
    if edition is not None:
        _check_edition(edition)
    _validate_text(text)
    if max_depth < 0 or max_parts < 0:
        raise InvalidArgument("max_depth and max_parts must be >= 0")
    editions = (edition,) if edition is not None else tuple(EDITIONS)
    return (
        st.sampled_from(editions)
        .flatmap(lambda e: _any(e, max_depth, max_parts, text))
        .map(_distinct_units)
    )


def _distinct_units(report: Report) -> Report:
    """``report`` with every unit of its tree made distinct (a repeat gets
    a numbered name): a unit twice in one tree would be counted twice, and
    the codec refuses it."""
    seen: set[tuple[str, str | None]] = set()

    def walk(node: Any) -> Any:
        unit = node.unit
        n = 1
        while unit.key in seen:
            n += 1
            unit = attrs.evolve(node.unit, name=f"{node.unit.name}（{n}）")
        seen.add(unit.key)
        parts = tuple(walk(part) for part in node.parts)
        if unit is node.unit and parts == node.parts:
            return node
        return attrs.evolve(node, unit=unit, parts=parts)

    distinct: Report = walk(report)
    return distinct


@st.composite
def _any(draw: st.DrawFn, edition: str, depth: int, max_parts: int, text: Text) -> Report:
    year = draw(st.integers(1990, 2100))
    unit = draw(units(text=text))
    identity = draw(_identity(edition, year, unit, text))
    # Stated with dates, stated without them (one or both left blank), or not stated.
    identity["period"] = draw(
        st.none() | st.builds(Period, start=st.none() | st.dates(), end=st.none() | st.dates())
    )
    parts: Any = ()
    if depth > 0 and max_parts > 0:
        parts = tuple(draw(st.lists(_any(edition, depth - 1, max_parts, text), max_size=max_parts)))
    if _template_driven(edition):
        template = draw(st.sampled_from(known_template_ids()))
        followed = find_template(template)
        if draw(st.booleans()):
            followed = draw(printed_templates(template))  # a table printed otherwise
        statistics = draw(_any_statistics(followed))
        legacy: Report = EDITIONS[edition].report_class(
            unit=unit, year=year, statistics=statistics, parts=parts, **identity
        )
        return legacy
    single = _has_single_row(edition) and draw(st.booleans())
    layout = _typed_layout(edition, single)
    values = [
        _any_cell(state, number, kind)
        for (state, number), kind in zip(
            _cells_from_bytes(draw, len(layout.shape.kinds)), layout.shape.kinds, strict=True
        )
    ]
    skeleton: Any = attrs.evolve(
        _blank_of(edition, single), unit=unit, year=year, parts=parts, **identity
    )
    skeleton = _draw_printed(draw, skeleton, edition, single, hostile=True)
    return layout.shape.rebuild(skeleton, values)


def _cells_from_bytes(draw: st.DrawFn, n: int) -> list[tuple[int, int]]:
    """``n`` (state, number) pairs decoded from one draw of bytes.

    One ``binary`` draw instead of hundreds of integer draws keeps
    :func:`any_reports` fast; the decoding still hits the edges often (0,
    small counts, exactly ``MAX_COUNT``) and shrinks towards blank cells.
    """
    raw = draw(st.binary(min_size=5 * n, max_size=5 * n))
    out = []
    for i in range(0, 5 * n, 5):
        state = raw[i] % 6
        bits = int.from_bytes(raw[i + 1 : i + 5], "big")
        bucket = bits >> 29  # 0..7
        if bucket < 4:
            number = bits % 100
        elif bucket < 6:
            number = bits % (MAX_COUNT + 1)
        elif bucket == 6:
            number = MAX_COUNT
        else:
            number = bits % 10_000
        out.append((state, number))
    return out


def _any_cell(state: int, number: int, kind: str) -> CellValue:
    """Any loadable value of a cell of ``kind`` (state 0 blank, 1 "/" etc.)."""
    if state == 0:
        return None
    if state == 1:
        return _NA[number % len(_NA)]
    if kind == "money":
        return _money(number, number % 7)
    if kind == "signed" and state == 2:
        return -number
    return number


@st.composite
def _any_statistics(draw: st.DrawFn, template: StatisticsTemplate) -> StatisticsTable:
    rows: dict[str, dict[str, CellValue]] = {}
    codes = [r.code for r in template.rows if r.printed]
    if not codes:  # a table printed with none of its template's rows
        return _table(template, {})
    chosen = draw(st.lists(st.sampled_from(codes), unique=True, max_size=len(codes)))
    keys = [c.key for c in template.columns]
    cells_drawn = iter(_cells_from_bytes(draw, len(chosen) * len(keys)))
    for code in chosen:
        row = template.row(code)
        cells: dict[str, CellValue] = {}
        for key in draw(st.lists(st.sampled_from(keys), unique=True, max_size=len(keys))):
            state, number = next(cells_drawn)
            if row.is_header:
                cells[key] = None
            else:
                cells[key] = _any_cell(min(state, 3), number, "money" if row.is_money else "count")
        rows[code] = cells
    return _table(template, rows)


# -- registration with Hypothesis ----------------------------------------------------


def _register_strategies() -> None:
    """Register strategies with Hypothesis (through its entry point).

    So ``st.from_type`` (and ``st.builds`` of classes that hold these types)
    produce valid values instead of failing on attrs fields whose ranges
    Hypothesis cannot infer.
    """
    st.register_type_strategy(ReportingUnit, units())
    st.register_type_strategy(Report2021, consistent_reports("2021"))
    st.register_type_strategy(Report2019, consistent_reports("2019"))
    st.register_type_strategy(ReportLegacy, consistent_reports("legacy"))
    st.register_type_strategy(
        Section,
        st.builds(
            _section,
            st.sampled_from(EDITIONS["2021"].section_headings),
            st.lists(_text("realistic"), max_size=3),
        ),
    )


_strategies_loaded(_register_strategies)
