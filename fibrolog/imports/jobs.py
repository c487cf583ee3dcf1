"""Uploaded files: keep them in the data directory, import them in the background."""

from __future__ import annotations

import shutil
import time
import uuid
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.utils import timezone

from fibrolog.imports.loader import run_import
from fibrolog.imports.models import ImportJob
from fibrolog.ingest import IngestError
from fibrolog.lib.background import run_later

PROGRESS_EVERY = 4 * 1024 * 1024
STALE_AFTER = timedelta(days=7)  # an upload left waiting for confirmation this long is removed
ORPHAN_GRACE = timedelta(hours=1)  # a file no job names is removed once this old


def upload_dir(user) -> Path:
    """Return the person's private upload folder (created 0700)."""
    path = Path(settings.DATA_DIR) / "uploads" / str(user.pk)
    for folder in (path.parent, path):  # mkdir(parents=True) would make the parent 0777 & ~umask
        folder.mkdir(exist_ok=True, mode=0o700)
        folder.chmod(0o700)
    return path


def store_upload(user, uploaded) -> Path:
    """Move an uploaded file (already streamed to disk by Django) into the person's folder."""
    suffix = "".join(Path(uploaded.name).suffixes[-2:])[:16]
    target = upload_dir(user) / f"{uuid.uuid4().hex}{suffix}"
    with target.open("wb") as out:
        for chunk in uploaded.chunks():
            out.write(chunk)
    target.chmod(0o600)
    return target


def start(job: ImportJob) -> None:
    """Queue the job; it runs after the current transaction commits."""
    job.state = "queued"
    job.save(update_fields=["state"])
    run_later(f"import-{job.pk}", lambda: run(job.pk))


def run(job_id: int) -> None:
    """Import one queued job, saving progress as it goes; the upload is deleted when done."""
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    if job.state not in ("queued", "running"):
        return
    job.state = "running"
    job.save(update_fields=["state"])
    last = {"saved": 0}

    def progress(done: int, total: int | None) -> None:
        if done - last["saved"] >= PROGRESS_EVERY or (total and done >= total):
            last["saved"] = done
            ImportJob.objects.filter(pk=job_id).update(bytes_read=done, bytes_total=total)

    try:
        summary = run_import(job.user, job.kind, job.path, options=job.options, progress=progress)
    except (IngestError, ValueError, KeyError) as exc:
        job.state, job.error = "failed", str(exc)
    except BaseException:
        job.state, job.error = "failed", "The import stopped unexpectedly; try the file again."
        raise
    else:
        job.state, job.summary = "done", summary.to_dict()
        job.bytes_read = job.bytes_total or job.bytes_read
    finally:
        finish(job)


def finish(job: ImportJob) -> None:
    """Save a job that has ended and delete its upload (a new attempt is a new upload)."""
    job.finished_at = timezone.now()
    job.save()
    Path(job.path).unlink(missing_ok=True)


def discard(job: ImportJob) -> None:
    """Delete a job and its uploaded file."""
    Path(job.path).unlink(missing_ok=True)
    job.delete()


def sweep_uploads(max_age: timedelta = STALE_AFTER) -> int:
    """Delete uploads no waiting job needs, ending jobs left unconfirmed; return files removed."""
    cutoff = timezone.now() - max_age
    for job in ImportJob.objects.filter(state="preview", created_at__lt=cutoff):
        job.state, job.error = "failed", "The import was not confirmed within a week; upload again."
        finish(job)
    waiting = ImportJob.objects.filter(state__in=["preview", "queued", "running"])
    needed = {Path(p) for p in waiting.values_list("path", flat=True)}
    removed, young = 0, time.time() - ORPHAN_GRACE.total_seconds()
    for path in (Path(settings.DATA_DIR) / "uploads").glob("*/*"):
        # An upload is stored a moment before its job is saved: spare files that young.
        if path.is_file() and path not in needed and path.stat().st_mtime < young:
            path.unlink(missing_ok=True)
            removed += 1
    return removed


def clear_uploads(user) -> None:
    """Remove the person's upload folder (used when an account is erased)."""
    shutil.rmtree(upload_dir(user), ignore_errors=True)
