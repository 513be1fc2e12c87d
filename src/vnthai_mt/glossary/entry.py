"""The glossary data model: one entry says how one Vietnamese term must be rendered in Thai.

    Entry("Ủy ban nhân dân tỉnh", "คณะกรรมการประชาชนจังหวัด", "org", vi_variants=("UBND tỉnh",),
          th_variants=("สภาจำลองจังหวัด",), source="vietnam.vn/th")

reads: wherever the source says *Ủy ban nhân dân tỉnh* or *UBND tỉnh*, the Thai must say
คณะกรรมการประชาชนจังหวัด; สภาจำลองจังหวัด is a known wrong rendering (the check flags it, repair replaces
it). One TSV row per entry, in the columns ``COLUMNS``; list cells are joined with ``|``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

KINDS = ("person", "place", "org", "title", "term")
COLUMNS = ("vi", "th", "kind", "vi_variants", "th_variants", "valid", "source", "note")
REQUIRED = ("vi", "th", "kind")
LIST_SEPARATOR = "|"


@dataclass(frozen=True)
class Entry:
    """``vi`` must become ``th``.

    vi_variants: other ways the term is written in Vietnamese (UBND, TP., no diacritics). Old-style tone
      placement and decomposed Unicode need no variant: matching runs on normalized text.
    th_variants: other Thai renderings seen for the term (attested alternatives and wrong ones); editors'
      checks flag them and repair replaces them with ``th``.
    valid: free text validity, e.g. ``until 2025-06-30`` for a province merged in 2025.
    source: where the Thai rendering comes from (URL, "rule" for a transcription).
    """

    vi: str
    th: str
    kind: str
    vi_variants: tuple[str, ...] = ()
    th_variants: tuple[str, ...] = ()
    valid: str = ""
    source: str = ""
    note: str = ""
    origin: str = field(default="", compare=False)  # "path:line" the entry was read from

    def all_vi(self) -> tuple[str, ...]:
        return (self.vi, *self.vi_variants)

    def as_row(self) -> dict[str, str]:
        return {
            "vi": self.vi,
            "th": self.th,
            "kind": self.kind,
            "vi_variants": LIST_SEPARATOR.join(self.vi_variants),
            "th_variants": LIST_SEPARATOR.join(self.th_variants),
            "valid": self.valid,
            "source": self.source,
            "note": self.note,
        }
