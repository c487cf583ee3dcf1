"""Find a place's coordinates by name with the Open-Meteo geocoding API; fetcher injected.

Only the name typed is sent, only when the person asks for weather by place name; the
coordinates found are used for the weather request and not stored.
"""

from __future__ import annotations

import json
import urllib.parse
from dataclasses import dataclass

from fibrolog.ingest.weather import GEOCODING, Fetcher, WeatherError

__all__ = ["Place", "find_place", "geocoding_url", "parse_places"]

MAX_NAME = 100


@dataclass(frozen=True)
class Place:
    """One match: its name, region and country, and its coordinates."""

    name: str
    latitude: float
    longitude: float
    admin1: str = ""
    country: str = ""

    def label(self) -> str:
        """Return "London, England, United Kingdom"."""
        return ", ".join(p for p in (self.name, self.admin1, self.country) if p)


def geocoding_url(name: str) -> str:
    """Return the search for `name` (best matches first, English names)."""
    query = urllib.parse.urlencode({"name": name, "count": 5, "language": "en", "format": "json"})
    return f"{GEOCODING}?{query}"


def parse_places(payload: bytes | str) -> list[Place]:
    """Return the matches of a geocoding reply, best first (none: an empty list)."""
    try:
        data = json.loads(payload)
    except (ValueError, UnicodeDecodeError):
        raise WeatherError("weather", "the place search answered something unreadable") from None
    if not isinstance(data, dict) or data.get("error"):
        reason = data.get("reason", "unknown error") if isinstance(data, dict) else "bad reply"
        raise WeatherError("weather", f"the place search refused: {reason}")
    places = []
    for row in data.get("results") or []:
        lat, lon = row.get("latitude"), row.get("longitude")
        if isinstance(lat, int | float) and isinstance(lon, int | float):
            places.append(
                Place(
                    str(row.get("name", "")),
                    float(lat),
                    float(lon),
                    str(row.get("admin1") or ""),
                    str(row.get("country") or ""),
                )
            )
    return places


def find_place(name: str, fetcher: Fetcher) -> Place:
    """Return the best match for a place name; raise ValueError saying what went wrong."""
    name = " ".join(name.split())
    if not 2 <= len(name) <= MAX_NAME:
        raise ValueError(f"Give a place name of 2 to {MAX_NAME} characters.")
    places = parse_places(fetcher(geocoding_url(name)))
    if not places:
        raise ValueError(
            f"No place called {name!r} was found. Try the nearest town, or give coordinates."
        )
    return places[0]
