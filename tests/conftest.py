"""Shared fixtures: tiny random-weights models built once per test session.

``tiny_nllb`` is a Transformers folder (NLLB-200 layout: NllbTokenizer with vie_Latn/tha_Thai,
M2M100ForConditionalGeneration), ``tiny_nllb_ct2`` its CTranslate2 copy (float32, so greedy outputs
match the Transformers ones). Both are built by vnthai_mt.translate.tiny_model (`vnthai-mt
tiny-model`); outputs are noise, but the code path is the one real models take. The
sentencepiece vocabulary knows every Thai letter, so any Thai string can be forced (constrained
decoding, target prefixes) without <unk>.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _load_script(name: str):
    """Import a script from scripts/ as a module (scripts/ is not a package)."""
    module_name = f"_vnthai_scripts_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, ROOT / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def load_script():
    """``load_script(name)`` imports scripts/<name>.py as a module, once per session."""
    return _load_script


@pytest.fixture(scope="session")
def make_tiny_model():
    """``vnthai_mt.translate.tiny_model.build_tiny_model(out, family, seed=...)``."""
    from vnthai_mt.translate.tiny_model import build_tiny_model

    return build_tiny_model


@pytest.fixture(scope="session")
def tiny_nllb(tmp_path_factory, make_tiny_model) -> Path:
    """Folder of a tiny NLLB-style Transformers model (random weights)."""
    return make_tiny_model(tmp_path_factory.mktemp("models") / "tiny-nllb", "nllb", seed=0)


@pytest.fixture(scope="session")
def tiny_nllb_ct2(tmp_path_factory, tiny_nllb) -> Path:
    """CTranslate2 copy of ``tiny_nllb`` (float32); skipped when ctranslate2 is not installed."""
    pytest.importorskip("ctranslate2")
    from vnthai_mt.translate.convert import convert_model

    return convert_model(
        str(tiny_nllb), tmp_path_factory.mktemp("models") / "tiny-nllb-ct2", quantization="float32"
    )


COPY_STEPS = 300  # about 30-40 s on two cores; the copy is learnt by step ~200 (seed 0)


@pytest.fixture(scope="session")
def copy_nllb(tmp_path_factory, make_tiny_model):
    """Tiny NLLB model trained only to copy its input (see vnthai_mt.translate.tiny_model)."""
    out = tmp_path_factory.mktemp("models") / "tiny-nllb-copy"
    return make_tiny_model(out, "nllb", seed=0, train_copy_steps=COPY_STEPS)


@pytest.fixture(scope="session")
def copy_nllb_ct2(tmp_path_factory, copy_nllb):
    pytest.importorskip("ctranslate2")
    from vnthai_mt.translate.convert import convert_model

    out = tmp_path_factory.mktemp("models") / "tiny-nllb-copy-ct2"
    return convert_model(str(copy_nllb), out, quantization="float32")
