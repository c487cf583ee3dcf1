"""/healthz: is a worker alive, how deep is the queue (no login, nothing about any person)."""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from fibrolog.jobs.services import health


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    """Answer 200 when jobs will run (a worker was seen lately, or none is needed), else 503."""
    state = health()
    return JsonResponse(state.to_dict(), status=200 if state.ok else 503)
