"""The report page (a form and the report below it) and its PDF download."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET

from fibrolog.accounts.access import person_required
from fibrolog.accounts.services import today_for
from fibrolog.accounts.services.lockout import client_ip
from fibrolog.audit.services import record
from fibrolog.reports.forms import ReportForm
from fibrolog.reports.render import render_pdf
from fibrolog.reports.sections import default_keys, keys
from fibrolog.reports.services import ReportError, Request, build_report, default_start


def _request(request: HttpRequest) -> tuple[ReportForm, Request | None]:
    """Return the bound form and, when it is valid, what to build."""
    end = today_for(request.user)
    initial = {
        "start": default_start(request.user, end),
        "end": end,
        "sections": sorted(default_keys(), key=keys().index),
    }
    if "start" not in request.GET:
        return ReportForm(initial=initial), None
    form = ReportForm(request.GET)
    if not form.is_valid():
        return form, None
    data = form.cleaned_data
    try:
        wanted = Request.for_period(
            request.user,
            start=data["start"],
            end=data["end"],
            sections=frozenset(data["sections"]),
            name=data["name"],
        )
    except ReportError as exc:
        form.add_error(None, str(exc))
        return form, None
    return form, wanted


@person_required
@require_GET
def report_page(request: HttpRequest) -> HttpResponse:
    """Show the form, and the report for the chosen period with a link to its PDF."""
    form, wanted = _request(request)
    report = build_report(wanted) if wanted else None
    query = request.GET.urlencode() if wanted else ""
    return render(
        request,
        "reports/page.html",
        {"form": form, "report": report, "query": query},
        status=400 if form.is_bound and not wanted else 200,
    )


@person_required
@require_GET
def report_pdf(request: HttpRequest) -> HttpResponse:
    """Send the report as a PDF download; without a chosen period, show the form first."""
    form, wanted = _request(request)
    if wanted is None:
        if form.is_bound:
            return render(request, "reports/page.html", {"form": form}, status=400)
        return redirect("report")
    try:
        pdf = render_pdf(build_report(wanted))
    except OSError:  # WeasyPrint could not load pango: say so instead of a server error
        messages.error(
            request,
            "The PDF needs the pango library (Debian: libpango-1.0-0). "
            "The report below can be printed from the browser meanwhile.",
        )
        return redirect(f"{reverse('report')}?{request.GET.urlencode()}")
    period = f"{wanted.start.isoformat()} to {wanted.end.isoformat()}"
    record(
        request.user,
        "export",
        f"report PDF, {period}",
        subject=request.user,
        address=client_ip(request),
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"fibrolog-report-{wanted.start.isoformat()}-{wanted.end.isoformat()}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
