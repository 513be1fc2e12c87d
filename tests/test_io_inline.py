"""Inline tags as private-use markers (io.inline) and their trip through the model (translate.tags)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from vnthai_mt.io.inline import (
    CLOSE,
    EMPTY,
    OPEN,
    Tag,
    check_markers,
    marker,
    markers_in,
    place_markers,
    source_is_balanced,
    split_by_markers,
    strip_markers,
)
from vnthai_mt.translate.tags import TAGS_NOT_PLACED, carry, restore

TAGS = [Tag(OPEN, "1", "g"), Tag(OPEN, "2", "g"), Tag(CLOSE, "2", "g"), Tag(CLOSE, "1", "g"),
        Tag(EMPTY, "3", "x")]
M = [marker(i) for i in range(len(TAGS))]
SOURCE = f"{M[0]}Chủ tịch {M[1]}UBND{M[2]} tỉnh{M[3]} phát biểu{M[4]}."


def test_valid_markers_pass_and_problems_are_named():
    assert check_markers(SOURCE, TAGS) == []
    assert source_is_balanced(TAGS) == []
    swapped = f"{M[0]}a{M[2]}b{M[1]}{M[3]}{M[4]}"
    assert any("comes before its opening tag" in p for p in check_markers(swapped, TAGS))
    crossing = f"{M[0]}{M[1]}a{M[3]}{M[2]}{M[4]}"
    assert any("closes across" in p for p in check_markers(crossing, TAGS))
    assert check_markers(SOURCE.replace(M[4], ""), TAGS) == ["tag 5 (empty 3) is missing"]
    assert check_markers(SOURCE + M[4], TAGS) == ["tag 5 (empty 3) appears more than once"]
    assert source_is_balanced([Tag(OPEN, "1")]) == ["opening tag 1 is never closed"]


def test_place_markers_rebuilds_the_source_order_around_the_text():
    text, moved = place_markers("ประธาน กล่าว", SOURCE, TAGS)
    assert moved and check_markers(text, TAGS) == [] and strip_markers(text) == "ประธาน กล่าว"
    assert place_markers(SOURCE, SOURCE, TAGS) == (SOURCE, False)


def test_split_by_markers():
    assert split_by_markers(f"a{M[0]}b{M[1]}") == ["a", 0, "b", 1]


def test_carry_and_restore_through_placeholders():
    carried = carry(SOURCE, TAGS)
    assert not any(c in carried.text for c in M) and "[1]" in carried.text
    # what a copying model would write back, with its spaces around the placeholders
    out = carried.text.replace("[1]", "[1] ").replace("[4]", " [4]")
    restored, review = restore(out, carried)
    assert review == [] and markers_in(restored) == [0, 1, 2, 3, 4]
    assert restored.startswith(M[0] + "Chủ") and f"tỉnh{M[3]}" in restored
    lost, review = restore("ประธาน [2] กล่าว [1]", carried)
    assert review and review[0].startswith(TAGS_NOT_PLACED)
    assert check_markers(lost, TAGS) == [] and "ประธาน" in lost


def test_a_literal_bracket_number_is_not_taken_for_a_tag():
    text = f"Theo [1], {M[0]}ông An{M[1]} nói"
    tags = [Tag(OPEN, "a"), Tag(CLOSE, "a")]
    carried = carry(text, tags)
    assert "[1]" in carried.text and carried.masked is not None and carried.masked.template != "[{n}]"
    back, review = restore(carried.text, carried)
    assert back == text and review == []


def _well_formed(draw_kinds: list[int]) -> list[Tag]:
    tags, stack, n = [], [], 0
    for k in draw_kinds:
        if k == 0 or (k == 2 and not stack):
            n += 1
            tags.append(Tag(OPEN, str(n)))
            stack.append(str(n))
        elif k == 1:
            tags.append(Tag(EMPTY, f"e{len(tags)}"))
        else:
            tags.append(Tag(CLOSE, stack.pop()))
    while stack:
        tags.append(Tag(CLOSE, stack.pop()))
    return tags


@given(st.lists(st.integers(0, 2), max_size=12), st.lists(st.text("ab ก", max_size=4), min_size=13, max_size=13),
       st.lists(st.integers(0, 12), max_size=6), st.text("xyz ข", max_size=8))
def test_restore_never_loses_or_duplicates_a_tag(kinds, words, noise, tail):
    tags = _well_formed(kinds)
    source = "".join(w + marker(i) for i, w in enumerate(words[: len(tags)])) + words[-1]
    carried = carry(source, tags)
    # a model that drops, repeats and moves placeholders at random
    out = carried.text
    for n in noise:
        out = out.replace(f"[{n}]", "", 1) if n % 3 == 0 else out + f" [{n}]" + tail
    restored, review = restore(out, carried)
    assert check_markers(restored, tags) == []
    assert sorted(markers_in(restored)) == list(range(len(tags)))
