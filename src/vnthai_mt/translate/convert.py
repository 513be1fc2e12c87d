"""Make a CTranslate2 copy of a Transformers translation model (``vnthai-mt convert``).

The copy holds the converted weights, the original tokenizer files (so the CTranslate2 backend loads
its tokenizer from the same folder) and a small ``vnthai_mt.json`` with what the Transformers config
said about the model (type, longest input), which CTranslate2's own config.json does not keep.
The output is built in a temporary folder beside OUT and renamed into place: no half-written model.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from vnthai_mt.errors import InputError, ModelNotFoundError
from vnthai_mt.io.guard import os_error
from vnthai_mt.translate.backends import SIDECAR, quiet_progress_bars
from vnthai_mt.translate.resolve import resolve_model
from vnthai_mt.translate.vocabulary import QUANTIZATIONS

# config.json model_type of the families vnthai-mt translates with (others fail deep inside the converter).
MODEL_TYPES = ("m2m_100", "mbart", "marian", "t5", "mt5")

# Tokenizer files of the supported families (NLLB, M2M-100, mBART-50, MADLAD/T5, Marian).
TOKENIZER_FILES = (
    "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "added_tokens.json",
    "sentencepiece.bpe.model", "spiece.model", "vocab.json", "source.spm", "target.spm",
    "target_vocab.json", "generation_config.json",
)  # fmt: skip


def convert_model(
    model: str, out: str | Path, *, quantization: str | None = "int8", force: bool = False,
    thai_vocab: bool = False,
) -> Path:
    """Convert ``model`` (hub id or folder) into a CTranslate2 folder ``out``; returns ``out``.

    thai_vocab: also write ``vmap.txt``, the Thai output vocabulary (``thai_vocab.py``), which the
    ctranslate2 backend then uses (``use_vmap``). Off here, on by default in ``vnthai-mt convert``.
    """
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError as err:
        raise ModelNotFoundError("converting needs the ct2 extra: pip install 'vnthai-mt[ct2]'") from err
    if quantization is not None and quantization not in QUANTIZATIONS:
        raise InputError(f"unknown quantization {quantization!r} (choose {', '.join(QUANTIZATIONS)})")
    out = Path(out)
    if out.exists() and not force:
        raise InputError("output folder exists (use --force to replace it)", path=str(out))
    quiet_progress_bars()
    source = resolve_model(model, "transformers")
    src_real, out_real = source.resolve(), out.resolve()
    if out_real == src_real or src_real in out_real.parents:
        raise InputError("the output folder must not be the model folder or inside it", path=str(out))
    if out_real in src_real.parents:
        raise InputError("the output folder holds the model folder; choose a folder beside it", path=str(out))
    if out.exists():
        _check_replaceable(out)
    config = _read_json(source / "config.json")
    model_type = config.get("model_type")
    if model_type not in MODEL_TYPES:
        raise ModelNotFoundError(
            f"unsupported architecture {model_type or 'unknown'!r}: vnthai-mt converts "
            f"{', '.join(MODEL_TYPES)} translation models (NLLB-200, M2M-100, mBART-50, Marian, MADLAD-400)",
            path=str(source))
    _check_source_tokenizer(source)

    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        _clean_stale(out)
        tmp = Path(tempfile.mkdtemp(prefix=f".{out.name}.vnthai-{os.getpid()}-", dir=out.parent))
    except OSError as err:
        raise os_error(err, out) from None
    try:
        converter = _converter_class(TransformersConverter)(str(source), trust_remote_code=False)
        try:
            converter.convert(str(tmp), quantization=quantization, force=True)
        except Exception as err:  # unsupported architecture, unreadable weights
            text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
            raise ModelNotFoundError(f"cannot convert the model: {text}", path=str(source)) from err
        for name in TOKENIZER_FILES:
            if (source / name).is_file():
                shutil.copy2(source / name, tmp / name)
        _ensure_tokenizer_class(source, tmp)
        vmap_size = _write_thai_vocab(source, tmp) if thai_vocab else None
        sidecar = {
            "source_model": str(model),
            "model_type": config.get("model_type"),
            "architectures": config.get("architectures"),
            "max_positions": config.get("max_position_embeddings"),
            "quantization": quantization or "as stored",
            "thai_vocab": vmap_size,
        }
        (tmp / SIDECAR).write_text(json.dumps(sidecar, indent=2) + "\n", encoding="utf-8")
        readme = source / "README.md"
        if readme.is_file():  # keep notes such as "RANDOM WEIGHTS" with the copy
            shutil.copy2(readme, tmp / "README.md")
        if out.exists():
            _check_replaceable(out)  # again: it may have changed during the conversion
            shutil.rmtree(out)
        tmp.rename(out)
    except OSError as err:
        raise os_error(err, out) from None
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return out


def _write_thai_vocab(source: Path, out: Path) -> int:
    from transformers import AutoTokenizer

    from vnthai_mt.translate.thai_vocab import thai_pieces, write_vmap

    pieces = thai_pieces(AutoTokenizer.from_pretrained(source, trust_remote_code=False))
    write_vmap(out, pieces)
    return len(pieces)


def _created_names() -> set[str]:
    return {"vmap.txt", "model.bin", "config.json", "shared_vocabulary.json", "shared_vocabulary.txt",
            "source_vocabulary.json", "source_vocabulary.txt", "target_vocabulary.json",
            "target_vocabulary.txt", "vocabulary.json", "vocabulary.txt", SIDECAR, "README.md",
            *TOKENIZER_FILES}


def _check_replaceable(out: Path) -> None:
    """--force replaces only an earlier conversion: a folder holding nothing but what convert writes."""
    if not out.is_dir():
        raise InputError("exists and is not a folder; --force replaces only an earlier conversion", str(out))
    if not (out / SIDECAR).is_file():
        raise InputError(f"is not a folder made by vnthai-mt convert (no {SIDECAR}); --force replaces only "
                         "an earlier conversion: remove it yourself or choose another folder", str(out))
    foreign = sorted(p.name for p in out.iterdir() if p.name not in _created_names())
    if foreign:
        raise InputError(f"holds files convert did not write ({', '.join(foreign[:5])}); --force would "
                         "delete them: move them or choose another folder", str(out))


def _clean_stale(out: Path) -> None:
    """Temporary folders of conversions that were killed (their process is gone)."""
    from vnthai_mt.io.resume import _alive

    prefix = f".{out.name}.vnthai-"
    for path in out.parent.glob(prefix + "*"):
        pid = path.name[len(prefix):].split("-", 1)[0]
        if path.is_dir() and pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(path, ignore_errors=True)


def _check_source_tokenizer(source: Path) -> None:
    from transformers import AutoTokenizer

    from vnthai_mt.translate.backends import check_tokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(source, trust_remote_code=False)
    except Exception as err:
        text = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        raise ModelNotFoundError(f"cannot load the tokenizer: {text}", path=str(source)) from err
    check_tokenizer(tokenizer, source)


def _converter_class(base: type) -> type:
    """CTranslate2's converter with one fix for transformers 5: M2M100Tokenizer.get_vocab() leaves out
    the language tokens (__th__ ...), which the converter would then replace by filler words."""

    class Converter(base):
        def load_tokenizer(self, tokenizer_class, model_name_or_path, **kwargs):
            tokenizer = super().load_tokenizer(tokenizer_class, model_name_or_path, **kwargs)
            lang_tokens = getattr(tokenizer, "lang_token_to_id", None)
            if lang_tokens:
                full = {**tokenizer.get_vocab(), **lang_tokens}
                tokenizer.get_vocab = lambda: dict(full)
            return tokenizer

    return Converter


def _ensure_tokenizer_class(source: Path, out: Path) -> None:
    """AutoTokenizer falls back to config.json for the class, and CTranslate2's config.json has none."""
    path = out / "tokenizer_config.json"
    data = _read_json(path)
    if data.get("tokenizer_class"):
        return
    from transformers import AutoTokenizer

    data["tokenizer_class"] = type(AutoTokenizer.from_pretrained(source, trust_remote_code=False)).__name__
    path.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _read_json(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
