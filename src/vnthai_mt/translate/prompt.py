"""The prompt an instruction model (local or behind an OpenAI-compatible server) translates from.

>>> hints = [Hint("Chủ tịch nước", "ประธานาธิบดี", "title")]
>>> msgs = build_messages(["Chủ tịch nước phát biểu."], [hints])
>>> [m["role"] for m in msgs]
['system', 'user']
>>> print(msgs[1]["content"])  # doctest: +NORMALIZE_WHITESPACE
Required terms for this text (Vietnamese => Thai, kind). Each Vietnamese term must be rendered
exactly as this Thai:
- Chủ tịch nước => ประธานาธิบดี (title)
Translate the whole text between the markers as one segment.
<source>
Chủ tịch nước phát biểu.
</source>

What goes in: the task and the house style (system message), then ONLY the glossary entries and names
required in this request's text, with their kinds (a long glossary in every prompt is what makes
LLMs drop entries), then the source between markers, described as data. Injection safety: the system
message says the delimited text is data to translate, never instructions; if the source itself
contains a marker, the markers get a number (``<source-1>``...) until none occurs in the text, so the
text cannot close its own block. ``misses`` (the ask-again round) names the renderings a previous
answer lacked. Document mode (several segments in one request): each segment gets a marker
``[[n]]`` that the answer must repeat (``translate.hygiene.split_document`` checks them).

The wording lives in ``vnthai_mt/data/llm/prompt.json``.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from vnthai_mt.shipped import shipped_path


@dataclass(frozen=True)
class Hint:
    """One required rendering as the prompt states it."""

    vi: str
    th: str
    kind: str


@lru_cache(maxsize=1)
def wording() -> dict[str, str]:
    """The shipped prompt wording (``data/llm/prompt.json``)."""
    data: dict[str, Any] = json.loads(shipped_path("llm", "prompt.json").read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


def markers(texts: Sequence[str]) -> tuple[str, str]:
    """Opening and closing source markers that occur in none of ``texts``."""
    w = wording()
    open_, close = w["source_open"], w["source_close"]
    n = 0
    while any(open_ in t or close in t for t in texts):
        n += 1
        open_ = w["source_open"].replace(">", f"-{n}>")
        close = w["source_close"].replace(">", f"-{n}>")
    return open_, close


def segment_marker(n: int) -> str:
    return wording()["segment_marker"].format(n=n)


def build_messages(texts: Sequence[str], hints: Sequence[Sequence[Hint]], *,
                   misses: Sequence[Sequence[Hint]] | None = None) -> list[dict[str, str]]:
    """Chat messages asking for the Thai of ``texts`` (one text: a single segment; several: document
    mode, one marker each). ``hints[i]``: renderings required in ``texts[i]``; ``misses[i]``: those a
    previous answer lacked."""
    if len(hints) != len(texts) or (misses is not None and len(misses) != len(texts)):
        raise ValueError("one list of hints (and of misses) per text")
    w = wording()
    open_, close = markers(texts)
    system = w["system"].format(open=open_, close=close)
    terms = list(dict.fromkeys(h for hs in hints for h in hs))
    lines: list[str] = []
    if terms:
        lines.append(w["terms_header"])
        lines += [w["term_line"].format(vi=h.vi, th=h.th, kind=h.kind) for h in terms]
    missed = list(dict.fromkeys(h for hs in (misses or []) for h in hs))
    if missed:
        lines.append(w["misses_header"])
        lines += [w["term_line"].format(vi=h.vi, th=h.th, kind=h.kind) for h in missed]
    if len(texts) == 1:
        lines.append(w["single_rule"])
        body = texts[0]
    else:
        lines.append(w["document_rule"].format(count=len(texts), marker=segment_marker(1)))
        body = "\n".join(f"{segment_marker(n)} {t}" for n, t in enumerate(texts, start=1))
    lines += [open_, body, close]
    return [{"role": "system", "content": system}, {"role": "user", "content": "\n".join(lines)}]
