"""Where a Thai word may start or end, judged from the character cluster alone.

Thai is written without spaces between words, so a rendering found inside a line cannot be checked
against word boundaries. What can be checked cheaply is the character cluster: a match must not start
on a vowel sign or tone mark, nor right after a leading vowel (เ แ โ ใ ไ belong to the consonant that
follows them), and must not end right before a vowel sign, tone mark or a following vowel (ะ า ำ) that
belongs to its last consonant::

    >>> text = "ประธานาธิบดีกล่าว"
    >>> cluster_end_ok(text, len("ประธาน"))      # ประธาน would end before า: not a word here
    False
    >>> cluster_end_ok("ประธานกล่าว", len("ประธาน"))
    True
"""

from __future__ import annotations

COMBINING = frozenset(  # above and below vowels, tone marks, thanthakhat, nikhahit, yamakkan
    "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d\u0e4e")
FOLLOWING = frozenset("\u0e30\u0e32\u0e33\u0e45")  # ะ า ำ ๅ
LEADING = frozenset("\u0e40\u0e41\u0e42\u0e43\u0e44")  # เ แ โ ใ ไ


def cluster_start_ok(text: str, start: int) -> bool:
    """Whether a word may start at ``text[start]``."""
    if start >= len(text):
        return False
    first = text[start]
    if first in COMBINING or first in FOLLOWING:
        return False
    return not (start > 0 and text[start - 1] in LEADING)


def cluster_end_ok(text: str, end: int) -> bool:
    """Whether a word may end just before ``text[end]``."""
    if end <= 0 or text[end - 1] in LEADING:
        return False
    return not (end < len(text) and (text[end] in COMBINING or text[end] in FOLLOWING))
