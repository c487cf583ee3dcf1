"""The pure analysis core of fibrolog: no Django, only numpy, scipy and pandas.

It holds the demo-diary generator (a documented generative model with known effects,
docs/demo-data.md) and the engine (docs/methods.md): `two_arm` for a self-experiment's B - A,
`InsightsModel` (or `insights` in one call) for what seems linked to a person's symptoms and
whether their treatments work: ``fit`` gives a frozen `InsightsResult`, ``update`` refreshes it
after a new day.

The engine's names are imported on first use, so that ``import fibrolog.analysis`` (for the
demo generator) does not load scipy and pandas.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from fibrolog.analysis.simulate import (
    TRUE_EFFECTS,
    DemoDiary,
    DemoFlare,
    DemoTreatment,
    TrueEffect,
    simulate_diary,
)

if TYPE_CHECKING:
    from fibrolog.analysis.effect import Effect, Verdict, verdict
    from fibrolog.analysis.frame import daily, demo_frame, read_diary_csv
    from fibrolog.analysis.insight import Insight, TreatmentInsight
    from fibrolog.analysis.mixture import Mixture
    from fibrolog.analysis.regression import MLFit, maximum_likelihood
    from fibrolog.analysis.results import Collecting, Insights, InsightsResult
    from fibrolog.analysis.screening import InsightsModel, insights
    from fibrolog.analysis.twoarm import two_arm

_LAZY = {
    "Collecting": "results",
    "Effect": "effect",
    "Insight": "insight",
    "Insights": "results",
    "InsightsModel": "screening",
    "InsightsResult": "results",
    "MLFit": "regression",
    "Mixture": "mixture",
    "TreatmentInsight": "insight",
    "Verdict": "effect",
    "daily": "frame",
    "demo_frame": "frame",
    "insights": "screening",
    "maximum_likelihood": "regression",
    "read_diary_csv": "frame",
    "two_arm": "twoarm",
    "verdict": "effect",
}

__all__ = [
    "TRUE_EFFECTS",
    "Collecting",
    "DemoDiary",
    "DemoFlare",
    "DemoTreatment",
    "Effect",
    "Insight",
    "Insights",
    "InsightsModel",
    "InsightsResult",
    "MLFit",
    "Mixture",
    "TreatmentInsight",
    "TrueEffect",
    "Verdict",
    "daily",
    "demo_frame",
    "insights",
    "maximum_likelihood",
    "read_diary_csv",
    "simulate_diary",
    "two_arm",
    "verdict",
]


def __getattr__(name: str) -> Any:
    """Import an engine name on first use (PEP 562)."""
    if name in _LAZY:
        value = getattr(importlib.import_module(f"fibrolog.analysis.{_LAZY[name]}"), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'fibrolog.analysis' has no attribute {name!r}")
