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
rendering per segment with ``vi``, ``th``, ``kind``, ``status`` (enforced, repaired, missing), the
names left to the model (``unenforced``: ``vi``, ``kind``, ``reason``; a foreign name with no established
Thai form, a name read with low confidence) and a summary (``unenforced`` counts them).

``glossary_timing(translator, texts)`` measures the glossary layer apart from the model, for the speed
benchmark.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, overload

from vnthai_mt.errors import InputError
from vnthai_mt.glossary import Glossary, Matcher, load_glossaries
from vnthai_mt.io.guard import make_folder
from vnthai_mt.io.identity import fingerprint_model
from vnthai_mt.io.inline import Tag
from vnthai_mt.text import vietnamese
from vnthai_mt.translate.enforce import Enforcer, Item, Timings
from vnthai_mt.translate.memory import Memory, check_remembered, memory_key
from vnthai_mt.translate.options import DEFAULT_MODEL, TranslatorOptions, settings_fingerprint
from vnthai_mt.translate.report import (
    MEMORY_VIA,
    Report,
    Result,
    SegmentReport,
    annotation,
    decode_outcome,
    encode_outcome,
    write_combined_report,
    write_report,
)
from vnthai_mt.translate.requirements import (
    Required,
    build_registry,
    document_name_spans,
    find_required,
    name_renderer,
    piece_name_spans,
    unenforced_names,
)
from vnthai_mt.translate.tags import carry, restore
from vnthai_mt.translate.vocabulary import NAME_STYLES, Digits, Era

_SHIELD = 0xF0000  # supplementary private-use plane: nothing in localization touches these


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

    ``Translator(model=..., strategy=..., ...)`` takes the fields of ``TranslatorOptions`` as keywords
    (see there: model, backend, glossaries, strategy, era, digits, device, cache, names, name_style,
    num_beams, threads, ...); ``Translator.from_options(options)`` takes them as one value.
    ``glossaries`` may also be one loaded ``Glossary``; ``cache`` a ``TranslationCache``; ``engine`` an
    already loaded backend (then ``model``/``backend`` only label it).
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
        engine=None,
        **options: Any,
    ) -> None:
        glossary = glossaries if isinstance(glossaries, Glossary) else None
        files = () if isinstance(glossaries, Glossary) else tuple(str(g) for g in glossaries)
        store = cache if cache is not None and not isinstance(cache, str | Path) else None
        try:
            opts = TranslatorOptions(
                model=model, backend=backend, glossaries=files,
                strategy=strategy, era=era, digits=digits, device=device,
                cache=None if store is not None or cache is None else str(cache), **options)
        except TypeError as exc:
            raise TypeError(f"Translator: {exc}") from None
        self._setup(opts, engine=engine, glossary=glossary, store=store)

    @classmethod
    def from_options(cls, options: TranslatorOptions, *, engine=None, glossary: Glossary | None = None,
                     cache: Any | None = None) -> Translator:
        """The translator these options describe (``glossary``/``cache``: already loaded objects)."""
        self = cls.__new__(cls)
        self._setup(options, engine=engine, glossary=glossary, store=cache)
        return self

    def _setup(self, opts: TranslatorOptions, *, engine, glossary: Glossary | None, store: Any | None) -> None:
        self.options = opts
        # The glossary first: a malformed glossary is reported before a slow model load.
        self.glossary = glossary if glossary is not None else load_glossaries(
            list(opts.glossaries), include_default=opts.default_glossary)
        self.matcher = Matcher(self.glossary)
        # The house style of transcribed names: the option, else the glossaries' setting, else spaced.
        self.name_style = opts.name_style or self.glossary.settings.get("name_style") or "spaced"
        if self.name_style not in NAME_STYLES:
            raise InputError(f"unknown name style {self.name_style!r} (choose {', '.join(NAME_STYLES)})")
        if engine is None:
            from vnthai_mt.translate.backends import load_backend

            if opts.backend == "transformers":
                from vnthai_mt.translate.threads import apply_torch_threads

                apply_torch_threads(opts.threads)  # process-wide: PyTorch has no per-model setting
            engine = load_backend(
                opts.model, opts.backend, device=opts.device, dtype=opts.dtype, batch_tokens=opts.batch_tokens,
                num_beams=opts.num_beams, max_new_tokens=opts.max_new_tokens, threads=opts.threads,
                document_segments=opts.document_segments, api_base=opts.api_base, api_timeout=opts.api_timeout,
                api_retries=opts.api_retries, api_concurrency=opts.api_concurrency, api_prefill=opts.api_prefill,
                thai_vocab=opts.thai_vocab,
            )
        self.backend = engine
        self._doc_spans: dict[str, list] = {}  # segment -> its names, found on the whole document
        self.timings = Timings()
        self._enforcer: Enforcer | None = None
        model_path = getattr(engine, "model_path", opts.model)
        self.settings = opts.settings(
            model=str(model_path),
            # By content: new weights or tokenizer at the same path are another model.
            model_id=fingerprint_model(model_path),
            backend=getattr(engine, "name", opts.backend),
            dtype=getattr(engine, "dtype", opts.dtype),
            glossary=self.glossary.fingerprint(),
            name_style=self.name_style,
        )
        if getattr(engine, "thai_vocab_size", None):  # only when in use: other fingerprints stay as they were
            self.settings["thai_vocab"] = engine.thai_vocab_size
        self._settings_fp = settings_fingerprint(self.settings)
        cache = store if store is not None else opts.cache
        self._memory = Memory.open(cache, f"{self.settings['model']}@{self.settings['model_id']}",
                                   self._settings_fp) if cache is not None else None

    # Read-only views of the options, as the rest of the class (and older callers) use them.
    model = property(lambda self: self.options.model)
    strategy = property(lambda self: self.options.strategy)
    era = property(lambda self: self.options.era)
    digits = property(lambda self: self.options.digits)
    names = property(lambda self: self.options.names)
    num_beams = property(lambda self: self.options.num_beams)
    max_new_tokens = property(lambda self: self.options.max_new_tokens)
    allocation = property(lambda self: self.options.allocation)
    chunk_segments = property(lambda self: self.options.chunk_segments)
    progress = property(lambda self: self.options.progress)

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
        before = self._usage()
        outputs, reports = self._translate_segments(texts, ids, list(range(1, len(texts) + 1)), timings,
                                                    tags=tags)
        self.timings.add(timings)
        return Result(outputs, Report(reports, timings, self.settings, llm=self._usage_since(before)))

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
        from vnthai_mt.io.resume import Checkpoint, fingerprint_bytes, fingerprint_settings

        if str(input) != "-" and str(output) != "-" and Path(output).resolve() == Path(input).resolve():
            raise InputError("the output would overwrite the input; choose another output path", output)
        doc = read_document(input, fmt, field, column, retranslate=retranslate)
        check_segment_lengths(doc, "<stdin>" if str(input) == "-" else input)
        # Skipped units (already translated, locked) are blank for the model: the writer keeps them.
        texts = ["" if s.skip else s.text for s in doc.segments]
        seg_tags = [[] if s.skip else s.tags for s in doc.segments]
        ids = doc.ids
        timings = Timings()
        before = self._usage()
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
            result = Report(reports, timings, self.settings, input=str(input), output=str(output),
                            llm=self._usage_since(before))
            if report is not None:
                write_report(result, report)
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
        if self._memory is not None:
            self._memory.close()
            self._memory = None
        self.backend = None  # drops the model and tokenizer: their memory is freed with the last reference
        self._enforcer = None

    def __enter__(self) -> Translator:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _usage(self):
        usage = getattr(self.backend, "usage", None)
        return usage.copy() if usage is not None else None

    def _usage_since(self, before) -> dict[str, Any] | None:
        """What the instruction model did in this run (requests, tokens, hygiene), for the report."""
        usage = getattr(self.backend, "usage", None)
        return usage.minus(before).to_dict() if usage is not None and before is not None else None

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
        rounds = [0] * len(texts)
        # Fixed chunks of segment positions: a resumed run rebuilds exactly the same batches.
        chunks = [list(range(i, min(i + self.chunk_segments, len(texts))))
                  for i in range(0, len(texts), self.chunk_segments)]
        bar = _progress(len(texts), self.progress)
        try:
            for chunk in chunks:
                if all(ids[i] in done for i in chunk):
                    for i in chunk:
                        outputs[i], items[i], review[i], via[i], rounds[i] = decode_outcome(done[ids[i]])
                    timings.resumed += len(chunk)
                    bar.update(len(chunk))
                    continue
                results = self._translate_chunk([texts[i] for i in chunk], renderer, timings)
                for i, (text, its, source, n) in zip(chunk, results):
                    outputs[i], review[i] = restore(text, carried[i])
                    items[i], via[i], rounds[i] = its, source, n
                if record is not None:
                    record({ids[i]: encode_outcome(str(outputs[i]), items[i], review[i], via[i], rounds[i])
                            for i in chunk})
                bar.update(len(chunk))
        finally:
            bar.close()
        left = [unenforced_names(vietnamese.normalize(t), self.matcher, names=renderer, spans=self._doc_spans.get(t))
                if renderer is not None and t.strip() else [] for t in texts]
        reports = [SegmentReport(sid, line, its, un, rev, v, n)
                   for sid, line, its, un, rev, v, n in zip(ids, lines, items, left, review, via, rounds)]
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
                         timings: Timings) -> list[tuple[str, list[Item], str | None, int]]:
        from vnthai_mt.text.sentences import rejoin

        pieces: list[str] = []
        spans: list = []
        plans = [self._plan(t, pieces, spans) for t in texts]
        t0 = time.perf_counter()
        required = [find_required(p, self.matcher, names=renderer, spans=sp) for p, sp in zip(pieces, spans)]
        keys = [memory_key(p, r) for p, r in zip(pieces, required)]
        timings.glossary_s += time.perf_counter() - t0

        hits: dict[str, str] = {}
        memory: dict[str, str] = {}
        if self._memory is not None:
            from vnthai_mt.io.tmx import MEMORY

            # A desk's own memory (imported TMX) first: exact matches of the sentence, reported via memory.
            memory = self._memory.store.get_many(MEMORY, "", pieces)
            hits = self._memory.get_many([k for k, p in zip(keys, pieces) if p not in memory])
        todo = list(dict.fromkeys(k for k, p in zip(keys, pieces) if k not in hits and p not in memory))
        first = {k: keys.index(k) for k in todo}
        if self._enforcer is None:  # kept: it caches token forms of renderings and the placeholder form
            self._enforcer = Enforcer(self.backend, self.strategy, num_beams=self.num_beams,
                                      max_new_tokens=self.max_new_tokens, allocation=self.allocation,
                                      mask_first=self.options.mask_first)
        enforcer = self._enforcer
        enforcer.timings = timings
        if getattr(self.backend, "uses_prompts", False):  # an instruction model: its prompt lists them
            self.backend.set_requirements([pieces[first[k]] for k in todo], [required[first[k]] for k in todo])
        results = enforcer.run([pieces[first[k]] for k in todo], [required[first[k]] for k in todo])
        fresh: dict[str, tuple[str, list[Item]]] = {}
        forced: dict[str, int] = {}  # prefix-forcing rounds of a sentence translated now
        for k, res in zip(todo, results):
            i = first[k]
            fresh[k] = (self._localize(res.text, pieces[i], required[i]), res.items)
            forced[k] = res.rounds
        if self._memory is not None and fresh:
            self._memory.put_many(
                                 [(k, text) for k, (text, _) in fresh.items()])
        piece_out: list[tuple[str, list[Item]]] = []
        for r, k, p in zip(required, keys, pieces):
            if p in memory:
                piece_out.append((memory[p], check_remembered(memory[p], r, via=MEMORY_VIA)))
            elif k in fresh:
                text, its = fresh[k]
                piece_out.append((text, [Item(**i.to_dict()) for i in its]))
            else:
                piece_out.append((hits[k], check_remembered(hits[k], r)))
        out: list[tuple[str, list[Item], str | None, int]] = []
        for plan in plans:
            if plan.blank:
                out.append((plan.original, [], None, 0))
                continue
            parts, its = [], []
            from_memory = all(pieces[i] in memory for piece_ids, _ in plan.parts for i in piece_ids)
            for piece_ids, sub_info in plan.parts:
                translated = [piece_out[i][0] for i in piece_ids]
                for i in piece_ids:
                    its.extend(piece_out[i][1])
                parts.append(rejoin(translated, sub_info) if sub_info is not None else translated[0])
            n = sum(forced.get(keys[i], 0) for piece_ids, _ in plan.parts for i in piece_ids)
            out.append((rejoin(parts, plan.info), its, MEMORY_VIA if from_memory else None, n))
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


