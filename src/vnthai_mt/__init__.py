"""vnthai-mt: Vietnamese-to-Thai translation of official news with consistent titles and names.

The public API (each name loads its module on first use, so ``import vnthai_mt`` stays light)::

    from vnthai_mt import Translator, check, fix, evaluate, transcribe, load_glossaries

    with Translator(model="nllb-600M-ct2", backend="ctranslate2") as tr:      # translators
        tr.translate("Chủ tịch UBND tỉnh Nguyễn Khắc Thận phát biểu.")      # -> one Thai string
    check("article.th.txt").findings                                         # editors
    fix("article.th.txt").lines
    evaluate("out.th.txt", refset="ntrex128")["bleu"]["score"]               # evaluators
    transcribe("Nguyễn Khắc Thận").thai                                      # 'เหงียน คัก เถิ่น'
    load_glossaries(["my_terms.tsv"])                                        # shipped ones first

Errors for bad input are ``VnthaiError`` subclasses (``InputError``, ``GlossaryError``,
``ModelNotFoundError``), each naming the file and line.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from vnthai_mt.errors import GlossaryError, InputError, ModelNotFoundError, VnthaiError
from vnthai_mt.translate.threads import quiet_thread_pools

quiet_thread_pools()  # before PyTorch or CTranslate2 load: concurrent runs share the cores, never spin

__version__ = "0.1.0"

_LAZY = {
    "Translator": "vnthai_mt.translate.pipeline",
    "check": "vnthai_mt.qa.run",
    "fix": "vnthai_mt.qa.run",
    "evaluate": "vnthai_mt.evaluation.run",
    "transcribe": "vnthai_mt.names.translit",
    "load_glossaries": "vnthai_mt.glossary.loader",
    "Glossary": "vnthai_mt.glossary.loader",
}

__all__ = [*_LAZY, "GlossaryError", "InputError", "ModelNotFoundError", "VnthaiError", "__version__"]

if TYPE_CHECKING:
    from vnthai_mt.evaluation.run import evaluate as evaluate
    from vnthai_mt.glossary.loader import Glossary as Glossary
    from vnthai_mt.glossary.loader import load_glossaries as load_glossaries
    from vnthai_mt.names.translit import transcribe as transcribe
    from vnthai_mt.qa.run import check as check
    from vnthai_mt.qa.run import fix as fix
    from vnthai_mt.translate.pipeline import Translator as Translator


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(importlib.import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'vnthai_mt' has no attribute {name!r}")
