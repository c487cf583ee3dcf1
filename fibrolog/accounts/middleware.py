"""Send the first visit on a fresh database to set-up; keep sessions and two-factor in line."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

# /fhir/ answers with FHIR JSON (a token or a 401), never with a redirect to a page.
_OPEN = ("/setup/", "/static/", "/healthz", "/signup/", "/manifest", "/sw.js", "/fhir/")
_state = {"has_users": False}


def has_users() -> bool:
    """Return True once any account exists (remembered: accounts are never all deleted live)."""
    if not _state["has_users"]:
        _state["has_users"] = get_user_model().objects.exists()
    return _state["has_users"]


def forget_users() -> None:
    """Drop the remembered answer (tests and erase call this)."""
    _state["has_users"] = False


def first_run(get_response: Callable[[HttpRequest], HttpResponse]):
    """Redirect every page to /setup/ while there is no account at all (laptop mode only)."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if settings.SERVER_MODE:  # a server's accounts come from `fibrolog user create`
            return get_response(request)
        if not request.path.startswith(_OPEN) and not has_users():
            return redirect("setup")
        return get_response(request)

    return middleware


_ANY_STATE = ("/static/", "/logout/", "/account/two-factor/", "/login/", "/fhir/")


def account_guard(get_response: Callable[[HttpRequest], HttpResponse]):
    """Keep "last seen" of the session, and hold accounts to two-factor.

    A session that has not passed two-factor while the account has it (one made before it was
    turned on) is logged out; a clinician or admin on a server without it is sent to set it up.
    """
    from django.contrib.auth import logout

    from fibrolog.accounts.services import sessions, two_factor

    def middleware(request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            sessions.touch(request)
            if not user.is_verified() and not request.path.startswith(_ANY_STATE):
                if two_factor.has_two_factor(user):
                    logout(request)
                    return redirect("login")
                if two_factor.required(user):
                    return redirect("account_two_factor")
        return get_response(request)

    return middleware
