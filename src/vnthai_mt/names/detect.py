"""Find person and place names in Vietnamese text, so that names no glossary lists can be transcribed by
rule and enforced like glossary entries.

A name is a run of capitalized words (joined by spaces, or by `` - `` in place names) found by one of these
cues, tried in this order:

* a place word before it: tỉnh, thành phố (TP.), huyện, quận, thị xã, thị trấn, xã, phường, thôn ... ->
  place; a run after ``, `` or ``và`` that follows such a place is a place too (tỉnh Hưng Yên và Quảng Ninh);
* a known place name (``data/places.txt``: provinces and large cities) -> place;
* an honorific before it (đồng chí, ông, bà, anh, chị, ngài) -> person, whatever the run;
* a title before it (Chủ tịch, Bí thư, Thủ tướng, Bộ trưởng, Đại tướng, Tiến sĩ ...) -> person when the run
  begins with a Vietnamese surname or is foreign (Tổng thống Trump), not when it is an organization
  (Chủ tịch Hội đồng Thi đua);
* a run of two or more words that begins with a Vietnamese surname -> person (Nguyễn Khắc Thận), also at
  the start of a sentence;
* a line that is nothing but two to four capitalized Vietnamese syllables (a byline: Thu Thủy) -> person.

Runs listed in ``_NOT_NAMES`` (countries, oceans, days, bodies of the state) are never names, and a
capitalized word that merely starts a sentence is not a name without a cue. Input may be NFD or use old
tone placement: detection runs on ``vietnamese.normalize_with_offsets`` and reports offsets and text in
the ORIGINAL string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vnthai_mt.text import vietnamese

PLACE_CUES = (
    "tỉnh", "thành phố", "tp.", "tp", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "thôn", "làng",
    "ấp", "bản", "xóm", "thủ đô", "đặc khu",
)
HONORIFICS = ("đồng chí", "các đồng chí", "ông", "bà", "anh", "chị", "ngài", "cụ", "em", "cháu")
# Honorifics that are also ordinary capitalized words (Anh = Britain, Bà Rịa): lowercase only.
_LOWERCASE_ONLY = {"anh", "chị", "bà", "ông", "em", "cháu", "cụ"}
TITLES = (
    "chủ tịch", "phó chủ tịch", "chủ tịch nước", "phó chủ tịch nước", "chủ tịch quốc hội",
    "phó chủ tịch quốc hội", "bí thư", "phó bí thư", "tổng bí thư", "thủ tướng", "phó thủ tướng",
    "bộ trưởng", "thứ trưởng", "giám đốc", "phó giám đốc", "tổng giám đốc", "chủ nhiệm", "phó chủ nhiệm",
    "trưởng ban", "phó trưởng ban", "chánh án", "viện trưởng", "đại sứ", "tổng thống", "phó tổng thống",
    "thủ hiến", "thị trưởng", "tỉnh trưởng", "đại tướng", "thượng tướng", "trung tướng", "thiếu tướng",
    "đại tá", "thượng tá", "trung tá", "thiếu tá", "tiến sĩ", "ts.", "pgs.", "gs.", "giáo sư", "phó giáo sư",
    "thạc sĩ", "bác sĩ", "luật sư", "nhà báo", "nhà văn", "nhà thơ", "nghệ sĩ", "ca sĩ", "cầu thủ",
    "huấn luyện viên", "hlv", "vua", "hoàng đế", "hoàng tử", "công chúa", "nữ hoàng", "phóng viên",
    "tác giả", "người phát ngôn", "đạo diễn", "diễn viên", "tướng", "chủ tọa", "ủy viên",
)
SURNAMES = frozenset(
    vietnamese.normalize(s) for s in ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Đào", "Đoàn", "Trịnh", "Mai", "Trương", "Lương", "Lâm", "Vương", "Cao", "Hà", "Tạ", "Tô", "Thái", "Quách", "Lại", "Nông", "Chu", "Kiều", "Triệu", "Lục", "Mạc", "Đàm", "Giáp", "Khúc", "Tăng", "Hứa", "Khổng", "Tống", "Phùng", "Lưu", "Châu", "Doãn", "Tôn", "Thân", "Lò", "Quàng", "Hầu", "Kim", "Viên", "Âu", "La", "Từ"]
)
_NOT_NAMES = frozenset(
    vietnamese.normalize(s).lower() for s in (
        "Việt Nam", "Trung Quốc", "Hoa Kỳ", "Nhật Bản", "Hàn Quốc", "Triều Tiên", "Thái Lan", "Lào",
        "Campuchia", "Anh", "Pháp", "Đức", "Nga", "Mỹ", "Ấn Độ", "Úc", "Ý", "Tây Ban Nha", "Bồ Đào Nha",
        "Hy Lạp", "Thổ Nhĩ Kỳ", "Ai Cập", "Hà Lan", "Bỉ", "Thụy Điển", "Thụy Sĩ", "Na Uy", "Đan Mạch",
        "Phần Lan", "Ba Lan", "Séc", "Áo", "Liên Hợp Quốc", "Thái Bình Dương", "Đại Tây Dương",
        "Ấn Độ Dương", "Bắc Băng Dương", "Biển Đông", "Đông Nam Á", "Châu Á", "Châu Âu", "Châu Phi",
        "Trung Đông", "Trung ương", "Quốc hội", "Chính phủ", "Nhà nước", "Hoàng gia", "Thế Chiến",
        "Chủ nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Tết", "Đảng",
        "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy",
        # countries written in their own spelling in Vietnamese text
        "Indonesia", "Mexico", "Singapore", "Malaysia", "Philippines", "Myanmar", "Brunei", "Bolivia", "Chile",
        "Syria", "Iraq", "Iran", "Israel", "Canada", "Brazil", "Argentina", "Venezuela", "Colombia", "Peru",
        "Cuba", "Nigeria", "Kenya", "Ukraine", "Afghanistan", "Pakistan", "Bangladesh", "Macedonia", "Wales",
        "Scotland", "Ireland", "Mông Cổ", "Đài Loan", "Hồng Kông", "Ma Cao",
    )
)
# Verbs of saying: a foreign name right before one is a person (Hammel chia sẻ, Nielsen cho biết).
_SPEECH = tuple(tuple(vietnamese.normalize(w).split()) for w in (
    "nói", "cho biết", "chia sẻ", "phát biểu", "cho hay", "thuật lại", "nhận thấy", "tuyên bố", "khẳng định",
    "đề cập", "nhấn mạnh", "giải thích", "bày tỏ", "viết", "trả lời",
))
# First words of organizations and bodies: a title followed by one of these is not followed by a name.
_ORG_WORDS = frozenset(
    vietnamese.normalize(s).lower() for s in (
        "Hội", "Ban", "Ủy", "Sở", "Bộ", "Cục", "Phòng", "Viện", "Trường", "Công", "Tổng", "Đảng", "Tỉnh",
        "Thành", "Huyện", "Quận", "Xã", "Phường", "Mặt", "Liên", "Đoàn", "Hiệp", "Trung", "Tòa", "Văn",
        "Quốc", "Nhà", "Câu", "Đội", "Cụm", "Khối", "Ngân", "Tập", "Học", "Đại", "Bệnh", "Quỹ", "Chính",
    )
)


@dataclass(frozen=True)
class NameSpan:
    """A name found in the text: ``text[start:end]`` (original offsets) is the name as written.

    kind: "person" or "place"; cue: what found it ("tỉnh", "đồng chí", "surname", "gazetteer", "byline",
    "list"); vietnamese: every word is a Vietnamese syllable (foreign names are found after cues too, but
    the RI rules do not apply to them).
    """

    start: int
    end: int
    text: str
    kind: str
    cue: str = ""
    vietnamese: bool = True


@dataclass(frozen=True)
class _Word:
    start: int  # offsets in the normalized text
    end: int
    text: str
    low: str = ""  # lowercase text, computed once: cue matching looks at every word many times

    def __post_init__(self) -> None:
        object.__setattr__(self, "low", vietnamese.lower_keep_length(self.text))

    @property
    def capitalized(self) -> bool:
        return self.text[:1].isupper() and not (len(self.text) > 1 and self.text.isupper())


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*(?:\.(?=\s|$))?")
_ABBREVIATIONS = {"St.", "Dr.", "Mt.", "Ft.", "A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "J.", "K.", "L.", "M.",
                  "N.", "P.", "R.", "S.", "T.", "W."}
_SENTENCE_END = re.compile(r"[.!?…:;\"“”'(\[]\s*$")


@lru_cache(maxsize=1)
def known_places() -> frozenset[str]:
    from vnthai_mt.names.translit import place_names

    return frozenset(_low(name) for name in place_names())


def _low(text: str) -> str:
    text = re.sub(r"\s*[-–—]\s*", "-", text).rstrip(".")
    return vietnamese.lower_keep_length(vietnamese.normalize(text))


def is_vietnamese_name(text: str) -> bool:
    """Whether every word of ``text`` is a Vietnamese syllable (so the RI rules apply)."""
    from vnthai_mt.names.translit import is_vietnamese_syllable

    words = re.findall(r"[^\W\d_]+", text)
    return bool(words) and all(is_vietnamese_syllable(w) for w in words)


def _cue_table() -> list[tuple[tuple[str, ...], str, str]]:
    """(lowercase words, kind of cue, cue text) longest first."""
    table = []
    for cue in PLACE_CUES:
        table.append((tuple(cue.split()), "place", cue))
    for cue in HONORIFICS:
        table.append((tuple(cue.split()), "honorific", cue))
    for cue in TITLES:
        table.append((tuple(cue.split()), "title", cue))
    table.sort(key=lambda item: -len(item[0]))
    return [(tuple(vietnamese.normalize(w) for w in words), kind, cue) for words, kind, cue in table]


_CUES = _cue_table()
_CUES_BY_FIRST: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
for _cue in _CUES:
    _CUES_BY_FIRST.setdefault(_cue[0][0], []).append(_cue)


def find_names(text: str, glossary=None) -> list[NameSpan]:
    """Person and place names in ``text`` in order; spans a glossary already covers are left out."""
    spans: list[NameSpan] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        for span in _find_in_line(line):
            spans.append(NameSpan(span.start + pos, span.end + pos, span.text, span.kind, span.cue,
                                  span.vietnamese))
        pos += len(line)
    if glossary is not None:
        spans = _drop_glossary_spans(text, spans, glossary)
    return spans


def _find_in_line(text: str) -> list[NameSpan]:
    norm, offsets = vietnamese.normalize_with_offsets(text)
    words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
    found: list[tuple[int, int, str, str]] = []  # (first word, last word + 1, kind, cue) in word indexes
    taken: set[int] = set()

    def add(i: int, j: int, kind: str, cue: str) -> None:
        if any(k in taken for k in range(i, j)):
            return
        taken.update(range(i, j))
        found.append((i, j, kind, cue))

    i = 0
    while i < len(words):
        cue = _match_cue(words, i, norm)
        if cue is not None:
            n_cue, cue_kind, cue_text = cue
            j0 = i + n_cue
            allowed_gaps = (" ",) if cue_kind == "place" else (" ", ": ")
            run = _run(words, j0, norm, allow_hyphen=cue_kind == "place")
            if run > j0 and _gap(norm, words[j0 - 1], words[j0]) in allowed_gaps \
                    and _acceptable(words[j0:run], cue_kind):
                kind = "place" if cue_kind == "place" else "person"
                add(j0, run, kind, cue_text)
                if kind == "place":
                    run = _coordinated(words, run, norm, add, cue_text)
                i = run
                continue
        i += 1

    headline = _title_case(words)
    for i, w in enumerate(words):  # known places and surname-initial runs, anywhere
        if i in taken or not w.capitalized:
            continue
        run = _run(words, i, norm, allow_hyphen=True)
        if run == i:
            continue
        run_low = _low(norm[w.start:words[run - 1].end])
        if run_low in _NOT_NAMES:
            continue
        place_end = _known_place_prefix(words, i, run, norm)
        if place_end:
            add(i, place_end, "place", "gazetteer")
            _coordinated(words, place_end, norm, add, "list")
            continue
        plain_run = _run(words, i, norm, allow_hyphen=False)
        if headline or plain_run - i < 2 or vietnamese.normalize(w.text) not in SURNAMES \
                or not all(is_vietnamese_name(x.text) for x in words[i:plain_run]):
            continue
        # "ở Lục Bàn Thủy, tỉnh Quý Châu": after a locative word, a surname-like run is a place.
        locative = i > 0 and vietnamese.lower_keep_length(words[i - 1].text) in _LOCATIVES \
            and _gap(norm, words[i - 1], w) == " "
        add(i, plain_run, "place" if locative else "person", "locative" if locative else "surname")

    if not headline:
        _foreign(words, norm, add, taken)
        _byline(norm, words, add)

    spans = []
    for i, j, kind, cue in sorted(found):
        a, b = words[i].start, words[j - 1].end
        surface = norm[a:b].rstrip(".")
        b = a + len(surface)
        start, end = offsets[a], offsets[b]
        spans.append(NameSpan(start, end, text[start:end], kind, cue, is_vietnamese_name(surface)))
    return spans


_LOCATIVES = frozenset(vietnamese.normalize(w) for w in ("ở", "tại", "từ", "đến", "tới", "về", "qua", "khỏi"))


def _title_case(words: list[_Word]) -> bool:
    """A headline in title case (Lợn Sát Thủ Tấn Công Nông Dân ...): capitalization says nothing there."""
    return len(words) >= 4 and sum(w.capitalized for w in words) >= 0.7 * len(words)


def _gap(norm: str, a: _Word, b: _Word) -> str:
    return norm[a.end:b.start]


def _sentence_initial(words: list[_Word], i: int, norm: str) -> bool:
    if i == 0:
        return True
    before = norm[words[i - 1].end:words[i].start]
    return bool(_SENTENCE_END.search(before)) or words[i - 1].text.endswith(".")


def _match_cue(words: list[_Word], i: int, norm: str):
    for cue_words, kind, cue_text in _CUES_BY_FIRST.get(words[i].low, ()):
        n = len(cue_words)
        if i + n > len(words):
            continue
        if tuple(w.low for w in words[i:i + n]) != cue_words:
            continue
        if any(_gap(norm, words[k], words[k + 1]) != " " for k in range(i, i + n - 1)):
            continue
        if kind == "honorific" and n == 1 and cue_words[0] in _LOWERCASE_ONLY and not words[i].text.islower() \
                and not (cue_words[0] in ("ông", "bà") and _sentence_initial(words, i, norm)):
            continue
        if words[i].capitalized and _known_place_prefix(words, i, _run(words, i, norm, True), norm):
            continue  # "Bà Rịa - Vũng Tàu", "Thành phố Hồ Chí Minh" are places, not cue + name
        if kind == "place" and words[i].capitalized and i + n < len(words) \
                and not words[i + n].capitalized and not _sentence_initial(words, i, norm):
            continue  # "Tỉnh ủy": the cue word is part of a body's name
        return n, kind, cue_text
    return None


def _run(words: list[_Word], i: int, norm: str, allow_hyphen: bool, limit: int = 5) -> int:
    """End (exclusive) of the run of capitalized words starting at ``i``."""
    j = i
    while j < len(words) and j - i < limit and words[j].capitalized:
        if j > i:
            gap = _gap(norm, words[j - 1], words[j])
            hyphen = allow_hyphen and re.fullmatch(r"\s*[-–—]\s*", gap or "x")
            if gap != " " and not hyphen:
                break
        j += 1
        if words[j - 1].text.endswith(".") and words[j - 1].text not in _ABBREVIATIONS:
            break
    return j


def _acceptable(run: list[_Word], cue_kind: str) -> bool:
    first = vietnamese.normalize(run[0].text)
    low = _low(" ".join(w.text for w in run))
    if low in _NOT_NAMES or vietnamese.lower_keep_length(first) in _NOT_NAMES and len(run) == 1:
        return False
    if cue_kind in ("place", "honorific"):
        return vietnamese.lower_keep_length(first) not in _ORG_WORDS or first in SURNAMES
    # titles: a surname, or a foreign name; never an organization
    if first in SURNAMES:
        return True
    return not all(is_vietnamese_name(w.text) for w in run)


def _coordinated(words: list[_Word], j: int, norm: str, add, cue_text: str) -> int:
    """Places listed after a place: ``, X``, ``và X``, ``, X và Y``. Returns the end reached."""
    while j < len(words):
        gap = _gap(norm, words[j - 1], words[j])
        k = j
        if gap == " " and vietnamese.lower_keep_length(words[j].text) in ("và", "hoặc"):
            k = j + 1
        elif gap != ", ":
            break
        if k >= len(words) or not words[k].capitalized or (k > j and _gap(norm, words[j], words[k]) != " "):
            break
        if _match_cue(words, k, norm) is not None:
            break
        end = _run(words, k, norm, allow_hyphen=True)
        surface = norm[words[k].start:words[end - 1].end]
        if _low(surface) in _NOT_NAMES:
            break
        followed_by_lowercase = end < len(words) and _gap(norm, words[end - 1], words[end]) == " " \
            and words[end].text[:1].islower()
        known = _known_place_prefix(words, k, end, norm) == end
        if not known and is_vietnamese_name(surface) and (end - k < 2 or followed_by_lowercase):
            break  # "thành phố Thái Bình, Cụm thi đua ...": not a list of places
        add(k, end, "place", "list")
        j = end
    return j


def _known_place_prefix(words: list[_Word], i: int, run: int, norm: str) -> int:
    """End of the longest known place name that is the whole run (or the run minus trailing words)."""
    places = known_places()
    for end in range(run, i, -1):
        if _low(norm[words[i].start:words[end - 1].end]) in places:
            # 'Thái Bình Dương' is not 'Thái Bình': a known place must not be followed by a capitalized word
            if end < run:
                return 0
            return end
    return 0


def _foreign(words: list[_Word], norm: str, add, taken: set[int]) -> None:
    """Foreign names without a title: after a locative word (tại Encinitas) -> place; before a verb of
    saying (Hammel chia sẻ) -> person. A run must contain a word that is not a Vietnamese syllable."""
    i = 0
    while i < len(words):
        w = words[i]
        if i in taken or not w.capitalized:
            i += 1
            continue
        run = _run(words, i, norm, allow_hyphen=False, limit=3)
        surface = norm[w.start:words[run - 1].end]
        if any(k in taken for k in range(i, run)) or _low(surface) in _NOT_NAMES or is_vietnamese_name(surface):
            i = run
            continue
        locative = i > 0 and not _sentence_initial(words, i, norm) and _gap(norm, words[i - 1], w) == " " \
            and vietnamese.lower_keep_length(words[i - 1].text) in ("tại", "ở")
        after = [vietnamese.lower_keep_length(x.text) for x in words[run:run + 3]]
        gap_after = _gap(norm, words[run - 1], words[run]) if run < len(words) else ""
        speaks = gap_after in (" ", ", ") and any(tuple(after[:len(v)]) == v for v in _SPEECH)
        if locative:
            add(i, run, "place", "locative")
        elif speaks:
            add(i, run, "person", "speech")
        i = run


def _byline(norm: str, words: list[_Word], add) -> None:
    """A line that is only two to four capitalized Vietnamese syllables is a person's name (a byline)."""
    parts = norm.split(" ")
    if len(words) == len(parts) and 2 <= len(parts) <= 4 and all(w.capitalized for w in words) \
            and is_vietnamese_name(norm) and _low(norm) not in _NOT_NAMES and not _known_place_prefix(
                words, 0, len(words), norm):
        add(0, len(words), "person", "byline")


def _drop_glossary_spans(text: str, spans: list[NameSpan], glossary) -> list[NameSpan]:
    from vnthai_mt.glossary import Matcher

    covered = [(m.start, m.end) for m in Matcher(glossary).find(text)]
    return [s for s in spans if not any(a < s.end and s.start < b for a, b in covered)]
