"""Designing an experiment: before it starts, it says how long it must run and why."""

from datetime import timedelta

import numpy as np

from fibrolog.accounts.services import today_for
from fibrolog.experiments.models import Experiment
from tests._trial import log


def _form(today, **overrides):
    data = {
        "tested_key": "",
        "tested": "No caffeine after noon",
        "comparison": "Usual coffee",
        "primary": "pain",
        "secondary": ["fatigue"],
        "design": "fast",
        "start": today.isoformat(),
        "pairs": "4",
        "period": "7",
        "washout": "1",
        "baseline": "",
        "treatment_days": "84",
        "withdrawal": "0",
        "mcid": "1",
    }
    return {**data, **overrides}


def test_it_saves_a_draft_and_shows_how_long_it_must_run(maya, maya_client):
    today = today_for(maya)
    response = maya_client.post("/experiments/new/", _form(today))
    exp = Experiment.objects.get(user=maya)
    assert response.status_code == 302 and response["Location"] == f"/experiments/{exp.pk}/"
    assert (exp.status, exp.tested, exp.secondary) == (
        "draft",
        "No caffeine after noon",
        ["fatigue"],
    )
    assert exp.params == {"pairs": 4, "period": 7, "washout": 1}  # baseline: the default
    page = maya_client.get(response["Location"]).content.decode()
    assert "How long it must run" in page and "it needs to run about" in page
    assert "typical values" in page  # a new diary: population SD and autocorrelation
    assert "could and could not show" in page and "Start: lock the plan" in page


def test_it_plans_from_her_own_variability_once_she_has_logged_enough(maya, maya_client):
    today = today_for(maya)
    rng = np.random.default_rng(1)
    log(maya, today - timedelta(days=100), [float(v) for v in rng.integers(2, 9, 100)])
    maya_client.post("/experiments/new/", _form(today))
    exp = Experiment.objects.get(user=maya)
    page = maya_client.get(f"/experiments/{exp.pk}/").content.decode()
    assert "From your last 90 logged days" in page


def test_it_refuses_an_invalid_design_and_saves_nothing(maya, maya_client):
    today = today_for(maya)
    for bad in ({"pairs": "3"}, {"baseline": "5"}, {"start": "2000-01-01"}, {"tested": ""}):
        response = maya_client.post("/experiments/new/", _form(today, **bad))
        assert response.status_code == 400, bad
        assert "Nothing was saved" in response.content.decode()
    assert not Experiment.objects.exists()


def test_it_adopts_the_recommended_length_in_one_tap(maya, maya_client):
    today = today_for(maya)
    maya_client.post("/experiments/new/", _form(today))
    exp = Experiment.objects.get(user=maya)
    maya_client.post(f"/experiments/{exp.pk}/edit/", {"recommended": "1"})
    exp.refresh_from_db()
    assert exp.params["pairs"] > 4
    page = maya_client.get(f"/experiments/{exp.pk}/").content.decode()
    assert "Use the recommended length" not in page


def test_it_designs_a_slow_trial_and_starts_it(maya, maya_client):
    today = today_for(maya)
    maya_client.post(
        "/experiments/new/",
        _form(today, design="slow", tested="", tested_key="ldn", treatment_days="112"),
    )
    exp = Experiment.objects.get(user=maya)
    assert (exp.tested, exp.params) == (
        "Low-dose naltrexone",
        {"treatment_days": 112, "withdrawal": 0},
    )
    assert maya_client.post(f"/experiments/{exp.pk}/start/").status_code == 302
    exp.refresh_from_db()
    assert exp.status == "running" and exp.versions.count() == 1
    assert exp.days.count() == 28 + 112
    page = maya_client.get(f"/experiments/{exp.pk}/").content.decode()
    assert exp.versions.get().sha256 in page


def test_it_proposes_the_length_her_variability_needs(maya, maya_client):
    page = maya_client.get("/experiments/new/").content.decode()
    # population values (SD 1.5, rho 0.6), 7-day periods, 1 washout day: 11 pairs
    assert 'name="pairs" value="11"' in page
