"""The long-format export: one row per cell with the right values, read back by DuckDB."""

from __future__ import annotations

import csv
import errno
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import duckdb
import pytest
from click.testing import CliRunner
from pytest import MonkeyPatch

import govdisclosure as gd
from govdisclosure.cells import NotApplicable
from govdisclosure.cli import cli
from govdisclosure.editions import Report
from govdisclosure.export import cells, findings, write
from govdisclosure.flat import shape_of
from govdisclosure.i18n import gettext
from locations import ROOT

EXAMPLES = ROOT / "examples"
#: Every example a loader reads: reports in our JSON, the published page and the workbooks.
PATHS = sorted(
    str(p)
    for p in EXAMPLES.rglob("*")
    if p.suffix in (".json", ".html", ".xlsx") and "plugins" not in p.parts
)


def query(sql: str, con: duckdb.DuckDBPyConnection | None = None) -> list[tuple[Any, ...]]:
    """The rows of a DuckDB query (on ``con``, or the default connection)."""
    relation = (con or duckdb.default_connection()).sql(sql)
    assert relation is not None
    return relation.fetchall()


def expected_rows(path: str, report: Report) -> dict[tuple[str, str], tuple[object, str]]:
    """(file, key) → (value, state), straight from the report objects."""
    shape = shape_of(report)
    out: dict[tuple[str, str], tuple[object, str]] = {}
    for p, value in zip(shape.paths, shape.flatten(report), strict=True):
        key = ".".join(map(str, p))
        if report.edition == "legacy":
            key = f"{report.statistics.template}:{key.removeprefix('statistics.')}"
        if value is None:
            out[(path, key)] = (None, "blank")
        elif isinstance(value, NotApplicable):
            out[(path, key)] = (None, "not_applicable")
        else:
            out[(path, key)] = (Decimal(value), "number")
    return out


def test_parquet_has_one_row_per_cell_with_the_right_values(tmp_path: Path) -> None:
    target = tmp_path / "cells.parquet"
    found = tmp_path / "findings.parquet"
    result = CliRunner().invoke(
        cli,
        ["export", *PATHS, "--to", "parquet", "-o", str(target), "--findings", str(found)],
    )
    assert result.exit_code == 0, result.output
    reports = {p: gd.load(p) for p in PATHS}
    expected: dict[tuple[str, str], tuple[object, str]] = {}
    for path, report in reports.items():
        expected |= expected_rows(path, report)
    rows = query(f"SELECT file, key, value, state FROM '{target}'")
    assert len(rows) == len(expected)  # one row per cell, no key twice in a file
    got = {(f, k): (v, s) for f, k, v, s in rows}
    assert got == expected
    units = dict(query(f"SELECT DISTINCT file, unit FROM '{target}'"))
    assert units == {p: r.unit.name for p, r in reports.items()}
    fingerprints = query(f"SELECT file, fingerprint FROM '{found}'")
    expected_fp = sorted((p, f.fingerprint) for p, r in reports.items() for f in gd.validate(r))
    assert sorted(fingerprints) == expected_fp


def test_keys_line_up_across_2019_and_2021_and_breaks_are_marked() -> None:
    r2019 = gd.load(EXAMPLES / "shanghai-szfbgt-2019.json")
    r2021 = gd.load(EXAMPLES / "huaian-2024.json")
    table = cells([r2019, r2021])
    con = duckdb.connect()
    con.register("t", table)
    shared = query(
        "SELECT count(DISTINCT key) FROM t GROUP BY key HAVING count(DISTINCT edition) = 2", con
    )
    assert len(shared) > 50  # table 3's keys are shared
    # The oracle: compare() lists the cells the 2019→2021 change keeps apart.
    comparison = gd.aggregate.compare(r2019, r2021)
    across = [nc for nc in comparison.not_comparable if nc.reason.across]

    def keys(sql: str) -> set[str]:
        return {k for (k,) in query(sql, con)}

    assert keys(
        "SELECT key FROM t WHERE edition = '2021' AND not_comparable_with_previous IS NOT NULL"
    ) == {".".join(map(str, u.path)) for nc in across for u in nc.new}
    assert keys(
        "SELECT key FROM t WHERE edition = '2019' AND not_comparable_with_next IS NOT NULL"
    ) == {".".join(map(str, u.path)) for nc in across for u in nc.old}
    assert (
        across
        and keys(
            "SELECT key FROM t WHERE edition = '2021' AND key LIKE 'table3.%' "
            "AND not_comparable_with_previous IS NOT NULL"
        )
        == set()
    )


def test_labels_in_both_languages() -> None:
    table = cells([gd.load(EXAMPLES / "huaian-2024.json")])
    con = duckdb.connect()
    con.register("t", table)
    rows = query(
        "SELECT row_code, row_zh, row_en, column_zh, column_en FROM t "
        "WHERE key = 'table3.new_applications.total'",
        con,
    )
    assert rows == [
        (
            "一",
            "一、本年新收政府信息公开申请数量",
            gd.i18n.gettext("en", "一、本年新收政府信息公开申请数量"),
            "总计",
            "Total",
        )
    ]
    assert rows[0][2] != rows[0][1]  # translated


def test_csv_export_and_a_bad_file(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    target = tmp_path / "cells.csv"
    source = str(EXAMPLES / "huaian-2024.json")
    result = CliRunner().invoke(
        cli, ["export", source, str(broken), "--to", "csv", "-o", str(target), "-l", "en"]
    )
    assert result.exit_code == 2 and "broken.json" in result.stderr
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    report = gd.load(source)
    assert len(rows) == len(shape_of(report).paths)
    assert {r["file"] for r in rows} == {source}


def test_no_table_is_written_when_no_file_could_be_read(tmp_path: Path) -> None:
    # An empty table would pass for a year without reports in the pipeline
    # that reads it: with every input unreadable, nothing is written.
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    target = tmp_path / "cells.parquet"
    findings_target = tmp_path / "findings.parquet"
    result = CliRunner().invoke(
        cli,
        ["export", str(broken), "-o", str(target), "--findings", str(findings_target), "-l", "en"],
    )
    assert result.exit_code == 2
    assert "broken.json" in result.stderr
    assert "0 files read: nothing written (no file could be read: " in result.stderr
    assert "1 skipped" in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["broken.json"]
    result = CliRunner().invoke(cli, ["export", str(broken), "-o", str(target)])
    assert result.exit_code == 2
    assert "已读取 0 个文件：未写出任何文件（没有一个文件能够读取：" in result.stderr


@pytest.mark.parametrize("locale", ["zh_Hans_CN", "en"])
@pytest.mark.parametrize("quiet", [False, True])
def test_every_input_missing_is_said_as_the_other_commands_say_it(
    tmp_path: Path, locale: str, quiet: bool
) -> None:
    """Every input missing -- a pattern matching nothing, an empty folder, a
    name that is not there -- each said as validate and consolidate say it,
    the pattern and the folder counted apart from the files (not "no file
    could be read" of inputs that were never files), nothing written, exit 2,
    and the closing line said even with --quiet (nothing was written)."""
    from govdisclosure.batch.summary import inputs_without_files
    from govdisclosure.cli.export import _NO_FILE

    pattern, folder = str(tmp_path / "none-*.json"), tmp_path / "empty"
    folder.mkdir()
    target = tmp_path / "cells.csv"
    args = ["export", pattern, str(folder), "--to", "csv", "-o", str(target), "-l", locale]
    result = CliRunner().invoke(cli, [*args, *(["-q"] if quiet else [])])
    assert result.exit_code == 2, result.output
    lines = result.stderr.splitlines()
    assert lines[0] == gettext(locale, "no file matches {pattern}").format(pattern=pattern)
    assert lines[1].startswith(str(folder))
    apart = inputs_without_files(locale, 1, 1)
    assert apart is not None and apart in lines[-1]
    assert gettext(locale, _NO_FILE) in lines[-1]
    assert ("0 files read: nothing written" in lines[-1]) or locale != "en"
    assert ", 0 skipped; " in lines[-1] or locale != "en"
    assert not target.exists()
    # validate counts the same inputs in the same words.
    checked = CliRunner().invoke(cli, ["validate", pattern, str(folder), "-l", locale])
    assert checked.exit_code == 2 and apart in checked.stderr


def test_every_decimal_of_an_amount_is_kept(tmp_path: Path) -> None:
    """平潭 2023's page prints its fees as 5949.088667 万元: six decimals, kept."""
    target = tmp_path / "cells.parquet"
    page = str(EXAMPLES / "pages" / "pingtan-2023.html")
    result = CliRunner().invoke(cli, ["export", page, "-o", str(target)])
    assert result.exit_code == 0, result.output
    assert query(f"SELECT value FROM '{target}' WHERE key = 'table2.fees'") == [
        (Decimal("5949.088667"),)
    ]


def test_an_amount_the_value_column_cannot_hold_is_refused_by_its_path(tmp_path: Path) -> None:
    report = gd.load(EXAMPLES / "huaian-2024.json")
    assert isinstance(report, gd.Report2021)
    fine = attrs.evolve(report, table2=attrs.evolve(report.table2, fees=Decimal("0.0000000001")))
    fine_path, odd_path = tmp_path / "fine.json", tmp_path / "odd.json"
    gd.dump(fine, fine_path)
    gd.dump(
        attrs.evolve(fine, table2=attrs.evolve(fine.table2, fees=Decimal("1.23456789012"))),
        odd_path,
    )
    target = tmp_path / "cells.parquet"
    args = ["export", str(fine_path), str(odd_path), "-o", str(target), "-l", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2
    assert "odd.json" in result.stderr and "$.table2.fees" in result.stderr
    assert "at most 10 decimals" in result.stderr and "1.23456789012" in result.stderr
    assert "Traceback" not in result.output
    assert query(f"SELECT DISTINCT file FROM '{target}'") == [(str(fine_path),)]
    assert query(f"SELECT value FROM '{target}' WHERE key = 'table2.fees'") == [
        (Decimal("0.0000000001"),)
    ]


def test_existing_output_is_kept_without_force(tmp_path: Path) -> None:
    target = tmp_path / "cells.parquet"
    target.write_bytes(b"keep")
    result = CliRunner().invoke(
        cli, ["export", str(EXAMPLES / "huaian-2024.json"), "-o", str(target), "-l", "en"]
    )
    assert result.exit_code == 2 and "exists" in result.output + result.stderr
    assert target.read_bytes() == b"keep"
    assert [p.name for p in tmp_path.iterdir()] == ["cells.parquet"]


def test_findings_table_matches_validate() -> None:
    report = gd.load(EXAMPLES / "hongze-2024.json")
    table = findings([report])
    assert table.column("fingerprint").to_pylist() == [f.fingerprint for f in gd.validate(report)]


HTML_PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"


def test_imported_reports_carry_their_printed_text_and_provenance(tmp_path: Path) -> None:
    """A published page imported with `govdisclosure import`, then the import's
    directory exported: the provenance file is not read as a report, and every
    cell gets the text exactly as printed and where it was found."""
    from govdisclosure.export.keys import layout_of

    imported = tmp_path / "imported"
    page = HTML_PAGES / "2022_jjp-jinjing-pianqu_80617" / "page.html"
    result = CliRunner().invoke(cli, ["import", str(page), "-o", str(imported), "-q"])
    assert result.exit_code in (0, 1), result.output
    assert sorted(p.name for p in imported.iterdir()) == ["page.json", "page.provenance.json"]
    target = tmp_path / "cells.parquet"
    result = CliRunner().invoke(cli, ["export", str(imported), "-o", str(target), "-q"])
    assert result.exit_code == 0, result.output + result.stderr
    report = gd.load(imported / "page.json")
    provenance = json.loads((imported / "page.provenance.json").read_text(encoding="utf-8"))
    layout = layout_of(report)
    key_of = dict(zip(layout.json_paths, layout.keys, strict=True))
    rows = query(
        f"SELECT key, value, printed, source, source_format, match, doubtful, source_table, "
        f"source_row, source_column FROM '{target}'"
    )
    assert len(rows) == len(layout.keys)  # one report's cells: the provenance is no report
    by_key = {row[0]: row[1:] for row in rows}
    printed = {c["path"]: c for c in provenance["cells"]}
    assert printed, "the page's cells were placed"
    for path, key in key_of.items():
        value, text, source, fmt, match, doubtful, table, row, col = by_key[key]
        cell = printed.get(path)
        if cell is None:
            assert (text, match, doubtful, table) == (None, None, None, None), key
            continue
        assert (text, match, doubtful) == (cell["text"], cell["match"], cell["doubtful"])
        assert (table, row, col) == (cell["table"], cell["row"], cell["col"])
        assert (source, fmt) == (provenance["source"], provenance["format"])
        if text.strip().isdigit():  # a figure printed plainly reads as itself
            assert value == Decimal(text.strip()), key


def test_a_broken_provenance_is_reported_not_dropped(tmp_path: Path) -> None:
    report = tmp_path / "unit.json"
    report.write_bytes((EXAMPLES / "huaian-2024.json").read_bytes())
    (tmp_path / "unit.provenance.json").write_text("[1, 2", encoding="utf-8")
    target = tmp_path / "cells.parquet"
    result = CliRunner().invoke(cli, ["export", str(report), "-o", str(target), "-l", "en"])
    assert result.exit_code == 2
    assert "unit.provenance.json is not JSON" in result.stderr


def test_csv_findings_write_the_involved_paths_as_a_json_list(tmp_path: Path) -> None:
    """CSV has no list type: ``involves`` is written as a JSON array of paths, and a
    failed export leaves no temporary file behind."""
    source = str(EXAMPLES / "yuxi-2017.json")
    cells_to, findings_to = tmp_path / "cells.csv", tmp_path / "findings.csv"
    args = ["export", source, "--to", "csv", "-o", str(cells_to), "--findings", str(findings_to)]
    result = CliRunner().invoke(cli, [*args, "-l", "en"])
    assert result.exit_code == 0, result.output
    with findings_to.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    expected = findings([gd.load(source)], files=[source])
    assert len(rows) == expected.num_rows > 0
    assert [json.loads(r["involves"]) for r in rows] == expected.column("involves").to_pylist()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cells.csv", "findings.csv"]


def test_write_refusing_an_existing_findings_file_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    existing = tmp_path / "findings.parquet"
    existing.write_bytes(b"kept")
    report = gd.load(EXAMPLES / "huaian-2024.json")
    try:
        write([report], tmp_path / "cells.parquet", findings_to=existing)
    except FileExistsError:
        pass
    else:
        raise AssertionError("an existing findings file was replaced without force")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["findings.parquet"]
    assert existing.read_bytes() == b"kept"


def test_an_output_that_cannot_be_written_is_named_as_given(tmp_path: Path) -> None:
    """The message names the file asked for, not the hidden temporary name beside it."""
    target = tmp_path / "no such folder" / "cells.parquet"
    source = str(EXAMPLES / "huaian-2024.json")
    result = CliRunner().invoke(cli, ["export", source, "-o", str(target), "-l", "en"])
    assert result.exit_code != 0
    assert f"{target}: no such file or directory" in result.stderr
    assert ".tmp" not in result.stderr


def test_a_write_failing_half_way_leaves_nothing_and_says_why(
    tmp_path: Path, monkeypatch: MonkeyPatch
) -> None:
    """A disk that fills during the export: one message naming the output, no
    traceback, and no temporary file left beside it."""
    from govdisclosure.export import TableWriter

    def full(self: TableWriter, batch: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", str(self._tmp))

    monkeypatch.setattr(TableWriter, "_write_batch", full)
    target = tmp_path / "cells.csv"
    source = str(EXAMPLES / "huaian-2024.json")
    args = ["export", source, "--to", "csv", "-o", str(target), "--jobs", "1", "-l", "en"]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 2, result.output  # an output that cannot be written (docs/cli.md)
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert f"Cannot write {target}: no space left on the device" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_temporary_table_left_by_a_killed_export_is_removed_by_the_next(
    tmp_path: Path,
) -> None:
    """A killed export (SIGKILL, a power cut) leaves its hidden temporary table,
    possibly gigabytes; the next write into the folder removes it, as for every
    other command's temporary files (its process no longer exists)."""
    stale = tmp_path / ".cells.parquet.999999999.abcd1234.tmp"
    stale.write_bytes(b"half a table")
    other = tmp_path / ".kept.tmp"
    other.write_bytes(b"not ours")
    report = gd.load(EXAMPLES / "huaian-2024.json")
    write([report], tmp_path / "cells.parquet")
    assert sorted(p.name for p in tmp_path.iterdir()) == [".kept.tmp", "cells.parquet"]


def test_csv_values_are_written_as_printed_numbers(tmp_path: Path) -> None:
    # Parquet keeps DECIMAL(38, 10); CSV has no types, and pyarrow wrote a
    # count of 15 as "15.0000000000" and 0 as "0E-10".  A CSV value is the
    # exact number as written by hand: no trailing zeros, no exponent.
    target = tmp_path / "cells.csv"
    source = str(EXAMPLES / "huaian-2024.json")
    result = CliRunner().invoke(cli, ["export", source, "--to", "csv", "-o", str(target)])
    assert result.exit_code == 0, result.output
    with target.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    values = [r["value"] for r in rows if r["value"]]
    assert values and all(re.fullmatch(r"-?\d+(\.\d*[1-9])?", v) for v in values), values[:5]
    cells_of = gd.cells_by_path(gd.load(source)).values()
    numbers = {v for v in cells_of if isinstance(v, (int, Decimal))}
    assert {Decimal(v) for v in values} <= {Decimal(n) for n in numbers} | {Decimal(0)}
