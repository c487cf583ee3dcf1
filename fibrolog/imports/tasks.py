"""Imports' jobs: an uploaded file, and the weather for a place."""

from __future__ import annotations

import logging

from django_tasks import task

log = logging.getLogger(__name__)


@task()
def import_upload(job_id: int) -> None:
    """Import one queued upload (again from the start if its worker died: writes are keyed)."""
    from fibrolog.imports.jobs import run
    from fibrolog.imports.models import ImportJob

    if ImportJob.objects.filter(pk=job_id).exists():  # not discarded or erased meanwhile
        run(job_id)


@task()
def fetch_place_weather(
    user_id: int, latitude: float, longitude: float, start: str, end: str
) -> None:
    """Fetch and store the daily weather of a place for one person's missing days."""
    from datetime import date

    from django.contrib.auth import get_user_model

    from fibrolog.imports.weather import configured_fetcher, update_weather
    from fibrolog.ingest import WeatherError

    person = get_user_model().objects.filter(pk=user_id).first()
    if person is None:
        return
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    try:
        update_weather(person, latitude, longitude, first, last, configured_fetcher())
    except WeatherError:
        log.warning("weather update failed for one person")  # no location in logs
