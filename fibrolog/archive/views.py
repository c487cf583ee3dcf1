"""Your data: download it (JSON, CSV zip, FHIR), and erase the account after typing its name."""

from __future__ import annotations

import json

from django.contrib.auth import logout
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from fibrolog.accounts.access import person_required
from fibrolog.accounts.services.lockout import client_ip
from fibrolog.archive.erase import erase_person
from fibrolog.archive.export import csv_files, document, fhir_bundle
from fibrolog.audit.services import record

CONTENT = {"json": "application/json", "csv": "application/zip", "fhir": "application/fhir+json"}


@person_required
@require_GET
def your_data(request: HttpRequest) -> HttpResponse:
    """Show the downloads, the report link and the erase button."""
    return render(request, "archive/your_data.html")


@person_required
@require_GET
def download(request: HttpRequest, fmt: str) -> HttpResponse:
    """Send the person's own data as a file in the chosen format."""
    if fmt not in CONTENT:
        raise Http404
    user = request.user
    if fmt == "json":
        body = document.dumps(document.document(user)).encode("utf-8")
        name = "fibrolog-export.json"
    elif fmt == "fhir":
        body = (json.dumps(fhir_bundle.bundle(user), indent=1, ensure_ascii=False) + "\n").encode()
        name = "fibrolog-fhir-bundle.json"
    else:
        body, name = csv_files.zip_bytes(csv_files.files(user)[0]), "fibrolog-csv.zip"
    record(user, "export", f"all data ({fmt})", subject=user, address=client_ip(request))
    response = HttpResponse(body, content_type=CONTENT[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@person_required
@require_http_methods(["GET", "POST"])
def erase(request: HttpRequest) -> HttpResponse:
    """Ask for the user name, then erase the account and everything in it."""
    user = request.user
    error = None
    if request.method == "POST":
        typed = request.POST.get("confirm", "").strip()
        if typed == user.get_username():
            logout(request)
            erase_person(user)
            return redirect("login")
        error = "That is not your user name: nothing was erased."
    return render(request, "archive/erase.html", {"error": error}, status=400 if error else 200)
