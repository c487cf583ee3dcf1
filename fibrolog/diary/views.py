"""The check-in (today or any past day) and the timeline; higher apps add panels (panels.py)."""

from __future__ import annotations

from datetime import date

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fibrolog.accounts.access import person_required
from fibrolog.accounts.services import today_for
from fibrolog.diary import panels
from fibrolog.diary.forms import (
    CheckinForm,
    MetricForm,
    choice_inputs,
    hidden,
    metric_rows,
    treatment_rows,
)
from fibrolog.diary.services import checkin_settings
from fibrolog.diary.services.checkin import save_day
from fibrolog.diary.services.checkin_page import checkin_form, checkin_page
from fibrolog.diary.services.timeline import WINDOWS, timeline
from fibrolog.diary.validation import check_day, parse_day


def _options(request: HttpRequest) -> dict[str, bool]:
    """Return the check-in's no-JavaScript switches: `?mode=bad` and `?fill=yesterday`."""
    source = request.POST if request.method == "POST" else request.GET
    return {
        "bad_day": source.get("mode") == "bad",
        "same_as_yesterday": request.method == "GET" and source.get("fill") == "yesterday",
    }


def _render_checkin(request: HttpRequest, page, form: CheckinForm, status: int = 200):
    context = {
        "page": page,
        "form": form,
        "metric_rows": metric_rows(form, page.yesterday),
        "treatment_rows": treatment_rows(form),
        "hidden": {name: hidden(form[name]) for name in ("o_tags", "o_flare", "o_note", "o_sites")},
        "tag_choices": choice_inputs(form["tags"]),
        "flare_choices": choice_inputs(form["flare"]),
        **panels.context(request.user, page),
    }
    return render(request, "diary/checkin.html", context, status=status)


@person_required
@require_GET
def today(request: HttpRequest) -> HttpResponse:
    """Show today's check-in."""
    page = checkin_page(request.user, **_options(request))
    return _render_checkin(request, page, CheckinForm(**page.form_kwargs()))


@person_required
@require_GET
def day(request: HttpRequest, iso: str) -> HttpResponse:
    """Show the check-in of a past day, for backfill and edits."""
    try:
        when = parse_day(iso, today_for(request.user))
    except ValueError as exc:
        return render(request, "diary/bad_day.html", {"error": str(exc)}, status=400)
    page = checkin_page(request.user, when, **_options(request))
    return _render_checkin(request, page, CheckinForm(**page.form_kwargs()))


@person_required
@require_GET
def pick_day(request: HttpRequest) -> HttpResponse:
    """Go to the day chosen in the date picker (or say why it cannot be shown)."""
    raw = request.GET.get("d", "").strip()[:10] or "today"
    try:
        when = parse_day(raw, today_for(request.user))
    except ValueError as exc:
        return render(request, "diary/bad_day.html", {"error": str(exc)}, status=400)
    return redirect("day", iso=raw if raw in ("today", "yesterday") else when.isoformat())


@person_required
@require_POST
def checkin(request: HttpRequest) -> HttpResponse:
    """Save a check-in; on a bad value show the form again, changing nothing."""
    raw_day = request.POST.get("day", "")
    try:
        when = check_day(date.fromisoformat(raw_day), today_for(request.user))
    except ValueError:
        when = None  # the form names what is wrong with the day
    options = _options(request)
    fields = checkin_form(request.user, when, bad_day=options["bad_day"])
    form = CheckinForm(request.POST, **fields)
    if not form.is_valid():  # only now read the day, to show the page again with the errors
        page = checkin_page(request.user, when, **options)
        form = CheckinForm(request.POST, **page.form_kwargs())
        return _render_checkin(request, page, form, status=400)
    save_day(request.user, form.cleaned_data["day"], form.changes())
    if options["bad_day"]:
        messages.success(request, "Saved. The rest can wait: rest well.")
    else:
        messages.success(request, "Saved. Thank you for checking in.")
    if form.cleaned_data["day"] == fields["today"]:
        return redirect("today")
    return redirect("day", iso=form.cleaned_data["day"].isoformat())


@person_required
@require_http_methods(["GET"])
def timeline_page(request: HttpRequest) -> HttpResponse:
    """Show 30, 90 or 365 days of symptoms as charts."""
    try:
        days = int(request.GET.get("days", "30"))
    except ValueError:
        days = 30
    if days not in WINDOWS:
        days = 30
    view = timeline(request.user, today_for(request.user), days)
    return render(request, "diary/timeline.html", {"view": view, "windows": WINDOWS})


@person_required
@require_http_methods(["GET", "POST"])
def metric_new(request: HttpRequest) -> HttpResponse:
    """Add a metric of the person's own to their check-in."""
    form = MetricForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        metric = checkin_settings.add_metric(request.user, **form.cleaned_data)
        messages.success(request, f"Added {metric.name} to your check-in.")
        return redirect("settings")
    status = 400 if form.is_bound else 200
    return render(request, "diary/metric_new.html", {"form": form}, status=status)
