"""Message catalogs: complete for every label and message, and strict about locales.

The collection is the one ``scripts/update_catalogs.py`` runs, so a label
added to a table definition, a template row, or a ``gettext(locale, "...")``
call anywhere in ``src/`` or a plugin fails this test until both catalogs
translate it.
"""

from __future__ import annotations

import importlib.util
import re
import string
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

import govdisclosure as gd
from govdisclosure import i18n
from govdisclosure.errors import LoadError, Problem
from govdisclosure.i18n import (
    LOCALES,
    CatalogMissingError,
    UnknownLocaleError,
    gettext,
    load_catalog,
    ngettext,
    normalize_locale,
    spaced,
)
from govdisclosure.registry import describe, find_template
from locations import ROOT

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def _load_script() -> ModuleType:
    path = ROOT / "scripts" / "update_catalogs.py"
    spec = importlib.util.spec_from_file_location("update_catalogs", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("update_catalogs", module)
    spec.loader.exec_module(module)
    return module


update_catalogs = _load_script()
MESSAGES: dict[str | tuple[str, ...], list[str]] = update_catalogs.collect()


def _singular(msgid: str | tuple[str, ...]) -> str:
    return msgid[0] if isinstance(msgid, tuple) else msgid


def _translation(locale: str, msgid: str | tuple[str, ...]) -> tuple[str, ...] | None:
    message = load_catalog(locale).get(msgid)
    if message is None or message.fuzzy:
        return None
    value = message.string
    strings = tuple(value) if isinstance(value, (tuple, list)) else (value or "",)
    return strings if all(strings) else None


# -- completeness ---------------------------------------------------------------------


@pytest.mark.parametrize("locale", LOCALES)
def test_every_collected_message_is_translated(locale: str) -> None:
    missing = [_singular(m) for m in MESSAGES if _translation(locale, m) is None]
    assert missing == [], (
        f"{len(missing)} message ids lack a {locale} translation; "
        "run scripts/update_catalogs.py and fill them in"
    )


def _labels_of_editions() -> Iterator[str]:
    """Labels as users of the introspection API see them (a second route)."""
    for edition in ("2021", "2019"):
        variants = [None, *(v.id for v in gd.EDITIONS[edition].variants)]
        for variant in variants:
            for table in describe(edition, variant=variant):
                yield table.title
                for row in table.rows:
                    yield row.label
                    if row.block:
                        yield row.block
                    if row.unit:
                        yield row.unit
                    for column in row.columns:
                        yield column.label
                        if column.group:
                            yield column.group
                        if column.unit:
                            yield column.unit
        yield from gd.EDITIONS[edition].section_headings
    for template_id in ("national-2016", "fujian-2011"):
        template = find_template(template_id)
        yield template.title
        yield from (c.label for c in template.columns)
        for template_row in template.rows:
            yield template_row.label
            if template_row.unit:
                yield template_row.unit


def test_introspected_labels_are_collected_and_translated() -> None:
    labels = set(_labels_of_editions())
    assert labels <= set(MESSAGES)
    for label in labels:
        assert gettext("zh_Hans_CN", label) == label
        english = gettext("en", label)
        assert english != label and not _CJK.search(english), label


def test_the_collection_covers_every_kind_of_source() -> None:
    assert "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" in MESSAGES
    assert "申请人情况" in MESSAGES  # ApplicantRow.header
    assert "一、总体情况" in MESSAGES  # SECTION_HEADINGS
    assert "万元" in MESSAGES  # a unit
    assert "Cannot read report" in MESSAGES  # gettext(locale, "...") in errors.py
    assert 'a date as "YYYY-MM-DD"' in MESSAGES  # a Problem's expected text in codec.py
    assert "{amount} {unit}" in MESSAGES  # N_("...")


def test_english_translations_hold_no_chinese_and_keep_placeholders() -> None:
    formatter = string.Formatter()
    for msgid in MESSAGES:
        text = _singular(msgid)
        forms = msgid if isinstance(msgid, tuple) else (msgid,)
        fields = {f for form in forms for _, f, _, _ in formatter.parse(form) if f}
        for locale in LOCALES:
            translated = _translation(locale, msgid)
            assert translated is not None, (locale, text)
            for form in translated:
                used = {f for _, f, _, _ in formatter.parse(form) if f}
                if isinstance(msgid, tuple):
                    # Both forms are given every field (click's "Takes
                    # {nargs} values but 1 was given." / "... {len} were
                    # given."): a form uses some of them, nothing else.
                    assert (used and used <= fields) or not fields, (locale, text)
                else:
                    assert used == fields, (locale, text)
        english = _translation("en", msgid)
        assert english is not None
        if update_catalogs.is_chinese(text):  # an official label, not an English sentence
            assert not any(_CJK.search(form) for form in english), text


def test_official_labels_are_their_own_chinese_text() -> None:
    for msgid in MESSAGES:
        text = _singular(msgid)
        if update_catalogs.is_chinese(text):
            assert gettext("zh_Hans_CN", text) == text


def test_marked_strings_are_found_only_as_literals() -> None:
    source = """
gettext(locale, "Literal")
gettext(locale, "Joined " "literal")
gettext(locale, f"Computed {x}")
gettext(locale, "one of " + ", ".join(names))
gettext(locale, msgid=variable)
ngettext(locale, "{n} row", "{n} rows", n)
i18n.gettext("en", msgid="Keyword")
N_("Marked")
Problem("$", "Expected text", found)
"""
    found = [m for m, _ in update_catalogs.marked_strings(source)]
    assert found == [
        "Literal",
        "Joined literal",
        ("{n} row", "{n} rows"),
        "Keyword",
        "Marked",
        "Expected text",
    ]


def test_update_check_passes_on_the_committed_catalogs(capsys: pytest.CaptureFixture[str]) -> None:
    assert update_catalogs.main(["--check"]) == 0
    out = capsys.readouterr().out
    assert "without translation" in out and "missing translation" not in out


def test_an_english_id_copied_into_the_chinese_catalog_counts_as_missing() -> None:
    from babel.messages.catalog import Catalog

    chinese = Catalog(locale="zh_Hans_CN")
    chinese.add("{label}:", "{label}:")  # copied: the colon is still ASCII
    chinese.add("{count} files", "{count} 个文件")
    chinese.add("HTTP {status} {reason}", "HTTP {status} {reason}")  # the same in Chinese
    chinese.add("申请人情况", "申请人情况")  # an official label is its own text
    assert update_catalogs.missing(chinese) == ["{label}:"]
    english = Catalog(locale="en")
    english.add("{label}:", "{label}:")
    assert update_catalogs.missing(english) == []


# -- lookups --------------------------------------------------------------------------


def test_gettext_in_both_locales() -> None:
    assert gettext("zh_Hans_CN", "（七）总计") == "（七）总计"
    assert gettext("en", "（七）总计") == "(7) Total"
    assert gettext("en", "万元") == "10,000 CNY"
    assert gettext("zh_Hans_CN", "Cannot read report") == "无法读取报告"
    assert gettext("en", "Cannot read report") == "Cannot read report"
    # A message id no catalog has is shown as it is, as gettext does.
    assert gettext("en", "Not in any catalog") == "Not in any catalog"


def test_ngettext_follows_each_locales_plural_rules() -> None:
    assert ngettext("en", "{n} row", "{n} rows", 1) == "{n} row"
    assert ngettext("en", "{n} row", "{n} rows", 2) == "{n} rows"


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("zh_Hans_CN", "zh_Hans_CN"),
        ("zh_CN", "zh_Hans_CN"),
        ("zh-CN", "zh_Hans_CN"),
        ("zh", "zh_Hans_CN"),
        ("zh_Hans", "zh_Hans_CN"),
        ("en", "en"),
        ("en_US", "en"),
        ("en-GB", "en"),
    ],
)
def test_locale_variants_are_normalised(given: str, expected: str) -> None:
    assert normalize_locale(given) == expected
    assert gettext(given, "（一）予以公开") == gettext(expected, "（一）予以公开")


@pytest.mark.parametrize("bad", ["fr", "zh_TW", "zh_Hant", "de_DE", "", "  ", "not a locale", "xx"])
def test_unknown_locale_raises(bad: str) -> None:
    with pytest.raises(UnknownLocaleError) as info:
        gettext(bad, "Cannot read report")
    assert isinstance(info.value, ValueError)
    assert "zh_Hans_CN" in str(info.value)


def test_missing_catalog_raises_instead_of_falling_back(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    def nowhere(locale: str) -> Path:
        return tmp_path / normalize_locale(locale) / "govdisclosure.po"

    monkeypatch.setattr(i18n, "catalog_path", nowhere)
    i18n.load_catalog.cache_clear()
    i18n._translations.cache_clear()
    try:
        with pytest.raises(CatalogMissingError):
            gettext("en", "Cannot read report")
    finally:
        monkeypatch.undo()
        i18n.load_catalog.cache_clear()
        i18n._translations.cache_clear()
    assert gettext("en", "（七）总计") == "(7) Total"


def test_load_errors_render_in_either_locale() -> None:
    error = LoadError([Problem("$.year", "a whole number", "'2024'")], "report.json")
    assert error.render("en") == (
        "report.json: Cannot read report (1)\n  $.year: expected a whole number; found '2024'"
    )
    assert error.render("zh_Hans_CN") == (
        "report.json: 无法读取报告（1）\n  $.year: 应为整数；实际为 '2024'"
    )


@pytest.mark.parametrize(
    ("expected", "found", "zh"),
    [
        ("a whole number", "", "应为整数"),
        ("a file that exists", "", "应为存在的文件（找不到该文件）"),
        ("a JSON object", "", "应为 JSON 对象"),
        ("true or false", "2", "应为 true 或 false；实际为 2"),
        ('a date as "YYYY-MM-DD"', "'x'", "应为 \"YYYY-MM-DD\" 格式的日期；实际为 'x'"),
        ("a readable file", "找不到文件", "应为可读取的文件；实际为找不到文件"),
    ],
)
def test_what_was_expected_is_spaced_by_what_it_begins_with(
    expected: str, found: str, zh: str
) -> None:
    """Chinese puts no space between Chinese words ("应为 存在的文件" was
    wrong) and one between Chinese and Latin text ("应为 JSON 对象")."""
    assert Problem("$", expected, found).describe("zh_Hans_CN") == zh
    english = Problem("$", expected, found).describe("en")
    assert english.startswith(f"expected {expected}")


def test_spaced_joins_chinese_and_spaces_latin_only_at_its_values() -> None:
    template = "{cell}为{value}，不是{other}（{note}）"
    assert spaced("zh_Hans_CN", template, cell="合计", value=12, other="x y", note="n") == (
        "合计为 12，不是 x y（n）"
    )
    assert spaced("zh_Hans_CN", "{a}比{b}多", a="abc", b="天") == "abc 比天多"
    assert spaced("zh_Hans_CN", "第{n:>3}行 {{字}}", n=5) == "第  5 行 {字}"  # a padded value
    assert spaced("zh_Hans_CN", "文 {x} 字", x="A") == "文 A 字"  # the template's own spaces
    assert spaced("en", "{a}为{b}", a="abc", b="x") == "abc为x"  # other locales: as formatted


def test_a_list_of_cells_in_a_finding_uses_each_locales_list_punctuation() -> None:
    """A relation that cannot be checked lists its blank cells; Chinese text
    separates them with the full-width ``；``, as the sentence around them
    does, English with ``; `` (the pre-2019 example has such relations)."""
    report = gd.load(ROOT / "examples" / "yuxi-2017.json")
    listed = [f for f in gd.validate(report) if f.rule == "legacy.sum" and f.severity == "notice"]
    assert listed
    zh = listed[0].message("zh_Hans_CN")
    en = listed[0].message("en")
    assert "1 / 统计数；2 / 统计数；3 / 统计数；4 / 统计数" in zh
    assert "; " not in zh
    assert "1 / Figure; 2 / Figure; 3 / Figure; 4 / Figure" in en
