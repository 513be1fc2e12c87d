"""longest_leftmost: the one selection rule of the Vietnamese matcher and the Thai form index."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vnthai_mt.text.spans import longest_leftmost

spans = st.lists(st.tuples(st.integers(0, 30), st.integers(1, 8), st.integers(0, 5)).map(
    lambda t: (t[0], t[0] + t[1], t[2])), max_size=25)


def test_the_longest_at_the_leftmost_start_wins():
    got = longest_leftmost([(9, 13, "UBND"), (0, 8, "Chủ tịch"), (0, 13, "Chủ tịch UBND"), (14, 18, "tỉnh")])
    assert got == [(0, 13, "Chủ tịch UBND"), (14, 18, "tỉnh")]


@given(spans)
def test_selection_is_disjoint_ordered_and_maximal(candidates):
    taken = longest_leftmost(candidates)
    assert all(a[1] <= b[0] for a, b in zip(taken, taken[1:]))  # disjoint, left to right
    for c in candidates:
        if c not in taken:  # every dropped candidate overlaps something taken at or before its start
            assert any(t[0] <= c[0] < t[1] or (c[0] <= t[0] < c[1] and t[0] == c[0]) for t in taken), c
    for t in taken:  # nothing longer started at the same place and fit
        assert not any(c[0] == t[0] and c[1] > t[1] for c in candidates)


@given(spans)
def test_selection_does_not_depend_on_input_order(candidates):
    assert longest_leftmost(candidates) == longest_leftmost(list(reversed(candidates)))
