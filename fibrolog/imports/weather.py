"""Daily weather for a place the person names, from the Open-Meteo archive, cached as values.

Only days not already stored are asked for; the location is sent nowhere unless the person
runs this with it, and it is not stored (its queued job is deleted once it has run).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from fibrolog.diary.models import DailyValue
from fibrolog.imports import writers
from fibrolog.ingest import ATTRIBUTION, fetch_weather
from fibrolog.ingest.weather import SOURCE, Fetcher

log = logging.getLogger(__name__)
ARCHIVE_DELAY_DAYS = 5  # the archive lags a few days behind today


@dataclass(frozen=True)
class WeatherSummary:
    days_asked: int
    days_stored: int
    days_changed: int
    attribution: str = ATTRIBUTION


def missing_days(user, start: date, end: date) -> list[date]:
    """Return the days in [start, end] with no stored pressure yet."""
    have = set(
        DailyValue.objects.filter(
            user=user, source=SOURCE, metric__key="pressure_hpa", day__range=(start, end)
        ).values_list("day", flat=True)
    )
    return [
        start + timedelta(days=i)
        for i in range((end - start).days + 1)
        if start + timedelta(days=i) not in have
    ]


def update_weather(
    user, latitude: float, longitude: float, start: date, end: date, fetcher: Fetcher
) -> WeatherSummary:
    """Fetch and store the missing days between start and end (one request)."""
    end = min(end, date.today() - timedelta(days=ARCHIVE_DELAY_DAYS))
    if end < start:
        return WeatherSummary(0, 0, 0)
    missing = missing_days(user, start, end)
    if not missing:
        return WeatherSummary(0, 0, 0)
    entries = fetch_weather(latitude, longitude, missing[0], missing[-1], fetcher)
    changed = writers.daily_values(user, entries)
    return WeatherSummary(len(missing), len({e.day for e in entries}), len(changed))


def configured_fetcher() -> Fetcher:
    """Return the fetcher named by settings.WEATHER_FETCHER (a factory's dotted path)."""
    from django.conf import settings
    from django.utils.module_loading import import_string

    return import_string(settings.WEATHER_FETCHER)()


def update_in_background(user, latitude: float, longitude: float, start: date, end: date) -> None:
    """Queue the fetch for a worker, without making the page wait."""
    from fibrolog.imports.tasks import fetch_place_weather
    from fibrolog.jobs.services import enqueue

    enqueue(fetch_place_weather, user.pk, latitude, longitude, start.isoformat(), end.isoformat())
