"""Constrained decoding: the per-hypothesis state machine, the logits processor on its own (a fake
decoder with random scores), and inside the tiny model's greedy and beam search with batches."""

from __future__ import annotations

import random

import pytest
import torch
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.evaluation.terms import find_renderings
from vnthai_mt.text import thai
from vnthai_mt.translate.constraints import (
    ConstrainedDecoding,
    ConstraintSet,
    TokenConstraint,
    make_constraint,
    make_processor_factory,
    token_forms,
)

EOS = 0
VOCAB = 12


def _c(label: str, *forms: tuple[int, ...], count: int = 1, commit: tuple[int, ...] = ()) -> TokenConstraint:
    return TokenConstraint(label, tuple(forms), count, commit)


def test_state_tracks_progress_and_completion():
    cset = ConstraintSet([_c("a", (3, 4, 5)), _c("b", (7,))])
    s = cset.replay([1, 3, 4])
    assert cset.in_progress(s) and not cset.finished(s)
    assert cset.continuations(s) == {5}
    s = cset.advance(s, 5)
    assert not cset.in_progress(s) and cset.tokens_needed(s) == 1
    assert 7 in cset.start_tokens(s)
    s = cset.advance(s, 7)
    assert cset.finished(s)
    assert cset.tokens_needed(s) == 0


def test_longer_constraint_sharing_a_prefix_wins():
    # "ประธาน" (3 4) inside "ประธานคณะ" (3 4 5): completing the long one must not also count the short.
    cset = ConstraintSet([_c("short", (3, 4)), _c("long", (3, 4, 5))])
    s = cset.replay([3, 4])
    # Stopping here leaves long (3 tokens); going on with long gives up short (1 + 2 tokens).
    assert cset.in_progress(s) and cset.tokens_needed(s) == 3
    s = cset.advance(s, 5)
    assert not cset.finished(s) and cset.tokens_needed(s) == 2  # long done; short needs its own
    assert cset.finished(cset.replay([3, 4, 5, 3, 4]))


def test_a_constraint_is_forced_only_once_begun_far_enough():
    cset = ConstraintSet([_c("name", (3, 4, 5, 6), commit=(3,))])
    s = cset.replay([3])
    assert cset.in_progress(s) and not cset.committed(s)  # "▁เ" alone: the model may still write another word
    assert not cset.in_progress(cset.replay([3, 8]))  # it did: the constraint is simply not begun
    assert cset.committed_continuations(cset.replay([3, 4, 5])) == {6}


def test_counts_and_alternative_forms():
    cset = ConstraintSet([_c("x", (3, 4), (9,), count=2)])
    assert cset.finished(cset.replay([9, 1, 3, 4]))
    assert not cset.finished(cset.replay([9, 1, 3]))


def test_overlapping_readings_are_all_kept():
    # Token 1 alone is c0 or c1; 1 1 is c1's long form. Reading 1 1 as c0 + c1 must stay possible.
    cset = ConstraintSet([_c("c0", (1,)), _c("c1", (1,), (1, 1))])
    assert cset.finished(cset.replay([1, 1]))


def _fake_decode(constraints, max_new, seed, start=(1,)):
    """Greedy decoding with random scores, through the processor; returns the generated ids."""
    rng = random.Random(seed)
    proc = ConstrainedDecoding([constraints], num_beams=1, start_len=len(start), max_new_tokens=max_new,
                               eos_token_ids=[EOS], allocation="none")
    seq = list(start)
    for _ in range(max_new):
        scores = torch.tensor([[rng.gauss(0, 1) for _ in range(VOCAB)]])
        scores[0, EOS] += 1.5  # the model would like to stop early
        out = proc(torch.tensor([seq]), scores)
        tok = int(out[0].argmax())
        seq.append(tok)
        if tok == EOS:
            break
    return seq[len(start):]


def _present(generated, constraints) -> bool:
    text = "".join(chr(0x41 + t) for t in generated if t != EOS)
    wanted = [("".join(chr(0x41 + t) for t in c.forms[0])) for c in constraints for _ in range(c.count)]
    return all(find_renderings(text, wanted))


@settings(max_examples=60, deadline=None)
@given(
    forms=st.lists(st.lists(st.integers(1, VOCAB - 1), min_size=1, max_size=4), min_size=1, max_size=3),
    slack=st.integers(0, 6),
    seed=st.integers(0, 10_000),
    commits=st.lists(st.integers(1, 4), min_size=3, max_size=3),
)
def test_every_constraint_appears_whatever_the_scores(forms, slack, seed, commits):
    constraints = [_c(f"c{i}", tuple(f), commit=(min(c, len(f)),)) for i, (f, c) in enumerate(zip(forms, commits))]
    needed = sum(len(f) for f in forms)
    generated = _fake_decode(constraints, needed + slack, seed)
    text = generated[: generated.index(EOS)] if EOS in generated else generated
    # End of sentence only once everything is written, and everything is written in time.
    assert ConstraintSet(constraints).finished(ConstraintSet(constraints).replay(text))
    # As text: with tokens no two constraints share, each one is found by the evaluator's matching.
    # (With shared tokens a string-level matcher may pair pieces differently; the pipeline checks
    # the text and re-decodes what it does not find.)
    if len({t for f in forms for t in f}) == sum(len(set(f)) for f in forms):
        assert _present(text, constraints)


@settings(max_examples=60, deadline=None)
@given(
    forms=st.lists(
        st.lists(st.lists(st.integers(1, VOCAB - 1), min_size=1, max_size=4), min_size=1, max_size=2),
        min_size=1, max_size=3),
    counts=st.lists(st.integers(1, 2), min_size=3, max_size=3),
    slack=st.integers(0, 4),
    seed=st.integers(0, 10_000),
)
def test_alternative_forms_and_repeats_meet_the_deadline(forms, counts, slack, seed):
    constraints = [TokenConstraint(f"c{i}", tuple(tuple(f) for f in fs), n, tuple(min(2, len(f)) for f in fs))
                   for i, (fs, n) in enumerate(zip(forms, counts))]
    needed = sum(max(len(f) for f in fs) * n for fs, n in zip(forms, counts))
    generated = _fake_decode(constraints, needed + slack, seed)
    text = generated[: generated.index(EOS)] if EOS in generated else generated
    cset = ConstraintSet(constraints)
    assert cset.finished(cset.replay(text))


def test_no_constraints_leaves_scores_alone():
    proc = ConstrainedDecoding([[]], num_beams=1, start_len=1, max_new_tokens=5, eos_token_ids=[EOS])
    scores = torch.randn(1, VOCAB)
    assert torch.equal(proc(torch.tensor([[1]]), scores.clone()), scores)


# --- with the tiny model -----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def hf_backend(tiny_nllb):
    from vnthai_mt.translate.backends import load_backend

    threads = torch.get_num_threads()
    torch.set_num_threads(1)  # tiny matrices: extra threads only wait on each other
    yield load_backend(str(tiny_nllb), "transformers", device="cpu", num_beams=1)
    torch.set_num_threads(threads)


TERMS = [
    ["เหงียน คัก เถิ่น", "ประธาน", "คณะกรรมการประชาชนจังหวัด"],
    ["ประธาน", "ประธาน", "รองประธาน"],
    [],
    ["ท้ายบิ่ญ"],
]
SOURCES = ["Nguyễn Khắc Thận, Chủ tịch UBND tỉnh", "Chủ tịch và Chủ tịch, Phó Chủ tịch",
           "Các đơn vị trong cụm", "tại thành phố Thái Bình"]


def _constraints(backend, terms):
    counts: dict[str, int] = {}
    for t in terms:
        counts[t] = counts.get(t, 0) + 1
    return [make_constraint(t, lambda s: backend.encode_targets([s])[0], backend.tokenizer, n)
            for t, n in counts.items()]


@pytest.mark.parametrize("beams,allocation", [(1, "none"), (3, "banks"), (3, "none")])
def test_tiny_model_batch_contains_every_rendering(hf_backend, beams, allocation):
    made = []

    def factory(indices):
        procs = make_processor_factory(
            [_constraints(hf_backend, TERMS[i]) for i in range(len(TERMS))],
            num_beams=beams, start_len=len(hf_backend.target_start_ids), max_new_tokens=40,
            eos_token_ids=[hf_backend.tokenizer.eos_token_id], allocation=allocation,
        )(indices)
        made.extend(procs)
        return procs

    out = hf_backend.translate(SOURCES, logits_processors=factory, num_beams=beams, max_new_tokens=40)
    for text, terms in zip(out, TERMS):
        assert all(find_renderings(thai.normalize(text), terms)), (text, terms)
    assert made and all(p.lost == 0 for p in made)  # beam search kept exactly the offered hypotheses


def test_token_forms_offer_a_form_without_the_word_boundary(hf_backend):
    forms = token_forms("ประธาน", lambda s: hf_backend.encode_targets([s])[0], hf_backend.tokenizer)
    assert len(forms) == 2
    for form in forms:
        assert "ประธาน" in thai.normalize(hf_backend.decode(list(form)))
