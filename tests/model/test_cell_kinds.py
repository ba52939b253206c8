"""Every cell kind is defined once, and every reader of a cell agrees with it.

:data:`govdisclosure.cells.CELL_KINDS` is the one definition of what a
count, a signed count and an amount may hold.  The JSON Schema, the
codec's reference converter, its generated reader and the model's own check
are all built from it; here Hypothesis draws JSON values near and far from
every bound, mark and pattern, puts each into a real cell of each kind (a
typed table cell, and a row of a pre-2019 statistics template), and the
four must say the same:

* the schema (``jsonschema``, the independent oracle) accepts the report
  exactly when the reference converter loads it;
* the generated reader accepts exactly what the reference accepts, and
  builds the same report;
* a loaded cell passes the model's check and is written back as it was read;
* a refusal names what the kind expects, in the rule's own words.

And from the Python side: the model accepts a value exactly when the report
holding it is written as JSON the schema accepts and reads back equal.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any

import attrs
import jsonschema
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import codec
from govdisclosure.cells import (
    CELL_KINDS,
    DECIMAL_TEXT,
    MAX_STORED,
    NA_MARKS,
    TEMPLATE_CELL_KINDS,
    NotApplicable,
    cell_problem,
)
from govdisclosure.codec import fast_read
from govdisclosure.editions import BUILTIN
from govdisclosure.errors import LoadError
from govdisclosure.introspect import iter_cells
from govdisclosure.paths import json_path
from govdisclosure.registry import find_template
from govdisclosure.schema import json_schema

Location = tuple[str, str, tuple[str, ...], str | None]  # kind, edition, path, template


def _typed_locations() -> list[Location]:
    """The first cell of each kind in the built-in fixed-table editions."""
    found: dict[str, Location] = {}
    for edition in BUILTIN:
        if edition.template_driven:
            continue
        blank = gd.blank_report(edition.id, edition.first_year, "某市人民政府")
        for table_key in edition.table_keys:
            for path, kind, _, _ in iter_cells(getattr(blank, table_key), (table_key,)):
                found.setdefault(kind, (kind, edition.id, path, None))
    assert set(found) == set(CELL_KINDS), "every kind is used by some built-in table"
    return [found[kind] for kind in sorted(found)]


TEMPLATE = "national-2016"


def _template_locations() -> list[Location]:
    """A row of each template kind in a statistics template."""
    template = find_template(TEMPLATE)
    column = template.columns[0].key
    found: dict[str, Location] = {}
    for row in template.value_rows:
        kind = "money" if row.is_money else "count"
        found.setdefault(kind, (kind, "legacy", ("statistics", "rows", row.code, column), TEMPLATE))
    assert set(found) == set(TEMPLATE_CELL_KINDS)
    return [found[kind] for kind in sorted(found)]


LOCATIONS = _typed_locations() + _template_locations()
IDS = [f"{kind}-{edition}" for kind, edition, _, _ in LOCATIONS]


@cache
def _validator(edition: str, template: str | None) -> jsonschema.Draft202012Validator:
    schema = json_schema(edition, template=template)
    return jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )


@cache
def _blank_data(edition: str, template: str | None) -> dict[str, Any]:
    year = next(e.first_year for e in BUILTIN if e.id == edition)
    report = gd.blank_report(edition, year, "某市人民政府", template)
    data: dict[str, Any] = orjson.loads(gd.dumps(report))
    return data


def _put(data: Any, path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        data = data.setdefault(name, {})
    data[path[-1]] = value


def _get(data: Any, path: tuple[str, ...]) -> Any:
    for name in path:
        data = data[name] if isinstance(data, dict) else getattr(data, name)
    return data


def _edges() -> list[int]:
    bounds = {b for r in CELL_KINDS.values() for b in (r.minimum, r.maximum) if b is not None}
    return sorted({b + d for b in bounds for d in (-1, 0, 1)})


#: JSON values near and far from every bound, mark and pattern.  Floats
#: with a whole value are left out: JSON Schema counts ``1.0`` as an
#: integer while the loader takes only ``1`` (the one difference the
#: schema's docstring names, inherent in JSON Schema).
JSON_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(_edges()),
    st.integers(-2 * MAX_STORED, 2 * MAX_STORED),
    st.floats(allow_nan=False, allow_infinity=False).filter(lambda x: not x.is_integer()),
    st.sampled_from([*NA_MARKS, "／", "n/a", "", " /", "null", "0", "-0", "-0.0", "1e3"]),
    st.from_regex(r"-?(0|[1-9][0-9]{0,20})(\.[0-9]{0,6})?", fullmatch=True),
    st.from_regex(DECIMAL_TEXT, fullmatch=True),
    st.from_regex(r"[-+ 0-9.eE,]{0,8}", fullmatch=True),
    st.text(max_size=6),
    st.lists(st.integers(0, 3), max_size=2),
    st.dictionaries(st.sampled_from(["a", "value"]), st.integers(0, 3), max_size=1),
)


def _outcome(call: Callable[[], Any]) -> tuple[bool, Any]:
    try:
        return True, call()
    except LoadError as exc:
        return False, exc.problems
    except Exception as exc:  # noqa: BLE001 - the fast reader refuses by raising anything
        return False, exc


@pytest.mark.parametrize(("kind", "edition", "path", "template"), LOCATIONS, ids=IDS)
def test_schema_generated_reader_reference_and_model_agree(
    kind: str, edition: str, path: tuple[str, ...], template: str | None
) -> None:
    rule = CELL_KINDS[kind]  # type: ignore[index]
    validator = _validator(edition, template)
    messages = {rule.expected, rule.expected_in_bounds, rule.expected_text}
    if template is not None:
        messages.add('a whole-number count, an amount string, null (blank) or "/"')
        messages.update(CELL_KINDS[k].expected_in_bounds for k in TEMPLATE_CELL_KINDS)
        messages.update(CELL_KINDS[k].expected_text for k in TEMPLATE_CELL_KINDS)
        messages.add("a whole-number count")  # a template row of counts given an amount

    @settings(max_examples=250, deadline=None)
    @given(JSON_VALUES)
    def check(value: Any) -> None:
        data = copy.deepcopy(_blank_data(edition, template))
        _put(data, path, value)
        in_schema = validator.is_valid(data)
        loaded, reference = _outcome(lambda: codec.structure(copy.deepcopy(data)))
        fast_ok, fast = _outcome(lambda: fast_read._fast_report(copy.deepcopy(data)))
        assert loaded == in_schema, (value, reference)
        if template is None:
            # The fast reader of typed tables decides cells itself; template
            # rows are checked against the template after either reader.
            assert fast_ok == loaded, (value, fast)
            if fast_ok:
                assert fast == reference
        if loaded:
            cell = _get(reference, path)
            assert cell_problem(kind, cell) is None
            assert _get(orjson.loads(gd.dumps(reference)), path) == value
        else:
            assert [p.path for p in reference] == [json_path(path)]
            assert reference[0].expected in messages, reference

    check()


#: Python values a program might put in a cell.
PYTHON_VALUES: st.SearchStrategy[Any] = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from(_edges()),
    st.integers(-2 * MAX_STORED, 2 * MAX_STORED),
    st.decimals(allow_nan=True, allow_infinity=True),
    st.sampled_from([Decimal("-0"), Decimal("-0.00"), Decimal("0"), Decimal("1E+3")]),
    st.decimals(min_value=0, places=2, allow_nan=False, allow_infinity=False),
    st.floats(),
    st.builds(NotApplicable, st.sampled_from(NA_MARKS)),
    st.text(max_size=3),
)


def _evolve_at(obj: Any, path: tuple[str, ...], value: Any) -> Any:
    if not path:
        return value
    return attrs.evolve(obj, **{path[0]: _evolve_at(getattr(obj, path[0]), path[1:], value)})


@pytest.mark.parametrize(
    ("kind", "edition", "path", "template"),
    [loc for loc in LOCATIONS if loc[3] is None],
    ids=[i for i, loc in zip(IDS, LOCATIONS, strict=True) if loc[3] is None],
)
def test_the_model_accepts_what_the_json_can_hold(
    kind: str, edition: str, path: tuple[str, ...], template: str | None
) -> None:
    blank = gd.blank_report(edition, next(e.first_year for e in BUILTIN if e.id == edition), "某")
    validator = _validator(edition, template)

    @settings(max_examples=250, deadline=None)
    @given(PYTHON_VALUES)
    def check(value: Any) -> None:
        accepted = cell_problem(kind, value) is None
        try:
            report = _evolve_at(blank, path, value)
        except (TypeError, ValueError):
            assert not accepted, value
            return
        assert accepted, value
        text = gd.dumps(report)
        assert validator.is_valid(json.loads(text)), (value, text)
        assert _get(gd.loads(text), path) == value

    check()
