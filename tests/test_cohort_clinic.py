"""The clinic's pooled results: a durable job runs the analysis; the page shows pooled figures."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from fibrolog.accounts.services import create_account
from fibrolog.analysis.cohort import pool
from fibrolog.analysis.cohort.simulate import simulate_estimates
from fibrolog.cohort.models import CohortResult, ResearchConsent
from fibrolog.cohort.tasks import run_cohort
from fibrolog.jobs.services import run_worker
from tests.cohort_people import plant_cohort

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def _stored(**extra) -> CohortResult:
    people, _ = simulate_estimates(30, -1.0, 0.5, seed=4)
    pooled = pool(people, treatment="ldn", outcome="pain")
    return CohortResult.objects.create(
        treatment="ldn", outcome="pain", result=pooled.to_dict(), people=30, collecting=2,
        engine={"name": "dask", "workers": 2}, **extra,
    )  # fmt: skip


def test_it_lives_under_clinic_cohort():
    assert reverse("cohort_results") == "/clinic/cohort/"
    assert reverse("cohort_run") == "/clinic/cohort/run/"


def test_it_shows_the_latest_pooled_figures_with_intervals(clinician_client):
    _stored()
    newest = _stored()
    pooled = newest.pooled()
    page = clinician_client.get("/clinic/cohort/").content.decode()
    assert "Low-dose naltrexone and pain" in page
    assert page.count("cohort-result") == 1  # the latest per treatment and outcome
    for value in (pooled.mean.estimate, pooled.mean.low, pooled.tau.high, pooled.predictive.low):
        assert f"{value:.2f}" in page
    assert f"{round(pooled.responders.estimate * 100)}%" in page
    assert "30 people pooled; 2 still collecting" in page
    assert "exploratory" in page


def test_it_shows_no_ones_own_number(clinician_client):
    stored = _stored()
    page = clinician_client.get("/clinic/cohort/").content.decode()
    for person in stored.result["per_person"]:
        assert person["id"] not in page


@pytest.mark.parametrize("who", ["maya_client", "admin_client"])
def test_it_is_for_clinicians_only(who, request):
    client = request.getfixturevalue(who)
    _stored()
    response = client.get("/clinic/cohort/")
    assert response.status_code == 302 and response.url != "/clinic/cohort/"
    client.post("/clinic/cohort/run/", {"treatment": "ldn", "outcome": "pain"})
    assert CohortResult.objects.count() == 1


def test_it_sends_strangers_to_log_in(client, maya):
    response = client.get("/clinic/cohort/")
    assert response.status_code == 302 and "/login/" in response.url


def test_it_says_when_nobody_consented(clinician_client):
    response = clinician_client.post(
        "/clinic/cohort/run/", {"treatment": "ldn", "outcome": "pain"}, follow=True
    )
    assert "Nobody has consented to research use yet" in response.content.decode()


def test_it_refuses_a_treatment_not_in_the_list(clinician_client):
    response = clinician_client.post(
        "/clinic/cohort/run/", {"treatment": "snake oil", "outcome": "pain"}, follow=True
    )
    assert "Choose a treatment and a symptom from the lists" in response.content.decode()


@pytest.mark.django_db(transaction=True)
def test_it_queues_a_durable_job_that_stores_the_result(dask_client, settings, monkeypatch):
    settings.TASKS = DATABASE_QUEUE
    monkeypatch.setenv("FIBROLOG_DASK_SCHEDULER", dask_client.scheduler.address)
    people = plant_cohort(5)
    ResearchConsent.objects.filter(user=people[4]).update(consented=False)
    chen = create_account("drchen", "lavender window quietly clinic", role="clinician")
    clinic = Client()
    clinic.force_login(chen)
    response = clinic.post("/clinic/cohort/run/", {"treatment": "ldn", "outcome": "pain"},
                           follow=True)  # fmt: skip
    assert "Queued" in response.content.decode()
    assert DBTaskResult.objects.filter(task_path=run_cohort.module_path).count() == 1
    assert not CohortResult.objects.exists()  # nothing runs in the web process
    assert "A run is waiting or running" in clinic.get("/clinic/cohort/").content.decode()
    assert run_worker(burst=True) >= 1
    stored = CohortResult.objects.get()
    assert stored.people == 4 and stored.requested_by == chen and stored.slow
    assert stored.engine["workers"] == 2
    low, high = stored.pooled().mean.low, stored.pooled().mean.high
    assert low < -1.2 < high + 0.5
    page = clinic.get("/clinic/cohort/").content.decode()
    assert "4 people pooled" in page and "Low-dose naltrexone and pain" in page
