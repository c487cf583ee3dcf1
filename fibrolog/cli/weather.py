"""`fibrolog weather`: daily pressure, temperature and humidity for a place you give."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import click

from fibrolog.cli import _django


def _day(value: str | None, default: date) -> date:
    if not value:
        return default
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


@click.command()
@click.option("--lat", type=click.FloatRange(-90, 90), required=True, help="Latitude.")
@click.option("--lon", type=click.FloatRange(-180, 180), required=True, help="Longitude.")
@click.option("--from", "start", default=None, help="First day (default: a year ago).")
@click.option("--to", "end", default=None, help="Last day (default: as recent as available).")
@click.option("--user", "username", default=None, help="Account (default: the only one).")
def weather(
    lat: float, lon: float, start: str | None, end: str | None, username: str | None
) -> None:
    """Add daily weather for a place from the Open-Meteo archive (asks only for missing days).

    The coordinates (rounded to about 1 km) are sent to archive-api.open-meteo.com; nothing
    else is. They are not stored.

    Example: fibrolog weather --lat 51.51 --lon -0.13 --from 2025-01-01
    """
    _django.setup()
    from fibrolog.imports.weather import update_weather
    from fibrolog.ingest import WeatherError, urllib_fetcher

    today = date.today()
    first, last = _day(start, today - timedelta(days=365)), _day(end, today)
    try:
        summary = update_weather(_django.person(username), lat, lon, first, last, urllib_fetcher())
    except WeatherError as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Asked for {summary.days_asked} days; stored {summary.days_stored}; "
        f"{summary.days_changed} changed. {summary.attribution}"
    )
