"""TranslatorOptions: one checked value that builds a Translator and decides its settings fingerprint."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from vnthai_mt.errors import InputError
from vnthai_mt.translate.options import TranslatorOptions, settings_fingerprint
from vnthai_mt.translate.pipeline import Translator

MINI = Path(__file__).resolve().parent / "data" / "mini.tsv"


@pytest.mark.parametrize(("changes", "message"), [
    ({"strategy": "fast"}, "unknown strategy 'fast'"),
    ({"era": "ad"}, "unknown era"),
    ({"name_style": "dashed"}, "unknown name_style"),
    ({"num_beams": 0}, "num_beams must be at least 1 (--beams)"),
    ({"threads": 0}, "threads must be at least 1 (--threads)"),
    ({"chunk_segments": 0}, "chunk_segments must be at least 1"),
])
def test_bad_options_are_one_clear_error(changes, message):
    with pytest.raises(InputError, match=message.replace("(", r"\(").replace(")", r"\)")):
        TranslatorOptions(**changes)
    with pytest.raises(InputError):
        TranslatorOptions().replace(**changes)


def test_options_are_hashable_picklable_and_normalize_paths():
    opts = TranslatorOptions(model=Path("m"), glossaries=[MINI], cache=Path("tm.db"))  # type: ignore[arg-type]
    assert opts.model == "m" and opts.glossaries == (str(MINI),) and opts.cache == "tm.db"
    assert pickle.loads(pickle.dumps(opts)) == opts
    assert hash(opts) == hash(opts.replace())


def _settings(opts: TranslatorOptions) -> dict:
    return opts.settings(model="m", model_id="id", backend="ctranslate2", dtype=None, glossary="g")


def test_fingerprint_changes_with_output_options_only():
    base = TranslatorOptions()
    fp = settings_fingerprint(_settings(base))
    for speed_only in ({"threads": 2}, {"batch_tokens": 64}, {"device": "cpu"}, {"progress": True},
                       {"cache": "tm.db"}):
        assert settings_fingerprint(_settings(base.replace(**speed_only))) == fp, speed_only
    for output in ({"strategy": "mask"}, {"era": "ce"}, {"digits": "thai"}, {"names": False},
                   {"name_style": "joined"}, {"num_beams": 1}, {"max_new_tokens": 9}):
        assert settings_fingerprint(_settings(base.replace(**output))) != fp, output


@pytest.mark.slow
def test_keywords_and_from_options_build_the_same_translator(tiny_nllb_ct2):
    kwargs = dict(strategy="hybrid", num_beams=1, max_new_tokens=24, threads=1, default_glossary=False)
    opts = TranslatorOptions(model=str(tiny_nllb_ct2), backend="ctranslate2", glossaries=(str(MINI),), **kwargs)
    line = "Chủ tịch UBND tỉnh phát biểu."
    with Translator(str(tiny_nllb_ct2), "ctranslate2", glossaries=[MINI], **kwargs) as a, \
            Translator.from_options(opts) as b:
        assert a.options == b.options
        assert a.settings == b.settings and a._settings_fp == b._settings_fp
        assert a.translate(line) == b.translate(line)
        assert a.strategy == "hybrid" and b.num_beams == 1


def test_unknown_keyword_names_the_translator():
    with pytest.raises(TypeError, match="Translator: .*beams_please"):
        Translator(beams_please=3)
