"""Thai-script syllables of Vietnamese names: which Thai syllables can render a Vietnamese one, how a
joined name splits into them, and a grouping key that every spelling of one name shares.

Machine translation writes one Vietnamese name many ways: spaced or joined (โต ลัม / โตลัม), with other
tone marks or vowel length (ฟู่ / ฟู้), with other letters for one sound (Thanh: แถ่ง / ถั่น, Sơn: ซอน /
เซิน). The Thai renderings of Vietnamese syllables are a small set: ``data/vn_thai_syllables.txt`` lists
their loose keys, generated from the project's own transcriber over the Vietnamese syllables of names and
news (``scripts/build_thai_syllables.py``). ``data/thai_mt_folds.tsv`` rewrites the spellings MT chooses
onto the Royal Institute spelling of the same sound before keying, so

    >>> loose_key("แถ่ง") == loose_key("ถั่น") == loose_key("ทัญ")   # Thanh
    True
    >>> segment("เลแถ่ง")
    ('เล', 'แถ่ง')
    >>> group_key("เล แถ่ง") == group_key("เลถั่น")
    True

A group key is the syllables' loose keys joined by ``|``, the first one replaced by the surname it spells
(:data:`vnthai_mt.qa.thai_names.SURNAME_FORMS` meets spellings the key keeps apart, เหงียน / เหวียน), so
two names that differ in any full syllable (ฮวง ดัง กวาง / เล หง็อก กวาง) keep different keys.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from vnthai_mt.names.phonetic import thai_key
from vnthai_mt.text import thai

_TONES = re.compile("[\u0e48-\u0e4b\u0e47]")
# One Thai syllable as transcriptions write it (the shape; the inventory decides whether it is Vietnamese).
SYLLABLE = re.compile(
    "[เแโใไ]?(?:ห[งญนมยรลว]|[ก-ฮ]ห?[รลว]|[ก-ฮ])[ัิีึืุู็]?[่้๊๋]?(?:[าะำอยว][่้๊๋]?)?(?:[ก-ฮ](?![ัิีึืุู็่้๊๋าะำ]))?"
    "(?:[ก-ฮ][ิุ]?์)?"
)
_MAX_SYLLABLE = 9
_STRAY_SPACE = re.compile(" (?=[ก-ฮ][ิุ]?์)")  # โฮจิมิน ห์: a silent letter cut off by a stray space


def _data(name: str) -> str:
    return resources.files("vnthai_mt.names").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def folds() -> tuple[tuple[re.Pattern, str], ...]:
    out = []
    for line in _data("thai_mt_folds.tsv").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, repl, *_ = line.split("\t")
        out.append((re.compile(pattern), repl))
    return tuple(out)


@lru_cache(maxsize=131072)
def loose_key(syllable: str) -> str:
    """The phonetic key of one Thai syllable after MT spelling choices are folded onto the RI ones."""
    s = _TONES.sub("", thai.normalize(syllable))
    for pattern, repl in folds():
        s = pattern.sub(repl, s)
    return thai_key(s)


@lru_cache(maxsize=1)
def inventory() -> frozenset[str]:
    """Loose keys of the Thai renderings of Vietnamese syllables."""
    keys = set()
    for line in _data("vn_thai_syllables.txt").splitlines():
        if line and not line.startswith("#"):
            keys.add(line.split("\t", 1)[0])
    return frozenset(keys)


@lru_cache(maxsize=131072)
def is_vietnamese_syllable(token: str) -> bool:
    """Whether ``token`` is one Thai syllable that renders a Vietnamese syllable."""
    return SYLLABLE.fullmatch(token) is not None and loose_key(token) in inventory()


@lru_cache(maxsize=65536)
def segment(text: str) -> tuple[str, ...] | None:
    """``text`` (spaced or joined) as Vietnamese syllables, fewest syllables first; None if it does not
    split into them. Spaces are syllable boundaries."""
    out: list[str] = []
    for word in text.split():
        parts = _split_word(word)
        if parts is None:
            return None
        out.extend(parts)
    return tuple(out) if out else None


def _split_word(word: str) -> list[str] | None:
    n = len(word)
    best: list[list[str] | None] = [None] * (n + 1)
    best[n] = []
    for i in range(n - 1, -1, -1):
        choice = None
        for j in range(min(n, i + _MAX_SYLLABLE), i, -1):
            rest = best[j]
            if rest is None or (choice is not None and len(rest) + 1 >= len(choice)):
                continue
            if is_vietnamese_syllable(word[i:j]):
                choice = [word[i:j], *rest]
        best[i] = choice
    return best[0]


def syllable_prefixes(text: str, start: int) -> list[int]:
    """Ends of the Vietnamese syllables that start at ``start`` in ``text``, longest first."""
    out = []
    for j in range(min(len(text), start + _MAX_SYLLABLE), start, -1):
        if is_vietnamese_syllable(text[start:j]):
            out.append(j)
    return out


@lru_cache(maxsize=65536)
def group_key(text: str) -> str:
    """The key every spelling of one name shares (see the module docstring); "" when ``text`` does not
    split into Vietnamese syllables (then callers fall back to the plain phonetic key)."""
    from vnthai_mt.qa.thai_names import surname_of

    parts = segment(_STRAY_SPACE.sub("", thai.normalize(text)))
    if not parts:
        return ""
    keys = [loose_key(p) for p in parts]
    if len(parts) > 1:
        surname = surname_of(parts[0])
        if surname:
            keys[0] = surname
    return "|".join(keys)
