"""Both backends on the tiny random-weights NLLB model: order, empties, prefixes, processors, errors."""

from __future__ import annotations

import pytest

from vnthai_mt.errors import InputError, ModelNotFoundError
from vnthai_mt.text import thai
from vnthai_mt.translate.backends import load_backend

pytestmark = pytest.mark.slow

TEXTS = [
    "Chủ tịch UBND tỉnh Nguyễn Khắc Thận dự hội nghị tổng kết công tác thi đua, khen thưởng năm 2023.",
    "",
    "Xin chào.",
    "   ",
    "Hội đồng Thi đua - Khen thưởng tỉnh họp ngày 5/3.",
    "Thái Bình",
]


@pytest.fixture(scope="module")
def hf(tiny_nllb):
    return load_backend(str(tiny_nllb), "transformers", device="cpu", num_beams=1, max_new_tokens=8)


@pytest.fixture(scope="module")
def ct2(tiny_nllb_ct2):
    return load_backend(str(tiny_nllb_ct2), "ctranslate2", device="cpu", num_beams=1, max_new_tokens=8)


def test_language_handling(hf, ct2):
    for backend in (hf, ct2):
        assert backend.family == "nllb"
        assert backend.source_lang_token == "vie_Latn"
        assert backend.target_lang_token == "tha_Thai"
        ids = backend.encode_sources(["Xin chào"])[0]
        assert backend.tokenizer.convert_ids_to_tokens(ids[:1]) == ["vie_Latn"]
        assert ids[-1] == backend.tokenizer.eos_token_id
        assert backend.max_source_tokens == 256
    assert hf.target_start_ids == [hf.tokenizer.eos_token_id, hf.target_lang_token_id]  # decoder start, lang
    assert ct2.target_start_ids == [ct2.target_lang_token_id]
    assert hf.supports_logits_processors and not ct2.supports_logits_processors


def test_order_kept_and_empties_skipped(hf):
    out = hf.translate(TEXTS)
    assert len(out) == len(TEXTS)
    assert out[1] == "" and out[3] == ""
    assert all(out[i] for i in (0, 2, 4, 5))
    # Reversed input, same batches inside: the outputs must follow their texts.
    back = hf.translate(TEXTS[::-1])
    assert back[::-1] == out


def test_empty_list_and_all_empty_never_call_the_model(hf, monkeypatch):
    def boom(*args, **kwargs):
        raise AssertionError("model called")

    monkeypatch.setattr(hf, "_generate", boom)
    assert hf.translate([]) == []
    assert hf.translate(["", "  "]) == ["", ""]


def test_small_token_budget_same_result(tiny_nllb, hf):
    small = load_backend(
        str(tiny_nllb), "transformers", device="cpu", num_beams=1, max_new_tokens=8, batch_tokens=1
    )
    assert small.translate(TEXTS) == [hf.translate([t])[0] for t in TEXTS]


def test_ctranslate2_matches_transformers_greedy(hf, ct2):
    assert ct2.translate(TEXTS) == hf.translate(TEXTS)


def test_every_thai_and_vietnamese_letter_tokenizes_without_unk(hf):
    thai_block = "".join(chr(c) for c in [*range(0x0E01, 0x0E3B), *range(0x0E3F, 0x0E5C)])
    samples = [thai_block, "เหงียน คัก เถิ่น", "สภาจำลองจังหวัด", "ĐĂNG Ký ỷ ữ ự ỹ đ", "UBND 2024 6,3%"]
    unk = hf.tokenizer.unk_token_id
    for ids in hf.encode_targets(samples) + hf.encode_sources(samples):
        assert unk not in ids


@pytest.mark.parametrize("which", ["hf", "ct2"])
def test_target_prefix_is_forced(which, request):
    backend = request.getfixturevalue(which)
    prefixes = [None, None, "เหงียน คัก เถิ่น", None, "สภาจำลอง", "ไทบิ่ญ"]
    out = backend.translate(TEXTS, target_prefixes=prefixes)
    for text, prefix in zip(out, prefixes):
        if prefix:
            # The tokenizer's NFKC step writes ำ as ํา; Thai normalization puts it back.
            assert thai.normalize(text).startswith(prefix)
    assert out[1] == "" and out[3] == ""
    assert out[0] == backend.translate([TEXTS[0]])[0]  # texts without a prefix are unaffected


def test_logits_processors_list_and_factory(hf):
    import torch
    from transformers import LogitsProcessor

    forced = hf.encode_targets(["ไทย"])[0][-1]

    class Force(LogitsProcessor):
        def __call__(self, input_ids, scores):
            out = torch.full_like(scores, float("-inf"))
            out[:, forced] = 0.0
            return out

    out = hf.translate(["Xin chào", "Việt Nam"], logits_processors=[Force()], max_new_tokens=3)
    assert all(o == hf.decode([forced] * 3) for o in out)

    seen: list[list[int]] = []

    def factory(indices):
        seen.append(list(indices))
        return [Force()]

    out = hf.translate(TEXTS, logits_processors=factory, max_new_tokens=2)
    assert sorted(i for batch in seen for i in batch) == [0, 2, 4, 5]
    assert out[1] == "" and out[0] == hf.decode([forced] * 2)


def test_ct2_refuses_logits_processors(ct2):
    with pytest.raises(ValueError):
        ct2.translate(["Xin chào"], logits_processors=[object()])


def test_beam_search_and_fixed_length(hf, ct2):
    for backend in (hf, ct2):
        out = backend.translate(["Xin chào", "Việt Nam"], num_beams=2, max_new_tokens=4, min_new_tokens=4)
        assert len(out) == 2 and all(out)


def test_too_long_segment_is_refused_not_truncated(hf):
    long_text = "Hà Nội " * 400
    assert hf.count_tokens([long_text])[0] > hf.max_source_tokens
    with pytest.raises(InputError, match="split"):
        hf.translate(["ok", long_text])


def test_bad_options(tiny_nllb):
    with pytest.raises(InputError):
        load_backend(str(tiny_nllb), "transformers", device="cpu", dtype="int8")
    with pytest.raises(InputError):
        load_backend(str(tiny_nllb), "onnx")
    with pytest.raises(InputError):
        load_backend(str(tiny_nllb), device="tpu")


def test_missing_local_folder(tmp_path):
    with pytest.raises(ModelNotFoundError, match="no such model folder"):
        load_backend(str(tmp_path / "no-such-model"))
    with pytest.raises(ModelNotFoundError, match="no config.json"):
        load_backend(str(tmp_path))


def test_uncached_hub_id_offline(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotFoundError) as info:
        load_backend("vnthai-mt-tests/not-a-cached-model")
    message = str(info.value)
    assert "HF_HUB_OFFLINE=1" in message and "local model folder" in message
    assert "\n" not in message


def test_wrong_folder_kind(tiny_nllb, tiny_nllb_ct2):
    with pytest.raises(ModelNotFoundError, match="vnthai-mt convert"):
        load_backend(str(tiny_nllb), "ctranslate2")
    with pytest.raises(ModelNotFoundError, match="--backend ctranslate2"):
        load_backend(str(tiny_nllb_ct2), "transformers")
