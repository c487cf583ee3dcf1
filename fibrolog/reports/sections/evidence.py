"""What seems linked (associations) and tested effects (self-experiments), worded as in the app."""

from __future__ import annotations

from typing import Any

from fibrolog.insights import words
from fibrolog.insights.models import InsightRun


def build(request) -> dict[str, Any]:
    """Return the stored associations and treatment effects, and the experiments' results."""
    from fibrolog.experiments.services import report_rows

    run = InsightRun.objects.filter(user=request.user, computed_at__isnull=False).first()
    shown = run.result.get("shown", []) if run else []
    return {
        "computed_at": run.computed_at if run else None,
        "through": run.diary_through if run else None,
        "associations": [words.association(i) for i in shown if i["kind"] == "association"],
        "treatments": words.by_treatment(
            [words.treatment(i) for i in shown if i["kind"] == "treatment"]
        ),
        "experiments": report_rows(request.user),
    }
