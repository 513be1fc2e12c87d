"""Vietnamese proper names in Thai script, by the Royal Institute rules (หลักเกณฑ์การทับศัพท์ภาษาเวียดนาม,
B.E. 2555 / 2012).

The syllable rules are not written again here: ``wunsen`` (the implementation PyThaiNLP uses) spells each
syllable. Around it this module adds what a translator needs:

* established forms first (RI rules 3 and 4): ``data/established.tsv`` holds whole names (โฮจิมินห์,
  ฮานอย, ไซ่ง่อน, the attested province forms) and syllables (Nguyễn -> เหงียน, not the table's งเหวียน);
  for places, the shipped list of administrative units (:mod:`vnthai_mt.names.places`) comes next
  (Pleiku เปลกู, Thủ Dầu Một ถูเสิ่วหมต, and other spellings of a unit's name: Đăk Lăk ดั๊กลัก);
* spacing: a person's name is written syllable by syllable with spaces, as Thai Wikipedia and the RI
  example หวอ เงวียน ซ้าป do (เหงียน คัก เถิ่น); a place name is written joined (นามดิ่ญ, the RI example
  Hội An โห่ยอาน), and a hyphen in the Vietnamese is kept (บ่าเสียะ-หวุงเต่า);
* input without diacritics: tones and vowel qualities are guessed (:mod:`vnthai_mt.names.diacritics`) and
  the result is marked ``confidence="low"``;
* a thin correction layer where wunsen departs from the rules (each has a test):
  - ``zero-onset-glide``: a syllable with no initial consonant and a w-glide (Oanh, Uyên, Uy, ủy) loses the
    glide in wunsen (``self.onset == ...`` is a comparison where an assignment was meant): อาญ, เอียน.
    The glide stays in the onset as for every other consonant: อวัญ, เอวียน, อวี, อวี๋.
  - ``glide-short-vowel``: wunsen shortens a before nh and i/y/ê before ch/nh (nhanh ญัญ, sinh ซิญ) but not
    the same nuclei after a w-glide, so Khánh is คั้ญ while Hoành is ฮหว่าญ and Quỳnh กวิ่ญ while Huỳnh
    ฮหวี่ญ. The nucleus, not the glide, decides length: ฮหวั่ญ, ฮหวิ่ญ.
  - ``gi-ie``: ``giê`` is gi + iê (the i of gi is written once), wunsen reads gi + ê: Giêng เซ็ง -> เซียง.
  - ``quoc``: qu + short ô (no vowel letter in Thai) gives กว๊ก, which reads /kùak/; the RI's own rule-1
    example writes จื๋อโกว๊กหงือ for chữ Quốc ngữ, so โกว๊ก.
  - ``final-k``: Central Highlands names write the final /k/ as k (Đắk Lắk, Đắk Nông); wunsen knows only
    c and leaves them in Latin script. k is read as c: ดั๊กลัก, ดั๊กนง.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from vnthai_mt.names import diacritics
from vnthai_mt.text import thai, vietnamese

KINDS = ("person", "place")
Confidence = str  # "high" | "low"

# Punctuation that may surround a name in running text; hyphens and dashes inside are kept.
_STRIP = " \t\r\n.,;:!?\"'()[]{}«»“”‘’…*/\\|"
_DASHES = re.compile(r"\s*[-‐‑–—]\s*")
_SYLLABLE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Transcription:
    """How a Vietnamese name is written in Thai.

    thai: the rendering; confidence: "high" when the input had its diacritics and every syllable was
    Vietnamese, else "low"; source: "established" when the whole rendering comes from the list of
    established forms, else "rule"; vi: the name as read (normalized, restored diacritics when guessed);
    syllables: (Vietnamese syllable, Thai) pairs in order; notes: what lowered the confidence or which
    correction applied.
    """

    thai: str
    confidence: Confidence
    source: str
    vi: str = ""
    kind: str = "person"
    syllables: tuple[tuple[str, str], ...] = ()
    notes: tuple[str, ...] = field(default=(), compare=False)


@dataclass(frozen=True)
class Established:
    vi: str
    th: str
    kind: str
    source: str
    note: str = ""


@lru_cache(maxsize=1)
def established_forms() -> tuple[Established, ...]:
    text = resources.files("vnthai_mt.names").joinpath("data", "established.tsv").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    return tuple(
        Established(vietnamese.normalize(row["vi"]), thai.normalize(row["th"]), row["kind"], row["source"],
                    row.get("note") or "")
        for row in csv.DictReader(lines, delimiter="\t")
    )


def _key(text: str) -> str:
    return vietnamese.lower_keep_length(vietnamese.normalize(_DASHES.sub("-", text)))


@lru_cache(maxsize=1)
def _indexes() -> tuple[dict, dict, dict]:
    """(exact key -> entry, fold key -> entry or None when ambiguous, syllable key -> entry)."""
    exact: dict[tuple[str, str], Established] = {}
    folded: dict[tuple[str, str], Established | None] = {}
    syllables: dict[str, Established] = {}
    for entry in established_forms():
        if entry.kind == "syllable":
            syllables[_key(entry.vi)] = entry
            continue
        exact[(entry.kind, _key(entry.vi))] = entry
        fkey = (entry.kind, vietnamese.fold(_key(entry.vi)))
        folded[fkey] = None if fkey in folded and folded[fkey] != entry else entry
    return exact, folded, syllables


def lookup_established(name: str, kind: str, admin: bool = True) -> Established | None:
    """The established form of ``name`` as written (diacritics must match): ``data/established.tsv``
    first, then, for a place, the shipped list of administrative units (``names.places``)."""
    exact, _, _ = _indexes()
    hit = exact.get((kind, _key(name)))
    if hit is None and kind == "place" and admin:
        hit = _admin_form(name, folded=False)
    if hit is None:
        hit = exact.get(("place" if kind == "person" else "person", _key(name)))
    return hit


_ADMIN_NOTE = "shipped list of administrative units"


def _admin_form(name: str, folded: bool) -> Established | None:
    """The Thai of the administrative unit called ``name`` where the list attests it, or where ``name``
    is another spelling of the unit's name (Đăk Lăk); a rule row's Thai is what the rules give anyway
    (``scripts/build_places.py --check``), so the rules keep rendering it, syllable by syllable."""
    from vnthai_mt.names import places

    units = places.units_named_folded(name) if folded else places.units_named(name)
    for unit in units:
        if not unit.th:
            continue
        variant = places.key(name) != places.key(unit.vi)
        if variant or not unit.th_source.startswith(places.RULE_SOURCE):
            return Established(unit.vi, unit.th, "place", unit.th_source, f"{_ADMIN_NOTE} ({unit.type})")
    return None


@lru_cache(maxsize=1)
def place_names() -> tuple[str, ...]:
    """Known Vietnamese place names (``data/places.txt``), normalized."""
    text = resources.files("vnthai_mt.names").joinpath("data", "places.txt").read_text(encoding="utf-8")
    return tuple(_DASHES.sub("-", vietnamese.normalize(line.strip()))
                 for line in text.splitlines() if line.strip() and not line.startswith("#"))


@lru_cache(maxsize=1)
def _places_by_fold() -> dict[str, str | None]:
    table: dict[str, str | None] = {}
    for name in place_names():
        key = vietnamese.fold(name)
        table[key] = None if key in table and table[key] != name else name
    return table


def restore_place(name: str) -> str | None:
    """The known place whose diacritic-free spelling is ``name`` (``Nam Dinh`` -> ``Nam Định``), if one."""
    return _places_by_fold().get(vietnamese.fold(_DASHES.sub("-", name)))


def lookup_established_folded(name: str, kind: str, admin: bool = True) -> Established | None:
    """The established form whose diacritic-free spelling is ``name``'s (one candidate only)."""
    _, folded, _ = _indexes()
    hit = folded.get((kind, vietnamese.fold(_key(name))))
    if hit is None and kind == "place" and admin:
        hit = _admin_form(name, folded=True)
    return hit


# --- the syllable transcriber (wunsen plus corrections) ---------------------------------------------


@lru_cache(maxsize=1)
def _syllable_engine():
    from wunsen.vietnamese.vi_mapping import RI55
    from wunsen.vietnamese.vi_splitter import NotVietnamese, SplitSyl
    from wunsen.vietnamese.vi_thapsap import ViRi55

    class CorrectedRi55(ViRi55):
        """wunsen's RI 2555 speller with the corrections listed in the module docstring."""

        def thap_kham(self, word: str) -> str:
            self.applied: list[str] = []
            if len(word) > 1 and word.endswith("k") and not word.endswith("kh"):  # final-k
                word = word[:-1] + "c"
                self.applied.append("final-k")
            return super().thap_kham(word)

        def select_onset(self) -> None:
            onset, vowel = self.split[0], self.split[1]
            if onset == "gi" and vowel.startswith("ê"):  # gi-ie
                self.split[1] = "i" + vowel
                self.applied.append("gi-ie")
            super().select_onset()
            glide = RI55["vowel"][self.split[1]][0]
            if onset == "" and glide != "อ":  # zero-onset-glide
                self.onset = "อ" + glide
                self.applied.append("zero-onset-glide")

        def select_vowel(self) -> None:
            super().select_vowel()
            vowel, coda = self.split[1], self.split[2]
            glide_nucleus = (vowel == "oa" and coda == "nh") or (vowel in ("uy", "uê") and coda in ("ch", "nh"))
            if glide_nucleus and not self.shorten:  # type: ignore[has-type]  # set by wunsen, untyped
                self.shorten = True
                self.applied.append("glide-short-vowel")

    speller = CorrectedRi55()

    def is_syllable(word: str) -> bool:
        try:
            SplitSyl(RI55).split_syl(word)
        except (NotVietnamese, IndexError, KeyError):
            return False
        return True

    def spell(word: str) -> tuple[str, tuple[str, ...]]:
        """Thai for one lowercase NFC syllable, or the word unchanged if it is not Vietnamese."""
        try:
            out = speller.thap_kham(word)
        except (IndexError, KeyError):
            return word, ()
        if not any(thai.is_thai(ch) for ch in out):  # wunsen returns what it cannot parse
            return word, ()
        applied = list(getattr(speller, "applied", []))
        parts = getattr(speller, "split", None)
        if out != word and parts and parts[0] == "qu" and parts[1] == "ô" and parts[2] in ("c", "ng"):
            out = "โ" + out  # quoc: กว๊ก -> โกว๊ก
            applied.append("quoc")
        return thai.normalize(out), tuple(applied)

    return spell, is_syllable


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case, any normalization) parses as one Vietnamese syllable."""
    _, is_syllable = _syllable_engine()
    return is_syllable(unicodedata.normalize("NFC", word.lower()))


def transcribe_syllable(syllable: str) -> str:
    """Thai for one Vietnamese syllable (no established forms, no spacing)."""
    spell, _ = _syllable_engine()
    return spell(vietnamese.lower_keep_length(vietnamese.normalize(syllable)))[0]


# --- whole names --------------------------------------------------------------------------------------


def clean_name(name: str) -> str:
    """Normalize and drop surrounding punctuation; dashes inside become a plain hyphen."""
    text = vietnamese.normalize(name).strip(_STRIP)
    return _DASHES.sub("-", text)


NAME_STYLES = ("spaced", "joined")


def transcribe(name: str, kind: str = "person", *, marked: bool = False, style: str = "spaced",
               _lists: bool = True) -> Transcription:
    """Render ``name`` (a person's or a place's name in Vietnamese) in Thai.

    ``style``: how a person's transcribed name is written, the house style: "spaced" by syllable (most
    Thai papers, Thai Wikipedia: เหงียน คัก เถิ่น) or "joined" (some broadcasters: เหงียนคักเถิ่น). Established
    forms and places are written as listed either way.

    ``marked``: the text the name comes from is written with diacritics, so a name without any (Vinh,
    Giang Huy, Minh Anh) really has none and is read as written, with high confidence."""
    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    if style not in NAME_STYLES:
        raise ValueError(f"style must be one of {NAME_STYLES}, not {style!r}")
    vi = clean_name(name)
    if not vi:
        return Transcription("", "low", "rule", vi="", kind=kind, notes=("empty name",))
    has_marks = vietnamese.has_diacritics(vi) or (marked and all(
        is_vietnamese_syllable(w) for w in _SYLLABLE.findall(vi)))

    entry = lookup_established(vi, kind, admin=_lists)
    if entry is None and not has_marks:
        entry = lookup_established_folded(vi, kind, admin=_lists)
    if entry is not None and entry.note.startswith(_ADMIN_NOTE) and has_marks \
            and _key(vi) == _key(entry.vi) and transcribe(vi, kind, marked=marked, style=style,
                                                          _lists=False).thai == entry.th:
        entry = None  # the list's form is the rules' (Nam Định นามดิ่ญ): a rule rendering, by syllable
    if entry is not None:
        confidence = "high" if has_marks or _key(vi) == _key(entry.vi) else "low"
        established_notes = () if confidence == "high" else ("no diacritics in the input; matched an established form",)
        return Transcription(entry.th, confidence, "established", vi=entry.vi, kind=kind,
                             syllables=((entry.vi, entry.th),), notes=established_notes)

    spell, _ = _syllable_engine()
    _, _, syllable_forms = _indexes()
    notes: list[str] = []
    confidence = "high"
    if not has_marks and any(ch.isalpha() for ch in vi):
        confidence = "low"
        place = restore_place(vi) if kind == "place" else None
        if place is not None and vietnamese.has_diacritics(place):
            notes.append(f"no diacritics in the input: read as the known place {place}")
            vi, has_marks = place, True
        else:
            notes.append("no diacritics in the input: tones and vowels guessed")

    pairs: list[tuple[str, str]] = []
    words_out: list[str] = []
    restored_words: list[str] = []
    for word in vi.split(" "):
        parts_out: list[str] = []
        parts_vi: list[str] = []
        for part in word.split("-"):
            th_part, vi_part = _render_word(part, has_marks, spell, syllable_forms, pairs, notes)
            if th_part is None:
                continue
            parts_out.append(th_part)
            parts_vi.append(vi_part)
        if not parts_out:
            continue
        words_out.append("-".join(parts_out))
        restored_words.append("-".join(parts_vi))
    all_established = all(_key(vi_syl) in syllable_forms for vi_syl, _th in pairs)
    if any(n.startswith("not Vietnamese") for n in notes):
        confidence = "low"
    joiner = " " if kind == "person" and style == "spaced" else ""
    source = "established" if pairs and all_established else "rule"
    return Transcription(thai.normalize(joiner.join(words_out)), confidence, source,
                         vi=" ".join(restored_words), kind=kind, syllables=tuple(pairs),
                         notes=tuple(dict.fromkeys(notes)))


def _render_word(part, has_marks, spell, syllable_forms, pairs, notes):
    """Thai for one space- and hyphen-free piece; returns (thai, vietnamese as read)."""
    letters = "".join(_SYLLABLE.findall(part))
    if not letters:
        return (part, part) if part else (None, None)
    low = vietnamese.lower_keep_length(letters)
    if not has_marks:
        restored = diacritics.restore_syllable(low)
        shown = _match_case(letters, restored)
    else:
        restored, shown = low, letters
    established = syllable_forms.get(_key(shown))
    if established is not None:
        pairs.append((established.vi, established.th))
        return established.th, established.vi
    th, applied = spell(restored)
    if th == restored:  # wunsen leaves what it cannot parse as it is
        notes.append(f"not Vietnamese, left in Latin script: {letters}")
        pairs.append((letters, letters))
        return letters, letters
    for rule in applied:
        notes.append(f"correction: {rule}")
    pairs.append((shown, th))
    return th, shown


def _match_case(original: str, restored: str) -> str:
    if original[:1].isupper():
        return restored[:1].upper() + restored[1:]
    return restored
