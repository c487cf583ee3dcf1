"""Treatments: list and start; one treatment's history, dose changes and stop."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from fibrolog.accounts.access import person_required
from fibrolog.accounts.services import today_for
from fibrolog.treatments import services
from fibrolog.treatments.forms import DoseForm, StartForm, StopForm
from fibrolog.treatments.models import Treatment


def _field_error(form, exc: services.TreatmentError, default: str) -> None:
    label, _, text = str(exc).partition(": ")
    names = {f.label: name for name, f in form.fields.items()}
    form.add_error(names.get(label, default) if text else None, text or str(exc))


@person_required
@require_http_methods(["GET", "POST"])
def treatment_list(request: HttpRequest) -> HttpResponse:
    """List treatments and start a new one."""
    today = today_for(request.user)
    form = StartForm(request.POST or None, today=today, initial={"start": today})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            t = services.start_treatment(
                request.user,
                name=data["name"],
                key=data["key"],
                dose=data["dose"],
                unit=data["unit"],
                start=data["start"],
            )
        except services.TreatmentError as exc:
            _field_error(form, exc, "name")
        else:
            messages.success(request, f"Started {t.name}.")
            return redirect("treatment", pk=t.pk)
    treatments = Treatment.objects.filter(user=request.user).prefetch_related("regimens")
    rows = [(t, t.current_regimen(today)) for t in treatments]
    status = 400 if form.is_bound and form.errors else 200
    return render(
        request, "treatments/list.html", {"form": form, "rows": rows, "today": today}, status=status
    )


@person_required
@require_http_methods(["GET", "POST"])
def treatment_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Show one treatment's history; change its dose or stop it."""
    treatment = get_object_or_404(Treatment, pk=pk, user=request.user)
    today = today_for(request.user)
    post = request.POST if request.method == "POST" else None
    dose_form = DoseForm(
        post if post and "change_dose" in post else None,
        today=today,
        initial={"on": today},
        prefix="dose",
    )
    stop_form = StopForm(
        post if post and "stop" in post else None, today=today, initial={"on": today}, prefix="stop"
    )
    for form, action in ((dose_form, "dose"), (stop_form, "stop")):
        if form.is_bound and form.is_valid():
            try:
                if action == "dose":
                    services.change_dose(
                        treatment, dose=form.cleaned_data["dose"], on=form.cleaned_data["on"]
                    )
                else:
                    services.stop_treatment(treatment, on=form.cleaned_data["on"])
            except services.TreatmentError as exc:
                _field_error(form, exc, "on")
            else:
                messages.success(request, "Saved.")
                return redirect("treatment", pk=pk)
    context = {
        "treatment": treatment,
        "regimens": treatment.regimens.all(),
        "current": treatment.current_regimen(today),
        "dose_form": dose_form,
        "stop_form": stop_form,
        "adherence": services.adherence(treatment, today),
    }
    bound = dose_form.is_bound or stop_form.is_bound
    return render(request, "treatments/detail.html", context, status=400 if bound else 200)
