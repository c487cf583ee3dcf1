"""Lay the 19 widespread-pain-index sites out on the front and back body map."""

from __future__ import annotations

from fibrolog.instruments.acr import SITES

BACK_SITES = ("neck", "upper_back", "lower_back")
Site = tuple[str, str, bool]  # key, label, ticked


def body_views(sites: list[Site]) -> list[tuple[str, str, list[Site]]]:
    """Split (key, label, ticked) sites into the front and back views of the map."""
    return [
        ("front", "Front", [s for s in sites if s[0] not in BACK_SITES]),
        ("back", "Back", [s for s in sites if s[0] in BACK_SITES]),
    ]


def checkin_sites(ticked: frozenset[str]) -> list[tuple[str, str, list[Site]]]:
    """Return the map for the daily check-in with today's ticked sites."""
    return body_views([(key, label, key in ticked) for key, label, _ in SITES])
