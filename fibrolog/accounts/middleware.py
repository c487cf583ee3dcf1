"""Send the very first visit on a fresh database to the set-up page."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import get_user_model
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect

_OPEN = ("/setup/", "/static/", "/healthz")
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
