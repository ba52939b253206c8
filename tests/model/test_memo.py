"""The identity memo: a hit only for the very object, bounded, oldest first."""

from __future__ import annotations

import pytest

from govdisclosure.memo import IdentityMemo


class Slow:
    """Equal to every other Slow: an identity memo must still tell them apart."""

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Slow)

    def __hash__(self) -> int:
        return 0


def test_a_value_is_found_for_the_same_object_only() -> None:
    memo: IdentityMemo[Slow, str] = IdentityMemo(4)
    a, b = Slow(), Slow()
    assert memo.put(a, "a") == "a"
    assert memo.get(a) == "a"
    assert memo.get(b) is None  # equal, but not the same object


def test_the_oldest_entry_goes_when_full_and_the_objects_are_let_go() -> None:
    memo: IdentityMemo[Slow, int] = IdentityMemo(2)
    first, second, third = Slow(), Slow(), Slow()
    memo.put(first, 1)
    memo.put(second, 2)
    memo.put(third, 3)
    assert len(memo) == 2
    assert memo.get(first) is None
    assert (memo.get(second), memo.get(third)) == (2, 3)
    memo.clear()
    assert len(memo) == 0 and memo.get(third) is None


def test_an_id_reused_by_a_new_object_is_not_a_hit() -> None:
    memo: IdentityMemo[object, str] = IdentityMemo(8)
    key = Slow()
    memo.put(key, "kept")
    # the memo holds the object, so its id cannot be given to another one
    assert all(memo.get(Slow()) is None for _ in range(100))


def test_a_memo_holds_at_least_one_entry() -> None:
    with pytest.raises(ValueError, match="at least one"):
        IdentityMemo(0)
