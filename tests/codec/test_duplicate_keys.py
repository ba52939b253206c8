"""A key written twice anywhere in a report's text is refused, whatever the
text's spacing and however many colons its strings hold.

The loader proves most texts free of repeats by counting (colons, then
``":``); these laws pin that shortcut to the exact check: a repeated key is
refused with its path, also when blanks stand before its colon and when
the narrative holds URLs that spoil the first count, and the same text
without the repeat loads as the file does.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govdisclosure as gd
from locations import EXAMPLES

HUAIAN = json.loads((EXAMPLES / "huaian-2024.json").read_text(encoding="utf-8"))


def _key_paths(node: Any, path: tuple[str | int, ...] = ()) -> list[tuple[str | int, ...]]:
    out: list[tuple[str | int, ...]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            out.append((*path, key))
            out += _key_paths(value, (*path, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += _key_paths(value, (*path, i))
    return out


KEY_PATHS = _key_paths(HUAIAN)


def _emit(
    node: Any, repeat: tuple[str | int, ...] | None, blank: str, path: tuple[str | int, ...] = ()
) -> str:
    """JSON text of ``node`` writing the key at ``repeat`` twice (first with
    ``blank`` before its colon), keys in every other object once."""
    if isinstance(node, dict):
        items = []
        for key, value in node.items():
            here = (*path, key)
            text = _emit(value, repeat, blank, here)
            if here == repeat:
                items.append(f"{json.dumps(key)}{blank}: {text}")
            items.append(f"{json.dumps(key)}: {text}")
        return "{" + ", ".join(items) + "}"
    if isinstance(node, list):
        return (
            "[" + ", ".join(_emit(v, repeat, blank, (*path, i)) for i, v in enumerate(node)) + "]"
        )
    return json.dumps(node, ensure_ascii=False)


def _with_urls(data: dict[str, Any], count: int) -> dict[str, Any]:
    """The report with ``count`` URLs (colons inside strings) in its preamble."""
    out = dict(data)
    out["preamble"] = [" ".join(["http://www.gov.cn/gk/"] * count), *data["preamble"]][
        : max(1, len(data["preamble"]))
    ]
    return out


@settings(max_examples=60, deadline=None)
@given(
    index=st.integers(0, len(KEY_PATHS) - 1),
    blank=st.sampled_from(["", " ", "\n", "\t  "]),
    urls=st.integers(0, 3),
    as_bytes=st.booleans(),
)
def test_a_key_written_twice_anywhere_is_refused_with_its_path(
    index: int, blank: str, urls: int, as_bytes: bool
) -> None:
    data = _with_urls(HUAIAN, urls) if urls else HUAIAN
    paths = _key_paths(data)
    repeat = paths[min(index, len(paths) - 1)]
    text = _emit(data, repeat, blank)
    with pytest.raises(gd.LoadError) as info:
        gd.loads(text.encode() if as_bytes else text)
    wanted = "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in repeat)
    assert wanted in [problem.path for problem in info.value.problems]


@pytest.mark.parametrize("urls", [0, 1, 5])
@pytest.mark.parametrize("blank", ["", " "])
def test_the_same_text_without_a_repeat_loads(urls: int, blank: str) -> None:
    data = _with_urls(HUAIAN, urls) if urls else HUAIAN
    text = _emit(data, None, blank)
    assert gd.loads(text) == gd.loads(json.dumps(data, ensure_ascii=False))


@pytest.mark.parametrize(
    ("text", "said"),
    [
        # A JSON object of another shape: the edition is left out, not "null".
        (
            '{"a": 1}',
            '$.edition: expected edition "2021", "2019" or "legacy", which the file leaves out',
        ),
        ('{"edition": null}', '$.edition: expected edition "2021", "2019" or "legacy"; found null'),
    ],
    ids=["left-out", "null"],
)
def test_an_edition_left_out_is_not_said_as_null(tmp_path: Path, text: str, said: str) -> None:
    path = tmp_path / "other.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(gd.LoadError) as caught:
        gd.load(path)
    (problem,) = caught.value.problems
    assert f"{problem.path}: {problem.describe('en')}" == said
    zh = problem.describe("zh_Hans_CN")
    assert ("文件中缺少该字段" in zh) == ("leaves out" in said), zh
