"""Lost jobs go back to the queue; /healthz tells whether a worker is alive, and nothing else."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from fibrolog.jobs.models import WorkerBeat
from fibrolog.jobs.services import requeue_abandoned
from fibrolog.jobs.services.beats import host, register
from fibrolog.jobs.services.recovery import MAX_ATTEMPTS
from fibrolog.jobs.tasks import prune_finished

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    return settings


def _running(worker_id: str, attempts: int = 1) -> DBTaskResult:
    return DBTaskResult.objects.create(
        args_kwargs={"args": [], "kwargs": {}},
        task_path=prune_finished.module_path,
        backend_name="default",
        status=TaskResultStatus.RUNNING,
        started_at=timezone.now(),
        worker_ids=[f"earlier-{n}" for n in range(attempts - 1)] + [worker_id],
    )


def _beat(worker_id: str, pid: int, seen_ago: float, on: str | None = None) -> None:
    now = timezone.now()
    WorkerBeat.objects.create(
        worker_id=worker_id,
        host=on or host(),
        pid=pid,
        started_at=now - timedelta(hours=1),
        seen_at=now - timedelta(seconds=seen_ago),
    )


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_it_gives_back_the_job_of_a_worker_whose_process_is_gone(queue):
    _beat("gone", _dead_pid(), seen_ago=1)
    job = _running("gone")
    assert requeue_abandoned() == 1
    job.refresh_from_db()
    assert job.status == TaskResultStatus.READY and job.started_at is None


def test_it_gives_back_the_job_of_a_worker_elsewhere_that_went_silent(queue, settings):
    settings.FIBROLOG_WORKER_TIMEOUT = 30
    _beat("silent", 1, seen_ago=31, on="another-machine")
    _beat("busy", 1, seen_ago=3, on="another-machine")
    silent, busy = _running("silent"), _running("busy")
    assert requeue_abandoned() == 1
    silent.refresh_from_db(), busy.refresh_from_db()
    assert silent.status == TaskResultStatus.READY and busy.status == TaskResultStatus.RUNNING


def test_it_leaves_the_job_of_a_live_worker_on_this_machine_alone(queue):
    register("alive")  # this very process
    job = _running("alive")
    assert requeue_abandoned() == 0
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING


def test_it_fails_a_job_that_took_down_too_many_workers(queue):
    _beat("third", _dead_pid(), seen_ago=1)
    job = _running("third", attempts=MAX_ATTEMPTS)
    assert requeue_abandoned() == 1
    job.refresh_from_db()
    assert job.status == TaskResultStatus.FAILED and "WorkerLost" in job.exception_class_path


def test_it_answers_503_without_a_login_while_no_worker_runs(queue):
    response = Client().get("/healthz")
    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "no worker" and body["worker"]["last_seen_seconds"] is None


def test_it_answers_200_with_the_queue_depth_once_a_worker_beats(queue, maya):
    register("fresh")
    _running("fresh")
    DBTaskResult.objects.create(
        args_kwargs={"args": [maya.pk], "kwargs": {}},
        task_path="fibrolog.insights.tasks.refit",
        backend_name="default",
    )
    response = Client().get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["queue"] == {"waiting": 1, "later": 0, "running": 1}
    assert body["worker"]["running"] == 1 and body["worker"]["last_seen_seconds"] < 5
    assert set(body) == {"status", "worker", "queue"}  # counts and ages, nobody's data
    assert set(body["worker"]) == {"expected", "last_seen_seconds", "running"}
    assert "maya" not in response.content.decode()


def test_it_answers_503_when_the_only_worker_stopped_or_fell_silent(queue, settings):
    settings.FIBROLOG_WORKER_TIMEOUT = 30
    _beat("old", 1, seen_ago=45, on="another-machine")
    assert Client().get("/healthz").status_code == 503


def test_it_answers_200_when_jobs_run_at_once_and_no_worker_is_needed():
    response = Client().get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content)["worker"]["expected"] is False
