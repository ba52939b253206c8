"""Pre-2019 tables that fit no shipped template exactly, imported as printed.

Real tables: the 2009 page of tests/data (2009_gaj-gonganju_80645: one value
column 年末统计, full-width "1．" numbering, 其他 for the template's 其它) and
the three transcribed 平潭 pages of tests/data/transcriptions (2011年度 /
2012年度 headings).  Variants of the 2012 table with a row deleted, a row
added and "1、" numbering show what the import says without the option and
what it keeps with it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

import govdisclosure as gd
from govdisclosure import ReportLegacy
from govdisclosure.cli import cli
from govdisclosure.registry import template_of
from govdisclosure_html import ImportResult, import_html

DATA = Path(__file__).parent / "data"
EXAMPLES = Path(__file__).parents[3] / "examples"
FAX = "| 2.传真申请数 | 条 | 0 | 0 |\n"
WECHAT = "| 7.微信申请数 | 件 | 4 | 4 |\n"


def _page(name: str, edit: Callable[[str], str] = lambda text: text) -> bytes:
    """A transcription as the page it was read from: title, narrative, table."""
    text = (DATA / "transcriptions" / f"{name}.md").read_text(encoding="utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    body = text[text.index("## Full text") : text.index("## Consistency checks")]
    body = edit(body.split("\n", 1)[1])
    html = MarkdownIt("commonmark").enable("table").render(body)
    return (
        f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
        f"<body><h1>{title}</h1>{html}</body></html>"
    ).encode()


def _legacy(result: ImportResult) -> ReportLegacy:
    assert isinstance(result.report, ReportLegacy), [p.message("en") for p in result.problems]
    return result.report


def _codes(result: ImportResult) -> list[str]:
    return [p.code for p in result.problems]


@pytest.mark.parametrize(
    ("name", "example", "heading"),
    [
        ("08_pingtan_2011", "pingtan-2011", "2011年度"),
        ("09_pingtanxian_2011", "pingtanxian-2011", "2011年度"),
        ("11_pingtanxian_2012", "pingtanxian-2012", "2012年度"),
    ],
)
def test_the_transcribed_tables_fit_their_template_and_keep_their_headings(
    name: str, example: str, heading: str
) -> None:
    for derive in (False, True):  # nothing differs: nothing is derived
        report = _legacy(import_html(_page(name), name, derive_templates=derive))
        expected = gd.load(EXAMPLES / f"{example}.json")
        assert isinstance(expected, ReportLegacy)
        assert report.statistics == expected.statistics
        assert report.statistics.template == "fujian-2011"
        assert report.statistics.headings == {"year": heading}


def test_the_2012_table_s_own_error_is_the_publisher_s() -> None:
    # 主动公开信息数 2026 ≠ 网站公开 1795 + 政府公报公开 0 (the transcription's check).
    result = import_html(_page("11_pingtanxian_2012"), "11")
    errors = [p for p in result.problems if p.code == "publisher-error"]
    assert [p.path for p in errors] == [
        "$.statistics.rows['1'].year",
        "$.statistics.rows['1'].cumulative",
    ]
    assert "doubtful-mapping" not in _codes(result)


def test_a_row_left_out_is_named_and_with_the_option_held_as_not_printed() -> None:
    page = _page("11_pingtanxian_2012", lambda text: text.replace(FAX, ""))
    plain = import_html(page, "11")
    report = _legacy(plain)
    assert report.statistics.template == "fujian-2011"
    assert "2.2" not in report.statistics.rows
    missing = [p for p in plain.problems if p.code == "row-not-printed"]
    assert [p.params["label"] for p in missing] == ["2.传真申请数"]
    assert "--derive-templates" in missing[0].message("en")
    assert "传真申请数" in missing[0].message("zh_Hans_CN")

    derived = import_html(page, "11", derive_templates=True)
    report = _legacy(derived)
    template = template_of(report)
    assert template.derived_from == "fujian-2011" and template.not_printed == {"2.2"}
    assert report.statistics.derived == template
    assert "row-not-printed" not in _codes(derived)
    (said,) = [p for p in derived.problems if p.code == "template-derived"]
    assert said.params["missing"] == "2.传真申请数" and said.params["added"] == "—"
    findings = [f for f in gd.validate(report) if f.path.startswith("$.statistics.rows['2']")]
    assert {f.message_id for f in findings} == {"relation.not-printed"}
    assert "未印出" in findings[0].message("zh_Hans_CN")
    # The other numbers are those printed, and the report reads back as it was written.
    assert report.statistics.rows["2.3"] == {"year": 3, "cumulative": 3}
    text = gd.dumps(report)
    assert gd.dumps(gd.loads(text)) == text


def test_a_row_added_is_named_and_with_the_option_kept_with_its_unit() -> None:
    page = _page(
        "11_pingtanxian_2012",
        lambda text: text.replace("| 对申请的答复数", WECHAT + "| 对申请的答复数"),
    )
    plain = import_html(page, "11")
    report = _legacy(plain)
    unfit = [p for p in plain.problems if p.code == "row-not-in-template"]
    assert [p.params["label"] for p in unfit] == ["7.微信申请数"]
    # Everything else as printed; the row that fits nothing is left out.
    assert report.statistics == gd.load(EXAMPLES / "pingtanxian-2012.json").statistics  # type: ignore[union-attr]

    report = _legacy(import_html(page, "11", derive_templates=True))
    template = template_of(report)
    added = template.row("added1")
    assert (added.label, added.unit, added.relation) == ("7.微信申请数", "件", "none")
    assert report.statistics.rows["added1"] == {"year": 4, "cumulative": 4}
    assert [r.code for r in template.rows].index("added1") == [r.code for r in template.rows].index(
        "2.6"
    ) + 1


def test_other_numbering_is_kept_as_printed() -> None:
    page = _page("11_pingtanxian_2012", lambda text: text.replace("其中：1.", "其中：1、"))
    assert _legacy(import_html(page, "11")).statistics.template == "fujian-2011"
    report = _legacy(import_html(page, "11", derive_templates=True))
    template = template_of(report)
    assert template.row("1.1").label == "其中：1、网站公开"
    assert template.row("2.1").label == "其中：1、当面申请数"
    assert template.row("1.1").relation == "sum"  # the relations of the rows it stands for


def test_a_table_no_template_fits_is_refused_or_derived_alone() -> None:
    table = (
        "| 指标名称 | 计量单位 | 2012年度 |\n|---|---|---|\n"
        "| 网站访问量 | 次 | 120000 |\n| 政务微博粉丝数 | 人 | 3500 |\n"
        "| 新闻发布会 | 场 | 6 |\n| 公开栏更新 | 期 | 24 |\n| 信息员培训 | 人次 | 80 |\n"
    )

    def replace_table(text: str) -> str:
        head = text.index("| 指标名称")
        end = text.index("\n\n", head)
        return text[:head] + table + text[end:]

    page = _page("11_pingtanxian_2012", replace_table)
    plain = import_html(page, "11")
    assert plain.report is None
    assert _codes(plain)[-1] in ("no-template-fits", "tables-not-recognised")
    report = _legacy(import_html(page, "11", derive_templates=True))
    template = template_of(report)
    assert template.derived_from is None
    assert [(r.label, r.unit) for r in template.rows] == [
        ("网站访问量", "次"),
        ("政务微博粉丝数", "人"),
        ("新闻发布会", "场"),
        ("公开栏更新", "期"),
        ("信息员培训", "人次"),
    ]
    assert [c.label for c in template.columns] == ["2012年度"]
    key = template.columns[0].key
    assert [report.statistics.rows[r.code][key] for r in template.rows] == [120000, 3500, 6, 24, 80]
    assert gd.loads(gd.dumps(report)) == report


def test_the_2009_page_with_the_option_keeps_its_one_column_and_its_labels() -> None:
    folder = "2009_gaj-gonganju_80645"
    data = (DATA / folder / "page.html").read_bytes()
    plain = _legacy(import_html(data, folder))
    assert plain.statistics.headings == {"year": "年末统计"}
    result = import_html(data, folder, derive_templates=True)
    report = _legacy(result)
    template = template_of(report)
    assert [c.key for c in template.columns] == ["year"]  # 历年累计 is not printed
    assert template.row("1.1").label == "其中：1．网站公开"
    assert template.row("2.6").label == "6．其他形式申请数"
    assert report.statistics.headings == {"year": "年末统计"}
    assert {c: row["year"] for c, row in report.statistics.rows.items()} == {
        c: row["year"] for c, row in plain.statistics.rows.items()
    }
    assert result.provenance.template == template.id
    # Placed by position under a heading that is not 本年度: still said to be doubtful.
    assert all(c.doubtful for c in result.provenance.cells)


def test_the_import_command_derives_templates_when_asked(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_bytes(_page("11_pingtanxian_2012", lambda text: text.replace(FAX, "")))
    runner = CliRunner()
    plain = runner.invoke(cli, ["import", str(page), "-o", str(tmp_path / "a"), "--locale", "en"])
    assert "--derive-templates" in plain.output
    data = orjson.loads((tmp_path / "a" / "p.json").read_bytes())
    assert "derived" not in data["statistics"]
    asked = runner.invoke(
        cli, ["import", str(page), "-o", str(tmp_path / "b"), "--derive-templates"]
    )
    assert asked.exit_code in (0, 1), asked.output
    data = orjson.loads((tmp_path / "b" / "p.json").read_bytes())
    assert data["statistics"]["derived"]["derived_from"] == "fujian-2011"
    report = gd.load(tmp_path / "b" / "p.json")
    assert template_of(report).not_printed == {"2.2"}  # type: ignore[arg-type]
