"""Running: today's assignment on the check-in page, adherence in one tap."""

from datetime import timedelta

from fibrolog.accounts.services import today_for
from fibrolog.experiments import services
from tests._trial import draft


def test_it_shows_todays_assignment_on_the_check_in(maya, maya_client):
    today = today_for(maya)
    exp = draft(maya, today - timedelta(days=8))
    services.start(exp, today - timedelta(days=8))
    arm = exp.days.get(day=today).arm
    page = maya_client.get("/today/").content.decode()
    assert "<strong>Omega-3 trial</strong>, today:" in page
    expected = "<strong>Omega-3</strong> (B)" if arm == "B" else "(A), no Omega-3"
    assert expected in page


def test_it_records_adherence_in_one_tap_and_returns_to_the_check_in(maya, maya_client):
    today = today_for(maya)
    exp = draft(maya, today)
    services.start(exp, today)
    response = maya_client.post(
        f"/experiments/{exp.pk}/taken/",
        {"day": today.isoformat(), "taken": "no", "back": "checkin"},
    )
    assert response.status_code == 302 and response["Location"] == "/today/"
    assert exp.adherence.get(day=today).taken is False
    page = maya_client.get("/today/").content.decode()
    assert 'aria-pressed="true" class="primary">Done: stayed off it' in page


def test_it_refuses_adherence_for_a_future_day(maya, maya_client):
    today = today_for(maya)
    exp = draft(maya, today)
    services.start(exp, today)
    tomorrow = today + timedelta(days=1)
    maya_client.post(f"/experiments/{exp.pk}/taken/", {"day": tomorrow.isoformat(), "taken": "yes"})
    assert not exp.adherence.exists()


def test_it_shows_nothing_for_a_paused_or_draft_experiment(maya, maya_client):
    today = today_for(maya)
    draft(maya, today)
    running = draft(maya, today, tested="Heat pad")
    services.start(running, today)
    services.pause(running, today)
    assert "trial</strong>" not in maya_client.get("/today/").content.decode()
