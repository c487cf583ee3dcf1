"""Log in (passphrase, then a code when the account has two-factor), log out, sign up."""

from __future__ import annotations

import time

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.auth import get_user_model, user_login_failed
from django.contrib.auth import login as auth_login
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render, resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_protect
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from fibrolog.accounts import middleware
from fibrolog.accounts.access import home_for
from fibrolog.accounts.forms import CodeForm, SetupForm
from fibrolog.accounts.services import AccountError, invitations, lockout, two_factor

PENDING = "fibrolog_pending_login"  # the account that gave the right passphrase, awaiting a code
PENDING_SECONDS = 300
CODE_TRIES = 5


class LogoutView(auth_views.LogoutView):
    """Log out, and tell the browser to forget what it keeps for this site (offline check-ins)."""

    def post(self, request, *args, **kwargs):
        response = super().post(request, *args, **kwargs)
        response["Clear-Site-Data"] = '"storage"'
        return response


logout = LogoutView.as_view()


def _next(request: HttpRequest, user) -> str:
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return resolve_url(home_for(user))


def _locked(request: HttpRequest, reason: str) -> HttpResponse:
    return render(request, "accounts/locked.html", {"reason": reason}, status=429)


@sensitive_post_parameters("password")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    """Check the name and passphrase; ask for a code next when the account has two-factor."""
    if request.user.is_authenticated:
        return redirect(_next(request, request.user))
    if request.method == "POST" and lockout.address_blocked(request):
        return _locked(request, "address")
    form = AuthenticationForm(request, data=request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        user = form.get_user()
        if two_factor.has_two_factor(user):
            request.session[PENDING] = {
                "user": user.pk,
                "backend": user.backend,
                "at": time.time(),
                "tries": 0,
                "next": _next(request, user),
            }
            return redirect("login_code")
        auth_login(request, user)
        return redirect(_next(request, user))
    next_url = request.GET.get("next", "") or request.POST.get("next", "")
    return render(request, "accounts/login.html", {"form": form, "next": next_url})


@sensitive_post_parameters("code")
@csrf_protect
@never_cache
@require_http_methods(["GET", "POST"])
def login_code(request: HttpRequest) -> HttpResponse:
    """Ask for the authenticator's code (or a recovery code) and finish logging in."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["at"] > PENDING_SECONDS:
        request.session.pop(PENDING, None)
        messages.info(request, "Please log in again.")
        return redirect("login")
    user = get_user_model().objects.filter(pk=pending["user"], is_active=True).first()
    if user is None:
        request.session.pop(PENDING, None)
        return redirect("login")
    credentials = {"username": user.get_username()}
    if not AxesProxyHandler.is_allowed(request, credentials):
        request.session.pop(PENDING, None)
        return _locked(request, "account")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = two_factor.verify(user, form.cleaned_data["code"])
        if device is not None:
            request.session.pop(PENDING, None)
            auth_login(request, user, backend=pending["backend"])
            django_otp.login(request, device)
            return redirect(pending["next"])
        # A wrong code counts as a failed login of the account, like a wrong passphrase.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        pending["tries"] += 1
        if pending["tries"] >= CODE_TRIES:
            request.session.pop(PENDING, None)
            messages.error(request, "Too many wrong codes: please log in again.")
            return redirect("login")
        request.session[PENDING] = pending
        form.add_error("code", "That code did not work. Check the time on your phone, then retry.")
    return render(request, "accounts/login_code.html", {"form": form})


@sensitive_post_parameters("password")
@require_http_methods(["GET", "POST"])
def signup(request: HttpRequest, token: str) -> HttpResponse:
    """Create an account with the role an invitation carries, then use the invitation up."""
    invitation = invitations.open_invitation(token)
    if invitation is None:
        return render(request, "accounts/signup_closed.html", status=404)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                token, form.cleaned_data["username"], form.cleaned_data["password"]
            )
        except AccountError as exc:
            field, _, text = str(exc).partition(": ")
            form.add_error("password" if field == "Password" else "username", text)
        else:
            middleware.forget_users()
            auth_login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect(home_for(user))
    return render(request, "accounts/signup.html", {"form": form, "role": invitation.role})
