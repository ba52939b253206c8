"""The report's text: title, unit, year, dates, preamble and numbered sections.

Read from what the page prints and nothing else: a fact the page does not
print stays unknown.  Section headings are paragraphs that begin with a
Chinese numeral and 、 (一、总体情况) and are short; sub-headings begin with
（一）.  A heading printed in the same paragraph as its first sentence
(（一）强化组织领导。为确保…) is a sub-section with that sentence as its
first paragraph: the heading is the text up to the first full stop.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from functools import cache

from attrs import frozen

from govdisclosure.formatting import BLANK_LEGEND, FILLED
from govdisclosure.i18n import gettext
from govdisclosure.report_base import CONTACT_LABELS, Section

from .text import clean
from .traditional import simplified, without_readings

__all__ = ["Narrative", "is_page_number", "read_narrative"]

_SECTION = re.compile(r"^[一二三四五六七八九十]{1,2}、")
_SUBSECTION = re.compile(r"^[（(][一二三四五六七八九十]{1,2}[）)]")
_DATE = re.compile(
    r"(\d{4}|[〇○零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日"
)
_PERIOD = re.compile(
    r"(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|－|-|—)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日"
)
_YEAR = re.compile(r"(\d{4})\s*年")
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
MAX_HEADING = 40


@frozen
class Narrative:
    title: str | None
    unit: str | None
    year: int | None
    written: dt.date | None
    published: dt.date | None
    #: Both dates, ``(None, None)`` when stated without its dates, or
    #: ``None`` when the text states no period.
    period: StatedPeriod | None
    signed_by: str | None
    preamble: tuple[str, ...]
    sections: tuple[Section, ...]
    #: A period sentence's clause as printed when its dates cannot be read
    #: ("…统计期限自2020年1月1日起至202020年12月31日止"): the period is left
    #: unknown and the import says so.
    period_unread: str | None = None
    #: The line under the statistics table, by :class:`~govdisclosure.report_base.Contact`
    #: field ("filing_unit": "玉溪市人民政府办公室", …); empty where none is printed.
    contact: tuple[tuple[str, str], ...] = ()
    #: 填报日期 printed on that line.
    filled: dt.date | None = None


def _cn_number(text: str) -> int:
    if text.isdigit():
        return int(text)
    if all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    # 十, 十二, 二十, 二十一 (months and days)
    tens, _, units = text.partition("十")
    if "十" not in text:
        return _CN_DIGITS.get(text, 0)
    return (_CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (
        _CN_DIGITS.get(units, 0) if units else 0
    )


def parse_date(text: str) -> dt.date | None:
    """A date printed as 2022年1月7日 or 二○一○年四月十日, if the text is one."""
    m = _DATE.search(text)
    if not m:
        return None
    try:
        return dt.date(_cn_number(m.group(1)), _cn_number(m.group(2)), _cn_number(m.group(3)))
    except ValueError:
        return None


def _heading_split(text: str) -> tuple[str, str | None]:
    """A sub-heading run into its first sentence: (heading, rest)."""
    for stop in ("。", "：", ":"):
        i = text.find(stop)
        if 0 < i <= MAX_HEADING:
            rest = text[i + 1 :].strip()
            return text[: i + (1 if stop == "。" else 0)].strip(), rest or None
    return text, None


#: The report's name after the unit: …政府信息公开工作年度报告, its short name
#: …信息公开年报, or worded otherwise (…政府信息公开工作情况报告, …政府信息公开
#: 情况的报告): all from 信息公开 or 政务公开 on.  The 政府 of 人民政府 is the
#: unit's own (某县人民政府信息公开工作年度报告).
_REPORT_NAME = re.compile(r"(?:(?<!人民)政府)?(?:信息公开|政务公开).*$")
#: What a title may print between the unit and the year, never the unit's:
#: 关于 (…局关于2021年度政府信息公开情况的报告), the report's name
#: (…局政府信息公开工作2022年度情况的报告).
_BEFORE_YEAR = re.compile(r"(?:(?:(?<!人民)政府)?(?:信息公开|政务公开)(?:工作)?)?(?:关于)?$")
#: A year printed straight before the report's name with its 年 left out
#: (西藏自治区政府国资委2020政府信息公开工作年度报告).
_BARE_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?=\s*(?:政府)?(?:信息公开|政务公开))")


def title_facts(title: str | None) -> tuple[int | None, str | None]:
    """The year and the unit a title names: 平潭综合实验区2023年度政府信息公开工作年度报告
    gives (2023, "平潭综合实验区"); 2019年上海市人民政府办公厅政府信息公开工作年度报告
    gives (2019, "上海市人民政府办公厅"); a year printed without its 年 straight
    before the report's name is read too (…国资委2020政府信息公开工作年度报告).
    The words are matched in their simplified forms (a title in traditional
    characters), the unit kept as printed but for the readings a copy site's
    converter puts after some characters (二酉苗族鄉(xiāng)人民政府 is
    二酉苗族鄉人民政府): a reading is no part of the name."""
    if not title:
        return None, None
    # The readings taken out first: a name with one is the name without it.
    title = without_readings(title)
    # One character for one: positions in the simplified text are the title's.
    plain = simplified(title)
    m = _YEAR.search(title) or _BARE_YEAR.search(plain)
    if not m:
        return None, _unit_without_year(title, plain)
    before = plain[: m.start()]
    end = len(before.rstrip())
    if end:
        cut = _BEFORE_YEAR.search(before[:end])
        unit = title[: cut.start() if cut else end].strip()
    else:
        start = m.end() + (1 if plain[m.end() : m.end() + 1] == "度" else 0)
        name = _REPORT_NAME.search(plain, start)
        unit = title[start : name.start() if name else len(title)].strip()
    return int(m.group(1)), unit or None


#: The report's name as a title ends with it (…信息公开工作年度报告, …政务公开年报).
_REPORT_TITLE_END = re.compile(r"(政府)?(信息公开|政务公开)(工作)?((年度)?报告|年报)")


def _unit_without_year(title: str, plain: str) -> str | None:
    """The unit a title names that prints no year: the words before the
    report's name when the title ends with it (乌海市工业和信息化局政府信息
    公开工作年度报告, a report of 2020 that says its year only in its period).
    Words with a figure in them are no unit (a misprinted year, a telephone
    number: the title is then read for nothing)."""
    end = _REPORT_TITLE_END.search(plain)
    if end is None or end.end() != len(plain.rstrip()):
        return None
    name = _REPORT_NAME.search(plain)
    stop = name.start() if name else end.start()
    unit = title[: len(plain[:stop].removesuffix("关于"))].strip()
    if not unit or any(ch.isdigit() for ch in unit):
        return None
    return unit


def reads_as_title(text: str) -> bool:
    """A line that names a year and the report after it (平潭县公安局2009年度政府信息公开工作年度报告,
    …信息公开年报) and holds no sentence: a report's title, whatever its type."""
    return (
        bool(_YEAR.search(text) and _REPORT_TITLE_END.search(text))
        and not any(mark in text for mark in ("。", "；", "：", ":"))
        and not text.endswith("，")
    )


def starts_section(text: str) -> bool:
    """A line that starts one of the report's numbered sections (一、…)."""
    return bool(_SECTION.match(text))


def _looks_signature(text: str, unit: str | None, title: str | None) -> bool:
    """A last short line naming the unit, with no sentence end: the signature."""
    if len(text) > 30 or text.endswith(("。", "；", "：")) or _SECTION.match(text):
        return False
    return bool(unit and unit in text) or bool(title and text in title)


#: Fact lines a page may print before the text ("统计期限：2021年1月1日至2021年12月31日").
_FACT = re.compile(
    r"^(报告单位|报告年度|统计期限|成文日期|填报日期|发布日期)\s*[:：]\s*(.*)$", re.S
)


def _facts(paras: list[str]) -> dict[str, str]:
    """Leading fact lines, taken off ``paras``."""
    out: dict[str, str] = {}
    while paras:
        m = _FACT.match(paras[0])
        if not m or m.group(1) in out:
            break
        out[m.group(1)] = m.group(2).strip()
        paras.pop(0)
    return out


class _Open:
    """A section being read: heading, paragraphs, sub-sections (heading, paragraphs)."""

    def __init__(self, heading: str) -> None:
        self.heading = heading
        self.paragraphs: list[str] = []
        self.subs: list[tuple[str, list[str]]] = []

    def add(self, text: str) -> None:
        (self.subs[-1][1] if self.subs else self.paragraphs).append(text)

    def build(self) -> Section:
        return Section(
            heading=self.heading,
            paragraphs=self.paragraphs,
            subsections=[Section(heading=h, paragraphs=p) for h, p in self.subs],
        )


#: A period sentence printed with its dates left out, a template not filled
#: in: "本报告所列数据的统计期限自至。" (also 从…到, 为…至, with 起 and 止, and
#: "自 年 月 日起至 年 月 日止" with the figures left out).
_EMPTY_PERIOD = re.compile(
    r"统计(?:期限|时限|期间|时间)(?:为|是)?(?:自|从)?(?:年月日)?起?(?:至|到|－|-|—)(?:年月日)?止?(?:[。，,；;]|$)"
)

#: The period as the text states it: both dates, or ``(None, None)`` for a
#: period sentence with its dates left out.
StatedPeriod = tuple[dt.date, dt.date] | tuple[None, None]


#: A clause stating the statistics period with both ends (统计期限…至…), up to
#: the end of its sentence: where it holds a figure and :data:`_PERIOD` reads
#: no dates in it, its dates are misprinted.
_PERIOD_CLAUSE = re.compile(r"统计(?:期限|时限|期间|时间)[^。；;]*?\d[^。；;]*?(?:至|到)[^。；;]*")


def _unread_period(text: str) -> str | None:
    """The first period clause of ``text`` whose dates cannot be read, as printed."""
    for m in _PERIOD_CLAUSE.finditer(text):
        if not _PERIOD.search(clean(m.group())):
            return m.group().strip()
    return None


def _period(text: str) -> StatedPeriod | None:
    cleaned = clean(text)
    m = _PERIOD.search(cleaned)
    if not m:
        return (None, None) if _EMPTY_PERIOD.search(cleaned) else None
    try:
        start = dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        end = dt.date(int(m.group(4) or m.group(1)), int(m.group(5)), int(m.group(6)))
    except ValueError:
        return None
    return start, end


#: The labels of the line the form prints under the statistics table
#: (填报单位：… 单位负责人：… 联系电话：…), with 填报日期, by field.
_CONTACT_FIELDS = {label: name for name, label in CONTACT_LABELS} | {FILLED: "filled"}
#: A label may be broken by white space where a PDF's line ends ("联\n系电话").
_CONTACT_PAIR = re.compile(
    r"\s*("
    + "|".join(r"\s*".join(label) for label in sorted(_CONTACT_FIELDS, key=len, reverse=True))
    + r")\s*[:：]\s*"
)


def _contact_line(text: str) -> dict[str, str] | None:
    """The fields of a contact line, or None if ``text`` is anything else
    (it must start with one of the labels and hold nothing but label: value pairs)."""
    pairs = list(_CONTACT_PAIR.finditer(text))
    if not pairs or pairs[0].start() != 0 or "。" in text:
        return None  # a sentence of the text naming a phone number, say
    out: dict[str, str] = {}
    for m, after in zip(pairs, [*pairs[1:], None], strict=True):
        value = text[m.end() : after.start() if after else len(text)].strip()
        name = _CONTACT_FIELDS["".join(m.group(1).split())]
        if name in out:
            return None
        if value:
            # A value a line break cut ("联\n系电话") keeps no break.
            out[name] = "".join(value.split()) if name == "phone" else value
    return out


@cache
def _legends() -> frozenset[str]:
    """The legend our own renderers print under the tables (theirs, not the
    report's), in every locale; read from the catalogs when first needed."""
    return frozenset(clean(gettext(locale, BLANK_LEGEND)) for locale in ("zh_Hans_CN", "en"))


def _is_caption(text: str) -> bool:
    """An attachment's or a table's caption ("附件：信息公开附表.xls", "附表：",
    "政府信息公开情况统计表"): no sentence of the report's text."""
    words = clean(text)
    if len(words) > 40 or words.endswith(("。", "；")):
        return False
    return text.startswith("附") or words.endswith("表")


def _tail(paras: list[str], contact: dict[str, str], *, captions: bool) -> None:
    """Take off the end of ``paras`` the contact line (its fields go into
    ``contact``) and, with ``captions``, the captions of attachments and tables."""
    while paras:
        line = _contact_line(paras[-1])
        if line is not None and not (line.keys() & contact.keys()):
            contact |= line
        elif not (captions and _is_caption(paras[-1])):
            break
        paras.pop()


def is_page_number(text: str) -> bool:
    """A page's number as printed in its footer: "3", "- 3 -", "— 3 —",
    "第3页", "3/7" (a PDF's lines; a Word file saved as a web page keeps
    its footers as paragraphs)."""
    return _page_number_words(clean(text))


def _page_number_words(words: str) -> bool:
    """:func:`is_page_number` of a text already :func:`.text.clean`."""
    s = words.strip("-—–－·")
    if s.startswith("第") and s.endswith("页"):
        s = s[1:-1]
    return (s.isdigit() and len(s) <= 4) or (s.count("/") == 1 and s.replace("/", "").isdigit())


def _is_footer(words: str) -> bool:
    """A page number set off as a footer ("— 3 —", "第3页"): a bare number
    in a web page's text may be the text's own.  ``words``: the text
    :func:`.text.clean` (a paragraph is cleaned once for every test)."""
    return _page_number_words(words) and not words.isdigit()


def read_narrative(
    paragraphs: Sequence[str], title: str | None, published: dt.date | None
) -> Narrative:
    """Split the body's paragraphs (tables taken out) into the narrative."""
    # Our renderers' legend under each table is theirs, not the report's; page
    # footers of a Word file saved as a web page are no text either.
    legends = _legends()
    paras: list[str] = []
    for p in paragraphs:
        stripped = p.strip()
        if stripped:
            words = clean(p)
            if words not in legends and not _is_footer(words):
                paras.append(stripped)
    # A title repeated at the top of the body is not a paragraph.
    while paras and title and clean(paras[0]) and clean(title).startswith(clean(paras[0])):
        paras.pop(0)
    # After the signature: captions of attachments ("附表：", "附件：信息公开附表.xls"),
    # of tables, and the contact line printed under the statistics table.
    contact: dict[str, str] = {}
    _tail(paras, contact, captions=True)
    facts = _facts(paras)
    year, unit = title_facts(title)
    if "报告年度" in facts:
        m = _YEAR.search(facts["报告年度"] + "年")
        year = int(m.group(1)) if m else year
    unit = facts.get("报告单位") or unit
    written = parse_date(facts["成文日期"]) if "成文日期" in facts else None
    if "发布日期" in facts:
        published = parse_date(facts["发布日期"]) or published
    signed_by = None
    if paras and parse_date(paras[-1]) is not None and len(clean(paras[-1])) <= 14:
        written = parse_date(paras.pop()) or written
        if (
            paras
            and len(paras[-1]) <= 30
            and not _SECTION.match(paras[-1])
            and not paras[-1].endswith("。")
        ):
            signed_by = paras.pop()
    elif paras and _looks_signature(paras[-1], unit, title):
        signed_by = paras.pop()
    # The contact line may stand before the signature (a 2021 report's has no
    # statistics table at the end to follow); an attachment note there is the
    # text's own (GB/T 9704 puts it between the text and the signature).
    _tail(paras, contact, captions=False)
    filled = parse_date(contact.pop("filled")) if "filled" in contact else None
    preamble: list[str] = []
    sections: list[_Open] = []
    for p in paras:
        if _SECTION.match(p) and len(p) <= MAX_HEADING:
            sections.append(_Open(p))
        elif _SUBSECTION.match(p) and sections:
            heading, rest = _heading_split(p)
            sections[-1].subs.append((heading, [rest] if rest else []))
        elif sections:
            sections[-1].add(p)
        else:
            preamble.append(p)
    period = _period(facts.get("统计期限", "")) or _period("".join(paras))
    unread = None
    if period is None:
        unread = _unread_period(facts.get("统计期限", "")) or _unread_period("".join(paras))
    if year is None and period is not None and period[1] is not None:
        year = period[1].year
    return Narrative(
        title=title,
        unit=unit,
        year=year,
        written=written,
        published=published,
        period=period,
        period_unread=unread,
        signed_by=signed_by,
        preamble=tuple(preamble),
        sections=tuple(s.build() for s in sections),
        contact=tuple(contact.items()),
        filled=filled,
    )
