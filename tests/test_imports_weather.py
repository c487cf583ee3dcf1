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
