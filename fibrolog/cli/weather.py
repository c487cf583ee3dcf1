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
@click.option("--place", default=None, help='A place name, e.g. "London" (or --lat and --lon).')
@click.option("--lat", type=click.FloatRange(-90, 90), default=None, help="Latitude.")
@click.option("--lon", type=click.FloatRange(-180, 180), default=None, help="Longitude.")
@click.option("--from", "start", default=None, help="First day (default: a year ago).")
@click.option("--to", "end", default=None, help="Last day (default: as recent as available).")
@click.option("--user", "username", default=None, help="Account (default: the only one).")
def weather(
    place: str | None,
    lat: float | None,
    lon: float | None,
    start: str | None,
    end: str | None,
    username: str | None,
) -> None:
    """Add daily weather for a place from the Open-Meteo archive (asks only for missing days).

    A place name is looked up with Open-Meteo's geocoding (the best match is used and named).
    The coordinates (rounded to about 1 km) are sent to archive-api.open-meteo.com; nothing
    else is. Neither is stored.

    Example: fibrolog weather --place "London" --from 2025-01-01
    """
    if (place is None) == (lat is None or lon is None) or (lat is None) != (lon is None):
        raise click.UsageError("give either --place NAME or both --lat and --lon")
    _django.setup()
    from fibrolog.imports.weather import configured_fetcher, update_weather
    from fibrolog.ingest import WeatherError
    from fibrolog.ingest.geocode import find_place

    today = date.today()
    first, last = _day(start, today - timedelta(days=365)), _day(end, today)
    person = _django.person(username)
    fetcher = configured_fetcher()
    try:
        if place is None:
            where = (float(lat or 0), float(lon or 0))
        else:
            found = find_place(place, fetcher)
            where = (found.latitude, found.longitude)
            click.echo(f"Weather for {found.label()} ({where[0]:.2f}, {where[1]:.2f}).")
        summary = update_weather(person, *where, first, last, fetcher)
    except (ValueError, WeatherError) as exc:
        raise click.ClickException(str(exc)) from None
    click.echo(
        f"Asked for {summary.days_asked} days; stored {summary.days_stored}; "
        f"{summary.days_changed} changed. {summary.attribution}"
    )
