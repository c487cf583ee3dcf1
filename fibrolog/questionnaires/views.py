"""Questionnaire pages: list and reminders, one short page at a time, result, history."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fibrolog import instruments
from fibrolog.accounts.access import person_required
from fibrolog.accounts.services import today_for
from fibrolog.charts import Scale
from fibrolog.charts.scores import ScoreChart, score_chart
from fibrolog.instruments import Item
from fibrolog.instruments.change import meaningful_change
from fibrolog.questionnaires import services
from fibrolog.questionnaires.body_map import body_views
from fibrolog.questionnaires.forms import ScheduleForm
from fibrolog.questionnaires.models import Response
from fibrolog.questionnaires.services import suggest

CRISIS_FLAG = "self_harm_risk"


@dataclass(frozen=True)
class Field:
    item: Item
    value: str  # "" when unanswered
    error: str | None


@person_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """List the questionnaires with what is due, the latest result and the reminder schedule."""
    due = {d.name: d for d in services.due(request.user)}
    rows = []
    for name in services.OFFERED:
        last = services.history(request.user, name)[-1:]
        rows.append(
            {
                "name": name,
                "instrument": instruments.get(name),
                "due": due.get(name),
                "about": services.ABOUT[name],
                "last": last[0] if last else None,
            }
        )
    form = ScheduleForm(schedules=services.schedules(request.user))
    return render(request, "questionnaires/overview.html", {"rows": rows, "form": form})


@person_required
@require_POST
def schedule(request: HttpRequest) -> HttpResponse:
    """Save how often each questionnaire is due."""
    form = ScheduleForm(request.POST, schedules=services.schedules(request.user))
    if form.is_valid():
        form.save(request.user)
        messages.success(request, "Reminders saved.")
        return redirect("questionnaires")
    return render(request, "questionnaires/overview.html", {"rows": [], "form": form}, status=400)


@person_required
@require_POST
def start(request: HttpRequest, name: str) -> HttpResponse:
    """Start (or resume) a questionnaire."""
    try:
        response = services.start_or_resume(request.user, name)
    except LookupError:
        raise Http404 from None
    return redirect("questionnaire_page", pk=response.pk, number=response.page + 1)


@person_required
@require_POST
def dismiss(request: HttpRequest, name: str) -> HttpResponse:
    """Put off a suggested questionnaire ("not now") and go back to today."""
    if name not in services.OFFERED:
        raise Http404
    suggest.dismiss(request.user, name, today_for(request.user))
    messages.success(request, "It can wait. Fill it in any time under Questionnaires.")
    return redirect("today")


def _own(request: HttpRequest, pk: int) -> Response:
    return get_object_or_404(Response, pk=pk, user=request.user)


@person_required
@require_http_methods(["GET", "POST"])
def page(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    """Show or save one page; Back, Pause and Next/Finish all keep what was answered."""
    response = _own(request, pk)
    if response.completed_at:
        return redirect("questionnaire_result", pk=pk)
    instrument = instruments.get(response.instrument)
    all_pages = services.pages(instrument)
    if not 1 <= number <= len(all_pages):
        raise Http404
    current = all_pages[number - 1]
    errors: dict[str, str] = {}
    if request.method == "POST":
        try:
            answers = services.parse_page(current, request.POST)
        except services.PageErrors as exc:
            errors = exc.errors
        else:
            services.save_page(response, number - 1, answers)
            if "pause" in request.POST:
                messages.info(
                    request,
                    f"Paused. Your answers to {instrument.title} are kept: "
                    "continue any time from Questionnaires.",
                )
                return redirect("questionnaires")
            if "back" in request.POST and number > 1:
                return redirect("questionnaire_page", pk=pk, number=number - 1)
            if number < len(all_pages):
                return redirect("questionnaire_page", pk=pk, number=number + 1)
            services.finish(response)
            return redirect("questionnaire_result", pk=pk)
    values = {**response.answers, **(dict(request.POST.items()) if errors else {})}
    fields = [
        Field(i, "" if values.get(i.key) is None else str(values[i.key]), errors.get(i.key))
        for i in current.items
    ]
    context = {
        "response": response,
        "instrument": instrument,
        "page": current,
        "number": number,
        "total": len(all_pages),
        "errors": errors,
        "fields": fields,
        "is_body_map": instrument.name.startswith("acr") and number == 1,
        "body_views": body_views([(f.item.key, f.item.text, f.value == "1") for f in fields]),
        "crisis_item": "q9" if instrument.name == "phq9" else None,
    }
    return render(request, "questionnaires/page.html", context, status=400 if errors else 200)


@person_required
@require_GET
def result(request: HttpRequest, pk: int) -> HttpResponse:
    """Show a completed response's score in plain words (crisis resources first if flagged)."""
    response = _own(request, pk)
    if not response.completed_at:
        return redirect("questionnaire_page", pk=pk, number=response.page + 1)
    score = services.score(response)
    context = {
        "response": response,
        "instrument": instruments.get(response.instrument),
        "score": score,
        "crisis": CRISIS_FLAG in score.flags,
    }
    return render(request, "questionnaires/result.html", context)


@person_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Throw away an unfinished response."""
    response = _own(request, pk)
    if response.completed_at is None:
        response.delete()
        messages.info(request, "Discarded.")
    return redirect("questionnaires")


@person_required
@require_GET
def history(request: HttpRequest, name: str) -> HttpResponse:
    """Each score over time with its bands and meaningful-change markers."""
    if name not in services.OFFERED:
        raise Http404
    instrument = instruments.get(name)
    rows = services.history(request.user, name)
    points = [(r.response.day, r.score.total) for r in rows if r.score.total is not None]
    chart = (
        score_chart(
            ScoreChart(
                title=instrument.title,
                points=points,
                scale=Scale(*instrument.total_range),
                bands=[(b.low, b.high, b.word) for b in instrument.bands],
                chart_id=f"history-{name}",
            )
        )
        if points
        else None
    )
    crisis = any(CRISIS_FLAG in r.score.flags for r in rows[-1:])
    context = {
        "instrument": instrument,
        "rows": list(reversed(rows)),
        "chart": chart,
        "change": meaningful_change(name),
        "crisis": crisis,
    }
    return render(request, "questionnaires/history.html", context)
