"""The HTML import from source against the same modules compiled by mypyc.

The question this answers (issue 12, item 7): would compiling the Python the
import runs to C with mypyc (shipped with mypy, a dev dependency) bring the
import of a page to ≤ 3× the bare parse of the same page?  The library and
the plugin are not built that way; this script builds them in a temporary
directory and measures both:

* ``src/govdisclosure`` and the plugin's ``govdisclosure_html`` are copied
  there and the modules of :data:`PLUGIN_MODULES` and :data:`CORE_MODULES`
  are compiled in place (``mypyc --strict`` of this interpreter's
  environment, the machine's C compiler and Python headers), so that with
  the copy first on ``PYTHONPATH`` each compiled module is imported instead
  of its source;
* the output is held to the byte: the report JSON and the provenance JSON
  (both locales, problems included) of every page, with and without derived
  templates, as ``html_import_compare.py`` writes them, from the source and
  from the compiled copy, on the nine portal pages, on ``--generated`` pages
  drawn by the round-trip tests' strategies and on every ``--pages`` folder
  (``html_import_capture.py DIR`` writes the pages the plugin's tests import);
  the script exits 1 if any differs, before it measures anything;
* instructions (``html_import_count.py``'s runs under callgrind,
  ``PYTHONHASHSEED=0``, 1 and 4 passes over the nine pages, the difference
  over 3): the import from source, the import compiled, and the bench's
  floor (selectolax parsing the same pages' bytes);
* CPU time: worker processes of this script, source and compiled taking
  turns round by round, each timing the nine pages as
  ``html_import_bench.py`` does (each page's parse and import taking turns,
  best of its rounds of its calls, ``time.process_time``, summed over the
  pages); each worker prints its floor, its import and how many of the
  import's modules it ran compiled.

    python bench/html_import_mypyc.py [--rounds 6] [--generated 60] [--pages DIR] [--no-count]
    python bench/html_import_mypyc.py --modules text grid   # compile these plugin modules only

It records nothing.  The modules left out, and why (``bench/README.md``, "The
import compiled by mypyc"): ``__init__.py`` holds the plugin's pluggy hooks
(``@hookimpl`` sets an attribute on the function, which a compiled function
does not take); ``cells.py``'s ``Grid`` writes its own slots through
``object.__setattr__`` (it forbids ``__setattr__`` to stay unchanged once
made), which a native class refuses; ``cssgrid.py`` compiles, but takes a
``frozenset & dict.keys()`` whose ``set`` at run time the stubs call a
``frozenset`` (compiled code checks, and raises); ``render.py`` is the
renderer, not the import.  Of the core, ``codec/reference.py`` and
``registry.py`` subclass ``float`` and ``KeyError`` (not compiled by mypyc),
``codec/fast_read.py`` compiles and crashes the interpreter, the strict
converter's readers are generated and ``exec``'d at run time, and the attrs
classes of the report model are left as they are (mypyc would make them
native classes).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from functools import partial
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = ROOT / "plugins" / "govdisclosure-html" / "src" / "govdisclosure_html"
PAGES = ROOT / "plugins" / "govdisclosure-html" / "tests" / "data"
#: The plugin's modules compiled (the import's own Python: reading the page,
#: the grids, placement, the narrative, the mapping).
PLUGIN_MODULES = (
    "page",
    "grid",
    "importer",
    "narrative",
    "source",
    "legacy",
    "sheets",
    "text",
    "divgrid",
    "plan",
    "charset",
    "hiding",
    "recognise",
    "match",
    "provenance",
    "targets",
    "shape",
    "layout",
    "continuation",
    "numbering",
    "outcome",
    "derived",
    "office",
    "traditional",
    "tree",
    "linked",
    "sheet_imports",
)
#: The core's modules compiled: plain functions the import calls (the tuple
#: converters, JSON paths, the identity memo).
CORE_MODULES = ("tuples", "paths", "memo")


def build(into: Path, plugin: tuple[str, ...], core: tuple[str, ...]) -> Path:
    """Copies of the core and the plugin under ``into/src``, the given
    modules compiled in place; returns the folder to put on ``PYTHONPATH``."""
    src = into / "src"
    ignore = shutil.ignore_patterns("__pycache__")
    shutil.copytree(ROOT / "src" / "govdisclosure", src / "govdisclosure", ignore=ignore)
    shutil.copytree(PLUGIN, src / "govdisclosure_html", ignore=ignore)
    files = [f"govdisclosure_html/{m}.py" for m in plugin]
    files += [f"govdisclosure/{m}.py" for m in core]
    mypyc = Path(sys.executable).parent / "mypyc"
    start = time.perf_counter()
    run = subprocess.run([str(mypyc), "--strict", *files], cwd=src, capture_output=True, text=True)
    if run.returncode:
        raise SystemExit(f"mypyc failed:\n{run.stdout[-4000:]}{run.stderr[-4000:]}")
    built = [f for f in files if any((src / f).with_suffix(x).exists() for x in EXTENSION_SUFFIXES)]
    print(
        f"mypyc: {len(files)} modules ({len(plugin)} of the plugin, {len(core)} of the core)"
        f" compiled in {time.perf_counter() - start:.0f} s, {len(built)} built as extension modules"
    )
    return src


def compiled_modules() -> list[str]:
    """The core's and the plugin's modules loaded (after an import of a page)
    from an extension module, not from source."""
    from govdisclosure_html import import_html

    import_html(next(PAGES.glob("*/page.html")).read_bytes())
    return sorted(
        name
        for name, module in list(sys.modules.items())
        if name.split(".")[0] in ("govdisclosure", "govdisclosure_html")
        and str(getattr(module, "__file__", None) or "").endswith(tuple(EXTENSION_SUFFIXES))
    )


def worker() -> None:
    """Time the nine pages as ``html_import_bench.py`` does (one build)."""
    from selectolax.lexbor import LexborHTMLParser

    import html_import_bench as bench
    from govdisclosure_html import import_html

    compiled = compiled_modules()
    floor = imported = 0.0
    for page in sorted(PAGES.glob("*/page.html")):
        data = page.read_bytes()
        data.decode("utf-8")  # the floor's bytes are read as UTF-8: they must be
        import_html(data, validate_report=True)  # warm the cached targets
        parse, bare = bench.best(
            partial(LexborHTMLParser, data), partial(import_html, data, validate_report=False)
        )
        floor, imported = floor + parse, imported + bare
    print(f"{floor * 1e3:.4f} {imported * 1e3:.4f} {len(compiled)}")


def _env(src: Path | None) -> dict[str, str]:
    path = [str(Path(__file__).parent)]
    if src is not None:
        path.insert(0, str(src))
    return {**os.environ, "PYTHONPATH": os.pathsep.join(path)}


def _time(src: Path | None) -> tuple[float, float, int]:
    run = subprocess.run(
        [sys.executable, __file__, "--worker"],
        env=_env(src),
        capture_output=True,
        text=True,
        check=True,
    )
    floor, imported, compiled = run.stdout.split()
    return float(floor), float(imported), int(compiled)


def compare(src: Path, generated: int, folders: list[Path], work: Path) -> bool:
    """The source's and the compiled copy's output on every page, byte for byte."""
    from html_import_compare import _generated, _run

    pages = work / "pages"
    pages.mkdir()
    kinds: dict[str, str] = {}
    for folder in [PAGES, *folders]:
        for page in sorted(folder.glob("*/page.html")):
            name = f"{folder.name}-{page.parent.name}"
            (pages / f"{name}.html").write_bytes(page.read_bytes())
            kinds[name] = f"portal pages of {folder}"
    for i, data in enumerate(_generated(generated) if generated else []):
        (pages / f"generated-{i:04}.html").write_bytes(data)
        kinds[f"generated-{i:04}"] = "generated pages"
    pure = _run(PLUGIN.parent, pages, work / "pure.json")
    compiled = _run(src, pages, work / "compiled.json")
    assert pure.keys() == compiled.keys()
    differing = sorted(key for key in pure if pure[key] != compiled[key])
    for kind in sorted(set(kinds.values())):
        names = [n for n, k in kinds.items() if k == kind]
        cases = [key for key in pure if key.split(" ")[0] in names]
        moved = [key for key in differing if key.split(" ")[0] in names]
        verdict = "identical" if not moved else f"{len(moved)} DIFFER"
        print(f"{kind}: {len(names)} pages, {len(cases)} imports, compiled vs source: {verdict}")
    for key in differing:
        parts = [part for part in pure[key] if pure[key][part] != compiled[key][part]]
        print(f"  {key}: {', '.join(parts)} moved")
    return not differing


def count(src: Path) -> None:
    """Instructions a pass, source and compiled, and the floor's (callgrind)."""
    import html_import_count as counted

    passes = counted.PASSES
    per_pass: dict[str, float] = {}
    saved = os.environ.get("PYTHONPATH")
    for name, work, path in (
        ("parse", "parse", None),
        ("import, source", "import", None),
        ("import, compiled", "import", src),
    ):
        os.environ["PYTHONPATH"] = _env(path)["PYTHONPATH"]
        try:
            counted.warm(work)
            one, many = (counted.count(work, n, None)["Ir"] for n in (1, passes))
        finally:
            if saved is None:
                os.environ.pop("PYTHONPATH")
            else:
                os.environ["PYTHONPATH"] = saved
        per_pass[name] = (many - one) / (passes - 1)
        print(f"nine pages, instructions per pass: {name} {per_pass[name] / 1e6:.2f} M")
    floor = per_pass["parse"]
    pure, compiled = per_pass["import, source"], per_pass["import, compiled"]
    print(
        f"ratio to the parse: source {pure / floor:.2f}×, compiled {compiled / floor:.2f}×;"
        f" compiled/source {compiled / pure:.3f}"
    )


def timed(src: Path, rounds: int) -> None:
    """CPU time, source and compiled workers taking turns round by round."""
    best = {"source": (float("inf"), 0.0), "compiled": (float("inf"), 0.0)}
    ratios: dict[str, list[float]] = {"source": [], "compiled": []}
    load = [os.getloadavg()[0]]
    for i in range(rounds):
        line = []
        for name, path in (
            (("source", None), ("compiled", src))
            if i % 2 == 0
            else (
                ("compiled", src),
                ("source", None),
            )
        ):
            floor, imported, modules = _time(path)
            if (name == "compiled") != (modules > 0):
                raise SystemExit(f"the {name} worker ran {modules} compiled modules")
            ratios[name].append(imported / floor)
            if imported < best[name][0]:
                best[name] = (imported, floor)
            line.append(f"{name} {imported:.2f} ms / {floor:.2f} ms = {imported / floor:.2f}×")
        load.append(os.getloadavg()[0])
        print(f"round {i + 1}: {'; '.join(sorted(line, reverse=True))} (load {load[-1]:.1f})")
    (pure, pure_floor), (comp, comp_floor) = best["source"], best["compiled"]
    print(
        f"best of {rounds} rounds, nine pages: source {pure:.2f} ms ({pure / pure_floor:.2f}×"
        f" its floor {pure_floor:.2f} ms), compiled {comp:.2f} ms ({comp / comp_floor:.2f}×"
        f" its floor {comp_floor:.2f} ms); compiled/source {comp / pure:.3f};"
        f" median ratio to the floor: source {statistics.median(ratios['source']):.2f}×,"
        f" compiled {statistics.median(ratios['compiled']):.2f}×;"
        f" load average {min(load):.1f}–{max(load):.1f}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=6, help="CPU-time rounds (default 6)")
    parser.add_argument("--generated", type=int, default=60, help="generated pages (0: none)")
    parser.add_argument("--pages", type=Path, action="append", default=[], help="page folders")
    parser.add_argument("--no-count", action="store_true", help="skip the callgrind counts")
    parser.add_argument(
        "--modules", nargs="+", help="compile these plugin modules only (no core module)"
    )
    parser.add_argument(
        "--keep", type=Path, help="build in this folder and keep it (reused if built there)"
    )
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker()
        return 0
    plugin, core = (tuple(args.modules), ()) if args.modules else (PLUGIN_MODULES, CORE_MODULES)
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep and (args.keep / "src").is_dir():
            src = args.keep / "src"
            print(f"the build kept in {args.keep} reused")
        else:
            src = build(args.keep or Path(tmp), plugin, core)
        if not compare(src, args.generated, args.pages, Path(tmp)):
            return 1
        if not args.no_count:
            count(src)
        timed(src, args.rounds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
