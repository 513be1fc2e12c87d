"""The translator: Vietnamese documents in, Thai documents out, every required rendering in place.

    from vnthai_mt.translate.pipeline import Translator

    with Translator(model="facebook/nllb-200-distilled-600M", glossaries=["my_terms.tsv"]) as tr:
        tr.translate("Chủ tịch UBND tỉnh Nguyễn Khắc Thận phát biểu.")       # -> "..." (one string)
        tr.translate(["Câu một.", "Câu hai."])                              # -> ["...", "..."]
        tr.translate_file("article.vi.txt", "article.th.txt", report="report.json")

Per segment (a line of txt, a jsonl field, a tsv/csv cell, a docx paragraph):

1. blank segments are passed through; others are cut into sentences (``text.sentences``) and a sentence
   longer than the model accepts is cut further at clause punctuation or spaces, so nothing is
   truncated; each piece is normalized (``text.vietnamese.normalize``);
2. requirements are found per piece: glossary matches and names the glossary does not cover
   (``translate.requirements``; one ``NameRegistry`` per document keeps every mention of a name alike);
3. pieces are translated with the enforcement strategy (``translate.enforce``), in chunks of segments,
   so that a run killed halfway resumes where it stopped (``--resume``: finished chunks are read from the
   checkpoint, never translated again; the output is byte-identical to an uninterrupted run);
4. the Thai is localized (``translate.localize``: era of years, digits, number format) with the
   required renderings shielded, so localization cannot break them;
5. pieces are joined back with the original separators; the output keeps the segment count and order.

``--cache DB`` keeps a translation memory keyed by the normalized piece and its required renderings,
so a sentence repeated across files is translated once. The report (``--report``) lists every required
rendering per segment with ``vi``, ``th``, ``kind``, ``status`` (enforced, repaired, missing) and a
summary.

``glossary_timing(translator, texts)`` measures the glossary layer apart from the model, for the speed
benchmark.
"""

from __future__ import annotations

import hashlib
import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import Glossary, Matcher, load_glossaries
from vnthai_mt.io.formats.model import Annotation
from vnthai_mt.io.guard import make_folder
from vnthai_mt.io.identity import fingerprint_model
from vnthai_mt.io.inline import Tag
from vnthai_mt.text import vietnamese
from vnthai_mt.translate.enforce import ENFORCED, MISSING, REPAIRED, STRATEGIES, Enforcer, Item, Timings
from vnthai_mt.translate.models import DEFAULT_MODEL
from vnthai_mt.translate.requirements import (
    Required,
    build_registry,
    document_name_spans,
    find_required,
    name_renderer,
    piece_name_spans,
)
from vnthai_mt.translate.tags import carry, restore
from vnthai_mt.translate.vocabulary import DIGITS, ERAS, Digits, Era

DEFAULT_CHUNK_SEGMENTS = 32
_SHIELD = 0xF0000  # supplementary private-use plane: nothing in localization touches these


# --- reports ---------------------------------------------------------------------------------------------


@dataclass
class SegmentReport:
    """One segment's required renderings (``items``) and why it needs review (``review``: e.g. its
    inline tags could not be placed in a valid order; empty when it needs none)."""

    id: str
    line: int
    items: list[Item] = field(default_factory=list)
    review: list[str] = field(default_factory=list)
    via: str | None = None  # "memory": every sentence came from the imported translation memory

    @property
    def needs_review(self) -> bool:
        return bool(self.review) or any(i.status == MISSING for i in self.items)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"id": self.id, "line": self.line, "items": [i.to_dict() for i in self.items],
                               "review": list(self.review)}
        if self.via is not None:
            out["via"] = self.via
        return out


def summarize(segments: Sequence[SegmentReport]) -> dict[str, Any]:
    items = [i for s in segments for i in s.items]
    counts = {status: sum(i.status == status for i in items) for status in (ENFORCED, REPAIRED, MISSING)}
    present = counts[ENFORCED] + counts[REPAIRED]
    return {
        "segments": len(segments),
        "required": len(items),
        **counts,
        "term_presence_pct": round(100.0 * present / len(items), 2) if items else None,
        "needs_review": sum(s.needs_review for s in segments),
        "memory": sum(s.via == MEMORY_VIA for s in segments),
    }


@dataclass
class Report:
    """What one run did: per segment items, a summary, timings and the settings."""

    segments: list[SegmentReport]
    timings: Timings
    settings: dict[str, Any]
    input: str | None = None
    output: str | None = None

    @property
    def summary(self) -> dict[str, Any]:
        return summarize(self.segments)

    def to_dict(self) -> dict[str, Any]:
        return {
            "input": self.input,
            "output": self.output,
            "settings": self.settings,
            "summary": self.summary,
            "timings": self.timings.to_dict(),
            "segments": [s.to_dict() for s in self.segments if s.items or s.review or s.via],
        }


@dataclass
class Result:
    """``Translator.translate_with_report``: the translations and the report."""

    texts: list[str]
    report: Report


# --- planning: segments -> pieces -----------------------------------------------------------------------


@dataclass
class _Plan:
    """How one segment was cut: ``parts`` (one per sentence) of piece indices, and how to rejoin."""

    original: str
    blank: bool
    info: Any = None  # SplitInfo of the sentences
    parts: list[tuple[list[int], Any]] = field(default_factory=list)  # (piece ids, SplitInfo or None)


class Translator:
    """Translate Vietnamese text and documents into Thai with the glossary enforced (see module doc).

    model: hub id or local folder (``vnthai-mt tiny-model`` makes a tiny offline one);
    backend: "transformers" or "ctranslate2"; glossaries: extra glossary files (or one ``Glossary``),
    stacked over the shipped ones unless ``default_glossary=False``; strategy: hybrid, constrain, mask,
    repair or none; era: "be" (Buddhist era, default), "ce" or "keep"; digits: "arabic", "thai" or
    "keep"; device: "auto", "cpu" or "cuda"; cache: path of an SQLite translation memory (or a
    ``TranslationCache``); names: also enforce rule transcriptions of names the glossary lacks;
    threads: CPU threads (CTranslate2: this model; PyTorch: the whole process).
    """

    def __init__(
        self,
        model: str = DEFAULT_MODEL,
        backend: str = "transformers",
        glossaries: Sequence[str | Path] | Glossary = (),
        strategy: str = "hybrid",
        era: Era = "be",
        digits: Digits = "arabic",
        device: str = "auto",
        cache: str | Path | Any | None = None,
        *,
        default_glossary: bool = True,
        names: bool = True,
        name_style: str = "spaced",
        num_beams: int = 4,
        max_new_tokens: int | None = None,
        batch_tokens: int | None = None,
        dtype: str | None = None,
        allocation: str = "banks",
        chunk_segments: int = DEFAULT_CHUNK_SEGMENTS,
        threads: int | None = None,
        progress: bool = False,
        engine=None,
    ) -> None:
        if strategy not in STRATEGIES:
            raise InputError(f"unknown strategy {strategy!r} (choose {', '.join(STRATEGIES)})")
        if era not in ERAS:
            raise InputError(f"unknown era {era!r} (choose be, ce or keep)")
        if digits not in DIGITS:
            raise InputError(f"unknown digit style {digits!r} (choose arabic, thai or keep)")
        if chunk_segments < 1:
            raise InputError("chunk_segments must be at least 1")
        # The glossary first: a malformed glossary is reported before a slow model load.
        if isinstance(glossaries, Glossary):
            self.glossary = glossaries
        else:
            self.glossary = load_glossaries(list(glossaries), include_default=default_glossary)
        self.matcher = Matcher(self.glossary)
        if engine is None:
            from vnthai_mt.translate.backends import load_backend

            if threads and backend == "transformers":
                import torch

                torch.set_num_threads(threads)  # process-wide: PyTorch has no per-model setting
            engine = load_backend(
                model, backend, device=device, dtype=dtype, batch_tokens=batch_tokens,
                num_beams=num_beams, max_new_tokens=max_new_tokens, threads=threads,
            )
        self.backend = engine
        self.model = model
        self.strategy = strategy
        self.era = era
        self.digits = digits
        self.names = names
        self._doc_spans: dict[str, list] = {}
        self.name_style = name_style  # segment -> its names, found on the whole document
        self.num_beams = num_beams
        self.max_new_tokens = max_new_tokens
        self.allocation = allocation
        self.chunk_segments = chunk_segments
        self.progress = progress
        self.timings = Timings()
        self._enforcer: Enforcer | None = None
        self._cache = _open_cache(cache)
        self.settings = {
            "model": str(getattr(engine, "model_path", model)),
            # By content: new weights or tokenizer at the same path are another model.
            "model_id": fingerprint_model(getattr(engine, "model_path", model)),
            "backend": getattr(engine, "name", backend),
            "dtype": getattr(engine, "dtype", dtype),
            "strategy": strategy,
            "glossary": self.glossary.fingerprint(),
            "names": names,
            "name_style": name_style,
            "era": era,
            "digits": digits,
            "num_beams": num_beams,
            "max_new_tokens": max_new_tokens,
            "allocation": allocation,
            "chunk_segments": chunk_segments,
        }
        self._model_key = f"{self.settings['model']}@{self.settings['model_id']}"
        self._settings_fp = hashlib.sha256(json.dumps(self.settings, sort_keys=True).encode()).hexdigest()

    # --- public API ----------------------------------------------------------------------------------

    @overload
    def translate(self, texts: str) -> str: ...  # type: ignore[overload-overlap]  # a str is a Sequence[str] too

    @overload
    def translate(self, texts: Sequence[str]) -> list[str]: ...

    def translate(self, texts: str | Sequence[str]) -> str | list[str]:
        """Thai for one text (a ``str``), or for each text of a list (one document: names are made
        consistent across the list)."""
        if isinstance(texts, str):
            return self.translate_with_report([texts]).texts[0]
        return self.translate_with_report(texts).texts

    def translate_with_report(self, texts: str | Sequence[str], ids: Sequence[str] | None = None,
                              tags: Sequence[Sequence[Tag]] | None = None) -> Result:
        """The translations with their report (``Result.texts``, ``Result.report``); a ``str`` is one text.

        Inline tags (``io.inline`` markers in the texts, described by ``tags``, one list per text) are
        carried through the model and put back; a text whose tags cannot be placed keeps them all and
        is reported with ``review``."""
        texts = [texts] if isinstance(texts, str) else list(texts)
        if not all(isinstance(t, str) for t in texts):
            raise InputError("translate takes a string or a list of strings")
        ids = list(ids) if ids is not None else [str(i) for i in range(1, len(texts) + 1)]
        timings = Timings()
        outputs, reports = self._translate_segments(texts, ids, list(range(1, len(texts) + 1)), timings,
                                                    tags=tags)
        self.timings.add(timings)
        return Result(outputs, Report(reports, timings, self.settings))

    def translate_file(
        self,
        input: str | Path,
        output: str | Path,
        fmt: str | None = None,
        field: str | None = None,
        column: str | int | None = None,
        resume: bool = False,
        report: str | Path | None = None,
        out_field: str | None = None,
        *,
        done_record: str | Path | None = None,
        retranslate: bool = False,
    ) -> Report:
        """Translate one document into ``output`` (same format); ``"-"`` reads stdin / writes stdout.

        ``done_record`` (folder runs): where the finished file's checkpoint is kept, so that
        ``resume=True`` takes a complete output from it instead of translating the file again.
        ``retranslate``: XLIFF/PO units that already have a translation, or are locked, are translated
        too (by default they are left as they are)."""
        from vnthai_mt.io.formats import read_document, write_document
        from vnthai_mt.io.resume import Checkpoint, atomic_write_text, fingerprint_bytes, fingerprint_settings

        if str(input) != "-" and str(output) != "-" and Path(output).resolve() == Path(input).resolve():
            raise InputError("the output would overwrite the input; choose another output path", output)
        doc = read_document(input, fmt, field, column, retranslate=retranslate)
        check_segment_lengths(doc, "<stdin>" if str(input) == "-" else input)
        # Skipped units (already translated, locked) are blank for the model: the writer keeps them.
        texts = ["" if s.skip else s.text for s in doc.segments]
        seg_tags = [[] if s.skip else s.tags for s in doc.segments]
        ids = doc.ids
        timings = Timings()
        checkpoint = None
        done: dict[str, str] = {}
        if str(output) != "-":
            if not Path(output).parent.is_dir():
                raise InputError("output folder does not exist", Path(output).parent)
            source_fp = fingerprint_bytes(json.dumps(texts, ensure_ascii=False).encode("utf-8"))
            layout = {"settings": self._settings_fp, "fmt": doc.fmt, "field": doc.field, "column": doc.column}
            checkpoint = Checkpoint(output, source_fp, fingerprint_settings(layout))
            complete = checkpoint.load_complete(done_record) if resume and done_record else None
            done = checkpoint.start(resume=resume)
            if complete is not None:
                done = complete
                checkpoint.record(complete)  # kept with the next finish, for a later resume
        try:
            outputs, reports = self._translate_segments(
                texts, ids, [s.line for s in doc.segments], timings, done=done,
                record=checkpoint.record if checkpoint is not None else None, tags=seg_tags,
            )
            write_document(doc, outputs, output, out_field=out_field,
                           annotations=[annotation(r) for r in reports])
            result = Report(reports, timings, self.settings, input=str(input), output=str(output))
            if report is not None:
                atomic_write_text(report, json.dumps(result.to_dict(), ensure_ascii=False, indent=1) + "\n")
        except BaseException:
            if checkpoint is not None:
                checkpoint.close()  # keep it: --resume continues from it
            raise
        if checkpoint is not None:
            checkpoint.finish(keep_as=done_record)
        self.timings.add(timings)
        return result

    def translate_folder(
        self,
        input_dir: str | Path,
        output_dir: str | Path,
        pattern: str | Sequence[str] | None = None,
        *,
        fmt: str | None = None,
        field: str | None = None,
        column: str | int | None = None,
        resume: bool = False,
        report: str | Path | None = None,
        retranslate: bool = False,
    ) -> list[Report]:
        """Translate every supported file under ``input_dir`` into the same place under ``output_dir``."""
        import shutil

        from vnthai_mt.io.formats import plan_folder

        pairs = plan_folder(input_dir, output_dir, pattern)
        # Finished files' checkpoints wait here until the whole folder is done: an interrupted run
        # resumed with --resume skips the files whose outputs are complete (hidden: never an input).
        done_dir = Path(output_dir) / DONE_DIR
        reports = []
        files = _progress(len(pairs), self.progress, unit="file", position=1)  # below the segment bar
        try:
            for number, (src, dst) in enumerate(pairs, start=1):
                files.set_description_str(f"file {number}/{len(pairs)} {Path(src).name}")
                make_folder(dst.parent)
                rel = dst.relative_to(output_dir)
                record = done_dir / rel.with_name(rel.name + ".jsonl")
                reports.append(self.translate_file(src, dst, fmt=fmt, field=field, column=column, resume=resume,
                                                   done_record=record, retranslate=retranslate))
                files.update(1)
        finally:
            files.close()
        shutil.rmtree(done_dir, ignore_errors=True)
        if report is not None:
            write_combined_report(reports, report)
        return reports

    def close(self) -> None:
        """Release the model and close the translation memory (also done by ``with``)."""
        if self._cache is not None:
            self._cache.close()
            self._cache = None
        self.backend = None  # drops the model and tokenizer: their memory is freed with the last reference
        self._enforcer = None

    def __enter__(self) -> Translator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- the work ------------------------------------------------------------------------------------

    def _translate_segments(
        self,
        texts: list[str],
        ids: list[str],
        lines: list[int],
        timings: Timings,
        *,
        done: dict[str, str] | None = None,
        record: Callable[[dict[str, str]], None] | None = None,
        tags: Sequence[Sequence[Tag]] | None = None,
    ) -> tuple[list[str], list[SegmentReport]]:
        if self.backend is None:
            raise InputError("this Translator was closed; make a new one")
        done = done or {}
        # Inline tags travel as placeholders; the model (and the names registry) sees those.
        carried = [carry(t, tags[i] if tags is not None else None) for i, t in enumerate(texts)]
        texts = [c.text for c in carried]
        t0 = time.perf_counter()
        renderer = None
        if self.names:
            registry = build_registry([vietnamese.normalize(t) for t in texts if t.strip()], self.name_style)
            renderer = name_renderer(registry, self.name_style)
            # names found on the whole document, as `names` finds them: one kind per name, all mentions
            self._doc_spans = dict(zip(texts, document_name_spans(texts)))
        timings.glossary_s += time.perf_counter() - t0
        outputs: list[str | None] = [None] * len(texts)
        items: list[list[Item]] = [[] for _ in texts]
        review: list[list[str]] = [[] for _ in texts]
        via: list[str | None] = [None] * len(texts)
        # Fixed chunks of segment positions: a resumed run rebuilds exactly the same batches.
        chunks = [list(range(i, min(i + self.chunk_segments, len(texts))))
                  for i in range(0, len(texts), self.chunk_segments)]
        bar = _progress(len(texts), self.progress)
        try:
            for chunk in chunks:
                if all(ids[i] in done for i in chunk):
                    for i in chunk:
                        outputs[i], items[i], review[i], via[i] = _decode_record(done[ids[i]])
                    timings.resumed += len(chunk)
                    bar.update(len(chunk))
                    continue
                results = self._translate_chunk([texts[i] for i in chunk], renderer, timings)
                for i, (text, its, source) in zip(chunk, results):
                    outputs[i], review[i] = restore(text, carried[i])
                    items[i], via[i] = its, source
                if record is not None:
                    record({ids[i]: _encode_record(str(outputs[i]), items[i], review[i], via[i]) for i in chunk})
                bar.update(len(chunk))
        finally:
            bar.close()
        reports = [SegmentReport(sid, line, its, rev, v)
                   for sid, line, its, rev, v in zip(ids, lines, items, review, via)]
        return [o if o is not None else "" for o in outputs], reports

    def _plan(self, text: str, pieces: list[str], spans: list | None = None) -> _Plan:
        from vnthai_mt.text.sentences import split_long, split_segment

        if not text.strip():
            return _Plan(text, True)
        sentences, info = split_segment(text)
        plan = _Plan(text, False, info)
        limit = max(8, self.backend.max_source_tokens - 8)
        first = len(pieces)
        for sentence in sentences:
            norm = vietnamese.normalize(sentence)
            sub_info = None
            subs = [norm]
            if self.backend.count_tokens([norm])[0] > limit:
                subs, sub_info = split_long(norm, limit, lambda s: self.backend.count_tokens([s])[0])
            ids = []
            for sub in subs:
                ids.append(len(pieces))
                pieces.append(sub)
            plan.parts.append((ids, sub_info))
        if spans is not None:
            # Names are found once on the whole document, as `names` finds them, then given to the pieces.
            seg = getattr(self, "_doc_spans", {}).get(text)
            spans.extend(piece_name_spans(vietnamese.normalize(text), pieces[first:], seg) if self.names
                         else [None] * (len(pieces) - first))
        return plan

    def _translate_chunk(self, texts: list[str], renderer,
                         timings: Timings) -> list[tuple[str, list[Item], str | None]]:
        from vnthai_mt.text.sentences import rejoin

        pieces: list[str] = []
        spans: list = []
        plans = [self._plan(t, pieces, spans) for t in texts]
        t0 = time.perf_counter()
        required = [find_required(p, self.matcher, names=renderer, spans=sp) for p, sp in zip(pieces, spans)]
        keys = [_cache_source(p, r) for p, r in zip(pieces, required)]
        timings.glossary_s += time.perf_counter() - t0

        hits: dict[str, str] = {}
        memory: dict[str, str] = {}
        if self._cache is not None:
            from vnthai_mt.io.tmx import MEMORY

            # A desk's own memory (imported TMX) first: exact matches of the sentence, reported via memory.
            memory = self._cache.get_many(MEMORY, "", pieces)
            hits = self._cache.get_many(self._model_key, self._settings_fp,
                                        [k for k, p in zip(keys, pieces) if p not in memory])
        todo = list(dict.fromkeys(k for k, p in zip(keys, pieces) if k not in hits and p not in memory))
        first = {k: keys.index(k) for k in todo}
        if self._enforcer is None:  # kept: it caches token forms of renderings and the placeholder form
            self._enforcer = Enforcer(self.backend, self.strategy, num_beams=self.num_beams,
                                      max_new_tokens=self.max_new_tokens, allocation=self.allocation)
        enforcer = self._enforcer
        enforcer.timings = timings
        results = enforcer.run([pieces[first[k]] for k in todo], [required[first[k]] for k in todo])
        fresh: dict[str, tuple[str, list[Item]]] = {}
        for k, res in zip(todo, results):
            i = first[k]
            fresh[k] = (self._localize(res.text, pieces[i], required[i]), res.items)
        if self._cache is not None and fresh:
            self._cache.put_many(self._model_key, self._settings_fp,
                                 [(k, text) for k, (text, _) in fresh.items()])
        piece_out: list[tuple[str, list[Item]]] = []
        for r, k, p in zip(required, keys, pieces):
            if p in memory:
                piece_out.append((memory[p], _check_cached(memory[p], r, via=MEMORY_VIA)))
            elif k in fresh:
                text, its = fresh[k]
                piece_out.append((text, [Item(**i.to_dict()) for i in its]))
            else:
                piece_out.append((hits[k], _check_cached(hits[k], r)))
        out: list[tuple[str, list[Item], str | None]] = []
        for plan in plans:
            if plan.blank:
                out.append((plan.original, [], None))
                continue
            parts, its = [], []
            from_memory = all(pieces[i] in memory for piece_ids, _ in plan.parts for i in piece_ids)
            for piece_ids, sub_info in plan.parts:
                translated = [piece_out[i][0] for i in piece_ids]
                for i in piece_ids:
                    its.extend(piece_out[i][1])
                parts.append(rejoin(translated, sub_info) if sub_info is not None else translated[0])
            out.append((rejoin(parts, plan.info), its, MEMORY_VIA if from_memory else None))
        return out

    def _localize(self, text: str, source: str, required: list[Required]) -> str:
        """Localize ``text`` with every present required rendering shielded from the changes."""
        from vnthai_mt.text.thai.find import claimed_spans
        from vnthai_mt.translate.localize import localize

        spans = sorted(claimed_spans(text, [r.th for r in required]), reverse=True)
        kept = []
        for n, (a, b) in enumerate(spans):
            kept.append(text[a:b])
            text = text[:a] + chr(_SHIELD + n) + text[b:]
        text = localize(text, source, era=self.era, digits=self.digits)
        for n, original in enumerate(kept):
            text = text.replace(chr(_SHIELD + n), original)
        return text


# --- helpers --------------------------------------------------------------------------------------------


DONE_DIR = ".vnthai-done"

# A segment (one line of txt, one field...) longer than this is refused before any work: a news
# paragraph is a few thousand characters, and a multi-megabyte line would keep the model busy for
# hours with nothing saved (progress is checkpointed per segment). Split such text into paragraphs.
MAX_SEGMENT_CHARS = 100_000


def check_segment_lengths(doc, name) -> None:
    """``InputError`` with file and line for the first segment over ``MAX_SEGMENT_CHARS``."""
    for seg in doc.segments:
        if len(seg.text) > MAX_SEGMENT_CHARS:
            raise InputError(f"a segment of {len(seg.text):,} characters (at most {MAX_SEGMENT_CHARS:,}); "
                             "split the text into paragraphs, one per line", name, seg.line)


def _open_cache(cache):
    if cache is None:
        return None
    if isinstance(cache, (str, Path)):
        from vnthai_mt.io.cache import TranslationCache

        return TranslationCache(cache)
    return cache


def _cache_source(piece: str, required: list[Required]) -> str:
    """The memory's key text: the piece, plus its required renderings (they depend on the document's
    names, so one sentence may need different Thai in two documents)."""
    if not required:
        return piece
    return piece + " \u27e6" + "|".join(r.th for r in required) + "\u27e7"


MEMORY_VIA = "memory"


def _check_cached(text: str, required: list[Required], via: str = "cache") -> list[Item]:
    from vnthai_mt.translate.repair import presence

    found = presence(text, [r.th for r in required]) if required else []
    return [Item(r.vi, r.th, r.kind, r.source, ENFORCED if ok else MISSING,
                 via if ok or via != "cache" else None) for r, ok in zip(required, found)]


def _encode_record(text: str, items: list[Item], review: list[str] | None = None, via: str | None = None) -> str:
    obj: dict[str, Any] = {"t": text, "items": [i.to_dict() for i in items]}
    if review:
        obj["review"] = review
    if via:
        obj["via"] = via
    return json.dumps(obj, ensure_ascii=False)


def _decode_record(value: str) -> tuple[str, list[Item], list[str], str | None]:
    obj = json.loads(value)
    return obj["t"], [Item(**i) for i in obj.get("items", [])], list(obj.get("review", [])), obj.get("via")


def annotation(segment: SegmentReport) -> Annotation:
    """What a bilingual writer records for a segment: review when a required rendering is missing or
    its tags could not be placed, and a one-line note of its enforcement report."""
    parts = [f"{i.vi} → {i.th}: {i.status}" + (f" ({i.via})" if i.via else "") for i in segment.items]
    parts.extend(segment.review)
    note = "vnthai-mt: " + "; ".join(parts) if parts else None
    return Annotation(review=segment.needs_review, note=note)


class _NoBar:
    def update(self, n: int) -> None:
        pass

    def set_description_str(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


def _progress(total: int, wanted: bool, unit: str = "seg", position: int = 0):
    """A tqdm bar on stderr when asked for and stderr is a terminal; otherwise nothing."""
    if not wanted or not sys.stderr.isatty():
        return _NoBar()
    from tqdm import tqdm

    return tqdm(total=total, unit=unit, file=sys.stderr, leave=False, position=position)


def write_combined_report(reports: Sequence[Report], path: str | Path) -> None:
    """One JSON report for several files: each file's report and a total summary."""
    from vnthai_mt.io.resume import atomic_write_text

    total = Timings()
    for r in reports:
        total.add(r.timings)
    all_segments = [s for r in reports for s in r.segments]
    blob = {
        "files": [r.to_dict() for r in reports],
        "summary": summarize(all_segments),
        "timings": total.to_dict(),
        "settings": reports[0].settings if reports else {},
    }
    atomic_write_text(path, json.dumps(blob, ensure_ascii=False, indent=1) + "\n")


# --- timing for the speed benchmark ---------------------------------------------------------------------


def warm_up(translator: Translator) -> None:
    """Load the lazily loaded parts (Thai word segmentation, name tables) so they are not timed."""
    from vnthai_mt.translate.repair import _boundaries

    _boundaries("ทดสอบ การ ตัด คำ")
    renderer = name_renderer(build_registry(["Đồng chí Nguyễn Văn An"])) if translator.names else None
    find_required("Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh", translator.matcher, names=renderer)


def glossary_timing(translator: Translator, texts: Sequence[str]) -> dict[str, Any]:
    """Translate ``texts`` once and return the glossary layer's time apart from the model's.

    Keys: ``model_s`` (model, first pass), ``glossary_s`` (finding requirements, mask/restore, repair,
    checks), ``constrain_s`` (inside the constrained-decoding processor), ``redecode_s`` (model time
    of prefix-forcing passes), the same as percentages of ``model_s`` (``glossary_overhead_pct``,
    ``constrain_overhead_pct``, ``redecode_overhead_pct``), ``total_overhead_pct`` (all three),
    ``strategy``, ``backend``, ``sentences``, and the summary counts (``required``, ``missing``...).
    With random weights the model writes no required rendering by itself, so every one is forced:
    redecode_s is then a worst case.
    """
    warm_up(translator)
    result = translator.translate_with_report(list(texts))
    t = result.report.timings
    out: dict[str, Any] = dict(t.to_dict())
    model = t.model_s
    out["total_overhead_pct"] = (
        round(100 * (t.glossary_s + t.constrain_s + t.redecode_s) / model, 2) if model else None
    )
    out["strategy"] = translator.strategy
    out["backend"] = translator.settings["backend"]
    out.update({k: v for k, v in result.report.summary.items() if k != "segments"})
    out["segments"] = len(texts)
    return out

