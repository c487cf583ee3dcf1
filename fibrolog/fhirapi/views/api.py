"""GET /fhir/metadata, /fhir/Patient/{id}, /fhir/Observation?..., /fhir/Patient/{id}/$everything.

Thin: parse, ask the services, audit the read, answer. docs/fhir-api.md is the contract.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse

import fibrolog
from fibrolog.accounts.services.lockout import client_ip
from fibrolog.audit.services import record
from fibrolog.fhirapi.services import Grant, find
from fibrolog.fhirapi.services import reading as read
from fibrolog.fhirapi.services import search as s
from fibrolog.fhirapi.services.fhir import capability, searchset
from fibrolog.fhirapi.views.endpoint import (
    ApiError,
    base_url,
    endpoint,
    fhir_json,
    not_found,
    query_pairs,
)

ACTION = "fhir read"


def _grant(clinician, patient_id: str) -> Grant:
    grant = find(clinician, patient_id)
    if grant is None:
        raise not_found()
    return grant


def _audit(request: HttpRequest, clinician, grant: Grant, what: str, pairs) -> None:
    shown = [(n, v) for n, v in pairs if n not in {"_cursor", "_format"}]
    if shown:  # as typed, not URL-encoded: the person reads this line in her trail
        what += "?" + "&".join(f"{n}={v}" for n, v in shown)
    if any(n == "_cursor" for n, _ in pairs):
        what += " (a next page)"
    record(clinician, ACTION, what, subject=grant.person, address=client_ip(request))


def _bundle(request: HttpRequest, resources, pairs) -> HttpResponse:
    count, cursor = s.parse_paging(pairs)
    page = s.page(resources, count, cursor)
    next_url = None
    if page.next_cursor:
        kept = [(n, v) for n, v in pairs if n != "_cursor"] + [("_cursor", page.next_cursor)]
        next_url = request.build_absolute_uri(request.path) + "?" + urlencode(kept)
    bundle = searchset(page, base_url(request), request.build_absolute_uri(), next_url)
    return fhir_json(bundle)


@endpoint(token=False)
def metadata(request: HttpRequest) -> HttpResponse:
    """The CapabilityStatement (no token needed: it says how to get one)."""
    pairs = query_pairs(request)
    s.only(pairs, ("mode",))
    s.parse_paging(pairs)
    return fhir_json(capability(base_url(request), fibrolog.__version__))


@endpoint()
def patient(request: HttpRequest, clinician, pid: str) -> HttpResponse:
    """Read one Patient the clinician may see."""
    pairs = query_pairs(request)
    s.only(pairs, ())
    s.parse_paging(pairs)
    grant = _grant(clinician, pid)
    _audit(request, clinician, grant, "Patient", pairs)
    return fhir_json(read.patient(grant))


@endpoint()
def observations(request: HttpRequest, clinician) -> HttpResponse:
    """Search one person's Observations by code and date, a page at a time."""
    pairs = query_pairs(request)
    query = s.parse_observation(pairs)
    s.parse_paging(pairs)
    grant = _grant(clinician, query.patient)
    response = _bundle(request, read.observations(grant, query), pairs)
    asked = [p for p in pairs if p[0] not in {"patient", "subject"}]
    _audit(request, clinician, grant, "Observation", asked)
    return response


@endpoint()
def everything(request: HttpRequest, clinician, pid: str) -> HttpResponse:
    """Every resource of the parts the person shared, a page at a time."""
    pairs = query_pairs(request)
    s.only(pairs, ())
    s.parse_paging(pairs)
    grant = _grant(clinician, pid)
    response = _bundle(request, read.everything(grant), pairs)
    _audit(request, clinician, grant, "Patient/$everything", pairs)
    return response


@endpoint(token=False)
def unknown(request: HttpRequest, rest: str) -> HttpResponse:
    """Anything else under /fhir/: a FHIR 404, not an HTML page."""
    raise ApiError(
        404,
        f"{rest}: not served here; see /fhir/metadata (Patient/<id>, "
        "Observation?patient=<id>, Patient/<id>/$everything)",
    )
