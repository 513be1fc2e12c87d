"""The Vietnamese word lists name detection reads, kept as data in ``names/data/``.

``data/detect_words.tsv`` holds every list of cue words detection uses (place words, honorifics, titles,
photo-credit labels, words that are never names ...), one ``list<TAB>word`` row each; ``data/*.txt``
hold one word or name a line (``surnames.txt``). Both allow ``#`` comments. Words come back normalized
(``vietnamese.normalize``: NFC, new-style tone placement), in file order::

    >>> words("place_cue")[:3]
    ('tỉnh', 'thành phố', 'tp.')
    >>> "nguyễn" in lowered("surname")
    True

A list name the file does not have is an error (a typo must not silently give an empty list).
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources

from vnthai_mt.text import vietnamese

WORDS_FILE = "detect_words.tsv"
# Lists kept in their own one-name-a-line file (older, and shared with other modules).
_TEXT_FILES = {"surname": "surnames.txt"}


def _read(name: str) -> str:
    return resources.files("vnthai_mt.names").joinpath("data", name).read_text(encoding="utf-8")


def text_lines(name: str) -> tuple[str, ...]:
    """The entries of a one-a-line file in ``names/data/`` (``#`` comments and blank lines dropped)."""
    return tuple(vietnamese.normalize(line.split("#")[0].strip()) for line in _read(name).splitlines()
                 if line.split("#")[0].strip())


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[str, ...]]:
    lists: dict[str, list[str]] = {}
    rows = [line for line in _read(WORDS_FILE).splitlines() if line.strip() and not line.startswith("#")]
    if not rows or rows[0].split("\t") != ["list", "word"]:
        raise ValueError(f"names/data/{WORDS_FILE}: the first row must be the header 'list<TAB>word'")
    for n, line in enumerate(rows[1:], start=2):
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0] or not parts[1].strip():
            raise ValueError(f"names/data/{WORDS_FILE}: row {n}: expected 'list<TAB>word', got {line!r}")
        lists.setdefault(parts[0], []).append(vietnamese.normalize(parts[1].strip()))
    return {k: tuple(v) for k, v in lists.items()}


def list_names() -> tuple[str, ...]:
    """The names of the lists available (``detect_words.tsv`` plus the one-a-line files)."""
    return tuple(sorted({*_table(), *_TEXT_FILES}))


@cache
def words(name: str) -> tuple[str, ...]:
    """The words of list ``name``, normalized, in file order; KeyError for an unknown list."""
    if name in _TEXT_FILES:
        return text_lines(_TEXT_FILES[name])
    table = _table()
    if name not in table:
        raise KeyError(f"no word list {name!r} in names/data/{WORDS_FILE} (have: {', '.join(list_names())})")
    return table[name]


@cache
def lowered(name: str) -> frozenset[str]:
    """The words of list ``name`` lowercased (``vietnamese.lower_keep_length``), as a set."""
    return frozenset(vietnamese.lower_keep_length(w) for w in words(name))
