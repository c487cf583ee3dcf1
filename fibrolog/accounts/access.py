"""Who may open a page: only a person sees a diary; admins manage accounts; anyone, their own."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

from fibrolog.accounts.models import ADMIN, CLINICIAN, PERSON, Profile

HOME = {PERSON: "today", ADMIN: "manage_accounts", CLINICIAN: "clinic_dashboard"}


def role_of(user) -> str:
    """Return the account's role ("person" when it has no profile yet: it gets one as a person)."""
    try:
        return user.profile.role
    except Profile.DoesNotExist:
        return PERSON


def home_for(user) -> str:
    """Return the URL name of the page an account lands on after logging in."""
    return HOME.get(role_of(user), "account")


def _requires(role: str) -> Callable:
    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if role_of(user) != role:
                return redirect(home_for(user))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


# Every view that shows or changes health data: a diary is seen by its owner only, so
# clinicians and admins are sent to their own home page (nothing of the diary is rendered).
person_required = _requires(PERSON)
# Account management: accounts, invitations, unlocking. Never any health data.
admin_required = _requires(ADMIN)
# Clinic pages: a clinician's own people list; what each person shared is checked per page
# (fibrolog.sharing.services.can_see), never here.
clinician_required = _requires(CLINICIAN)
