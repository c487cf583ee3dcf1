"""The time zone comes from Maya's browser at set-up, and a differing phone is pointed out."""

from __future__ import annotations

import pytest

from fibrolog.accounts.models import Profile

pytestmark = pytest.mark.django_db


def test_it_keeps_the_zone_chosen_at_set_up(client):
    response = client.post(
        "/setup/",
        {
            "username": "maya",
            "password": "lavender window quietly",
            "timezone": "America/Los_Angeles",
        },
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 302
    assert Profile.objects.get(user__username="maya").timezone == "America/Los_Angeles"


def test_it_offers_every_zone_without_javascript_and_marks_the_field_for_the_browser(client):
    page = client.get("/setup/", REMOTE_ADDR="127.0.0.1").content.decode()
    assert '<option value="America/Los_Angeles"' in page
    assert page.count("data-browser-zone") == 2  # the account's list and the demo's hidden field


def test_it_refuses_a_zone_that_does_not_exist(client):
    response = client.post(
        "/setup/",
        {"username": "maya", "password": "lavender window quietly", "timezone": "Mars/Olympus"},
        REMOTE_ADDR="127.0.0.1",
    )
    assert response.status_code == 200 and not Profile.objects.exists()


def test_it_gives_pages_the_accounts_zone_to_compare_with_the_browsers(maya, maya_client):
    profile = Profile.objects.get(user=maya)
    profile.timezone = "Europe/London"
    profile.save()
    page = maya_client.get("/today/").content.decode()
    assert '<meta name="fibrolog-zone" content="Europe/London">' in page
    assert 'id="zone-note"' in page and "Check the time zone in Settings" in page
