"""Upload a file, confirm what the file does not say, watch the import, read the summary."""

from __future__ import annotations

from datetime import date, timedelta

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from fibrolog.accounts.access import person_required
from fibrolog.diary.models import Metric
from fibrolog.imports import jobs
from fibrolog.imports.forms import ConfirmForm, MappingForm, UploadForm, WeatherForm
from fibrolog.imports.models import ImportJob
from fibrolog.imports.options import choices_to_json
from fibrolog.imports.weather import configured_fetcher, update_in_background
from fibrolog.ingest import ATTRIBUTION, KINDS, IngestError, csv_header
from fibrolog.ingest.geocode import find_place
from fibrolog.ingest.kinds import COLUMNS, CONFIRM, Context


@person_required
@require_http_methods(["GET", "POST"])
def upload(request: HttpRequest) -> HttpResponse:
    """Show the upload form and recent imports; store an upload and take the next step."""
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        kind, uploaded = form.cleaned_data["kind"], form.cleaned_data["file"]
        jobs.sweep_uploads()
        path = jobs.store_upload(request.user, uploaded)
        job = ImportJob.objects.create(
            user=request.user,
            kind=kind,
            filename=uploaded.name[:255],
            path=str(path),
            bytes_total=uploaded.size,
            state="preview",
        )
        step = KINDS[kind].step
        if step == CONFIRM:
            return redirect("import_confirm", pk=job.pk)
        if step == COLUMNS:
            return redirect("import_map", pk=job.pk)
        jobs.start(job)
        return redirect("import_job", pk=job.pk)
    recent = ImportJob.objects.filter(user=request.user)[:10]
    status = 400 if form.is_bound else 200
    weather_form = WeatherForm(initial={"start": date.today() - timedelta(days=365)})
    context = {"form": form, "recent": recent, "weather_form": weather_form}
    return render(request, "imports/upload.html", context, status=status)


def _waiting(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob, pk=pk, user=request.user, state="preview")


@person_required
@require_http_methods(["GET", "POST"])
def confirm(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask the person to confirm scales and names the file does not state."""
    job = _waiting(request, pk)
    kind = KINDS.get(job.kind)
    try:
        if kind is None or kind.preview is None:
            raise KeyError(f"{job.kind} imports ask nothing first")
        preview = kind.preview(job.path, Context())
    except (IngestError, KeyError) as exc:
        return _failed(request, job, exc)
    form = ConfirmForm(
        request.POST or None, preview=preview, metrics=Metric.objects.visible_to(request.user)
    )
    if request.method == "POST" and form.is_valid():
        job.options = {"choices": choices_to_json(form.choices())}
        job.save(update_fields=["options"])
        jobs.start(job)
        return redirect("import_job", pk=job.pk)
    return render(
        request,
        "imports/confirm.html",
        {"job": job, "preview": preview, "form": form},
        status=400 if form.is_bound else 200,
    )


@person_required
@require_http_methods(["GET", "POST"])
def column_map(request: HttpRequest, pk: int) -> HttpResponse:
    """Ask which column holds the date, which metrics, tags and notes."""
    job = _waiting(request, pk)
    try:
        header = csv_header(job.path)
    except IngestError as exc:
        return _failed(request, job, exc)
    form = MappingForm(
        request.POST or None, header=header, metrics=Metric.objects.visible_to(request.user)
    )
    if request.method == "POST" and form.is_valid():
        job.options = {"mapping": form.mapping()}
        job.save(update_fields=["options"])
        jobs.start(job)
        return redirect("import_job", pk=job.pk)
    return render(
        request,
        "imports/map.html",
        {"job": job, "form": form},
        status=400 if form.is_bound else 200,
    )


def _failed(request: HttpRequest, job: ImportJob, exc: Exception) -> HttpResponse:
    job.state, job.error = "failed", str(exc)
    jobs.finish(job)
    return redirect("import_job", pk=job.pk)


@person_required
@require_POST
def weather(request: HttpRequest) -> HttpResponse:
    """Add daily weather for a place the person enters (fetched in the background)."""
    form = WeatherForm(request.POST)
    where = _where(form)
    if where is None:
        recent = ImportJob.objects.filter(user=request.user)[:10]
        return render(
            request,
            "imports/upload.html",
            {"form": UploadForm(), "recent": recent, "weather_form": form},
            status=400,
        )
    latitude, longitude, label = where
    update_in_background(
        request.user, latitude, longitude, form.cleaned_data["start"], date.today()
    )
    messages.success(
        request,
        f"Fetching the weather for {label}. It appears on your "
        f"timeline in a minute. {ATTRIBUTION}.",
    )
    return redirect("imports")


def _where(form: WeatherForm) -> tuple[float, float, str] | None:
    """Return the coordinates and name of the place asked for (a name is looked up), or None."""
    if not form.is_valid():
        return None
    data = form.cleaned_data
    if not data["place"]:
        return data["latitude"], data["longitude"], "that place"
    try:
        found = find_place(data["place"], configured_fetcher())
    except ValueError as exc:  # WeatherError is a ValueError too
        form.add_error("place", str(exc))
        return None
    return found.latitude, found.longitude, found.label()


@person_required
@require_http_methods(["GET"])
def job_page(request: HttpRequest, pk: int) -> HttpResponse:
    """Show an import's progress (refreshing itself while it runs) or its summary."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    return render(request, "imports/job.html", {"job": job})


@person_required
@require_POST
def discard(request: HttpRequest, pk: int) -> HttpResponse:
    """Forget a finished, failed or unconfirmed import and delete its file."""
    job = get_object_or_404(ImportJob, pk=pk, user=request.user)
    if job.state in ("queued", "running"):
        messages.error(request, "That import is still running.")
    else:
        jobs.discard(job)
    return redirect("imports")
