"""The clinician's API tokens: make one (shown once), see them, revoke one."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from fibrolog.accounts.access import clinician_required
from fibrolog.accounts.services.lockout import client_ip
from fibrolog.fhirapi.forms import TokenForm
from fibrolog.fhirapi.services import issue, people_of, revoke, tokens_of
from fibrolog.fhirapi.views.endpoint import base_url


@clinician_required
@require_http_methods(["GET", "POST"])
def api_tokens(request: HttpRequest) -> HttpResponse:
    """Make a token with a label (its secret shown only now) and list the others."""
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = issue(request.user, form.cleaned_data["label"], address=client_ip(request))
        form = TokenForm()
    context = {
        "form": form,
        "issued": issued,
        "tokens": tokens_of(request.user),
        "people": people_of(request.user),
        "base": base_url(request),
    }
    return render(request, "fhirapi/api_tokens.html", context, status=400 if form.errors else 200)


@clinician_required
@require_POST
def api_token_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke one of the clinician's own tokens; it stops working at once."""
    if not revoke(request.user, pk, address=client_ip(request)):
        raise Http404("No such token")
    messages.success(request, "Token revoked: it no longer opens the API.")
    return redirect("api_tokens")
