"""What every FHIR endpoint shares: GET only, a Bearer token, JSON out, errors as outcomes.

The token is read here and only here: no middleware or authentication backend knows about it,
so an API token opens the /fhir/ endpoints and nothing else, and a session cookie opens none
of them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from fibrolog.fhirapi.services import authenticate
from fibrolog.fhirapi.services.fhir import CONTENT_TYPE, outcome
from fibrolog.fhirapi.services.search import SearchError

REALM = 'Bearer realm="fibrolog FHIR"'


class ApiError(Exception):
    """An answer other than 200: the status, a message, extra headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status, self.message, self.headers = status, message, headers or {}


def fhir_json(data: dict[str, Any], status: int = 200) -> HttpResponse:
    """Return a FHIR JSON response."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return HttpResponse(body.encode("utf-8"), status=status, content_type=CONTENT_TYPE)


def not_found() -> ApiError:
    """The one answer for a Patient that is unknown, never shared, revoked or expired."""
    return ApiError(404, "Patient not found")


def base_url(request: HttpRequest) -> str:
    """Return the API's absolute base, e.g. https://clinic.example/fhir."""
    return request.build_absolute_uri(reverse("fhir_metadata")).removesuffix("/metadata")


def query_pairs(request: HttpRequest) -> list[tuple[str, str]]:
    """Return the query's (name, value) pairs in order, repeated names kept."""
    return [(name, value) for name, values in request.GET.lists() for value in values]


def _clinician(request: HttpRequest):
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header.strip():
        raise ApiError(401, "Send an API token: Authorization: Bearer <token>", {})
    scheme, _, secret = header.strip().partition(" ")
    clinician = authenticate(secret.strip()) if scheme.lower() == "bearer" else None
    if clinician is None:
        raise ApiError(
            401,
            "The API token is unknown or revoked",
            {"WWW-Authenticate": f'{REALM}, error="invalid_token"'},
        )
    return clinician


def endpoint(*, token: bool = True) -> Callable:
    """Wrap a FHIR view: GET/HEAD only, CSRF-exempt, token checked, errors as outcomes."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @csrf_exempt
        @wraps(view)
        def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
            try:
                if request.method not in ("GET", "HEAD"):
                    message = f"{request.method}: this API only reads (GET)"
                    raise ApiError(405, message, {"Allow": "GET, HEAD"})
                if token:
                    return view(request, _clinician(request), *args, **kwargs)
                return view(request, *args, **kwargs)
            except SearchError as error:
                return fhir_json(outcome(400, str(error)), 400)
            except ApiError as error:
                response = fhir_json(outcome(error.status, error.message), error.status)
                if error.status == 401:
                    response["WWW-Authenticate"] = REALM
                for name, value in error.headers.items():
                    response[name] = value
                return response

        return wrapped

    return decorator
