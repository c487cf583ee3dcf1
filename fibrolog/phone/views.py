"""The manifest, the service worker, the offline check-in shell and the queue's endpoint."""

from __future__ import annotations

import json
import uuid

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.views.decorators.http import require_GET, require_http_methods

from fibrolog.accounts.access import person_required
from fibrolog.accounts.services import ensure_profile
from fibrolog.diary.forms import CheckinForm, metric_rows
from fibrolog.diary.services.checkin import DayState
from fibrolog.diary.services.checkin_page import checkin_page
from fibrolog.phone.services import INVALID, apply_queued, manifest_document, worker_script


@require_GET
def manifest(request: HttpRequest) -> HttpResponse:
    """Serve the web app manifest."""
    return JsonResponse(manifest_document(), content_type="application/manifest+json")


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """Serve the service worker from the site's root, so its scope is the whole app."""
    response = HttpResponse(worker_script(), content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@person_required
@require_GET
def today_shell(request: HttpRequest) -> HttpResponse:
    """Show the check-in with nothing filled in: the one page the phone keeps for offline use."""
    profile = ensure_profile(request.user)
    page = checkin_page(request.user)
    blank = DayState(page.today)
    form = CheckinForm(**{**page.form_kwargs(), "state": blank, "treatments": []})
    context = {"form": form, "metric_rows": metric_rows(form, blank), "profile": profile}
    return render(request, "phone/shell.html", context)


@person_required
@require_http_methods(["GET", "POST"])
def checkin_sync(request: HttpRequest) -> HttpResponse:
    """GET: a fresh CSRF token for the queue; POST (JSON): save one queued check-in once."""
    if request.method == "GET":
        return JsonResponse({"csrf": get_token(request), "user": request.user.get_username()})
    try:
        body = json.loads(request.body)
        client_id = uuid.UUID(str(body["id"]))
        fields = body["fields"]
        if not isinstance(fields, dict):
            raise TypeError
    except (ValueError, KeyError, TypeError):
        return JsonResponse(
            {"status": INVALID, "errors": {"__all__": ["Not a check-in."]}}, status=400
        )
    result = apply_queued(request.user, client_id, fields)
    return JsonResponse(result.to_dict(), status=400 if result.status == INVALID else 200)
