"""Batch planning by token budget (no model needed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vnthai_mt.translate.backends import plan_batches


@given(
    st.lists(st.integers(min_value=1, max_value=300), max_size=60),
    st.integers(min_value=1, max_value=2000),
    st.data(),
)
def test_every_item_once_budget_kept_keys_not_mixed(lengths, budget, data):
    keys = data.draw(st.lists(st.integers(0, 3), min_size=len(lengths), max_size=len(lengths)))
    batches = plan_batches(lengths, budget, keys)
    flat = [i for batch in batches for i in batch]
    assert sorted(flat) == list(range(len(lengths)))
    for batch in batches:
        assert batch
        assert len({keys[i] for i in batch}) == 1
        if len(batch) > 1:  # an item longer than the budget may stand alone
            assert len(batch) * max(lengths[i] for i in batch) <= budget


def test_sorted_longest_first_and_packed():
    lengths = [5, 50, 10, 50, 5]
    batches = plan_batches(lengths, 100)
    assert batches == [[1, 3], [2, 0, 4]]


def test_empty():
    assert plan_batches([], 100) == []
