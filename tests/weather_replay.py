"""A fetcher that replays Open-Meteo replies (geocoding recorded, archive generated); no network.

Point settings.WEATHER_FETCHER at `replay_fetcher` to use it; `ASKED` keeps every URL asked.
"""

from __future__ import annotations

import json
import urllib.parse
from datetime import date, timedelta
from pathlib import Path

GEOCODING = Path(__file__).parent / "fixtures" / "geocoding_london.json"
ASKED: list[str] = []


def _archive(start: date, end: date) -> bytes:
    times, pressure, temp, humidity = [], [], [], []
    for d in range((end - start).days + 1):
        for h in range(24):
            times.append(f"{start + timedelta(days=d)}T{h:02d}:00")
            pressure.append(1010.0 + d % 7)
            temp.append(5.0 + h / 10)
            humidity.append(80.0)
    hourly = {"time": times, "surface_pressure": pressure, "temperature_2m": temp}
    return json.dumps({"hourly": hourly | {"relative_humidity_2m": humidity}}).encode()


def replay_fetcher():
    """Return a fetcher answering London from the recording, no other place, and any archive."""

    def fetch(url: str) -> bytes:
        ASKED.append(url)
        query = urllib.parse.parse_qs(urllib.parse.urlsplit(url).query)
        if url.startswith("https://geocoding-api.open-meteo.com/v1/search?"):
            if query["name"][0].strip().lower() == "london":
                return GEOCODING.read_bytes()
            return b'{"generationtime_ms":0.4}'  # what the API answers for an unknown name
        if url.startswith("https://archive-api.open-meteo.com/v1/archive?"):
            start = date.fromisoformat(query["start_date"][0])
            return _archive(start, date.fromisoformat(query["end_date"][0]))
        raise AssertionError(f"unexpected URL {url}")

    return fetch
