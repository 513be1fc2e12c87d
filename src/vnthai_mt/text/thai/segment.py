"""Thai word segmentation with PyThaiNLP, offline: for BLEU and TER, and for word edges in repair.

sacrebleu has no Thai tokenizer, so Thai lines are segmented into words with PyThaiNLP first and scored
with ``tokenize='none'``. The segmenter and its version go into the score's signature, because a
different dictionary or engine changes every number.

PyThaiNLP's dictionary engines read word lists shipped inside the package; nothing is downloaded. Two
environment switches keep it that way (set only when the user has not set them): ``PYTHAINLP_OFFLINE``
(never fetch a corpus at run time) and ``PYTHAINLP_READ_ONLY`` (do not create ``~/pythainlp-data``).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from vnthai_mt.errors import InputError

DEFAULT_SEGMENTER = "newmm"
# Dictionary-based engines that work offline with the data shipped in the pythainlp wheel. newmm is the
# default and the only one whose scores should be compared across papers; the others are offered for
# studies of segmentation effects.
SEGMENTERS = ("newmm", "newmm-safe", "longest", "mm")


def pythainlp_offline() -> None:
    os.environ.setdefault("PYTHAINLP_OFFLINE", "1")
    # PYTHAINLP_READ_MODE is the deprecated name; pythainlp refuses both at once.
    if "PYTHAINLP_READ_MODE" not in os.environ:
        os.environ.setdefault("PYTHAINLP_READ_ONLY", "1")


def pythainlp_version() -> str:
    pythainlp_offline()
    import pythainlp

    return pythainlp.__version__


def segmenter_signature(segmenter: str = DEFAULT_SEGMENTER) -> str:
    """The part of a signature that names the segmenter, e.g. ``pythainlp-newmm-5.4.0``."""
    return f"pythainlp-{segmenter}-{pythainlp_version()}"


def thai_segmenter(segmenter: str = DEFAULT_SEGMENTER) -> Callable[[str], str]:
    """A function that segments one line: words joined by single spaces, whitespace tokens dropped."""
    if segmenter not in SEGMENTERS:
        raise InputError(f"unknown segmenter {segmenter!r}; choose one of {', '.join(SEGMENTERS)}")
    pythainlp_offline()
    from pythainlp.tokenize import word_tokenize

    def segment(line: str) -> str:
        return " ".join(tok for piece in bounded_pieces(line) for tok in word_tokenize(piece, engine=segmenter)
                        if tok.strip())

    return segment


# pythainlp's cluster search is quadratic on one long run of text (a 2 MB line: minutes). Its words
# never cross whitespace, so a long line is cut at whitespace into pieces of at most this many
# characters with the same result; a run with no whitespace at all is cut hard (pathological input).
MAX_PIECE = 2000


def bounded_pieces(line: str, limit: int = MAX_PIECE) -> list[str]:
    """``line`` cut at whitespace into pieces of at most ``limit`` characters (hard cuts where a
    longer run has no whitespace); joined again they give ``line``."""
    if len(line) <= limit:
        return [line]
    pieces = []
    start = 0
    while len(line) - start > limit:
        cut = max(line.rfind(" ", start, start + limit), line.rfind("\n", start, start + limit))
        end = cut + 1 if cut > start else start + limit
        pieces.append(line[start:end])
        start = end
    pieces.append(line[start:])
    return pieces


def segment_lines(lines: Sequence[str], segmenter: str = DEFAULT_SEGMENTER) -> list[str]:
    segment = thai_segmenter(segmenter)
    return [segment(line) for line in lines]


def word_edges(text: str) -> set[int]:
    """Offsets where PyThaiNLP's newmm puts a word boundary in ``text`` (offline; an empty set when the
    segmenter cannot run, so callers fall back to spaces and punctuation)."""
    edges: set[int] = set()
    try:
        pythainlp_offline()
        from pythainlp.tokenize import word_tokenize

        pos = 0
        for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
            pos += len(word)
            edges.add(pos)
    except Exception:  # noqa: BLE001 - without a segmenter, spaces and punctuation still give cuts
        return set()
    return edges
