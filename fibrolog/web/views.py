"""Pages that compose several apps: set-up on first run (with a demo diary) and settings."""

from __future__ import annotations

from zoneinfo import available_timezones

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from fibrolog.accounts import middleware
from fibrolog.accounts.access import person_required
from fibrolog.accounts.forms import PreferencesForm, SetupForm
from fibrolog.accounts.services import AccountError, create_account, ensure_profile
from fibrolog.diary.services import checkin_settings
from fibrolog.diary.services.demo import create_demo_account
from fibrolog.lib.days import is_zone

LOOPBACK = {"127.0.0.1", "::1"}
ZONES = sorted(available_timezones() - {"localtime", "Factory"})


def _exploring_demo(request: HttpRequest) -> bool:
    user = request.user
    return user.is_authenticated and ensure_profile(user).is_demo


def _set_zone(user, zone: str) -> None:
    """Keep the time zone chosen at set-up (the browser's, unless changed)."""
    if is_zone(zone):
        profile = ensure_profile(user)
        profile.timezone = zone
        profile.save(update_fields=["timezone"])


@require_http_methods(["GET", "POST"])
def setup(request: HttpRequest) -> HttpResponse:
    """Offer to create the first account, or explore with demo data (loopback only).

    Someone exploring the demo account may come back here to start their own diary. A server
    (FIBROLOG_PUBLIC_URL set) has no such page: no open sign-up, no demo account.
    """
    if settings.SERVER_MODE:
        raise Http404
    demo = _exploring_demo(request)
    if middleware.has_users() and not demo:
        raise Http404
    if request.META.get("REMOTE_ADDR") not in LOOPBACK:
        return render(request, "accounts/setup_remote.html", status=403)
    form = SetupForm(request.POST or None)
    if request.method == "POST" and request.POST.get("demo") and not demo:
        user = create_demo_account("demo", years=2, seed=1)
        _set_zone(user, request.POST.get("timezone", ""))
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.info(request, "This is a demo diary with made-up data. Explore freely.")
        return redirect("today")
    if request.method == "POST" and form.is_valid():
        try:
            user = create_account(form.cleaned_data["username"], form.cleaned_data["password"])
            _set_zone(user, form.cleaned_data["timezone"])
        except AccountError as exc:
            field, _, text = str(exc).partition(": ")
            form.add_error("password" if field == "Password" else "username", text)
        else:
            middleware.forget_users()
            login(request, user, backend="django.contrib.auth.backends.ModelBackend")
            return redirect("today")
    return render(request, "accounts/setup.html", {"form": form, "demo": demo})


@person_required
@require_http_methods(["GET", "POST"])
def settings_page(request: HttpRequest) -> HttpResponse:
    """Show and save preferences, check-in metrics and custom metrics."""
    profile = ensure_profile(request.user)
    form = PreferencesForm(
        request.POST if "save_preferences" in request.POST else None, instance=profile
    )
    if form.is_bound and form.is_valid():
        form.save()
        messages.success(request, "Settings saved.")
        return redirect("settings")
    if request.method == "POST" and ("move" in request.POST or "save_checkin" in request.POST):
        checkin_settings.apply(request.user, request.POST)
        messages.success(request, "Check-in updated.")
        return redirect("settings")
    context = {
        "form": form,
        "rows": checkin_settings.rows(request.user),
        "zones": ZONES,
        "profile": profile,
    }
    return render(request, "accounts/settings.html", context)
