"""Account management for admins: accounts (no health data), invitations, unlocking."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from fibrolog.accounts.access import admin_required
from fibrolog.accounts.forms import InvitationForm
from fibrolog.accounts.models import Invitation
from fibrolog.accounts.services import invitations as invitation_service
from fibrolog.accounts.services import lockout


@admin_required
@require_http_methods(["GET"])
def accounts_list(request: HttpRequest) -> HttpResponse:
    """List accounts: name, role, when made and last used, two-factor, locked."""
    users = get_user_model().objects.select_related("profile").order_by("username")
    locked = {name.lower() for name in lockout.locked_names()}
    with_2fa = set(TOTPDevice.objects.filter(confirmed=True).values_list("user_id", flat=True))
    rows = [
        {
            "user": u,
            "role": getattr(getattr(u, "profile", None), "role", "person"),
            "two_factor": u.pk in with_2fa,
            "locked": u.username.lower() in locked,
        }
        for u in users
    ]
    return render(request, "accounts/manage_accounts.html", {"rows": rows})


@admin_required
@require_POST
def unlock(request: HttpRequest, pk: int) -> HttpResponse:
    """Forget an account's failed logins so it can log in again now."""
    user = get_object_or_404(get_user_model(), pk=pk)
    lockout.unlock(user.get_username())
    messages.success(request, f"{user.get_username()} can log in again.")
    return redirect("manage_accounts")


@admin_required
@require_http_methods(["GET", "POST"])
def invitations(request: HttpRequest) -> HttpResponse:
    """Create an invitation (its address is shown once) and list the others."""
    form = InvitationForm(request.POST or None)
    link = ""
    if request.method == "POST" and form.is_valid():
        lifetime = invitation_service.parse_lifetime(form.cleaned_data["expires"])
        _, link = invitation_service.invite(form.cleaned_data["role"], lifetime, by=request.user)
        form = InvitationForm()
    context = {"form": form, "link": link, "invitations": Invitation.objects.all()[:200]}
    return render(request, "accounts/manage_invitations.html", context)


@admin_required
@require_POST
def revoke(request: HttpRequest, pk: int) -> HttpResponse:
    """Revoke an invitation that has not been used."""
    if invitation_service.revoke(pk):
        messages.success(request, "Invitation revoked.")
    return redirect("manage_invitations")
