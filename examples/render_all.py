"""Render every example report with every installed renderer (``make demo``).

Usage: ``python examples/render_all.py OUT_DIR``

Each ``examples/**/*.json`` (not the example plugins under
``examples/plugins``) is loaded and rendered by each installed renderer
that supports its edition, into ``OUT_DIR/<stem><suffix>``; reports in
sub-directories get the directory in the name (``consolidation-xishan-2024.pdf``)
so that two examples with one stem never overwrite each other.  Each file
is written atomically.

Each sub-directory of units' reports (``examples/consolidation``) is also
consolidated into the report of the unit they all name as ``parent`` and
rendered as ``<dir>-consolidated<suffix>``, with its per-unit breakdown
appendix: what a city office would publish.

Renderers that offer a fill-in form (``xlsx``: the Excel filing template)
also write the blank form of every edition and layout, as ``govdisclosure
new --to xlsx`` would: ``form-2021.xlsx``, ``form-2019.xlsx`` and
``form-legacy-<template>.xlsx``.

The script prints every file it wrote and exits 1 if any report could not
be loaded, consolidated or rendered, after trying all of them.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govdisclosure as gd
from govdisclosure.authoring import blank_report as _blank_report
from govdisclosure.editions import Report
from govdisclosure.files import write_atomic
from govdisclosure.plugin.manager import failures, renderers
from govdisclosure.plugin.types import RenderOptions
from govdisclosure.registry import known_template_ids


def blank_report(edition: str, year: int, unit: str, template: str | None = None) -> Report:
    """What ``govdisclosure new`` writes: headings, and every template row listed."""
    return _blank_report(edition, year, unit, template, with_headings=True, with_rows=True)


EXAMPLES = Path(__file__).resolve().parent


def example_files() -> list[Path]:
    return sorted(
        p for p in EXAMPLES.rglob("*.json") if "plugins" not in p.relative_to(EXAMPLES).parts
    )


def output_name(path: Path, suffix: str) -> str:
    parts = path.relative_to(EXAMPLES).with_suffix("").parts
    return "-".join(parts) + suffix


def unit_directories(files: list[Path]) -> list[Path]:
    """Sub-directories of ``examples/`` whose reports are units to add up."""
    return sorted({p.parent for p in files if p.parent != EXAMPLES})


def blank_forms() -> list[tuple[str, gd.Report]]:
    """The blank report of every edition (and legacy template), named for its form file."""
    forms: list[tuple[str, gd.Report]] = [
        ("form-2021", blank_report("2021", 2025, "某县人民政府")),
        ("form-2019", blank_report("2019", 2020, "某县人民政府")),
    ]
    for template in known_template_ids():
        forms.append(
            (
                f"form-legacy-{template}",
                blank_report("legacy", 2018, "某县人民政府", template=template),
            )
        )
    return forms


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    for failure in failures():
        print(f"warning: plugin {failure.describe()}", file=sys.stderr)
    available = renderers()
    if not available:
        print("error: no renderer plugin is installed", file=sys.stderr)
        return 1
    print(f"renderers: {', '.join(sorted(available))}")
    errors = 0
    written = 0

    def render_all(report: gd.Report, source: Path) -> None:
        nonlocal errors, written
        for name, renderer in sorted(available.items()):
            if not renderer.supports(report.edition):
                continue
            target = out / output_name(source, renderer.suffix)
            try:
                write_atomic(gd.render(report, name), target, force=True)
            except Exception as exc:  # noqa: BLE001 - report every failure, then exit non-zero
                print(
                    f"error: {source.name} → {name}: {type(exc).__name__}: {exc}", file=sys.stderr
                )
                errors += 1
                continue
            written += 1
            print(f"  {target}")

    files = example_files()
    loaded: dict[Path, gd.Report] = {}
    for path in files:
        try:
            loaded[path] = gd.load(path)
        except gd.LoadError as exc:
            print(exc.render("en"), file=sys.stderr)
            errors += 1
            continue
        render_all(loaded[path], path)
    for directory in unit_directories(files):
        units = [report for path, report in loaded.items() if path.parent == directory]
        try:
            total = gd.consolidate(units)
        except gd.ConsolidationError as exc:
            print(f"error: {directory.name}: {exc.render('en')}", file=sys.stderr)
            errors += 1
            continue
        render_all(total, directory.with_name(directory.name + "-consolidated.json"))
    for name, renderer in sorted(available.items()):
        if renderer.form is None:
            continue
        for stem, blank in blank_forms():
            if not renderer.supports(blank.edition):
                continue
            target = out / (stem + renderer.suffix)
            try:
                write_atomic(renderer.form(blank, RenderOptions()), target, force=True)
            except Exception as exc:  # noqa: BLE001 - report every failure, then exit non-zero
                print(f"error: {stem} → {name} form: {type(exc).__name__}: {exc}", file=sys.stderr)
                errors += 1
                continue
            written += 1
            print(f"  {target}")
    print(f"{written} files in {out}/" + (f", {errors} failures" if errors else ""))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
