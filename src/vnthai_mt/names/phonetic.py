"""Thai-side helpers for editors: a phonetic key for Thai spellings of Vietnamese names, and a way to
relate a Latin leftover in Thai text (``Nam Dinh``) to its Thai rendering (นามดิ่ญ).

``thai_key`` is deliberately coarse. Machine translation spells one Vietnamese name many ways (เหงียน คัก
ทัน, เหงียน ข่าก ถั่น, เหงียน ขัก ทัน for the RI form เหงียน คัก เถิ่น); they differ in tone marks, in the
high/low consonant chosen to carry the tone (ข/ค, ถ/ท), in the ห that carries a tone (หล, หว), in vowel
length (ั/า) and in the quality of central vowels (â is written ั or เ-ิ). The key drops or folds all of
these, so the four spellings above share one key while ไหล วัน ฮว่าน (another person) does not:

* spaces, hyphens, tone marks, ไม้ไต่คู้ and silent letters (ห์) are dropped;
* a ห that only carries the tone of a following low consonant is dropped (หล, หง, หว, งหว);
* consonants are grouped by sound, separately for initials (ข ค ฆ -> kh, ถ ท ธ -> th, ซ ส ศ ษ -> s ...)
  and finals (ก ข ค -> k, ด ต จ ช ซ ส -> t, น ญ ร ล -> n, บ ป พ ฟ -> p);
* vowels lose their length (ะ ั า -> a, ิ ี -> i ...); e and ɛ fold (เ, แ -> e), o and ɔ fold (โ, อ, implicit
  o -> o), and เ-ิ / เ-อ (Vietnamese â, ơ) fold into a.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnthai_mt.text import thai, vietnamese

_C = "ก-ฮ"
_TONE_MARKS = re.compile("[\u0e48-\u0e4b\u0e47\u0e3a]")  # ่ ้ ๊ ๋ ็ ฺ
_SILENT = re.compile(f"[{_C}][ิุ]?\u0e4c")  # a consonant (with its vowel) killed by ์
# ห that only carries the tone of a low consonant: inside a wrapped vowel (เหงียน, ไหล, โหน) always;
# elsewhere when that consonant has its own vowel or final (หมา, หลก), not in ห่ง (Hồng: ห + o + ง).
_TONE_H_WRAPPED = re.compile("([เแโใไ])ห(?=[งญนมยรลว])")
_TONE_H = re.compile("ห(?=[งญนมยรลว](?:[aeiouy]|[วรล][aeiouy]|[ก-ฮ](?![aeiouy]|[วรล][aeiouy])))")
_LEADING = "เแโใไ"

_INITIAL = {
    **dict.fromkeys("ก", "k"), **dict.fromkeys("ขฃคฅฆ", "kh"), "ง": "ng", **dict.fromkeys("จฉชฌ", "c"),
    **dict.fromkeys("ซสศษ", "s"), **dict.fromkeys("ญย", "y"), **dict.fromkeys("ดฎ", "d"),
    **dict.fromkeys("ตฏ", "t"), **dict.fromkeys("ถทธฐฑฒ", "th"), **dict.fromkeys("นณ", "n"), "บ": "b",
    "ป": "p", **dict.fromkeys("ผพภ", "ph"), **dict.fromkeys("ฝฟ", "f"), "ม": "m", **dict.fromkeys("รลฬฤ", "l"),
    "ว": "w", **dict.fromkeys("หฮ", "h"), "อ": "",
}
_FINAL = {
    **dict.fromkeys("กขฃคฅฆ", "k"), **dict.fromkeys("ดฎตฏถทธฐฑฒจฉชซสศษ", "t"), **dict.fromkeys("บปผพภฝฟ", "p"),
    **dict.fromkeys("นณญรลฬ", "n"), "ง": "ng", "ม": "m", "ย": "y", "ว": "w", "อ": "", **dict.fromkeys("หฮ", ""),
}
# Second letter of an onset cluster, unless a vowel sign follows it (then it opens the next syllable).
_CLUSTER2 = "(?:[รลว](?![ะัาิีึืุูำaeiouy]))?"
# Vowels written around the consonant cluster, longest first; \1 is the cluster.
_WRAPPED = [
    (re.compile(f"เ([{_C}][รลว]?)ียะ"), r"\1ia"),
    (re.compile(f"เ([{_C}][รลว]?)าะ"), r"\1o"),
    (re.compile(f"เ([{_C}][รลว]?)ีย"), r"\1ia"),
    (re.compile(f"เ([{_C}][รลว]?)ือ"), r"\1uea"),
    (re.compile(f"เ([{_C}][รลว]?)ิ"), r"\1a"),
    (re.compile(f"เ([{_C}][รลว]?)อ"), r"\1a"),
    (re.compile(f"เ([{_C}][รลว]?)า"), r"\1ao"),
    (re.compile(f"เ([{_C}][รลว]?)ะ"), r"\1e"),
    (re.compile(f"แ([{_C}][รลว]?)ะ"), r"\1e"),
    (re.compile(f"โ([{_C}][รลว]?)ะ"), r"\1o"),
    (re.compile(f"[ไใ]([{_C}]{_CLUSTER2})"), r"\1ay"),
    (re.compile(f"เ([{_C}]{_CLUSTER2})"), r"\1e"),
    (re.compile(f"แ([{_C}]{_CLUSTER2})"), r"\1e"),
    (re.compile(f"โ([{_C}]{_CLUSTER2})"), r"\1o"),
]
_SIMPLE = [
    ("ัว", "ua"), ("ือ", "ue"), ("ำ", "am"), ("ั", "a"), ("ะ", "a"), ("า", "a"), ("ิ", "i"), ("ี", "i"),
    ("ึ", "ue"), ("ื", "ue"), ("ุ", "u"), ("ู", "u"), ("ฤ", "lue"),
]
_VOWEL_CHARS = set("aeiouy")


# ฮอ, กอง, หวอ: อ after an onset is the vowel o; after a final (ถ่วน|อวัญ) it is the next onset.
_VOWEL_O = re.compile(f"([aeiouy]?)([{_C}])อ(?![aeiouy])")
_RI_FINALS = set("กตปงนมญยว")


def _vowel_o(m: re.Match) -> str:
    before, cons = m.group(1), m.group(2)
    if before and cons in _RI_FINALS:  # ถ่วน|อวัญ: a final, then อ opens the next syllable
        return m.group(0)
    return before + cons + "o"
_VOWEL_UA = re.compile(f"([{_C}])ว([ก-ฬฮ])(?![aeiouy])")  # ซวน: ว between consonants is the vowel ua
_GLIDES = "วรล"
# Letters that can close a syllable in a Thai spelling of a Vietnamese name (RI or machine translation).
_CLOSERS = set("กขคงจชซดตทถนญณบปพฟภมยวสศษรล")


def _consonants(text: str) -> str:
    """Map the Thai consonants left in ``text`` (vowels already Latin) by their place in the syllable.

    After the vowel rewrite a syllable is onset (C or C + glide) + Latin vowel(s) + optional final, or two
    consonants with an unwritten o (กง). Parsing left to right with one consonant of look-ahead makes the
    key the same whether the syllables are written apart (นาม ดิ่ญ) or joined (นามดิ่ญ).
    """
    out: list[str] = []
    n = len(text)

    def is_vowel(k: int) -> bool:
        return k < n and text[k] in _VOWEL_CHARS

    def is_cons(k: int) -> bool:
        return k < n and text[k] in _INITIAL

    def opens_syllable(k: int) -> bool:
        """Whether the consonant at k starts a syllable (a vowel or a glide + vowel follows)."""
        glide = k + 1 < n and text[k + 1] in _GLIDES and text[k] != "ญ" and is_vowel(k + 2)
        return is_vowel(k + 1) or glide

    def closes(k: int) -> bool:
        """Whether the consonant at k can close an unwritten-o syllable (กง, หลก) rather than open one.

        A nasal before ว + vowel closes (กง วิญ: Công Vinh; names in V- are common); a stop before
        ว + vowel opens (ดวาน: Đoàn, กวาง: Quang)."""
        if not is_cons(k) or is_vowel(k + 1):
            return False
        return text[k] in "งนมญ" or (text[k] in "กตป" and not opens_syllable(k))

    def implicit_o(k: int) -> bool:
        """Whether k, k+1 make a syllable with an unwritten o (กง): two consonants, the second closing."""
        return is_cons(k) and closes(k + 1) and not opens_syllable(k)

    i = 0
    after_vowel = False
    while i < n:
        ch = text[i]
        if not is_cons(i):
            out.append(ch)
            after_vowel = ch in _VOWEL_CHARS
            i += 1
            continue
        if after_vowel and ch in _CLOSERS and not opens_syllable(i) \
                and not (implicit_o(i) and not implicit_o(i + 1)):
            out.append(_FINAL[ch])  # closes the syllable (the next consonant, if any, opens one)
            after_vowel = False
            i += 1
            continue
        if opens_syllable(i):
            out.append(_INITIAL[ch])
            after_vowel = False
            i += 1
            continue
        # Two consonants and no vowel: an unwritten o (กง -> kong), or a lone consonant.
        out.append(_INITIAL[ch] + "o")
        if closes(i + 1):
            out.append(_FINAL[text[i + 1]])
            i += 2
        else:
            i += 1
        after_vowel = False
    return "".join(out)


def _word_key(word: str) -> str:
    # Tone marks go first so that the key never depends on them (the price: in a joined โห่นิญ the ห is
    # read as the tone letter of น).
    word = _TONE_MARKS.sub("", word)
    word = _SILENT.sub("", word).replace("\u0e4c", "")
    word = _TONE_H_WRAPPED.sub(r"\1", word)
    for pattern, repl in _WRAPPED:
        word = pattern.sub(repl, word)
    for thai_vowel, latin in _SIMPLE:
        word = word.replace(thai_vowel, latin)
    word = _VOWEL_UA.sub(r"\1ua\2", word)
    word = _VOWEL_O.sub(_vowel_o, word)
    word = _TONE_H.sub("", word)
    return _consonants(word)


def thai_key(text: str) -> str:
    """Phonetic key of a Thai spelling of a Vietnamese name (see the module docstring).

    Idempotent: Latin letters pass through lowercased, so ``thai_key(thai_key(x)) == thai_key(x)``.
    """
    text = thai.normalize(text).lower()
    words = re.split(r"[\s\-‐‑–—.·]+", text)
    return "".join(_word_key(w) for w in words if w)


# --- Latin leftovers --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Candidate:
    thai: str
    vi: str
    kind: str
    source: str  # "glossary" | "established" | "rule"


def latin_to_thai_candidates(latin: str, glossary=None, kind: str | None = None) -> list[Candidate]:
    """Thai renderings a diacritic-free Latin name (``Nam Dinh``) may stand for, best first.

    Glossary entries (person or place) whose Vietnamese folds to the same letters come first, then the
    established forms, then the rule transcription of the restored name for each kind asked.
    """
    from vnthai_mt.names import translit

    key = vietnamese.fold(translit.clean_name(latin))
    kinds = (kind,) if kind else ("place", "person")
    out: list[Candidate] = []
    seen: set[str] = set()

    def add(c: Candidate) -> None:
        if c.thai and c.thai not in seen:
            seen.add(c.thai)
            out.append(c)

    if glossary is not None:
        for entry in glossary:
            if entry.kind in kinds and any(vietnamese.fold(v) == key for v in entry.all_vi()):
                add(Candidate(entry.th, entry.vi, entry.kind, "glossary"))
    for k in kinds:
        hit = translit.lookup_established_folded(latin, k)
        if hit is not None:
            add(Candidate(hit.th, hit.vi, k, "established"))
    for k in kinds:
        t = translit.transcribe(latin, kind=k)
        add(Candidate(t.thai, t.vi, k, t.source))
    return out


def latin_matches_thai(latin: str, thai_text: str, glossary=None) -> bool:
    """Whether the Latin name and the Thai rendering may be the same name (same phonetic key)."""
    target = thai_key(thai_text)
    return any(thai_key(c.thai) == target for c in latin_to_thai_candidates(latin, glossary))
