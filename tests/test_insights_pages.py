"""Insights in the app: what seems linked, is my treatment working, my flares; honest words."""

from __future__ import annotations

import pytest

from fibrolog.diary.services.demo import create_demo_account
from fibrolog.insights.models import InsightRun
from fibrolog.insights.services import compute


@pytest.fixture
def demo(db):
    """A year and a half of the demo diary: sleep matters, LDN helps, caffeine does nothing."""
    return create_demo_account("demo", years=1.5, seed=4)


@pytest.fixture
def demo_client(demo, client):
    client.force_login(demo)
    return client


def test_it_shows_associations_and_treatments_in_plain_words(demo, demo_client):
    compute(demo.pk)
    page = demo_client.get("/insights/").content.decode()
    assert "What seems linked to your symptoms" in page
    assert "Test it as a self-experiment" in page
    assert "Is my treatment working?" in page
    assert "/insights/treatment/ldn/" in page
    for banned in ("p-value", "p =", "significant", "correlation coefficient"):
        assert banned not in page.lower()


def test_it_draws_the_counterfactual_for_a_treatment(demo, demo_client):
    compute(demo.pk)
    page = demo_client.get("/insights/treatment/ldn/").content.decode()
    assert 'class="chart-expected"' in page
    assert "what the model expects without" in page


def test_it_lists_flares_as_descriptions_not_causes(demo, demo_client):
    page = demo_client.get("/insights/flares/").content.decode()
    assert "flares found" in page or "flare found" in page
    assert "not evidence that it causes" in page or "Not enough flares yet" in page


def test_it_says_it_is_working_before_the_first_result(demo, demo_client):
    page = demo_client.get("/insights/").content.decode()  # background mode is inline at commit
    assert "Insights" in page


def test_it_refreshes_after_a_check_in(demo, demo_client, django_capture_on_commit_callbacks):
    from fibrolog.accounts.services import today_for

    with django_capture_on_commit_callbacks(execute=True):
        demo_client.post(
            "/checkin/", {"day": today_for(demo).isoformat(), "m_pain": "3", "o_pain": ""}
        )
    run = InsightRun.objects.get(user=demo)
    assert run.computed_at is not None and not run.stale
    assert run.result["shown"]


def test_it_copes_with_an_empty_diary(maya, maya_client):
    compute(maya.pk)
    page = maya_client.get("/insights/").content.decode()
    assert "Nothing stands out yet" in page
    assert maya_client.get("/insights/flares/").status_code == 200


def test_it_keeps_one_persons_insights_from_another(demo, sam_client):
    compute(demo.pk)
    page = sam_client.get("/insights/treatment/ldn/").content.decode()
    assert "chart-expected" not in page and "Likely range" not in page
    assert "/insights/treatment/ldn/" not in sam_client.get("/insights/").content.decode()


def test_it_shows_how_a_slow_treatment_builds_up_by_week(demo, demo_client):
    compute(demo.pk)
    page = demo_client.get("/insights/treatment/ldn/").content.decode()
    assert "How the effect on pain builds up" in page
    for week in ("4 weeks", "8 weeks", "12 weeks"):
        assert week in page
