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

Around these cues, the text is read as an editor reads official news:

* the shipped glossary's titles and bodies are the frame: their words are never part of a name, and the
  run after one that names a level (Chủ tịch UBND tỉnh, Bí thư Thành ủy) is the unit, the person, or the
  unit then the person (``Hà Nội | Nguyễn Duy Ngọc``); a place word makes a place only where the run is not
  a person's full name (Chủ tịch UBND tỉnh Trần Văn Hiệp is a man); a country before a leader's name is cut
  off and the leader is foreign (Chủ tịch nước Lào Thongloun Sisoulith: not transcribed by Vietnamese rules);
* photo and byline labels (Ảnh:, Tác giả:, Tin, ảnh:) are not part of names and the name after one is a
  person; words in capitals are read in title case (``fold_capitals``, offsets kept);
* a list after a place word carries the head to every item (các xã A, B và C); year names (Giáp Thìn) and
  words of compounds (Quân sự, Vương quốc, Đoàn Ngoại giao) are not names;
* one name, one kind per document: the cues of all its mentions decide, and a name found once is found
  again where no cue stands (``_one_kind_per_document``).

Every list of Vietnamese words used here (place words, honorifics, titles, credit labels, surnames ...)
is data: ``data/detect_words.tsv`` and ``data/surnames.txt``, read by :mod:`vnthai_mt.names.wordlists`.
Runs listed as ``not_name`` there (countries, oceans, days, bodies of the state) are never names, and a
capitalized word that merely starts a sentence is not a name without a cue. Input may be NFD or use old
tone placement: detection runs on ``vietnamese.normalize_with_offsets`` and reports offsets and text in
the ORIGINAL string.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vnthai_mt.names.wordlists import lowered, words
from vnthai_mt.text import vietnamese

PLACE_CUES = words("place_cue")
# Place words that are also surnames or common capitalized words (Hồ Chí Minh, Sông Hương as a name):
# cues only when written in lowercase.
_LOWER_PLACE_CUES = frozenset(words("place_cue_lowercase_only"))
HONORIFICS = words("honorific")
# Honorifics that are also ordinary capitalized words (Anh = Britain, Bà Rịa): lowercase only.
_LOWERCASE_ONLY = frozenset(words("honorific_lowercase_only"))
TITLES = words("title")
SURNAMES = frozenset(words("surname"))
# Middle names that only persons carry (Trần Văn Hiệp, Nguyễn Thị Tuyến): a run with one is a person's
# full name even after a place word ("Chủ tịch UBND tỉnh Trần Văn Hiệp").
_PERSON_MIDDLES = frozenset(words("person_middle"))
# Year names of the sexagenary cycle (Giáp Thìn, Quý Mão): capitalized, never names.
_STEMS = lowered("year_stem")
_BRANCHES = lowered("year_branch")
# Labels of photo credits and bylines: the capitalized run after one is a person, the label is not.
_CREDITS = words("credit_label")
# Foreign honorifics (Samdech Techo Hun Sen): the name after one is a person and not Vietnamese.
_FOREIGN_HONORIFICS = tuple(tuple(w.lower().split()) for w in words("foreign_honorific"))
# Words that end a title or body naming its level: a run right after such a frame may begin with the
# unit's name (Chủ tịch UBND tỉnh Hà Tĩnh Trần Minh Kỳ).
_LEVEL_WORDS = lowered("level_word")
_NOT_NAMES = frozenset(w.lower() for w in words("not_name"))
# Verbs of saying: a foreign name right before one is a person (Hammel chia sẻ, Nielsen cho biết).
_SPEECH = tuple(tuple(w.split()) for w in words("speech_verb"))
# First words of organizations and bodies: a title followed by one of these is not followed by a name.
_ORG_WORDS = frozenset(w.lower() for w in words("org_word"))


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
    """Place names detection knows without a cue: ``data/places.txt`` and the shipped list of
    administrative units (``names.places``), less the places named after people."""
    from vnthai_mt.names import places
    from vnthai_mt.names.translit import place_names

    names = {_low(name) for name in place_names()}
    also_person = {_low(n) for n in words("place_also_person")}
    for unit in places.load_units():
        for name in (unit.vi, *unit.vi_variants):
            # a district's or a ward's name that begins with a surname (Hoàng Mai) may be a person's: a
            # place only after a place word (quận Hoàng Mai), where it is found anyway
            if unit.type in places.LOCAL_TYPES and vietnamese.normalize(name.split()[0]) in SURNAMES:
                continue
            names.add(_low(name))
    names -= also_person
    return frozenset(names | {n.replace("-", " ") for n in names} | {n.replace(" ", "-") for n in names
                                                                  if n.count(" ") == 1 and "-" in n})


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
    spans = _one_kind_per_document(text, spans)
    if glossary is not None:
        spans = _drop_glossary_spans(text, spans, glossary)
    return spans


# How much a cue says about the kind: a title or an honorific names a person, a place word or the
# gazetteer a place; the bare shape of a name (a surname first) says least.
_WEAK_CUES = frozenset(("surname", "list", "locative", "speech", "byline", "document"))


def _one_kind_per_document(text: str, spans: list[NameSpan]) -> list[NameSpan]:
    """One name, one kind in a document, and every mention of it found.

    The kind of each name (its normalized, lowercased text) is decided for the whole document by its
    mentions' cues (gazetteer 3, other cues 2, the bare shape 1; a tie goes to the first mention), and
    every mention takes it, never per mention. Then each name of two words or more that was found is
    looked for again where no cue stood (Yên Thành 3, Tiên Nguyên 3 after "xã Yên Thành, Tiên Nguyên"):
    a capitalized run that is exactly that name is a mention of it (cue "document")."""
    if not spans:
        return spans
    votes: dict[str, dict[str, int]] = {}
    first: dict[str, str] = {}
    for sp in spans:
        key = _low(sp.text)
        weight = 3 if sp.cue == "gazetteer" else 1 if sp.cue in _WEAK_CUES else 2
        votes.setdefault(key, {}).setdefault(sp.kind, 0)
        votes[key][sp.kind] += weight
        first.setdefault(key, sp.kind)
    kind_of = {k: max(v, key=lambda kind: (v[kind], kind == first[k])) for k, v in votes.items()}
    # A name once read as foreign (Đại sứ Trung Quốc Khổng Huyễn Hựu) is foreign at every mention.
    foreign = {_low(sp.text) for sp in spans if not sp.vietnamese}
    out = [sp if sp.kind == kind_of[_low(sp.text)] and (not sp.vietnamese or _low(sp.text) not in foreign) else
           NameSpan(sp.start, sp.end, sp.text, kind_of[_low(sp.text)], sp.cue,
                    sp.vietnamese and _low(sp.text) not in foreign) for sp in spans]
    taken = [(sp.start, sp.end) for sp in out]
    seen: dict[str, NameSpan] = {}
    for sp in out:
        if len(sp.text.split()) >= 2 and not sp.text.isupper():
            seen.setdefault(sp.text, sp)
    for surface, model in sorted(seen.items(), key=lambda item: -len(item[0])):
        for m in re.finditer(re.escape(surface), text):
            a, b = m.span()
            if any(x < b and a < y for x, y in taken) or not _alone(text, a, b):
                continue
            out.append(NameSpan(a, b, surface, kind_of[_low(surface)], "document", model.vietnamese))
            taken.append((a, b))
    out.sort(key=lambda sp: sp.start)
    return out


# Words that open a sentence with a capital but are not part of a name (Ở Yên Thành ...).
_OPENERS = frozenset(words("opener"))


def _alone(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` stands as a whole run: no letter glued to it, no capitalized word next to it."""
    glued_before = a > 0 and (text[a - 1].isalnum() or text[a - 1] == "-")
    if glued_before or b < len(text) and (text[b].isalnum() or text[b] == "-"):
        return False
    before, after = text[max(0, a - 30):a], text[b:b + 2]
    if before.endswith(" ") and before[:-1] and before.rstrip()[-1:].isalpha():
        last = before.split()[-1] if before.split() else ""
        if last[:1].isupper() and vietnamese.lower_keep_length(vietnamese.normalize(last)) not in _OPENERS:
            return False
    return not (after.startswith(" ") and after[1:2].isupper())


def _find_in_line(text: str) -> list[NameSpan]:
    norm, offsets = vietnamese.normalize_with_offsets(text)
    norm = fold_capitals(norm)  # same length: offsets hold
    words = [_Word(m.start(), m.end(), m.group()) for m in _WORD.finditer(norm)]
    found: list[tuple[int, int, str, str]] = []  # (first word, last word + 1, kind, cue) in word indexes
    taken: set[int] = set()

    def add(i: int, j: int, kind: str, cue: str) -> None:
        if any(k in taken for k in range(i, j)):
            return
        taken.update(range(i, j))
        found.append((i, j, kind, cue))

    add.taken = taken  # type: ignore[attr-defined]  # lists stop at words a title or body took

    foreign: set[tuple[int, int]] = set()
    _frame_pass(words, norm, add, taken, foreign)
    _credit_pass(words, norm, add, taken)

    i = 0
    while i < len(words):
        cue = _match_cue(words, i, norm)
        if cue is not None:
            n_cue, cue_kind, cue_text = cue
            j0 = i + n_cue
            if cue_kind == "honorific" and j0 < len(words) and (_match_cue(words, j0, norm) or (None,))[-1:] \
                    and (_match_cue(words, j0, norm) or (0, ""))[1] == "title":
                i = j0  # "Đồng chí Chủ tịch", "đồng chí Phó Bí thư": the title follows, not a name
                continue
            allowed_gaps = (" ",) if cue_kind == "place" else (" ", ": ")
            run = _run(words, j0, norm, allow_hyphen=cue_kind == "place")
            run = _cut_at(run, j0, taken)
            if cue_kind == "title" and run > j0:
                country = _country_prefix(words, j0, run, norm)
                if country and run > country and _gap(norm, words[j0 - 1], words[j0]) == " ":
                    add(country, run, "person", cue_text)  # "Đại sứ Lào Sengphet Houngboungnuang"
                    foreign.add((country, run))
                    i = run
                    continue
                if run - j0 == 1 and run < len(words) and words[run].text[:1].islower() \
                        and is_vietnamese_name(words[j0].text):
                    i = run  # "Thủ tướng Vương quốc ...": a word of a compound
                    continue
            if run > j0 and _gap(norm, words[j0 - 1], words[j0]) in allowed_gaps \
                    and _acceptable(words[j0:run], cue_kind):
                kind = "place" if cue_kind == "place" else "person"
                if kind == "place":
                    k = _person_split(words, j0, run, norm)
                    if k is not None:  # "UBND tỉnh Hà Tĩnh Trần Minh Kỳ": the unit, then the person
                        add(j0, k, "place", cue_text)
                        add(k, run, "person", "title")
                        i = run
                        continue
                    if _full_person_name(words, j0, run):  # "Chủ tịch UBND tỉnh Trần Văn Hiệp"
                        add(j0, run, "person", "title")
                        i = run
                        continue
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
        run = _cut_at(run, i, taken)
        run_low = _low(norm[w.start:words[run - 1].end])
        if run_low in _NOT_NAMES or _year_name(words[i:run]):
            continue
        if vietnamese.normalize(w.low) in _OPENERS and run > i + 1 and _sentence_initial(words, i, norm) \
                and _known_place_prefix(words, i + 1, run, norm) == run:
            add(i + 1, run, "place", "gazetteer")  # "Từ Vinh vào Huế": the opener (also a surname), then a place
            _coordinated(words, run, norm, add, "list")
            continue
        place_end = 0 if _inside_person(words, i, norm) else _known_place_prefix(words, i, run, norm)
        if place_end:
            add(i, place_end, "place", "gazetteer")
            _coordinated(words, place_end, norm, add, "list")
            continue
        plain_run = _run(words, i, norm, allow_hyphen=False)
        if headline or plain_run - i < 2 or vietnamese.normalize(w.text) not in SURNAMES \
                or not all(is_vietnamese_name(x.text) for x in words[i:plain_run]):
            continue
        if plain_run - i == 2 and w.low in _ORG_WORDS and plain_run < len(words) \
                and words[plain_run].text[:1].islower():
            continue  # "Đoàn Ngoại giao", "Đoàn Đại biểu": a body's name, not Mr Đoàn
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
        spans.append(NameSpan(start, end, text[start:end], kind, cue,
                              is_vietnamese_name(surface) and (i, j) not in foreign))
    return spans


_FUNCTION_WORDS = frozenset(words("function_word"))


_LETTERS = re.compile(r"[^\W\d_]+")


def fold_capitals(norm: str) -> str:
    """Text written in capitals (bylines, captions, interview heads: CHỦ TỊCH UBND TỈNH TRẦN VĂN HIỆP) in
    the casing detection reads: title words and cues lowercase, other words capitalized, acronyms kept.
    Only runs of two or more all-capital words (one space apart) with at least two Vietnamese syllables
    change; the length and so every offset are kept."""
    from vnthai_mt.names.translit import is_vietnamese_syllable

    words = [m for m in _LETTERS.finditer(norm)]
    groups: list[list[re.Match[str]]] = []
    for m in words:
        if m.group().isupper() and len(m.group()) > 1 or (m.group().isupper() and groups and groups[-1]
                                                            and groups[-1][-1].end() + 1 == m.start()):
            if groups and groups[-1] and groups[-1][-1].end() + 1 == m.start() \
                    and norm[groups[-1][-1].end()] == " ":
                groups[-1].append(m)
            else:
                groups.append([m])
        else:
            groups.append([])
    chars = list(norm)
    for group in groups:
        syllables = [m for m in group if is_vietnamese_syllable(vietnamese.lower_keep_length(m.group()))]
        if len(group) < 2 or len(syllables) < 2:
            continue
        lows = [vietnamese.lower_keep_length(m.group()) for m in group]
        k = 0
        while k < len(group):
            n = 0
            for cue_words, _kind, _text in _CUES_BY_FIRST.get(lows[k], ()):
                if tuple(lows[k:k + len(cue_words)]) == cue_words and not (
                        len(cue_words) == 1 and vietnamese.normalize(group[k].group()[:1] + lows[k][1:]) in SURNAMES):
                    n = len(cue_words)
                    break
            if not n and lows[k] in _FUNCTION_WORDS:
                n = 1
            for q in range(k, k + max(n, 1)):
                p = group[q].group()
                if not is_vietnamese_syllable(lows[q]):
                    continue  # UBND, HĐND: acronyms stay
                chars[group[q].start():group[q].end()] = lows[q] if n else p[:1] + lows[q][1:]
            k += max(n, 1)
    return "".join(chars)


def _cut_at(run: int, i: int, taken: set[int]) -> int:
    """A run ends where a word already taken (by a title, a body, a name) begins."""
    for k in range(i, run):
        if k in taken:
            return k
    return run


def _inside_person(words: list[_Word], i: int, norm: str) -> bool:
    """Whether word ``i`` continues a capitalized run that begins with a surname (Đồng Quang | Vinh)."""
    s = i
    while s > 0 and words[s - 1].capitalized and _gap(norm, words[s - 1], words[s]) == " ":
        s -= 1
    return s < i and vietnamese.normalize(words[s].text) in SURNAMES


def _year_name(run: list[_Word]) -> bool:
    return len(run) == 2 and run[0].low.rstrip(".") in _STEMS and run[1].low.rstrip(".") in _BRANCHES


def _person_like(words: list[_Word], i: int, j: int) -> bool:
    """Two to four Vietnamese syllables that begin with a surname: the shape of a person's full name."""
    return 2 <= j - i <= 4 and vietnamese.normalize(words[i].text) in SURNAMES \
        and all(is_vietnamese_name(w.text) for w in words[i:j])


def _full_person_name(words: list[_Word], i: int, j: int) -> bool:
    """A person's full name beyond doubt: surname, a person's middle name (Văn, Thị), given name."""
    return 3 <= j - i <= 4 and _person_like(words, i, j) \
        and vietnamese.normalize(words[i + 1].text) in _PERSON_MIDDLES and not _known_place_prefix(words, i, j, "")


def _person_split(words: list[_Word], i: int, j: int, norm: str) -> int | None:
    """Where a run after a unit's title splits into the unit's name and a person's full name
    (Hà Nội | Nguyễn Duy Ngọc, Xuân Minh | Ngô Chiến Thắng): the first surname after which the rest of the
    run is a person's name, or None."""
    for k in range(i + 1, j):
        if _person_like(words, k, j) and _gap(norm, words[k - 1], words[k]) == " " \
                and (k - i >= 2 or _known_place_prefix(words, i, k, norm)):
            return k
    return None


def _country_prefix(words: list[_Word], i: int, j: int, norm: str) -> int:
    """End of the longest country (or other never-a-name run) at the start of ``words[i:j]``, else 0."""
    for end in range(j - 1, i, -1):
        if _low(norm[words[i].start:words[end - 1].end]) in _NOT_NAMES:
            return end
    return 0


@lru_cache(maxsize=1)
def _frame_matcher():
    """The shipped glossary's titles and bodies (and places), which frame the names around them."""
    try:
        from vnthai_mt.glossary import Matcher, load_glossaries

        return Matcher(load_glossaries([]))
    except Exception:  # noqa: BLE001 - detection works without the frame (no shipped glossary)
        return None


def _frame_pass(words: list[_Word], norm: str, add, taken: set[int], foreign: set) -> None:
    """Titles and bodies the glossary knows are the frame: their words are never part of a name, and the
    capitalized run right after one is the unit they name and/or the person who holds the title."""
    matcher = _frame_matcher()
    if matcher is None or not words:
        return
    frames = [m for m in matcher.find(norm) if m.kind in ("title", "org")]
    for m in frames:
        for k, w in enumerate(words):
            if m.start <= w.start and w.end <= m.end:
                taken.add(k)
    starts = {w.start: k for k, w in enumerate(words)}
    for m in frames:
        after = norm[m.end:]
        gap = after[:len(after) - len(after.lstrip(" :"))]
        j0 = starts.get(m.end + len(gap))
        if j0 is None or j0 in taken or not words[j0].capitalized:
            continue
        if gap != " " and not (m.kind == "org" and gap == ": "):
            continue
        run = _cut_at(_run(words, j0, norm, allow_hyphen=True, limit=8), j0, taken)
        if run == j0 or words[j0].low in _ORG_WORDS and words[j0].text not in SURNAMES:
            continue
        last = vietnamese.lower_keep_length(m.source.split()[-1]) if m.source.split() else ""
        level = last in _LEVEL_WORDS
        country = _country_prefix(words, j0, run, norm)
        if country:  # "Chủ tịch nước Lào Thongloun Sisoulith", "Thủ tướng Trung Quốc Lý Cường"
            if m.kind == "title" and run > country:
                add(country, run, "person", "title")
                foreign.add((country, run))
            continue
        if _low(norm[words[j0].start:words[run - 1].end]) in _NOT_NAMES or _year_name(words[j0:run]):
            continue
        if run - j0 == 1 and run < len(words) and words[run].text[:1].islower() \
                and _gap(norm, words[j0], words[run]) == " " and not _known_place_prefix(words, j0, run, norm):
            continue  # "Đảng ủy Quân sự", "Thủ tướng Vương quốc": a word of a compound, not a name
        split_at = _person_split(words, j0, run, norm) if level else None
        whole_place = _known_place_prefix(words, j0, run, norm) == run
        if whole_place:
            add(j0, run, "place", "frame")
            _coordinated(words, run, norm, add, "list")
        elif split_at is not None:
            add(j0, split_at, "place", "frame")
            add(split_at, run, "person", "title")
        elif m.kind == "title" and (_person_like(words, j0, run) and (not level or _full_person_name(words, j0, run)
                                                                     or not _known_place_prefix(words, j0, run, norm))
                                    or not is_vietnamese_name(norm[words[j0].start:words[run - 1].end])):
            add(j0, run, "person", "title")
        elif level:
            add(j0, run, "place", "frame")
            _coordinated(words, run, norm, add, "list")


def _credit_pass(words: list[_Word], norm: str, add, taken: set[int]) -> None:
    """Photo credits and bylines (Ảnh: Giang Huy, Tác giả: Võ Thạnh): the label is never part of a name and
    the two to four capitalized syllables after it are a person."""
    for i in range(len(words)):
        for label in _CREDIT_WORDS:
            n = len(label)
            if tuple(w.low for w in words[i:i + n]) != label:
                continue
            if i + n >= len(words) or _gap(norm, words[i + n - 1], words[i + n]) not in (": ", " - ", " – ", ": ", " "):
                continue
            if _gap(norm, words[i + n - 1], words[i + n]) == " " and label[0] not in ("ảnh",):
                continue
            j0 = i + n
            run = _cut_at(_run(words, j0, norm, allow_hyphen=False, limit=4), j0, taken)
            surface = norm[words[j0].start:words[run - 1].end] if run > j0 else ""
            if 2 <= run - j0 <= 4 and is_vietnamese_name(surface) and words[j0].low not in _CREDIT_ORGS \
                    and not _known_place_prefix(words, j0, run, norm) \
                    and _low(surface) not in _NOT_NAMES:
                add(j0, run, "person", "credit")
            taken.update(range(i, i + n))
            break


# First words of the bodies a photo is credited to (Ảnh: Báo Hà Giang, Ảnh: Cổng TTĐT tỉnh).
_CREDIT_ORGS = frozenset(w.lower() for w in words("credit_org"))
_CREDIT_WORDS = tuple(tuple(vietnamese.normalize(w).replace(",", "").split()) for w in _CREDITS)


_LOCATIVES = frozenset(words("locative"))


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
        if kind == "place" and cue_text in _LOWER_PLACE_CUES and not words[i].text.islower():
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
        cue = _match_cue(words, k, norm)
        if cue is not None and not (cue[1] == "place" and cue[0] == 1 and k + 1 < len(words)
                                    and words[k + 1].capitalized):
            break  # a new cue; but "Bản Rịa" in a list of communes is a name, not the word bản
        end = _cut_at(_run(words, k, norm, allow_hyphen=True), k, _taken_now(add))
        if end == k:
            break
        surface = norm[words[k].start:words[end - 1].end]
        if _low(surface) in _NOT_NAMES or _full_person_name(words, k, end):
            break
        followed_by_lowercase = end < len(words) and _gap(norm, words[end - 1], words[end]) == " " \
            and words[end].text[:1].islower()
        known = _known_place_prefix(words, k, end, norm) == end
        if not known and is_vietnamese_name(surface) and (end - k < 2 or followed_by_lowercase
                                                          and words[k].low in _ORG_WORDS):
            break  # "thành phố Thái Bình, Cụm thi đua ...": not a list of places
        add(k, end, "place", "list")
        j = end
    return j


def _taken_now(add) -> set[int]:
    return getattr(add, "taken", set())


def _known_place_prefix(words: list[_Word], i: int, run: int, norm: str) -> int:
    """End of the longest known place name that is the whole run (or the run minus trailing words)."""
    places = known_places()
    for end in range(run, i, -1):
        key = _low(norm[words[i].start:words[end - 1].end]) if norm else _low(" ".join(w.text for w in words[i:end]))
        if key in places or key.replace("-", " ") in places:
            # 'Thái Bình Dương' is not 'Thái Bình': a known place must not be followed by a capitalized word
            if end < run:
                return 0
            return end
    return 0


def _foreign(words: list[_Word], norm: str, add, taken: set[int]) -> None:
    """Foreign names without a title: after a locative word (tại Encinitas) -> place; before a verb of
    saying (Hammel chia sẻ) -> person. A run must contain a word that is not a Vietnamese syllable.
    A country is never glued to the name after it: in "Đại sứ Palestine tại Việt Nam Saadi Salama" the
    country is the glossary's and the two to three foreign words after it are a person."""
    from vnthai_mt.names.translit import is_vietnamese_syllable

    i = 0
    while i < len(words):
        w = words[i]
        if i in taken or not w.capitalized:
            i += 1
            continue
        country = _country_prefix(words, i, _run(words, i, norm, allow_hyphen=False, limit=6), norm)
        if country:
            end = _run(words, country, norm, allow_hyphen=False, limit=3)
            rest = norm[words[country].start:words[end - 1].end]
            if end - country >= 2 and not any(k in taken for k in range(country, end)) \
                    and not any(is_vietnamese_syllable(x.text) for x in words[country:end]) \
                    and _low(rest) not in _NOT_NAMES:
                add(country, end, "person", "country")
                i = end
            else:
                i = country
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
