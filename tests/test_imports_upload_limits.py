"""Uploads are bounded: too large is refused with a clear message; failed uploads are deleted."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from fibrolog.imports import jobs
from fibrolog.imports.models import ImportJob


@pytest.fixture(autouse=True)
def _own_data_dir(settings, tmp_path):
    settings.DATA_DIR = tmp_path


def _uploads(maya) -> list[Path]:
    return sorted(p for p in jobs.upload_dir(maya).iterdir())


def test_it_refuses_an_upload_over_the_limit_and_keeps_nothing(maya, maya_client, settings):
    settings.FIBROLOG_MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("huge.csv", b"date,pain\n" + b"7" * (3 << 20), "text/csv")
    response = maya_client.post("/imports/", {"kind": "csv", "file": big})
    assert response.status_code == 400
    page = response.content.decode()
    assert "This file is 3.0 MB; uploads can be up to 1 MB" in page
    assert "FIBROLOG_MAX_UPLOAD_MB" in page
    assert not ImportJob.objects.exists()
    assert _uploads(maya) == []


def test_it_takes_an_upload_under_the_limit(maya, maya_client, settings):
    settings.FIBROLOG_MAX_UPLOAD_MB = 1
    small = SimpleUploadedFile("diary.csv", b"date,pain\n2026-01-01,4\n", "text/csv")
    response = maya_client.post("/imports/", {"kind": "csv", "file": small})
    assert response.status_code == 302
    assert len(_uploads(maya)) == 1


def test_it_deletes_the_upload_of_an_import_that_failed(
    maya, maya_client, django_capture_on_commit_callbacks
):
    broken = SimpleUploadedFile("export.xml", b"<HealthData><Record", "text/xml")
    with django_capture_on_commit_callbacks(execute=True):
        maya_client.post("/imports/", {"kind": "apple-health", "file": broken})
    job = ImportJob.objects.get(user=maya)
    assert job.state == "failed" and job.error
    assert not Path(job.path).exists()
    assert _uploads(maya) == []


def test_it_deletes_the_upload_when_the_preview_cannot_read_it(maya, maya_client):
    broken = SimpleUploadedFile("daylio.csv", b"\xff\xfe\x00garbage", "text/csv")
    response = maya_client.post("/imports/", {"kind": "daylio", "file": broken})
    maya_client.get(response["Location"])
    job = ImportJob.objects.get(user=maya)
    assert job.state == "failed"
    assert _uploads(maya) == []


def test_it_sweeps_stale_uploads_and_keeps_those_waiting(maya, maya_client):
    waiting = SimpleUploadedFile("diary.csv", b"date,pain\n2026-01-01,4\n", "text/csv")
    maya_client.post("/imports/", {"kind": "csv", "file": waiting})
    kept = Path(ImportJob.objects.get(user=maya).path)
    orphan = jobs.upload_dir(maya) / "left-by-a-crash.csv"
    orphan.write_bytes(b"date,pain\n")
    just_stored = jobs.upload_dir(maya) / "being-stored-by-another-request.csv"
    just_stored.write_bytes(b"date,pain\n")
    abandoned = ImportJob.objects.create(
        user=maya,
        kind="csv",
        filename="old.csv",
        state="preview",
        path=str(jobs.upload_dir(maya) / "old.csv"),
    )
    Path(abandoned.path).write_bytes(b"date,pain\n")
    week_ago = time.time() - 8 * 86400
    for path in (orphan, Path(abandoned.path)):
        os.utime(path, (week_ago, week_ago))
    old = abandoned.created_at.replace(year=2020)
    ImportJob.objects.filter(pk=abandoned.pk).update(created_at=old)

    jobs.sweep_uploads()

    assert sorted(_uploads(maya)) == sorted([kept, just_stored])
    abandoned.refresh_from_db()
    assert abandoned.state == "failed" and "not confirmed" in abandoned.error
