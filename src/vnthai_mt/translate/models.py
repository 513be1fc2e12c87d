"""Model families and their language handling (Vietnamese source, Thai target).

Each supported family marks the translation direction differently:

=========  =====================================  ===========================================
family     source side                            target side
=========  =====================================  ===========================================
nllb       ``vie_Latn`` token (tokenizer adds it)  ``tha_Thai`` forced as first target token
m2m100     ``__vi__`` token                        ``__th__`` forced as first target token
mbart50    ``vi_VN`` token                         ``th_TH`` forced as first target token
madlad     text prefix ``<2th> `` (T5)             nothing
marian     nothing (``>>tha<< `` if multi-target)  nothing
=========  =====================================  ===========================================

The family is read from the tokenizer's vocabulary (which tokens exist) and the model type, so a
CTranslate2 copy, which keeps the tokenizer but not the Transformers config, is recognised the same
way as the original.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from vnthai_mt.errors import ModelNotFoundError
from vnthai_mt.translate.options import DEFAULT_MODEL  # noqa: F401  (re-exported: backends use it)


@dataclass(frozen=True)
class LanguageHandling:
    """How one model family is told "Vietnamese in, Thai out"."""

    family: str
    src_lang: str | None = None  # the tokenizer's source language code, if it has one
    tgt_lang: str | None = None
    target_token: str | None = None  # forced first target token (after decoder start)
    source_prefix: str = ""  # text put before every source segment


def detect_language_handling(tokenizer: Any, model_type: str | None = None) -> LanguageHandling:
    """Pick the family from the tokens the tokenizer knows; raise if no Thai target can be named."""
    vocab = known_tokens(tokenizer)
    name = type(tokenizer).__name__
    if "tha_Thai" in vocab and "vie_Latn" in vocab:
        return LanguageHandling("nllb", "vie_Latn", "tha_Thai", "tha_Thai")
    if "__th__" in vocab and "__vi__" in vocab:
        return LanguageHandling("m2m100", "vi", "th", "__th__")
    if "th_TH" in vocab and "vi_VN" in vocab:
        return LanguageHandling("mbart50", "vi_VN", "th_TH", "th_TH")
    if "<2th>" in vocab:
        return LanguageHandling("madlad", source_prefix="<2th> ")
    if model_type == "marian" or name.startswith("Marian"):
        # Multi-target opus-mt models pick the target with a source prefix such as >>tha<<.
        for code in (">>tha<<", ">>th<<"):
            if code in vocab:
                return LanguageHandling("marian", source_prefix=code + " ")
        return LanguageHandling("marian")
    raise ModelNotFoundError(
        f"unsupported model ({model_type or name}): its tokenizer has no Vietnamese/Thai language tokens; "
        "use an NLLB-200, M2M-100, mBART-50, MADLAD-400 or Marian (opus-mt) model"
    )


def known_tokens(tokenizer: Any) -> dict[str, int]:
    """The tokenizer's vocabulary with its language tokens (M2M100Tokenizer keeps those apart)."""
    vocab = dict(tokenizer.get_vocab())
    vocab.update(getattr(tokenizer, "lang_token_to_id", None) or {})
    return vocab


def configure_tokenizer(tokenizer: Any, handling: LanguageHandling) -> None:
    """Set the tokenizer's source/target languages so that encoding a text adds the source token."""
    if handling.src_lang is None:
        return
    tokenizer.src_lang = handling.src_lang
    tokenizer.tgt_lang = handling.tgt_lang
