"""The result: effect, ranges, chances, the verdict and its rule, adherence and honest caveats."""

from datetime import timedelta

import numpy as np
import pytest

from fibrolog.accounts.services import today_for
from fibrolog.analysis.trial_sim import simulate_trial
from fibrolog.experiments import services
from fibrolog.experiments.models import Adherence, Experiment
from tests._trial import draft, log

FORBIDDEN = ("p-value", "p =", "significant")


def _trial(user, *, pairs=11, effect=-2.5, missing=0.0, seed=5, finished=True, **sim):
    """A started trial whose days (all in the past when `finished`) carry simulated pain."""
    today = today_for(user)
    params = {"pairs": pairs, "period": 7, "washout": 1, "baseline": 7}
    days = 7 + 14 * pairs
    start = today - timedelta(days=days if finished else days // 2)
    exp = draft(user, start, params=params)
    services.start(exp, start)
    plan = services.current_plan(exp)
    rows = simulate_trial(
        plan, np.random.default_rng(seed), effect=effect, rho=0.6, missing=missing, **sim
    )
    log(user, start, [r.value if r.date <= today else None for r in rows])
    services.refresh_status(exp, today)
    return exp, today


def test_it_reports_a_clear_benefit_with_ranges_chances_verdict_and_rule(maya, maya_client):
    exp, _ = _trial(maya)
    assert exp.status == Experiment.COMPLETED
    page = maya_client.get(f"/experiments/{exp.pk}/result/").content.decode()
    assert "points lower with B than with A" in page
    assert "likely between" in page and "almost surely between" in page
    assert "Chance that B helps at all" in page and "Chance of practically no difference" in page
    assert "Verdict: Likely helps." in page
    assert "needs at least an 80% chance" in page  # the rule that produced it
    assert exp.versions.get().sha256 in page
    assert not any(word in page.lower() for word in FORBIDDEN)


def test_it_shows_progress_not_a_winner_at_an_interim_look(maya, maya_client):
    exp, today = _trial(maya, effect=-0.5, finished=False)
    res = services.result(exp, today)
    assert not res.final and res.primary.verdict == "not_enough_evidence"
    page = maya_client.get(f"/experiments/{exp.pk}/result/").content.decode()
    assert "Interim look" in page and "Not enough evidence yet" in page
    assert "likely between" not in page and "Chance that B helps" not in page


def test_it_shows_the_winner_early_once_the_locked_rule_is_met(maya, maya_client):
    exp, today = _trial(maya, pairs=12, effect=-4.0, finished=False)
    assert services.result(exp, today).primary.verdict == "likely_helps"
    page = maya_client.get(f"/experiments/{exp.pk}/result/").content.decode()
    assert "Interim look" in page and "Verdict: Likely helps." in page


def test_it_stays_honest_about_many_missing_days(maya):
    exp, today = _trial(maya, missing=0.6)
    res = services.result(exp, today)
    assert any("have no pain logged" in c for c in res.caveats)
    assert res.primary.n < 0.6 * res.days_done


def test_it_reports_a_stopped_trial_as_stopped_early(maya, maya_client):
    exp, today = _trial(maya, finished=False)
    maya_client.post(f"/experiments/{exp.pk}/stop/", {"text": "Too tiring"})
    exp.refresh_from_db()
    res = services.result(exp, today)
    assert res.final and any(c.startswith("Stopped early") for c in res.caveats)
    page = maya_client.get(f"/experiments/{exp.pk}/result/").content.decode()
    assert "Too tiring" in page and "Result" in page


def test_it_warns_about_poor_adherence(maya):
    exp, today = _trial(maya, adherence=0.6, seed=8)
    rng = np.random.default_rng(2)
    Adherence.objects.bulk_create(
        Adherence(experiment=exp, day=d.day, taken=(d.arm == "B") == (rng.random() < 0.6))
        for d in exp.days.all()
    )
    res = services.result(exp, today)
    assert res.adherence.rate is not None and res.adherence.rate < 0.8
    assert any("followed on only" in c for c in res.caveats)


def test_it_shows_a_later_plan_change_as_a_deviation_and_keeps_the_first_rule(maya, maya_client):
    exp, today = _trial(maya, finished=False)
    services.change_plan(exp, today, "More certainty", pairs=13, mcid=2.0)
    res = services.result(exp, today)
    assert res.latest.number == 2 and res.first.number == 1
    assert res.primary.mcid == 1.0  # the verdict keeps the rule locked at the start
    assert any("changed after it was locked" in c for c in res.caveats)
    page = maya_client.get(f"/experiments/{exp.pk}/result/").content.decode()
    assert "Plan changed" in page and "pairs 11 -&gt; 13" in page


@pytest.mark.parametrize("logged", [0, 3, 10])
def test_it_never_fails_on_too_little_data(maya, maya_client, logged):
    today = today_for(maya)
    start = today - timedelta(days=20)
    exp = draft(maya, start)
    services.start(exp, start)
    log(maya, start, [5.0] * logged)
    res = services.result(exp, today)
    assert res.primary.verdict == "not_enough_evidence"
    for url in (f"/experiments/{exp.pk}/", f"/experiments/{exp.pk}/result/", "/today/"):
        assert maya_client.get(url).status_code == 200


def test_it_gives_the_clinician_report_plain_frozen_rows(maya):
    exp, today = _trial(maya)
    rows = services.report_rows(maya, today)
    assert len(rows) == 1
    row = rows[0]
    assert row.verdict == "Likely helps" and "points lower with B" in row.effect
    assert row.plan_sha256 == exp.versions.get().sha256
    assert "Followed the plan" in row.adherence or "not logged" in row.adherence
    with pytest.raises(AttributeError):
        row.verdict = "changed"
