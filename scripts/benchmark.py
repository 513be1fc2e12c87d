#!/usr/bin/env python
"""Quality benchmark: translate a reference set and the terms suite with each enforcement strategy,
score every output, and write a report with plots.

    python scripts/benchmark.py --model M [--backend transformers|ctranslate2|openai] --refset ntrex128
        [--limit N] [--suite terms] --strategies none,mask,constrain,repair,hybrid --out DIR [--resume]

Per strategy and set, the Vietnamese is translated with ``vnthai_mt.translate.pipeline.Translator``
(one model load, shared by all strategies) into ``DIR/hyp/<strategy>.<set>.th.txt`` (written
atomically; ``DIR/hyp/<strategy>.<set>.json`` beside it records the settings and the time taken).
Then ``vnthai_mt.evaluation.evaluate`` scores it:

- reference set (``ntrex128``, or a .tsv/.jsonl pair file; ``--limit N``: its first N segments):
  BLEU (PyThaiNLP newmm + sacrebleu ``tokenize='none'``), chrF++, TER with their signatures; term
  accuracy (WMT21 exact match) of the glossary terms found in the source, overall and per kind;
  consistency per document (DOCUMENT_IDS); paired bootstrap 95% confidence intervals and p-values
  against the baseline strategy (``none`` when it runs, else the first one);
- terms suite (``--suite terms`` = ``eval/terms/terms.jsonl``, or any annotated .jsonl): term
  accuracy against its annotations, overall and per kind; consistency over the whole suite.

Outputs: ``DIR/report.json``, ``DIR/report.md`` (one table: system, BLEU, chrF++, TER, term accuracy,
consistency, sentences/s; the signatures below it), ``DIR/scores_ci.png`` (scores with bootstrap
confidence intervals) and ``DIR/term_accuracy_by_kind.png``. Sentences/s is translation wall time
only (model load and evaluation excluded), segments of both sets over their total time.

Stopping and resuming: a finished (strategy, set) has its hypothesis file and its ``.json`` record;
``--resume`` skips those (the settings must match, else it stops with a message) and continues an
unfinished one from the Translator's checkpoint (chunks of segments already translated are kept).
Without ``--resume`` everything is translated again.

A model folder whose README.md or config says "random weights" (``vnthai-mt tiny-model``,
``scripts/bench_speed.py``) is labelled in every output: RANDOM WEIGHTS, scores are meaningless
except term accuracy. ``constrain`` needs a backend with a logits-processor hook (transformers); on
CTranslate2 it is reported as not supported instead of run.

Instruction models run the same way, on the same sets, so their numbers sit beside NLLB's: a
decoder-only ``--model`` folder with the transformers backend, or ``--backend openai --api-base URL
--model NAME`` for a server (key from ``VNTHAI_MT_API_KEY``; ``--api-concurrency``,
``--document-segments``). Their records add ``llm`` (requests, prompt and completion tokens, retries,
what output hygiene stripped), summed per strategy as ``tokens`` in report.json and report.md.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import os
import platform
import shlex
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))  # its sibling bench_timing.py, also when imported

ALL_STRATEGIES = ("none", "mask", "constrain", "repair", "hybrid")
RANDOM_LABEL = "RANDOM WEIGHTS: scores are meaningless except term accuracy"
METRICS = (("bleu", "BLEU"), ("chrf++", "chrF++"), ("ter", "TER"))
KINDS = ("person", "place", "org", "title", "term")
SCORE_PLOT = "scores_ci.png"
KIND_PLOT = "term_accuracy_by_kind.png"
CONSTRAIN_UNSUPPORTED = (
    "not supported on ctranslate2 or openai: neither has a per-step logits hook, so constrained decoding "
    "needs the transformers backend (hybrid covers them with prefix forcing)"
)


# --- small helpers ---------------------------------------------------------------------------------------


class Progress:
    """Steps of the run: a tqdm bar on a terminal, one line per step on stderr otherwise."""

    def __init__(self, total: int, enabled: bool = True) -> None:
        self.tty = enabled and sys.stderr.isatty()
        self.enabled = enabled
        self.done = 0
        self.total = total
        self._bar = None
        if self.tty:
            from tqdm import tqdm

            self._bar = tqdm(total=total, unit="step", file=sys.stderr, position=0)

    def note(self, text: str) -> None:
        """A message that is not a step (loading, evaluating)."""
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.set_description_str(text)
        else:
            print(f"[benchmark] {text}", file=sys.stderr, flush=True)

    def warn(self, text: str) -> None:
        """A message that stays on screen (above the bar on a terminal)."""
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.write(f"benchmark: {text}", file=sys.stderr)
        else:
            print(f"[benchmark] {text}", file=sys.stderr, flush=True)

    def step(self, text: str) -> None:
        self.done += 1
        if not self.enabled:
            return
        if self._bar is not None:
            self._bar.set_description_str(text)
            self._bar.update(1)
        else:
            print(f"[benchmark] {self.done}/{self.total} {text}", file=sys.stderr, flush=True)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class LimitCounter(logging.Filter):
    """Counts the backend's "reached the output limit" warnings instead of printing one per batch.

    With random weights every output runs to the limit, so the warning would flood the progress lines;
    the count goes into the step's record (``outputs_at_token_limit``) and the report.
    """

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def filter(self, record: logging.LogRecord) -> bool:
        args = record.args
        if "output limit" in str(record.msg) and isinstance(args, dict) and "count" in args:
            self.count += int(args["count"])  # the backend logs {"count", "limit"}
            return False
        return True


def random_weights_marker(model: str, backend: str) -> str | None:
    """Where the model folder says its weights are random (README.md or a config file), or None."""
    from vnthai_mt.errors import VnthaiError
    from vnthai_mt.translate.resolve import resolve_model

    try:
        folder = resolve_model(model, backend)
    except VnthaiError:  # the real load reports a missing model properly
        return None
    for name in ("README.md", "config.json", "vnthai_mt.json", "bench-model.json"):
        path = folder / name
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        if "random weights" in text.lower() or "random_weights" in text.lower():
            return str(path)
    return None


def fingerprint(obj: Any) -> str:
    return hashlib.sha256(json.dumps(obj, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()


def versions() -> dict[str, str | None]:
    from importlib.metadata import PackageNotFoundError, version

    out: dict[str, str | None] = {"python": platform.python_version()}
    for pkg in ("vnthai-mt", "torch", "transformers", "ctranslate2", "sacrebleu", "pythainlp", "datasets"):
        try:
            out[pkg] = version(pkg)
        except PackageNotFoundError:
            out[pkg] = None
    return out


def pct(value: float | None, hits: int | None = None, total: int | None = None) -> str:
    if value is None:
        return "n/a"
    text = f"{value:.1f}%"
    return f"{text} ({hits}/{total})" if hits is not None else text


# --- the sets --------------------------------------------------------------------------------------------


@dataclass
class EvalSet:
    """One set to translate: its Vietnamese lines and how it is scored."""

    name: str  # used in file names and the report
    label: str  # for people
    src: list[str]
    refs: list[list[str]] = field(default_factory=list)  # reference streams (empty for the suite)
    requirements: list[list[Any]] | None = None  # from the suite's annotations (else from the glossary)
    documents: list[tuple[str, list[int]]] | None = None  # None: the whole set is one document
    kind: str = "refset"  # refset | suite
    doc_ids: list[str] | None = None  # document id per line (refsets)
    suite: Path | None = None  # the annotated suite file (suites)


def load_refset_set(name: str, limit: int | None) -> EvalSet:
    from vnthai_mt.errors import InputError
    from vnthai_mt.evaluation.consistency import documents_from_ids
    from vnthai_mt.evaluation.refsets import load_refset

    ds = load_refset(name)
    total = len(ds)
    if limit is not None:
        if limit < 1:
            raise InputError("--limit must be at least 1")
        ds = ds.select(range(min(limit, total)))
    set_name = Path(name).stem if Path(name).suffix else name.replace(":", "-").replace("/", "-")
    label = f"{name} (first {len(ds)} of {total} segments)" if len(ds) < total else f"{name} ({total} segments)"
    return EvalSet(set_name, label, list(ds["vi"]), [list(ds["th"])],
                   documents=documents_from_ids(list(ds["doc_id"])), kind="refset", doc_ids=list(ds["doc_id"]))


def load_suite_set(name: str) -> EvalSet:
    from vnthai_mt.evaluation.refsets import eval_dir
    from vnthai_mt.evaluation.terms import load_terms_suite

    path = eval_dir() / "terms" / "terms.jsonl" if name == "terms" else Path(name)
    items = load_terms_suite(path)
    set_name = "terms" if name == "terms" else f"suite-{path.stem}"
    return EvalSet(set_name, f"terms suite {path.name} ({len(items)} sentences)", [i.vi for i in items],
                   requirements=[list(i.terms) for i in items], kind="suite", suite=path)


# --- translating, with resume ----------------------------------------------------------------------------


@dataclass
class Job:
    strategy: str
    evalset: EvalSet
    hyp: Path
    meta: Path


def step_settings(args: argparse.Namespace, strategy: str, evalset: EvalSet, glossary_fp: str) -> dict[str, Any]:
    """What a finished hypothesis file depends on (a resumed run must match it)."""
    return {
        "model": str(Path(args.model).resolve()) if Path(args.model).exists() else args.model,
        "backend": args.backend,
        "strategy": strategy,
        "num_beams": args.num_beams,
        "max_new_tokens": args.max_new_tokens,
        **({"document_segments": args.document_segments} if args.document_segments != 1 else {}),
        "glossary": glossary_fp,
        "names": not args.no_names,
        "era": args.era,
        "source": fingerprint(evalset.src),
    }


def finished_record(job: Job, settings: dict[str, Any]) -> dict[str, Any] | None:
    """The saved record of a finished job with these settings; None when it is not finished.

    A finished job made with other settings is an error: resuming must never mix configurations.
    """
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.utf8 import read_lines

    if not (job.meta.is_file() and job.hyp.is_file()):
        return None
    try:
        record = json.loads(job.meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged record: translate again
    if record.get("settings_fingerprint") != fingerprint(settings):
        differs = sorted(k for k in settings if record.get("settings", {}).get(k) != settings[k])
        raise InputError(f"was made with other settings ({', '.join(differs) or 'unknown'}); run without "
                         "--resume to start over, or choose another --out", job.meta)
    if len(read_lines(job.hyp)) != len(job.evalset.src):
        return None
    return record


def run_job(job: Job, translator, settings: dict[str, Any], src_path: Path, resume: bool,
            limits: LimitCounter) -> dict[str, Any]:
    """Translate one set with one strategy into ``job.hyp``; returns (and saves) its record."""
    from vnthai_mt.errors import InputError
    from vnthai_mt.io.resume import atomic_write_text
    from vnthai_mt.io.utf8 import read_lines

    limits.count = 0
    start = time.perf_counter()
    report = translator.translate_file(src_path, job.hyp, resume=resume)
    seconds = time.perf_counter() - start
    n = len(job.evalset.src)
    if len(read_lines(job.hyp)) != n:
        raise InputError(f"the translation has {len(read_lines(job.hyp))} lines for {n} segments", job.hyp)
    timings = report.timings.to_dict()
    resumed = int(timings.get("resumed_segments", 0))
    fresh = n - resumed
    record = {
        "strategy": job.strategy,
        "set": job.evalset.name,
        "segments": n,
        "seconds": round(seconds, 4),
        "translated_segments": fresh,
        "resumed_segments": resumed,
        # Only segments translated in this run count towards the speed.
        "sentences_per_s": round(fresh / seconds, 3) if fresh and seconds > 0 else None,
        "enforcement": report.summary,
        "outputs_at_token_limit": limits.count,  # first-pass outputs cut at --max-new-tokens
        "llm": report.llm,  # instruction models: requests, tokens, hygiene (None for NLLB and the like)
        "timings": timings,
        "settings": settings,
        "settings_fingerprint": fingerprint(settings),
        "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
    }
    atomic_write_text(job.meta, json.dumps(record, ensure_ascii=False, indent=1) + "\n")
    return record


def translate_all(todo, args, glossary, src_paths, records, progress):
    """Load the model once and run every unfinished job; returns the backend."""
    from bench_timing import warm_up

    from vnthai_mt.translate.backends import load_backend
    from vnthai_mt.translate.pipeline import Translator

    if args.threads and args.backend == "transformers":
        import torch

        torch.set_num_threads(args.threads)  # process-wide: PyTorch has no per-model setting
    progress.note(f"loading {args.model} ({args.backend})")
    backend = load_backend(args.model, args.backend, device=args.device, dtype=args.dtype,
                           num_beams=args.num_beams, max_new_tokens=args.max_new_tokens, threads=args.threads,
                           document_segments=args.document_segments, api_base=args.api_base,
                           api_concurrency=args.api_concurrency, api_retries=args.api_retries,
                           api_timeout=args.api_timeout)
    translators: dict[str, Any] = {}
    limits = LimitCounter()
    logger = logging.getLogger("vnthai_mt.translate.backends")
    logger.addFilter(limits)
    try:
        for job, settings in todo:
            if job.strategy not in translators:
                translators[job.strategy] = Translator(
                    model=args.model, backend=args.backend, glossaries=glossary, strategy=job.strategy,
                    era=args.era, names=not args.no_names, num_beams=args.num_beams,
                    max_new_tokens=args.max_new_tokens, progress=progress.tty, engine=backend,
                    api_base=args.api_base, document_segments=args.document_segments,
                )
                warm_up(translators[job.strategy])  # lazy tables load outside the timed part
            progress.note(f"{job.strategy} · {job.evalset.name}: translating {len(job.evalset.src)} segments")
            record = run_job(job, translators[job.strategy], settings, src_paths[job.evalset.name], args.resume,
                             limits)
            records[(job.strategy, job.evalset.name)] = record
            resumed = f", {record['resumed_segments']} resumed" if record["resumed_segments"] else ""
            speed = f"{record['sentences_per_s']:.1f} sent/s" if record["sentences_per_s"] else "n/a"
            progress.step(f"{job.strategy} · {job.evalset.name}: {record['segments']} segments in "
                          f"{record['seconds']:.1f} s ({speed}{resumed}), term presence "
                          f"{record['enforcement'].get('term_presence_pct')}%")
    finally:
        logger.removeFilter(limits)
    return backend


# --- evaluation ------------------------------------------------------------------------------------------


def evaluate_set(evalset: EvalSet, hyps: list[str], baseline: list[str] | None, args) -> dict[str, Any]:
    """Score one set as ``vnthai-mt eval`` would (``evaluation.run.evaluate``: the same inputs, the same
    term-accuracy signature), then shorten the lists of misses for the report."""
    from vnthai_mt.evaluation.run import evaluate

    result = evaluate(
        hyps, evalset.refs,
        src=str(evalset.suite) if evalset.suite is not None else evalset.src,
        docs=evalset.doc_ids if evalset.doc_ids is not None else [evalset.name] * len(evalset.src),
        baseline=baseline if evalset.refs else None,
        glossaries=args.glossary, default_glossary=not args.no_default_glossary,
        detect_names=not args.no_names, bootstrap_samples=args.bootstrap, ar_trials=args.ar_trials,
    )
    terms = result.get("terms")
    if terms and len(terms["misses"]) > args.max_misses:
        terms["misses_total"] = len(terms["misses"])
        terms["misses"] = terms["misses"][: args.max_misses]
    cons = result.get("consistency")
    if cons and len(cons["inconsistent"]) > args.max_misses:
        cons["inconsistent"] = cons["inconsistent"][: args.max_misses]
    return result


def confidence(result: dict[str, Any], key: str) -> dict[str, float | None]:
    """Bootstrap mean and 95% half-width of one metric of a strategy (from its significance test)."""
    sig = (result.get("significance") or {}).get(key)
    if sig is None:
        return {"mean": None, "ci95": None}
    return {"mean": sig["system"]["mean"], "ci95": sig["system"]["ci95"]}


# --- report ----------------------------------------------------------------------------------------------


def fmt_score(result: dict[str, Any] | None, key: str) -> str:
    if not result or key not in result:
        return "—"
    ci = result[key].get("ci95")
    text = f"{result[key]['score']:.2f}"
    return f"{text} ± {ci:.2f}" if ci is not None else text


def fmt_terms(result: dict[str, Any] | None) -> str:
    terms = (result or {}).get("terms")
    if not terms:
        return "—"
    return pct(terms["accuracy"], terms["hits"], terms["total"])


def fmt_consistency(result: dict[str, Any] | None) -> str:
    cons = (result or {}).get("consistency")
    if not cons:
        return "—"
    rendered = cons["one_way"] + cons["several_ways"]
    if not rendered:
        return f"n/a (0 of {cons['entities_mentioned_twice']} rendered)"
    return pct(cons["share_one_way"], cons["one_way"], rendered)


def markdown_report(report: dict[str, Any]) -> str:
    sets = report["sets"]
    ref_name = next((n for n, s in sets.items() if s["kind"] == "refset"), None)
    suite_name = next((n for n, s in sets.items() if s["kind"] == "suite"), None)
    lines: list[str] = []
    title = "Benchmark: Vietnamese → Thai, glossary enforcement strategies"
    lines.append(f"# {title}")
    lines.append("")
    if report["random_weights"]:
        lines.append(f"> **{RANDOM_LABEL}.** The model's weights are random ({report['random_weights_marker']}): "
                     "BLEU, chrF++, TER and consistency measure noise. Term accuracy is meaningful: it shows "
                     "what each strategy guarantees whatever the model writes.")
        lines.append("")
    lines.append(f"- model: `{report['model']}` (backend {report['backend']}, {report['settings']['num_beams']} "
                 f"beam(s), max new tokens {report['settings']['max_new_tokens']}, device "
                 f"{report['settings']['device']})")
    for name, s in sets.items():
        lines.append(f"- {name}: {s['label']}")
    lines.append(f"- baseline for significance: `{report['baseline']}`; CIs are paired-bootstrap 95% "
                 f"half-widths ({report['settings']['bootstrap']} resamples)")
    lines.append(f"- command: `{report['command']}`")
    lines.append("")

    header = ["System", "BLEU", "chrF++", "TER"]
    header += [f"Term acc. ({ref_name})"] if ref_name else []
    header += [f"Term acc. ({suite_name})"] if suite_name else []
    header += [f"Consistency ({ref_name})"] if ref_name else []
    header += [f"Consistency ({suite_name})"] if suite_name else []
    header += ["Sentences/s"]
    lines.append("| " + " | ".join(header) + " |")
    lines.append("|" + "|".join("---" if i == 0 else "---:" for i in range(len(header))) + "|")
    for strategy, entry in report["strategies"].items():
        if entry["status"] != "ok":
            cells = [f"`{strategy}`", *(["—"] * (len(header) - 2)), entry["status"]]
            lines.append("| " + " | ".join(cells) + " |")
            continue
        ref = entry["sets"].get(ref_name) if ref_name else None
        suite = entry["sets"].get(suite_name) if suite_name else None
        cells = [f"`{strategy}`", *(fmt_score(ref, k) for k, _ in METRICS)]
        cells += [fmt_terms(ref)] if ref_name else []
        cells += [fmt_terms(suite)] if suite_name else []
        cells += [fmt_consistency(ref)] if ref_name else []
        cells += [fmt_consistency(suite)] if suite_name else []
        sps = entry.get("sentences_per_s")
        cells.append(f"{sps:.1f}" if sps is not None else "n/a")
        lines.append("| " + " | ".join(cells) + " |")
    lines.append("")
    for strategy, entry in report["strategies"].items():
        if entry["status"] != "ok":
            lines.append(f"`{strategy}`: {entry['reason']}.")
            lines.append("")
    for strategy, entry in report["strategies"].items():
        if entry.get("tokens"):
            t = entry["tokens"]
            lines.append(f"`{strategy}`: {t['requests']} model requests, {t['prompt']} prompt and "
                         f"{t['completion']} completion tokens.")
            lines.append("")
    lines.append("Signatures:")
    lines.append("")
    for key, label in METRICS:
        if key in report["signatures"]:
            lines.append(f"- {label}: `{report['signatures'][key]}`")
    lines.append("")
    lines.append("Term accuracy: WMT21 exact match of each required Thai rendering (each source occurrence "
                 "needs its own); on the reference set the requirements are the glossary terms found in "
                 "the source, on the suite its annotations. Consistency: share of entities mentioned "
                 "twice or more in a document that are rendered one known way only (the suite counts as "
                 "one document). Sentences/s: segments of both sets over their translation wall time "
                 "(model load and evaluation excluded)" + (", some segments resumed from a checkpoint are "
                 "not counted" if report.get("partially_resumed") else "") + ".")
    lines.append("")

    # Term accuracy per kind: the detail behind the plot.
    ok = [s for s, e in report["strategies"].items() if e["status"] == "ok"]
    lines.append("## Term accuracy per kind")
    lines.append("")
    lines.append("| Set | Kind | " + " | ".join(f"`{s}`" for s in ok) + " |")
    lines.append("|---|---|" + "|".join("---:" for _ in ok) + "|")
    for set_name in sets:
        kinds = []
        for s in ok:
            terms = report["strategies"][s]["sets"][set_name].get("terms") or {}
            kinds += [k for k in terms.get("by_kind", {}) if k not in kinds]
        for kind in sorted(kinds, key=lambda k: KINDS.index(k) if k in KINDS else len(KINDS)):
            cells = []
            for s in ok:
                by_kind = (report["strategies"][s]["sets"][set_name].get("terms") or {}).get("by_kind", {})
                v = by_kind.get(kind)
                cells.append(pct(v["accuracy"], v["hits"], v["total"]) if v else "—")
            lines.append(f"| {set_name} | {kind} | " + " | ".join(cells) + " |")
    lines.append("")

    misses = [(s, n, m) for s in ok if s in report["enforcing"]
              for n, r in report["strategies"][s]["sets"].items()
              for m in (r.get("terms") or {}).get("misses", [])]
    if misses:
        lines.append("## Renderings the enforcing strategies miss")
        lines.append("")
        lines.extend(f"- `{s}` {n} line {m['line']}: {m['vi']} → {m['th']} ({m['kind']})" for s, n, m in misses)
        lines.append("")
    lines.append(f"![scores with bootstrap 95% confidence intervals]({SCORE_PLOT})")
    lines.append("")
    lines.append(f"![term accuracy per kind]({KIND_PLOT})")
    lines.append("")
    return "\n".join(lines)


def write_plots(report: dict[str, Any], out: Path) -> list[str]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from vnthai_mt.io.resume import atomic_write_bytes

    ok = [s for s, e in report["strategies"].items() if e["status"] == "ok"]
    sets = report["sets"]
    ref_name = next((n for n, s in sets.items() if s["kind"] == "refset"), None)
    banner = f"\n{RANDOM_LABEL}" if report["random_weights"] else ""
    colors = plt.get_cmap("tab10")
    written = []

    def save(fig, name: str) -> None:
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
        plt.close(fig)
        atomic_write_bytes(out / name, buf.getvalue())
        written.append(name)

    if ref_name is not None:
        fig, axes = plt.subplots(1, len(METRICS), figsize=(4.2 * len(METRICS), 3.8))
        for ax, (key, label) in zip(axes, METRICS):
            scores, lower, upper = [], [], []
            for s in ok:
                r = report["strategies"][s]["sets"][ref_name].get(key, {})
                score = r.get("score", 0.0)
                mean, ci = r.get("bootstrap_mean"), r.get("ci95")
                scores.append(score)
                if mean is None or ci is None:
                    lower.append(0.0)
                    upper.append(0.0)
                else:  # the interval is around the bootstrap mean; drawn relative to the corpus score
                    lower.append(max(0.0, score - (mean - ci)))
                    upper.append(max(0.0, mean + ci - score))
            x = range(len(ok))
            ax.bar(x, scores, color=[colors(i) for i in x], yerr=[lower, upper], capsize=4)
            ax.set_xticks(list(x), ok, rotation=30)
            ax.set_title(label + (" (lower is better)" if key == "ter" else ""))
            ax.grid(axis="y", alpha=0.3)
        fig.suptitle(f"{sets[ref_name]['label']}: scores with paired-bootstrap 95% CI{banner}", fontsize=10)
        fig.tight_layout()
        save(fig, SCORE_PLOT)

    fig, axes = plt.subplots(1, len(sets), figsize=(6.5 * len(sets), 4.2), squeeze=False)
    for ax, (set_name, info) in zip(axes[0], sets.items()):
        kinds = ["all"]
        for s in ok:
            by_kind = (report["strategies"][s]["sets"][set_name].get("terms") or {}).get("by_kind", {})
            kinds += [k for k in sorted(by_kind, key=lambda k: KINDS.index(k) if k in KINDS else 9)
                      if k not in kinds]
        width = 0.8 / max(1, len(ok))
        for j, s in enumerate(ok):
            terms = report["strategies"][s]["sets"][set_name].get("terms") or {}
            values = []
            for k in kinds:
                v = terms if k == "all" else terms.get("by_kind", {}).get(k)
                values.append((v or {}).get("accuracy") or 0.0)
            bars = ax.bar([i + (j - (len(ok) - 1) / 2) * width for i in range(len(kinds))], values, width,
                          label=s, color=colors(j))
            ax.bar_label(bars, fmt="%.0f", fontsize=6, padding=1)
        totals = []
        any_terms = (report["strategies"][ok[0]]["sets"][set_name].get("terms") or {}) if ok else {}
        for k in kinds:
            v = any_terms if k == "all" else any_terms.get("by_kind", {}).get(k, {})
            totals.append(f"{k}\n(n={v.get('total', 0)})")
        ax.set_xticks(range(len(kinds)), totals)
        ax.set_ylim(0, 110)
        ax.set_ylabel("term accuracy (%)")
        ax.set_title(info["label"], fontsize=9)
        ax.grid(axis="y", alpha=0.3)
        ax.legend(fontsize=8, ncols=min(5, len(ok)), loc="upper center", bbox_to_anchor=(0.5, -0.18))
    fig.suptitle(f"Term accuracy per kind and strategy{banner}", fontsize=10)
    fig.tight_layout()
    save(fig, KIND_PLOT)
    return written


# --- main ------------------------------------------------------------------------------------------------


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        description="Translate a reference set and the terms suite with each glossary enforcement strategy, "
        "score them and write DIR/report.json, DIR/report.md and PNG plots.",
        epilog="example: python scripts/benchmark.py --model tiny --refset ntrex128 --limit 200 --suite terms "
        "--strategies none,mask,constrain,repair,hybrid --out bench/",
    )
    p.add_argument("--model", required=True, help="model folder or hub id")
    from vnthai_mt.translate.vocabulary import BACKENDS

    p.add_argument("--backend", choices=BACKENDS, default="transformers")
    p.add_argument("--api-base", default=None, metavar="URL", help="OpenAI-compatible server (--backend openai)")
    p.add_argument("--api-concurrency", type=int, default=4, help="requests in flight (openai; default 4)")
    p.add_argument("--api-retries", type=int, default=4, help="retries on 429/5xx/timeouts (openai; default 4)")
    p.add_argument("--api-timeout", type=float, default=120.0, help="seconds per answer (openai; default 120)")
    p.add_argument("--document-segments", type=int, default=1, metavar="N",
                   help="instruction models: sentences per request in free passes (default 1)")
    p.add_argument("--refset", default="ntrex128",
                   help="reference set: ntrex128 (shipped), flores_plus[:dev] or a .tsv/.jsonl file (default ntrex128)")
    p.add_argument("--limit", type=int, metavar="N", help="only the first N segments of the reference set")
    p.add_argument("--suite", metavar="S",
                   help="annotated terminology suite: 'terms' (eval/terms/terms.jsonl) or a .jsonl file")
    p.add_argument("--strategies", default=",".join(ALL_STRATEGIES),
                   help=f"comma-separated, in report order (default {','.join(ALL_STRATEGIES)})")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (created)")
    p.add_argument("--resume", action="store_true", help="skip finished translations, continue unfinished ones")
    p.add_argument("--glossary", action="append", default=[], metavar="G", help="extra glossary (repeatable)")
    p.add_argument("--no-default-glossary", action="store_true", help="do not load the shipped glossaries")
    p.add_argument("--no-names", action="store_true",
                   help="no name enforcement/detection beyond the glossary (translation and consistency)")
    p.add_argument("--num-beams", type=int, default=4, help="beam size (default 4)")
    p.add_argument("--max-new-tokens", type=int, default=None, metavar="T",
                   help="output token limit per sentence (default: about twice the source length)")
    p.add_argument("--era", choices=("be", "ce", "keep"), default="be", help="years in the Thai output (default be)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--dtype", default=None, help="model dtype / CTranslate2 compute type")
    p.add_argument("--threads", type=int, default=None,
                   help="CPU threads (1 is fastest for tiny models on a busy machine)")
    p.add_argument("--bootstrap", type=int, default=1000, metavar="N", help="bootstrap resamples (1000)")
    p.add_argument("--ar-trials", type=int, default=10000, metavar="N",
                   help="approximate randomization trials (10000)")
    p.add_argument("--max-misses", type=int, default=200, metavar="N",
                   help="term misses kept per strategy and set in report.json (200)")
    p.add_argument("--no-plots", action="store_true", help="skip the PNG plots")
    p.add_argument("--quiet", action="store_true", help="no progress output")
    return p.parse_args(argv)


def run(args: argparse.Namespace, argv: list[str]) -> dict[str, Any]:
    from vnthai_mt.errors import InputError

    strategies = [s.strip() for s in args.strategies.split(",") if s.strip()]
    unknown = [s for s in strategies if s not in ALL_STRATEGIES]
    if unknown or not strategies:
        raise InputError(f"unknown strategy {', '.join(unknown) or '(none given)'}; "
                         f"choose from {', '.join(ALL_STRATEGIES)}")
    strategies = list(dict.fromkeys(strategies))
    if args.bootstrap < 1 or args.ar_trials < 1 or args.num_beams < 1:
        raise InputError("--bootstrap, --ar-trials and --num-beams must be positive")
    started = time.perf_counter()
    out = Path(args.out)
    (out / "hyp").mkdir(parents=True, exist_ok=True)
    (out / "src").mkdir(parents=True, exist_ok=True)

    from vnthai_mt.glossary import load_glossaries
    from vnthai_mt.io.resume import atomic_write_text
    from vnthai_mt.io.utf8 import read_lines

    glossary = load_glossaries(args.glossary, include_default=not args.no_default_glossary)
    glossary_fp = fingerprint([e.as_row() for e in glossary.entries])

    sets = [load_refset_set(args.refset, args.limit)]
    if args.suite:
        sets.append(load_suite_set(args.suite))
    src_paths = {}
    for s in sets:
        path = out / "src" / f"{s.name}.vi.txt"
        text = "".join(line + "\n" for line in s.src)
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
        src_paths[s.name] = path

    supported = {s: not (s == "constrain" and args.backend in ("ctranslate2", "openai")) for s in strategies}
    runnable = [s for s in strategies if supported[s]]
    jobs = [Job(s, es, out / "hyp" / f"{s}.{es.name}.th.txt", out / "hyp" / f"{s}.{es.name}.json")
            for s in runnable for es in sets]
    progress = Progress(len(jobs) + 1, enabled=not args.quiet)
    marker = random_weights_marker(args.model, args.backend)
    if marker:
        progress.warn(f"{RANDOM_LABEL} ({marker})")

    records: dict[tuple[str, str], dict[str, Any]] = {}
    todo: list[tuple[Job, dict[str, Any]]] = []
    for job in jobs:
        settings = step_settings(args, job.strategy, job.evalset, glossary_fp)
        record = finished_record(job, settings) if args.resume else None
        if record is not None:
            record = {**record, "skipped": True}
            records[(job.strategy, job.evalset.name)] = record
            progress.step(f"{job.strategy} · {job.evalset.name}: finished earlier, skipped (--resume)")
        else:
            todo.append((job, settings))

    backend = translate_all(todo, args, glossary, src_paths, records, progress) if todo else None

    # Evaluation: every strategy against the references, with CIs against the baseline.
    progress.note("evaluating")
    baseline = "none" if "none" in runnable else (runnable[0] if runnable else None)
    hyps = {(j.strategy, j.evalset.name): read_lines(j.hyp) for j in jobs}
    strategies_out: dict[str, Any] = {}
    signatures: dict[str, str] = {}
    for strategy in strategies:
        if not supported[strategy]:
            strategies_out[strategy] = {"status": "not supported", "reason": CONSTRAIN_UNSUPPORTED}
            continue
        per_set: dict[str, Any] = {}
        total_n = total_s = 0.0
        for es in sets:
            rec = records[(strategy, es.name)]
            # The baseline gets its CIs from a comparison with itself (the p-values then say nothing).
            base = hyps[(baseline, es.name)]
            result = evaluate_set(es, hyps[(strategy, es.name)], base, args)
            for key, _ in METRICS:
                if key in result:
                    ci = confidence(result, key)
                    result[key]["bootstrap_mean"] = ci["mean"]
                    result[key]["ci95"] = ci["ci95"]
                    signatures[key] = result[key]["signature"]
            if strategy == baseline:
                result.pop("significance", None)
            else:
                for cmp in (result.get("significance") or {}).values():
                    cmp["baseline_strategy"] = baseline
            result["speed"] = {k: rec.get(k) for k in ("segments", "seconds", "translated_segments",
                                                       "resumed_segments", "sentences_per_s")}
            result["speed"]["skipped_this_run"] = bool(rec.get("skipped"))
            result["enforcement"] = rec.get("enforcement")
            result["outputs_at_token_limit"] = rec.get("outputs_at_token_limit")
            result["timings"] = rec.get("timings")
            result["llm"] = rec.get("llm")
            result["hyp"] = str(Path("hyp") / f"{strategy}.{es.name}.th.txt")
            per_set[es.name] = result
            if rec.get("translated_segments") and rec.get("seconds"):
                total_n += rec["translated_segments"]
                total_s += rec["seconds"]
        usage = [r["llm"] for es in sets if (r := records[(strategy, es.name)]).get("llm")]
        strategies_out[strategy] = {
            "status": "ok",
            "sentences_per_s": round(total_n / total_s, 3) if total_s else None,
            "tokens": {"prompt": sum(u["prompt_tokens"] for u in usage),
                       "completion": sum(u["completion_tokens"] for u in usage),
                       "requests": sum(u["requests"] for u in usage)} if usage else None,
            "sets": per_set,
        }
    progress.step("evaluated")
    progress.close()

    report: dict[str, Any] = {
        "random_weights": marker is not None,
        "random_weights_marker": marker,
        "label": RANDOM_LABEL if marker else None,
        "model": args.model,
        "model_resolved": str(getattr(backend, "model_path", "")) or None,
        "backend": args.backend,
        "command": "python scripts/benchmark.py " + shlex.join(argv),
        "settings": {
            "num_beams": args.num_beams,
            "max_new_tokens": args.max_new_tokens,
            "device": str(getattr(backend, "device", None) or args.device),
            "dtype": args.dtype,
            "threads": args.threads,
            "era": args.era,
            "names": not args.no_names,
            "glossaries": [*(["(shipped)"] if not args.no_default_glossary else []), *args.glossary],
            "glossary_entries": len(glossary.entries),
            "bootstrap": args.bootstrap,
            "ar_trials": args.ar_trials,
            "limit": args.limit,
        },
        "sets": {es.name: {"label": es.label, "kind": es.kind, "segments": len(es.src),
                           "documents": len(es.documents) if es.documents else 1} for es in sets},
        "baseline": baseline,
        "enforcing": [s for s in ("constrain", "hybrid") if s in runnable],
        "strategies": strategies_out,
        "signatures": signatures,
        "partially_resumed": any(r.get("resumed_segments") for r in records.values()),
        "environment": {**versions(), "platform": platform.platform(), "cpus": os.cpu_count()},
    }
    if marker:
        report["warning"] = f"{RANDOM_LABEL}. The model's weights are random ({marker})."
    report["plots"] = [] if args.no_plots or not runnable else write_plots(report, out)
    report["elapsed_s"] = round(time.perf_counter() - started, 2)
    atomic_write_text(out / "report.json", json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    atomic_write_text(out / "report.md", markdown_report(report))
    return report


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    from vnthai_mt.errors import VnthaiError

    try:
        report = run(args, argv)
    except VnthaiError as err:
        print(f"benchmark: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("benchmark: interrupted; rerun with --resume to continue", file=sys.stderr)
        return 130
    out = Path(args.out)
    if not args.quiet:
        print(f"wrote {out / 'report.json'}, {out / 'report.md'}"
              + "".join(f", {out / p}" for p in report["plots"]), file=sys.stderr)
        if report["random_weights"]:
            print(f"note: {RANDOM_LABEL}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
