"""The generated JSON Schema accepts what the codec writes and rejects what it refuses.

The oracle is twofold: the ``jsonschema`` package (Draft 2020-12 validator
with format checking) decides what the schema accepts, and
:func:`govdisclosure.loads` decides what the library accepts.  They must
agree on every report we generate, every example shipped, and every kind of
bad value.
"""

from __future__ import annotations

import copy
import datetime as dt
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import attrs
import jsonschema
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure.cells import MAX_STORED, NA_MARKS, NotApplicable
from govdisclosure.editions import EDITIONS
from govdisclosure.editions.applications import ApplicantRow
from govdisclosure.editions.legacy import ReportLegacy, StatisticsTable
from govdisclosure.flat import shape_of
from govdisclosure.registry import UnknownTemplateError
from govdisclosure.report_base import ReportDates, ReportingUnit, Section, UnitKind
from govdisclosure.schema import COLUMN_KEY_PATTERN, ROW_CODE_PATTERN, json_schema
from govdisclosure.templates import builtin_templates
from locations import ROOT

EXAMPLES = sorted((ROOT / "examples").glob("**/*.json"))
TEMPLATES = sorted(builtin_templates())


@cache
def validator(edition: str, template: str | None = None) -> jsonschema.Draft202012Validator:
    schema = json_schema(edition, template=template)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


def schema_errors(data: Any, template: str | None = None) -> list[str]:
    edition = data.get("edition") if isinstance(data, dict) else None
    v = validator(edition if edition in EDITIONS else "2021", template)
    return [f"{list(e.absolute_path)}: {e.message}" for e in v.iter_errors(data)]


def codec_accepts(data: Any) -> bool:
    try:
        gd.loads(json.dumps(data, ensure_ascii=False))
    except gd.LoadError:
        return False
    return True


# -- the schemas themselves ----------------------------------------------------------


@pytest.mark.parametrize(
    ("edition", "template"), [(e, None) for e in EDITIONS] + [("legacy", t) for t in TEMPLATES]
)
def test_schemas_are_valid_draft_2020_12(edition: str, template: str | None) -> None:
    schema = json_schema(edition, template=template)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    # Deterministic: generated twice, byte for byte the same.
    assert json.dumps(schema, sort_keys=False) == json.dumps(
        json_schema(edition, template=template)
    )


def test_titles_are_official_labels_and_descriptions_english() -> None:
    defs = json_schema("2021")["$defs"]
    assert defs["Table3_2021"]["title"] == "三、收到和处理政府信息公开申请情况"
    total = defs["Results2021"]["properties"]["total"]
    assert total["title"] == "（七）总计"
    assert total["description"].startswith("(7) Total.")
    fees = defs["Table2_2021"]["properties"]["fees"]
    assert fees["$ref"] == "#/$defs/money"
    assert "万元" in fees["description"] and "10,000 CNY" in fees["description"]
    report = defs["Report2021"]
    assert report["properties"]["edition"] == {"const": "2021"}
    assert report["required"] == ["edition", "unit", "year"]
    assert report["additionalProperties"] is False
    assert report["properties"]["parts"]["items"] == {"$ref": "#/$defs/Report2021"}


def test_other_handling_is_one_of_two_layouts() -> None:
    prop = json_schema("2021")["$defs"]["Results2021"]["properties"]["other_handling"]
    assert prop["oneOf"] == [
        {"$ref": "#/$defs/OtherHandling2021", "minProperties": 1},
        {"$ref": "#/$defs/ApplicantRow"},
    ]
    assert (
        "oneOf" not in json_schema("2019")["$defs"]["Results2019"]["properties"]["other_handling"]
    )


def test_unknown_edition_and_template() -> None:
    with pytest.raises(ValueError, match="unknown edition"):
        json_schema("2015")
    with pytest.raises(ValueError, match="legacy"):
        json_schema("2021", template="national-2016")
    with pytest.raises(UnknownTemplateError):
        json_schema("legacy", template="no-such-template")


def test_builtin_template_codes_fit_the_generic_patterns() -> None:
    import re

    for template in builtin_templates().values():
        for row in template.rows:
            assert re.search(ROW_CODE_PATTERN, row.code), (template.id, row.code)
        for column in template.columns:
            assert re.search(COLUMN_KEY_PATTERN, column.key), (template.id, column.key)


# -- generated reports ---------------------------------------------------------------

_na = st.builds(NotApplicable, st.sampled_from(NA_MARKS))
_cell_values: dict[str, st.SearchStrategy[Any]] = {
    "count": st.one_of(st.none(), st.integers(0, MAX_STORED), _na),
    "signed": st.one_of(st.none(), st.integers(-MAX_STORED, MAX_STORED), _na),
    "money": st.one_of(
        st.none(),
        _na,
        st.decimals(min_value=0, max_value=10**12, places=4, allow_nan=False),
    ),
}
_text = st.text(st.characters(codec="utf-8"), max_size=12)
_dates = st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31)))


@st.composite
def reports(
    draw: st.DrawFn, depth: int = 1, edition: str | None = None, template: str | None = None
) -> gd.Report:
    """A report with every cell drawn by kind; a consolidated one has one part.

    A part has the parent's edition (and template): reports are only ever
    consolidated within one edition.
    """
    edition = edition or draw(st.sampled_from(list(EDITIONS)))
    unit = ReportingUnit(
        name=draw(_text),
        kind=draw(st.sampled_from(UnitKind)),
        region_code=draw(st.none() | st.from_regex(r"[0-9]{6}", fullmatch=True)),
    )
    common: dict[str, Any] = {
        "unit": unit,
        "year": draw(st.integers(2008, 2030)),
        "title": draw(st.none() | _text),
        "dates": ReportDates(written=draw(_dates), published=draw(_dates)),
        "preamble": draw(st.lists(_text, max_size=2)),
        "sections": [
            Section(
                heading=h,
                paragraphs=(draw(_text),),
                subsections=(Section(heading=draw(_text)),),
            )
            for h in draw(st.lists(_text, max_size=2))
        ],
    }
    report: gd.Report
    if edition == "legacy":
        template = template or draw(st.sampled_from(TEMPLATES))
        report = ReportLegacy(**common, statistics=StatisticsTable(template=template))
    else:
        report = EDITIONS[edition].report_class(**common)
        if isinstance(report, gd.Report2021) and draw(st.booleans()):
            results = attrs.evolve(report.table3.results, other_handling=ApplicantRow())
            report = attrs.evolve(report, table3=attrs.evolve(report.table3, results=results))
    shape = shape_of(report)
    values = [draw(_cell_values[k]) for k in shape.kinds]
    report = shape.rebuild(report, values)
    if depth > 0 and draw(st.booleans()):
        child = draw(reports(depth=0, edition=edition, template=template))
        report = attrs.evolve(report, parts=(child,))  # type: ignore[arg-type]
    return report


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(reports())
def test_generated_reports_are_valid(report: gd.Report) -> None:
    data = json.loads(gd.dumps(report))
    assert schema_errors(data) == []
    if isinstance(report, ReportLegacy):
        assert schema_errors(data, report.statistics.template) == []


# -- examples -------------------------------------------------------------------------


def test_examples_exist() -> None:
    assert any(json.loads(p.read_text("utf-8")).get("edition") for p in EXAMPLES)


@pytest.mark.parametrize("path", EXAMPLES, ids=[str(p.relative_to(ROOT)) for p in EXAMPLES])
def test_example_files_are_valid(path: Path) -> None:
    data = json.loads(path.read_text("utf-8"))
    if not (isinstance(data, dict) and "edition" in data):
        # Not a report (e.g. expected output of a command): the codec must agree.
        assert not codec_accepts(data)
        return
    gd.load(path)
    assert schema_errors(data) == []
    if data["edition"] == "legacy":
        assert schema_errors(data, data["statistics"]["template"]) == []


# -- bad values: the schema rejects what the codec rejects ---------------------------


def _base(edition: str) -> dict[str, Any]:
    report = EDITIONS[edition].report_class(unit=ReportingUnit(name="某市"), year=2024)
    data: dict[str, Any] = json.loads(gd.dumps(report))
    return data


def _legacy_base() -> dict[str, Any]:
    report = ReportLegacy(
        unit=ReportingUnit(name="某县"),
        year=2016,
        statistics=StatisticsTable(template="national-2016", rows={"1.1": {"value": 5}}),
    )
    data: dict[str, Any] = json.loads(gd.dumps(report))
    return data


def _set(path: tuple[str | int, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return mutate


def _delete(path: tuple[str, ...]) -> Callable[[dict[str, Any]], None]:
    def mutate(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return mutate


_COUNT = ("table3", "new_applications", "natural_person")
_SIGNED = ("table2", "licensing", "change")
_MONEY = ("table2", "fees")
_OTHER = ("table3", "results", "other_handling")

BAD: list[tuple[str, str, Callable[[dict[str, Any]], None]]] = [
    ("count negative", "2021", _set(_COUNT, -1)),
    ("count too large", "2021", _set(_COUNT, MAX_STORED + 1)),
    ("count fraction", "2021", _set(_COUNT, 1.5)),
    ("count as string", "2021", _set(_COUNT, "5")),
    ("count as bool", "2021", _set(_COUNT, True)),
    ("count unknown mark", "2021", _set(_COUNT, "x")),
    ("signed too small", "2019", _set(_SIGNED, -MAX_STORED - 1)),
    ("signed as string", "2019", _set(_SIGNED, "+5")),
    ("money as number", "2021", _set(_MONEY, 96171.6)),
    ("money as int", "2021", _set(_MONEY, 5)),
    ("money negative", "2021", _set(_MONEY, "-1")),
    ("money exponent", "2021", _set(_MONEY, "1e5")),
    ("money leading zero", "2021", _set(_MONEY, "01")),
    ("money bare point", "2021", _set(_MONEY, "1.")),
    ("money trailing newline", "2021", _set(_MONEY, "1\n")),
    ("money with unit", "2021", _set(_MONEY, "251000元")),
    ("date not padded", "2021", _set(("dates", "written"), "2018-2-3")),
    ("date impossible", "2021", _set(("dates", "written"), "2018-02-30")),
    ("date compact", "2021", _set(("period", "start"), "20180101")),
    ("date as number", "2021", _set(("period", "end"), 20181231)),
    ("enum unknown", "2021", _set(("unit", "kind"), "county")),
    ("text not string", "2021", _set(("unit", "name"), 5)),
    ("year not integer", "2021", _set(("year",), "2024")),
    ("unknown key", "2021", _set(("table2", "surprise"), 1)),
    ("unknown top-level key", "2019", _set(("surprise",), None)),
    ("missing unit", "2021", _delete(("unit",))),
    ("missing unit name", "2021", _delete(("unit", "name"))),
    ("wrong edition", "2021", _set(("edition",), "2020")),
    ("paragraph not text", "2021", _set(("preamble",), [1])),
    (
        "other handling mixes layouts",
        "2021",
        _set(_OTHER, {"other": {}, "natural_person": 1}),
    ),
    ("2019 other handling as sub-rows", "2019", _set(_OTHER, {"other": {}})),
]

LEGACY_BAD: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("row code with space", _set(("statistics", "rows", "1 1"), {})),
    ("column key upper case", _set(("statistics", "rows", "1.1"), {"Value": 1})),
    ("legacy cell fraction", _set(("statistics", "rows", "1.1", "value"), 0.5)),
    ("legacy cell negative", _set(("statistics", "rows", "1.1", "value"), -3)),
    ("statistics missing template", _delete(("statistics", "template"))),
]

PINNED_BAD: list[tuple[str, Callable[[dict[str, Any]], None]]] = [
    ("unknown row code", _set(("statistics", "rows", "99"), {"value": 1})),
    ("unknown column", _set(("statistics", "rows", "1.1"), {"year": 1})),
    ("value in a heading row", _set(("statistics", "rows", "1"), {"value": 1})),
    ("count in a money row", _set(("statistics", "rows", "7"), {"value": 5})),
    ("amount in a count row", _set(("statistics", "rows", "1.1"), {"value": "5.5"})),
    ("another template", _set(("statistics", "template"), "fujian-2011")),
]


@pytest.mark.parametrize(("name", "edition", "mutate"), BAD, ids=[b[0] for b in BAD])
def test_bad_values_are_rejected_by_both(
    name: str, edition: str, mutate: Callable[[dict[str, Any]], None]
) -> None:
    data = _base(edition)
    assert schema_errors(data) == [] and codec_accepts(data)
    mutate(data)
    assert not codec_accepts(data), name
    assert schema_errors(data), name


@pytest.mark.parametrize(("name", "mutate"), LEGACY_BAD, ids=[b[0] for b in LEGACY_BAD])
def test_bad_legacy_values_are_rejected_by_both(
    name: str, mutate: Callable[[dict[str, Any]], None]
) -> None:
    data = _legacy_base()
    assert schema_errors(data) == [] and codec_accepts(data)
    mutate(data)
    assert not codec_accepts(data), name
    assert schema_errors(data), name
    assert schema_errors(data, "national-2016"), name


@pytest.mark.parametrize(("name", "mutate"), PINNED_BAD, ids=[b[0] for b in PINNED_BAD])
def test_pinned_template_rejects_what_only_the_template_knows(
    name: str, mutate: Callable[[dict[str, Any]], None]
) -> None:
    data = _legacy_base()
    assert schema_errors(data, "national-2016") == []
    mutate(data)
    assert not codec_accepts(data), name
    assert schema_errors(data, "national-2016"), name


def test_empty_other_handling_reads_as_the_single_row() -> None:
    data = _base("2021")
    data["table3"]["results"]["other_handling"] = {}
    assert schema_errors(data) == []
    report = gd.loads(json.dumps(data))
    assert isinstance(report.table3.results.other_handling, ApplicantRow)  # type: ignore[union-attr]


# A JSON scalar of every kind the input may hold in a cell.
_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2 * MAX_STORED), 2 * MAX_STORED),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda f: not f.is_integer()),
    st.sampled_from(NA_MARKS),
    st.text(st.sampled_from("0123456789.-+eE \n/—元"), max_size=8),
    st.decimals(min_value=0, max_value=10**6, allow_nan=False).map(str),
)


@settings(max_examples=200, deadline=None)
@given(st.sampled_from([("2021", _COUNT), ("2019", _SIGNED), ("2021", _MONEY)]), _scalars)
def test_schema_and_codec_agree_on_every_cell_value(
    where: tuple[str, tuple[str, ...]], value: Any
) -> None:
    edition, path = where
    data = copy.deepcopy(_base(edition))
    _set(path, value)(data)
    assert (schema_errors(data) == []) == codec_accepts(data), value


def test_money_round_trips_as_decimal_string() -> None:
    data = _base("2021")
    data["table2"]["fees"] = "96171.6"
    assert schema_errors(data) == []
    report = gd.loads(json.dumps(data))
    assert report.table2.fees == Decimal("96171.6")  # type: ignore[union-attr]
