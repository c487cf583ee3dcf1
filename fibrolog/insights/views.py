"""What seems linked, is my treatment working, and my flares: pages over the stored result."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pandas as pd
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from fibrolog.accounts.access import person_required
from fibrolog.analysis.insight import TreatmentInsight
from fibrolog.analysis.outcome import MIN_DAYS
from fibrolog.charts import (
    PHONE_WIDTH,
    Band,
    Expected,
    LineChart,
    Scale,
    Series,
    caption,
    line_chart,
)
from fibrolog.diary.services.frame import TAG_PREFIX, diary_frame
from fibrolog.insights import priors, services, words
from fibrolog.treatments.models import Regimen


@person_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """Show at most about five associations, the treatments, and what needs more data."""
    run = services.latest(request.user)
    result = run.insights() if run else None
    days = services.logged_days(request.user)
    context = {
        "run": run,
        "ready": result is not None,
        "days": days,
        "min_days": MIN_DAYS,
        "too_early": days < MIN_DAYS,
    }
    if result is not None:
        names = services.names_for(request.user)
        shown = services.shown(result)
        context.update(
            associations=[words.association(i, names) for i in shown if i.kind == "association"],
            treatments=words.by_treatment(
                [words.treatment(i, names) for i in shown if i.kind == "treatment"]
            ),
            collecting=[words.waiting(c, names) for c in result.collecting],
            tested=len(result.all),
        )
    return render(request, "insights/overview.html", context)


@person_required
@require_GET
def treatment(request: HttpRequest, factor: str) -> HttpResponse:
    """Is it working for me? The effect so far, its onset, and the counterfactual line."""
    run = services.latest(request.user)
    result = run.insights() if run else None
    items = [
        i
        for i in (result.all if result is not None else ())
        if i.kind == "treatment" and i.factor == factor and isinstance(i, TreatmentInsight)
    ]
    if not items and not (run and run.stale):
        raise Http404
    names = services.names_for(request.user)
    sources = priors.for_user(request.user)
    cards = [
        replace(
            words.treatment(i, names),
            pooled=words.together(i, getattr(sources.get((i.outcome, i.factor)), "lines", ())),
        )
        for i in items
    ]
    chart = _counterfactual_chart(request.user, items[0], names) if items else None
    return render(
        request,
        "insights/treatment.html",
        {"factor": services.label(factor, names), "cards": cards, "chart": chart, "run": run},
    )


def _counterfactual_chart(user, item: TreatmentInsight, names: dict[str, str]):
    dates, without = item.counterfactual()
    keep = slice(-services.COUNTERFACTUAL_DAYS, None)
    dates, without = dates[keep], without[keep]
    if not dates:
        return None
    start, end = dates[0], dates[-1]
    frame, meta = diary_frame(user, start=start, end=end)
    outcome = item.outcome
    actual = (
        frame[outcome].reindex([pd.Timestamp(d) for d in dates]).tolist()
        if outcome in frame
        else []
    )
    bands = [
        Band(r.start, r.stop or end, r.label())
        for r in Regimen.objects.filter(treatment__user=user, start__lte=end).select_related(
            "treatment"
        )
        if (r.stop or end) >= start and (r.treatment.key or r.treatment.name) == item.factor
    ]
    low, high = meta["scale"].get(outcome, (0, 10))
    without_it = f"what the model expects without {services.label(item.factor, names)}"
    spec = LineChart(
        title=_first_upper(services.label(outcome, names)),
        series=Series(start, actual),
        scale=Scale(low, high),
        bands=bands,
        expected=Expected(without, without_it),
        chart_id=f"cf-{outcome}",
        size=(480, 190),
        phone_width=PHONE_WIDTH,
    )
    return {"svg": mark_safe(line_chart(spec)), "caption": caption(spec)}  # escaped by charts


def _first_upper(text: str) -> str:
    """Return `text` with its first letter upper case, the rest as written ("LDN" stays)."""
    return text[:1].upper() + text[1:]


@person_required
@require_GET
def flares(request: HttpRequest) -> HttpResponse:
    """Flares found in the pain series, and what tended to come before them (descriptive)."""
    from fibrolog.analysis.flares import detect_flares, what_preceded

    frame, _ = diary_frame(request.user)
    found = detect_flares(frame["pain"]) if "pain" in frame else []
    tags = [c for c in frame.columns if c.startswith(TAG_PREFIX)]
    preceded = what_preceded(found, frame[tags]) if tags else []
    window = 3
    context = {
        "flares": list(reversed(found))[:30],
        "count": len(found),
        "window": window,
        "preceded": [(services.label(p.factor), p) for p in preceded[:8]],
        "since": frame.index.min().date() if len(frame.index) else None,
        "recent": [f for f in found if f.end >= date.today() - timedelta(days=365)],
    }
    return render(request, "insights/flares.html", context)
