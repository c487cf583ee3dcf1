"""Treatments in the period: a timeline over pain, each dose period, and adherence."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db.models import Q
from django.utils.safestring import mark_safe

from fibrolog.charts import Band, LineChart, Scale, Series, line_chart
from fibrolog.diary.models import Metric
from fibrolog.reports.services import data
from fibrolog.treatments.models import Intake, Regimen


def build(request) -> dict[str, Any]:
    """Return the timeline chart and one row per treatment with its doses and adherence."""
    user, start, end = request.user, request.start, request.end
    regimens = list(
        Regimen.objects.filter(treatment__user=user, start__lte=end)
        .filter(Q(stop__isnull=True) | Q(stop__gte=start))
        .select_related("treatment")
        .order_by("treatment__name", "start")
    )
    by_treatment: dict[int, list[Regimen]] = {}
    for r in regimens:
        by_treatment.setdefault(r.treatment_id, []).append(r)
    rows = [_row(group, start, end) for group in by_treatment.values()]
    return {"rows": rows, "chart": _chart(user, start, end, regimens) if regimens else None}


def _row(regimens: list[Regimen], start: date, end: date) -> dict[str, Any]:
    treatment = regimens[0].treatment
    on_days: set[date] = set()
    for r in regimens:
        first, last = max(r.start, start), min(r.stop or end, end)
        on_days.update(date.fromordinal(d) for d in range(first.toordinal(), last.toordinal() + 1))
    intakes = dict(
        Intake.objects.filter(treatment=treatment, day__range=(start, end)).values_list(
            "day", "taken"
        )
    )
    taken = sum(1 for d in on_days if intakes.get(d) is True)
    not_taken = sum(1 for d in on_days if intakes.get(d) is False)
    logged = taken + not_taken
    return {
        "name": treatment.name,
        "kind": treatment.get_kind_display(),
        "doses": [
            {"label": r.label(), "start": r.start, "stop": r.stop, "note": r.note} for r in regimens
        ],
        "days": len(on_days),
        "taken": taken,
        "not_taken": not_taken,
        "not_logged": len(on_days) - logged,
        "percent": round(100 * taken / logged) if logged else None,
    }


def _chart(user, start: date, end: date, regimens: list[Regimen]) -> str:
    pain = Metric.objects.filter(owner__isnull=True, key="pain").first()
    values = data.series(user, [pain], start, end)["pain"] if pain else []
    bands = [Band(r.start, r.stop or end, r.label()) for r in regimens]
    return mark_safe(
        line_chart(
            LineChart(
                title="Pain with treatment periods",
                series=Series(start, values or [None] * ((end - start).days + 1)),
                scale=Scale(0, 10, "0-10"),
                bands=bands,
                flares=data.flare_bands(data.flares(user, start, end)),
                chart_id="report-treatments",
                size=(720, 170 + 13 * min(len(bands), 6)),
            )
        )
    )
