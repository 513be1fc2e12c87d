"""Timing helpers for the speed benchmarks: the glossary layer's cost apart from the model's.

    from vnthai_mt.translate.pipeline import Translator
    tr = Translator("tiny-nllb", "ctranslate2", num_beams=1)
    glossary_timing(tr, ["Chủ tịch UBND tỉnh phát biểu."])
    # {"model_s": 0.08, "glossary_s": 0.004, "glossary_overhead_pct": 5.1, ..., "missing": 0}

``warm_up`` loads what the pipeline loads lazily (Thai word segmentation, name tables), so a timed run
measures translation, not first-use loading. Used by benchmark.py and bench_speed.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from vnthai_mt.translate.requirements import build_registry, find_required, name_renderer


def warm_up(translator) -> None:
    """Load the lazily loaded parts (Thai word segmentation, name tables) so they are not timed."""
    from vnthai_mt.translate.repair import _boundaries

    _boundaries("ทดสอบ การ ตัด คำ")
    renderer = name_renderer(build_registry(["Đồng chí Nguyễn Văn An"])) if translator.names else None
    find_required("Đồng chí Nguyễn Văn An, Chủ tịch UBND tỉnh", translator.matcher, names=renderer)


def glossary_timing(translator, texts: Sequence[str]) -> dict[str, Any]:
    """Translate ``texts`` once and return the glossary layer's time apart from the model's.

    Keys: ``model_s`` (model, first pass), ``glossary_s`` (finding requirements, mask/restore, repair,
    checks), ``constrain_s`` (inside the constrained-decoding processor), ``redecode_s`` (model time
    of prefix-forcing passes), the same as percentages of ``model_s`` (``glossary_overhead_pct``,
    ``constrain_overhead_pct``, ``redecode_overhead_pct``), ``total_overhead_pct`` (all three),
    ``strategy``, ``backend``, ``sentences``, and the summary counts (``required``, ``missing``...).
    With random weights the model writes no required rendering by itself, so every one is forced:
    redecode_s is then a worst case.
    """
    warm_up(translator)
    result = translator.translate_with_report(list(texts))
    t = result.report.timings
    out: dict[str, Any] = dict(t.to_dict())
    model = t.model_s
    out["total_overhead_pct"] = (
        round(100 * (t.glossary_s + t.constrain_s + t.redecode_s) / model, 2) if model else None
    )
    out["strategy"] = translator.strategy
    out["backend"] = translator.settings["backend"]
    out.update({k: v for k, v in result.report.summary.items() if k != "segments"})
    out["segments"] = len(texts)
    return out

