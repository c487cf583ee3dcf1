"""The reminder settings page and the endpoint a browser calls when it turns notifications on."""

from __future__ import annotations

import json

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from fibrolog.accounts.access import person_required
from fibrolog.reminders.forms import ReminderForm
from fibrolog.reminders.models import Reminder
from fibrolog.reminders.services import forget_subscription, save_subscription
from fibrolog.reminders.services.vapid import public_key


@person_required
@require_http_methods(["GET", "POST"])
def reminder_settings(request: HttpRequest) -> HttpResponse:
    """Show and save when and how to be reminded."""
    reminder, _ = Reminder.objects.get_or_create(user=request.user)
    form = ReminderForm(request.POST or None, instance=reminder)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Reminder saved.")
        return redirect("reminders")
    context = {
        "form": form,
        "reminder": reminder,
        "push_key": public_key(),
        "phones": reminder.user.push_subscriptions.count(),
    }
    return render(request, "reminders/settings.html", context, status=400 if form.errors else 200)


@person_required
@require_POST
def subscribe(request: HttpRequest) -> HttpResponse:
    """Keep (or, with "forget", drop) this browser's push subscription (JSON)."""
    try:
        body = json.loads(request.body)
        if body.get("forget"):
            forget_subscription(request.user, str(body.get("endpoint", "")))
            return JsonResponse({"ok": True})
        save_subscription(request.user, body)
    except (ValueError, AttributeError) as exc:
        return JsonResponse({"ok": False, "error": str(exc)}, status=400)
    return JsonResponse({"ok": True})
