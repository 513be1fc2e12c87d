"""Hybrid on a backend without a per-step hook sends placeholders first when the model carries them.

Decided by the placeholder probe (``--mask-first auto``): the copy-trained CTranslate2 model gives the
probe's placeholders back, so its sentences are masked first and nothing is left to force; the
random-weights one gives none back, so it translates freely and prefix forcing does the work.
"""

from __future__ import annotations

import pytest

from vnthai_mt.errors import InputError
from vnthai_mt.translate.enforce import Context, Enforcer, Timings
from vnthai_mt.translate.options import TranslatorOptions
from vnthai_mt.translate.pipeline import Translator
from vnthai_mt.translate.requirements import Required

SENTENCES = [
    "Chủ tịch UBND tỉnh phát biểu tại hội nghị.",
    "Đồng chí Nguyễn Khắc Thận, Phó Bí thư Tỉnh ủy, dự hội nghị.",
    "Ông Lại Văn Hoàn, Phó Chủ tịch UBND tỉnh Thái Bình, phát biểu.",
    "Các đơn vị ký kết giao ước thi đua.",
]


class _Tokenizer:
    unk_token_id = None

    def __call__(self, text=None, text_target=None, add_special_tokens=False, verbose=True):
        if text_target is not None:
            return {"input_ids": [[ord(c) for c in t] for t in text_target]}
        return {"input_ids": [ord(c) for c in text]}

    def decode(self, ids, skip_special_tokens=True):
        return "".join(map(chr, ids))


class _Copier:
    """A fake backend for the layer above the model: it copies (or, ``carries=False``, drops) placeholders."""

    supports_logits_processors = False
    tokenizer = _Tokenizer()
    target_start_ids = [0]
    max_target_tokens = 256

    def __init__(self, carries: bool = True, prompts: bool = False) -> None:
        self.carries, self.uses_prompts, self.calls = carries, prompts, 0

    def count_tokens(self, texts):
        return [len(t.split()) for t in texts]

    def translate(self, texts, **kwargs):
        self.calls += 1
        return list(texts) if self.carries else ["ข้อความ" for _ in texts]


def _context(backend, mode: str) -> Context:
    return Context(backend, num_beams=1, max_new_tokens=None, allocation="banks", timings=Timings(),
                   mask_first=mode)


def test_auto_probes_once_and_follows_the_model():
    copier, dropper = _Copier(), _Copier(carries=False)
    ctx = _context(copier, "auto")
    assert ctx.masks_first() and ctx.masks_first()
    assert copier.calls == 1  # the probe is sent once per run
    assert not _context(dropper, "auto").masks_first()
    assert _context(dropper, "on").masks_first() and dropper.calls == 1
    assert not _context(copier, "off").masks_first()


def test_never_for_constrained_decoding_or_instruction_models():
    hooked = _Copier()
    hooked.supports_logits_processors = True
    assert not _context(hooked, "on").masks_first()
    assert not _context(_Copier(prompts=True), "on").masks_first()


def test_mask_first_then_force_only_what_is_missing():
    # The fake model carries [1] but loses [2]: the second rendering is forced, the first is not.
    class _LosesTwo(_Copier):
        def translate(self, texts, target_prefixes=None, **kwargs):
            self.calls += 1
            if target_prefixes:
                return [p + " แล้ว" for p in target_prefixes]
            return [t.replace("[2]", "") for t in texts]

    text = "Ông A gặp bà B."
    reqs = [Required(4, 5, "A", "เอ", "person", "rule"), Required(11, 12, "B", "บี", "person", "rule")]
    timings = Timings()
    result = Enforcer(_LosesTwo(), "hybrid", num_beams=1, timings=timings, mask_first="on").run([text], [reqs])[0]
    assert [(i.status, i.via) for i in result.items] == [("enforced", "mask"), ("enforced", "prefix")]
    assert timings.masked_first == 1 and timings.to_dict()["rounds_per_sentence"] == {"1": 1}


def test_the_option_is_checked_and_fingerprinted_where_it_matters():
    with pytest.raises(InputError, match="mask_first"):
        TranslatorOptions(mask_first="maybe")
    ids = {"model": "m", "model_id": "x", "dtype": None, "glossary": "g"}
    ct2 = TranslatorOptions(mask_first="off").settings(backend="ctranslate2", **ids)
    assert ct2["mask_first"] == "off"
    assert "mask_first" not in TranslatorOptions().settings(backend="transformers", **ids)
    assert "mask_first" not in TranslatorOptions(strategy="repair").settings(backend="ctranslate2", **ids)


@pytest.mark.slow
def test_copy_trained_model_is_masked_first_and_needs_no_forcing(copy_nllb_ct2):
    with Translator(str(copy_nllb_ct2), "ctranslate2", num_beams=1, threads=1) as tr:
        result = tr.translate_with_report(SENTENCES)
        timings = tr.timings.to_dict()
    summary = result.report.summary
    assert summary["missing"] == 0 and summary["required"] >= len(SENTENCES)
    assert timings["masked_first_sentences"] >= 3 and timings["probe_s"] > 0
    assert timings["redecoded_sentences"] == 0
    assert {i.via for s in result.report.segments for i in s.items} == {"mask"}
    assert not any("[" in t for t in result.texts)
    with Translator(str(copy_nllb_ct2), "ctranslate2", num_beams=1, threads=1, mask_first="off") as tr:
        tr.translate_with_report(SENTENCES)
        assert tr.timings.masked_first == 0 and tr.timings.redecoded > 0  # the copy writes no rendering


@pytest.mark.slow
def test_random_model_translates_freely_and_forces(tiny_nllb_ct2):
    with Translator(str(tiny_nllb_ct2), "ctranslate2", num_beams=1, max_new_tokens=24, threads=1) as tr:
        result = tr.translate_with_report(SENTENCES)
        timings = tr.timings.to_dict()
    assert timings["masked_first_sentences"] == 0 and timings["probe_s"] > 0
    assert result.report.summary["missing"] == 0
    assert sum(timings["rounds_per_sentence"].values()) >= len(SENTENCES)
    assert sum(int(k) * v for k, v in timings["rounds_per_sentence"].items()) == timings["redecoded_sentences"]
    # Per segment too: the re-decodes of its sentences, in the report's JSON where there were any.
    assert sum(s.rounds for s in result.report.segments) == timings["redecoded_sentences"]
    listed = {d["id"]: d.get("rounds", 0) for d in result.report.to_dict()["segments"]}
    assert listed == {s.id: s.rounds for s in result.report.segments if s.id in listed}
    assert any(listed.values())


def test_a_segments_rounds_survive_its_checkpoint_record():
    from vnthai_mt.translate.enforce import Item
    from vnthai_mt.translate.report import decode_outcome, encode_outcome

    items = [Item("Tô Lâm", "โต เลิม", "person", "rule", "enforced", "prefix")]
    assert decode_outcome(encode_outcome("ข้อความ", items, rounds=3))[4] == 3
    assert '"r"' not in encode_outcome("ข้อความ", items)  # plain records stay as they were
