"""Research consent (a person's own) and the clinic's pooled results (pooled figures only)."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from fibrolog.accounts.access import clinician_required, person_required
from fibrolog.catalogue.treatments import TREATMENTS
from fibrolog.cohort import services
from fibrolog.cohort.forms import OUTCOME_NAMES, RunForm
from fibrolog.cohort.tasks import run_cohort
from fibrolog.jobs.services import enqueue, pending
from fibrolog.lib.clients import short_address


@person_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    """Say what research use means; record a yes or a no (a no takes effect at once)."""
    if request.method == "POST":
        choice = request.POST.get("choice")
        if choice not in ("yes", "no"):
            messages.error(request, "Research use: choose yes or no.")
            return redirect("research_consent")
        address = short_address(request.META.get("REMOTE_ADDR", ""))
        services.set_consent(request.user, choice == "yes", address=address)
        messages.success(
            request,
            "Thank you: your de-identified results will be pooled."
            if choice == "yes"
            else "Done: your diary is no longer used for research, from now on.",
        )
        return redirect("research_consent")
    row = services.consented(request.user)
    return render(request, "cohort/consent.html", {"consented": row is not None})


NAMES = {t.key: t.name for t in TREATMENTS}


@clinician_required
@require_http_methods(["GET"])
def results(request: HttpRequest) -> HttpResponse:
    """Show the latest pooled result of each treatment and outcome, and the form to run one."""
    rows = [
        {
            "row": row,
            "pooled": row.pooled(),
            "treatment": NAMES.get(row.treatment, row.treatment),
            "outcome": OUTCOME_NAMES.get(row.outcome, row.outcome),
        }
        for row in services.latest_results()
    ]
    context = {
        "rows": rows,
        "form": RunForm(),
        "consented": services.consented_people().count(),
        "waiting": pending(run_cohort),
    }
    return render(request, "cohort/results.html", context)


@clinician_required
@require_POST
def run(request: HttpRequest) -> HttpResponse:
    """Queue the pooled analysis of one treatment and outcome (a durable job)."""
    form = RunForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Choose a treatment and a symptom from the lists.")
        return redirect("cohort_results")
    treatment, outcome = form.cleaned_data["treatment"], form.cleaned_data["outcome"]
    try:
        chosen = services.choose([services.ALL], treatment)
    except services.CohortError as exc:
        messages.error(request, f"{str(exc)[:1].upper()}{str(exc)[1:]}.")
        return redirect("cohort_results")
    if not chosen:
        messages.error(request, f"Nobody who consented has tried {NAMES[treatment]} yet.")
        return redirect("cohort_results")
    enqueue(run_cohort, treatment, outcome, form.slow(), request.user.pk, once=True)
    messages.success(
        request, f"Queued: {NAMES[treatment]} on {OUTCOME_NAMES[outcome].lower()}. "
        "The result appears here when a worker has run it."
    )  # fmt: skip
    return redirect("cohort_results")
