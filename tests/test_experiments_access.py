"""A stranger sees none of Maya's experiments and changes nothing, on every experiment URL."""

import pytest

from fibrolog.accounts.services import today_for
from fibrolog.experiments import services
from fibrolog.experiments.models import Experiment
from tests._trial import draft

GETS = ["", "edit/", "result/", "schedule.ics"]
POSTS = ["edit/", "start/", "pause/", "stop/", "taken/", "note/", "discard/"]


@pytest.fixture
def running(maya):
    today = today_for(maya)
    exp = draft(maya, today, tested="Maya secret pill")
    services.start(exp, today)
    return exp


@pytest.mark.parametrize("suffix", GETS)
def test_it_answers_a_strangers_request_exactly_like_a_missing_one(running, sam_client, suffix):
    assert sam_client.get(f"/experiments/{running.pk}/{suffix}").status_code == 404
    assert sam_client.get(f"/experiments/999999/{suffix}").status_code == 404


@pytest.mark.parametrize("suffix", POSTS)
def test_it_lets_a_stranger_change_nothing(running, sam_client, suffix):
    data = {"day": today_for(running.user).isoformat(), "taken": "yes", "text": "x", "reason": "x"}
    assert sam_client.post(f"/experiments/{running.pk}/{suffix}", data).status_code == 404
    running.refresh_from_db()
    assert running.status == Experiment.RUNNING
    assert not running.adherence.exists() and not running.deviations.exists()
    assert running.versions.count() == 1


def test_it_lists_none_of_her_experiments_to_a_stranger(running, sam_client):
    page = sam_client.get("/experiments/").content.decode()
    assert "Maya secret pill" not in page
    assert "Maya secret pill" not in sam_client.get("/today/").content.decode()


def test_it_cannot_discard_a_started_experiment(running, maya_client):
    maya_client.post(f"/experiments/{running.pk}/discard/")
    assert Experiment.objects.filter(pk=running.pk).exists()
