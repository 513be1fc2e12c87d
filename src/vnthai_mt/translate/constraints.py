"""Lexically constrained decoding: every required Thai rendering appears in the output.

Transformers 5 dropped its constrained beam search and CTranslate2 never had one, so this module
implements it as a ``transformers`` ``LogitsProcessor`` that works with greedy search and with the
library's own vectorized beam search, for batches of any size. Ideas taken from:

- Post & Vilar (2018), "Fast lexically constrained decoding with dynamic beam allocation", and Hu et
  al. (2019), "Improved lexically constrained decoding for translation and monolingual rewriting"
  (fairseq ``token_generation_constraints.py`` / ``LexicallyConstrainedBeamSearch``): a hypothesis
  carries a small state (which constraints it has met, which it is in the middle of); candidates are
  the model's best continuations plus the next constraint tokens of every hypothesis; the beam is
  shared out across *banks* (hypotheses grouped by how many constraint tokens they have produced), so
  that a hypothesis that paid for a constraint early is not pruned by one that has not paid yet.

How the guarantees are kept, whatever the model's scores:

1. Once a hypothesis has begun an unmet constraint, it must continue that constraint (only the
   continuation tokens stay selectable) until it is complete. "Begun" means its first pieces spell
   at least three letters (``COMMIT_CHARS``; or the whole rendering is shorter): a lone ``▁เ`` or
   ``ก`` begins too many ordinary words to hijack them, ``เหง`` is on its way to เหงียน.
2. End of sentence is blocked while a constraint is unmet.
3. A deadline: when the tokens still allowed (max length - current length) are just enough to write
   the unmet constraints, the hypothesis must start one now. With room for every constraint, every
   finished hypothesis therefore contains all of them (the caller sizes ``max_new_tokens``).

A constraint may have several token forms (the backend tokenizer writes a Thai word with or without
the word-boundary piece ``▁`` depending on context); completing any form meets it. A rendering
required twice is one constraint with ``count=2``. When a shorter constraint completes while a longer
one sharing its tokens is still being written (ประธาน inside ประธานคณะกรรมการ...), the longer one
wins, as in the evaluator's longest-first matching (``evaluation.terms.find_renderings``).

Bank allocation (``allocation="banks"``, beam search only): Transformers' beam search keeps the top
``2 * num_beams`` of ``running score + processed log-prob`` over all beams. The processor tracks each
hypothesis' running score itself (it sums the scores it returns along the hypothesis' path), picks
the ``num_beams`` survivors per sentence the DBA way (best of each bank in turn), and leaves only
those (plus end-of-sentence candidates) selectable, so the library's own top-k returns exactly them.

What each backend supports: the ``transformers`` backend runs this processor (greedy and beam). The
``ctranslate2`` backend has no per-step Python hook; there the pipeline forces renderings in with
target prefixes instead (``translate.enforce``).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import torch
from transformers import LogitsProcessor

from vnthai_mt.translate.vocabulary import ALLOCATIONS

NEG_INF = -math.inf
# A forced token the model scored -inf (another processor banned it) still has to stay selectable.
_FLOOR = -1e4
_DEAD = -1e8  # running scores at or below this belong to the placeholder beams of the first step


@dataclass(frozen=True)
class TokenConstraint:
    """One required rendering as target-side token sequences (any form meets it), ``count`` times."""

    label: str
    forms: tuple[tuple[int, ...], ...]
    count: int = 1
    # Per form: tokens after which the constraint counts as started (and must be finished); 1 if empty.
    commit: tuple[int, ...] = ()

    @property
    def min_len(self) -> int:
        return min(len(f) for f in self.forms)


COMMIT_CHARS = 3  # letters of a rendering written before it counts as started


def make_constraint(text: str, encode: Callable[[str], list[int]], tokenizer, count: int = 1) -> TokenConstraint:
    """The constraint for one rendering: its token forms and where each form counts as started.

    A form counts as started once its pieces spell at least ``COMMIT_CHARS`` letters (or it is
    complete): a first piece such as ``▁เ`` or ``ก`` begins too many ordinary words to force the
    rest of a name after it, while ``เหง`` is clearly on its way to เหงียน.
    """
    forms = token_forms(text, encode, tokenizer)
    commit = []
    for form in forms:
        pieces = tokenizer.convert_ids_to_tokens(list(form))
        letters, at = 0, len(form)
        for i, piece in enumerate(pieces, start=1):
            letters += len(str(piece).replace("\u2581", ""))
            if letters >= COMMIT_CHARS:
                at = i
                break
        commit.append(at)
    return TokenConstraint(text, forms, count, tuple(commit))


def token_forms(text: str, encode: Callable[[str], list[int]], tokenizer) -> tuple[tuple[int, ...], ...]:
    """Token sequences that write ``text``: as encoded alone, and without its leading ``▁`` piece.

    Thai has no spaces between words, so inside a sentence the model usually writes a word without
    the word-boundary marker that encoding the word alone puts in front of it.
    """
    ids = tuple(encode(text))
    if not ids:
        return ()
    forms = [ids]
    first = tokenizer.convert_ids_to_tokens(ids[0])
    alt: tuple[int, ...] = ()
    if isinstance(first, str) and first.startswith("\u2581"):
        if first == "\u2581":
            alt = ids[1:]
        else:
            rest_id = tokenizer.convert_tokens_to_ids(first[1:])
            if rest_id is not None and rest_id != getattr(tokenizer, "unk_token_id", None):
                alt = (int(rest_id), *ids[1:])
    if alt and alt != ids:
        forms.append(alt)
    return tuple(forms)


# --- per-hypothesis state -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Parse:
    """One reading of a hypothesis' tokens. ``met[c]``: occurrences of constraint c completed;
    ``partial``: (constraint, form, tokens matched) being written; ``pending``: a constraint completed
    inside a longer one still being written (it counts if the longer one breaks off; if the longer
    one completes, it claims the shared tokens)."""

    met: tuple[int, ...]
    partial: tuple[tuple[int, int, int], ...] = ()
    pending: int | None = None


@dataclass(frozen=True)
class State:
    """Progress of one hypothesis: the readings of its tokens still possible (usually one). A token
    that both continues a constraint and, read afresh, starts or completes another one keeps both
    readings, so overlapping renderings never make the tracker miss a way to meet them all."""

    parses: tuple[Parse, ...]


MAX_PARSES = 16


class ConstraintSet:
    """The constraints of one sentence and the transitions of its hypotheses' states."""

    def __init__(self, constraints: Sequence[TokenConstraint]) -> None:
        self.constraints = [c for c in constraints if c.forms and c.count > 0]
        self._commit = [c.commit if len(c.commit) == len(c.forms) else (1,) * len(c.forms)
                        for c in self.constraints]
        self._starts: dict[int, list[tuple[int, int]]] = {}
        for ci, c in enumerate(self.constraints):
            for fi, form in enumerate(c.forms):
                self._starts.setdefault(form[0], []).append((ci, fi))
        self.initial = State((Parse(tuple(0 for _ in self.constraints)),))
        # Hypotheses share states all the time (most are in the same few): memoize per state.
        self._memo: dict[tuple, object] = {}

    def __bool__(self) -> bool:
        return bool(self.constraints)

    def _form(self, ci: int, fi: int) -> tuple[int, ...]:
        return self.constraints[ci].forms[fi]

    # --- transitions ---

    def _cached(self, key: tuple, compute):
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = compute()
            return value

    def advance(self, state: State, token: int) -> State:
        """The state after ``token``."""
        return self._cached(("adv", state, token), lambda: self._state(
            [q for parse in state.parses for q in self._advance(parse, token)]))

    def _credited(self, parse: Parse) -> tuple[int, ...]:
        return parse.met if parse.pending is None else self._complete(parse.met, parse.pending)

    def _state(self, parses: list[Parse]) -> State:
        unique = list(dict.fromkeys(parses))
        if len(unique) > 1:
            # A reading with nothing in progress is redundant when another one has met at least as much.
            def dominated(p: Parse) -> bool:
                return not p.partial and p.pending is None and any(
                    q is not p and all(a >= b for a, b in zip(self._credited(q), p.met)) for q in unique)

            kept = [p for p in unique if not dominated(p)]
            unique = kept or unique[:1]
        if len(unique) > MAX_PARSES:
            unique.sort(key=lambda p: (self._needed(p), -self._bank(p)))
            unique = unique[:MAX_PARSES]
        return State(tuple(unique))

    def _advance(self, parse: Parse, token: int) -> list[Parse]:
        out: list[Parse] = []
        if parse.partial:
            alive = [(ci, fi, p + 1) for ci, fi, p in parse.partial if self._form(ci, fi)[p] == token]
            if alive:
                out.extend(self._settle(parse.met, alive, parse.pending))
        # Read afresh: whatever was being written breaks off here (a pending completion counts).
        out.extend(self._start(self._break(parse), token))
        return out

    def _start(self, parse: Parse, token: int) -> list[Parse]:
        unmet = set(self._unmet(parse))
        started = [(ci, fi, 1) for ci, fi in self._starts.get(token, ()) if ci in unmet]
        if not started:
            return [parse]
        return self._settle(parse.met, started, None)

    def _settle(self, met: tuple[int, ...], alive: list[tuple[int, int, int]], pending: int | None) -> list[Parse]:
        done = list(dict.fromkeys(ci for ci, fi, p in alive if p == len(self._form(ci, fi))))
        longer = [(ci, fi, p) for ci, fi, p in alive if p < len(self._form(ci, fi))]
        if not done:
            return [Parse(met, tuple(longer), pending)]
        out = []
        for ci in done:  # one reading per constraint the completed tokens may stand for
            rest = [x for x in longer if x[0] != ci]  # another form of the same one gains nothing
            out.append(Parse(met, tuple(rest), ci) if rest else Parse(self._complete(met, ci)))
        return out

    def _complete(self, met: tuple[int, ...], ci: int) -> tuple[int, ...]:
        return met[:ci] + (met[ci] + 1,) + met[ci + 1:]

    def _break(self, parse: Parse) -> Parse:
        if not parse.partial:
            return parse
        return Parse(parse.met if parse.pending is None else self._complete(parse.met, parse.pending))

    def break_off(self, state: State) -> State:
        """The state if the next token continues no constraint (pending completions count)."""
        return self._cached(("brk", state), lambda: self._state([self._break(p) for p in state.parses]))

    def replay(self, tokens: Sequence[int]) -> State:
        state = self.initial
        for tok in tokens:
            state = self.advance(state, int(tok))
        return state

    # --- queries ---

    def _unmet(self, parse: Parse) -> list[int]:
        return [ci for ci, c in enumerate(self.constraints) if parse.met[ci] < c.count]

    def finished(self, state: State) -> bool:
        """Every constraint met if the hypothesis stopped here (a constraint merely begun is dropped)."""
        return self._cached(("fin", state), lambda: any(not self._unmet(self._break(p)) for p in state.parses))

    def in_progress(self, state: State) -> bool:
        return any(p.partial for p in state.parses)

    def committed(self, state: State) -> bool:
        """Whether the hypothesis has begun a constraint far enough that it must finish it."""
        return bool(self.committed_continuations(state))

    def committed_continuations(self, state: State) -> frozenset[int]:
        return self._cached(("com", state), lambda: frozenset(
            self._form(ci, fi)[p] for parse in state.parses for ci, fi, p in parse.partial
            if p >= self._commit[ci][fi]))

    def continuations(self, state: State) -> frozenset[int]:
        return self._cached(("con", state), lambda: frozenset(
            self._form(ci, fi)[p] for parse in state.parses for ci, fi, p in parse.partial))

    def start_tokens(self, state: State) -> frozenset[int]:
        def compute():
            unmet = {ci for parse in state.parses for ci in self._unmet(parse)}
            return frozenset(tok for tok, entries in self._starts.items() if any(ci in unmet for ci, _ in entries))

        return self._cached(("sta", state), compute)

    def tokens_needed(self, state: State) -> int:
        """Fewest tokens that complete every unmet constraint from ``state``."""
        return self._cached(("need", state), lambda: min(self._needed(p) for p in state.parses))

    def _needed(self, parse: Parse) -> int:
        # Going on with a longer constraint gives up a pending one; breaking off keeps it.
        remaining = [c.count - m for c, m in zip(self.constraints, parse.met)]
        broken = list(remaining)
        if parse.pending is not None:
            broken[parse.pending] -= 1
        best = self._sum_needed(broken)
        for ci, fi, p in parse.partial:
            left = list(remaining)
            left[ci] -= 1
            best = min(best, len(self._form(ci, fi)) - p + self._sum_needed(left))
        return best

    def _sum_needed(self, remaining: list[int]) -> int:
        return sum(max(0, r) * c.min_len for r, c in zip(remaining, self.constraints))

    def bank(self, state: State) -> int:
        """Constraint tokens produced so far (the DBA bank)."""
        return self._cached(("bank", state), lambda: max(self._bank(p) for p in state.parses))

    def _bank(self, parse: Parse) -> int:
        done = sum(min(m, c.count) * c.min_len for m, c in zip(parse.met, self.constraints))
        if parse.pending is not None:
            done += self.constraints[parse.pending].min_len
        return done + max((p for _, _, p in parse.partial), default=0)


# --- the logits processor -------------------------------------------------------------------------------


class ConstrainedDecoding(LogitsProcessor):
    """Force each sentence's constraints into every hypothesis (see the module docstring).

    constraints: one list per sentence of the batch, in batch order (rows ``b * num_beams`` ..
      ``b * num_beams + num_beams - 1`` of ``input_ids`` belong to sentence b).
    start_len: decoder tokens before the text (decoder start, language token); tokens after them,
      including a forced target prefix, count towards the constraints.
    max_new_tokens: the generation limit after the ids present at the first call (for the deadline).
    allocation: "banks" (dynamic beam allocation, beam search) or "none" (masking only).
    """

    def __init__(
        self,
        constraints: Sequence[Sequence[TokenConstraint]],
        *,
        num_beams: int,
        start_len: int,
        max_new_tokens: int,
        eos_token_ids: Sequence[int],
        allocation: str = "banks",
    ) -> None:
        if allocation not in ALLOCATIONS:
            raise ValueError(f"unknown allocation {allocation!r}")
        self.sets = [ConstraintSet(c) for c in constraints]
        self.num_beams = max(1, num_beams)
        self.start_len = start_len
        self.max_new_tokens = max_new_tokens
        self.eos = sorted({int(e) for e in eos_token_ids if e is not None})
        self.banks = allocation == "banks" and self.num_beams > 1
        self.max_len: int | None = None
        # Hypotheses of the previous step: key (sentence, token ids) -> (state, running score, row).
        self._prev: dict[tuple[int, tuple[int, ...]], tuple[State, float, int]] = {}
        self._prev_scores: torch.Tensor | None = None
        self.calls = 0
        self.lost = 0

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.Tensor:
        rows, cur_len = input_ids.shape
        k = self.num_beams
        if rows != len(self.sets) * k:
            raise ValueError(f"{rows} rows for {len(self.sets)} sentences x {k} beams")
        first = self.max_len is None
        if self.max_len is None:
            self.max_len = cur_len + self.max_new_tokens
        self.calls += 1
        ids = input_ids.tolist()
        states, running = self._states(ids, first)

        # Tokens left after this one; a choice must leave room for the constraints still unwritten.
        room = self.max_len - cur_len - 1
        forced_rows: list[int] = []
        keep_r: list[int] = []
        keep_t: list[int] = []
        ban_r: list[int] = []
        ban_t: list[int] = []
        block_eos: list[int] = []
        for r, state in enumerate(states):
            if state is None:
                continue
            cset = self.sets[r // k]
            if not cset.finished(state):
                block_eos.append(r)
            if cset.finished(state) and not cset.in_progress(state):
                continue
            cont = cset.continuations(state)
            starts = cset.start_tokens(cset.break_off(state))
            check = cont | starts
            fits = {t for t in check if cset.tokens_needed(cset.advance(state, t)) <= room}
            # What any other token would leave to write (breaking off a constraint not yet begun).
            free_need = cset.tokens_needed(cset.break_off(state))
            committed = cset.committed_continuations(state)
            if committed:
                # Continue the constraint begun (unless only another reading still meets everything).
                allowed = (fits & committed) or fits or committed
            elif free_need > room:
                allowed = fits or check  # the deadline: go on with one or start one now
            else:
                allowed = set()
                bad = sorted(check - fits)  # starting (or going on with) these would overrun
                ban_r.extend([r] * len(bad))
                ban_t.extend(bad)
            if allowed:
                forced_rows.append(r)
                toks = sorted(allowed)
                keep_r.extend([r] * len(toks))
                keep_t.extend(toks)
        out: torch.Tensor = scores
        if forced_rows or block_eos or ban_r:
            # A handful of indexed writes per step, whatever the batch size (cheap on a GPU too). In
            # place: generate() hands every processor a fresh tensor and keeps only what it returns,
            # and a copy of (rows x vocabulary) scores per step would cost more than the masking.
            dev = scores.device
            if block_eos and self.eos:
                out[torch.tensor(block_eos, device=dev)[:, None], torch.tensor(self.eos, device=dev)] = NEG_INF
            if ban_r:
                out[torch.tensor(ban_r, device=dev), torch.tensor(ban_t, device=dev)] = NEG_INF
            if forced_rows:
                kr, kt = torch.tensor(keep_r, device=dev), torch.tensor(keep_t, device=dev)
                values = out[kr, kt].clamp(min=_FLOOR)
                out[torch.tensor(forced_rows, device=dev)] = NEG_INF
                out[kr, kt] = values
        if self.banks:
            out = self._allocate(out, states, running)
        self._remember(ids, states, running, out)
        return out

    # -- bookkeeping --

    def _states(self, ids: list[list[int]], first: bool) -> tuple[list[State | None], list[float]]:
        """Each row's state and running score, from its parent hypothesis of the previous step."""
        k = self.num_beams
        states: list[State | None] = [None] * len(ids)
        running = [0.0] * len(ids)
        parents: list[tuple[int, State, float, int]] = []  # (row, parent state, parent score, parent row)
        for r, seq in enumerate(ids):
            cset = self.sets[r // k]
            if not cset or any(t in self.eos for t in seq[self.start_len:]):
                continue  # no constraints, or finished (greedy keeps finished rows in the batch)
            if first:
                # Beam search starts with num_beams copies of one hypothesis; only the first is live.
                states[r] = cset.replay(seq[self.start_len:])
                running[r] = 0.0 if r % k == 0 else 2 * _DEAD
                continue
            parent = self._prev.get((r // k, tuple(seq[:-1])))
            if parent is None or self._prev_scores is None:
                self.lost += 1  # a hypothesis this processor did not offer (another processor's doing)
                states[r] = cset.replay(seq[self.start_len:])
                running[r] = 2 * _DEAD
                continue
            state, score, prow = parent
            states[r] = cset.advance(state, seq[-1])
            parents.append((r, state, score, prow))
        if parents:
            assert self._prev_scores is not None  # parents are only found when the last scores were kept
            dev = self._prev_scores.device
            rows_t = torch.tensor([p[3] for p in parents], device=dev)
            toks = torch.tensor([ids[p[0]][-1] for p in parents], device=dev)
            steps = self._prev_scores[rows_t, toks].tolist()  # one transfer for the whole batch
            for (r, _, score, _), step in zip(parents, steps):
                running[r] = score + step
        return states, running

    def _remember(self, ids, states, running, out) -> None:
        self._prev = {}
        for r, state in enumerate(states):
            if state is not None:
                self._prev[(r // self.num_beams, tuple(ids[r]))] = (state, running[r], r)
        # Only what the next step reads: the scores of this step (a reference, not a copy).
        self._prev_scores = out if self._prev else None

    # -- dynamic beam allocation --

    def _allocate(self, out: torch.Tensor, states: list[State | None], running: list[float]) -> torch.Tensor:
        k = self.num_beams
        vocab = out.shape[1]
        dev = out.device
        groups = [b for b, cset in enumerate(self.sets)
                  if cset and all(states[r] is not None for r in range(b * k, (b + 1) * k))
                  and any(running[r] > _DEAD for r in range(b * k, (b + 1) * k))]
        if not groups:
            return out
        acc = torch.tensor(running, dtype=out.dtype, device=dev)
        total = out + acc[:, None]
        # The model's candidates for all sentences at once: top 2k per sentence, best per hypothesis.
        n_top = min(2 * k, k * vocab)
        top = total.view(len(self.sets), k * vocab).topk(n_top, dim=1)
        top_idx, top_val = top.indices.tolist(), top.values.tolist()
        best = total.argmax(dim=1).tolist()
        eos = set(self.eos)
        known = {r: state for r, state in enumerate(states) if state is not None}  # every row of a group
        cands: dict[int, set[tuple[int, int]]] = {}
        for b in groups:
            live = [r for r in range(b * k, (b + 1) * k) if running[r] > _DEAD]
            found = {(b * k + flat // vocab, flat % vocab) for flat, v in zip(top_idx[b], top_val[b]) if v > NEG_INF}
            cset = self.sets[b]
            for r in live:
                found.add((r, best[r]))
                state = known[r]
                extra = cset.continuations(state) | cset.start_tokens(cset.break_off(state))
                found.update((r, t) for t in extra)
            cands[b] = {(r, t) for r, t in found if r in live and t not in eos}
        flat = [(r, t) for b in groups for r, t in sorted(cands[b])]
        values = total[torch.tensor([r for r, _ in flat], device=dev), torch.tensor([t for _, t in flat], device=dev)]
        value_of = dict(zip(flat, values.tolist()))
        keep: list[tuple[int, int]] = []
        for b in groups:
            cset = self.sets[b]
            scored = [(cset.bank(cset.advance(known[r], t)), value_of[(r, t)], r, t)
                      for r, t in cands[b] if value_of[(r, t)] > NEG_INF]
            # Best of each bank first (highest bank first), then the second best of each, and so on.
            scored.sort(key=lambda x: (-x[0], -x[1]))
            stripe: dict[int, int] = {}
            ranked = []
            for bank, value, r, t in scored:
                rank = stripe.get(bank, 0)
                stripe[bank] = rank + 1
                ranked.append((rank, -bank, -value, r, t))
            ranked.sort()
            keep.extend((r, t) for *_, r, t in ranked[:k])
        # Leave only the survivors (and end-of-sentence candidates) selectable in these sentences' rows.
        handled = torch.tensor([r for b in groups for r in range(b * k, (b + 1) * k)], device=dev)
        kr = torch.tensor([r for r, _ in keep], device=dev, dtype=torch.long)
        kt = torch.tensor([t for _, t in keep], device=dev, dtype=torch.long)
        kept = out[kr, kt]
        eos_idx = torch.tensor(self.eos, device=dev, dtype=torch.long)
        eos_kept = out[handled[:, None], eos_idx] if self.eos else None
        out[handled] = NEG_INF
        out[kr, kt] = kept
        if eos_kept is not None:
            out[handled[:, None], eos_idx] = eos_kept
        return out


def make_processor_factory(
    constraints: Sequence[Sequence[TokenConstraint]],
    *,
    num_beams: int,
    start_len: int,
    max_new_tokens: int,
    eos_token_ids: Sequence[int],
    allocation: str = "banks",
    stats: dict | None = None,
) -> Callable[[list[int]], list[LogitsProcessor]]:
    """A per-batch factory for ``Backend.translate(logits_processors=...)``: the backend calls it with
    the indices of the batch's texts; batches without constraints get no processor."""

    def factory(indices: list[int]) -> list[LogitsProcessor]:
        batch = [constraints[i] for i in indices]
        if not any(batch):
            return []
        proc = ConstrainedDecoding(
            batch,
            num_beams=num_beams,
            start_len=start_len,
            max_new_tokens=max_new_tokens,
            eos_token_ids=eos_token_ids,
            allocation=allocation,
        )
        return [_Timed(proc, stats)] if stats is not None else [proc]

    return factory


class _Timed(LogitsProcessor):
    """Adds the wall time spent inside the wrapped processor to ``stats['constrain_s']``."""

    def __init__(self, inner: LogitsProcessor, stats: dict) -> None:
        self.inner = inner
        self.stats = stats

    def __call__(self, input_ids, scores):
        import time

        t0 = time.perf_counter()
        try:
            return self.inner(input_ids, scores)
        finally:
            self.stats["constrain_s"] = self.stats.get("constrain_s", 0.0) + time.perf_counter() - t0
