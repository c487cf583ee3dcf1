"""Daily weather from the Open-Meteo archive API: pure URL building and parsing, fetcher injected.

Only the rounded location (two decimals, about 1 km) and the dates are sent, and only when the
person asked for weather. Tests replay recorded JSON; nothing here opens a connection unless the
default fetcher is passed.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from fibrolog.ingest.records import DayEntry, IngestError

__all__ = [
    "ATTRIBUTION",
    "ATTRIBUTION_URL",
    "SOURCE",
    "RateLimited",
    "WeatherError",
    "archive_url",
    "daily_weather",
    "fetch_weather",
    "urllib_fetcher",
]

SOURCE = "open-meteo"
ATTRIBUTION = "Weather data by Open-Meteo.com (CC BY 4.0)"
ATTRIBUTION_URL = "https://open-meteo.com/"
ARCHIVE = "https://archive-api.open-meteo.com/v1/archive"
GEOCODING = "https://geocoding-api.open-meteo.com/v1/search"  # place names (ingest/geocode.py)
HOURLY = ("surface_pressure", "pressure_msl", "temperature_2m", "relative_humidity_2m")
MIN_HOURS = 18  # a day with fewer hourly values is "not yet available" and is left out

Fetcher = Callable[[str], bytes]


class WeatherError(IngestError):
    """The weather service refused the request or answered something unreadable."""


class RateLimited(WeatherError):
    """Too many requests: try again later (the free API allows ~10,000 calls a day)."""


def rounded(latitude: float, longitude: float) -> tuple[float, float]:
    """Return the location rounded to 2 decimals: what is sent and what the cache is keyed by."""
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise WeatherError("weather", f"not a place on Earth: {latitude}, {longitude}")
    return round(latitude, 2), round(longitude, 2)


def archive_url(latitude: float, longitude: float, start: date, end: date) -> str:
    """Return the archive request for hourly pressure, temperature and humidity, local days."""
    lat, lon = rounded(latitude, longitude)
    if end < start:
        raise WeatherError("weather", f"the range ends ({end}) before it starts ({start})")
    query = urllib.parse.urlencode(
        {
            "latitude": f"{lat:.2f}",
            "longitude": f"{lon:.2f}",
            "start_date": start.isoformat(),
            "end_date": end.isoformat(),
            "hourly": ",".join(HOURLY),
            "timezone": "auto",
        }
    )
    return f"{ARCHIVE}?{query}"


def daily_weather(payload: bytes | str) -> Iterator[DayEntry]:
    """Yield per day: mean surface pressure, its change over 24 h, mean temperature and humidity.

    The 24-hour change is the mean pressure of the day minus that of the day before (absent for
    the first day). Hours with nulls are skipped; a day with fewer than 18 hours of values is
    not yet available and is left out.
    """
    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        raise WeatherError("weather", "the weather service answered something unreadable") from None
    if not isinstance(data, dict) or data.get("error"):
        reason = data.get("reason", "unknown error") if isinstance(data, dict) else "bad reply"
        raise WeatherError("weather", f"the weather service refused: {reason}")
    hourly = data.get("hourly") or {}
    times = hourly.get("time") or []
    by_day: dict[str, dict[str, list[float]]] = {}
    for variable in ("surface_pressure", "temperature_2m", "relative_humidity_2m"):
        values = hourly.get(variable) or []
        for stamp, value in zip(times, values, strict=False):
            if isinstance(value, int | float):
                hours = by_day.setdefault(stamp[:10], {})
                hours.setdefault(variable, []).append(float(value))
    previous: tuple[date, float] | None = None
    for text in sorted(by_day):
        day = date.fromisoformat(text)
        means = {
            name: sum(values) / len(values)
            for name, values in by_day[text].items()
            if len(values) >= MIN_HOURS
        }
        key = text
        for variable, metric in (
            ("surface_pressure", "pressure_hpa"),
            ("temperature_2m", "temp_mean_c"),
            ("relative_humidity_2m", "humidity_pct"),
        ):
            if variable in means:
                value = round(means[variable], 2)
                yield DayEntry(SOURCE, f"{key}|{metric}", day, metric, value, "Open-Meteo")
        pressure = means.get("surface_pressure")
        if pressure is not None and previous and previous[0] == day - timedelta(days=1):
            change = round(pressure - previous[1], 2)
            yield DayEntry(SOURCE, f"{key}|pressure_change_24h", day, "pressure_change_24h", change)
        previous = (day, pressure) if pressure is not None else None


def fetch_weather(
    latitude: float, longitude: float, start: date, end: date, fetcher: Fetcher
) -> list[DayEntry]:
    """Fetch one day more than asked (for the first day's 24-h change) and parse the days."""
    url = archive_url(latitude, longitude, start - timedelta(days=1), end)
    return [e for e in daily_weather(fetcher(url)) if start <= e.day <= end]


def urllib_fetcher(timeout: float = 20.0) -> Fetcher:
    """Return a fetcher over urllib with a timeout that raises RateLimited on HTTP 429."""

    def fetch(url: str) -> bytes:
        if not url.startswith((ARCHIVE + "?", GEOCODING + "?")):
            raise WeatherError("weather", "only Open-Meteo's archive and place search may be asked")
        request = urllib.request.Request(url, headers={"User-Agent": "fibrolog"})
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return bytes(response.read(16 << 20))
        except urllib.error.HTTPError as error:
            if error.code == 429:
                raise RateLimited("weather", "too many requests: try again later") from None
            return bytes(error.read(1 << 16))  # Open-Meteo explains a 400 in its JSON body
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            raise WeatherError("weather", f"the weather service is unreachable ({error})") from None

    return fetch
