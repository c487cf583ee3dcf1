"""Sharing pages: a person shares and revokes; a clinician makes a code and sees who shares."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from fibrolog.accounts.access import clinician_required, person_required
from fibrolog.accounts.services.lockout import client_ip
from fibrolog.sharing import services
from fibrolog.sharing.forms import ShareForm
from fibrolog.sharing.models import Share
from fibrolog.sharing.services.words import display_name, for_clinician, sentence


def _make_share(request: HttpRequest, form: ShareForm) -> Share | None:
    data, person, address = form.cleaned_data, request.user, client_ip(request)
    try:
        if data.get("code", "").strip():
            return services.share_by_code(
                person, data["code"], data["parts"], data["days"], address=address
            )
        clinician = get_user_model().objects.filter(pk=data["clinician"]).first()
        return services.share(person, clinician, data["parts"], data["days"], address=address)
    except services.SharingError as exc:
        form.add_error(None, str(exc)[0].upper() + str(exc)[1:] + ".")
        return None


@person_required
@require_http_methods(["GET", "POST"])
def sharing(request: HttpRequest) -> HttpResponse:
    """Show who the person shares with (now and before) and let them share with a clinician."""
    person = request.user
    form = ShareForm(request.POST or None, clinicians=services.clinicians())
    if request.method == "POST" and form.is_valid():
        made = _make_share(request, form)
        if made is not None:
            messages.success(request, sentence(made) + ".")
            return redirect("sharing")
    active = Share.objects.filter(person=person).active().select_related("clinician")
    context = {
        "form": form,
        "active": [(s, sentence(s)) for s in active],
        "past": [(s, sentence(s)) for s in services.history(person)],
    }
    return render(request, "sharing/sharing.html", context, status=400 if form.errors else 200)


@person_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Stop sharing with this share's clinician, from the next request on."""
    share = get_object_or_404(Share, pk=pk, person=request.user)
    services.revoke(request.user, share.clinician, address=client_ip(request))
    messages.success(request, f"{display_name(share.clinician)} can no longer see your data.")
    return redirect("sharing")


@clinician_required
@require_http_methods(["GET", "POST"])
def clinician_code(request: HttpRequest) -> HttpResponse:
    """Make a one-time code to give a person; list the people who share with this clinician."""
    clinician, code, expires = request.user, None, None
    if request.method == "POST":
        made, code = services.new_code(clinician)
        expires = made.expires_at
    context = {
        "code": code,
        "expires": expires,
        "open_codes": len(services.open_codes(clinician)),
        "people": [for_clinician(s) for s in services.people_for(clinician)],
    }
    return render(request, "sharing/clinician_code.html", context)
