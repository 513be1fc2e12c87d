"""The Translator API: segments kept, long segments split, strategies, localization that cannot break a
required rendering, the translation memory, and the timing hook of the speed benchmark."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import pytest

from vnthai_mt.glossary import load_glossaries
from vnthai_mt.translate.enforce import Enforcer, Timings
from vnthai_mt.translate.pipeline import Translator
from vnthai_mt.translate.requirements import Required, find_required

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "src" / "vnthai_mt" / "data" / "examples" / "seed_article.vi.txt"
MINI = ROOT / "tests" / "data" / "mini.tsv"


@pytest.fixture(scope="module")
def glossary():
    return load_glossaries([MINI], include_default=False)


@pytest.fixture(scope="module")
def ct2(tiny_nllb_ct2, glossary):
    tr = Translator(str(tiny_nllb_ct2), "ctranslate2", glossaries=glossary, num_beams=1, max_new_tokens=24,
                    threads=1)
    yield tr
    tr.close()


@pytest.fixture(scope="module")
def hf(tiny_nllb, glossary):
    import torch

    threads = torch.get_num_threads()
    tr = Translator(str(tiny_nllb), "transformers", glossaries=glossary, num_beams=1, max_new_tokens=24,
                    threads=1)
    yield tr
    torch.set_num_threads(threads)


def test_segments_blank_lines_and_sentences_kept(ct2):
    texts = ["Chủ tịch UBND tỉnh phát biểu. Đồng chí Lại Văn Hoàn dự hội nghị.", "", "   ", "Thái Bình"]
    result = ct2.translate_with_report(texts)
    out = result.texts
    assert len(out) == 4 and out[1] == "" and out[2] == "   "
    assert "\n" not in out[0]
    for th in ("ประธาน", "คณะกรรมการประชาชนจังหวัด", "ไหล วัน หว่าน"):
        assert th in out[0]
    assert "ท้ายบิ่ญ" in out[3]
    summary = result.report.summary
    assert summary["segments"] == 4 and summary["required"] == 4 and summary["missing"] == 0


def test_a_segment_longer_than_the_model_accepts_is_split_not_truncated(ct2):
    line = SEED.read_text(encoding="utf-8").splitlines()[2]
    assert ct2.backend.count_tokens([line])[0] > ct2.backend.max_source_tokens
    long = line.replace(". ", ", ")  # one "sentence": split_long has to cut it at commas
    result = ct2.translate_with_report([long])
    assert result.report.summary["missing"] == 0


@pytest.mark.parametrize("strategy", ["none", "repair", "mask", "constrain", "hybrid"])
def test_strategies_report_honestly(hf, strategy, glossary):
    texts = SEED.read_text(encoding="utf-8").splitlines()[3:5]
    enforcer = Enforcer(hf.backend, strategy, num_beams=1, max_new_tokens=24, timings=Timings())
    pieces = texts
    required = [find_required(t, hf.matcher) for t in pieces]
    results = enforcer.run(pieces, required)
    from vnthai_mt.translate.repair import presence

    for res, reqs in zip(results, required):
        found = presence(res.text, [r.th for r in reqs])
        # The report never claims a rendering that is not in the text.
        assert [i.status != "missing" for i in res.items] == found
    if strategy in ("constrain", "hybrid"):
        assert all(i.status == "enforced" for r in results for i in r.items)


def test_localization_never_breaks_a_required_rendering(glossary):
    tr = Translator(glossaries=glossary, digits="thai", engine=SimpleNamespace(model_path="fake", name="fake"))
    req = Required(0, 10, "Quốc lộ 1A", "ทางหลวงหมายเลข 1A", "term", "glossary")
    out = tr._localize("ปี 2024 ทางหลวงหมายเลข 1A ยาว 6,3 กม.", "năm 2024 Quốc lộ 1A dài 6,3 km", [req])
    assert out == "ปี ๒๕๖๗ ทางหลวงหมายเลข 1A ยาว ๖.๓ กม."


def test_translation_memory_skips_the_model(tiny_nllb_ct2, glossary, tmp_path):
    texts = ["Chủ tịch UBND tỉnh phát biểu.", "Thái Bình", "Chủ tịch UBND tỉnh phát biểu."]
    db = tmp_path / "tm.sqlite"
    first = Translator(str(tiny_nllb_ct2), "ctranslate2", glossaries=glossary, num_beams=1, max_new_tokens=16,
                       cache=db, threads=1)
    a = first.translate_with_report(texts)
    first.close()
    again = Translator(str(tiny_nllb_ct2), "ctranslate2", glossaries=glossary, num_beams=1, max_new_tokens=16,
                       cache=db, threads=1)
    b = again.translate_with_report(texts)
    again.close()
    assert a.texts == b.texts and a.texts[0] == a.texts[2]
    assert b.report.timings.model_s == 0 and b.report.summary["missing"] == 0
    assert {i.via for s in b.report.segments for i in s.items} == {"cache"}


def test_glossary_timing_separates_the_layer_from_the_model(hf, load_script):
    texts = SEED.read_text(encoding="utf-8").splitlines()[:4]
    t = load_script("bench_timing").glossary_timing(hf, texts)
    for key in ("model_s", "glossary_s", "constrain_s", "redecode_s", "glossary_overhead_pct",
                "constrain_overhead_pct", "total_overhead_pct"):
        assert key in t
    assert t["model_s"] > 0 and t["constrain_s"] > 0 and t["missing"] == 0


def test_translate_requires_the_names_that_names_lists(ct2):
    """translate finds names on the whole document, as `names` does: the report's rule requirements are
    segment_requirements' (the model-free path scripts/eval_detect.py scores), in order, kind and Thai.
    Excerpt: https://vnexpress.net/22-ngoi-nha-bi-lu-cuon-troi-4514031.html"""
    from vnthai_mt.translate.requirements import segment_requirements

    texts = [("Những địa phương bị ảnh hưởng gồm xã Xuân Minh, Tiên Nguyên và Yên Hà; Chủ tịch UBND xã "
              "Xuân Minh Ngô Chiến Thắng cho biết."),
             "Trong đó Tiên Nguyên 3, Xuân Minh 16. Theo ông Thắng, xã sẽ hỗ trợ."]
    result = ct2.translate_with_report(texts)
    got = [[(i.vi, i.th, i.kind) for i in seg.items if i.source == "rule"] for seg in result.report.segments]
    want = [[(r.vi, r.th, r.kind) for r in seg if r.source == "rule"]
            for seg in segment_requirements(texts, ct2.matcher)]
    assert got == want
    assert ("Ngô Chiến Thắng", "person") in [(vi, k) for vi, _th, k in got[0]]
    assert [vi for vi, _th, k in got[1] if k == "place"] == ["Tiên Nguyên", "Xuân Minh"]
