"""The Vietnamese word lists of name detection are data (names/data/detect_words.tsv), not code."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from vnthai_mt.names import detect, wordlists

DETECT = Path(detect.__file__)


def test_lists_load_normalized_in_file_order():
    assert wordlists.words("place_cue")[:3] == ("tỉnh", "thành phố", "tp.")
    assert "nguyễn" in wordlists.lowered("surname")
    assert "Việt Nam" in wordlists.words("not_name")
    # old-style tone placement in the file would be normalized: every word equals its normal form
    from vnthai_mt.text import vietnamese

    for name in wordlists.list_names():
        for w in wordlists.words(name):
            assert w == vietnamese.normalize(w), (name, w)


def test_unknown_list_is_an_error():
    with pytest.raises(KeyError, match="no word list"):
        wordlists.words("plase_cue")


def test_every_list_in_the_file_is_used_by_detection():
    source = DETECT.read_text(encoding="utf-8")
    for name in wordlists.list_names():
        assert f'"{name}"' in source, f"list {name} is in the data file but detection never reads it"


def test_detection_has_no_literal_word_lists():
    """No tuple, list or set of three or more Vietnamese words (letters beyond ASCII) left in detect.py."""
    tree = ast.parse(DETECT.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            strings = [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
            vietnamese_words = [s for s in strings if any(c.isalpha() and not c.isascii() for c in s)]
            assert len(vietnamese_words) < 3, f"line {node.lineno}: {strings[:6]}"


def test_detection_reads_the_lists():
    assert detect.TITLES == wordlists.words("title")
    assert "thành phố" in detect.PLACE_CUES
    spans = detect.find_names("Chủ tịch UBND tỉnh Trần Văn Hiệp dự họp.")
    assert [(s.text, s.kind) for s in spans] == [("Trần Văn Hiệp", "person")]
