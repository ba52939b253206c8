"""The HTML importer's output before and after a change: byte for byte, page by page.

A speed-up of the importer must not move a byte of what it writes.  This
script imports the same pages with the plugin source of a git revision
(``--ref``, default ``main``) and with the source of this checkout, each in a
process of its own, and compares the report JSON and the provenance JSON (in
both locales, problems included) of every page, as ``govdisclosure import``
writes them:

* the nine portal pages of ``plugins/govdisclosure-html/tests/data`` (and of
  every ``--pages`` folder given: ``*/page.html`` below it), each imported
  as is and with ``derive_templates``;
* ``--generated`` pages (default 60) drawn, derandomised, from the strategies
  of the round-trip tests: a report of any edition or template rendered as
  HTML, restyled the ways portals print tables (``test_portal_styles.py``),
  imported with ``derive_templates``.

    python bench/html_import_compare.py [--ref main] [--generated 60] [--pages DIR]

It prints one line per kind of page and exits 1 if any output differs
(naming the pages).  It times nothing: ``html_import_bench.py`` does.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PLUGIN_SRC = Path("plugins") / "govdisclosure-html" / "src"
TESTS = ROOT / "plugins" / "govdisclosure-html" / "tests"


def _written(data: bytes, source: str, derive: bool) -> dict[str, str]:
    """What an import of ``data`` writes: report and provenance in each locale."""
    import govdisclosure_html as html
    from govdisclosure.codec import dumps

    result = html.import_html(data, source, derive_templates=derive)
    out = {"report": dumps(result.report) if result.report is not None else "null"}
    for locale in ("zh_Hans_CN", "en"):
        prov = html.provenance_json(result.provenance, result.problems, locale)
        out[f"provenance.{locale}"] = json.dumps(prov, ensure_ascii=False, indent=1)
    return out


def _worker(pages: Path, out: Path) -> None:
    """Import every page of ``pages`` (as the plugin source on ``sys.path`` has it)."""
    import govdisclosure_html

    written: dict[str, Any] = {"module": govdisclosure_html.__file__}
    for page in sorted(pages.glob("*.html")):
        data = page.read_bytes()
        for derive in (False, True):
            written[f"{page.stem} derive={derive}"] = _written(data, page.stem, derive)
    out.write_text(json.dumps(written, ensure_ascii=False), encoding="utf-8")


def _generated(count: int) -> list[bytes]:
    """``count`` restyled renderings of generated reports, the same every run."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    import govdisclosure as gd
    from govdisclosure.testing.strategies import any_reports, without_printed_labels

    sys.path.insert(0, str(TESTS))
    portal: Any = importlib.import_module("test_portal_styles")
    order: list[str] = portal.ORDER
    styles: dict[str, Callable[[str], str]] = portal.STYLES
    pages: list[bytes] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(
        any_reports(max_depth=0).map(without_printed_labels),
        st.sets(st.sampled_from(order)),
    )
    def draw(report: gd.Report, chosen: set[str]) -> None:
        page = gd.render(report, "html").decode("utf-8")
        for name in order:
            if name in chosen:
                page = styles[name](page)
        pages.append(page.encode("utf-8"))

    draw()
    return pages


def _ref_source(ref: str, into: Path) -> Path:
    """The plugin source of git revision ``ref``, unpacked under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref, str(PLUGIN_SRC)],
        check=True,
        capture_output=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into / PLUGIN_SRC


def _run(src: Path, pages: Path, out: Path) -> dict[str, Any]:
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]),
    }
    subprocess.run(
        [sys.executable, __file__, "--worker", str(pages), str(out)], check=True, env=env
    )
    written: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    # The worker must have imported the source it was given, not the installed one.
    assert Path(written.pop("module")).is_relative_to(src), (written, src)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--ref", default="main", help="git revision of the source before")
    parser.add_argument("--generated", type=int, default=60, help="generated pages (0: none)")
    parser.add_argument("--pages", type=Path, action="append", default=[], help="more page folders")
    parser.add_argument("--worker", nargs=2, type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        _worker(*args.worker)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        pages = work / "pages"
        pages.mkdir()
        kinds: dict[str, str] = {}
        for folder in [TESTS / "data", *args.pages]:
            for page in sorted(folder.glob("*/page.html")):
                name = f"{folder.name}-{page.parent.name}"
                (pages / f"{name}.html").write_bytes(page.read_bytes())
                kinds[name] = f"portal pages of {folder}"
        for i, data in enumerate(_generated(args.generated)):
            (pages / f"generated-{i:04}.html").write_bytes(data)
            kinds[f"generated-{i:04}"] = "generated pages"
        before = _run(_ref_source(args.ref, work / "ref"), pages, work / "before.json")
        after = _run(ROOT / PLUGIN_SRC, pages, work / "after.json")
    assert before.keys() == after.keys()
    differing = sorted(key for key in before if before[key] != after[key])
    for kind in sorted(set(kinds.values())):
        names = [n for n, k in kinds.items() if k == kind]
        cases = [key for key in before if key.split(" ")[0] in names]
        moved = [key for key in differing if key.split(" ")[0] in names]
        verdict = "identical" if not moved else f"{len(moved)} DIFFER"
        print(f"{kind}: {len(names)} pages, {len(cases)} imports vs {args.ref}: {verdict}")
    for key in differing:
        parts = [part for part in before[key] if before[key][part] != after[key][part]]
        print(f"  {key}: {', '.join(parts)} moved")
    return 1 if differing else 0


if __name__ == "__main__":
    sys.exit(main())
