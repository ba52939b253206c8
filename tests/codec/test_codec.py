"""Loading and saving: lossless round trips, and every bad input named by path.

The codec has a generated fast path and a reference converter; the fast
path must never accept what the reference refuses, never build a different
report, and leave every error message to the reference.  The property tests
below check that on valid input, on input with keys left out, and on input
with one value broken anywhere.
"""

from __future__ import annotations

import errno
import json
import os
import pickle
import re
from decimal import Decimal
from pathlib import Path
from typing import Any, cast

import attrs
import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from govdisclosure import codec
from govdisclosure.codec import fast_read
from govdisclosure.codec.reference import MISSING_FIELD
from govdisclosure.errors import LoadError, Problem, UnreadableFileError
from govdisclosure.testing.strategies import any_reports, consistent_reports
from locations import EXAMPLES

EDITIONS = ("2021", "2019", "legacy")
FAST = settings(max_examples=60, deadline=None)


# -- round trips -----------------------------------------------------------------


@pytest.mark.parametrize("edition", EDITIONS)
def test_any_report_round_trips_byte_for_byte(edition: str) -> None:
    @FAST
    @given(any_reports(edition))
    def check(report: gd.Report) -> None:
        text = gd.dumps(report)
        again = gd.loads(text)
        assert again == report
        assert gd.dumps(again) == text
        assert gd.loads(text.encode()) == report

    check()


@pytest.mark.parametrize("edition", EDITIONS)
def test_consistent_report_round_trips(edition: str) -> None:
    @FAST
    @given(consistent_reports(edition, blanks=True))
    def check(report: gd.Report) -> None:
        text = gd.dumps(report)
        assert gd.loads(text) == report
        assert gd.dumps(gd.loads(text)) == text

    check()


@FAST
@given(any_reports())
def test_dumps_bytes_are_orjson_of_unstructure(report: gd.Report) -> None:
    """The generated writer produces exactly the reference converter's JSON."""
    expected = orjson.dumps(codec.unstructure(report), option=orjson.OPT_INDENT_2) + b"\n"
    assert codec.dumps_bytes(report) == expected
    assert codec.dumps(report) == expected.decode()


def test_examples_round_trip() -> None:
    root = Path(__file__).resolve().parents[2] / "examples"
    files = sorted(root.glob("*.json"))
    assert files
    for path in files:
        text = path.read_text(encoding="utf-8")
        report = gd.loads(text)
        assert gd.dumps(report) == gd.dumps(gd.loads(gd.dumps(report)))


# -- the fast path agrees with the reference ---------------------------------------


def _outcome(data: Any, *, reference: bool, monkeypatch: pytest.MonkeyPatch) -> Any:
    with monkeypatch.context() as m:
        if reference:

            def refuse(_: Any) -> Any:
                raise fast_read._Slow

            m.setattr(codec, "_fast_report", refuse)
        try:
            return codec.structure(data)
        except LoadError as exc:
            return exc.problems


_BAD_VALUES: st.SearchStrategy[object] = st.sampled_from(
    [
        None,
        -1,
        3.5,
        True,
        "abc",
        "1e3",
        "-2",
        "/",
        "—",
        10**15 + 1,
        10**15,
        [],
        {},
        ["x"],
        "2024-13-01",
    ]
)


@st.composite
def _damaged(draw: st.DrawFn) -> Any:
    """A report's JSON data with one thing changed: a value replaced, a key
    removed, or an unknown key added, at any depth."""
    data = orjson.loads(gd.dumps(draw(any_reports(max_depth=1, text="realistic"))))
    containers: list[Any] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            containers.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            containers.append(node)
            for value in node:
                walk(value)

    walk(data)
    target = draw(st.sampled_from(containers))
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if isinstance(target, dict) and target:
        key = draw(st.sampled_from(sorted(target)))
        if action == "replace":
            target[key] = draw(_BAD_VALUES)
        elif action == "remove":
            del target[key]
        else:
            target["unknown_key"] = draw(_BAD_VALUES)
    elif isinstance(target, list) and target:
        index = draw(st.integers(0, len(target) - 1))
        if action == "remove":
            del target[index]
        else:
            target[index] = draw(_BAD_VALUES)
    return data


@settings(max_examples=100, deadline=None)
@given(_damaged())
def test_fast_path_agrees_with_reference_on_damaged_input(data: Any) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = _outcome(data, reference=False, monkeypatch=monkeypatch)
        slow = _outcome(data, reference=True, monkeypatch=monkeypatch)
    assert fast == slow


@FAST
@given(any_reports(max_depth=1))
def test_fast_path_builds_the_reference_report(report: gd.Report) -> None:
    data = orjson.loads(gd.dumps(report))
    assert fast_read._fast_report(data) == codec._reference_structure(data) == report


# -- one test per kind of bad input --------------------------------------------------


def _doc(edition: str = "2021") -> dict[str, Any]:
    report = gd.blank_report(edition, 2024 if edition != "legacy" else 2016, "玉溪市人民政府")
    data: dict[str, Any] = orjson.loads(gd.dumps(report))
    return data


def _problems(data: Any) -> tuple[Problem, ...]:
    payload = data if isinstance(data, (bytes, str)) else orjson.dumps(data)
    with pytest.raises(LoadError) as info:
        gd.loads(payload)
    return info.value.problems


def _only(data: Any) -> Problem:
    problems = _problems(data)
    assert len(problems) == 1, problems
    return problems[0]


def test_malformed_json() -> None:
    problem = _only(b'{"edition": "2021", "unit": ')
    assert problem.path == "$"
    assert problem.expected == (
        "well-formed JSON: the text ends before the report does (is the file cut short?)"
    )
    assert problem.at == (1, 29)


def test_gbk_bytes_are_named_as_an_encoding_problem() -> None:
    text = gd.dumps(gd.blank_report("2021", 2024, "淮安市人民政府"))
    problem = _only(text.encode("gbk"))
    assert problem.path == "$"
    assert problem.expected == "UTF-8 text (the file looks like GBK/GB18030: save it as UTF-8)"
    assert re.fullmatch(r"0x[0-9A-F]{2}( 0x[0-9A-F]{2}){0,3}", problem.found), problem.found
    # Where the first bad byte stands, as a line and a column of characters.
    lines = text.splitlines()
    line = next(i for i, t in enumerate(lines) if not t.isascii())
    column = next(i for i, c in enumerate(lines[line]) if not c.isascii())
    assert problem.at == (line + 1, column + 1)
    assert problem.describe("zh_Hans_CN").startswith(
        f"第 {line + 1} 行第 {column + 1} 列：应为 UTF-8"
    )


def test_byte_order_mark_is_accepted() -> None:
    text = gd.dumps(gd.blank_report("2021", 2024, "淮安市人民政府"))
    assert gd.loads(b"\xef\xbb\xbf" + text.encode()) == gd.loads(text)
    assert gd.loads("\ufeff" + text) == gd.loads(text)


_NATURAL_PERSON = "$.table3.new_applications.natural_person"
_COUNT = 'a whole-number count, null (blank) or "/" (not applicable)'


@pytest.mark.parametrize(
    ("value", "expected", "found"),
    [
        (-1, "a count between 0 and 1000000000000000", "-1"),
        (10**15 + 1, "a count between 0 and 1000000000000000", "1000000000000001"),
        (3.5, _COUNT, "3.5"),
        (True, _COUNT, "true"),
        ("abc", _COUNT, "'abc'"),
    ],
    ids=["negative", "above-1e15", "fractional", "bool", "string"],
)
def test_bad_count(value: Any, expected: str, found: str) -> None:
    data = _doc()
    data["table3"]["new_applications"]["natural_person"] = value
    problem = _only(data)
    assert problem == Problem(_NATURAL_PERSON, expected, found)


def test_counts_up_to_1e15_load() -> None:
    """A consolidated total can pass 10^9; loading holds up to 10^15
    (cells.MAX_STORED) and validation flags a unit's own count above 10^9."""
    data = _doc()
    data["table3"]["new_applications"]["natural_person"] = 10**15
    report = cast(gd.Report2021, gd.loads(orjson.dumps(data)))  # _doc() is a 2021 report
    assert report.table3.new_applications.natural_person == 10**15


def test_float_as_money() -> None:
    data = _doc()
    data["table2"]["fees"] = 12.5
    problem = _only(data)
    assert problem.path == "$.table2.fees"
    assert problem.expected == 'an amount as a decimal string such as "96171.6", null or "/"'
    assert problem.found == "12.5"


@pytest.mark.parametrize("text", ["1e3", "1,000", " 12", "NaN", "0x10", "+5", "01.5"])
def test_money_not_a_plain_decimal(text: str) -> None:
    data = _doc()
    data["table2"]["fees"] = text
    problem = _only(data)
    assert problem.path == "$.table2.fees"
    assert problem.expected == 'an amount as a decimal string such as "96171.6"'


def test_money_keeps_its_decimals() -> None:
    data = _doc()
    data["table2"]["fees"] = "96171.60"
    report = cast(gd.Report2021, gd.loads(orjson.dumps(data)))  # _doc() is a 2021 report
    assert report.table2.fees == Decimal("96171.60")
    assert '"fees": "96171.60"' in gd.dumps(report)


def test_unknown_nested_key() -> None:
    data = _doc()
    data["table3"]["results"]["total"]["corporations"] = 3
    problem = _only(data)
    assert problem == Problem(
        "$.table3.results.total.corporations", "no such field (unknown key)", "'corporations'"
    )


def test_unknown_edition() -> None:
    data = _doc()
    data["edition"] = "2022"
    problem = _only(data)
    assert problem == Problem("$.edition", 'edition "2021", "2019" or "legacy"', "'2022'")


def test_missing_required_field() -> None:
    data = _doc()
    del data["unit"]["name"]
    problem = _only(data)
    assert problem == Problem("$.unit.name", MISSING_FIELD)


def test_text_list_given_as_one_string() -> None:
    data = _doc()
    data["preamble"] = "本报告根据《中华人民共和国政府信息公开条例》编制。"
    problem = _only(data)
    assert problem.path == "$.preamble"
    assert problem.expected == "a value of the right type"


def test_legacy_unknown_template() -> None:
    data = _doc("legacy")
    data["statistics"]["template"] = "hunan-2015"
    problem = _only(data)
    assert problem == Problem(
        "$.statistics.template", "a known statistics template id", "'hunan-2015'"
    )


def test_legacy_unknown_row_code() -> None:
    data = _doc("legacy")
    data["statistics"]["rows"] = {"9.9": {"value": 1}}
    problem = _only(data)
    assert problem == Problem("$.statistics.rows['9.9']", "a row code of the template", "'9.9'")


def test_legacy_int_in_a_money_row() -> None:
    data = _doc("legacy")
    data["statistics"]["rows"] = {"7": {"value": 12}}  # 七、依申请公开信息收取的费用 (万元)
    problem = _only(data)
    assert problem == Problem(
        "$.statistics.rows['7'].value", 'an amount as a decimal string such as "96171.6"', "12"
    )


def test_legacy_amount_in_a_count_row() -> None:
    data = _doc("legacy")
    data["statistics"]["rows"] = {"3.1": {"value": "12.5"}}
    problem = _only(data)
    assert problem == Problem("$.statistics.rows['3.1'].value", "a whole-number count", "'12.5'")


def test_unknown_unit_kind_is_explained_in_both_locales() -> None:
    data = _doc()
    data["unit"]["kind"] = "county"
    problem = _only(data)
    assert problem.path == "$.unit.kind"
    error = LoadError([problem])
    assert '"government"（人民政府）或 "department"（部门）' in error.render("zh_Hans_CN")
    assert "one of" not in error.render("zh_Hans_CN")
    assert '(a people\'s government) or "department"' in error.render("en")


def test_a_part_of_another_edition_names_the_parents_edition() -> None:
    data = _doc()
    part = _doc("2019")
    data["parts"] = [part]
    problem = _only(data)
    assert problem == Problem(
        "$.parts[0].edition", "the edition of the report it is part of", "'2019'"
    )


def test_legacy_text_that_is_no_number() -> None:
    """Before the template is read, a cell's text can only be said to be
    neither a count nor an amount (not "an amount" in a count row)."""
    data = _doc("legacy")
    data["statistics"]["rows"] = {"3.1": {"value": "abc"}}
    problem = _only(data)
    assert problem == Problem(
        "$.statistics.rows['3.1'].value",
        'a whole-number count, an amount string, null (blank) or "/"',
        "'abc'",
    )


def test_every_problem_is_reported_at_once() -> None:
    data = _doc()
    data["year"] = "2024"
    data["dates"]["written"] = "2024/01/01"
    data["table2"]["fees"] = 1.5
    data["table3"]["new_applications"]["natural_person"] = -1
    data["table3"]["results"]["total"]["zz"] = 1
    data["table4"]["reconsideration"]["upheld"] = 2.0
    paths = [p.path for p in _problems(data)]
    assert paths == [
        "$.year",
        "$.dates.written",
        "$.table2.fees",
        "$.table3.new_applications.natural_person",
        "$.table3.results.total.zz",
        "$.table4.reconsideration.upheld",
    ]


def test_rendered_error_names_the_path_in_both_locales() -> None:
    data = _doc()
    data["table3"]["carried_over"]["total"] = -5
    with pytest.raises(LoadError) as info:
        gd.loads(orjson.dumps(data))
    path = "$.table3.carried_over.total"
    english = info.value.render("en")
    chinese = info.value.render("zh_Hans_CN")
    assert path in english and path in chinese
    assert "a count between 0 and 1000000000000000" in english
    assert english != chinese
    assert path in str(info.value)


# -- files ---------------------------------------------------------------------


def test_load_of_a_missing_file_names_the_file(tmp_path: Path) -> None:
    missing = tmp_path / "no-such-report.json"
    with pytest.raises(LoadError) as info:
        gd.load(missing)
    assert info.value.source == str(missing)
    assert str(missing) in info.value.render("en")
    assert str(missing) in info.value.render("zh_Hans_CN")
    assert info.value.problems[0].expected == "a file that exists"


@pytest.mark.parametrize(
    ("name", "code", "number", "chinese", "english"),
    [
        (
            "no-such-report.json",
            "file-not-found",
            errno.ENOENT,
            "应为存在的文件",
            "a file that exists",
        ),
        (
            "no-such-page.html",
            "file-not-found",
            errno.ENOENT,
            "应为存在的文件",
            "a file that exists",
        ),
        (
            "folder",
            "is-a-directory",
            errno.EISDIR,
            "应为文件，而不是目录",
            "a file, not a directory",
        ),
        (
            "report.json",
            "permission-denied",
            errno.EACCES,
            "应为有权读取的文件",
            "a file you may read",
        ),
    ],
)
def test_a_file_that_cannot_be_read_is_our_error_and_still_an_oserror(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    code: str,
    number: int,
    chinese: str,
    english: str,
) -> None:
    path = tmp_path / name
    if name == "folder":
        path.mkdir()
    elif number == errno.EACCES:
        # Refused whoever runs the tests (root reads a file of mode 000).
        path.write_bytes(b"{}")

        def refused(*args: object, **kwargs: object) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))

        monkeypatch.setattr("builtins.open", refused)
    with pytest.raises(OSError) as info:  # what a caller of gd.load always caught
        gd.load(path)
    monkeypatch.undo()
    error = info.value
    assert isinstance(error, UnreadableFileError) and isinstance(error, LoadError)
    assert (error.code, error.errno, error.filename) == (code, number, str(path))
    assert error.source == str(path)
    zh, en = error.render("zh_Hans_CN"), error.render("en")
    assert zh.startswith(f"{path}: 无法读取报告") and chinese in zh
    assert en.startswith(f"{path}: Cannot read report") and english in en
    assert str(error) == f"{zh}\n{en}"  # ours, not "[Errno 2] No such file or directory"
    again = pickle.loads(pickle.dumps(error))
    assert (type(again), again.code, again.errno, str(again)) == (
        UnreadableFileError,
        code,
        number,
        str(error),
    )


def test_a_load_error_pickles_whole(tmp_path: Path) -> None:
    # An error raised in a worker process reaches the caller with its problems.
    path = tmp_path / "bad.json"
    path.write_bytes(b"[]")
    with pytest.raises(LoadError) as info:
        gd.load(path)
    again = pickle.loads(pickle.dumps(info.value))
    assert (again.problems, again.source, str(again)) == (
        info.value.problems,
        str(path),
        str(info.value),
    )


def test_load_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    data = _doc()
    data["year"] = None
    path.write_bytes(orjson.dumps(data))
    for load in (gd.load, codec.load):  # the package's, and the JSON reader's own
        with pytest.raises(LoadError) as info:
            load(path)
        assert info.value.source == str(path)
        assert info.value.problems == (Problem("$.year", "a whole number", "null"),)
    data["year"] = 2024
    path.write_bytes(orjson.dumps(data))
    assert codec.load(path) == gd.load(path) == codec.structure(data)


def test_dump_then_load(tmp_path: Path) -> None:
    report = gd.load(Path(__file__).resolve().parents[2] / "examples" / "huaian-2024.json")
    target = tmp_path / "out.json"
    gd.dump(report, target)
    assert gd.load(target) == report
    assert target.read_text(encoding="utf-8") == gd.dumps(report)
    assert os.listdir(tmp_path) == ["out.json"]


def test_dump_is_atomic_when_the_report_cannot_be_written(tmp_path: Path) -> None:
    good = gd.blank_report("2021", 2024, "淮安市人民政府")
    # The model refuses a float in a count when an object is built; a row
    # forced past that check (object.__setattr__) stands for anything that
    # makes the writer fail half way.  Dumping must leave nothing behind.
    bad_row = attrs.evolve(good.table3.new_applications)
    object.__setattr__(bad_row, "natural_person", 3.5)
    bad = attrs.evolve(good, table3=attrs.evolve(good.table3, new_applications=bad_row))
    target = tmp_path / "report.json"
    with pytest.raises(TypeError):
        gd.dump(bad, target)
    assert os.listdir(tmp_path) == []  # neither the file nor a temporary one
    gd.dump(good, target)
    before = target.read_bytes()
    with pytest.raises(TypeError):
        gd.dump(bad, target)
    assert target.read_bytes() == before
    assert os.listdir(tmp_path) == ["report.json"]


def test_dump_is_atomic_when_the_rename_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def fail(*_: Any) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError, match="disk full"):
        gd.dump(gd.blank_report("2019", 2020, "上海市人民政府"), tmp_path / "r.json")
    assert os.listdir(tmp_path) == []


def test_loads_many_restores_gc_even_on_error() -> None:
    import gc

    good = gd.dumps(gd.blank_report("2021", 2024, "x"))
    assert len(codec.loads_many([good, good.encode()])) == 2
    assert gc.isenabled()
    with pytest.raises(LoadError):
        codec.loads_many([good, "{"])
    assert gc.isenabled()


def test_typed_tuple_converters_keep_the_fast_path() -> None:
    """The tuple fields' typed converters (govdisclosure.tuples) are known to
    the codec, so every model class is still built without ``__init__``."""
    from govdisclosure.codec.fast_read import _can_generate
    from govdisclosure.report_base import Section

    for cls in (Section, gd.Report2021, gd.Report2019, gd.ReportLegacy):
        assert _can_generate(cls), cls.__name__
    section = Section(heading="一、总体情况", paragraphs=["列表也可"], subsections=iter(()))
    assert section.paragraphs == ("列表也可",) and section.subsections == ()


def test_a_report_listing_itself_or_a_unit_twice_among_its_parts_is_refused() -> None:
    """Either would count a unit twice; the repeat is named by its path."""
    unit = gd.blank_report("2021", 2024, "甲县")
    other = gd.blank_report("2021", 2024, "乙县")
    itself = gd.blank_report("2021", 2024, "甲县")
    for parts, path in (
        ((other, itself), "$.parts[1].unit.name"),
        ((other, other), "$.parts[1].unit.name"),
    ):
        report = attrs.evolve(unit, parts=parts)
        with pytest.raises(LoadError) as info:
            gd.loads(gd.dumps(report))
        assert [p.path for p in info.value.problems] == [path]
    fine = attrs.evolve(gd.blank_report("2021", 2024, "某市"), parts=(unit, other))
    assert gd.loads(gd.dumps(fine)) == fine


@pytest.mark.parametrize(
    ("example", "named"),
    [
        ("huaian-2024.json", "2019"),
        ("huaian-2024.json", "legacy"),
        ("shanghai-szfbgt-2019.json", "2021"),
        ("pingtan-2011.json", "2021"),
    ],
)
def test_a_report_naming_another_edition_than_its_tables_is_told_that_one_field(
    example: str, named: str
) -> None:
    """Not every key of its tables as unknown (13 problems for the 2021 tables
    named "2019"): the edition it names is the one thing wrong."""
    data = json.loads((EXAMPLES / example).read_text(encoding="utf-8"))
    real, data["edition"] = data["edition"], named
    with pytest.raises(gd.LoadError) as caught:
        gd.loads(json.dumps(data, ensure_ascii=False))
    (problem,) = caught.value.problems
    assert (problem.path, problem.found) == ("$.edition", repr(named))
    assert problem.expected == f'"{real}", the edition its tables are written in'
    chinese = caught.value.render("zh_Hans_CN")
    assert f"$.edition: 应为“{real}”，即其表格所用的格式版本；实际为 '{named}'" in chinese


def test_a_report_wrong_in_its_tables_too_lists_every_problem() -> None:
    data = json.loads((EXAMPLES / "huaian-2024.json").read_text(encoding="utf-8"))
    data["edition"] = "2019"
    data["table3"]["new_applications"]["natural_person"] = "abc"
    with pytest.raises(gd.LoadError) as caught:
        gd.loads(json.dumps(data, ensure_ascii=False))
    assert len(caught.value.problems) > 1
    assert all(p.path != "$.edition" for p in caught.value.problems)


def test_integers_no_reader_holds_are_named_in_path_order_with_the_file() -> None:
    """Each integer wider than 64 bits is named, in the order of the paths
    (not the order the loader met them), shown whole up to 60 digits and
    cut after 57 beyond, and the error names the file it came from."""
    parts = (gd.blank_report("2021", 2024, "甲县"), gd.blank_report("2021", 2024, "乙县"))
    text = gd.dumps(attrs.evolve(gd.blank_report("2021", 2024, "某市"), parts=parts))
    head, own, first, second = text.split('"year": 2024')
    sixty, sixty_one = "9" * 60, "1" * 61
    for widest_plus_one in (str(2**64), sixty):
        # The widest integer a reader holds (2^64 - 1) is no problem.
        widest = 2**64 - 1
        wide = f'{head}"year": {widest}{own}"year": {widest_plus_one}{first}"year": {sixty_one}{second}'
        with pytest.raises(LoadError) as info:
            gd.loads(wide, source="某市.json")
        assert info.value.source == "某市.json"
        assert [(p.path, p.expected, p.found) for p in info.value.problems] == [
            ("$.parts[0].year", "a whole number of at most 64 bits", widest_plus_one),
            ("$.parts[1].year", "a whole number of at most 64 bits", "1" * 57 + "..."),
        ]


@pytest.mark.parametrize(
    ("data", "expected", "found", "at"),
    [
        (b"\xff\xfe{\x00", "UTF-8 text (save the file as UTF-8)", "UTF-16", None),
        (b"\xfe\xff\x00{", "UTF-8 text (save the file as UTF-8)", "UTF-16", None),
        (b"\xff\xfe\x00\x00{\x00\x00\x00", "UTF-8 text (save the file as UTF-8)", "UTF-32", None),
        (b"\x00\x00\xfe\xff\x00\x00\x00{", "UTF-8 text (save the file as UTF-8)", "UTF-32", None),
        # GBK's 海 on the second line, right after the line break at offset 0.
        (
            b"\n\xba\xa3",
            "UTF-8 text (the file looks like GBK/GB18030: save it as UTF-8)",
            "0xBA 0xA3",
            (2, 1),
        ),
        # Bytes no encoding reads: the first four are shown, the column counted in characters.
        (b'{"\xe4\xb8\xad": "\xff\xfe\xfd\xfc\xfb"}', "UTF-8 text", "0xFF 0xFE 0xFD 0xFC", (1, 8)),
    ],
    ids=["utf16-le", "utf16-be", "utf32-le", "utf32-be", "gbk", "no-encoding"],
)
def test_text_that_is_not_utf8_is_named_with_its_encoding_or_bytes(
    data: bytes, expected: str, found: str, at: tuple[int, int] | None
) -> None:
    with pytest.raises(LoadError) as info:
        gd.loads(data, source="报告.json")
    assert info.value.source == "报告.json"
    assert list(info.value.problems) == [Problem("$", expected, found, at=at)]


@pytest.mark.parametrize(
    ("text", "expected", "found", "at"),
    [
        # A reason of its own: its message says it all, nothing is quoted.
        ("[1,]", "well-formed JSON: no comma before a closing bracket or brace", "", (1, 3)),
        ("", "a report in JSON, not an empty file", "", None),
        # Otherwise the text where the parser stopped: up to 20 characters of its line.
        (
            '{"edition": "2021",\n x123456789012345678}',
            "well-formed JSON",
            "'x123456789012345678}'",
            (2, 2),
        ),
        (
            '{"edition": "2021",\n x1234567890123456789 and more}',
            "well-formed JSON",
            "'x1234567890123456789'…",
            (2, 2),
        ),
        ('{"edition": "2021",\n x1\n2\n34567890123456789}', "well-formed JSON", "'x1'", (2, 2)),
    ],
    ids=["own-reason", "empty", "twenty", "longer", "line-ends"],
)
def test_text_that_is_not_json_is_named_where_the_parser_stopped(
    text: str, expected: str, found: str, at: tuple[int, int] | None
) -> None:
    for written in (text, text.encode()):
        with pytest.raises(LoadError) as info:
            gd.loads(written, source="报告.json")
        assert info.value.source == "报告.json"
        assert list(info.value.problems) == [Problem("$", expected, found, at=at)]


def test_a_number_the_parser_refuses_is_named_by_its_field_with_the_file() -> None:
    """orjson stops at ``1e309`` without a field; the loader names the
    field (or, first, a key written twice) and the file it read."""
    text = gd.dumps(gd.blank_report("2021", 2024, "甲县")).replace('"year": 2024', '"year": 1e309')
    twice = text.replace('"edition": "2021",', '"edition": "2021", "edition": "2021",', 1)
    for written, problem in (
        (text, Problem("$.year", "a whole number", "1e309")),
        (twice, Problem("$.edition", "a key that appears once in its object", "'edition'")),
    ):
        with pytest.raises(LoadError) as info:
            gd.loads(written, source="甲县.json")
        assert (info.value.source, list(info.value.problems)) == ("甲县.json", [problem])


def test_a_part_is_read_as_strictly_as_its_report() -> None:
    """A part carries its ``edition`` (the writer puts it there): read by
    the reference converter it is checked and dropped, and the part's other
    keys are held to the same rules as the report's."""
    parts = (gd.blank_report("2021", 2024, "甲县"), gd.blank_report("2021", 2024, "乙县"))
    data = orjson.loads(gd.dumps(attrs.evolve(gd.blank_report("2021", 2024, "某市"), parts=parts)))
    assert [part["edition"] for part in data["parts"]] == ["2021", "2021"]
    data["parts"][1]["year"] = "2024"
    data["parts"][0]["nonsense"] = 1
    data["nonsense"] = 1
    with pytest.raises(LoadError) as info:
        codec.structure(data)
    assert sorted(info.value.problems, key=lambda p: p.path) == [
        Problem("$.nonsense", "no such field (unknown key)", "'nonsense'"),
        Problem("$.parts[0].nonsense", "no such field (unknown key)", "'nonsense'"),
        Problem("$.parts[1].year", "a whole number", "'2024'"),
    ]
