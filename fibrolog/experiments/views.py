"""Self-experiment pages: list, designer, the running trial, its result and its calendar."""

from __future__ import annotations

from datetime import UTC, date

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from fibrolog.accounts.access import person_required
from fibrolog.accounts.services import today_for
from fibrolog.experiments import services
from fibrolog.experiments.forms import ChangeForm, DesignForm, NoteForm, StopForm
from fibrolog.experiments.models import Experiment
from fibrolog.experiments.services.calendar import ical
from fibrolog.experiments.services.data import outcome_names
from fibrolog.experiments.services.design import suggested_lengths


def _own(request: HttpRequest, pk: int) -> Experiment:
    exp = get_object_or_404(Experiment, pk=pk, user=request.user)
    return services.refresh_status(exp, today_for(request.user))


def _apply(form: DesignForm, exp: Experiment) -> bool:
    """Copy the form into `exp` and save it; on an invalid plan add the reason to the form."""
    for name, value in form.fields_for_model().items():
        setattr(exp, name, value)
    try:
        services.save_draft(exp)
    except services.ExperimentError as exc:
        form.add_error(None, str(exc))
        return False
    return True


@person_required
@require_GET
def experiment_list(request: HttpRequest) -> HttpResponse:
    """List the person's self-experiments."""
    today = today_for(request.user)
    rows = [services.refresh_status(e, today) for e in Experiment.objects.filter(user=request.user)]
    return render(request, "experiments/list.html", {"rows": rows})


@person_required
@require_http_methods(["GET", "POST"])
def experiment_new(request: HttpRequest) -> HttpResponse:
    """Design a new self-experiment (saved as a draft until it starts)."""
    today = today_for(request.user)
    initial = {"start": today, **suggested_lengths(request.user, today)}
    form = DesignForm(request.POST or None, today=today, initial=initial)
    if request.method == "POST" and form.is_valid():
        exp = Experiment(user=request.user)
        if _apply(form, exp):
            return redirect("experiment", pk=exp.pk)
    status = 400 if form.is_bound else 200
    return render(request, "experiments/design.html", {"form": form}, status=status)


@person_required
@require_http_methods(["GET", "POST"])
def experiment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Edit a draft; once started, change the plan (a new locked version, shown as deviation)."""
    exp = _own(request, pk)
    today = today_for(request.user)
    if not exp.locked:
        if request.method == "POST" and "recommended" in request.POST:
            advice = services.advice(exp, today)
            if advice.needed is not None:
                exp.params = {**exp.params, **_length(advice.needed.plan)}
                services.save_draft(exp)
            return redirect("experiment", pk=pk)
        form = DesignForm(request.POST or None, today=today, initial=DesignForm.initial_for(exp))
        if request.method == "POST" and form.is_valid() and _apply(form, exp):
            return redirect("experiment", pk=pk)
        status = 400 if form.is_bound else 200
        return render(request, "experiments/design.html", {"form": form, "exp": exp}, status=status)
    if not exp.active:
        raise Http404
    initial = {"mcid": exp.mcid, "secondary": exp.secondary, **exp.params}
    change = ChangeForm(request.POST or None, initial=initial)
    if request.method == "POST" and change.is_valid():
        try:
            services.change_plan(exp, today, change.cleaned_data["reason"], **change.changes(exp))
        except services.ExperimentError as exc:
            change.add_error(None, str(exc))
        else:
            messages.success(request, "A new version of the plan is locked.")
            return redirect("experiment", pk=pk)
    status = 400 if change.is_bound else 200
    context = {"form": change, "exp": exp}
    return render(request, "experiments/change.html", context, status=status)


def _length(plan) -> dict:
    if plan.design == "fast":
        return {"pairs": plan.pairs}
    return {"treatment_days": plan.treatment_days}


@person_required
@require_GET
def experiment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A draft with how long it must run; a running trial with today and progress."""
    exp = _own(request, pk)
    today = today_for(request.user)
    context: dict = {"exp": exp, "today": today}
    if not exp.locked:
        try:
            context["advice"] = services.advice(exp, today)
        except services.ExperimentError as exc:
            context["invalid"] = str(exc)
        else:
            keys = context["advice"].plan.outcomes
            context["outcome_names"] = outcome_names(request.user, keys)
    else:
        context["result"] = services.result(exp, today)
        context["plan"] = services.current_plan(exp)
        context["outcome_names"] = outcome_names(request.user, context["plan"].outcomes)
        context["assignment"] = next(
            (a for a in services.assignments(request.user, today) if a.experiment.pk == exp.pk),
            None,
        )
        context["note_form"] = NoteForm(today=today, initial={"day": today})
        context["stop_form"] = StopForm(today=today)
    return render(request, "experiments/detail.html", context)


@person_required
@require_POST
def experiment_start(request: HttpRequest, pk: int) -> HttpResponse:
    """Lock the plan (hash and time) and start."""
    exp = _own(request, pk)
    try:
        version = services.start(exp, today_for(request.user))
    except services.ExperimentError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Started. Plan locked: {version.sha256[:12]}.")
    return redirect("experiment", pk=pk)


@person_required
@require_POST
def experiment_pause(request: HttpRequest, pk: int) -> HttpResponse:
    """Pause a running experiment, or resume a paused one."""
    exp = _own(request, pk)
    today = today_for(request.user)
    try:
        if exp.status == Experiment.PAUSED:
            services.resume(exp, today)
        else:
            services.pause(exp, today, request.POST.get("text", ""))
    except services.ExperimentError as exc:
        messages.error(request, str(exc))
    return redirect("experiment", pk=pk)


@person_required
@require_POST
def experiment_stop(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop early; the result says so."""
    exp = _own(request, pk)
    today = today_for(request.user)
    form = StopForm(request.POST, today=today)
    text = form.cleaned_data["text"] if form.is_valid() else ""
    try:
        services.stop(exp, today, text)
    except services.ExperimentError as exc:
        messages.error(request, str(exc))
        return redirect("experiment", pk=pk)
    return redirect("experiment_result", pk=pk)


@person_required
@require_POST
def experiment_taken(request: HttpRequest, pk: int) -> HttpResponse:
    """Record in one tap whether B was taken on a day; back to where the tap came from."""
    exp = _own(request, pk)
    today = today_for(request.user)
    try:
        day = date.fromisoformat(request.POST.get("day", ""))
    except ValueError:
        day = today
    answer = {"yes": True, "no": False, "clear": None}.get(request.POST.get("taken", ""))
    if day > today or "taken" not in request.POST:
        messages.error(request, "Nothing saved: choose a day up to today and an answer.")
    else:
        try:
            services.record_taken(exp, day, answer)
        except services.ExperimentError as exc:
            messages.error(request, str(exc))
    if request.POST.get("back") == "checkin":
        return redirect("today") if day == today else redirect("day", iso=day.isoformat())
    return redirect("experiment", pk=pk)


@person_required
@require_POST
def experiment_note(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a deviation from the plan."""
    exp = _own(request, pk)
    form = NoteForm(request.POST, today=today_for(request.user))
    if form.is_valid():
        try:
            services.note(exp, form.cleaned_data["day"], form.cleaned_data["text"])
        except services.ExperimentError as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, "Deviation recorded.")
    else:
        messages.error(request, "Nothing saved: give a day up to today and what happened.")
    return redirect("experiment", pk=pk)


@person_required
@require_POST
def experiment_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Delete a draft that never started."""
    exp = _own(request, pk)
    if not exp.locked:
        exp.delete()
        messages.info(request, "Draft deleted.")
    return redirect("experiments")


@person_required
@require_GET
def experiment_result(request: HttpRequest, pk: int) -> HttpResponse:
    """The result (or an interim look): effect, ranges, chances, verdict, rule, caveats."""
    exp = _own(request, pk)
    res = services.result(exp, today_for(request.user))
    if res is None:
        return redirect("experiment", pk=pk)
    return render(request, "experiments/result.html", {"exp": exp, "result": res})


@person_required
@require_GET
def experiment_calendar(request: HttpRequest, pk: int) -> HttpResponse:
    """The locked schedule as an iCalendar file, one all-day event per period."""
    exp = _own(request, pk)
    version = exp.versions.order_by("-number").first()
    plan = services.current_plan(exp)
    if version is None or plan is None:
        raise Http404
    blocks = plan.blocks()
    if exp.stopped_on:
        blocks = [
            b._replace(last=min(b.last, exp.stopped_on))
            for b in blocks
            if b.first <= exp.stopped_on
        ]
    stamp = version.locked_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    body = ical(exp, blocks, stamp, version.number - 1)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="experiment-{exp.pk}.ics"'
    return response
