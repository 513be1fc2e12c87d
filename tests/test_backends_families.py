"""Other model families (M2M-100, Marian), `vnthai-mt convert`, and model folders as data only."""

from __future__ import annotations

import json
import shutil

import pytest

from vnthai_mt.cli import main
from vnthai_mt.errors import ModelNotFoundError
from vnthai_mt.translate.backends import load_backend
from vnthai_mt.translate.models import LanguageHandling, detect_language_handling

pytestmark = pytest.mark.slow

TEXTS = ["Thủ tướng Chính phủ tiếp Đại sứ Thái Lan.", "", "Hà Nội, ngày 5 tháng 3"]


@pytest.mark.parametrize(
    ("family", "src", "target_token"),
    [("m2m100", "__vi__", "__th__"), ("marian", None, None)],
)
def test_family_on_both_backends(family, src, target_token, make_tiny_model, tmp_path):
    pytest.importorskip("ctranslate2")
    from vnthai_mt.translate.convert import convert_model

    folder = make_tiny_model(tmp_path / family, family, seed=1)
    ct2_folder = convert_model(str(folder), tmp_path / f"{family}-ct2", quantization="float32")
    outputs = []
    for name, path in (("transformers", folder), ("ctranslate2", ct2_folder)):
        backend = load_backend(str(path), name, device="cpu", num_beams=1, max_new_tokens=6)
        assert backend.family == family
        assert backend.target_lang_token == target_token
        first = backend.tokenizer.convert_ids_to_tokens(backend.encode_sources(["Xin chào"])[0][:1])[0]
        if src:
            assert first == src
        out = backend.translate(TEXTS)
        assert out[1] == "" and out[0] and out[2]
        assert not any("__" in text for text in out)  # language tokens never leak into the text
        prefixed = backend.translate(TEXTS, target_prefixes=["เหงียน คัก เถิ่น", None, None])
        assert prefixed[0].startswith("เหงียน คัก เถิ่น")
        outputs.append(out)
    if family != "marian":  # Marian's transformers config forces </s> at the length limit
        assert outputs[0] == outputs[1]


def test_detect_language_handling_by_vocabulary():
    class Tok:
        def __init__(self, vocab):
            self._vocab = vocab

        def get_vocab(self):
            return self._vocab

    assert detect_language_handling(Tok({"vi_VN": 1, "th_TH": 2})) == LanguageHandling(
        "mbart50", "vi_VN", "th_TH", "th_TH"
    )
    madlad = detect_language_handling(Tok({"<2th>": 5}))
    assert madlad.family == "madlad" and madlad.source_prefix == "<2th> " and madlad.target_token is None
    multi = detect_language_handling(Tok({">>tha<<": 3}), "marian")
    assert multi.source_prefix == ">>tha<< "
    with pytest.raises(ModelNotFoundError, match="unsupported model"):
        detect_language_handling(Tok({"hello": 1}), "bart")


def test_convert_command(tiny_nllb, tmp_path, capsys):
    pytest.importorskip("ctranslate2")
    out = tmp_path / "nllb-int8"
    assert main(["convert", str(tiny_nllb), str(out), "--quantization", "int8", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["quantization"] == "int8" and report["out"] == str(out)
    for name in ("model.bin", "tokenizer.json", "tokenizer_config.json", "vnthai_mt.json", "README.md"):
        assert (out / name).is_file(), name
    assert "RANDOM WEIGHTS" in (out / "README.md").read_text(encoding="utf-8")
    backend = load_backend(str(out), "ctranslate2", device="cpu", num_beams=1, max_new_tokens=4)
    assert backend.max_source_tokens == 256
    assert backend.translate(["Xin chào", ""])[1] == ""

    # Exists: refused without --force, one line, exit 2; replaced with --force.
    assert main(["convert", str(tiny_nllb), str(out)]) == 2
    err = capsys.readouterr().err
    assert "--force" in err and err.count("\n") == 1
    assert main(["convert", str(tiny_nllb), str(out), "--force"]) == 0
    assert main(["convert", str(tmp_path / "missing"), str(tmp_path / "x")]) == 2
    assert "no such model folder" in capsys.readouterr().err
    assert not (tmp_path / "x").exists()


def test_model_folder_code_never_runs(tiny_nllb, tmp_path):
    """A config asking for remote code is refused; its Python file is never imported."""
    folder = tmp_path / "remote"
    shutil.copytree(tiny_nllb, folder)
    sentinel = tmp_path / "ran"
    (folder / "modeling_evil.py").write_text(f"open({str(sentinel)!r}, 'w').write('x')\n", encoding="utf-8")
    config = json.loads((folder / "config.json").read_text(encoding="utf-8"))
    config["model_type"] = "evil_seq2seq"
    config["auto_map"] = {
        "AutoConfig": "modeling_evil.EvilConfig",
        "AutoModelForSeq2SeqLM": "modeling_evil.Evil",
    }
    (folder / "config.json").write_text(json.dumps(config), encoding="utf-8")
    with pytest.raises(ModelNotFoundError):
        load_backend(str(folder), device="cpu")
    assert not sentinel.exists()


def test_safetensors_preferred_over_pickle(tiny_nllb, tmp_path):
    """With both weight files present, the pickled one is never opened (here it is garbage)."""
    folder = tmp_path / "both"
    shutil.copytree(tiny_nllb, folder)
    (folder / "pytorch_model.bin").write_bytes(b"not a pickle, never load me")
    backend = load_backend(str(folder), device="cpu", num_beams=1, max_new_tokens=3)
    assert backend.translate(["Xin chào"])[0]
