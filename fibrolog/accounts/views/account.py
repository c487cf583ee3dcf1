"""Your account: change the passphrase, see and end sessions, set up two-factor."""

from __future__ import annotations

import django_otp
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import PasswordChangeForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from fibrolog.accounts.access import role_of
from fibrolog.accounts.forms import CodeForm
from fibrolog.accounts.services import sessions as session_service
from fibrolog.accounts.services import two_factor as tf


@login_required
@require_http_methods(["GET"])
def account(request: HttpRequest) -> HttpResponse:
    """Show the account's role, sessions and two-factor state."""
    user = request.user
    context = {
        "role": role_of(user),
        "sessions": session_service.sessions_of(user),
        "current": request.session.session_key,
        "two_factor": tf.has_two_factor(user),
        "codes_left": tf.recovery_codes_left(user),
    }
    return render(request, "accounts/account.html", context)


@sensitive_post_parameters("old_password", "new_password1", "new_password2")
@login_required
@require_http_methods(["GET", "POST"])
def password(request: HttpRequest) -> HttpResponse:
    """Change the passphrase; every other session is ended."""
    form = PasswordChangeForm(request.user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        ended = session_service.end(user, keep=request.session.session_key)
        messages.success(request, f"Passphrase changed. Other sessions ended: {ended}.")
        return redirect("account")
    return render(request, "accounts/password.html", {"form": form})


@login_required
@require_POST
def sessions(request: HttpRequest) -> HttpResponse:
    """End one session, or every session but this one ("log out everywhere else")."""
    keep = request.session.session_key
    if request.POST.get("end") == "others":
        ended = session_service.end(request.user, keep=keep)
    else:
        try:
            pk = int(request.POST.get("end", ""))
        except ValueError:
            pk = -1
        ended = session_service.end(request.user, pks=[pk], keep=keep)
    messages.success(request, f"Sessions ended: {ended}.")
    return redirect("account")


@sensitive_post_parameters("code", "password")
@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request: HttpRequest) -> HttpResponse:
    """Set up an authenticator app, make new recovery codes, or turn two-factor off."""
    user = request.user
    action = request.POST.get("action", "")
    if tf.has_two_factor(user):
        error = ""
        if action in {"codes", "off"}:
            if not user.check_password(request.POST.get("password", "")):
                error = "That passphrase did not match: nothing was changed."
            elif action == "codes":
                codes = tf.new_recovery_codes(user)
                return render(request, "accounts/recovery_codes.html", {"codes": codes})
            elif tf.required(user):
                error = "Two-factor is required for your role on this server."
            else:
                tf.turn_off(user)
                messages.success(request, "Two-factor is off.")
                return redirect("account")
        context = {"error": error, "required": tf.required(user)}
        context["codes_left"] = tf.recovery_codes_left(user)
        return render(request, "accounts/two_factor_on.html", context, status=400 if error else 200)
    device = tf.pending_device(user)
    form = CodeForm(request.POST if action == "confirm" else None)
    if form.is_bound and form.is_valid():
        codes = tf.confirm(user, form.cleaned_data["code"])
        if codes is not None:
            django_otp.login(request, TOTPDevice.objects.get(user=user, confirmed=True))
            session_service.end(user, keep=request.session.session_key)
            return render(request, "accounts/recovery_codes.html", {"codes": codes, "new": True})
        form.add_error("code", "That code did not match. Check the time on your phone, then retry.")
    context = {
        "form": form,
        "uri": device.config_url,
        "qr": tf.qr_svg(device.config_url),
        "required": tf.required(user),
    }
    return render(request, "accounts/two_factor_setup.html", context)
