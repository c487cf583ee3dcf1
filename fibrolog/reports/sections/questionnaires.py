"""Questionnaires in the period: first and latest score, band, meaningful change, trend charts."""

from __future__ import annotations

from typing import Any

from django.utils.safestring import mark_safe

from fibrolog import instruments
from fibrolog.charts import Scale
from fibrolog.charts.scores import ScoreChart, score_chart
from fibrolog.instruments.change import meaningful_change
from fibrolog.questionnaires.models import Response
from fibrolog.questionnaires.services import score

SHOWN = ("acr2016", "fiqr", "phq9", "gad7", "peg")
# How to read each total, said under the table for the instruments answered.
SCALES = {
    "acr2016": "ACR: the 2016 criteria, self-reported; the score is fibromyalgia severity (WPI + "
    "SSS, 0-31, Wolfe 2015 bands). Self-report is valid for research, not for diagnosing one "
    "person: meeting the thresholds is for a clinician to confirm.",
    "fiqr": "FIQR 0-100 (bands: Salaffi 2018).",
    "phq9": "PHQ-9 0-27 (published bands).",
    "gad7": "GAD-7 0-21 (published bands).",
    "peg": "PEG 0-10 (no bands).",
}
CRISIS_FLAG = "self_harm_risk"


def build(request) -> dict[str, Any]:
    """Return a row per instrument answered, the trend charts and PHQ-9 item 9 answers above 0."""
    rows, charts, alerts = [], [], []
    for name in SHOWN:
        instrument = instruments.get(name)
        done = Response.objects.filter(
            user=request.user,
            instrument=name,
            completed_at__isnull=False,
            day__range=(request.start, request.end),
        ).order_by("day", "completed_at")
        scored = [(r.day, score(r)) for r in done]
        alerts += [day for day, s in scored if CRISIS_FLAG in s.flags]
        valid = [(day, s) for day, s in scored if s.total is not None]
        if valid:
            rows.append(_row(instrument, valid))
        if len(valid) >= 2:
            charts.append((instrument.title, _chart(instrument, valid)))
    return {"rows": rows, "charts": charts, "alerts": alerts}


def _chart(instrument, valid: list) -> str:
    return mark_safe(
        score_chart(
            ScoreChart(
                title=instrument.title,
                points=[(day, float(s.total)) for day, s in valid],
                scale=Scale(*instrument.total_range),
                bands=[(b.low, b.high, b.word) for b in instrument.bands],
                chart_id=f"report-score-{instrument.name}",
            )
        )
    )


def _row(instrument, valid: list) -> dict[str, Any]:
    rule = meaningful_change(instrument.name)
    row: dict[str, Any] = {
        "title": instrument.title,
        "name": instrument.name,
        "count": len(valid),
        "rule": rule,
        "bands_source": instrument.bands_source,
        "scale": SCALES.get(instrument.name, ""),
    }
    if not valid:
        return row
    (first_day, first), (last_day, last) = valid[0], valid[-1]
    row.update(
        first={"day": first_day, "total": instrument.show(first.total), "band": first.band},
        last={"day": last_day, "total": instrument.show(last.total), "band": last.band},
    )
    if len(valid) > 1:
        if rule is None:
            row["change"] = "no published threshold"
        else:
            row["change"] = rule.classify(first.total, last.total) or "no meaningful change"
    if instrument.name.startswith("acr"):
        row["criteria"] = _criteria(instrument.name[3:], last.meets_criteria)
    return row


def _criteria(year: str, meets: bool | None) -> str:
    if meets is None:
        return "not comparable with the criteria (symptom duration not answered)"
    if meets:
        return f"meets the {year} criteria thresholds; a clinician confirms a diagnosis"
    return f"does not meet the {year} criteria thresholds"
