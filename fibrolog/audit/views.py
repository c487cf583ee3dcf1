"""A person's "who looked at my data": their audit trail, newest first, and whether it holds."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from fibrolog.accounts.access import person_required
from fibrolog.audit.services import chain_of, check, entries_for
from fibrolog.audit.services.words import line

PER_PAGE = 50


@person_required
@require_GET
def audit_log(request: HttpRequest) -> HttpResponse:
    """Show the person's trail a page at a time, with the verdict on their chain."""
    person = request.user
    page = Paginator(entries_for(person), PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "lines": [line(entry, person) for entry in page.object_list],
        "verdict": check(chain_of(person)),
    }
    return render(request, "audit/trail.html", context)
