"""A page without tables that links the page holding the report
(``govdisclosure_html.linked``): the import names the link, as printed, in
a ``report-on-linked-page`` error and the provenance's ``linked_pages``; it
follows nothing (``govdisclosure import URL`` does: ``test_import_urls.py``
of the PDF import).  Before: ``no-table``, the link not named.
"""

from __future__ import annotations

import pytest

from govdisclosure_html import import_html, provenance_json


def _page(body: str, menu: str = "") -> bytes:
    return f"""<!DOCTYPE html><html><head><meta charset="utf-8">
<title>某某局2023年政府信息公开工作年度报告</title></head><body>
<div class="nav">{menu}</div>
<div class="article_content"><h1>某某局2023年政府信息公开工作年度报告</h1>{body}</div>
</body></html>""".encode()


@pytest.mark.parametrize(
    ("body", "named"),
    [
        (
            '<p>年度报告全文<a href="/xxgk/2023/t1.html">点击查看</a></p>',
            "点击查看 (/xxgk/2023/t1.html)",
        ),
        ('<p>详见：<a href="t2.html">某某局2023年年报</a></p>', "某某局2023年年报 (t2.html)"),
        ('<p><a href="../fb/index.shtml">附表：统计表</a></p>', "附表：统计表 (../fb/index.shtml)"),
    ],
    ids=["click-to-view", "see-the-page", "appendix-page"],
)
def test_a_link_to_the_report_page_is_named(body: str, named: str) -> None:
    result = import_html(_page(body, menu='<a href="/index.html">首页</a>'), "notice.html")
    assert result.report is None
    assert [p.code for p in result.problems] == ["report-on-linked-page"]
    assert result.problems[0].params["pages"] == named
    data = provenance_json(result.provenance, result.problems, "en")
    href = named.rsplit(" (", 1)[1][:-1]
    assert data["linked_pages"] == [{"href": href, "text": named.rsplit(" (", 1)[0]}]


@pytest.mark.parametrize(
    "body",
    [
        '<p>本局2023年工作情况如下。<a href="/about.html">关于我们</a></p>',  # no cue
        '<p>详见<a href="#part2">下文</a></p>',  # within the page
        '<p>详见<a href="javascript:void(0)">下文</a></p>',
    ],
    ids=["no-cue", "anchor", "script"],
)
def test_other_links_are_not_named(body: str) -> None:
    result = import_html(_page(body, menu='<a href="/index.html">查看首页</a>'), "notice.html")
    assert [p.code for p in result.problems] == ["no-table"]
    assert "linked_pages" not in provenance_json(result.provenance, result.problems, "en")


def test_an_attachment_stays_an_attachment() -> None:
    body = '<p>附件：<a href="report.pdf">年度报告.pdf</a></p>'
    result = import_html(_page(body), "notice.html")
    assert [p.code for p in result.problems] == ["report-in-attachment"]
    assert "linked_pages" not in provenance_json(result.provenance, result.problems, "en")
