"""The one line splitter of every command: only ``\\n`` ends a line (``\\r\\n`` too, as one end).

``str.splitlines`` also breaks at U+2028, U+2029, U+0085, ``\\x1c``-``\\x1e``, ``\\v`` and ``\\f``; a
Thai or Vietnamese file may hold those inside a segment, and then one line in would no longer be one
line out, and ``lookup -`` would count lines differently from ``lookup FILE``. ``wc -l``, editors and
every reader here agree on ``\\n``::

    >>> split_lines("a\\u2028b\\r\\nc")
    (['a\\u2028b', 'c'], ['\\r\\n', ''])
    >>> lines_of("x\\x1cy\\n")
    ['x\\x1cy']

A final newline does not start another line; a lone ``\\r`` stays part of its line.
"""

from __future__ import annotations


def split_lines(text: str) -> tuple[list[str], list[str]]:
    """Lines without their ends, and the ends (``"\\n"``, ``"\\r\\n"``, or ``""`` for a last line
    without a newline)."""
    lines = text.split("\n")
    ends = ["\n"] * len(lines)
    ends[-1] = ""
    if lines[-1] == "":  # the text ended with a newline (or was empty)
        lines.pop()
        ends.pop()
    for i, line in enumerate(lines):
        if ends[i] and line.endswith("\r"):
            lines[i] = line[:-1]
            ends[i] = "\r\n"
    return lines, ends


def lines_of(text: str) -> list[str]:
    """Just the lines of ``text`` (see ``split_lines``)."""
    return split_lines(text)[0]
