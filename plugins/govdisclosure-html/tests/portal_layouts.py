"""The official tables of the 2019 and 2021 formats, built cell by cell, the
way other portals print them: each portal's own labels, marks and numbers.

A report is made of :class:`Cell` rows: a label cell has text and spans, a
figure cell also the report path its figure belongs to.  The rows render as
one ``<table>`` with the official merges (``rowspan``/``colspan``), and the
same rows say which figure was printed where, so that an import can be
compared with what the page printed, cell by cell (:func:`score`).

A portal's variant is written as label replacements (``labels``: official
words → printed words) and changes to the rows (a row left out, added, a
column header split over two lines); the figures are given as printed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal, InvalidOperation
from types import MappingProxyType

import attrs

from govdisclosure import cells_by_path
from govdisclosure_html import import_html, named_paths
from govdisclosure_html.importer import ImportResult, json_path

Path = tuple[str, ...]


@attrs.frozen
class Cell:
    """One printed cell: its text, spans, and (a figure) the path it prints."""

    text: str
    colspan: int = 1
    rowspan: int = 1
    path: Path | None = None
    #: The figure as the report should hold it when the text is no plain count
    #: ("160.5964万元" → Decimal("160.5964")); None for a mark or a blank.
    value: object = None

    def html(self) -> str:
        spans = (f' colspan="{self.colspan}"' if self.colspan > 1 else "") + (
            f' rowspan="{self.rowspan}"' if self.rowspan > 1 else ""
        )
        return f"<td{spans}>{self.text}</td>"


Row = list[Cell]
Labels = Mapping[str, str]
#: No label printed otherwise (a default that cannot be changed by mistake).
OFFICIAL: Labels = MappingProxyType({})


def _label(labels: Labels, official: str, colspan: int = 1, rowspan: int = 1) -> Cell:
    return Cell(labels.get(official, official), colspan, rowspan)


def figure(text: str, path: Path, colspan: int = 1, value: object = None) -> Cell:
    """A figure cell; a plain count's value is read from its text."""
    if value is None and re.fullmatch(r"[+-]?\d+(?:\.\d+)?", text.strip()):
        number = Decimal(text.strip())
        value = int(number) if number == number.to_integral_value() and "." not in text else number
    return Cell(text, colspan, 1, path, value)


# -- table 2 ---------------------------------------------------------------

T2_2021_ROWS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("（一）", "规章", ("rules",)),
    ("（一）", "行政规范性文件", ("normative_documents",)),
    ("（五）", "行政许可", ("licensing",)),
    ("（六）", "行政处罚", ("penalties",)),
    ("（六）", "行政强制", ("enforcement",)),
    ("（八）", "行政事业性收费", ("fees",)),
)
T2_2021_HEADS = {
    "（一）": ("本年制发件数", "本年废止件数", "现行有效件数"),
    "（五）": ("本年处理决定数量",),
    "（六）": ("本年处理决定数量",),
    "（八）": ("本年收费金额（单位：万元）",),
}
T2_2021_COLUMNS = ("issued", "repealed", "in_force")


def table2_2021(figures: Mapping[str, Sequence[str]], labels: Labels = OFFICIAL) -> list[Row]:
    """Table 2 of the 2021 format: ``figures`` by row label, as printed."""
    rows: list[Row] = []
    item = ""
    for group, official, path in T2_2021_ROWS:
        if group != item:
            item = group
            rows.append([_label(labels, f"第二十条第{group}项", 4)])
            heads = T2_2021_HEADS[group]
            span = 1 if len(heads) == 3 else 3
            rows.append([_label(labels, "信息内容"), *(_label(labels, h, span) for h in heads)])
        printed = list(figures[official])
        if len(printed) == 3:
            cells = [figure(t, (*path, c)) for t, c in zip(printed, T2_2021_COLUMNS, strict=True)]
        else:
            cells = [figure(printed[0], path, 3)]
        rows.append([_label(labels, official), *cells])
    return _path_prefixed(rows, "table2")


T2_2019_ROWS: tuple[tuple[str, str, str], ...] = (
    ("（一）", "规章", "rules"),
    ("（一）", "规范性文件", "normative_documents"),
    ("（五）", "行政许可", "licensing"),
    ("（五）", "其他对外管理服务事项", "other_services"),
    ("（六）", "行政处罚", "penalties"),
    ("（六）", "行政强制", "enforcement"),
    ("（八）", "行政事业性收费", "fees"),
    ("（九）", "政府集中采购", "procurement"),
)
T2_2019_HEADS = {
    "（一）": (
        ("本年新制作数量", "made"),
        ("本年新公开数量", "published"),
        ("对外公开总数量", "total_public"),
    ),
    "（五）": (
        ("上一年项目数量", "previous_items"),
        ("本年增/减", "change"),
        ("处理决定数量", "decisions"),
    ),
    "（六）": (
        ("上一年项目数量", "previous_items"),
        ("本年增/减", "change"),
        ("处理决定数量", "decisions"),
    ),
    "（八）": (("上一年项目数量", "previous_items"), ("本年增/减", "change")),
    "（九）": (("采购项目数量", "projects"), ("采购总金额", "amount")),
}


def table2_2019(
    figures: Mapping[str, Sequence[str | Cell]], labels: Labels = OFFICIAL
) -> list[Row]:
    """Table 2 of the 2019 format (the real 2019 page's grid of four columns:
    the two-column blocks' second column spans two)."""
    rows: list[Row] = []
    item = ""
    for group, official, name in T2_2019_ROWS:
        heads = T2_2019_HEADS[group]
        last = 2 if len(heads) == 2 else 1
        if group != item:
            item = group
            rows.append([_label(labels, f"第二十条第{group}项", 4)])
            rows.append(
                [_label(labels, "信息内容")]
                + [
                    _label(labels, h, last if i == len(heads) - 1 else 1)
                    for i, (h, _) in enumerate(heads)
                ]
            )
        cells: Row = []
        for i, (printed, (_, column)) in enumerate(zip(figures[official], heads, strict=True)):
            span = last if i == len(heads) - 1 else 1
            if isinstance(printed, Cell):
                cells.append(attrs.evolve(printed, colspan=span, path=(name, column)))
            else:
                cells.append(figure(printed, (name, column), span))
        rows.append([_label(labels, official), *cells])
    return _path_prefixed(rows, "table2")


# -- table 3 ---------------------------------------------------------------

T3_COLUMNS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_organization",
    "legal_service_institution",
    "other_organization",
    "total",
)
T3_HEAD = ("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他")
NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

#: (group label or "", row label, path) in the order printed; "" = no group.
T3_RESULTS: tuple[tuple[str, str, Path], ...] = (
    ("", "（一）予以公开", ("results", "disclosed")),
    (
        "",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        ("results", "partly_disclosed"),
    ),
    ("（三）不予公开", "1.属于国家秘密", ("results", "not_disclosed", "state_secret")),
    (
        "（三）不予公开",
        "2.其他法律行政法规禁止公开",
        ("results", "not_disclosed", "prohibited_by_law"),
    ),
    (
        "（三）不予公开",
        "3.危及“三安全一稳定”",
        ("results", "not_disclosed", "security_and_stability"),
    ),
    ("（三）不予公开", "4.保护第三方合法权益", ("results", "not_disclosed", "third_party_rights")),
    ("（三）不予公开", "5.属于三类内部事务信息", ("results", "not_disclosed", "internal_affairs")),
    ("（三）不予公开", "6.属于四类过程性信息", ("results", "not_disclosed", "process_information")),
    (
        "（三）不予公开",
        "7.属于行政执法案卷",
        ("results", "not_disclosed", "enforcement_case_files"),
    ),
    (
        "（三）不予公开",
        "8.属于行政查询事项",
        ("results", "not_disclosed", "administrative_inquiry"),
    ),
    ("（四）无法提供", "1.本机关不掌握相关政府信息", ("results", "unable_to_provide", "not_held")),
    (
        "（四）无法提供",
        "2.没有现成信息需要另行制作",
        ("results", "unable_to_provide", "needs_new_making"),
    ),
    (
        "（四）无法提供",
        "3.补正后申请内容仍不明确",
        ("results", "unable_to_provide", "still_unclear"),
    ),
    (
        "（五）不予处理",
        "1.信访举报投诉类申请",
        ("results", "not_processed", "petition_or_complaint"),
    ),
    ("（五）不予处理", "2.重复申请", ("results", "not_processed", "repeated")),
    ("（五）不予处理", "3.要求提供公开出版物", ("results", "not_processed", "publications")),
    ("（五）不予处理", "4.无正当理由大量反复申请", ("results", "not_processed", "mass_repeated")),
    (
        "（五）不予处理",
        "5.要求行政机关确认或重新出具已获取信息",
        ("results", "not_processed", "confirm_or_reissue"),
    ),
    (
        "（六）其他处理",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        ("results", "other_handling", "overdue_correction"),
    ),
    (
        "（六）其他处理",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        ("results", "other_handling", "unpaid_fee"),
    ),
    ("（六）其他处理", "3.其他", ("results", "other_handling", "other")),
    ("", "（七）总计", ("results", "total")),
)
#: The 2019 format: （六）其他处理 one row, before （七）总计.
T3_2019_RESULTS: tuple[tuple[str, str, Path], ...] = (
    *(r for r in T3_RESULTS[:-1] if r[0] != "（六）其他处理"),
    ("", "（六）其他处理", ("results", "other_handling")),
    T3_RESULTS[-1],
)
T3_OUTER: tuple[tuple[str, Path], ...] = (
    ("一、本年新收政府信息公开申请数量", ("new_applications",)),
    ("二、上年结转政府信息公开申请数量", ("carried_over",)),
)
T3_LAST: tuple[str, Path] = ("四、结转下年度继续办理", ("carried_forward",))


def table3_head(labels: Labels = OFFICIAL) -> list[Row]:
    return [
        [_label(labels, NOTE, 3, 3), _label(labels, "申请人情况", 7)],
        [
            _label(labels, "自然人", 1, 2),
            _label(labels, "法人或其他组织", 5),
            _label(labels, "总计", 1, 2),
        ],
        [_label(labels, h) for h in T3_HEAD],
    ]


def table3(
    figures: Mapping[str, Sequence[str]] = MappingProxyType({}),
    labels: Labels = OFFICIAL,
    edition: str = "2021",
    default: Sequence[str] = ("0",) * 7,
) -> list[Row]:
    """Table 3: ``figures`` by the row's official label (the seven columns as
    printed); rows not given print ``default``."""
    results = T3_RESULTS if edition == "2021" else T3_2019_RESULTS

    def values(official: str, path: Path) -> Row:
        printed = figures.get(official, default)
        return [figure(t, (*path, c)) for t, c in zip(printed, T3_COLUMNS, strict=True)]

    rows = table3_head(labels)
    for official, path in T3_OUTER:
        rows.append([_label(labels, official, 3), *values(official, path)])
    group = ""
    for i, (parent, official, path) in enumerate(results):
        row: Row = []
        if i == 0:
            row.append(_label(labels, "三、本年度办理结果", 1, len(results)))
        if parent and parent != group:
            row.append(_label(labels, parent, 1, sum(1 for r in results if r[0] == parent)))
        group = parent
        row.append(_label(labels, official, 1 if parent else 2))
        rows.append(row + values(official, path))
    rows.append([_label(labels, T3_LAST[0], 3), *values(*T3_LAST)])
    return _path_prefixed(rows, "table3")


# -- table 4 ---------------------------------------------------------------

T4_GROUPS = ("reconsideration", "litigation_direct", "litigation_after_reconsideration")
T4_COLUMNS = (
    ("结果维持", "upheld"),
    ("结果纠正", "corrected"),
    ("其他结果", "other"),
    ("尚未审结", "pending"),
    ("总计", "total"),
)


def table4(printed: Sequence[str] = ("0",) * 15, labels: Labels = OFFICIAL) -> list[Row]:
    heads = [_label(labels, h) for h, _ in T4_COLUMNS]
    rows: list[Row] = [
        [_label(labels, "行政复议", 5), _label(labels, "行政诉讼", 10)],
        [attrs.evolve(h, rowspan=2) for h in heads]
        + [_label(labels, "未经复议直接起诉", 5), _label(labels, "复议后起诉", 5)],
        heads + heads,
    ]
    paths = [(g, c) for g in T4_GROUPS for _, c in T4_COLUMNS]
    rows.append([figure(t, p) for t, p in zip(printed, paths, strict=True)])
    return _path_prefixed(rows, "table4")


# -- pages -----------------------------------------------------------------


def _path_prefixed(rows: list[Row], table: str) -> list[Row]:
    return [[attrs.evolve(c, path=(table, *c.path)) if c.path else c for c in row] for row in rows]


def render(rows: Sequence[Row]) -> str:
    body = "".join("<tr>" + "".join(c.html() for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellspacing="0"><tbody>{body}</tbody></table>'


@attrs.frozen
class Portal:
    """One real report rebuilt: where it was seen, its title, its parts in
    order (HTML text, or a table's rows)."""

    url: str
    title: str
    edition: str
    parts: tuple[str | list[Row], ...]
    #: How the portal writes a table's rows (its markup habits: an office
    #: suite's "save as web page", cells with a unit, …); one ``<table>`` with
    #: the official merges unless said.
    markup: Callable[[Sequence[Row]], str] = render
    #: The encoding the portal serves the page in, and the charset its
    #: ``<meta>`` declares (which a portal may get wrong).
    encoding: str = "utf-8"
    declared: str = "utf-8"

    def html(self) -> str:
        body = "".join(p if isinstance(p, str) else self.markup(p) for p in self.parts)
        return (
            f'<!DOCTYPE html><html><head><meta charset="{self.declared}"><title>'
            f'{self.title}</title></head><body><div class="article"><h1>{self.title}</h1>'
            f"{body}</div></body></html>"
        )

    def data(self) -> bytes:
        """The page as the portal serves it: its HTML in its encoding."""
        return self.html().encode(self.encoding)

    def printed(self) -> dict[Path, Cell]:
        """Every figure cell printed, by path."""
        return {
            c.path: c
            for part in self.parts
            if not isinstance(part, str)
            for row in part
            for c in row
            if c.path
        }


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


@attrs.frozen
class Score:
    """An import compared with the page, cell by cell."""

    printed: int
    exact: int
    invented: tuple[tuple[str | int, ...], ...]
    wrong: tuple[Path, ...]
    not_placed_unreported: tuple[Path, ...]
    not_placed: int
    edition: str | None

    @property
    def line(self) -> str:
        return (
            f"{self.printed} printed / {self.exact} exact / {len(self.invented)} invented / "
            f"{self.not_placed} not placed"
        )


def _number(value: object) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | Decimal):
        return Decimal(value)
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def score(portal: Portal, result: ImportResult | None = None) -> Score:
    """Compare an import of the portal's page with the figures it printed.

    A figure printed (a count, an amount) is *exact* when the report holds it
    at its path; a mark or blank printed is exact when the report holds no
    figure there and the import did not call the cell missing.  A figure in the report no cell printed there is
    *invented*; a printed figure the report does not hold is *not placed* and
    must be reported (a problem naming its cell)."""
    result = result or import_html(portal.data(), "portal.html")
    printed = portal.printed()
    got = cells_by_path(result.report) if result.report is not None else {}
    edition = result.report.edition if result.report is not None else None
    # A cell the import says it found no printed cell for: a blank printed
    # there was not read as printed, whatever the report holds.
    not_found = {p.path for p in result.problems if p.code == "cell-missing"}
    exact = 0
    wrong: list[Path] = []
    missing: list[Path] = []
    for path, cell in printed.items():
        want = _number(cell.value)
        have = _number(got.get(path))
        if want == have and json_path(path) not in not_found:
            exact += 1
        elif have is None:
            missing.append(path)
        else:
            wrong.append(path)
    invented = tuple(p for p, v in got.items() if _number(v) is not None and p not in printed)
    # A figure not placed is reported when a problem names its path (the
    # target left blank), or else by one of the problems telling of a printed
    # cell not placed or unreadable (which name no path): as many as those.
    named = named_paths(result.problems)
    stray = sum(1 for p in result.problems if p.code in ("cell-not-placed", "cell-unreadable"))
    unnamed = [p for p in missing if printed[p].value is not None and json_path(p) not in named]
    unreported = tuple(unnamed[stray:])
    return Score(
        printed=len(printed),
        exact=exact,
        invented=invented,
        wrong=tuple(wrong),
        not_placed_unreported=unreported,
        not_placed=len(missing),
        edition=edition,
    )


def host(portal: Portal) -> str:
    """The portal's host name: a round's test ids and its look-ups by page."""
    return re.sub(r"^https?://(www\.|m\.)?", "", portal.url).split("/")[0]


def import_portal(portal: Portal) -> ImportResult:
    """The page imported as a portal serves it: its HTML as bytes."""
    return import_html(portal.data(), "portal.html")


def imports_as_printed(portal: Portal) -> ImportResult:
    """Import the page and hold it to the laws of every round: a report, the
    edition right, no cell invented or wrong, every printed cell exact, every
    cell not placed reported; the result, for a round's own checks."""
    result = import_portal(portal)
    assert result.report is not None, [p.message("en") for p in result.problems]
    found = score(portal, result)
    assert found.edition == portal.edition
    assert not found.invented and not found.wrong, found
    assert found.exact == found.printed, found
    assert not found.not_placed_unreported
    return result


def imports_as_words_only(title: str, body: str) -> None:
    """Import an article page of ``title`` and ``body`` (a report that gives
    its statistics in sentences, as most of 2008–2018 do) and hold it to what
    such a page must give: no report, the one problem ``no-table``, and no
    cell read from its words."""
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8"><title>'
        f"{title}</title></head><body><div class='article'><h1>{title}</h1>"
        f"{body}</div></body></html>"
    ).encode()
    result = import_html(page, "p.html")
    assert result.report is None
    assert [p.code for p in result.problems] == ["no-table"]
    assert not result.provenance.cells
