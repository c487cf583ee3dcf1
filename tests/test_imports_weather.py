"""Weather from the archive: only missing days are asked for, and values are stored."""

from __future__ import annotations

import json
from datetime import date, timedelta

from fibrolog.diary.models import DailyValue
from fibrolog.imports.weather import update_weather


def _recorded(start: date, days: int) -> bytes:
    """An archive reply of the real shape (hourly values), with invented numbers."""
    times, pressure, temp, humidity = [], [], [], []
    for d in range(days):
        for h in range(24):
            times.append(f"{start + timedelta(days=d)}T{h:02d}:00")
            pressure.append(1010.0 + d)
            temp.append(5.0 + h / 10)
            humidity.append(80.0)
    return json.dumps(
        {
            "hourly": {
                "time": times,
                "surface_pressure": pressure,
                "temperature_2m": temp,
                "relative_humidity_2m": humidity,
            }
        }
    ).encode()


def test_it_stores_pressure_and_asks_only_for_missing_days(maya):
    start, end = date(2026, 1, 1), date(2026, 1, 10)
    asked = []

    def fetcher(url: str) -> bytes:
        asked.append(url)
        return _recorded(start - timedelta(days=1), 11)

    summary = update_weather(maya, 51.507, -0.128, start, end, fetcher)
    assert summary.days_stored == 10 and "Open-Meteo" in summary.attribution
    assert "latitude=51.51" in asked[0]  # rounded before it leaves the machine
    change = DailyValue.objects.get(user=maya, metric__key="pressure_change_24h", day=start)
    assert change.value == 1.0
    again = update_weather(maya, 51.507, -0.128, start, end, fetcher)
    assert again.days_asked == 0 and len(asked) == 1


def replay_fetcher():
    """A fetcher factory for tests: answers any archive request with a recorded reply."""

    def fetch(url: str) -> bytes:
        from urllib.parse import parse_qs, urlsplit

        query = parse_qs(urlsplit(url).query)
        start = date.fromisoformat(query["start_date"][0])
        end = date.fromisoformat(query["end_date"][0])
        return _recorded(start, (end - start).days + 1)

    return fetch


def test_it_adds_weather_from_the_app_and_credits_open_meteo(
    maya, maya_client, settings, django_capture_on_commit_callbacks
):
    settings.WEATHER_FETCHER = "tests.test_imports_weather.replay_fetcher"
    start = date.today() - timedelta(days=40)
    with django_capture_on_commit_callbacks(execute=True):
        response = maya_client.post(
            "/imports/weather/",
            {"latitude": "51.5", "longitude": "-0.1", "start": start.isoformat()},
        )
    assert response.status_code == 302
    assert DailyValue.objects.filter(user=maya, metric__key="pressure_hpa").count() >= 30
    timeline = maya_client.get("/timeline/?days=90").content.decode()
    assert "Weather data by Open-Meteo.com" in timeline and "chart-pressure_hpa" in timeline


def test_it_refuses_a_place_that_is_not_on_earth(maya, maya_client):
    response = maya_client.post(
        "/imports/weather/", {"latitude": "123", "longitude": "0", "start": "2026-01-01"}
    )
    assert response.status_code == 400
    assert "less than or equal to 90" in response.content.decode()
