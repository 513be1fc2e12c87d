"""One rendering per name within a document (or a batch of documents).

News text names a person in full once (Nguyễn Khắc Thận) and then by the given name (ông Thận), sometimes
without diacritics (Nguyen Khac Than) or in decomposed Unicode. The registry groups these mentions under
one entry and gives every mention the Thai of the entry, so the translation says เหงียน คัก เถิ่น and
เถิ่น, never three spellings:

* mentions that normalize to the same text are the same name;
* a mention without diacritics joins the entry whose diacritic-free spelling is the same;
* a person mention that is the last syllables of exactly one known person (Thận, Khắc Thận) joins it; if
  several persons end that way the mention is ambiguous and stays on its own;
* a full name seen after its short form takes the short form in (and gives it its rendering).

Entries export as candidate glossary rows (source "rule") for an editor to review and promote.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vnthai_mt.names.detect import NameSpan, find_names
from vnthai_mt.names.translit import Transcription, transcribe
from vnthai_mt.text import vietnamese

ROW_COLUMNS = ("vi", "th", "kind", "vi_variants", "th_variants", "valid", "source", "note")


def _syllables(text: str) -> list[str]:
    return vietnamese.normalize(text).replace("-", " - ").split()


def _fold_syllables(text: str) -> tuple[str, ...]:
    return tuple(vietnamese.fold(s) for s in _syllables(text) if s != "-")


def _merge_reason(mention: str, full: str) -> str:
    """Why ``mention`` is written as ``full`` (the report says which mentions were merged and why)."""
    if _fold_syllables(mention) == _fold_syllables(full):
        return f"merged {mention}: the same name" + ("" if vietnamese.has_diacritics(mention)
                                                      else " without diacritics")
    return f"merged {mention}: the last syllables of {full}, the only such name in the text"


@dataclass
class RegistryEntry:
    """A name and its one rendering; ``variants`` are the other ways it was written."""

    vi: str
    kind: str
    transcription: Transcription
    variants: list[str] = field(default_factory=list)
    count: int = 0
    mentions: list[tuple[int, int, int]] = field(default_factory=list)  # (document, start, end)
    notes: list[str] = field(default_factory=list)

    @property
    def th(self) -> str:
        return self.transcription.thai

    def thai_for(self, mention: str) -> str:
        """The Thai for one mention: the whole rendering, or its last syllables for a short form."""
        full = _fold_syllables(self.vi)
        short = _fold_syllables(mention)
        pairs = self.transcription.syllables
        if self.kind == "person" and short and len(short) < len(full) and full[-len(short):] == short \
                and len(pairs) == len(full):
            return (" " if " " in self.th else "").join(th for _vi, th in pairs[-len(short):])
        return self.th

    def as_row(self) -> dict[str, str]:
        t = self.transcription
        note = [f"{self.count} mention(s)", f"confidence {t.confidence}"]
        if t.source == "established":
            note.append("established form")
        note.extend(self.notes)
        note.extend(n for n in t.notes if not n.startswith("correction"))
        return {
            "vi": self.vi,
            "th": self.th,
            "kind": self.kind,
            "vi_variants": "|".join(v for v in self.variants if v != self.vi),
            "th_variants": "",
            "valid": "",
            "source": "rule",
            "note": "; ".join(dict.fromkeys(note)),
        }


class NameRegistry:
    """Names seen so far and their renderings. Use one per document, or one for a whole batch."""

    def __init__(self, style: str = "spaced") -> None:
        self.style = style  # house style of persons' names: "spaced" or "joined" (translit.transcribe)
        self.entries: list[RegistryEntry] = []
        self._documents = 0
        self.marked = False  # the text seen is written with diacritics (transcribe's ``marked``)

    def __iter__(self):
        return iter(self.entries)

    def __len__(self) -> int:
        return len(self.entries)

    # --- resolution -------------------------------------------------------------------------------

    def resolve(self, mention: str, kind: str) -> RegistryEntry | None:
        """The entry ``mention`` belongs to, or None."""
        norm = vietnamese.normalize(mention)
        key = vietnamese.lower_keep_length(norm)
        folded = _fold_syllables(norm)
        same_kind = [e for e in self.entries if e.kind == kind]
        for entry in same_kind:
            if key in (vietnamese.lower_keep_length(v) for v in (entry.vi, *entry.variants)):
                return entry
        if not vietnamese.has_diacritics(norm):
            hits = [e for e in same_kind if _fold_syllables(e.vi) == folded]
            if len(hits) == 1:
                return hits[0]
        if kind == "person" and folded:
            hits = [e for e in same_kind if len(_fold_syllables(e.vi)) > len(folded)
                    and _fold_syllables(e.vi)[-len(folded):] == folded
                    and self._compatible(norm, e.vi)]
            if len(hits) == 1:
                return hits[0]
        return None

    @staticmethod
    def _compatible(short: str, full: str) -> bool:
        """A short form with diacritics must match the full name's last syllables exactly."""
        if not vietnamese.has_diacritics(short):
            return True
        s, f = _syllables(short), _syllables(full)
        return [vietnamese.lower_keep_length(x) for x in f[-len(s):]] == \
            [vietnamese.lower_keep_length(x) for x in s]

    def add(self, mention: str, kind: str, where: tuple[int, int, int] | None = None) -> RegistryEntry:
        """Register one mention and return its entry."""
        norm = vietnamese.normalize(mention)
        entry = self.resolve(norm, kind)
        if entry is None:
            entry = self._absorb_or_create(norm, kind)
        elif norm not in entry.variants and norm != entry.vi:
            entry.variants.append(norm)
            entry.notes.append(_merge_reason(norm, entry.vi))
        if self._better_canonical(norm, entry):
            self._promote(entry, norm)
        entry.count += 1
        if where is not None:
            entry.mentions.append(where)
        return entry

    def _absorb_or_create(self, norm: str, kind: str) -> RegistryEntry:
        entry = RegistryEntry(norm, kind, transcribe(norm, kind=kind, marked=self.marked,
                                                       style=self.style))
        folded = _fold_syllables(norm)
        # Earlier short forms or diacritic-free forms of this name join the new entry.
        for other in [e for e in self.entries if e.kind == kind]:
            o_fold = _fold_syllables(other.vi)
            shorter = kind == "person" and len(o_fold) < len(folded) and folded[-len(o_fold):] == o_fold \
                and self._compatible(other.vi, norm)
            bare = o_fold == folded and not vietnamese.has_diacritics(other.vi)
            if (shorter or bare) and self._unique_owner(other, folded, kind):
                entry.notes.append(_merge_reason(other.vi, norm))
                entry.variants.extend([other.vi, *other.variants])
                entry.count += other.count
                entry.mentions.extend(other.mentions)
                self.entries.remove(other)
        if len(folded) == 1 and kind == "person":
            entry.notes.append("given name only: no full name seen")
        self.entries.append(entry)
        return entry

    def _unique_owner(self, short: RegistryEntry, folded: tuple[str, ...], kind: str) -> bool:
        s = _fold_syllables(short.vi)
        owners = [e for e in self.entries if e.kind == kind and e is not short
                  and _fold_syllables(e.vi)[-len(s):] == s]
        return not owners

    @staticmethod
    def _better_canonical(norm: str, entry: RegistryEntry) -> bool:
        """A diacritized spelling beats a bare one; a longer (fuller) one beats a shorter one."""
        if norm == entry.vi:
            return False
        has_new, has_old = vietnamese.has_diacritics(norm), vietnamese.has_diacritics(entry.vi)
        if has_new != has_old:
            return has_new
        return len(_fold_syllables(norm)) > len(_fold_syllables(entry.vi))

    def _promote(self, entry: RegistryEntry, norm: str) -> None:
        if entry.vi not in entry.variants:
            entry.variants.append(entry.vi)
        if norm in entry.variants:
            entry.variants.remove(norm)
        entry.vi = norm
        entry.transcription = transcribe(norm, kind=entry.kind, marked=self.marked, style=self.style)
        entry.notes = [n for n in entry.notes if not n.startswith("given name only")]

    # --- documents ----------------------------------------------------------------------------------

    def add_document(self, text: str, glossary=None) -> list[tuple[NameSpan, RegistryEntry]]:
        """Find the names in ``text`` and register them. Returns (span, entry) per mention, in order."""
        doc = self._documents
        self._documents += 1
        self.marked = self.marked or vietnamese.has_diacritics(text)
        spans = find_names(text, glossary=glossary)
        entries = [self.add(span.text, span.kind, (doc, span.start, span.end)) for span in spans]
        # Resolve again: a short form seen before its full name now belongs to the full entry.
        return [(span, self.resolve(span.text, span.kind) or entry) for span, entry in zip(spans, entries)]

    def render(self, mention: str, kind: str) -> str:
        """The Thai for ``mention``: its entry's rendering, or a fresh transcription."""
        entry = self.resolve(mention, kind)
        if entry is None:
            return transcribe(mention, kind=kind, marked=self.marked, style=self.style).thai
        return entry.thai_for(mention)

    def rows(self) -> list[dict[str, str]]:
        """Candidate glossary rows, most mentioned first."""
        ordered = sorted(self.entries, key=lambda e: (-e.count, e.kind, e.vi))
        return [e.as_row() for e in ordered]
