"""Paired significance tests of a system against a baseline, with sacrebleu's own implementations.

``sacrebleu.significance.PairedTest`` runs paired bootstrap resampling (``bs``, Koehn 2004, as in
Moses' ``bootstrap-hypothesis-difference-significance.pl``) and approximate randomization (``ar``, Riezler
and Maxwell 2005, as in MultEval). Both are two-sided; the p-value is the chance of a difference at least
this large if the systems were the same. Confidence intervals (95%) come from the bootstrap resamples:
``mean ± ci``. The RNG seed is sacrebleu's (``SACREBLEU_SEED``, default 12345), so results repeat.

Each metric reads its own view of the text (BLEU and TER the segmented lines, chrF++ the raw ones), so the
tests run once per view; the resample indices depend only on the seed and the number of segments, so
every metric sees the same resamples.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from vnthai_mt.evaluation.metrics import Scorer, round_score

BOOTSTRAP_SAMPLES = 1000
AR_TRIALS = 10000


@dataclass(frozen=True)
class Estimate:
    score: float
    mean: float | None = None  # bootstrap mean
    ci: float | None = None  # half-width of the 95% interval around the mean

    def to_dict(self) -> dict[str, Any]:
        def rounded(value: float | None) -> float | None:
            return None if value is None else round_score(value)

        return {"score": rounded(self.score), "mean": rounded(self.mean), "ci95": rounded(self.ci)}


@dataclass(frozen=True)
class Comparison:
    metric: str  # JSON key of the metric
    baseline: Estimate
    system: Estimate
    bootstrap_p: float
    ar_p: float
    bootstrap_samples: int
    ar_trials: int
    signature: str

    @property
    def delta(self) -> float:
        return self.system.score - self.baseline.score

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline.to_dict(),
            "system": self.system.to_dict(),
            "delta": round_score(self.delta),
            "paired_bootstrap": {"p_value": self.bootstrap_p, "samples": self.bootstrap_samples},
            "approximate_randomization": {"p_value": self.ar_p, "trials": self.ar_trials},
            "signature": self.signature,
        }


def _run(test_type: str, scorer: Scorer, base_views, sys_views, n: int) -> dict[str, tuple[Any, Any, str]]:
    """{metric key: (baseline Result, system Result, signature)} for one test type."""
    from sacrebleu.significance import PairedTest

    out = {}
    for view in {spec.view for spec in scorer.specs}:
        specs = [spec for spec in scorer.specs if spec.view == view]
        test = PairedTest(
            [("baseline", base_views[view]), ("system", sys_views[view])],
            {spec.key: spec.metric for spec in specs},
            references=None,
            test_type=test_type,
            n_samples=n,
        )
        signatures, results = test()
        # Results are keyed by display name (BLEU, chrF2++, TER) in the order the metrics were given,
        # after the "System" column.
        names = [name for name in results if name != "System"]
        for name, spec in zip(names, specs, strict=True):
            baseline, system = results[name]
            out[spec.key] = (baseline, system, signatures[name].format() + spec.signature_suffix)
    return out


def compare(
    scorer: Scorer,
    system: Sequence[str],
    baseline: Sequence[str],
    *,
    bootstrap_samples: int = BOOTSTRAP_SAMPLES,
    ar_trials: int = AR_TRIALS,
) -> dict[str, Comparison]:
    """Paired bootstrap and approximate randomization of ``system`` against ``baseline`` per metric."""
    sys_views, base_views = scorer.views(system), scorer.views(baseline)
    bs = _run("bs", scorer, base_views, sys_views, bootstrap_samples)
    ar = _run("ar", scorer, base_views, sys_views, ar_trials)
    comparisons = {}
    for spec in scorer.specs:
        b_base, b_sys, signature = bs[spec.key]
        _, a_sys, _ = ar[spec.key]
        comparisons[spec.key] = Comparison(
            metric=spec.key,
            baseline=Estimate(float(b_base.score), _float(b_base.mean), _float(b_base.ci)),
            system=Estimate(float(b_sys.score), _float(b_sys.mean), _float(b_sys.ci)),
            bootstrap_p=float(b_sys.p_value),
            ar_p=float(a_sys.p_value),
            bootstrap_samples=bootstrap_samples,
            ar_trials=ar_trials,
            signature=signature,
        )
    return comparisons


def _float(value: Any) -> float | None:
    return None if value is None else float(value)
