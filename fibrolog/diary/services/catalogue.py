"""Keep the built-in metrics in the database in step with the catalogue in code."""

from __future__ import annotations

from typing import Any

from fibrolog.catalogue import BUILT_IN_METRICS


def sync_catalogue() -> int:
    """Create or update every built-in metric of `fibrolog.catalogue`; return how many there are."""
    from fibrolog.diary.models import Metric

    specs = BUILT_IN_METRICS
    for position, spec in enumerate(specs):
        Metric.objects.update_or_create(
            owner=None,
            key=spec.key,
            defaults={
                "name": spec.name,
                "kind": spec.kind,
                "low": spec.low,
                "high": spec.high,
                "step": spec.step,
                "unit": spec.unit,
                "worse": spec.worse,
                "question": spec.question,
                "low_label": spec.low_label,
                "high_label": spec.high_label,
                "words": list(spec.words),
                "position": position,
            },
        )
    return len(specs)


def sync_catalogue_after_migrate(**kwargs: Any) -> None:
    """Run sync_catalogue once the diary tables exist (a post_migrate receiver)."""
    sync_catalogue()
