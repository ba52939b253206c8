"""Output names of a batch: one for each input, never two alike, and a
file's own stem wherever no other input shares it."""

from __future__ import annotations

from pathlib import PurePath

from hypothesis import given
from hypothesis import strategies as st

from govdisclosure.batch import output_stems


def test_a_stem_no_other_input_has_is_kept() -> None:
    assert output_stems(["a/huaian-2024.json", "b/hongze-2024.json"]) == {
        "a/huaian-2024.json": "huaian-2024",
        "b/hongze-2024.json": "hongze-2024",
    }


def test_pages_of_one_name_in_folders_of_their_own_are_named_by_folder() -> None:
    assert output_stems(["2021_a/page.html", "2023_b/page.html"]) == {
        "2021_a/page.html": "2021_a_page",
        "2023_b/page.html": "2023_b_page",
    }


def test_a_report_published_as_pdf_and_word_in_one_folder_is_named_by_suffix() -> None:
    assert output_stems(["d/yuxi-2017.pdf", "d/yuxi-2017.docx"]) == {
        "d/yuxi-2017.pdf": "d_yuxi-2017-pdf",
        "d/yuxi-2017.docx": "d_yuxi-2017-docx",
    }
    assert output_stems(["yuxi-2017.pdf", "yuxi-2017.docx"]) == {
        "yuxi-2017.pdf": "yuxi-2017-pdf",
        "yuxi-2017.docx": "yuxi-2017-docx",
    }


def test_the_same_name_in_folders_of_the_same_name_is_numbered() -> None:
    assert output_stems(["x/a/r.json", "y/a/r.json"]) == {
        "x/a/r.json": "a_r-json",
        "y/a/r.json": "a_r-json~2",
    }


_part = st.sampled_from(["a", "b", "page", "a_page", "page-html", "r"])
_paths = st.lists(
    st.builds(
        lambda folders, stem, suffix: str(PurePath(*folders, stem + suffix)),
        st.lists(_part, max_size=2),
        _part,
        st.sampled_from(["", ".html", ".htm", ".json", ".pdf"]),
    ),
    unique=True,
    max_size=12,
)


@given(_paths)
def test_every_input_has_a_name_of_its_own(paths: list[str]) -> None:
    names = output_stems(paths)
    assert set(names) == set(paths)
    assert len(set(names.values())) == len(paths)
    stems = [PurePath(p).stem for p in paths]
    for path in paths:
        if stems.count(PurePath(path).stem) == 1 and not any(
            name == PurePath(path).stem for other, name in names.items() if other != path
        ):
            assert names[path] == PurePath(path).stem
