"""Build ``src/vnthai_mt/names/data/vn_thai_syllables.txt``: the loose keys
(:func:`vnthai_mt.qa.syllables.loose_key`) of the Thai renderings of Vietnamese syllables.

Vietnamese syllables come from the project's own lists (names/data/name_syllables.txt,
names/data/syllable_freq.tsv), the shipped Vietnamese NTREX-128 reference, and every onset x rhyme x
tone combination the syllable parser accepts; each is transcribed with the project's transcriber
(:func:`vnthai_mt.names.translit.transcribe_syllable`, Royal Institute rules) and keyed. MT's other
spellings of the same sounds meet these keys through ``thai_mt_folds.tsv``. One line per key:
``key<TAB>example Vietnamese syllables``.

    python scripts/build_thai_syllables.py
"""

from __future__ import annotations

import itertools
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

from vnthai_mt.names.translit import is_vietnamese_syllable, transcribe_syllable
from vnthai_mt.qa.syllables import loose_key

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "src" / "vnthai_mt" / "names" / "data"
NTREX_VI = ROOT / "src" / "vnthai_mt" / "data" / "refsets" / "ntrex128" / "newstest2019-ref.vie.txt"

ONSETS = ["", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p",
          "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"]
NUCLEI = ["a", "ă", "â", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư", "ia", "iê", "yê", "ua", "uô", "ưa", "ươ",
          "oa", "oă", "oe", "uê", "uy", "uya", "uyê", "uơ", "uâ"]
CODAS = ["", "c", "ch", "m", "n", "ng", "nh", "p", "t", "i", "y", "o", "u"]
TONES = ["", "\u0300", "\u0301", "\u0303", "\u0309", "\u0323"]


def _with_tone(syllable: str, tone: str) -> str:
    if not tone:
        return syllable
    vowels = [i for i, ch in enumerate(syllable) if ch in "aăâeêioôơuưy"]
    if not vowels:
        return syllable
    i = vowels[min(1, len(vowels) - 1)] if len(vowels) > 1 and syllable[-1] not in "aăâeêioôơuưy" else vowels[0]
    return unicodedata.normalize("NFC", syllable[: i + 1] + tone + syllable[i + 1:])


def vietnamese_syllables() -> set[str]:
    words: set[str] = set()
    for name in ("name_syllables.txt", "syllable_freq.tsv"):
        for line in (DATA / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                words.update(re.findall(r"[^\W\d_]+", line.split("\t")[-2 if "\t" in line else 0].lower()))
    words.update(re.findall(r"[^\W\d_]+", NTREX_VI.read_text(encoding="utf-8").lower()))
    for onset, nucleus, coda, tone in itertools.product(ONSETS, NUCLEI, CODAS, TONES):
        words.add(_with_tone(onset + nucleus + coda, tone))
    return {w for w in words if is_vietnamese_syllable(w)}


def main() -> int:
    by_key: dict[str, list[str]] = defaultdict(list)
    for syllable in sorted(vietnamese_syllables()):
        try:
            th = transcribe_syllable(syllable)
        except Exception:  # noqa: BLE001 - a syllable the speller rejects is simply left out
            continue
        if not th or not re.fullmatch("[\u0e01-\u0e4e]+", th):
            continue
        key = loose_key(th)
        if key and len(by_key[key]) < 4:
            by_key[key].append(syllable)
    lines = ["# Loose keys of Thai renderings of Vietnamese syllables (vnthai_mt.qa.syllables.loose_key of the",
             "# Royal Institute transcription by vnthai_mt.names.translit). Built by scripts/build_thai_syllables.py;",
             "# do not edit by hand. key<TAB>examples"]
    lines += [f"{k}\t{' '.join(v)}" for k, v in sorted(by_key.items())]
    (DATA / "vn_thai_syllables.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(by_key)} keys", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
