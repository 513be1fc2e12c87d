"""Speed paths of issue 18: the Thai output vocabulary (CTranslate2 vmap, sliced Transformers output
layer) gives the full vocabulary's greedy output when that output uses only kept pieces; prefix forcing
several renderings per round; enforcement steps compose; thread settings; the GPU check."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from vnthai_mt.translate import thai_vocab as tv

TEXTS = ["Thủ tướng Phạm Minh Chính thăm Lào.", "Xin chào các bạn", "", "Hà Nội có mưa lớn vào chiều nay."]


def test_pieces_kept_by_shape():
    for piece in ("▁ประเทศ", "ไทย", "▁2024", "๒๕๖๗", "▁(", "“", "▁AS", "▁A", "▁19"):
        assert tv.keep_by_shape(piece), piece
    for piece in ("▁Nguyễn", "▁government", "ства", "▁中国", "▁tiếng"):
        assert not tv.keep_by_shape(piece), piece


@settings(deadline=None, max_examples=40)
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Zs", "Cc", "Zl", "Zp")),
                        min_size=1, max_size=6), max_size=20))
def test_vmap_round_trip(pieces):
    import tempfile

    pieces = [p for p in pieces if not any(c.isspace() for c in p)]
    with tempfile.TemporaryDirectory() as tmp:
        tv.write_vmap(tmp, pieces)
        assert tv.read_vmap(tmp) == list(dict.fromkeys(pieces))


def test_vmap_refuses_pieces_with_spaces(tmp_path):
    with pytest.raises(ValueError, match="spaces"):
        tv.write_vmap(tmp_path, ["a b"])
    assert tv.read_vmap(tmp_path) is None


def _ct2_output_pieces(backend, texts):
    tok = backend.tokenizer
    source = [tok.convert_ids_to_tokens(ids) for ids in backend.encode_sources(texts)]
    start = tok.convert_ids_to_tokens(backend.target_start_ids)
    res = backend.translator.translate_batch(source, target_prefix=[start] * len(texts), beam_size=1,
                                             max_decoding_length=17, return_end_token=True,
                                             use_vmap=backend.use_vmap)
    return [r.hypotheses[0] for r in res]


@pytest.mark.slow
def test_ct2_vmap_gives_the_full_output_when_it_uses_only_mapped_pieces(tiny_nllb_ct2, tmp_path):
    from vnthai_mt.translate.backends import load_backend

    texts = [t for t in TEXTS if t]
    full = load_backend(str(tiny_nllb_ct2), "ctranslate2", device="cpu", num_beams=1, max_new_tokens=16)
    assert not full.use_vmap and full.thai_vocab_size is None
    expected = full.translate(texts)
    used = sorted({p for hyp in _ct2_output_pieces(full, texts) for p in hyp})
    folder = tmp_path / "mapped"
    shutil.copytree(tiny_nllb_ct2, folder)
    tv.write_vmap(folder, [*used, "tha_Thai"])
    mapped = load_backend(str(folder), "ctranslate2", device="cpu", num_beams=1, max_new_tokens=16)
    assert mapped.use_vmap and mapped.thai_vocab_size == len(set(used) | {"tha_Thai"})
    assert mapped.translate(texts) == expected
    off = load_backend(str(folder), "ctranslate2", device="cpu", num_beams=1, max_new_tokens=16, thai_vocab=False)
    assert not off.use_vmap

    # The Thai map itself: outputs use its pieces only.
    pieces = tv.thai_pieces(full.tokenizer)
    assert "tha_Thai" in pieces and len(pieces) < len(full.tokenizer.get_vocab())
    tv.write_vmap(folder, pieces)
    thai = load_backend(str(folder), "ctranslate2", device="cpu", num_beams=1, max_new_tokens=16)
    kept = set(pieces) | {"</s>", "<unk>", "<s>", "<pad>"}
    assert all(p in kept for hyp in _ct2_output_pieces(thai, texts) for p in hyp)


@pytest.mark.slow
def test_sliced_output_layer_gives_the_full_output_when_it_uses_only_kept_pieces(tiny_nllb):
    import torch

    from vnthai_mt.translate.backends import load_backend

    texts = [t for t in TEXTS if t]
    full = load_backend(str(tiny_nllb), "transformers", device="cpu", num_beams=1, max_new_tokens=16)
    expected = full.translate(texts)
    used: set[int] = set(full.target_start_ids)
    for ids in full.encode_sources(texts):
        start = torch.tensor([full.target_start_ids])
        out = full.model.generate(input_ids=torch.tensor([ids]), decoder_input_ids=start, num_beams=1,
                                  do_sample=False, max_new_tokens=16)
        used.update(out[0].tolist())
    used.update(full._skip_ids)
    rows = tv.slice_output_projection(full.model, sorted(used))
    assert rows == len(used) < full.model.config.vocab_size
    assert full.translate(texts) == expected
    # The same through load_backend(thai_vocab=True): the shipped-text Thai map.
    sliced = load_backend(str(tiny_nllb), "transformers", device="cpu", num_beams=1, max_new_tokens=16,
                          thai_vocab=True)
    assert sliced.thai_vocab_size and sliced.thai_vocab_size < full.model.config.vocab_size
    assert all(isinstance(t, str) for t in sliced.translate(texts))


@pytest.fixture(scope="module")
def ct2_translator(tiny_nllb_ct2):
    from vnthai_mt.glossary import load_glossaries
    from vnthai_mt.translate.pipeline import Translator

    tr = Translator(str(tiny_nllb_ct2), "ctranslate2", glossaries=load_glossaries([], include_default=True),
                    num_beams=1, max_new_tokens=24, threads=1)
    yield tr
    tr.close()


@pytest.mark.slow
def test_several_renderings_per_round_need_fewer_rounds(ct2_translator):
    from vnthai_mt.translate.enforce import Constrain, Enforcer, ForcePrefixes, Repair, Timings
    from vnthai_mt.translate.requirements import find_required

    texts = ["Chủ tịch nước Lương Cường tiếp Thủ tướng Phạm Minh Chính và Bộ trưởng Bộ Ngoại giao tại Hà Nội.",
             "Ủy ban nhân dân tỉnh Thanh Hóa và Bộ Y tế họp ở Đà Nẵng."]
    required = [find_required(t, ct2_translator.matcher) for t in texts]
    assert all(len(r) >= 2 for r in required)
    runs = {}
    for per_round in (1, 4):
        steps = [Constrain(), Repair(), ForcePrefixes(per_round=per_round), Repair()]
        timings = Timings()
        results = Enforcer(ct2_translator.backend, "hybrid", steps=steps, num_beams=1, max_new_tokens=24,
                           timings=timings).run(texts, required)
        from vnthai_mt.translate.repair import presence

        for res, reqs in zip(results, required):
            assert [i.status != "missing" for i in res.items] == presence(res.text, [r.th for r in reqs])
        runs[per_round] = (timings, results)
    one, four = runs[1][0], runs[4][0]
    assert four.redecoded <= one.redecoded
    assert four.to_dict()["max_rounds_per_sentence"] == max(r.rounds for r in runs[4][1])
    missing = {k: sum(i.status == "missing" for r in v[1] for i in r.items) for k, v in runs.items()}
    assert missing[4] <= missing[1]


@pytest.mark.slow
def test_a_new_step_can_be_inserted(ct2_translator):
    from vnthai_mt.translate.enforce import STRATEGY_STEPS, Enforcer
    from vnthai_mt.translate.requirements import find_required

    seen = []

    def ask_again(outcomes, ctx):  # e.g. an LLM asked again with the misses named
        for o in outcomes:
            seen.append([o.requirements[i].th for i in o.missing()])
            for i in o.missing():
                o.text += " " + o.requirements[i].th
        ctx.mark(outcomes, "asked")

    text = "Thủ tướng Phạm Minh Chính thăm Lào."
    required = [find_required(text, ct2_translator.matcher)]
    steps = [*STRATEGY_STEPS["none"], ask_again]
    result = Enforcer(ct2_translator.backend, "none", steps=steps, max_new_tokens=16).run([text], required)[0]
    assert seen and all(i.status == "enforced" for i in result.items)
    assert {i.via for i in result.items} <= {"model", "asked"}


def test_thread_pools_wait_passively_and_threads_follow_the_environment():
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "KMP_BLOCKTIME")}
    env["OMP_NUM_THREADS"] = "3"
    code = ("import os, vnthai_mt; from vnthai_mt.translate.threads import default_threads; "
            "print(os.environ['OMP_WAIT_POLICY'], os.environ['KMP_BLOCKTIME'], default_threads())")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["PASSIVE", "0", "3"]
    env["OMP_WAIT_POLICY"] = "ACTIVE"  # the user's choice is kept
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split()[0] == "ACTIVE"


def test_cuda_check_says_what_is_missing():
    pytest.importorskip("ctranslate2")
    from vnthai_mt.translate.threads import CUDA12_LIBRARIES, ct2_cuda_usable, preload_cuda_libraries

    missing = preload_cuda_libraries()
    assert set(missing) <= {name for _, name in CUDA12_LIBRARIES}
    import ctranslate2

    if ctranslate2.get_cuda_device_count() == 0:
        assert ct2_cuda_usable() is False
