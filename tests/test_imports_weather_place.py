"""Maya adds weather by naming her town: geocoded through the same fetcher as the weather."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from click.testing import CliRunner

from fibrolog.cli import main
from fibrolog.diary.models import DailyValue
from fibrolog.ingest.geocode import find_place, parse_places
from tests import weather_replay
from tests.weather_replay import GEOCODING, replay_fetcher


@pytest.fixture(autouse=True)
def _replayed(settings, monkeypatch):
    settings.WEATHER_FETCHER = "tests.weather_replay.replay_fetcher"
    monkeypatch.setenv("FIBROLOG_BACKGROUND", "inline")
    weather_replay.ASKED.clear()


def test_it_reads_the_geocoding_reply_best_match_first():
    places = parse_places(GEOCODING.read_bytes())
    assert [p.country for p in places] == ["United Kingdom", "Canada"]
    london = places[0]
    assert (london.latitude, london.longitude) == (51.50853, -0.12574)
    assert london.label() == "London, England, United Kingdom"


def test_it_says_when_no_place_has_that_name():
    with pytest.raises(ValueError, match="No place called 'Atlantis'"):
        find_place("Atlantis", replay_fetcher())


def test_it_adds_weather_for_a_place_name_on_the_command_line(maya):
    start = date.today() - timedelta(days=30)
    result = CliRunner().invoke(
        main, ["weather", "--place", "London", "--from", start.isoformat(), "--user", "maya"]
    )
    assert result.exit_code == 0, result.output
    assert "London, England, United Kingdom (51.51, -0.13)" in result.output
    geocode, archive = weather_replay.ASKED
    assert "name=London" in geocode
    assert "latitude=51.51" in archive and "longitude=-0.13" in archive
    assert DailyValue.objects.filter(user=maya, metric__key="pressure_hpa").exists()


def test_it_refuses_a_place_and_coordinates_together_or_neither(maya):
    for args in (["--place", "London", "--lat", "1", "--lon", "2"], []):
        result = CliRunner().invoke(main, ["weather", *args, "--user", "maya"])
        assert result.exit_code == 2 and "--place" in result.output


def test_it_adds_weather_for_a_place_name_from_the_web_form(
    maya, maya_client, django_capture_on_commit_callbacks
):
    start = (date.today() - timedelta(days=30)).isoformat()
    with django_capture_on_commit_callbacks(execute=True):
        response = maya_client.post("/imports/weather/", {"place": "London", "start": start})
    assert response.status_code == 302
    assert DailyValue.objects.filter(user=maya, metric__key="pressure_hpa").exists()
    page = maya_client.get("/imports/").content.decode()
    assert "London, England, United Kingdom" in page


def test_it_explains_an_unknown_place_on_the_web_form_and_fetches_nothing(maya, maya_client):
    start = (date.today() - timedelta(days=30)).isoformat()
    response = maya_client.post("/imports/weather/", {"place": "Atlantis", "start": start})
    assert response.status_code == 400
    assert "No place called" in response.content.decode()
    assert not DailyValue.objects.filter(user=maya).exists()
