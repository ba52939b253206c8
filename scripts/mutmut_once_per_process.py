"""Give mutmut's changes to code run once per process the tests that see it.

mutmut maps each function to the tests that called it while it collected
its statistics, and runs only those for a change to that function.  What
the library builds once per process — the converter and its hooks
(``codec/reference.py``), the generated writers (``codec/fast_write.py``),
the layout variants (``codec/layouts.py``), the export's layouts
(``export/keys.py``) — is called by whichever test first imported the
module or met the shape, so mutmut would run one arbitrary test for a change
there.  This rewrites ``mutants/mutmut-stats.json`` so that such a function
is run with the codec's quick tests (``tests/codec``, each under half a
second) or the export's tests; run it after mutmut has collected its
statistics and before it runs the changes (docs/testing.md, "Mutation
testing").  Usage::

    .venv/bin/python scripts/mutmut_once_per_process.py
"""

from __future__ import annotations

import json
from pathlib import Path

STATS = Path(__file__).resolve().parent.parent / "mutants" / "mutmut-stats.json"

#: Functions run once per process (or once per class or shape), by module.
ONCE = {
    "govdisclosure.codec.reference": (
        "_cell_reader _claims _decimal_reader _is_kind make_converter _layout_hook _object_fn "
        "_structure_report_fn _unstructure_report_fn _omitting_fn _omits_defaults _has_layouts "
        "_is_report_class _is_homogeneous_tuple"
    ),
    "govdisclosure.codec.fast_write": "_build_out_path _generate_out _optional_object _out_name",
    "govdisclosure.codec.layouts": "_declared _shape_keys _type_at layouts_of",
    "govdisclosure.export.keys": "_layout _reason_ids _row layout_of",
}
#: The codec's test files whose quick tests a codec function gets.
CODEC_TESTS = (
    "tests/codec/test_codec.py",
    "tests/codec/test_schema.py",
    "tests/codec/test_duplicate_keys.py",
    "tests/codec/test_codegen.py",
)
QUICK = 0.5  # seconds, as mutmut measured them


def main() -> None:
    stats = json.loads(STATS.read_text(encoding="utf-8"))
    tests = stats["tests_by_mangled_function_name"]
    durations: dict[str, float] = stats["duration_by_test"]
    quick = {t for t, s in durations.items() if t.startswith(CODEC_TESTS) and s < QUICK}
    export = {t for t in durations if t.startswith("tests/export/")}
    widened = 0
    for module, names in ONCE.items():
        extra = export if module.startswith("govdisclosure.export") else quick
        targets = [f"{module}.x_{name}" for name in names.split()]
        if module == "govdisclosure.codec.fast_write":
            targets += [k for k in tests if k.startswith(f"{module}.xǁ_Writerǁ")]
        for target in targets:
            tests[target] = sorted(set(tests.get(target, ())) | extra)
            widened += 1
    STATS.write_text(json.dumps(stats), encoding="utf-8")
    print(f"{widened} functions: {len(quick)} codec tests, {len(export)} export tests")


if __name__ == "__main__":
    main()
