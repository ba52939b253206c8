"""The errors a Python caller meets speak both locales, with a code and a path."""

from __future__ import annotations

import pickle
import re
from collections.abc import Callable
from decimal import Decimal

import pytest

import govdisclosure as gd
from govdisclosure.editions import EDITIONS, UnknownEditionError
from govdisclosure.errors import FieldTypeError, FieldValueError, LocalizedError
from govdisclosure.i18n import UnknownLocaleError, normalize_locale
from govdisclosure.registry import UnknownTemplateError
from govdisclosure.rendering import (
    RenderError,
    UnknownOptionError,
    UnknownRendererError,
    UnsupportedEditionError,
    get_renderer,
)

HAN = re.compile(r"[\u4e00-\u9fff]")


def _bad_cell() -> None:
    gd.ApplicantRow(natural_person=-5)


def _bad_money() -> None:
    gd.Table2_2021(fees=5)  # type: ignore[arg-type]


def _bad_year() -> None:
    gd.Report2021(unit=gd.ReportingUnit(name="清河市"), year="2024")  # type: ignore[arg-type]


def _bad_label() -> None:
    gd.Table3_2021(printed_labels={"results.granted": "长" * 201})


def _unknown_renderer() -> None:
    gd.render(gd.blank_report("2021", 2024, "清河市"), "nope")


def _unknown_option() -> None:
    gd.render(gd.blank_report("2021", 2024, "清河市"), "markdown", colour="red")


def _unknown_edition_blank() -> None:
    gd.blank_report("2030", 2030, "清河市")


def _unknown_edition() -> None:
    EDITIONS["2030"]


def _unknown_template() -> None:
    gd.find_template("no-such-template")


def _unknown_locale() -> None:
    normalize_locale("fr")


#: (call, the built-in type it always raised, code, path, a word of the English,
#: a word of the Chinese)
CASES: list[tuple[Callable[[], None], type[Exception], str, str | None, str, str]] = [
    (
        _bad_cell,
        ValueError,
        "cell-value",
        "ApplicantRow.natural_person",
        "expected a count",
        "应为",
    ),
    (_bad_money, ValueError, "cell-value", "Table2_2021.fees", "Decimal", "非负"),
    (_bad_year, TypeError, "field-type", "Report2021.year", "a whole number", "整数"),
    (
        _bad_label,
        ValueError,
        "label-too-long",
        "Table3_2021.printed_labels['results.granted']",
        "200",
        "200",
    ),
    (_unknown_renderer, LookupError, "unknown-renderer", None, "unknown renderer 'nope'", "未知"),
    (_unknown_option, RenderError, "unknown-option", None, "unknown option 'colour'", "未知选项"),
    (_unknown_edition_blank, ValueError, "unknown-edition", None, "unknown edition '2030'", "未知"),
    (_unknown_edition, KeyError, "unknown-edition", None, "unknown edition '2030'", "未知"),
    (_unknown_template, KeyError, "unknown-template", None, "unknown template", "未知"),
    (_unknown_locale, ValueError, "unknown-locale", None, "unknown locale 'fr'", "未知"),
]


@pytest.mark.parametrize("case", CASES, ids=[c[2] + ":" + c[0].__name__ for c in CASES])
def test_the_error_speaks_both_locales(
    case: tuple[Callable[[], None], type[Exception], str, str | None, str, str],
) -> None:
    call, builtin, code, path, english, chinese = case
    with pytest.raises(builtin) as info:
        call()
    error = info.value
    assert isinstance(error, LocalizedError)
    assert error.code == code
    assert error.path == path
    zh, en = error.render("zh_Hans_CN"), error.render("en")
    assert HAN.search(zh) and chinese in zh, zh
    assert not HAN.search(en.replace("长", "")) and english in en, en
    if path is not None:
        assert zh.startswith(path + "：") and en.startswith(path + ": ")
    # str(): the Chinese text, then the English, as LoadError's.
    assert str(error) == zh + "\n" + en
    # Pickled by its parts (a worker process's error reaches the caller as itself).
    again = pickle.loads(pickle.dumps(error))
    assert type(again) is type(error)
    assert (again.code, again.path, str(again)) == (code, path, str(error))


def test_a_cell_error_keeps_what_was_expected_and_found() -> None:
    with pytest.raises(FieldValueError) as info:
        gd.ApplicantRow(natural_person=Decimal("1.5"))  # type: ignore[arg-type]
    assert info.value.found == "Decimal('1.5')"
    assert info.value.render("zh_Hans_CN") == (
        "ApplicantRow.natural_person：应为 0 至 1000000000000000 之间的整数、None（空白）"
        "或 NotApplicable，实际为 Decimal('1.5')"
    )
    with pytest.raises(FieldTypeError) as unit:
        gd.Report2021(unit="清河市", year=2024)  # type: ignore[arg-type]
    assert unit.value.render("en") == "Report2021.unit: expected a ReportingUnit, got '清河市'"


def test_the_old_attributes_stay() -> None:
    with pytest.raises(UnknownRendererError) as renderer:
        gd.render(gd.blank_report("2021", 2024, "清河市"), "nope")
    assert renderer.value.name == "nope" and "markdown" in renderer.value.available
    with pytest.raises(UnknownEditionError) as edition:
        EDITIONS["2030"]
    assert edition.value.args == ("2030",) and edition.value.edition == "2030"
    with pytest.raises(UnknownTemplateError) as template:
        gd.find_template("no-such-template")
    assert template.value.args == ("no-such-template",)
    with pytest.raises(UnknownLocaleError) as locale:
        normalize_locale("fr")
    assert locale.value.locale == "fr"
    with pytest.raises(UnknownOptionError) as option:
        _unknown_option()
    assert (option.value.key, option.value.renderer) == ("colour", "markdown")


def test_an_edition_a_renderer_does_not_support_is_said_in_both_locales() -> None:
    renderer = get_renderer("markdown")
    error = UnsupportedEditionError(renderer, "2030")
    assert error.code == "unsupported-edition" and error.edition == "2030"
    assert error.render("en").startswith("renderer 'markdown' does not support the '2030' edition")
    assert error.render("zh_Hans_CN").startswith("渲染插件 'markdown' 不支持 '2030' 版报告格式")
