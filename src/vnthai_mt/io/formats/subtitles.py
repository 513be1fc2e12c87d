"""Subtitles in and out: SRT and WebVTT, where only the cue text is translated.

A cue of an SRT file::

    12
    00:01:02,500 --> 00:01:05,000 X1:40 X2:600
    Thủ tướng Phạm Minh Chính
    phát biểu tại hội nghị.

becomes one segment, ``"Thủ tướng Phạm Minh Chính phát biểu tại hội nghị."`` (the cue's lines joined by
a space, so the model sees the whole sentence), with id ``c12`` and ``line`` the number of the timing
line. Every other byte of the file (the cue number, the timing line with its settings, the blank lines,
line ends, a BOM; in WebVTT the ``WEBVTT`` header and its lines, ``NOTE``, ``STYLE`` and ``REGION``
blocks and cue identifiers) is copied from the input unchanged.

Line breaks inside a cue are **re-balanced**: the translation is cut into as many lines as the source
cue had (fewer when it has fewer words), of about equal length, at spaces or, in Thai, at word edges
(PyThaiNLP), never inside a word. A dialogue cue, whose every line starts with ``-`` (one speaker a
line), is one segment per line instead (ids ``c12.1``, ``c12.2``) and keeps its lines as they are.

Markup that wraps a cue (``<i>…</i>``, ``{\\an8}``, WebVTT ``<v Speaker>``, ``<c.yellow>``) is kept
around the translation as it was and never shown to the model; markup inside the text (``Xin <i>chào</i>``,
a WebVTT timestamp ``<00:01.500>``) is inline tags (``io.inline``), carried through the model; WebVTT
character references (``&amp;``, ``&lt;``, ``&gt;``, ``&nbsp;``, ``&lrm;``, ``&rlm;``) are decoded for
the model and ``&``, ``<``, ``>`` escaped again in the output. A translation line never holds ``-->``
(it would read as a timing line): it is written ``->``.

A file that cannot be read as subtitles is one ``InputError`` with the file and line, before anything
is written: a bad timecode, an end before its start, a cue without its timing line, a missing blank
line between two cues, a WebVTT file without its ``WEBVTT`` header.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from vnthai_mt.errors import InputError
from vnthai_mt.io.formats.model import Document, Segment
from vnthai_mt.io.formats.registry import FormatSpec, ReadOptions, RenderOptions, register
from vnthai_mt.io.inline import CLOSE, EMPTY, OPEN, Tag, marker, place_markers, split_by_markers

# SRT: HH:MM:SS,mmm (a dot is accepted too: many tools write one); hours may have more digits.
_SRT_TIME = r"(\d{1,3}):(\d{2}):(\d{2})[,.](\d{3})"
_SRT_TIMING = re.compile(rf"[ \t]*{_SRT_TIME}[ \t]+-->[ \t]+{_SRT_TIME}(?P<settings>[ \t].*)?")
# WebVTT: (HH:)MM:SS.mmm, hours two digits or more.
_VTT_TIME = r"(?:(\d{2,}):)?(\d{2}):(\d{2})\.(\d{3})"
_VTT_TIMING = re.compile(rf"{_VTT_TIME}[ \t]+-->[ \t]+{_VTT_TIME}(?P<settings>[ \t].*)?")
_ARROW = "-->"
_TIMING_START = re.compile(r"[ \t]*\d[\d:,.]*[ \t]*-->")  # text that starts like a timing line
_VTT_HEADER = re.compile(r"WEBVTT(?:[ \t].*)?")
_VTT_BLOCKS = re.compile(r"(?:NOTE|STYLE|REGION)(?:[ \t].*)?")
# Markup at the edges of a cue: tags, and SSA override blocks such as {\an8} (common in SRT).
_LEAD = re.compile(r"(?:\s*(?:<[^<>\n]*>|\{\\[^{}\n]*\}))+\s*")
_TRAIL = re.compile(r"\s*(?:</[^<>\n]*>\s*)+\Z")
_VTT_ENTITIES = {"&amp;": "&", "&lt;": "<", "&gt;": ">", "&nbsp;": "\u00a0", "&lrm;": "\u200e",
                 "&rlm;": "\u200f"}
_VTT_ENTITY = re.compile("|".join(map(re.escape, _VTT_ENTITIES)))
_DASH = re.compile(r"\A\s*-\s*")


def _split_line(line: str, dialogue: bool) -> tuple[str, str, str]:
    """(kept markup before, text, kept markup after) of one line: a dialogue dash and edge tags."""
    lead = ""
    if dialogue:
        dash = _DASH.match(line)
        lead = dash.group() if dash else ""
    tags = _LEAD.match(line, len(lead))
    if tags:
        lead = line[: tags.end()]
    trail_m = _TRAIL.search(line, len(lead))
    trail = trail_m.group() if trail_m else ""
    return lead, line[len(lead): len(line) - len(trail)], trail


@dataclass
class Cue:
    """Where one cue's text is: lines ``first``..``last`` (0-based, end excluded) of the file."""

    first: int
    last: int
    timing_line: int  # 1-based
    lead: str  # markup kept before the text
    trail: str  # markup kept after the text
    dialogue: bool  # one segment per line


@dataclass
class Parsed:
    """A subtitle file as lines (ends kept) and its cues."""

    fmt: str  # "srt" or "vtt"
    lines: list[str]
    ends: list[str]
    cues: list[Cue]


def _seconds(groups: Sequence[str | None]) -> float:
    hours, minutes, seconds, millis = (int(g) if g else 0 for g in groups)
    return hours * 3600 + minutes * 60 + seconds + millis / 1000


def _check_timing(match: re.Match[str], name, lineno: int) -> None:
    groups = match.groups()
    for minutes, seconds in ((groups[1], groups[2]), (groups[5], groups[6])):
        if int(minutes) > 59 or int(seconds) > 59:
            raise InputError("bad timecode: minutes and seconds go up to 59", name, lineno)
    if _seconds(groups[4:8]) < _seconds(groups[0:4]):
        raise InputError("bad timecode: the cue ends before it starts", name, lineno)


def _looks_like_timing(line: str) -> bool:
    return _ARROW in line


def parse(text: str, fmt: str, name) -> Parsed:
    """Parse SRT (``fmt="srt"``) or WebVTT (``"vtt"``) text; ``name`` is for error messages."""
    from vnthai_mt.io.lines import split_lines

    lines, ends = split_lines(text)
    cues: list[Cue] = []
    i, n = 0, len(lines)

    def blank(k: int) -> bool:
        return not lines[k].strip()

    if fmt == "vtt":
        if not lines or not _VTT_HEADER.fullmatch(lines[0]):
            raise InputError("not a WebVTT file: the first line must be WEBVTT", name, 1)
        i = 1
        while i < n and not blank(i):  # header lines
            if _looks_like_timing(lines[i]):
                raise InputError("a blank line must follow the WEBVTT header", name, i + 1)
            i += 1
    while i < n:
        if blank(i):
            i += 1
            continue
        start = i
        if fmt == "vtt" and _VTT_BLOCKS.fullmatch(lines[i]):
            while i < n and not blank(i):  # NOTE / STYLE / REGION: kept as they are
                if i > start and _looks_like_timing(lines[i]):
                    block = lines[start].split()[0]
                    raise InputError(f"a blank line must end the {block} block before this cue", name, i + 1)
                i += 1
            continue
        if fmt == "srt":
            if not lines[i].strip().isdigit():
                what = "a cue number" if not _looks_like_timing(lines[i]) else "a cue number before the timing line"
                raise InputError(f"expected {what}, found {lines[i][:60]!r}", name, i + 1)
            i += 1
        elif not _looks_like_timing(lines[i]):
            i += 1  # a WebVTT cue identifier
        if i >= n or blank(i):
            raise InputError("a cue needs a timing line (00:00:01,000 --> 00:00:02,000)", name, i + 1)
        timing = (_SRT_TIMING if fmt == "srt" else _VTT_TIMING).fullmatch(lines[i])
        if timing is None:
            example = "00:00:01,000 --> 00:00:02,500" if fmt == "srt" else "00:01.000 --> 00:02.500"
            raise InputError(f"bad timecode {lines[i][:80]!r} (expected like {example})", name, i + 1)
        _check_timing(timing, name, i + 1)
        timing_line = i + 1
        i += 1
        first = i
        while i < n and not blank(i):
            if _TIMING_START.match(lines[i]):
                at = i - 1 if fmt == "srt" and i - 1 >= first and lines[i - 1].strip().isdigit() else i
                if (_SRT_TIMING if fmt == "srt" else _VTT_TIMING).fullmatch(lines[i]):
                    raise InputError("missing blank line before this cue", name, at + 1)
                raise InputError(f"bad timecode {lines[i][:80]!r}, or a missing blank line before it", name, i + 1)
            i += 1
        cues.append(_cue(lines, first, i, timing_line))
    return Parsed(fmt, lines, ends, cues)


def _cue(lines: list[str], first: int, last: int, timing_line: int) -> Cue:
    body = lines[first:last]
    dialogue = len(body) > 1 and all(line.lstrip().startswith("-") for line in body)
    lead = trail = ""
    if body and not dialogue:
        lead_m = _LEAD.match(body[0])
        lead = lead_m.group() if lead_m else ""
        trail_m = _TRAIL.search(body[-1])
        trail = trail_m.group() if trail_m else ""
        if len(body) == 1 and len(lead) + len(trail) > len(body[0]):
            trail = ""
    return Cue(first, last, timing_line, lead, trail, dialogue)


def _decode(text: str, fmt: str) -> str:
    return _VTT_ENTITY.sub(lambda m: _VTT_ENTITIES[m.group()], text) if fmt == "vtt" else text


def _encode(text: str, fmt: str) -> str:
    text = text.replace(_ARROW, "->")
    if fmt == "vtt":
        text = html.escape(text, quote=False)
    return text


_INNER_TAG = re.compile(r"<[^<>\n]*>|\{\\[^{}\n]*\}")
_TAG_NAME = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)")


def _to_model(text: str, fmt: str) -> tuple[str, list[Tag]]:
    """Cue text for the model: markup inside it (``<i>``, ``<c.x>``, ``<00:01.000>``, ``{\\an8}``) as
    inline-tag markers (``io.inline``; the tag's bytes are its payload), entities decoded."""
    parts: list[str] = []
    tags: list[Tag] = []
    stack: list[tuple[str, int]] = []
    pos = 0
    for m in _INNER_TAG.finditer(text):
        parts.append(_decode(text[pos:m.start()], fmt))
        raw, index = m.group(), len(tags)
        name = _TAG_NAME.match(raw)
        if raw.startswith("</") and name and stack and stack[-1][0] == name.group(1).lower():
            _, opened = stack.pop()
            tags.append(Tag(CLOSE, str(index + 1), raw, pair=tags[opened].pair))
        elif name and not raw.startswith("</") and not raw.endswith("/>"):
            tags.append(Tag(OPEN, str(index + 1), raw))
            stack.append((name.group(1).lower(), index))
        else:
            tags.append(Tag(EMPTY, str(index + 1), raw))
        parts.append(marker(index))
        pos = m.end()
    parts.append(_decode(text[pos:], fmt))
    for _, index in stack:  # never closed in this cue: a standalone tag
        tags[index] = Tag(EMPTY, tags[index].id, tags[index].payload)
    return "".join(parts), tags


def _from_model(text: str, tags: Sequence[Tag], fmt: str) -> str:
    out = []
    for piece in split_by_markers(text):
        if isinstance(piece, int):
            out.append(tags[piece].payload if piece < len(tags) else "")
        else:
            out.append(_encode(piece, fmt))
    return "".join(out)


def cue_segments(parsed: Parsed) -> list[tuple[str, str, int, list[Tag]]]:
    """(id, text for the model, line, inline tags) of every segment, in order."""
    out = []
    for number, cue in enumerate(parsed.cues, 1):
        body = parsed.lines[cue.first:cue.last]
        if cue.dialogue:
            for k, line in enumerate(body, 1):
                text, tags = _to_model(_split_line(line, True)[1].strip(), parsed.fmt)
                out.append((f"c{number}.{k}", text, cue.first + k, tags))
            continue
        if body:
            body = list(body)
            body[-1] = body[-1][: len(body[-1]) - len(cue.trail)]
            body[0] = body[0][len(cue.lead):]
        text, tags = _to_model(" ".join(line.strip() for line in body).strip(), parsed.fmt)
        out.append((f"c{number}", text, cue.timing_line, tags))
    return out


def cue_texts(parsed: Parsed) -> list[tuple[str, str, int]]:
    """(id, text for the model, line) of every segment, in order."""
    return [(sid, text, line) for sid, text, line, _ in cue_segments(parsed)]


def render(parsed: Parsed, translations: Sequence[str]) -> str:
    """The file with each segment's text replaced by its translation; everything else as read.

    A cue whose translation is its own text (nothing changed) is copied as it was, line breaks too."""
    segments = cue_segments(parsed)
    sources = [text for _, text, _, _ in segments]
    all_tags = iter([tags for _, _, _, tags in segments])
    all_sources = iter(sources)
    if len(sources) != len(translations):
        raise ValueError(f"{len(translations)} translations for {len(sources)} subtitle segments")
    it = iter(translations)
    same = iter([a == b for a, b in zip(sources, translations)])
    out: list[str] = []
    pos = 0
    for cue in parsed.cues:
        out.extend(line + end for line, end in zip(parsed.lines[pos:cue.first], parsed.ends[pos:cue.first]))
        body = parsed.lines[cue.first:cue.last]
        ends = parsed.ends[cue.first:cue.last]
        count = len(body) if cue.dialogue else 1
        unchanged = [next(same) for _ in range(count)]
        cue_tags = [next(all_tags) for _ in range(count)]
        cue_sources = [next(all_sources) for _ in range(count)]
        if all(unchanged):
            for _ in range(count):
                next(it)
            out.extend(line + end for line, end in zip(body, ends))
            pos = cue.last
            continue
        if cue.dialogue:
            new = []
            for line, tags, source in zip(body, cue_tags, cue_sources):
                lead, _, trail = _split_line(line, True)
                text = place_markers(_one_line(next(it)), source, tags)[0]  # every tag once, in order
                new.append(lead + _from_model(text, tags, parsed.fmt) + trail)
        else:
            text = place_markers(_one_line(next(it)), cue_sources[0], cue_tags[0])[0]
            new = balance(text, max(1, len(body))) if body else []
            new = [_from_model(line, cue_tags[0], parsed.fmt) for line in new]
            if new:
                new[0] = cue.lead + new[0]
                new[-1] = new[-1] + cue.trail
            elif cue.lead or cue.trail:
                new = [cue.lead + cue.trail]
        inner = ends[0] if ends else "\n"
        for k, line in enumerate(new):
            # the last line keeps the source's last end ("" at the end of a file without a newline)
            out.append(line + (ends[-1] if k == len(new) - 1 else inner))
        pos = cue.last
    out.extend(line + end for line, end in zip(parsed.lines[pos:], parsed.ends[pos:]))
    return "".join(out)


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _cuts(text: str) -> list[int]:
    """Positions where a line may break: after a run of spaces, and Thai word edges."""
    cuts = {m.end() for m in re.finditer(r"\s+", text)}
    if re.search("[\u0e00-\u0e7f]", text):
        from vnthai_mt.text.thai.segment import word_edges

        cuts |= word_edges(text)  # without a segmenter, spaces still give cuts
    return sorted(c for c in cuts if 0 < c < len(text))


def balance(text: str, lines: int) -> list[str]:
    """``text`` cut into at most ``lines`` lines of about equal length, never inside a word::

        >>> balance("một hai ba bốn", 2)
        ['một hai', 'ba bốn']
    """
    text = text.strip()
    if not text:
        return []
    if lines <= 1:
        return [text]
    cuts = _cuts(text)
    chosen: list[int] = []
    for k in range(1, lines):
        target = len(text) * k / lines
        later = [c for c in cuts if c > (chosen[-1] if chosen else 0)]
        if not later:
            break
        chosen.append(min(later, key=lambda c: abs(c - target)))
    bounds = [0, *chosen, len(text)]
    parts = [text[a:b].strip() for a, b in zip(bounds, bounds[1:])]
    return [p for p in parts if p]


# --- the format registry ------------------------------------------------------------------------------


def _read(fmt: str):
    def read(path, options: ReadOptions) -> Document:
        from pathlib import Path

        from vnthai_mt.io.utf8 import decode_utf8, read_bytes

        name = "<stdin>" if str(path) == "-" else path
        data = read_bytes(path, options.folder_hint)
        parsed = parse(decode_utf8(data, name, sniff=False), fmt, name)
        segs = [Segment(sid, text, line, tags) for sid, text, line, tags in cue_segments(parsed)]
        return Document(None if str(path) == "-" else Path(path), fmt, segs,
                        layout={"parsed": parsed, "bom": data.startswith(b"\xef\xbb\xbf")})

    return read


def _render(doc: Document, translations: Sequence[str], options: RenderOptions) -> bytes:
    text = render(doc.layout["parsed"], translations)
    return (("\ufeff" if doc.layout.get("bom") else "") + text).encode("utf-8")


register(FormatSpec("srt", (".srt",), _read("srt"), _render, stdin=True, thai_side=True))
register(FormatSpec("vtt", (".vtt",), _read("vtt"), _render, stdin=True, thai_side=True))
