"""Name detection in Vietnamese text."""

from __future__ import annotations

import csv
import unicodedata
from pathlib import Path

from vnthai_mt.names.detect import find_names

DATA = Path(__file__).parent / "data" / "names"
SEED = (DATA / "seed_article.vi.txt").read_text(encoding="utf-8")

THAN, HOAN = ("person", "Nguyễn Khắc Thận"), ("person", "Lại Văn Hoàn")
# Line 1: Thái Bình, Thận, Hoàn; lines 3-4: Thận; line 8: Nam Định, Hưng Yên, Quảng Ninh; lines 9-11: Thận,
# Thận, Hoàn; line 12: Nam Định, Hải Dương, Ninh Bình; line 14: the byline. "sông Hồng" (đồng bằng sông
# Hồng, the Red River Delta) is a translated geographic term, not a name to transcribe.
SEED_NAMES = [
    ("place", "Thái Bình"), THAN, HOAN, THAN, THAN,
    ("place", "Nam Định"), ("place", "Hưng Yên"), ("place", "Quảng Ninh"),
    THAN, THAN, HOAN,
    ("place", "Nam Định"), ("place", "Hải Dương"), ("place", "Ninh Bình"),
    ("person", "Thu Thủy"),
]


def test_seed_article_every_name_and_nothing_else():
    spans = find_names(SEED)
    got = [(s.kind, unicodedata.normalize("NFC", s.text)) for s in spans]
    assert got == [(k, t) for k, t in SEED_NAMES]
    for s in spans:  # offsets are in the original text, decomposed line included
        assert SEED[s.start:s.end] == s.text


def test_decomposed_line_keeps_original_offsets():
    line = SEED.splitlines()[3]
    assert not unicodedata.is_normalized("NFC", line)
    (span,) = find_names(line)
    assert line[span.start:span.end] == span.text
    assert unicodedata.normalize("NFC", span.text) == "Nguyễn Khắc Thận"


def test_cues_and_non_names():
    text = ("Phát biểu tại hội nghị, ông Thận cho biết tỉnh Bắc Kạn và thành phố Hồ Chí Minh đã đạt kết quả. "
            "Thủ tướng Phạm Minh Chính làm việc với Chủ tịch Hội đồng Thi đua. Việt Nam và Trung Quốc ký kết.")
    got = [(s.kind, s.text) for s in find_names(text)]
    assert got == [("person", "Thận"), ("place", "Bắc Kạn"), ("place", "Hồ Chí Minh"),
                   ("person", "Phạm Minh Chính")]


def test_place_lists_and_titles_followed_by_bodies():
    got = [(s.kind, s.text) for s in find_names("Suy tôn tỉnh Nam Định, Hải Dương và Ninh Bình làm Cụm trưởng.")]
    assert got == [("place", "Nam Định"), ("place", "Hải Dương"), ("place", "Ninh Bình")]
    assert find_names("Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh phát biểu.") == []


def test_headline_in_title_case_is_not_a_name():
    assert find_names("Lợn Sát Thủ Tấn Công Nông Dân Trung Quốc Tử Vong") == []


def test_old_style_tones_and_no_diacritics():
    got = [(s.kind, s.text) for s in find_names("Đồng chí Nguyen Khac Than gặp ông Trần Quốc Thuỵ.")]
    assert got == [("person", "Nguyen Khac Than"), ("person", "Trần Quốc Thuỵ")]


def _ntrex():
    lines = [ln for ln in (DATA / "ntrex_names.tsv").read_text(encoding="utf-8").splitlines()
             if ln and not ln.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def test_ntrex_precision_and_recall_floors():
    """Floors under the measured values (scripts/eval_names.py --detect); see the report for the numbers."""
    rows = _ntrex()
    assert len(rows) >= 100
    tp = fp = fn = 0
    for row in rows:
        gold = [tuple(x.split(":", 1)) for x in row["names"].split("|") if x]
        for item in [(s.kind, s.text) for s in find_names(row["text"])]:
            if item in gold:
                gold.remove(item)
                tp += 1
            else:
                fp += 1
        fn += len(gold)
    precision, recall = tp / (tp + fp), tp / (tp + fn)
    assert precision >= 0.85, precision
    assert recall >= 0.40, recall
