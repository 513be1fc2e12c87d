"""TMX 1.4b in and out of the translation memory (``--cache DB``), for CAT tools and news desks.

``export_tmx(cache, "mem.tmx")`` writes every (Vietnamese, Thai) pair the cache holds, once each,
as ``<tu>`` elements with a ``vi`` and a ``th`` ``<tuv>`` (written with translate-toolkit's
``translate.storage.tmx``); ``import_tmx("desk.tmx", cache)`` stores the pairs of a desk's memory
(the ``tuv`` whose ``xml:lang`` is ``vi``/``vi-VN``... and the one that is ``th``/``th-TH``...) under
the ``MEMORY`` namespace of the cache, where ``translate --cache DB`` finds exact matches before any
model runs and reports them ``via: memory``::

    vnthai-mt tm import desk.tmx --cache tm.sqlite       # 1,204 pair(s) imported
    vnthai-mt translate a.txt -o a.th.txt --cache tm.sqlite
    vnthai-mt tm export --cache tm.sqlite -o mem.tmx

Keys are the normalized Vietnamese (``text.vietnamese.normalize``, then ``io.cache.cache_key``), the
same form the translator looks up. Inline codes of a TMX segment (``<bpt>``, ``<ph>``...) are dropped
from the text on import (their native markup is not Vietnamese); untrusted XML is parsed by
``io.xmlsafe``.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

from lxml import etree

from vnthai_mt.errors import InputError
from vnthai_mt.io.cache import TranslationCache, cache_key
from vnthai_mt.io.formats.registry import need
from vnthai_mt.io.resume import atomic_write_bytes
from vnthai_mt.io.utf8 import read_bytes
from vnthai_mt.io.xmlsafe import parse_xml

MEMORY = "memory"  # the cache's model name for pairs imported from a TMX (settings: "")
SOURCE_LANG, TARGET_LANG = "vi", "th"
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_REQUIRED_MARK = " \u27e6"  # the translator's keys end with " ⟦renderings⟧" (translate.pipeline)


def _lang(elem: etree._Element) -> str:
    return (elem.get(_XML_LANG) or elem.get("lang") or "").lower()


def _seg_text(seg: etree._Element) -> str:
    """The text of a ``<seg>`` without its inline codes' native markup."""
    parts = [seg.text or ""]
    for child in seg:
        local = etree.QName(child).localname if isinstance(child.tag, str) else ""
        if local == "hi":  # highlighted text is text
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def read_pairs(path: str | Path) -> Iterator[tuple[str, str, int]]:
    """(Vietnamese, Thai, line) for each ``<tu>`` of the TMX at ``path`` that has both languages."""
    tree = parse_xml(read_bytes(path), path, "TMX")
    root = tree.getroot()
    if etree.QName(root).localname != "tmx":
        raise InputError(f"not a TMX file (the root element is <{etree.QName(root).localname}>)", path,
                         root.sourceline)
    body = root.find("body")
    if body is None:
        raise InputError("a TMX file needs a <body>", path, root.sourceline)
    for tu in body.iter("tu"):
        by_lang: dict[str, str] = {}
        for tuv in tu.findall("tuv"):
            seg = tuv.find("seg")
            if seg is None:
                raise InputError("a <tuv> without <seg>", path, tuv.sourceline)
            lang = _lang(tuv).split("-")[0]
            by_lang.setdefault(lang, _seg_text(seg))
        if by_lang.get(SOURCE_LANG, "").strip() and by_lang.get(TARGET_LANG, "").strip():
            yield by_lang[SOURCE_LANG], by_lang[TARGET_LANG], tu.sourceline or 0


def import_tmx(path: str | Path, cache: TranslationCache) -> int:
    """Store the Vietnamese-Thai pairs of ``path`` in ``cache``'s memory; returns how many."""
    from vnthai_mt.text import vietnamese

    pairs = {cache_key(vietnamese.normalize(vi)): th.strip() for vi, th, _ in read_pairs(path)}
    return cache.put_many(MEMORY, "", list(pairs.items()))


def cache_pairs(cache: TranslationCache) -> list[tuple[str, str]]:
    """Every (source, Thai) pair of the cache, memory and model translations alike, once each, sorted.
    The translator's keys lose their ``⟦required renderings⟧`` suffix: a CAT tool matches on text."""
    seen: dict[str, str] = {}
    for model, source, target in cache.entries():
        source = source.split(_REQUIRED_MARK)[0]
        if model == MEMORY or source not in seen:  # a desk's own translation wins over a model's
            seen[source] = target
    return sorted(seen.items())


def render_tmx(pairs: list[tuple[str, str]]) -> bytes:
    """TMX 1.4b bytes of ``pairs`` (source ``vi``, target ``th``)."""
    need("translate.storage", "cat", "writing TMX", None)
    from translate.storage import tmx

    store = tmx.tmxfile(sourcelanguage=SOURCE_LANG, targetlanguage=TARGET_LANG)
    header = store.document.getroot().find("header")
    if header is not None:
        header.set("creationtool", "vnthai-mt")
        header.set("segtype", "sentence")
        header.set("o-tmf", "vnthai-mt-cache")
    for vi, th in pairs:
        store.addtranslation(vi, SOURCE_LANG, th, TARGET_LANG)
    buf = io.BytesIO()
    store.serialize(buf)
    return buf.getvalue()


def export_tmx(cache: TranslationCache, path: str | Path) -> int:
    """Write the cache's pairs to ``path`` as TMX 1.4b, atomically; returns how many."""
    pairs = cache_pairs(cache)
    atomic_write_bytes(Path(path), render_tmx(pairs))
    return len(pairs)
