"""What seems linked (associations) and tested effects (self-experiments), worded as in the app."""

from __future__ import annotations

from typing import Any

from fibrolog.insights import words
from fibrolog.insights.models import InsightRun
from fibrolog.insights.services import names_for


def build(request) -> dict[str, Any]:
    """Return the stored associations and treatment effects, and the experiments' results."""
    from fibrolog.experiments.services import report_rows

    run = InsightRun.objects.filter(user=request.user, computed_at__isnull=False).first()
    result = run.insights() if run else None
    shown = result.shown if result is not None else ()
    names = names_for(request.user)
    return {
        "computed_at": run.computed_at if run else None,
        "through": run.diary_through if run else None,
        "associations": [words.association(i, names) for i in shown if i.kind == "association"],
        "treatments": words.by_treatment(
            [words.treatment(i, names) for i in shown if i.kind == "treatment"]
        ),
        "experiments": report_rows(request.user),
    }
