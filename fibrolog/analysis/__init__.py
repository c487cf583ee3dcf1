"""The pure analysis core of fibrolog: no Django, only the standard library and numpy.

So far it holds the demo-diary generator, a documented generative model with known effects
(docs/demo-data.md) against which the analysis engine is checked.
"""

from __future__ import annotations

from fibrolog.analysis.simulate import (
    TRUE_EFFECTS,
    DemoDiary,
    DemoFlare,
    DemoTreatment,
    TrueEffect,
    simulate_diary,
)

__all__ = [
    "TRUE_EFFECTS",
    "DemoDiary",
    "DemoFlare",
    "DemoTreatment",
    "TrueEffect",
    "simulate_diary",
]
