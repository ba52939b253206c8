"""The order of things on the page: title, text, tables, signature, attachments.

* Title (GB/T 9704 7.3.1): 2号, centred, broken into balanced lines, the
  break preferably after the unit's name or before the year.
* Text (7.3.3): paragraphs indented two characters; headings by their
  numbering: ``一、`` in 黑体, ``（一）`` in 楷体, ``1.`` and ``（1）`` in the
  body face.  A paragraph that opens with a run-in heading ("（一）主动公开
  情况。2024年…") sets that heading in its level's face.
* Tables 2–4 (2019/2021) go under the section whose heading carries their
  number (二、三、四); a table no section claims follows the text under
  its own title.
* Signature (7.3.5.2): one blank line, the issuing unit two characters from
  the right, the date on the next line shifted two characters right of
  the unit's first character (or itself two from the right when longer).
  The date is the 成文日期, else the publication date; with neither known,
  no date is printed (none is invented).
* Attachments (7.3.4, 附件): the pre-2019 statistics table and, for a
  consolidated report, the figures of each unit it consolidates, each on a
  new page after the signature, announced under the text as 附件：1.….
  Where the report's own text already prints that note (the seed ends its
  last section with "附件:玉溪市政府信息公开情况统计表(2017年度)"), the
  printed wording is set in the note's place instead of a second, generated
  one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from attrs import evolve, frozen
from reportlab.platypus import PageBreak, Spacer
from reportlab.platypus.flowables import Flowable

from govdisclosure.aggregate.skeleton import BLANK_DATE, needs_skeleton, skeleton_sections
from govdisclosure.editions import Report, is_template_driven
from govdisclosure.formatting import contact_items
from govdisclosure.introspect import table_info
from govdisclosure.registry import tables_of
from govdisclosure.report_base import Section

from . import charts
from .breakdown import breakdown_grids
from .document import Rotated, Stack
from .fonts import covers
from .grid import GridTable, HeadGroup, TailGroup
from .labels import (
    ATTACHMENT,
    CHANNEL_CHART,
    DEFAULT_TITLE,
    OUTCOME_CHART,
    STATISTICS_YEAR,
    UNIT_APPLICATIONS,
    UNIT_CHART,
    UNIT_CHART_LEGACY,
    UNIT_ITEMS,
    chinese_date,
    format_date,
    is_english,
    tr,
)
from .outline import OutlineLevels
from .printing import for_print
from .styles import BODY_LEADING, TITLE_STROKE, TYPE_HEIGHT, TYPE_WIDTH, Styles, TextStyle
from .tables import (
    TableLayout,
    fits_portrait,
    legacy_grid,
    table2_grid,
    table3_grid,
    table4_grid,
)
from .text import Run, TextBlock, balance_lines, text_width

__all__ = ["StoryOptions", "build_story", "report_title"]

_LEVEL1: Final = re.compile(r"^[一二三四五六七八九十]+、")
_LEVEL2: Final = re.compile(r"^[（(][一二三四五六七八九十]+[）)]")
_LEVEL3: Final = re.compile(r"^\d+[.．、]")
_LEVEL4: Final = re.compile(r"^[（(]\d+[）)]")
#: A run-in heading: numbering, a short phrase, then 。 (or ：) and the text.
_RUN_IN: Final = re.compile(
    r"^((?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])[^。：]{1,30}[。：])(?=\S)"
)
_YEAR: Final = re.compile(r"\d{4}年")
_NUMERAL: Final = re.compile(r"^([一二三四五六七八九十]+)、")
#: A table title's own number: 二、 or II.
_TABLE_NUMBER: Final = re.compile(r"^(?:[一二三四五六七八九十]+、|[IVX]+\.\s*)")
#: A paragraph that is itself the 附件说明 ("附件:××", "附件：1.××").
_ATTACHMENT_NOTE: Final = re.compile(r"^\s*附\s*件\s*[:：]")


@frozen
class StoryOptions:
    locale: str
    charts: bool
    #: "auto", "portrait" or "landscape": where table 4 goes.
    table4: str = "auto"
    #: "arabic" (2018年2月23日, GB/T 9704-2012 7.3.5.4) or "chinese"
    #: (二〇一八年二月二十三日, the 1999 edition and some house styles).
    date_numerals: str = "arabic"


def report_title(report: Report, locale: str) -> str:
    """The report's own title, else the conventional one."""
    if report.title:
        return report.title
    return tr(locale, DEFAULT_TITLE).format(unit=report.unit.name, year=report.year)


def _heading_style(heading: str, depth: int, styles: Styles) -> TextStyle:
    if _LEVEL1.match(heading):
        return styles.heading1
    if _LEVEL2.match(heading):
        return styles.heading2
    if _LEVEL3.match(heading) or _LEVEL4.match(heading):
        return styles.heading3
    return (styles.heading1, styles.heading2)[min(depth, 1)] if depth < 2 else styles.heading3


def _paragraph(text: str, styles: Styles, levels: OutlineLevels, *, tidy: bool = True) -> TextBlock:
    """A paragraph of the report's text, tidied for print (``tidy``), with its run-in heading."""
    if tidy:
        text = for_print(text)
    m = _RUN_IN.match(text)
    if m:
        head = m.group(1)
        level1 = bool(_LEVEL1.match(head))
        hs = styles.heading1 if level1 else styles.heading2
        runs = (
            Run(head, hs.font, hs.latin),
            Run(text[len(head) :], styles.body.font, styles.body.latin),
        )
        outline = levels.entry(head.rstrip("。："), 0 if level1 else 1)
        return TextBlock(runs, styles.body, outline=outline)
    return TextBlock(text, styles.body)


def _outline_level(heading: str, depth: int) -> int | None:
    """Outline depth of a section heading: 一、 is 0, （一） is 1, deeper ones none."""
    if _LEVEL1.match(heading):
        return 0
    if _LEVEL2.match(heading):
        return 1
    if _LEVEL3.match(heading) or _LEVEL4.match(heading):
        return None
    return depth if depth < 2 else None


class _Builder:
    def __init__(self, report: Report, styles: Styles, options: StoryOptions) -> None:
        self.report = report
        self.styles = styles
        self.options = options
        self.locale = options.locale
        self.story: list[Flowable] = []
        self.pending: list[Flowable] = []  # headings waiting for what follows
        self.closing: list[Flowable] = []  # 附件说明 and signature
        self.printed_notes: list[str] = []  # 附件说明 the report's text prints
        self.layout = TableLayout(options.locale, styles, TYPE_WIDTH)
        self.levels = OutlineLevels()
        self.figures = 0  # charts numbered so far
        #: A consolidated report without text: its sections are a skeleton.
        self.skeleton = needs_skeleton(report)
        #: Bookmark text of each official table block, by id().
        self.table_titles: dict[int, str] = {}

    # -- flow helpers -------------------------------------------------------

    def heading(self, block: Flowable) -> None:
        self.pending.append(block)

    def add(self, block: Flowable, min_follow: float = 2 * BODY_LEADING) -> None:
        if self.pending:
            self.story.append(HeadGroup(self.pending, block, min_follow))
            self.pending = []
        else:
            self.story.append(block)

    def flush(self) -> None:
        self.story.extend(self.pending)
        self.pending = []

    # -- parts ---------------------------------------------------------------

    def signer(self) -> str:
        """The issuing unit printed in the signature (署名)."""
        return self.report.signed_by or self.report.unit.name

    def title(self) -> None:
        st = self.styles.title
        text = for_print(report_title(self.report, self.locale))
        prefer: list[int] = []
        names = [
            n
            for n in dict.fromkeys((for_print(self.report.unit.name), for_print(self.signer())))
            if n
        ]
        for name in names:
            at = text.find(name)
            if at >= 0:
                prefer += [at, at + len(name)]
        m = _YEAR.search(text)
        if m:
            prefer.append(m.start())
        if not covers(st.font, text):
            # A character the heavy title face lacks (it covers GB 2312): the
            # body face, stroked, has it.
            st = evolve(
                st, font=self.styles.body.font, latin=self.styles.body.latin, bold=TITLE_STROKE
            )
        lines = balance_lines(
            text, st.font, st.size, TYPE_WIDTH, latin=st.latin, prefer=prefer, names=names
        )
        self.story.append(Spacer(1, BODY_LEADING))
        self.story.append(TextBlock(text, st, lines=lines))

    def section(self, section: Section, depth: int, tables: dict[str, list[Flowable]]) -> None:
        style = _heading_style(section.heading, depth, self.styles)
        heading = for_print(section.heading)
        if self.skeleton:
            heading = tr(self.locale, section.heading)  # the format's heading, translated
        level = _outline_level(heading.strip(), depth)
        outline = (
            None if level is None or not heading.strip() else self.levels.entry(heading, level)
        )
        self.heading(TextBlock(heading, style, outline=outline))
        for text in section.paragraphs:
            if _ATTACHMENT_NOTE.match(text):
                self.printed_notes.append(for_print(text.strip()))
                continue
            # A skeleton's text is the renderer's own, already as it should be printed.
            self.add(_paragraph(text, self.styles, self.levels, tidy=not self.skeleton))
        m = _NUMERAL.match(section.heading.strip())
        if depth == 0 and m and m.group(1) in tables:
            for block in tables.pop(m.group(1)):
                self.table_block(block)
        for sub in section.subsections:
            self.section(sub, depth + 1, tables)
        self.flush()

    def official_tables(self) -> dict[str, list[Flowable]]:
        """Tables 2–4 of a 2019/2021 report, keyed by their section numeral."""
        report = self.report
        if is_template_driven(report):
            return {}
        out: dict[str, list[Flowable]] = {}
        for key, table in tables_of(report):
            layout = table_info(table, key).layout
            title = str(getattr(type(table), "title", key))
            m = _NUMERAL.match(title)
            numeral = m.group(1) if m else key
            blocks: list[Flowable] = []
            # Each table is drawn after the layout it declares (TableInfo.layout).
            if layout == "blocks":
                blocks.append(GridTable(table2_grid(table, self.layout)))
            elif layout == "rows":
                blocks.append(GridTable(table3_grid(table, self.layout)))
                blocks[-1].spaceBefore = 4
                if self.options.charts:
                    blocks += self.chart(
                        OUTCOME_CHART, UNIT_APPLICATIONS, charts.outcome_items(table, self.locale)
                    )
            elif layout == "single-row":
                blocks.append(self.table4(table, title))
            blocks[0].spaceBefore = 4
            label = _TABLE_NUMBER.sub("", tr(self.locale, title)).strip()
            self.table_titles[id(blocks[0])] = label
            out[numeral] = blocks
            out[numeral + "#title"] = [TextBlock(tr(self.locale, title), self.styles.heading1)]
        return out

    def table4(self, table: object, title: str) -> Flowable:
        mode = self.options.table4
        portrait = mode == "portrait" or (mode == "auto" and fits_portrait(table, self.layout))
        if portrait:
            return GridTable(table4_grid(table, self.layout))
        # Landscape: the table with its own title, turned (GB/T 9704 clause 8).
        wide = TableLayout(self.locale, self.styles, TYPE_HEIGHT - 2)
        grid = table4_grid(table, wide)
        heading = TextBlock(tr(self.locale, title), evolve(self.styles.heading1, indent=0))
        return Rotated(Stack([heading, Spacer(1, 6), GridTable(grid)]))

    def body(self) -> None:
        st = self.styles
        for text in self.report.preamble:
            self.add(_paragraph(text, st, self.levels))
        tables = self.official_tables()
        sections = self.report.sections
        if self.skeleton:
            sections = skeleton_sections(self.report, self.locale)
        for section in sections:
            self.section(section, 0, tables)
        # Tables no section claimed, under their own titles.
        for numeral in [k for k in tables if not k.endswith("#title")]:
            blocks = tables.pop(numeral)
            for head in tables.pop(numeral + "#title", []):
                self.heading(head)
            for block in blocks:
                self.table_block(block)
            self.flush()

    def table_block(self, block: Flowable) -> None:
        """A table (or chart) under the pending headings; a turned table takes a page.

        A blank line (one grid line) separates a table from the heading after
        it, as in the published reports.  A turned table carries its own
        heading on its page: a section heading still waiting (四、… with no
        text of its own) is set there, turned with the table, instead of
        being left alone at the foot of the page before.
        """
        name = self.table_titles.get(id(block))
        if isinstance(block, Rotated | GridTable) and name:
            # Under the heading that the pending list (or the last section) set.
            if (
                self.pending
                and isinstance(self.pending[0], TextBlock)
                and not self.pending[0].outline
            ):
                self.pending[0].outline = self.levels.entry(self.pending[0].plain_text, 0)
            block.outline = self.levels.entry(name, 1)
        if isinstance(block, Rotated):
            content = block.content
            if (
                isinstance(content, Stack)
                and self.pending
                and all(isinstance(p, TextBlock) for p in self.pending)
            ):
                heads = [
                    TextBlock(p.plain_text, evolve(p.style, indent=0, left=0), outline=p.outline)
                    for p in self.pending
                    if isinstance(p, TextBlock)
                ]
                turned = Stack([*heads, *content.parts[1:]])
                _, tall = turned.wrap(TYPE_HEIGHT - 1, TYPE_WIDTH)
                # Only headings that fit the turned page with the table go with it.
                if tall <= TYPE_WIDTH:
                    content.parts[:1] = heads
                    self.pending = []
            self.flush()
            self.story.append(block)
        else:
            if isinstance(block, GridTable):
                block.spaceAfter = BODY_LEADING
            self.add(block, min_follow=60)

    def attachment_notice(self, names: Sequence[str]) -> None:
        """附件说明 (7.3.4): a blank line, then 附件：1.×× with aligned continuations.

        A note the report's text printed replaces the generated one, word for
        word, so it is neither lost nor said twice.
        """
        st = self.styles.body
        if self.printed_notes:
            self.flush()
            self.closing.append(Spacer(1, BODY_LEADING))
            for note in self.printed_notes:
                self.closing.append(TextBlock(note, evolve(st, align="left")))
            return
        if not names:
            return
        label = tr(self.locale, ATTACHMENT) + ("：" if not is_english(self.locale) else ": ")
        lead = text_width(label, st.font, st.size, st.latin) + len(label) * st.char_space
        self.flush()
        self.closing.append(Spacer(1, BODY_LEADING))
        for i, name in enumerate(names):
            number = f"{i + 1}." if len(names) > 1 else ""
            if i == 0:
                self.closing.append(TextBlock(f"{label}{number}{name}", evolve(st, align="left")))
            else:
                self.closing.append(
                    TextBlock(
                        f"{number}{name}", evolve(st, align="left", left=st.indent + lead, indent=0)
                    )
                )

    def signature_date(self) -> str:
        """The date under the signature: 成文日期, else 发布日期; empty when neither is known."""
        dates = self.report.dates
        date = dates.written or dates.published
        if date is None:
            # A skeleton leaves the date for the office to fill in; a report
            # of its own states none, so none is printed.
            return tr(self.locale, BLANK_DATE) if needs_skeleton(self.report) else ""
        if self.options.date_numerals == "chinese" and not is_english(self.locale):
            return chinese_date(date)
        return format_date(date, self.locale)

    def signature(self) -> None:
        """署名 and date (GB/T 9704 7.3.5.2), see the module docstring."""
        st = self.styles.body
        unit = for_print(self.signer())
        date_text = self.signature_date()
        date = bool(date_text)
        cw = st.size + st.char_space
        unit_w = text_width(unit, st.font, st.size, st.latin) + len(unit) * st.char_space
        right = TYPE_WIDTH - 2 * cw
        date_w = (
            text_width(date_text, st.font, st.size, st.latin) + len(date_text) * st.char_space
            if date
            else 0.0
        )
        if date and date_w > unit_w - 2 * cw:
            date_x = right - date_w
            unit_x = date_x - 2 * cw
        else:
            unit_x = right - unit_w
            date_x = unit_x + 2 * cw
        lines: list[Flowable] = [Spacer(1, BODY_LEADING)]
        lines.append(TextBlock(unit, evolve(st, align="left", left=max(unit_x, 0), indent=0)))
        if date:
            lines.append(
                TextBlock(date_text, evolve(st, align="left", left=max(date_x, 0), indent=0))
            )
        self.flush()
        self.closing.extend(lines)
        # The closing never stands alone on a page: the end of the text goes with it.
        closing = Stack(self.closing)
        if self.story and not isinstance(self.story[-1], Rotated | PageBreak):
            self.story.append(TailGroup(self.story.pop(), closing, 2 * BODY_LEADING))
        else:
            self.story.append(closing)
        self.closing = []

    def attachment(self, number: int | None, title: str, blocks: Sequence[Flowable]) -> None:
        """An attachment on a new page: 附件 (with its number) at the top left, then its title."""
        st = self.styles
        self.flush()
        self.story.append(PageBreak())
        word = tr(self.locale, ATTACHMENT)
        if number is not None:
            word = f"{word}{number}" if not is_english(self.locale) else f"{word} {number}"
        sep = ": " if is_english(self.locale) else "："
        entry = self.levels.entry(f"{word}{sep}{title}", 0)
        self.story.append(TextBlock(word, st.attachment_label, outline=entry))
        self.story.append(Spacer(1, BODY_LEADING / 2))
        self.heading(TextBlock(title, st.table_title))
        self.heading(Spacer(1, BODY_LEADING / 2))
        for block in blocks:
            self.add(block, min_follow=60)
        self.flush()

    def statistics_attachment(self) -> tuple[str, list[Flowable]] | None:
        report = self.report
        if not is_template_driven(report):
            return None
        template, grid = legacy_grid(report, self.layout)
        title = tr(self.locale, template.title) + tr(self.locale, STATISTICS_YEAR).format(
            year=report.year
        )
        blocks: list[Flowable] = [GridTable(grid)]
        contact = self.contact_lines()
        if contact:
            blocks += [Spacer(1, 6), contact]
        if self.options.charts:
            blocks += self.chart(
                CHANNEL_CHART, UNIT_ITEMS, charts.channel_items(report, self.locale)
            )
        return title, blocks

    def contact_lines(self) -> Flowable | None:
        report = self.report
        sep = "：" if not is_english(self.locale) else ": "
        items = contact_items(report.contact, report.dates.filled, self.locale)
        parts = [f"{label}{sep}{value}" for label, value in items]
        if not parts:
            return None
        return TextBlock("    ".join(parts), self.styles.note)

    def breakdown_attachment(self) -> tuple[str, list[Flowable]] | None:
        report = self.report
        if not report.parts:
            return None
        title, grids, items = breakdown_grids(report, self.layout)
        blocks: list[Flowable] = []
        for grid in grids:
            if blocks:
                blocks.append(Spacer(1, 12))
            blocks.append(GridTable(grid))
        if self.options.charts and items:
            legacy = is_template_driven(report)
            msgid = UNIT_CHART_LEGACY if legacy else UNIT_CHART
            blocks += self.chart(msgid, UNIT_ITEMS if legacy else UNIT_APPLICATIONS, items)
        return title, blocks

    def chart(
        self, title: str, unit: str, items: Sequence[tuple[str, charts.Number | None]]
    ) -> list[Flowable]:
        """A chart with its caption under it (图1 … （单位：件）), numbered in document order."""
        if not items:
            return []
        drawings = charts.bar_charts(items, self.styles, self.locale)
        self.figures += 1
        caption = charts.chart_caption(
            self.figures, tr(self.locale, title), tr(self.locale, unit), items, self.locale
        )
        style = evolve(self.styles.note, align="center")
        # Every value blank: no bars, but the caption says what was left out.
        blocks: list[Flowable] = [*drawings, Spacer(1, 4)] if drawings else []
        blocks += [TextBlock(line, style) for line in caption]
        stack = Stack(blocks)
        stack.spaceAfter = BODY_LEADING / 2  # apart from the heading that follows
        return [Spacer(1, 12), stack]


def build_story(report: Report, styles: Styles, options: StoryOptions) -> list[Flowable]:
    """Every flowable of the document, in order."""
    b = _Builder(report, styles, options)
    b.title()
    b.body()
    attachments = [a for a in (b.statistics_attachment(), b.breakdown_attachment()) if a]
    b.attachment_notice([title for title, _ in attachments])
    b.signature()
    for i, (title, blocks) in enumerate(attachments):
        b.attachment(i + 1 if len(attachments) > 1 else None, title, blocks)
    b.flush()
    return b.story
