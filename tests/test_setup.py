"""First run: an empty database offers, from this computer only, an account or demo data."""

import pytest

from fibrolog.accounts.models import Profile
from fibrolog.diary.models import DailyValue


@pytest.mark.django_db
def test_it_sends_the_first_visit_to_setup(client):
    response = client.get("/today/")
    assert response.status_code == 302 and response["Location"] == "/setup/"


@pytest.mark.django_db
def test_it_creates_the_first_account_from_loopback_and_logs_in(client):
    response = client.post(
        "/setup/",
        {"username": "maya", "password": "lavender window quietly"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert client.get("/today/").status_code == 200
    assert Profile.objects.get(user__username="maya").day_start_hour == 4


@pytest.mark.django_db
def test_it_refuses_a_common_password(client):
    response = client.post(
        "/setup/", {"username": "maya", "password": "password123"}, REMOTE_ADDR="127.0.0.1"
    )
    assert "too common" in response.content.decode()
    assert not Profile.objects.exists()


@pytest.mark.django_db
def test_it_refuses_setup_from_another_machine(client):
    response = client.post(
        "/setup/",
        {"username": "eve", "password": "lavender window quietly"},
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 403
    assert not Profile.objects.exists()


@pytest.mark.django_db
def test_it_offers_to_explore_with_demo_data(client):
    response = client.post("/setup/", {"demo": "1"}, REMOTE_ADDR="127.0.0.1")
    assert response.status_code == 302
    assert DailyValue.objects.filter(user__username="demo").count() > 1000
    assert "demo diary" in client.get("/today/").content.decode()


@pytest.mark.django_db
def test_it_lets_someone_exploring_the_demo_start_their_own_diary(client):
    client.post("/setup/", {"demo": "1"}, REMOTE_ADDR="127.0.0.1")
    assert "Start my own diary" in client.get("/settings/").content.decode()
    response = client.post(
        "/setup/",
        {"username": "maya", "password": "lavender window quietly"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    page = client.get("/today/").content.decode()
    assert "demo diary" not in page
    assert DailyValue.objects.filter(user__username="maya").count() == 0


@pytest.mark.django_db
def test_it_does_not_let_a_real_account_reach_setup(client):
    client.post(
        "/setup/",
        {"username": "maya", "password": "lavender window quietly"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert client.get("/setup/", REMOTE_ADDR="127.0.0.1").status_code == 404
