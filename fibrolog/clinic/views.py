"""Clinic pages: the dashboard, a person's page, and the few things a clinician may ask.

Every page that shows a person's data writes an audit entry for that person (who, what, from
which address); a person with no share in force is answered exactly like a missing one (404).
"""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from fibrolog.accounts.access import clinician_required, person_required
from fibrolog.accounts.services import today_for
from fibrolog.audit.services import record, record_each
from fibrolog.clinic import services
from fibrolog.clinic.forms import FilterForm, ProposalForm, RequestForm, VisitForm
from fibrolog.clinic.services.person import TIMELINE_DAYS
from fibrolog.clinic.table import rows_html
from fibrolog.instruments.change import CHANGES, PAIN

VIEWED = {"diary": "check-in, pain, fatigue, treatments", "questionnaires": "FIQR, PHQ-9"}


def _address(request: HttpRequest) -> str:
    return request.META.get("REMOTE_ADDR", "") or ""


@clinician_required
@require_GET
def dashboard(request: HttpRequest) -> HttpResponse:
    """List the clinician's people, who needs attention first, and record each one's view."""
    form = FilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    filters = services.Filters(
        flag_only=bool(data.get("flag")), worse_only=bool(data.get("worse")), name=data.get("q", "")
    )
    today = today_for(request.user)
    rows = services.rows_for(request.user, today, filters)
    whats = {}
    for row in rows:
        shown = [VIEWED[p] for p in ("diary", "questionnaires") if p in row.parts]
        shown += ["experiment verdicts"] if "insights" in row.parts else []
        if shown:
            whats[row.person] = "clinic dashboard: " + "; ".join(shown)
    record_each(request.user, "view", whats, address=_address(request))
    return render(
        request,
        "clinic/dashboard.html",
        {
            "rows": rows,
            # The rows link with this prefix: one reverse() for the page, not one per person.
            "table": rows_html(rows, reverse("clinic_person", args=[0]).removesuffix("0/")),
            "form": form,
            "filtered": filters != services.Filters(),
            "today": today,
            "fiqr_rule": CHANGES["fiqr"],
            "phq9_rule": CHANGES["phq9"],
            "pain_rule": PAIN,
        },
    )


@clinician_required
@require_GET
def person(request: HttpRequest, pk: int) -> HttpResponse:
    """Show what the person shared: report, timeline, questionnaires, experiments (read-only)."""
    try:
        days = int(request.GET.get("days", "90"))
    except ValueError:
        days = 90
    page = services.person_page(request.user, pk, days=days)
    record(request.user, "view", page.what, subject=page.person, address=_address(request))
    return render(
        request,
        "clinic/person.html",
        {
            "page": page,
            "windows": TIMELINE_DAYS,
            "visit_form": VisitForm(initial={"day": today_for(request.user)}),
            "request_form": RequestForm(),
            "proposal_form": ProposalForm(),
        },
    )


def _act(request: HttpRequest, pk: int, form, action) -> HttpResponse:
    """Check the share (404 when none), run `action` on a valid form, return to the page."""
    person, _parts = services.shared_person(request.user, pk)
    if not form.is_valid():
        for field, errors in form.errors.items():
            label = form.fields[field].label if field in form.fields else ""
            messages.error(request, f"{label}: {' '.join(errors)}" if label else " ".join(errors))
        return redirect("clinic_person", pk=pk)
    try:
        said = action(person, form)
    except services.RequestError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, said)
    return redirect("clinic_person", pk=pk)


@clinician_required
@require_POST
def visit(request: HttpRequest, pk: int) -> HttpResponse:
    """Record a visit: the item 9 flag counts from it on."""

    def act(person, form) -> str:
        services.record_visit(request.user, person, form.cleaned_data["day"])
        return f"Visit on {form.cleaned_data['day']:%d %b %Y} recorded."

    return _act(request, pk, VisitForm(request.POST), act)


@clinician_required
@require_POST
def request_questionnaire(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the person to fill a questionnaire every N days."""

    def act(person, form) -> str:
        made = services.request_questionnaire(
            request.user, person, form.cleaned_data["instrument"], form.cleaned_data["every_days"]
        )
        return f"Asked for the {made.instrument.upper()} every {made.every_days} days."

    return _act(request, pk, RequestForm(request.POST), act)


@clinician_required
@require_POST
def withdraw(request: HttpRequest, pk: int, rk: int) -> HttpResponse:
    """Stop asking for a questionnaire."""
    services.shared_person(request.user, pk)
    if services.withdraw_request(request.user, rk):
        messages.success(request, "No longer asked for.")
    return redirect("clinic_person", pk=pk)


@clinician_required
@require_POST
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    """Propose a self-experiment plan for the person to accept or decline."""

    def act(person, form) -> str:
        made = services.propose(request.user, person, **form.proposal())
        return (
            f"Proposed: {made.tested} vs {made.comparison}. They will see it on their Today page."
        )

    return _act(request, pk, ProposalForm(request.POST), act)


@person_required
@require_POST
def accept(request: HttpRequest, pk: int) -> HttpResponse:
    """Accept a proposed plan: it becomes a draft experiment to look over and start."""
    try:
        exp = services.accept(request.user, pk, today_for(request.user))
    except LookupError:
        raise Http404 from None
    except services.RequestError as exc:
        messages.error(request, str(exc))
        return redirect("today")
    messages.success(request, "Added as a draft: look it over, change what you like, then start.")
    return redirect("experiment", pk=exp.pk)


@person_required
@require_POST
def decline(request: HttpRequest, pk: int) -> HttpResponse:
    """Decline a proposed plan."""
    try:
        services.decline(request.user, pk)
    except LookupError:
        raise Http404 from None
    messages.success(request, "Declined. Your clinician will see that.")
    return redirect("today")
