"""Glossary enforcement strategies: how each required rendering gets into the translation.

``Enforcer(backend, strategy).run(sources, required)`` translates sentence-sized ``sources`` (already
normalized Vietnamese) and returns, per source, the Thai text and one ``Item`` per required rendering
with its status: ``enforced`` (in the output, put there or kept there by the strategy or by the model
itself), ``repaired`` (a wrong rendering in the output was replaced) or ``missing``. ``via`` says which
layer did it: model, mask, constrain, prefix, variant, near-miss.

Strategies (``--strategy``):

- ``none``: translate freely; only check.
- ``repair``: translate freely, then replace known wrong renderings and near misses (``repair.py``).
- ``mask``: required spans become placeholders ``[n]`` (``placeholders.py``), restored after
  translation; a placeholder the model lost is reported missing.
- ``constrain``: every rendering is forced into the output. Transformers: constrained decoding with
  ``constraints.ConstrainedDecoding`` (greedy or beam, with dynamic beam allocation). CTranslate2 has no
  per-step hook, so there it means prefix forcing (below) after a free translation.
- ``hybrid`` (default): constrain (Transformers) or a free translation (CTranslate2), then repair, then
  (instruction models, ``supports_misses``: ask again with the missing renderings named, at most
  ``ASK_AGAIN_ROUNDS`` times, keeping an answer only if it has more of them, then repair) prefix
  forcing for whatever is still missing, then repair again. This reaches 100% presence on both
  backends unless a rendering cannot fit the model's length limit.

Prefix forcing, one missing rendering per round, for all sentences at once: cut the current output at a
word boundary near where the rendering belongs (the relative position of its Vietnamese span in the
source, and never before renderings already forced), make ``output[:cut] + rendering`` the target
prefix, and let the model write the rest. Later rounds cut after the renderings already forced, so
each round keeps what the earlier ones achieved. Nothing is ever appended after the sentence.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from vnthai_mt.text import thai
from vnthai_mt.text.thai.find import claimed_spans
from vnthai_mt.translate import placeholders, repair
from vnthai_mt.translate.requirements import Required
from vnthai_mt.translate.vocabulary import STRATEGIES

ENFORCED, REPAIRED, MISSING = "enforced", "repaired", "missing"


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
    redecoded: int = 0  # sentences that needed prefix forcing
    rounds: int = 0
    resumed: int = 0  # segments read back from a checkpoint instead of translated
    asked_again: int = 0  # sentences an instruction model was asked again with the misses named

    def add(self, other: Timings) -> None:
        for name in ("model_s", "redecode_s", "constrain_s", "glossary_s", "redecoded", "rounds", "resumed",
                     "asked_again"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, float | int | None]:
        model = self.model_s or float("nan")
        return {
            "model_s": round(self.model_s, 4),
            "redecode_s": round(self.redecode_s, 4),
            "constrain_s": round(self.constrain_s, 4),
            "glossary_s": round(self.glossary_s, 4),
            "glossary_overhead_pct": round(100 * self.glossary_s / model, 2) if self.model_s else None,
            "constrain_overhead_pct": round(100 * self.constrain_s / model, 2) if self.model_s else None,
            "redecode_overhead_pct": round(100 * self.redecode_s / model, 2) if self.model_s else None,
            "redecoded_sentences": self.redecoded,
            "prefix_rounds": self.rounds,
            "resumed_segments": self.resumed,
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


class Enforcer:
    """Runs one strategy over sentences with a backend (see the module docstring)."""

    def __init__(
        self,
        backend,
        strategy: str = "hybrid",
        *,
        num_beams: int | None = None,
        max_new_tokens: int | None = None,
        allocation: str = "banks",
        timings: Timings | None = None,
    ) -> None:
        if strategy not in STRATEGIES:
            raise ValueError(f"unknown strategy {strategy!r} (choose {', '.join(STRATEGIES)})")
        self.backend = backend
        self.strategy = strategy
        self.num_beams = num_beams or getattr(backend, "num_beams", 1) or 1
        self.max_new_tokens = max_new_tokens
        self.allocation = allocation
        self.timings = timings if timings is not None else Timings()
        self._template: str | None = None
        self._forms: dict[str, Any] = {}  # rendering -> TokenConstraint (forms and commit points)

    @property
    def uses_constrained_decoding(self) -> bool:
        return self.strategy in ("constrain", "hybrid") and bool(
            getattr(self.backend, "supports_logits_processors", False)
        )

    # --- entry point ----------------------------------------------------------------------------------

    def run(self, sources: Sequence[str], required: Sequence[Sequence[Required]]) -> list[PieceResult]:
        sources = list(sources)
        reqs: list[list[Required]] = [list(r) for r in required]
        if len(sources) != len(reqs):
            raise ValueError("one list of requirements per source")
        if not sources:
            return []
        via: list[list[str | None]] = [[None] * len(r) for r in reqs]
        s = self.strategy
        if s == "mask":
            outputs = self._masked(sources, reqs, via)
        elif self.uses_constrained_decoding:
            outputs = self._constrained(sources, reqs)
            self._mark(outputs, reqs, via, "constrain")
        else:
            outputs = self._decode(sources)
            self._mark(outputs, reqs, via, "model")
        if s in ("repair", "hybrid"):
            outputs = self._repair(outputs, reqs, via)
        if s == "hybrid" and getattr(self.backend, "supports_misses", False):
            outputs = self._ask_again(sources, outputs, reqs, via)
        if s == "hybrid" or (s == "constrain" and not self.uses_constrained_decoding):
            outputs = self._force_prefixes(sources, outputs, reqs, via)
            if s == "hybrid":
                outputs = self._repair(outputs, reqs, via)
        return [self._result(text, r, marks) for text, r, marks in zip(outputs, reqs, via)]

    # --- bookkeeping -----------------------------------------------------------------------------------

    def _mark(self, outputs, required, via, layer: str) -> None:
        """Set ``via`` for renderings that are present now and were not before; clear lost ones."""
        with _Clock(self.timings, "glossary_s"):
            for k, (text, reqs) in enumerate(zip(outputs, required)):
                if not reqs:
                    continue
                found = repair.presence(text, [r.th for r in reqs])
                for i, ok in enumerate(found):
                    if not ok:
                        via[k][i] = None
                    elif via[k][i] is None:
                        via[k][i] = layer

    @staticmethod
    def _result(text: str, reqs: list[Required], marks: list[str | None]) -> PieceResult:
        items = []
        for r, how in zip(reqs, marks):
            if how is None:
                status = MISSING
            elif how in (repair.VARIANT, repair.NEAR_MISS):
                status = REPAIRED
            else:
                status = ENFORCED
            items.append(Item(r.vi, r.th, r.kind, r.source, status, how))
        return PieceResult(text, items)

    # --- model calls -------------------------------------------------------------------------------------

    def _decode(
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
                    eos_token_ids=self._eos_ids(),
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

    def _eos_ids(self) -> list[int]:
        ids = {self.backend.tokenizer.eos_token_id}
        config = getattr(getattr(self.backend, "model", None), "generation_config", None)
        extra = getattr(config, "eos_token_id", None)
        if isinstance(extra, int):
            ids.add(extra)
        elif extra:
            ids.update(extra)
        return sorted(i for i in ids if i is not None)

    def _base_limits(self, texts: list[str]) -> list[int]:
        if self.max_new_tokens:
            return [self.max_new_tokens] * len(texts)
        return [2 * n + 10 for n in self.backend.count_tokens(texts)]

    def _target_len(self, text: str) -> int:
        """Target-side tokens of ``text`` (``verbose=False``: long prefixes are measured, not fed)."""
        enc = self.backend.tokenizer(text_target=[text], add_special_tokens=False, verbose=False)
        return len(enc["input_ids"][0])

    def _room(self, prefix_tokens: int = 0) -> int:
        """New tokens the model can still write after its start ids and a prefix."""
        return self.backend.max_target_tokens - len(self.backend.target_start_ids) - prefix_tokens - 1

    # --- constrain -----------------------------------------------------------------------------------

    def _token_constraints(self, reqs: list[Required]):
        from vnthai_mt.translate.constraints import TokenConstraint, make_constraint

        tok = self.backend.tokenizer
        counts: dict[str, int] = {}
        for r in reqs:
            counts[r.th] = counts.get(r.th, 0) + 1
        out = []
        for th, n in counts.items():
            if th not in self._forms:
                made = make_constraint(th, lambda s: self.backend.encode_targets([s])[0], tok)
                # Keep only forms that decode back to the rendering (tokenizer normalization aside).
                good = [i for i, f in enumerate(made.forms) if th in thai.normalize(self.backend.decode(list(f)))]
                good = good or list(range(len(made.forms)))
                self._forms[th] = TokenConstraint(th, tuple(made.forms[i] for i in good), 1,
                                                  tuple(made.commit[i] for i in good))
            base = self._forms[th]
            out.append(TokenConstraint(th, base.forms, n, base.commit))
        return out

    def _constrained(self, sources: list[str], required: list[list[Required]]) -> list[str]:
        with _Clock(self.timings, "glossary_s"):
            constraints = [self._token_constraints(r) if r else [] for r in required]
            base = self._base_limits(sources)
            limits: list[int | None] = []
            for cons, b in zip(constraints, base):
                need = sum(max(len(f) for f in c.forms) * c.count for c in cons)
                limit = max(b, need + 8) if cons else b
                limit = min(_round_up(limit), self._room())
                limits.append(max(1, limit))
        return self._decode(sources, limits=limits, constraints=constraints)

    # --- mask ------------------------------------------------------------------------------------------

    def _masked(self, sources: list[str], required: list[list[Required]], via) -> list[str]:
        with _Clock(self.timings, "glossary_s"):
            if self._template is None:
                self._template = placeholders.usable_template(self.backend.tokenizer)
            masked = [placeholders.mask(s, [(r.start, r.end) for r in reqs], self._template)
                      for s, reqs in zip(sources, required)]
        raw = self._decode([m.text for m in masked])
        outputs = []
        with _Clock(self.timings, "glossary_s"):
            for k, (out, m, reqs) in enumerate(zip(raw, masked, required)):
                order = sorted(range(len(reqs)), key=lambda i: (reqs[i].start, reqs[i].end))
                text, restored = placeholders.unmask(out, m, [reqs[i].th for i in order])
                text = thai.normalize(text)
                found = repair.presence(text, [r.th for r in reqs])
                for slot, i in enumerate(order):
                    via[k][i] = "mask" if restored[slot] and found[i] else None
                outputs.append(text)
        return outputs

    # --- repair ------------------------------------------------------------------------------------------

    def _repair(self, outputs: list[str], required: list[list[Required]], via) -> list[str]:
        with _Clock(self.timings, "glossary_s"):
            fixed = []
            for k, (text, reqs) in enumerate(zip(outputs, required)):
                if reqs and not all(via[k]):
                    text, how = repair.repair(text, reqs)
                    for i, h in enumerate(how):
                        if h is not None:
                            via[k][i] = h
                fixed.append(text)
        self._mark(fixed, required, via, "model")
        return fixed

    # --- ask again (instruction models) ------------------------------------------------------------------

    def _ask_again(self, sources, outputs, required, via) -> list[str]:
        """Ask the model again for sentences that still miss renderings, naming them in the prompt."""
        from vnthai_mt.translate.prompt import Hint

        outputs = list(outputs)
        for _ in range(ASK_AGAIN_ROUNDS):
            todo = [k for k, marks in enumerate(via) if required[k] and not all(marks)]
            if not todo:
                break
            misses = [[Hint(r.vi, r.th, r.kind) for r, how in zip(required[k], via[k]) if how is None]
                      for k in todo]
            t0 = time.perf_counter()
            with _quiet_backend():
                answers = self.backend.translate([sources[k] for k in todo], misses=misses,
                                                 num_beams=self.num_beams, max_new_tokens=self.max_new_tokens)
            self.timings.redecode_s += time.perf_counter() - t0
            self.timings.asked_again += len(todo)
            with _Clock(self.timings, "glossary_s"):
                for k, answer in zip(todo, answers):
                    answer = thai.normalize(answer)
                    before = sum(1 for m in via[k] if m)
                    fixed, how = repair.repair(answer, required[k])
                    found = repair.presence(fixed, [r.th for r in required[k]])
                    if sum(found) <= before:
                        continue  # not better: keep the first answer
                    outputs[k] = fixed
                    for i, ok in enumerate(found):
                        via[k][i] = (how[i] or "ask-again") if ok else None
        return outputs

    # --- prefix forcing ----------------------------------------------------------------------------------

    def _force_prefixes(self, sources, outputs, required, via) -> list[str]:
        outputs = list(outputs)
        locked = [0] * len(outputs)
        tries: list[dict[int, int]] = [{} for _ in outputs]
        max_rounds = 2 * max((len(r) for r in required), default=0) + 1
        for _ in range(max_rounds):
            with _Clock(self.timings, "glossary_s"):
                plan: list[tuple[int, int, str, int]] = []  # (sentence, requirement, prefix, prefix start)
                for k, reqs in enumerate(required):
                    missing = [i for i, how in enumerate(via[k]) if how is None and tries[k].get(i, 0) < 2]
                    if not missing:
                        continue
                    i = min(missing, key=lambda j: reqs[j].start)
                    prefix, head_len = self._prefix_for(sources[k], outputs[k], reqs, via[k], i, locked[k])
                    if prefix is None:
                        tries[k][i] = 99
                        continue
                    tries[k][i] = tries[k].get(i, 0) + 1
                    plan.append((k, i, prefix, head_len))
            if not plan:
                break
            self.timings.rounds += 1
            self.timings.redecoded += len(plan)
            texts = [sources[k] for k, _, _, _ in plan]
            prefixes = [p for _, _, p, _ in plan]
            with _Clock(self.timings, "glossary_s"):
                n_prefix = [self._target_len(p) for p in prefixes]
                base = self._base_limits(texts)
                # The rest of the sentence's budget after the prefix; a few tokens at least, so that a
                # prefix already over budget (a verbose or garbled output) does not keep growing.
                limits = [max(1, min(_round_up(max(_CONTINUATION_FLOOR, b - n), 8), self._room(n)))
                          for b, n in zip(base, n_prefix)]
            with _quiet_backend():
                # Continuations are cut to the sentence's budget on purpose; no "output limit" warnings.
                new = self._decode(texts, prefixes=prefixes, limits=limits, field_name="redecode_s")
            with _Clock(self.timings, "glossary_s"):
                for (k, i, _prefix, head_len), text in zip(plan, new):
                    th = required[k][i].th
                    at = text.find(th, max(0, head_len - 3))
                    if at < 0:
                        at = text.find(th)
                    if at >= 0:
                        locked[k] = at + len(th)
                    outputs[k] = text
            self._mark([outputs[k] for k, *_ in plan], [required[k] for k, *_ in plan],
                       [via[k] for k, *_ in plan], "prefix")
        return outputs

    def _prefix_for(self, source: str, output: str, reqs: list[Required], marks, i: int,
                    locked: int) -> tuple[str | None, int]:
        """The target prefix that forces requirement ``i`` in at its place, and where its head ends."""
        req = reqs[i]
        present = [r.th for r, how in zip(reqs, marks) if how is not None]
        protected = claimed_spans(output, present)
        want = int(len(output) * req.start / max(1, len(source)))
        cuts = [c for c in repair._boundaries(output)
                if c >= locked and not any(a < c < b for a, b in protected)] or [len(output)]
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
            room = self._room(self._target_len(prefix))
            if room >= _MIN_CONTINUATION:
                return prefix, len(thai.normalize(head))
            smallest = (prefix, len(thai.normalize(head)), room)
        if smallest is not None and smallest[2] >= 1:
            return smallest[0], smallest[1]  # the rendering fits, the end of the sentence may not
        return None, 0


ASK_AGAIN_ROUNDS = 1  # instruction models: requests naming the misses before prefix forcing
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
