"""Sentence splitting of Vietnamese segments and length-budget splitting; rejoin is exact."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.text.sentences import SplitInfo, rejoin, split_long, split_segment


def parts(text: str) -> list[str]:
    return split_segment(text)[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Câu một. Câu hai! Câu ba? Hết", ["Câu một.", "Câu hai!", "Câu ba?", "Hết"]),
        ("Giảm 6,3%; thu 235.028 tỷ đồng. Ngày 13/3 họp.",
         ["Giảm 6,3%;", "thu 235.028 tỷ đồng.", "Ngày 13/3 họp."]),
        ("TP. Hồ Chí Minh và TS. Lê Văn B. phát biểu.", ["TP. Hồ Chí Minh và TS. Lê Văn B. phát biểu."]),
        ("PGS.TS. Nguyễn Văn A. Trần đến.", ["PGS.TS. Nguyễn Văn A. Trần đến."]),
        ("Gạo, muối v.v. được bán. Xong.", ["Gạo, muối v.v. được bán.", "Xong."]),
        ("được củng cố, kiện toàn... Công tác khen thưởng.", ["được củng cố, kiện toàn...", "Công tác khen thưởng."]),
        ("Chờ đợi… Rồi đi.", ["Chờ đợi…", "Rồi đi."]),
        ('Ông hỏi: "Vì sao?" Tôi đáp.', ['Ông hỏi: "Vì sao?"', "Tôi đáp."]),
        ('Anh hỏi "vì sao?" rồi đi.', ['Anh hỏi "vì sao?" rồi đi.']),
        ("(Xem phụ lục.) Tiếp theo.", ["(Xem phụ lục.)", "Tiếp theo."]),
        ("1. Nội dung chính. 2. Phụ lục.", ["1. Nội dung chính.", "2. Phụ lục."]),
        ("II. Kết quả đạt được.", ["II. Kết quả đạt được."]),
        ("Năm 2023. Đến năm 2024.", ["Năm 2023.", "Đến năm 2024."]),
        ("a.b.c không tách.Đây", ["a.b.c không tách.Đây"]),
        ("Dòng một\nDòng hai", ["Dòng một", "Dòng hai"]),
        ("Thu Thủy", ["Thu Thủy"]),
    ],
)
def test_split_examples(text, expected):
    got, info = split_segment(text)
    assert got == expected
    assert rejoin(got, info) == text


def test_semicolons_optional():
    assert parts("a; b") == ["a;", "b"]
    assert split_segment("a; b", semicolons=False)[0] == ["a; b"]


def test_separators_kept_for_translations():
    got, info = split_segment("  Một.  Hai.\n")
    assert got == ["Một.", "Hai."]
    assert info == SplitInfo(("  ", "  ", "\n"))
    assert rejoin(["หนึ่ง", "สอง"], info) == "  หนึ่ง  สอง\n"


def test_blank_segments():
    assert split_segment("") == ([], SplitInfo(("",)))
    assert split_segment("  \t") == ([], SplitInfo(("  \t",)))
    assert rejoin([], SplitInfo(("  \t",))) == "  \t"


def test_rejoin_checks_count():
    with pytest.raises(ValueError):
        rejoin(["a"], SplitInfo(("", " ", "")))


def test_seed_article_sentences_rejoin():
    # Line 3 of the seed article (Vietnamese, as in ../shared/fixtures): numbers and semicolons.
    line = ("Tốc độ tăng trưởng kinh tế bình quân của các tỉnh trong cụm đạt 6,3%, cao hơn mức tăng trưởng "
            "bình quân của cả nước; thu nhập bình quân đầu người năm 2023 đạt 103 triệu đồng; thu ngân sách "
            "nhà nước đạt 235.028 tỷ đồng. Đến hết năm 2023, toàn cụm có 571 xã đạt chuẩn.")
    got, info = split_segment(line)
    assert len(got) == 4 and got[2] == "thu ngân sách nhà nước đạt 235.028 tỷ đồng."
    assert rejoin(got, info) == line


# --- length budget -----------------------------------------------------------------------------------


def test_split_long_prefers_commas_then_spaces_then_chars():
    text = "một hai ba, bốn năm sáu; bảy tám chín mười mười một mười hai"
    got, info = split_long(text, 20)
    assert got[:2] == ["một hai ba,", "bốn năm sáu;"]
    assert all(len(p) <= 20 for p in got)
    assert rejoin(got, info) == text
    got, info = split_long("x" * 45, 20)
    assert got == ["x" * 20, "x" * 20, "x" * 5] and rejoin(got, info) == "x" * 45


def test_split_long_within_budget_and_token_counter():
    assert split_long("  ngắn  ", 100) == (["ngắn"], SplitInfo(("  ", "  ")))
    def words(s: str) -> int:  # a stand-in token counter
        return len(s.split())

    got, info = split_long("a b c d e f g", 3, words)
    assert got == ["a b c", "d e f", "g"] and rejoin(got, info) == "a b c d e f g"
    with pytest.raises(ValueError):
        split_long("x", 0)


# --- properties --------------------------------------------------------------------------------------

_VI_CHARS = st.sampled_from(list("aăâđeêioôơuưyAĂÂĐEÊIOÔƠUƯYáàảãạếềểễệTPS0123456789") +
                            [" ", "  ", ".", "..", "…", "!", "?", ";", ",", ":", "\n", "\t", '"', "”", ")", "(",
                             "TP.", "PGS.TS.", "v.v.", "6,3%", "235.028", "13/3", "\u00a0", "\r\n"])
_VI_TEXT = st.lists(_VI_CHARS, max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(), _VI_TEXT))
def test_rejoin_split_is_identity(text):
    got, info = split_segment(text)
    assert rejoin(got, info) == text
    assert all(p and p == p.strip() for p in got)


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(), _VI_TEXT), st.integers(min_value=1, max_value=40))
def test_split_long_never_drops_text_and_fits(text, budget):
    got, info = split_long(text, budget)
    assert rejoin(got, info) == text
    assert all(0 < len(p) <= budget for p in got)
    assert all(p == p.strip() for p in got)


@settings(max_examples=200, deadline=None)
@given(_VI_TEXT, st.integers(min_value=1, max_value=30))
def test_nested_split_rejoins(text, budget):
    sentences, info = split_segment(text)
    pieces = [split_long(s, budget) for s in sentences]
    rebuilt = rejoin([rejoin(p, i) for p, i in pieces], info)
    assert rebuilt == text
