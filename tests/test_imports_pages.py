"""The upload page: import in the background, confirm scales, map columns, read the summary."""

from __future__ import annotations

import io

from django.core.files.uploadedfile import SimpleUploadedFile

from fibrolog.diary.models import DailyValue
from fibrolog.imports.models import ImportJob
from fibrolog.ingest.fixtures.apple import write_apple_xml
from fibrolog.ingest.fixtures.diaries import BEARABLE_V2, GENERIC


def _apple_upload() -> SimpleUploadedFile:
    out = io.StringIO()
    write_apple_xml(out, days=2)
    return SimpleUploadedFile("export.xml", out.getvalue().encode(), "text/xml")


def test_it_imports_an_apple_health_upload_and_shows_a_summary(
    maya, maya_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = maya_client.post("/imports/", {"kind": "apple-health", "file": _apple_upload()})
    assert response.status_code == 302
    job = ImportJob.objects.get(user=maya)
    assert job.state == "done", job.error
    page = maya_client.get(response["Location"]).content.decode()
    assert "records read" in page and "days of your diary changed" in page
    assert DailyValue.objects.filter(user=maya, source="apple-health").exists()
    assert not __import__("os").path.exists(job.path)  # the upload is deleted once imported


def test_it_asks_to_confirm_bearable_scales_before_importing(
    maya, maya_client, django_capture_on_commit_callbacks
):
    upload = SimpleUploadedFile("bearable.csv", BEARABLE_V2.encode(), "text/csv")
    response = maya_client.post("/imports/", {"kind": "bearable", "file": upload})
    assert response["Location"].endswith("/confirm/")
    page = maya_client.get(response["Location"]).content.decode()
    assert "Mood: lowest" in page
    assert not DailyValue.objects.filter(user=maya).exists()  # nothing before confirming
    form = {
        "low_0": "1",
        "high_0": "10",
        "low_1": "1",
        "high_1": "5",
        "rev_1": "on",
        "low_2": "1",
        "high_2": "5",
        "name_0": "pain",
        "name_1": "fatigue",
        "name_2": "fog",
    }
    with django_capture_on_commit_callbacks(execute=True):
        done = maya_client.post(response["Location"], form)
    assert done.status_code == 302
    assert ImportJob.objects.get(user=maya).state == "done"
    assert DailyValue.objects.filter(user=maya, source="bearable", metric__key="pain").exists()


def test_it_maps_the_columns_of_any_csv(maya, maya_client, django_capture_on_commit_callbacks):
    upload = SimpleUploadedFile("diary.csv", GENERIC.encode(), "text/csv")
    response = maya_client.post("/imports/", {"kind": "csv", "file": upload})
    page = maya_client.get(response["Location"]).content.decode()
    assert "Pain (1-5)" in page
    bad = maya_client.post(response["Location"], {"col_0": "", "col_1": "m:pain"})
    assert bad.status_code == 400 and "exactly one column as the date" in bad.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        maya_client.post(response["Location"], {"col_0": "date", "col_2": "m:sleep_hours"})
    job = ImportJob.objects.get(user=maya)
    assert job.state == "done", job.error
    assert DailyValue.objects.filter(user=maya, source="csv", metric__key="sleep_hours").exists()


def test_it_reports_a_broken_file_with_its_line_and_changes_nothing(
    maya, maya_client, django_capture_on_commit_callbacks
):
    broken = SimpleUploadedFile("export.xml", b"<HealthData>\n<Record type='x'>\n</Oops>\n")
    with django_capture_on_commit_callbacks(execute=True):
        response = maya_client.post("/imports/", {"kind": "apple-health", "file": broken})
    page = maya_client.get(response["Location"]).content.decode()
    assert "The import stopped" in page and "line 3" in page
    assert not DailyValue.objects.filter(user=maya).exists()


def test_it_hides_one_persons_imports_from_another(maya, maya_client, sam_client):
    upload = SimpleUploadedFile("bearable.csv", BEARABLE_V2.encode(), "text/csv")
    maya_client.post("/imports/", {"kind": "bearable", "file": upload})
    job = ImportJob.objects.get(user=maya)
    for url in (f"/imports/{job.pk}/", f"/imports/{job.pk}/confirm/"):
        assert sam_client.get(url).status_code == 404
    assert sam_client.post(f"/imports/{job.pk}/discard/").status_code == 404
    assert "bearable.csv" not in sam_client.get("/imports/").content.decode()
