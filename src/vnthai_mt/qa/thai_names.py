"""Spans of Thai text that look like Vietnamese person or place names, found without any source text.

Machine translation writes a Vietnamese person's name as space-separated Thai syllables (เหงียน คัก ทัน)
and attaches the Thai words around it without spaces (สหายเหงียน คัก ทัน รองเลขาธิการ...). A person
candidate therefore is a run of short space-separated tokens, each one Thai syllable, that

* follows a title (สหาย, นาย, นาง, ท่าน, ...) written at the start of a space-separated token, or
* starts with a Vietnamese surname (found by phonetic key, so เหงียน and its misspellings count),
  alone or glued to a title or role word (ประธานเหงียน ...).

The run stops at a token that is not one syllable, is punctuation, or is a frequent Thai word (PyThaiNLP's
stopword list, less the few that are also name syllables such as วัน for Văn). Place candidates are the
word right after จังหวัด, เมือง, อำเภอ, ... when it is short and delimited.

Names written joined (สหายฮวงดังกวาง, เลขาธิการเหงียนฟู้จ่อง, กองทัพของลัมซอนต้อง) are split into Thai
renderings of Vietnamese syllables (:mod:`vnthai_mt.qa.syllables`) right after a person cue
(``names/data/thai_name_cues.txt``: titles and offices), or after a short function word when the first
syllable is a surname. The run stops where a Thai word fits better: a stopword (ได้, ใน, ไป) or a
dictionary word longer than the syllable there (เริ่มต้น after ลัมเซิน); it needs two syllables, one of
them not a Thai word. Glossary forms are found separately (:mod:`vnthai_mt.qa.thai_match`); these
candidates catch the names no glossary lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from vnthai_mt.names.phonetic import thai_key
from vnthai_mt.qa import syllables


def _word_lists() -> dict[str, dict[str, str]]:
    """names/data/thai_name_words.tsv: list name -> {word: value}, in file order (its header explains
    each list)."""
    text = resources.files("vnthai_mt.names").joinpath("data", "thai_name_words.tsv").read_text(encoding="utf-8")
    lists: dict[str, dict[str, str]] = {}
    for line in text.splitlines()[1:]:
        if line and not line.startswith("#") and not line.startswith("list\t"):
            name, word, value = line.split("\t")
            lists.setdefault(name, {})[word] = value
    return lists


_WORDS = _word_lists()
TITLES = tuple(sorted(_WORDS["title"], key=len, reverse=True))  # longest first: นางสาว wins over นาง
ROLES = tuple(_WORDS["role"])
PLACE_TRIGGERS = tuple(sorted(_WORDS["place_word"], key=len, reverse=True))
# Surnames in their Thai forms, each with the surname it stands for. Found by phonetic key too, so tone
# and length misspellings count, except the frequent Thai words of NOT_SURNAMES; surnames written like
# frequent Thai words (Thái ท้าย, Tô โต, Vi หวี) are not listed: those names are found after a title
# only. The Vietnamese form also joins spellings the phonetic key keeps apart (เหงียน / เหวียน, เจิ่น /
# ตรัน): see :func:`name_key`.
SURNAME_FORMS: dict[str, str] = dict(_WORDS["surname"])
SURNAMES = tuple(SURNAME_FORMS)
NOT_SURNAMES = frozenset(_WORDS["not_surname"])
NAME_SYLLABLE_STOPWORDS = frozenset(_WORDS["name_syllable_stopword"])
EXTRA_STOP = frozenset(_WORDS["extra_stop"])

# One Thai syllable as transcriptions write it: [leading vowel] onset [vowel sign] [tone] [vowel letter]
# [final] [silent letter]. Onsets: ห + sonorant (tone carrier), a consonant with a glide or liquid.
_SYLLABLE = re.compile(
    "[เแโใไ]?(?:ห[งญนมยรลว]|[ก-ฮ]ห?[รลว]|[ก-ฮ])[ัิีึืุู็]?[่้๊๋]?(?:[าะำอยว][่้๊๋]?)?[ก-ฮ]?(?:[ก-ฮ][ิุ]?์)?"
)
_TOKEN = re.compile(r"\S+")
_LEAD_PUNCT = "\"'“‘(«[-–—:,;"
_TRAIL_PUNCT = "\"'”’)»],;:.!?…-–—"


@dataclass(frozen=True)
class NameCandidate:
    start: int  # offsets in the text searched (a view of one line)
    end: int
    text: str  # as written, runs of spaces kept as they are
    kind: str  # "person" | "place"
    trigger: str  # the title, "surname" or the place word that introduced it


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    from pythainlp.corpus import thai_stopwords  # shipped with PyThaiNLP, no download

    words = set(thai_stopwords())
    return frozenset((words | EXTRA_STOP) - NAME_SYLLABLE_STOPWORDS)


@lru_cache(maxsize=1)
def _surname_keys() -> dict[str, str | None]:
    """phonetic key -> the surname it stands for (None where two surnames share the key)."""
    out: dict[str, str | None] = {}
    for form, vi in SURNAME_FORMS.items():
        key = thai_key(form)
        out[key] = vi if out.get(key, vi) == vi else None
    return out


@lru_cache(maxsize=65536)
def cached_key(text: str) -> str:
    return thai_key(text)


def is_syllable(token: str) -> bool:
    return _SYLLABLE.fullmatch(token) is not None


def is_name_token(token: str) -> bool:
    return is_syllable(token) and token not in _stopwords()


def is_surname(token: str) -> bool:
    return is_name_token(token) and surname_of(token) is not None


def surname_of(token: str) -> str | None:
    """The Vietnamese surname a Thai token spells (เหวียน -> Nguyễn), or None."""
    if token in NOT_SURNAMES:
        return None
    known = SURNAME_FORMS.get(token)
    if known is not None:
        return known
    key = cached_key(token)
    return _surname_keys().get(key) if len(key) >= 4 else None  # short keys collide with Thai words


@lru_cache(maxsize=65536)
def name_key(text: str) -> str:
    """The grouping key of a rendering: the phonetic key, with a leading surname replaced by the
    surname itself, so that spellings the key keeps apart (เหงียน / เหวียน, เจิ่น / ตรัน) still meet.
    Text that splits into Thai renderings of Vietnamese syllables, spaced or joined, gets the syllable
    group key (:func:`vnthai_mt.qa.syllables.group_key`), so โต ลัม and โตลัม meet."""
    for word in PLACE_TRIGGERS:  # นครโฮจิมินห์ and โฮจิมินห์ after นคร are one place
        if text.startswith(word) and len(text) > len(word) + 1:
            text = text[len(word):].lstrip()
            break
    grouped = syllables.group_key(text)
    if grouped:
        return grouped
    return phonetic_name_key(text)


@lru_cache(maxsize=65536)
def name_keys(text: str) -> tuple[str, ...]:
    """Every key a rendering is grouped by: the syllable key and the plain phonetic one (for spellings
    the syllable inventory does not split, e.g. a glossary form with a rare syllable)."""
    return tuple(dict.fromkeys(k for k in (name_key(text), phonetic_name_key(text)) if k))


@lru_cache(maxsize=65536)
def phonetic_name_key(text: str) -> str:
    """The phonetic key, with a leading surname replaced by the surname itself (spaced names only)."""
    first, _, rest = text.partition(" ")
    surname = surname_of(first) if rest else None
    if surname:
        return f"{surname}|{cached_key(rest)}"
    return cached_key(text)


def _strip(token: str, start: int) -> tuple[str, int, bool]:
    """Token without surrounding punctuation, its new start, and whether punctuation followed it."""
    lead = len(token) - len(token.lstrip(_LEAD_PUNCT))
    core = token[lead:].rstrip(_TRAIL_PUNCT)
    return core, start + lead, len(core) + lead < len(token)


def _split_title(token: str) -> tuple[str, str] | None:
    if not token.startswith(TITLES):
        return None
    for title in TITLES:
        if token.startswith(title):
            return title, token[len(title):]
    return None


def _glued_surname(token: str) -> int | None:
    """Where a surname glued to a title or role starts in ``token`` (ประธานเหงียน -> 6), else None."""
    if not token.endswith(SURNAMES):
        return None
    for surname in SURNAMES:
        if token.endswith(surname) and len(token) > len(surname):
            head = token[: -len(surname)]
            if head.endswith(TITLES) or head.endswith(ROLES):
                return len(token) - len(surname)
    return None


def find_name_candidates(text: str) -> list[NameCandidate]:
    """Person and place candidates in one line of Thai text (offsets into ``text``)."""
    spaced = _spaced_candidates(text)
    joined = _joined_candidates(text)
    if not joined:
        return [_absorb_stray(text, c) for c in spaced]
    chosen: list[NameCandidate] = []
    for cand in sorted(spaced + joined, key=lambda c: (c.start, -(c.end - c.start))):
        if chosen and cand.start < chosen[-1].end:
            if cand.end - cand.start > chosen[-1].end - chosen[-1].start and \
                    (len(chosen) < 2 or chosen[-2].end <= cand.start):
                chosen[-1] = cand
            continue
        chosen.append(cand)
    return [_absorb_stray(text, c) for c in chosen]


# A silent letter cut off its word by a stray space (โฮจิมิน ห์): part of the name before it.
_STRAY = re.compile(r" ([ก-ฮ][ิุ]?์)(?![ก-๛])")


def _absorb_stray(text: str, cand: NameCandidate) -> NameCandidate:
    m = _STRAY.match(text, cand.end)
    if m is None:
        return cand
    return NameCandidate(cand.start, m.end(), text[cand.start:m.end()], cand.kind, cand.trigger)


def _spaced_candidates(text: str) -> list[NameCandidate]:
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(text)]
    out: list[NameCandidate] = []
    places = _ANY_PLACE_WORD.search(text) is not None
    i = 0
    while i < len(tokens):
        raw, raw_start = tokens[i]
        token, start, stopped = _strip(raw, raw_start)
        found = _person_at(text, tokens, i, token, start, stopped)
        if found is None and places and _ANY_PLACE_WORD.search(token):
            found = _place_at(tokens, i, token, start, stopped)
        if found is None:
            i += 1
            continue
        candidate, next_i = found
        out.append(candidate)
        i = max(next_i, i + 1)
    return out


def _person_at(text, tokens, i, token, start, stopped):
    parts: list[tuple[str, int]] = []  # (syllable, start offset)
    trigger = ""
    split = _split_title(token)
    if split is not None:
        trigger, rest = split
        if rest:
            if not is_name_token(rest):
                glued = _glued_surname(token)
                if glued is None:
                    return None
                rest = token[glued:]
            parts.append((rest, start + len(token) - len(rest)))
    elif is_surname(token):
        trigger = "surname"
        parts.append((token, start))
    else:
        glued = _glued_surname(token)
        if glued is None:
            return None
        trigger = "surname"
        parts.append((token[glued:], start + glued))
    j = i + 1
    if not stopped:
        while j < len(tokens) and len(parts) < 5:
            raw, raw_start = tokens[j]
            core, core_start, punct = _strip(raw, raw_start)
            if core_start != raw_start or not is_name_token(core):
                break
            parts.append((core, core_start))
            j += 1
            if punct:
                break
    if not parts:
        return None
    first_is_surname = is_surname(parts[0][0])
    if len(parts) < 2 and not (trigger != "surname" and first_is_surname):
        return None
    if trigger == "surname" and not first_is_surname:
        return None
    a = parts[0][1]
    b = parts[-1][1] + len(parts[-1][0])
    return NameCandidate(a, b, text[a:b], "person", trigger), j


# จังหวัด, อำเภอ, ตำบล ... are never part of another word. The short place words are: they count at
# the start of a token or after a preposition glued to them (ที่เมือง, ในนคร), since inside a longer run
# they are too often part of another word (ในครอบครัว has นคร, การเมือง has เมือง).
_PREPOSITIONS = tuple(_WORDS["preposition"])
_SAFE_TRIGGERS = tuple(_WORDS["safe_place_word"])
_ANY_PLACE_WORD = re.compile("|".join(PLACE_TRIGGERS))  # a cheap test before the exact one
_PLACE_TRIGGER = re.compile(
    "(?:" + "|".join(_SAFE_TRIGGERS) + ")"
    + "|(?:^|(?<=" + ")|(?<=".join(_PREPOSITIONS) + "))(?:"
    + "|".join(t for t in PLACE_TRIGGERS if t not in _SAFE_TRIGGERS) + ")"
)


def _place_at(tokens, i, token, start, stopped):
    last = None
    for m in _PLACE_TRIGGER.finditer(token):
        last = m
    if last is None:
        return None
    rest = token[last.end():]
    if rest:
        name, name_start, j = rest, start + last.end(), i + 1
    else:
        if stopped or i + 1 >= len(tokens):
            return None
        raw, raw_start = tokens[i + 1]
        name, name_start, _ = _strip(raw, raw_start)
        j = i + 2
    if not _plausible_place(name) or _split_title(name) is not None or (not rest and is_surname(name)):
        return None
    return NameCandidate(name_start, name_start + len(name), name, "place", last.group()), j


_PLACE_STOP_PREFIXES = tuple(_WORDS["place_stop_prefix"])


def _plausible_place(name: str) -> bool:
    if not (2 <= len(name) <= 14) or not all("\u0e01" <= ch <= "\u0e4e" for ch in name):
        return False
    if "ๆ" in name or "ฯ" in name or name.startswith(_PLACE_STOP_PREFIXES):
        return False
    return name not in _stopwords()


# --- joined names ------------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _cues() -> dict[str, tuple[str, ...]]:
    sections: dict[str, list[str]] = {}
    current = None
    text = resources.files("vnthai_mt.names").joinpath("data", "thai_name_cues.txt").read_text(encoding="utf-8")
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            current = sections.setdefault(line.strip("[]"), [])
        elif current is not None:
            current.append(line)
    return {k: tuple(sorted(set(v), key=len, reverse=True)) for k, v in sections.items()}


@lru_cache(maxsize=1)
def _cue_automaton():
    """One Aho-Corasick pass finds every cue in a line (a regex alternation of ~150 words was the check's
    slowest step)."""
    import ahocorasick

    automaton = ahocorasick.Automaton()
    cues = _cues()
    for word in cues.get("glue", ()):
        automaton.add_word(word, (word, "glue"))
    for word in (*cues.get("person", ()), *TITLES):  # a word in both lists is a person cue
        automaton.add_word(word, (word, "person"))
    automaton.make_automaton()
    return automaton


@lru_cache(maxsize=1)
def _surname_lengths() -> tuple[int, ...]:
    return tuple(sorted({len(s) for s in SURNAMES}, reverse=True))


def _cue_matches(text: str) -> list[tuple[int, int, str]]:
    """(start, end, "person" | "glue") of the cues in ``text``, leftmost first, the longest at a start
    (a person cue before a glue word), never overlapping; a glue word only before a surname."""
    found = []
    for last, (word, kind) in _cue_automaton().iter(text):
        end = last + 1
        if kind == "glue" and not any(text[end:end + n] in SURNAME_FORMS for n in _surname_lengths()):
            continue
        found.append((end - len(word), end, kind))
    found.sort(key=lambda m: (m[0], m[2] != "person", -(m[1] - m[0])))
    out: list[tuple[int, int, str]] = []
    for m in found:
        if out and m[0] < out[-1][1]:
            continue
        out.append(m)
    return out


@lru_cache(maxsize=1)
def _trie():
    from pythainlp.corpus import thai_words
    from pythainlp.util import Trie

    return Trie(thai_words())


@lru_cache(maxsize=1)
def _dictionary() -> frozenset[str]:
    from pythainlp.corpus import thai_words

    return frozenset(thai_words())


def _run(text: str, pos: int, limit: int = 5) -> list[tuple[str, int]]:
    """Vietnamese syllables written joined from ``pos`` on, until a Thai word fits better."""
    from vnthai_mt.qa.thai_match import cluster_end_ok

    parts: list[tuple[str, int]] = []
    stop = _stopwords()
    p = pos
    while p < len(text) and len(parts) < limit and text[p] != " ":
        ends = [e for e in syllables.syllable_prefixes(text, p) if e - p >= 2 and cluster_end_ok(text, e)]
        if not ends:
            break
        words = _trie().prefixes(text[p:p + 24])
        if any(w in stop for w in words) and (parts or text[p:ends[0]] not in SURNAME_FORMS):
            break  # และทหาร after นายพล is Thai, not a name
        longest_word = max(map(len, words), default=0)
        if longest_word >= 4 and longest_word > ends[0] - p and (parts or longest_word > 6):
            break
        parts.append((text[p:ends[0]], p))
        p = ends[0]
    return parts


def _joined_candidates(text: str) -> list[NameCandidate]:
    """Person names glued to a cue (สหายฮวงดังกวาง) or written joined after one (นาย ดังซวนฟอง)."""
    from vnthai_mt.qa.thai_match import cluster_start_ok

    out: list[NameCandidate] = []
    for m_start, m_end, kind in _cue_matches(text):
        if not cluster_start_ok(text, m_start):
            continue
        glue = kind == "glue"
        if glue and m_start > 0 and text[m_start - 1] not in " \t(\"'“‘" and not _ends_word(text, m_start):
            continue
        pos = m_end
        if pos < len(text) and text[pos] == " " and not glue:
            pos += 1
        if pos >= len(text) or not cluster_start_ok(text, pos):
            continue
        parts = _run(text, pos)
        if not parts:
            continue
        # A long joined run with a surname inside is a title or place, then the name (บิ่ญดิ่ญเลลอย).
        if len(parts) >= 4:
            inner = next((k for k in range(2, len(parts) - 1) if parts[k][0] in SURNAME_FORMS), None)
            if inner is not None:
                parts = parts[inner:]
        end = parts[-1][1] + len(parts[-1][0])
        if end == len(text) or text[end] == " ":
            parts = parts + _spaced_tail(text, end, 5 - len(parts))
        if len(parts) < 2:
            continue
        first_is_surname = surname_of(parts[0][0]) is not None
        if glue and not first_is_surname:
            continue
        dictionary = _dictionary()
        if all(p in dictionary for p, _ in parts) and not first_is_surname:
            continue
        if "".join(p for p, _ in parts) in dictionary:
            continue
        a, b = parts[0][1], parts[-1][1] + len(parts[-1][0])
        out.append(NameCandidate(a, b, text[a:b], "person", "surname" if glue else text[m_start:m_end]))
    return out


def _ends_word(text: str, pos: int) -> bool:
    """Whether a dictionary word ends at ``pos`` (the glue word then starts a new word)."""
    for k in range(2, min(pos, 12) + 1):
        if text[pos - k:pos] in _dictionary():
            return True
    return False


def _spaced_tail(text: str, pos: int, room: int) -> list[tuple[str, int]]:
    """Name syllables written apart after a run (เหงียน ฟู่ จ่อง): one-syllable tokens, as the spaced path."""
    out: list[tuple[str, int]] = []
    while room > 0 and pos < len(text) and text[pos] == " ":
        m = _TOKEN.match(text, pos + 1)
        if m is None:
            break
        core, core_start, punct = _strip(m.group(), m.start())
        if core_start != m.start() or not is_name_token(core) or not syllables.is_vietnamese_syllable(core):
            break
        out.append((core, core_start))
        room -= 1
        pos = core_start + len(core)
        if punct:
            break
    return out
