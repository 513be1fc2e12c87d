"""Split long Vietnamese segments into sentences, and put the translated pieces back together.

``split_segment(text) -> (parts, info)`` cuts after sentence-ending punctuation (``.``, ``!``, ``?``,
``;``, ``...``/``…``, with closing quotes or brackets) that is followed by whitespace, and at line
breaks. It does not cut after abbreviations (``TP.``, ``TS.``, ``PGS.TS.``, ``v.v.``), single-letter
initials (``Nguyễn V. A.``), list markers (``1.``, ``II.``) or before a lower-case word (except after
``;``). Numbers never contain whitespace, so ``6,3%``, ``235.028`` and ``13/3`` are never cut.

``split_long(text, max_len, length_fn=len)`` cuts a piece that is still over a length budget (for
example model tokens): at ``,``/``;``/``:`` first, then at spaces, then (a single over-long word)
between characters. Pieces are packed greedily so each stays within the budget.

Both return the pieces without surrounding whitespace and a ``SplitInfo`` that holds the whitespace
around and between them, so ``rejoin(parts, info)`` returns the original text exactly, and
``rejoin(translated_parts, info)`` puts translations together with the original separators. Text is
never dropped: ``"".join`` of parts and separators, interleaved, is the input.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

# Abbreviations written with a final dot that do not end a sentence (Vietnamese titles, administrative
# units, common Latin ones). Compared case-sensitively, plus the lower-case forms listed.
ABBREVIATIONS = frozenset(
    """
    TP Tp tp TS Ts PGS GS Gs ThS Ths Th BS Bs KS CN NCS TX TT Q P H X Tr tr St Mr Mrs Ms Dr Prof Jr Sr
    No no Nxb NXB vv Co Ltd Inc Corp Lt Gen Col Sgt Ph Ng Vol vol ts pgs gs ths bs ks
    """.split()  # noqa: SIM905 - a word list reads better than a list literal
)
_TERMINAL = ".!?;…"
_CLOSERS = "\"'”’»)]}"
_WS = re.compile(r"\s+")
_ENUMERATOR = re.compile(r"(?:\d{1,3}|[IVXLC]{1,5}|[ivxlc]{1,5}|[^\W\d_])[.)]")
_CLAUSE_CUT = re.compile(r"(?<=[,;:،、，；：])\s+")


@dataclass(frozen=True)
class SplitInfo:
    """How to rejoin: ``separators[0]`` goes before the first part, ``separators[i]`` between parts
    ``i-1`` and ``i``, ``separators[-1]`` after the last; always ``len(parts) + 1`` of them."""

    separators: tuple[str, ...]


def rejoin(parts: Sequence[str], info: SplitInfo) -> str:
    """Interleave ``parts`` with the remembered separators (the inverse of the splitters)."""
    seps = info.separators
    if len(seps) != len(parts) + 1:
        raise ValueError(f"{len(parts)} parts for {len(seps) - 1} split points")
    out = [seps[0]]
    for part, sep in zip(parts, seps[1:]):
        out.append(part)
        out.append(sep)
    return "".join(out)


def _peel(text: str) -> tuple[str, str, str]:
    """(leading whitespace, core, trailing whitespace); blank text is all "leading"."""
    core = text.strip()
    if not core:
        return text, "", ""
    start = len(text) - len(text.lstrip())
    return text[:start], core, text[start + len(core):]


def split_segment(text: str, *, semicolons: bool = True) -> tuple[list[str], SplitInfo]:
    """Sentences of ``text`` (stripped) and the separators to rejoin them; blank text gives no parts."""
    lead, core, trail = _peel(text)
    if not core:
        return [], SplitInfo((text,))
    parts: list[str] = []
    seps = [lead]
    start = 0
    for m in _WS.finditer(core):
        if _is_boundary(core, start, m, semicolons):
            parts.append(core[start:m.start()])
            seps.append(m.group())
            start = m.end()
    parts.append(core[start:])
    seps.append(trail)
    return parts, SplitInfo(tuple(seps))


def _is_boundary(text: str, start: int, ws: re.Match[str], semicolons: bool) -> bool:
    """Whether the whitespace ``ws`` ends the sentence that began at ``start``."""
    if "\n" in ws.group() or "\r" in ws.group() or "\u2028" in ws.group() or "\u2029" in ws.group():
        return True
    before = text[start:ws.start()]
    end = len(before)
    while end and before[end - 1] in _CLOSERS:
        end -= 1
    punct_end = end
    while end and before[end - 1] in _TERMINAL:
        end -= 1
    punct = before[end:punct_end]
    if not punct:
        return False
    if ";" in punct:
        return semicolons
    nxt = text[ws.end()]
    if nxt.islower():
        return False  # "... v.v. và", a quoted question inside a sentence
    if punct == ".":
        word = before[:end].rsplit(None, 1)[-1] if before[:end].strip() else ""
        word = word.lstrip("(\"'“‘«[")
        if _is_abbreviation(word):
            return False
        if _ENUMERATOR.fullmatch(before[:punct_end].strip()):
            return False  # "1. Nội dung", "II. Kết quả", "a) ..." at the start of the segment
    return True


def _is_abbreviation(word: str) -> bool:
    if not word:
        return False
    if word in ABBREVIATIONS:
        return True
    pieces = word.split(".")
    if all(p.isalpha() and (p in ABBREVIATIONS or len(p) == 1) for p in pieces):
        # "PGS.TS", "v.v", "U.S", and single-letter initials "A"
        return len(pieces) > 1 or (len(word) == 1 and word.isupper())
    return False


# --- length budget -----------------------------------------------------------------------------------


def split_long(
    text: str, max_len: int, length_fn: Callable[[str], int] = len
) -> tuple[list[str], SplitInfo]:
    """Cut ``text`` into pieces with ``length_fn(piece) <= max_len`` (``len`` or a token counter).

    Cuts prefer clause punctuation (``,``, ``;``, ``:``), then spaces, then character boundaries (only
    for a single word over the budget). Text within the budget comes back as one piece.
    """
    if max_len < 1:
        raise ValueError("max_len must be at least 1")
    lead, core, trail = _peel(text)
    if not core:
        return [], SplitInfo((text,))

    def packed(splitter):
        def split(chunk: str) -> tuple[list[str], list[str]]:
            pieces, piece_seps = splitter(chunk)
            return _pack(pieces, piece_seps, max_len, length_fn)
        return split

    def by_characters(chunk: str) -> tuple[list[str], list[str]]:
        cut = _char_cut(chunk, max_len, length_fn)
        return cut, [""] * (len(cut) - 1)

    chunks: list[str] = [core]
    seps: list[str] = []
    # Each pass cuts only the chunks still over the budget, with the next finer cut.
    for split in (packed(_clause_pieces), packed(_word_pieces), by_characters):
        new_chunks: list[str] = []
        new_seps: list[str] = []
        for i, chunk in enumerate(chunks):
            if i:
                new_seps.append(seps[i - 1])
            if length_fn(chunk) <= max_len:
                new_chunks.append(chunk)
                continue
            pieces, piece_seps = split(chunk)
            new_chunks.extend(pieces)
            new_seps.extend(piece_seps)
        chunks, seps = new_chunks, new_seps
    return chunks, SplitInfo((lead, *seps, trail))


def _clause_pieces(text: str) -> tuple[list[str], list[str]]:
    return _split_keep(text, _CLAUSE_CUT)


def _word_pieces(text: str) -> tuple[list[str], list[str]]:
    return _split_keep(text, _WS)


def _split_keep(text: str, pattern: re.Pattern[str]) -> tuple[list[str], list[str]]:
    pieces, seps, start = [], [], 0
    for m in pattern.finditer(text):
        pieces.append(text[start:m.start()])
        seps.append(m.group())
        start = m.end()
    pieces.append(text[start:])
    return pieces, seps


def _pack(pieces: list[str], seps: list[str], max_len: int,
          length_fn: Callable[[str], int]) -> tuple[list[str], list[str]]:
    """Greedy: join neighbouring pieces (with their separators) while the result fits."""
    out, out_seps = [pieces[0]], []
    for piece, sep in zip(pieces[1:], seps):
        joined = out[-1] + sep + piece
        if length_fn(joined) <= max_len:
            out[-1] = joined
        else:
            out.append(piece)
            out_seps.append(sep)
    return out, out_seps


def _char_cut(word: str, max_len: int, length_fn: Callable[[str], int]) -> list[str]:
    """Longest prefixes within the budget (binary search; at least one character each)."""
    out = []
    while word:
        lo, hi = 1, len(word)
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if length_fn(word[:mid]) <= max_len:
                lo = mid
            else:
                hi = mid - 1
        out.append(word[:lo])
        word = word[lo:]
    return out
