"""The built-in catalogue: metrics, tags and treatments as plain data (no Django, no app).

Apps and importers read it from here; the database copy of the metrics is synced from it after
every migrate.

Example::

    from fibrolog.catalogue import METRICS

    pain = next(m for m in METRICS if m.key == "pain")  # low 0, high 10, worse "higher"
"""

from __future__ import annotations

from fibrolog.catalogue.metrics import (
    BUILT_IN_METRICS,
    DEFAULT_CHECKIN,
    FACTOR,
    HIGHER,
    IMPORTED_METRIC_KEYS,
    IMPORTED_METRICS,
    LOWER,
    METRIC_KEYS,
    METRICS,
    NEITHER,
    SEVERITY_WORDS,
    SYMPTOM,
    MetricSpec,
)
from fibrolog.catalogue.tags import DEFAULT_TAGS
from fibrolog.catalogue.treatments import TREATMENT_KEYS, TREATMENTS, TreatmentSpec

__all__ = [
    "BUILT_IN_METRICS",
    "DEFAULT_CHECKIN",
    "DEFAULT_TAGS",
    "FACTOR",
    "HIGHER",
    "IMPORTED_METRICS",
    "IMPORTED_METRIC_KEYS",
    "LOWER",
    "METRICS",
    "METRIC_KEYS",
    "NEITHER",
    "SEVERITY_WORDS",
    "SYMPTOM",
    "TREATMENTS",
    "TREATMENT_KEYS",
    "MetricSpec",
    "TreatmentSpec",
]
