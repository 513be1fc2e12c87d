"""Masking: required spans become numbered placeholders that the model copies, then the Thai goes back.

The placeholder is a number in square brackets, ``[1]``, ``[2]``... Why this form:

- NLLB's (and M2M-100's, mBART's, Marian's) SentencePiece vocabularies hold ``[``, ``]`` and the digits,
  so it tokenizes into a few ordinary pieces (``▁[`` ``1`` ``]``), never ``<unk>``; the run checks this
  with the backend's own tokenizer (``usable_template``) and falls back to ``<1>`` / ``#1#`` forms;
- bracketed numbers are everywhere in the web and Wikipedia text these models were trained on (citation
  marks) and are copied verbatim, where a made-up word or a tag such as ``<x1>`` tends to be
  transliterated, translated or dropped;
- it holds no letters, so the model has nothing to transcribe into Thai script.

The model may still lose, repeat or alter a placeholder. ``unmask`` tolerates spaces inside the
brackets and Thai digits (``[ ๑ ]``), restores each found placeholder once (a repeat is deleted), and
returns which were lost, so the caller reports or repairs them: a lost placeholder is never silently
dropped. A placeholder form that already occurs in the source text is not used for that text, so a
placeholder of that form left in the output (one the model made up, ``[7]`` of two) is deleted.

Whether a model carries placeholders at all is measured, not assumed: ``carried_share(translate,
template)`` sends the probe sentences (``data/placeholder_probe.vi.txt``) and counts the placeholders
that come back. Hybrid enforcement on a backend without a per-step hook masks first when the share is
at least ``CARRIES_SHARE`` (``--mask-first auto``): e.g. 15 of 16 → mask first; a random-weights model,
0 of 16 → translate freely and force prefixes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from vnthai_mt.text.thai import THAI_DIGITS

TEMPLATES = ("[{n}]", "<{n}>", "#{n}#")
CARRIES_SHARE = 0.8  # placeholders of the probe a model must give back for hybrid to mask first
PROBE = Path(__file__).parent / "data" / "placeholder_probe.vi.txt"
_OPEN_CLOSE = {"[{n}]": ("[", "]"), "<{n}>": ("<", ">"), "#{n}#": ("#", "#")}


@dataclass(frozen=True)
class Masked:
    """The masked text and, per placeholder number (1-based, in order), the span it replaces."""

    text: str
    template: str
    spans: tuple[tuple[int, int], ...]  # (start, end) in the original text, per placeholder

    def placeholder(self, n: int) -> str:
        return self.template.format(n=n)


def usable_template(tokenizer, candidates: Sequence[str] = TEMPLATES) -> str:
    """The first template whose placeholders survive ``tokenizer`` (no unknown piece, same text back)."""
    unk = getattr(tokenizer, "unk_token_id", None)
    for template in candidates:
        sample = f"a {template.format(n=12)} b"
        try:
            ids = tokenizer(sample, add_special_tokens=False)["input_ids"]
            back = tokenizer.decode(ids, skip_special_tokens=True)
        except Exception:  # noqa: BLE001, S112 - a tokenizer that cannot take it is simply not usable
            continue
        if (unk is None or unk not in ids) and template.format(n=12) in back:
            return template
    return candidates[0]


def mask(text: str, spans: Sequence[tuple[int, int]], template: str = TEMPLATES[0]) -> Masked:
    """Replace each (start, end) span of ``text`` (non-overlapping, any order) by a placeholder."""
    ordered = sorted(spans)
    for (_, end), (start, _) in itertools.pairwise(ordered):
        if start < end:
            raise ValueError("mask spans overlap")
    # Pick a form that the text does not already contain, so restoring cannot take the author's own.
    for tmpl in (template, *[t for t in TEMPLATES if t != template]):
        if not _pattern(tmpl, None).search(text):
            template = tmpl
            break
    out, pos = [], 0
    for n, (start, end) in enumerate(ordered, start=1):
        out.append(text[pos:start])
        out.append(template.format(n=n))
        pos = end
    out.append(text[pos:])
    return Masked("".join(out), template, tuple(ordered))


def _pattern(template: str, n: int | None) -> re.Pattern[str]:
    open_, close = _OPEN_CLOSE.get(template, ("[", "]"))
    if n is None:
        digits = r"[0-9๐-๙]+"
    else:
        digits = "(?:" + str(n) + "|" + str(n).translate(str.maketrans("0123456789", THAI_DIGITS)) + ")"
    return re.compile(re.escape(open_) + r"\s*" + digits + r"\s*" + re.escape(close))


def unmask(output: str, masked: Masked, renderings: Sequence[str]) -> tuple[str, list[bool]]:
    """Put ``renderings[n-1]`` where placeholder n is; returns (text, restored flag per placeholder).

    A placeholder found more than once is restored at its first place and deleted elsewhere.
    """
    if len(renderings) != len(masked.spans):
        raise ValueError(f"{len(renderings)} renderings for {len(masked.spans)} placeholders")
    restored = [False] * len(renderings)
    # Highest numbers first, so [1] never matches inside [12].
    for n in sorted(range(1, len(renderings) + 1), key=lambda k: -len(str(k))):
        pattern = _pattern(masked.template, n)
        first = True

        def put(match: re.Match[str], n: int = n) -> str:
            nonlocal first
            if first:
                first = False
                return "\x00" + str(n) + "\x01"
            return ""

        output = pattern.sub(put, output)
        restored[n - 1] = not first
    stray = _pattern(masked.template, None)  # made up: the source held none of this form
    while stray.search(output):  # again: deleting "[9]" from "[[9]1]" leaves "[1]"
        output = stray.sub("", output)
    output = _drop_remnants(output, masked, [n for n, ok in enumerate(restored, start=1) if not ok])
    for n, th in enumerate(renderings, start=1):
        output = output.replace("\x00" + str(n) + "\x01", th)
    return re.sub(r"[ ]{2,}", " ", output).strip(), restored


def _drop_remnants(output: str, masked: Masked, lost: list[int]) -> str:
    """Delete what is left of lost placeholders (``2]``, ``[ 3``) and lone brackets of the form, when the
    source had no such bracket of its own: nothing of a placeholder reaches the published text."""
    open_, close = _OPEN_CLOSE.get(masked.template, ("[", "]"))
    own = _pattern(masked.template, None).sub("", masked.text)
    if open_ in own or close in own:
        return output
    for n in lost:
        number = "(?:" + str(n) + "|" + str(n).translate(str.maketrans("0123456789", THAI_DIGITS)) + ")"
        output = re.sub(re.escape(open_) + r"\s*" + number + r"(?![0-9๐-๙])|(?<![0-9๐-๙])" + number + r"\s*"
                        + re.escape(close), "", output)
    return output.replace(open_, "").replace(close, "")


def probe_sentences(template: str = TEMPLATES[0]) -> list[Masked]:
    """The probe sentences, their ``[n]`` written in ``template`` (spans are unused: nothing to restore)."""
    lines = [x for x in PROBE.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#")]
    out = []
    for line in lines:
        count = len(_pattern(TEMPLATES[0], None).findall(line))
        text = _pattern(TEMPLATES[0], None).sub(lambda m: template.format(n=m.group(0)[1:-1]), line)
        out.append(Masked(text, template, tuple((0, 0) for _ in range(count))))
    return out


def carried_share(translate: Callable[[list[str]], list[str]], template: str = TEMPLATES[0]) -> tuple[int, int]:
    """(placeholders given back, placeholders sent) when ``translate`` takes the probe sentences."""
    probe = probe_sentences(template)
    outputs = translate([m.text for m in probe])
    back = sum(sum(unmask(out, m, ["x"] * len(m.spans))[1]) for out, m in zip(outputs, probe))
    return back, sum(len(m.spans) for m in probe)
