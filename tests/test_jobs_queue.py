"""Jobs wait in the database for a worker: coalesced refits, uploads, periodic turns, privacy."""

from __future__ import annotations

import io
from datetime import UTC, date, datetime, time, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from fibrolog.diary.models import DailyValue
from fibrolog.diary.services.checkin import DayChanges, save_day
from fibrolog.imports.models import ImportJob
from fibrolog.imports.weather import update_in_background
from fibrolog.ingest.fixtures.apple import write_apple_xml
from fibrolog.insights.models import InsightRun
from fibrolog.insights.services import latest
from fibrolog.insights.tasks import refit
from fibrolog.jobs.models import PeriodicSlot
from fibrolog.jobs.services import pending, run_worker
from fibrolog.jobs.services.periodic import Periodic, enqueue_due
from fibrolog.jobs.tasks import prune_finished

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(settings):
    """Jobs wait in the database until a worker runs them, as in production."""
    settings.TASKS = DATABASE_QUEUE
    return settings


def _due_now() -> None:
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(run_after=timezone.now())


def test_it_coalesces_many_check_ins_into_one_refit(queue, maya):
    for offset in range(5):
        save_day(maya, date(2026, 1, 1) + timedelta(days=offset), DayChanges(values={"pain": 5}))
    waiting = DBTaskResult.objects.filter(task_path=refit.module_path)
    assert waiting.count() == 1 and waiting.get().args_kwargs["args"] == [maya.pk]
    assert InsightRun.objects.get(user=maya).stale  # nothing refits in the web process
    assert run_worker(burst=True) == 0  # the refit waits a moment for more check-ins
    _due_now()
    assert run_worker(burst=True) == 1
    run = InsightRun.objects.get(user=maya)
    assert not run.stale and run.diary_through == date(2026, 1, 5)
    save_day(maya, date(2026, 1, 6), DayChanges(values={"pain": 6}))
    assert waiting.filter(status=TaskResultStatus.READY).count() == 1  # a new check-in, a new one


def test_it_queues_a_refit_for_a_stale_result_with_none_on_its_way(queue, maya):
    InsightRun.objects.create(user=maya, stale=True)
    assert not pending(refit, maya.pk)
    latest(maya)
    assert pending(refit, maya.pk)
    latest(maya)
    assert DBTaskResult.objects.filter(task_path=refit.module_path).count() == 1


def test_it_keeps_an_upload_queued_until_a_worker_imports_it(queue, maya, maya_client):
    out = io.StringIO()
    write_apple_xml(out, days=2)
    upload = SimpleUploadedFile("export.xml", out.getvalue().encode(), "text/xml")
    response = maya_client.post("/imports/", {"kind": "apple-health", "file": upload})
    assert response.status_code == 302
    job = ImportJob.objects.get(user=maya)
    assert job.state == "queued" and not DailyValue.objects.filter(user=maya).exists()
    assert run_worker(burst=True) >= 1
    job.refresh_from_db()
    assert job.state == "done", job.error
    assert DailyValue.objects.filter(user=maya, source="apple-health").exists()
    assert DBTaskResult.objects.get(task_path="fibrolog.imports.tasks.import_upload").status == (
        TaskResultStatus.SUCCESSFUL
    )


def test_it_forgets_the_place_of_a_weather_job_once_it_has_run(queue, maya):
    update_in_background(maya, 52.52, 13.41, date(2026, 1, 1), date(2026, 1, 2))
    queued = DBTaskResult.objects.get()
    assert queued.args_kwargs["args"][1:3] == [52.52, 13.41]
    queue.WEATHER_FETCHER = "tests.test_jobs_queue.no_network"
    run_worker(burst=True)
    assert not DBTaskResult.objects.exists()


def no_network():
    """Return a fetcher that fails the way an offline machine does."""
    from fibrolog.ingest import WeatherError

    def fetch(url: str) -> bytes:
        raise WeatherError("offline")

    return fetch


def test_it_queues_each_periodic_turn_exactly_once(queue, maya):
    nightly = Periodic("nightly-prune", prune_finished, at=time(3, 0))
    from fibrolog.jobs.services import periodic

    periodic._REGISTRY, saved = {"nightly-prune": nightly}, periodic._REGISTRY
    try:
        before = datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
        assert enqueue_due(before) == []
        after = datetime(2026, 3, 1, 3, 30, tzinfo=UTC)
        assert enqueue_due(after) == ["nightly-prune"]
        assert enqueue_due(after + timedelta(hours=2)) == []  # the same night: already queued
        assert enqueue_due(after + timedelta(days=1)) == ["nightly-prune"]
    finally:
        periodic._REGISTRY = saved
    assert PeriodicSlot.objects.count() == 2
    assert DBTaskResult.objects.filter(task_path=prune_finished.module_path).count() == 2


def test_it_registers_the_nightly_refits_and_the_pruning():
    from fibrolog.jobs.services.periodic import registered

    assert {p.name for p in registered()} >= {"nightly-refits", "prune-finished-jobs"}


def test_it_prunes_old_finished_jobs_and_keeps_recent_ones(queue, maya):
    old = timezone.now() - timedelta(days=8)
    for finished in (old, timezone.now()):
        DBTaskResult.objects.create(
            args_kwargs={"args": [], "kwargs": {}},
            task_path=prune_finished.module_path,
            backend_name="default",
            status=TaskResultStatus.SUCCESSFUL,
            finished_at=finished,
        )
    assert prune_finished.call() == 1
    assert DBTaskResult.objects.count() == 1
