"""Corpus-level BLEU, chrF++, TER (and spBLEU) for Thai hypotheses, with reproducible signatures.

The procedure, which anyone can repeat by hand:

- BLEU: each line segmented with PyThaiNLP ``newmm`` (whitespace tokens dropped, words joined by single
  spaces), then ``sacrebleu.BLEU(tokenize='none')``. Signature: sacrebleu's own, then
  ``|seg:pythainlp-newmm-<version>``.
- chrF++: ``sacrebleu.CHRF(word_order=2)`` on the raw, unsegmented lines.
- TER: ``sacrebleu.TER()`` on the same segmented lines as BLEU (the suffix says so).
- spBLEU (only with a local SentencePiece model, never downloaded): each line encoded into pieces with
  that model, pieces joined by spaces, then BLEU with ``tokenize='none'``; the suffix names the model
  file and the start of its SHA-256.

Metric objects are built once per reference set with the references cached, so scoring several systems
(and the significance tests) does not re-process the references.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from vnthai_mt.errors import InputError
from vnthai_mt.text.thai.segment import DEFAULT_SEGMENTER, segmenter_signature, thai_segmenter

# Which text each metric reads.
RAW, SEGMENTED, SPM = "raw", "segmented", "spm"


@dataclass(frozen=True)
class CorpusScore:
    """One corpus-level score. ``score`` is sacrebleu's value, unrounded."""

    name: str  # sacrebleu's name: BLEU, chrF2++, TER
    score: float
    signature: str
    detail: str = ""  # sacrebleu's verbose part (n-gram precisions, BP, ...)

    def to_dict(self) -> dict[str, Any]:
        """JSON form: the score rounded as sacrebleu's ``Score.format`` does (2 decimals: 100.0, not
        100.00000000000004), the signature as sacrebleu writes it and split into its fields."""
        return {"name": self.name, "score": round_score(self.score), "signature": self.signature,
                "signature_fields": signature_fields(self.signature), "detail": self.detail}


SCORE_DECIMALS = 2  # sacrebleu's Score.format(width=2)


def round_score(value: float) -> float:
    return float(f"{value:.{SCORE_DECIMALS}f}")


def signature_fields(signature: str) -> dict[str, str]:
    """``"nrefs:1|case:mixed|tok:none"`` -> ``{"nrefs": "1", "case": "mixed", "tok": "none"}``."""
    return dict(part.split(":", 1) for part in signature.split("|") if ":" in part)


@dataclass
class MetricSpec:
    key: str  # JSON key: bleu, chrf++, ter, spbleu
    metric: Any  # a sacrebleu Metric with the references cached
    view: str  # RAW, SEGMENTED or SPM
    signature_suffix: str = ""

    def signature(self) -> str:
        return self.metric.get_signature().format() + self.signature_suffix


def _spm_encoder(path: str | Path) -> tuple[Callable[[str], str], str]:
    """An encoder for a local SentencePiece model and its signature suffix."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as err:
        raise InputError(f"cannot read the SentencePiece model: {err.strerror or err}", path) from None
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor()
    try:
        sp.LoadFromSerializedProto(data)
    except RuntimeError:  # sentencepiece's C++ parse error
        raise InputError("not a SentencePiece model file", path) from None
    digest = hashlib.sha256(data).hexdigest()[:12]

    def encode(line: str) -> str:
        return " ".join(sp.encode(line, out_type=str))

    return encode, f"|spm:{path.name}@sha256:{digest}"


@dataclass
class Scorer:
    """BLEU, chrF++, TER (and spBLEU) against fixed references.

    ``refs`` is a list of reference streams, each as long as the hypotheses (sacrebleu's layout).
    """

    refs: Sequence[Sequence[str]]
    segmenter: str = DEFAULT_SEGMENTER
    spm: str | Path | None = None
    specs: list[MetricSpec] = field(init=False)

    def __post_init__(self) -> None:
        from sacrebleu.metrics import BLEU, CHRF, TER

        # Memoized: hypotheses often repeat reference or baseline lines, and newmm is the slow part.
        self._segment = functools.lru_cache(maxsize=None)(thai_segmenter(self.segmenter))
        seg_suffix = f"|seg:{segmenter_signature(self.segmenter)}"
        self._views: dict[str, Callable[[str], str]] = {RAW: lambda s: s, SEGMENTED: self._segment}
        seg_refs = [[self._segment(line) for line in stream] for stream in self.refs]
        self._seg_refs = seg_refs
        self._long_refs = any(_words(line) > TER_LIMIT for stream in seg_refs for line in stream)
        self.specs = [
            MetricSpec("bleu", BLEU(tokenize="none", references=seg_refs), SEGMENTED, seg_suffix),
            MetricSpec("chrf++", CHRF(word_order=2, references=self.refs), RAW),
            MetricSpec("ter", TER(references=seg_refs), SEGMENTED, seg_suffix),
        ]
        if self.spm is not None:
            encode, spm_suffix = _spm_encoder(self.spm)
            self._views[SPM] = encode
            spm_refs = [[encode(line) for line in stream] for stream in self.refs]
            self.specs.append(MetricSpec("spbleu", BLEU(tokenize="none", references=spm_refs), SPM, spm_suffix))

    def views(self, hyps: Sequence[str]) -> dict[str, list[str]]:
        """The hypotheses as each metric reads them (raw, segmented, SentencePiece pieces)."""
        needed = {spec.view for spec in self.specs}
        return {view: [self._views[view](h) for h in hyps] for view in needed}

    def score(self, hyps: Sequence[str], views: dict[str, list[str]] | None = None) -> dict[str, CorpusScore]:
        views = views or self.views(hyps)
        scores = {}
        for spec in self.specs:
            if spec.key == "ter" and self._too_long_for_ter(views[spec.view]):
                result = _windowed_ter(views[spec.view], self._seg_refs)
            else:
                result = spec.metric.corpus_score(views[spec.view], None)
            scores[spec.key] = CorpusScore(
                name=result.name, score=float(result.score), signature=spec.signature(), detail=_detail(result)
            )
        return scores


    def _too_long_for_ter(self, hyps: Sequence[str]) -> bool:
        return self._long_refs or any(_words(h) > TER_LIMIT for h in hyps)


# TER's shift search grows much faster than the segment (a 100 KB line takes 10 s, a 5 MB one hours):
# a pair longer than TER_LIMIT words is scored as aligned windows of about TER_WINDOW words, hypothesis
# and references cut at the same proportions. Sentences and paragraphs are below it: scored exactly.
TER_LIMIT = 1000
TER_WINDOW = 40


def _words(text: str) -> int:
    return text.count(" ") + 1


def _windowed_ter(hyps: Sequence[str], refs: Sequence[Sequence[str]]) -> Any:
    from sacrebleu.metrics import TER

    out_hyps: list[str] = []
    out_refs: list[list[str]] = [[] for _ in refs]
    for i, hyp in enumerate(hyps):
        sides = [hyp.split()] + [stream[i].split() for stream in refs]
        parts = max(1, -(-max(len(words) for words in sides) // TER_WINDOW))
        for k in range(parts):
            cut = [words[len(words) * k // parts: len(words) * (k + 1) // parts] for words in sides]
            out_hyps.append(" ".join(cut[0]))
            for stream, words in zip(out_refs, cut[1:]):
                stream.append(" ".join(words))
    return TER().corpus_score(out_hyps, out_refs)


def _detail(result: Any) -> str:
    """sacrebleu's formatted score minus the leading ``NAME = score``."""
    text = result.format()
    _, _, rest = text.partition(f"{result.score:.2f}")
    return rest.strip()


def corpus_scores(
    hyps: Sequence[str],
    refs: Sequence[str] | Sequence[Sequence[str]],
    *,
    segmenter: str = DEFAULT_SEGMENTER,
    spm: str | Path | None = None,
) -> dict[str, CorpusScore]:
    """BLEU, chrF++ and TER (and spBLEU with ``spm``) of ``hyps``; ``refs`` is one stream or several."""
    streams = [refs] if refs and isinstance(refs[0], str) else refs
    return Scorer(streams, segmenter=segmenter, spm=spm).score(hyps)  # type: ignore[arg-type]
