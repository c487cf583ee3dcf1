"""Weather for Maya's town, replayed from recorded JSON: no network in tests, ever."""

import json
from datetime import date, timedelta
from urllib.parse import parse_qs, urlparse

import pytest

from fibrolog.ingest import ATTRIBUTION, RateLimited, WeatherError, archive_url, fetch_weather


def recorded(first: date, days: int, pressures, null_last_hours: int = 0) -> bytes:
    """An archive reply: hourly values, the last hours null as for a day not yet available."""
    times, pressure, temperature, humidity = [], [], [], []
    for d in range(days):
        for hour in range(24):
            times.append(f"{first + timedelta(days=d)}T{hour:02d}:00")
            missing = d == days - 1 and hour >= 24 - null_last_hours
            pressure.append(None if missing else pressures[d])
            temperature.append(None if missing else 10.0 + d)
            humidity.append(None if missing else 80)
    hourly = {"time": times, "surface_pressure": pressure, "temperature_2m": temperature,
              "relative_humidity_2m": humidity, "pressure_msl": pressure}  # fmt: skip
    return json.dumps({"latitude": 51.5, "longitude": -0.12, "hourly": hourly}).encode()


def test_it_builds_a_request_with_a_rounded_location_only():
    url = archive_url(51.50735, -0.12776, date(2025, 3, 1), date(2025, 3, 7))
    query = parse_qs(urlparse(url).query)
    assert urlparse(url).netloc == "archive-api.open-meteo.com"
    assert (query["latitude"], query["longitude"]) == (["51.51"], ["-0.13"])
    assert query["hourly"] == ["surface_pressure,pressure_msl,temperature_2m,relative_humidity_2m"]
    assert query["timezone"] == ["auto"]


def test_it_gives_daily_pressure_its_24_hour_change_temperature_and_humidity():
    asked = []

    def fetcher(url):
        asked.append(url)
        return recorded(date(2025, 3, 1), 3, [1010.0, 1004.5, 1012.0])

    days = fetch_weather(51.5, -0.12, date(2025, 3, 2), date(2025, 3, 3), fetcher)
    got = {(e.day.isoformat(), e.metric): e.value for e in days}
    assert got == {
        ("2025-03-02", "pressure_hpa"): 1004.5, ("2025-03-02", "pressure_change_24h"): -5.5,
        ("2025-03-02", "temp_mean_c"): 11.0, ("2025-03-02", "humidity_pct"): 80.0,
        ("2025-03-03", "pressure_hpa"): 1012.0, ("2025-03-03", "pressure_change_24h"): 7.5,
        ("2025-03-03", "temp_mean_c"): 12.0, ("2025-03-03", "humidity_pct"): 80.0,
    }  # fmt: skip
    assert "start_date=2025-03-01" in asked[0]  # one day more, for the first day's change
    assert {e.source for e in days} == {"open-meteo"}


def test_it_leaves_out_a_day_the_archive_does_not_have_yet():
    payload = recorded(date(2025, 3, 1), 2, [1010.0, 1011.0], null_last_hours=10)
    days = fetch_weather(51.5, -0.12, date(2025, 3, 1), date(2025, 3, 2), lambda url: payload)
    assert {e.day for e in days} == {date(2025, 3, 1)}


def test_it_says_why_the_service_refused():
    reply = b'{"error": true, "reason": "Parameter \'start_date\' is out of allowed range"}'
    with pytest.raises(WeatherError, match="out of allowed range"):
        fetch_weather(51.5, -0.12, date(1900, 1, 1), date(1900, 1, 2), lambda url: reply)


def test_it_lets_a_rate_limit_through_as_its_own_error():
    def limited(url):
        raise RateLimited("weather", "too many requests: try again later")

    with pytest.raises(RateLimited):
        fetch_weather(51.5, -0.12, date(2025, 3, 1), date(2025, 3, 2), limited)


def test_it_refuses_a_place_not_on_earth_and_a_backwards_range():
    with pytest.raises(WeatherError, match="not a place"):
        archive_url(95, 0, date(2025, 3, 1), date(2025, 3, 2))
    with pytest.raises(WeatherError, match="before it starts"):
        archive_url(51, 0, date(2025, 3, 2), date(2025, 3, 1))


def test_it_carries_the_attribution_the_licence_asks_for():
    assert "Open-Meteo.com" in ATTRIBUTION and "CC BY 4.0" in ATTRIBUTION
