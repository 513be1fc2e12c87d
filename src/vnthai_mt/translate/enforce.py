"""Glossary enforcement as composable steps: how each required rendering gets into the translation.

``Enforcer(backend, strategy).run(sources, required)`` translates sentence-sized ``sources`` (already
normalized Vietnamese) and returns, per source, the Thai text and one ``Item`` per required rendering
with its status: ``enforced`` (in the output, put there or kept there by the strategy or by the model
itself), ``repaired`` (a wrong rendering in the output was replaced) or ``missing``. ``via`` says which
step did it: model, mask, constrain, prefix, variant, near-miss.

How it works, on one sentence. Each source becomes an :class:`Outcome`: the source, its requirements,
the current Thai text, and a parallel ``via`` list (one entry per requirement, ``None`` while it is
missing). A strategy is a list of steps (``STRATEGY_STEPS``); each step is called once with every
outcome, ``step(outcomes, context)``, and improves them in place. For "Thủ tướng Phạm Minh Chính
thăm Lào." with the requirement Phạm Minh Chính → ฝั่ม มิญ จิ๊ญ, ``hybrid`` on CTranslate2 runs:

1. ``Constrain`` — the backend has no logits-processor hook. If the model carries placeholders (the
   probe of ``Context.masks_first``: ``--mask-first auto``), it gets "Thủ tướng [1] thăm Lào." and
   [1] in its output becomes ฝั่ม มิญ จิ๊ญ: ``via == ["mask"]``, and the steps below have nothing to do.
   Else it decodes freely; say the model writes "นายกรัฐมนตรี ฝ่าม มินห์ จินห์ เยือนลาว": ``via == [None]``;
2. ``Repair`` — the near miss ฝ่าม มินห์ จินห์ has the rendering's phonetic key and is replaced:
   ``via == ["near-miss"]``;
3. ``ForcePrefixes`` — nothing left to force (a rendering still missing would be forced here);
4. ``Repair`` again, for what the forced continuations wrote.

Strategies (``--strategy``):

- ``none``: ``[Decode]``: translate freely; only check.
- ``repair``: ``[Decode, Repair]``: translate freely, then replace known wrong renderings and near
  misses (``repair.py``).
- ``mask``: ``[Mask]``: required spans become placeholders ``[n]`` (``placeholders.py``), restored
  after translation; a placeholder the model lost is reported missing.
- ``constrain``: ``[Constrain, ForcePrefixes(unless_constrained)]``: every rendering is forced into the
  output. Transformers: constrained decoding with ``constraints.ConstrainedDecoding`` (greedy or beam,
  dynamic beam allocation). CTranslate2 has no per-step hook, so ``Constrain`` sends placeholders
  there when the model carries them, else decodes freely (the backend's capability decides, as
  transformers composes logits processors), and prefix forcing does the rest.
- ``hybrid`` (default): ``[Constrain, Repair, AskAgain, ForcePrefixes(per_round=4), Repair]``. This reaches 100%
  presence on every backend unless a rendering cannot fit the model's length limit. ``AskAgain`` only
  acts on instruction models (``supports_misses``: ``translate.llm``): the sentences still missing
  renderings are asked for again with the misses named in the prompt, ``ASK_AGAIN_ROUNDS`` times at
  most, and a new answer is kept only when it holds more of them (then repaired).

Prefix forcing, for all sentences at once, round after round: cut the current output at a word boundary
near where the rendering belongs (the relative position of its Vietnamese span in the source, and never
before renderings already forced), make ``output[:cut] + rendering`` the target prefix, and let the
model write the rest. Up to ``per_round`` missing renderings go in one prefix, each at its place in
source order (``output[:c1] + th1 + output[c1:c2] + th2``); a sentence whose group left no room for a
later one starts over one at a time. Later rounds cut after the renderings already forced, so each
round keeps what the earlier ones achieved. Nothing is ever appended after the sentence.
``Outcome.rounds`` counts the re-decodes of each sentence (``PieceResult.rounds``; the report's
``timings.rounds_per_sentence``).

A new step is any callable ``step(outcomes, context) -> None`` that reads ``outcome.missing()``,
changes ``outcome.text`` and calls ``context.mark(outcomes, "its-name")``; insert it where it belongs,
e.g. ``Enforcer(backend, steps=[Constrain(), Repair(), AskAgain(rounds=3), Repair()])`` asks an LLM
again up to three times with the misses named, and forces no prefixes.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from vnthai_mt.text import thai
from vnthai_mt.text.thai.find import claimed_spans
from vnthai_mt.translate import placeholders, repair
from vnthai_mt.translate.requirements import Required
from vnthai_mt.translate.vocabulary import STRATEGIES

ENFORCED, REPAIRED, MISSING = "enforced", "repaired", "missing"
log = logging.getLogger(__name__)


@dataclass
class Item:
    """One required rendering in one segment and what became of it."""

    vi: str
    th: str
    kind: str
    source: str
    status: str
    via: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"vi": self.vi, "th": self.th, "kind": self.kind, "source": self.source,
                "status": self.status, "via": self.via}


@dataclass
class PieceResult:
    text: str
    items: list[Item] = field(default_factory=list)
    rounds: int = 0  # prefix-forcing re-decodes of this piece


@dataclass
class Timings:
    """Seconds spent, split so that the glossary layer's cost can be set against the model's.

    model_s: the model on the first pass (logits-processor time excluded); redecode_s: the model on
    prefix-forcing passes; constrain_s: inside the constrained-decoding processor; glossary_s: finding
    requirements, masking, restoring, repair and checks (pure Python around the model).
    """

    model_s: float = 0.0
    redecode_s: float = 0.0
    constrain_s: float = 0.0
    glossary_s: float = 0.0
    redecoded: int = 0  # sentence re-decodes by prefix forcing (a sentence counts once per round)
    rounds: int = 0
    resumed: int = 0  # segments read back from a checkpoint instead of translated
    forced: int = 0  # distinct sentences that needed prefix forcing
    max_sentence_rounds: int = 0  # most prefix-forcing rounds one sentence needed
    asked_again: int = 0  # sentences an instruction model was asked again with the misses named
    probe_s: float = 0.0  # the model on the placeholder probe of --mask-first auto (once per run)
    masked_first: int = 0  # sentences first translated with their required spans as placeholders
    round_counts: dict[int, int] = field(default_factory=dict)  # prefix-forcing rounds -> sentences

    def add(self, other: Timings) -> None:
        for name in ("model_s", "redecode_s", "constrain_s", "glossary_s", "redecoded", "rounds", "resumed",
                     "forced", "asked_again", "probe_s", "masked_first"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for rounds, n in other.round_counts.items():
            self.round_counts[rounds] = self.round_counts.get(rounds, 0) + n
        self.max_sentence_rounds = max(self.max_sentence_rounds, other.max_sentence_rounds)

    def to_dict(self) -> dict[str, Any]:
        model = self.model_s or float("nan")
        return {
            "model_s": round(self.model_s, 4),
            "redecode_s": round(self.redecode_s, 4),
            "constrain_s": round(self.constrain_s, 4),
            "glossary_s": round(self.glossary_s, 4),
            "glossary_overhead_pct": round(100 * self.glossary_s / model, 2) if self.model_s else None,
            "constrain_overhead_pct": round(100 * self.constrain_s / model, 2) if self.model_s else None,
            "redecode_overhead_pct": round(100 * self.redecode_s / model, 2) if self.model_s else None,
            "probe_s": round(self.probe_s, 4),
            # every model call enforcement added to the first pass: re-decodes and the probe
            "enforcement_overhead_pct": (round(100 * (self.redecode_s + self.probe_s) / model, 2)
                                         if self.model_s else None),
            "masked_first_sentences": self.masked_first,
            "redecoded_sentences": self.redecoded,
            "prefix_rounds": self.rounds,
            "resumed_segments": self.resumed,
            "forced_sentences": self.forced,
            "rounds_per_forced_sentence": round(self.redecoded / self.forced, 2) if self.forced else None,
            "max_rounds_per_sentence": self.max_sentence_rounds,
            # sentences per number of prefix-forcing rounds, e.g. {"0": 40, "1": 3, "2": 1}
            "rounds_per_sentence": {str(k): v for k, v in sorted(self.round_counts.items())},
            "asked_again_sentences": self.asked_again,
        }


class _Clock:
    """Context manager adding elapsed time to one Timings field."""

    def __init__(self, timings: Timings, name: str) -> None:
        self.timings, self.name = timings, name

    def __enter__(self):
        self.t0 = time.perf_counter()
        return self

    def __exit__(self, *exc):
        setattr(self.timings, self.name, getattr(self.timings, self.name) + time.perf_counter() - self.t0)


# --- the per-segment outcome ---------------------------------------------------------------------------


@dataclass
class Outcome:
    """One segment on its way through the steps: its text so far and, per requirement, who put it there.

    ``via[i]`` is None while ``requirements[i]`` is missing from ``text``, else the step that got it in.
    ``locked`` (a character offset), ``tries`` (requirement -> attempts) and ``before_group`` (the
    state before its first group of renderings, to fall back to) belong to prefix forcing.
    """

    source: str
    requirements: list[Required]
    text: str = ""
    via: list[str | None] = field(default_factory=list)
    rounds: int = 0
    locked: int = 0
    tries: dict[int, int] = field(default_factory=dict)
    before_group: tuple[str, list[str | None], int] | None = None

    def __post_init__(self) -> None:
        if not self.via:
            self.via = [None] * len(self.requirements)

    def missing(self) -> list[int]:
        """Indices of the requirements not in the text yet."""
        return [i for i, how in enumerate(self.via) if how is None]

    def result(self) -> PieceResult:
        items = []
        for r, how in zip(self.requirements, self.via):
            if how is None:
                status = MISSING
            elif how in (repair.VARIANT, repair.NEAR_MISS):
                status = REPAIRED
            else:
                status = ENFORCED
            items.append(Item(r.vi, r.th, r.kind, r.source, status, how))
        return PieceResult(self.text, items, self.rounds)


Step = Callable[[list[Outcome], "Context"], None]


# --- what steps share: the backend, the settings, the caches, the clocks ----------------------------------


class Context:
    """The backend and decoding settings, model calls and caches the steps share (one per Enforcer)."""

    def __init__(self, backend, *, num_beams: int, max_new_tokens: int | None, allocation: str,
                 timings: Timings, mask_first: str = "auto") -> None:
        self.backend = backend
        self.mask_first = mask_first
        self._masks_first: bool | None = None
        self.num_beams = num_beams
        self.max_new_tokens = max_new_tokens
        self.allocation = allocation
        self.timings = timings
        self.template: str | None = None
        self.forms: dict[str, Any] = {}  # rendering -> TokenConstraint (forms and commit points)

    @property
    def can_constrain(self) -> bool:
        """Whether the backend takes per-step logits processors (constrained decoding)."""
        return bool(getattr(self.backend, "supports_logits_processors", False))

    def masks_first(self) -> bool:
        """Whether ``Constrain`` sends placeholders first (backends without a per-step hook only).

        ``mask_first``: "on", "off", or "auto": on when the model gives back at least
        ``placeholders.CARRIES_SHARE`` of the probe's placeholders (measured once, with the run's beams).
        Instruction models are never masked: their prompt names the renderings.
        """
        if self.can_constrain or getattr(self.backend, "uses_prompts", False) or self.mask_first == "off":
            return False
        if self.mask_first == "on":
            return True
        if self._masks_first is None:
            with self.clock():
                if self.template is None:
                    self.template = placeholders.usable_template(self.backend.tokenizer)

            def probe(texts: list[str]) -> list[str]:
                # The sentences' own budget, not --max-new-tokens: a cut-off end is not a lost placeholder.
                # One limit for all, so the probe is one backend call.
                limit = min(2 * max(self.backend.count_tokens(texts)) + 10, self.room())
                limits: list[int | None] = [limit] * len(texts)
                return self.decode(texts, limits=limits, field_name="probe_s")

            with _quiet_backend():
                back, sent = placeholders.carried_share(probe, self.template)
            self._masks_first = back >= placeholders.CARRIES_SHARE * sent
            log.info("placeholder probe: %d of %d given back, %s", back, sent,
                     "masking first" if self._masks_first else "translating freely first")
        return self._masks_first

    def clock(self, name: str = "glossary_s") -> _Clock:
        return _Clock(self.timings, name)

    def mark(self, outcomes: Sequence[Outcome], layer: str) -> None:
        """Set ``via`` for renderings that are present now and were not before; clear lost ones."""
        with self.clock():
            for o in outcomes:
                if not o.requirements:
                    continue
                found = repair.presence(o.text, [r.th for r in o.requirements])
                for i, ok in enumerate(found):
                    if not ok:
                        o.via[i] = None
                    elif o.via[i] is None:
                        o.via[i] = layer

    def decode(
        self,
        texts: list[str],
        *,
        prefixes: Sequence[str | None] | None = None,
        limits: Sequence[int | None] | None = None,
        constraints: list | None = None,
        field_name: str = "model_s",
    ) -> list[str]:
        """Translate, grouping texts by their new-token limit (one backend call per limit)."""
        limits = limits or [None] * len(texts)
        outputs = [""] * len(texts)
        groups: dict[int | None, list[int]] = {}
        for i, limit in enumerate(limits):
            groups.setdefault(limit, []).append(i)
        for limit, idx in groups.items():
            kwargs: dict[str, Any] = {"num_beams": self.num_beams}
            if limit is not None:
                kwargs["max_new_tokens"] = limit
            elif self.max_new_tokens:
                kwargs["max_new_tokens"] = self.max_new_tokens
            if prefixes is not None:
                kwargs["target_prefixes"] = [prefixes[i] for i in idx]
            stats: dict[str, float] = {}
            if constraints is not None and limit is not None:
                from vnthai_mt.translate.constraints import make_processor_factory

                kwargs["logits_processors"] = make_processor_factory(
                    [constraints[i] for i in idx],
                    num_beams=self.num_beams,
                    start_len=len(self.backend.target_start_ids),
                    max_new_tokens=limit,
                    eos_token_ids=self.eos_ids(),
                    allocation=self.allocation,
                    stats=stats,
                )
            t0 = time.perf_counter()
            texts_out = self.backend.translate([texts[i] for i in idx], **kwargs)
            elapsed = time.perf_counter() - t0
            spent = stats.get("constrain_s", 0.0)
            self.timings.constrain_s += spent
            setattr(self.timings, field_name, getattr(self.timings, field_name) + elapsed - spent)
            for i, out in zip(idx, texts_out):
                outputs[i] = thai.normalize(out)
        return outputs

    def eos_ids(self) -> list[int]:
        ids = {self.backend.tokenizer.eos_token_id}
        config = getattr(getattr(self.backend, "model", None), "generation_config", None)
        extra = getattr(config, "eos_token_id", None)
        if isinstance(extra, int):
            ids.add(extra)
        elif extra:
            ids.update(extra)
        return sorted(i for i in ids if i is not None)

    def base_limits(self, texts: list[str]) -> list[int]:
        if self.max_new_tokens:
            return [self.max_new_tokens] * len(texts)
        return [2 * n + 10 for n in self.backend.count_tokens(texts)]

    def target_len(self, text: str) -> int:
        """Target-side tokens of ``text`` (``verbose=False``: long prefixes are measured, not fed)."""
        enc = self.backend.tokenizer(text_target=[text], add_special_tokens=False, verbose=False)
        return len(enc["input_ids"][0])

    def room(self, prefix_tokens: int = 0) -> int:
        """New tokens the model can still write after its start ids and a prefix."""
        return self.backend.max_target_tokens - len(self.backend.target_start_ids) - prefix_tokens - 1

    def token_constraints(self, reqs: list[Required]):
        from vnthai_mt.translate.constraints import TokenConstraint, make_constraint

        tok = self.backend.tokenizer
        counts: dict[str, int] = {}
        for r in reqs:
            counts[r.th] = counts.get(r.th, 0) + 1
        out = []
        for th, n in counts.items():
            if th not in self.forms:
                made = make_constraint(th, lambda s: self.backend.encode_targets([s])[0], tok)
                # Keep only forms that decode back to the rendering (tokenizer normalization aside).
                good = [i for i, f in enumerate(made.forms) if th in thai.normalize(self.backend.decode(list(f)))]
                good = good or list(range(len(made.forms)))
                self.forms[th] = TokenConstraint(th, tuple(made.forms[i] for i in good), 1,
                                                 tuple(made.commit[i] for i in good))
            base = self.forms[th]
            out.append(TokenConstraint(th, base.forms, n, base.commit))
        return out


# --- the steps ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Decode:
    """Translate every source freely; what the model wrote itself is marked ``layer``."""

    layer: str = "model"

    def __call__(self, outcomes: list[Outcome], ctx: Context) -> None:
        for o, text in zip(outcomes, ctx.decode([o.source for o in outcomes])):
            o.text = text
        ctx.mark(outcomes, self.layer)


@dataclass(frozen=True)
class Constrain:
    """Constrained decoding where the backend takes logits processors; else ``Mask`` when the model
    carries placeholders (``Context.masks_first``), else ``Decode``."""

    def __call__(self, outcomes: list[Outcome], ctx: Context) -> None:
        if not ctx.can_constrain:
            if ctx.masks_first():
                Mask()(outcomes, ctx)
                ctx.timings.masked_first += sum(1 for o in outcomes if o.requirements)
            else:
                Decode()(outcomes, ctx)
            return
        with ctx.clock():
            constraints = [ctx.token_constraints(o.requirements) if o.requirements else [] for o in outcomes]
            base = ctx.base_limits([o.source for o in outcomes])
            limits: list[int | None] = []
            for cons, b in zip(constraints, base):
                need = sum(max(len(f) for f in c.forms) * c.count for c in cons)
                limit = max(b, need + 8) if cons else b
                limit = min(_round_up(limit), ctx.room())
                limits.append(max(1, limit))
        texts = ctx.decode([o.source for o in outcomes], limits=limits, constraints=constraints)
        for o, text in zip(outcomes, texts):
            o.text = text
        ctx.mark(outcomes, "constrain")


@dataclass(frozen=True)
class Mask:
    """Required spans become placeholders ``[n]`` for the model, restored in its output."""

    def __call__(self, outcomes: list[Outcome], ctx: Context) -> None:
        with ctx.clock():
            if ctx.template is None:
                ctx.template = placeholders.usable_template(ctx.backend.tokenizer)
            masked = [placeholders.mask(o.source, [(r.start, r.end) for r in o.requirements], ctx.template)
                      for o in outcomes]
        raw = ctx.decode([m.text for m in masked])
        with ctx.clock():
            for o, out, m in zip(outcomes, raw, masked):
                reqs = o.requirements
                order = sorted(range(len(reqs)), key=lambda i: (reqs[i].start, reqs[i].end))
                text, restored = placeholders.unmask(out, m, [reqs[i].th for i in order])
                o.text = thai.normalize(text)
                found = repair.presence(o.text, [r.th for r in reqs])
                for slot, i in enumerate(order):
                    o.via[i] = "mask" if restored[slot] and found[i] else None


@dataclass(frozen=True)
class Repair:
    """Replace known wrong renderings and near misses of what is missing (``repair.py``)."""

    def __call__(self, outcomes: list[Outcome], ctx: Context) -> None:
        with ctx.clock():
            for o in outcomes:
                if o.requirements and not all(o.via):
                    o.text, how = repair.repair(o.text, o.requirements)
                    for i, h in enumerate(how):
                        if h is not None:
                            o.via[i] = h
        ctx.mark(outcomes, "model")


@dataclass(frozen=True)
class AskAgain:
    """Instruction models: ask again for the sentences still missing renderings, naming the misses.

    A new answer replaces the old one only if it holds more of the required renderings (after repair);
    ``rounds`` bounds the requests per sentence. Backends without ``supports_misses`` skip it.
    """

    rounds: int = 1

    def __call__(self, outcomes: list[Outcome], ctx: Context) -> None:
        if not getattr(ctx.backend, "supports_misses", False):
            return
        from vnthai_mt.translate.prompt import Hint

        for _ in range(self.rounds):
            todo = [o for o in outcomes if o.requirements and o.missing()]
            if not todo:
                return
            misses = [[Hint(o.requirements[i].vi, o.requirements[i].th, o.requirements[i].kind)
                       for i in o.missing()] for o in todo]
            t0 = time.perf_counter()
            with _quiet_backend():
                answers = ctx.backend.translate([o.source for o in todo], misses=misses, num_beams=ctx.num_beams,
                                                max_new_tokens=ctx.max_new_tokens)
            ctx.timings.redecode_s += time.perf_counter() - t0
            ctx.timings.asked_again += len(todo)
            with ctx.clock():
                for o, answer in zip(todo, answers):
                    fixed, how = repair.repair(thai.normalize(answer), o.requirements)
                    found = repair.presence(fixed, [r.th for r in o.requirements])
                    if sum(found) <= sum(1 for v in o.via if v):
                        continue  # not better: keep the first answer
                    o.text = fixed
                    o.via = [(how[i] or "ask-again") if ok else None for i, ok in enumerate(found)]


@dataclass(frozen=True)
class ForcePrefixes:
    """Re-decode with a forced prefix for the renderings still missing (see the module docstring).

    per_round: renderings forced per sentence and round, in source order: ``output[:c1] + th1 +
    output[c1:c2] + th2 + ...`` (cuts near where each belongs, in order), the model writing the rest
    after the last; 1 forces one per round (the model rewrites everything after it). Rounds are
    batched across sentences. unless_constrained: skip when the backend did constrained decoding.
    """

    per_round: int = 1
    unless_constrained: bool = False

    def __call__(self, outcomes: list[Outcome], ctx: Context) -> None:
        if self.unless_constrained and ctx.can_constrain:
            return
        for o in outcomes:
            o.locked, o.tries, o.before_group = 0, {}, None
        grouped: set[tuple[int, int]] = set()  # (outcome, requirement) already tried in a group
        most = max((len(o.requirements) for o in outcomes), default=0)
        # One at a time needs up to two tries each; groups add at most as many rounds again (a sentence
        # that falls back starts over one at a time).
        max_rounds = (2 * most + 1) * (2 if self.per_round > 1 else 1)
        for _ in range(max_rounds):
            with ctx.clock():
                plan: list[tuple[Outcome, list[int], str, int]] = []  # (outcome, forced, prefix, head length)
                for k, o in enumerate(outcomes):
                    missing = sorted((i for i in o.missing() if o.tries.get(i, 0) < 2),
                                     key=lambda j: (o.requirements[j].start, j))
                    if not missing:
                        continue
                    # Several at once while some were never tried in a group; then one at a time, with the
                    # two tries each of per_round=1, so grouping never loses a rendering the single way finds.
                    fresh = [i for i in missing if (k, i) not in grouped] if self.per_round > 1 else []
                    if len(fresh) > 1:
                        forced, prefix, head_len = _plan_round(ctx, o, fresh[:self.per_round])
                        if prefix is not None:
                            grouped.update((k, i) for i in forced)
                            if len(forced) > 1:
                                if o.before_group is None:
                                    o.before_group = (o.text, list(o.via), o.locked)
                                plan.append((o, forced, prefix, head_len))
                                continue
                    forced, prefix, head_len = _plan_round(ctx, o, missing[:1])
                    if prefix is None and o.before_group is not None:
                        # A group's continuation left no room for this one: start the sentence over from
                        # before its groups, one rendering at a time (what per_round=1 would have done).
                        o.text, o.via, o.locked = o.before_group[0], list(o.before_group[1]), o.before_group[2]
                        o.before_group, o.tries = None, {}
                        grouped.update((k, i) for i in range(len(o.requirements)))
                        missing = sorted(o.missing(), key=lambda j: (o.requirements[j].start, j))
                        forced, prefix, head_len = _plan_round(ctx, o, missing[:1])
                    if prefix is None:
                        o.tries[missing[0]] = 99
                        continue
                    for i in forced:
                        o.tries[i] = o.tries.get(i, 0) + 1
                    plan.append((o, forced, prefix, head_len))
            if not plan:
                break
            ctx.timings.rounds += 1
            ctx.timings.redecoded += len(plan)
            texts = [o.source for o, *_ in plan]
            prefixes = [p for _, _, p, _ in plan]
            with ctx.clock():
                n_prefix = [ctx.target_len(p) for p in prefixes]
                base = ctx.base_limits(texts)
                # The rest of the sentence's budget after the prefix; a few tokens at least, so that a
                # prefix already over budget (a verbose or garbled output) does not keep growing.
                limits = [max(1, min(_round_up(max(_CONTINUATION_FLOOR, b - n), 8), ctx.room(n)))
                          for b, n in zip(base, n_prefix)]
            with _quiet_backend():
                # Continuations are cut to the sentence's budget on purpose; no "output limit" warnings.
                new = ctx.decode(texts, prefixes=prefixes, limits=limits, field_name="redecode_s")
            with ctx.clock():
                for (o, forced, _prefix, head_len), text in zip(plan, new):
                    th = o.requirements[forced[-1]].th
                    at = text.find(th, max(0, head_len - 3))
                    if at < 0:
                        at = text.find(th)
                    if at >= 0:
                        o.locked = at + len(th)
                    o.text = text
                    o.rounds += 1
            ctx.mark([o for o, *_ in plan], "prefix")


def _plan_round(ctx: Context, o: Outcome, wanted: list[int]) -> tuple[list[int], str | None, int]:
    """The prefix forcing the requirements ``wanted`` (source order) in at their places: as many of them
    as fit in order; returns (forced, prefix, where the last one's head ends)."""
    if len(wanted) == 1:
        prefix, head_len = _prefix_for(ctx, o, wanted[0])
        return wanted, prefix, head_len
    output, reqs = o.text, o.requirements
    present = [r.th for r, how in zip(reqs, o.via) if how is not None]
    protected = claimed_spans(output, present)
    cuts = [c for c in repair._boundaries(output)
            if c >= o.locked and not any(a < c < b for a, b in protected)] or [len(output)]
    parts: list[str] = []
    last = 0
    forced: list[int] = []
    best: tuple[list[int], str, int] | None = None
    for i in wanted:
        want = int(len(output) * reqs[i].start / max(1, len(o.source)))
        options = [c for c in cuts if c >= last]
        if not options:
            break
        cut = min(options, key=lambda c: (abs(c - want), c))
        head = "".join(parts) + output[last:cut]
        if head and not head.endswith(" ") and not thai.is_thai(head[-1]):
            head += " "
        prefix = head + reqs[i].th
        if ctx.room(ctx.target_len(prefix)) < _MIN_CONTINUATION:
            break
        nxt = output[cut:cut + 1]
        tail_sep = " " if nxt and not nxt.isspace() and not thai.is_thai(nxt) else ""
        parts = [prefix + tail_sep]
        last = cut
        forced.append(i)
        best = (list(forced), prefix, len(thai.normalize(head)))
    if best is None:
        prefix, head_len = _prefix_for(ctx, o, wanted[0])
        return wanted[:1], prefix, head_len
    return best


def _prefix_for(ctx: Context, o: Outcome, i: int) -> tuple[str | None, int]:
    """The target prefix that forces requirement ``i`` in at its place, and where its head ends."""
    source, output, reqs = o.source, o.text, o.requirements
    req = reqs[i]
    present = [r.th for r, how in zip(reqs, o.via) if how is not None]
    protected = claimed_spans(output, present)
    want = int(len(output) * req.start / max(1, len(source)))
    cuts = [c for c in repair._boundaries(output)
            if c >= o.locked and not any(a < c < b for a, b in protected)] or [len(output)]
    # Nearest word boundary to the wanted spot; if that prefix leaves the model too little room
    # (a long output, many renderings), the nearest earlier boundaries that fit.
    ordered = sorted(cuts, key=lambda c: (abs(c - want), c))
    fitting = [c for c in cuts if c <= ordered[0]]
    smallest = None
    for cut in [ordered[0], *sorted(fitting, reverse=True)[1:]]:
        head = output[:cut]
        if head and not head.endswith(" ") and not thai.is_thai(head[-1]):
            head += " "
        prefix = head + req.th
        room = ctx.room(ctx.target_len(prefix))
        if room >= _MIN_CONTINUATION:
            return prefix, len(thai.normalize(head))
        smallest = (prefix, len(thai.normalize(head)), room)
    if smallest is not None and smallest[2] >= 1:
        return smallest[0], smallest[1]  # the rendering fits, the end of the sentence may not
    return None, 0


ASK_AGAIN_ROUNDS = 1  # instruction models: requests naming the misses, per sentence, before prefix forcing
# Renderings hybrid forces per sentence and round, in source order. A sentence whose group left no room
# for a later rendering starts over one at a time, so grouping never loses what one at a time finds;
# it halves the re-decodes of the random-weights model (scripts/bench_enforce.py, "after_grouped").
HYBRID_PER_ROUND = 4

# A strategy is its list of steps; the backend's capabilities decide inside a step (Constrain).
STRATEGY_STEPS: dict[str, tuple[Step, ...]] = {
    "hybrid": (Constrain(), Repair(), AskAgain(ASK_AGAIN_ROUNDS), ForcePrefixes(per_round=HYBRID_PER_ROUND),
               Repair()),
    "constrain": (Constrain(), ForcePrefixes(unless_constrained=True)),
    "mask": (Mask(),),
    "repair": (Decode(), Repair()),
    "none": (Decode(),),
}
assert set(STRATEGY_STEPS) == set(STRATEGIES)


class Enforcer:
    """Runs one strategy's steps over sentences with a backend (see the module docstring).

    ``steps`` replaces the strategy's list (``STRATEGY_STEPS[strategy]``) with any other, e.g. one with
    an extra step inserted; ``strategy`` still names the run.
    """

    def __init__(
        self,
        backend,
        strategy: str = "hybrid",
        *,
        num_beams: int | None = None,
        max_new_tokens: int | None = None,
        allocation: str = "banks",
        timings: Timings | None = None,
        steps: Sequence[Step] | None = None,
        mask_first: str = "auto",
    ) -> None:
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {strategy!r} (choose {', '.join(STRATEGIES)})")
        self.backend = backend
        self.strategy = strategy
        self.steps: list[Step] = list(steps if steps is not None else STRATEGY_STEPS[strategy])
        self.context = Context(
            backend,
            num_beams=num_beams or getattr(backend, "num_beams", 1) or 1,
            max_new_tokens=max_new_tokens,
            allocation=allocation,
            timings=timings if timings is not None else Timings(),
            mask_first=mask_first,
        )

    @property
    def timings(self) -> Timings:
        return self.context.timings

    @timings.setter
    def timings(self, value: Timings) -> None:
        self.context.timings = value

    @property
    def num_beams(self) -> int:
        return self.context.num_beams

    @property
    def max_new_tokens(self) -> int | None:
        return self.context.max_new_tokens

    @property
    def allocation(self) -> str:
        return self.context.allocation

    @property
    def uses_constrained_decoding(self) -> bool:
        return any(isinstance(s, Constrain) for s in self.steps) and self.context.can_constrain

    def run(self, sources: Sequence[str], required: Sequence[Sequence[Required]]) -> list[PieceResult]:
        sources = list(sources)
        reqs = [list(r) for r in required]
        if len(sources) != len(reqs):
            raise ValueError("one list of requirements per source")
        if not sources:
            return []
        outcomes = [Outcome(s, r) for s, r in zip(sources, reqs)]
        for step in self.steps:
            step(outcomes, self.context)
        rounds = [o.rounds for o in outcomes if o.rounds]
        for o in outcomes:
            self.timings.round_counts[o.rounds] = self.timings.round_counts.get(o.rounds, 0) + 1
        self.timings.forced += len(rounds)
        self.timings.max_sentence_rounds = max([self.timings.max_sentence_rounds, *rounds])
        return [o.result() for o in outcomes]


_MIN_CONTINUATION = 4  # new tokens the model must still be able to write after a forced prefix
_CONTINUATION_FLOOR = 8  # new tokens a prefix-forcing pass may always write


@contextmanager
def _quiet_backend():
    logger = logging.getLogger("vnthai_mt.translate.backends")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _round_up(n: int, step: int = 16) -> int:
    """Limits rounded up, so that sentences of similar length share one backend call."""
    return -(-n // step) * step
