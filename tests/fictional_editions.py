"""Fictional editions that differ from the 2021 format in one part of one table.

Each is what a plugin could add through the ``govdisclosure_editions``
hook: an :class:`~govdisclosure.editions.base.Edition` record whose report
class reuses the 2021 tables except table 2, where it

* ``extra-row-test`` prints one more row in block A (地方性法规, a row a
  province might add): its labels are the 2021 labels and one more;
* ``renamed-row-test`` prints 行政处罚 as 行政处罚决定: one label each
  that the other has not;
* ``layout-test`` prints 行政强制 in block 第二十条第（五）项 beside 行政许可
  instead of in （六） beside 行政处罚: the same labels as 2021, drawn in
  another layout (told apart by the cells, not the labels);
* ``twin-test`` is the 2021 tables under another id, in force from 2030:
  nothing printed tells it from 2021, only the year can.

:func:`install` puts some of them in the registry, as the plugin manager
would, for one test.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, ClassVar, Literal

import attrs
import pytest
from attrs import field, frozen

from govdisclosure import _sources
from govdisclosure.cells import Count, Money
from govdisclosure.editions import EDITIONS
from govdisclosure.editions.applications import Table4
from govdisclosure.editions.base import Edition
from govdisclosure.editions.e2021 import EDITION as E2021
from govdisclosure.editions.e2021 import DocumentRow2021, Table2_2021, Table3_2021
from govdisclosure.fields import cell, part, printed
from govdisclosure.introspect import Layout
from govdisclosure.report_base import ReportBase
from govdisclosure.tuples import tuple_converter

__all__ = ["FICTIONAL", "install"]

_A = "第二十条第（一）项"
_B = "第二十条第（五）项"
_C = "第二十条第（六）项"
_D = "第二十条第（八）项"
_DECISIONS = "本年处理决定数量"
_FEES = "本年收费金额（单位：万元）"


@frozen(kw_only=True)
class Table2ExtraRow:
    rules: DocumentRow2021 = part("规章", DocumentRow2021, block=_A)
    normative_documents: DocumentRow2021 = part("行政规范性文件", DocumentRow2021, block=_A)
    local_regulations: DocumentRow2021 = part("地方性法规", DocumentRow2021, block=_A)
    licensing: Count = cell("行政许可", unit="件", block=_B, column=_DECISIONS)
    penalties: Count = cell("行政处罚", unit="件", block=_C, column=_DECISIONS)
    enforcement: Count = cell("行政强制", unit="件", block=_C, column=_DECISIONS)
    fees: Money = cell("行政事业性收费", unit="万元", block=_D, column=_FEES)
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "二、主动公开政府信息情况"
    layout: ClassVar[Layout] = "blocks"


@frozen(kw_only=True)
class Table2Renamed:
    rules: DocumentRow2021 = part("规章", DocumentRow2021, block=_A)
    normative_documents: DocumentRow2021 = part("行政规范性文件", DocumentRow2021, block=_A)
    licensing: Count = cell("行政许可", unit="件", block=_B, column=_DECISIONS)
    penalties: Count = cell("行政处罚决定", unit="件", block=_C, column=_DECISIONS)
    enforcement: Count = cell("行政强制", unit="件", block=_C, column=_DECISIONS)
    fees: Money = cell("行政事业性收费", unit="万元", block=_D, column=_FEES)
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "二、主动公开政府信息情况"
    layout: ClassVar[Layout] = "blocks"


@frozen(kw_only=True)
class Table2Layout:
    rules: DocumentRow2021 = part("规章", DocumentRow2021, block=_A)
    normative_documents: DocumentRow2021 = part("行政规范性文件", DocumentRow2021, block=_A)
    licensing: Count = cell("行政许可", unit="件", block=_B, column=_DECISIONS)
    enforcement: Count = cell("行政强制", unit="件", block=_B, column=_DECISIONS)
    penalties: Count = cell("行政处罚", unit="件", block=_C, column=_DECISIONS)
    fees: Money = cell("行政事业性收费", unit="万元", block=_D, column=_FEES)
    printed_labels: dict[str, str] = printed("labels")

    title: ClassVar[str] = "二、主动公开政府信息情况"
    layout: ClassVar[Layout] = "blocks"


def _tuple(values: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(values)


tuple_converter(_tuple)


@frozen(kw_only=True)
class ReportExtraRow(ReportBase):
    edition: ClassVar[Literal["extra-row-test"]] = "extra-row-test"
    table2: Table2ExtraRow = field(factory=Table2ExtraRow)
    table3: Table3_2021 = field(factory=Table3_2021)
    table4: Table4 = field(factory=Table4)
    parts: tuple[ReportExtraRow, ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class ReportRenamed(ReportBase):
    edition: ClassVar[Literal["renamed-row-test"]] = "renamed-row-test"
    table2: Table2Renamed = field(factory=Table2Renamed)
    table3: Table3_2021 = field(factory=Table3_2021)
    table4: Table4 = field(factory=Table4)
    parts: tuple[ReportRenamed, ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class ReportLayout(ReportBase):
    edition: ClassVar[Literal["layout-test"]] = "layout-test"
    table2: Table2Layout = field(factory=Table2Layout)
    table3: Table3_2021 = field(factory=Table3_2021)
    table4: Table4 = field(factory=Table4)
    parts: tuple[ReportLayout, ...] = field(default=(), converter=_tuple)


@frozen(kw_only=True)
class ReportTwin(ReportBase):
    edition: ClassVar[Literal["twin-test"]] = "twin-test"
    table2: Table2_2021 = field(factory=Table2_2021)
    table3: Table3_2021 = field(factory=Table3_2021)
    table4: Table4 = field(factory=Table4)
    parts: tuple[ReportTwin, ...] = field(default=(), converter=_tuple)


def _edition(report_class: type[Any], first_year: int) -> Edition:
    """A record like 2021's (headings, variants, predecessor), for ``report_class``."""
    edition_id = report_class.edition
    return attrs.evolve(
        E2021,
        id=edition_id,
        report_class=report_class,
        first_year=first_year,
        last_year=None,
        name=f"The {edition_id} format (fictional)",
        years_text=f"reports on {first_year} and later",
        title=f"{edition_id} (fictional)",
        predecessor="2021",
        not_comparable=(),
        source="tests/fictional_editions.py",
    )


#: The fictional editions by id.
FICTIONAL: dict[str, Edition] = {
    e.id: e
    for e in (
        _edition(ReportExtraRow, 2026),
        _edition(ReportRenamed, 2026),
        _edition(ReportLayout, 2026),
        _edition(ReportTwin, 2030),
    )
}


def install(monkeypatch: pytest.MonkeyPatch, *ids: str) -> None:
    """The editions ``ids`` in the registry (after the built-in ones) until
    the test ends, as a plugin's ``govdisclosure_editions`` hook gives them."""
    editions = [FICTIONAL[i] for i in ids]
    monkeypatch.setattr(_sources, "editions", lambda: editions)
    assert all(i in EDITIONS for i in ids)
