"""Garmin Connect's account export (`DI_CONNECT/...`): sleep and daily summary JSON files.

`*_sleepData.json` holds one entry per night (`calendarDate` is the wake-up day, stages in
seconds); `UDSFile_*.json` holds one daily summary per day (all-day steps, resting heart rate,
intensity minutes). Both are daily values already. Field names from Garmin Connect exports as
described by the tools that read them; unverified against every export version.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from fibrolog.ingest.records import DayEntry, IngestError
from fibrolog.ingest.sources import Readable

SOURCE = "garmin"
DEVICE = "Garmin Connect"
PATTERNS = ("*_sleepData.json", "UDSFile_*.json")
HOURS = 3600.0
SLEEP = {
    "deepSleepSeconds": "sleep_deep_hours",
    "lightSleepSeconds": "sleep_core_hours",
    "remSleepSeconds": "sleep_rem_hours",
    "awakeSleepSeconds": "sleep_awake_hours",
}
ASLEEP = ("deepSleepSeconds", "lightSleepSeconds", "remSleepSeconds")


def connect_file(stream: Readable, name: str) -> Iterator[DayEntry]:
    """Yield the daily values of one Garmin Connect JSON file."""
    try:
        entries = json.load(stream)
    except (ValueError, UnicodeDecodeError) as error:
        raise IngestError(name, f"not readable JSON ({error})") from None
    if not isinstance(entries, list):
        raise IngestError(name, "expected a list of days")
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        day = _day(entry.get("calendarDate"), name)
        if name.endswith("_sleepData.json"):
            yield from _sleep(entry, day)
        else:
            yield from _summary(entry, day)


def _day(value: Any, name: str) -> date:
    text = value.get("date", "") if isinstance(value, dict) else str(value or "")
    for parse in (
        date.fromisoformat,
        lambda t: datetime.strptime(t, "%b %d, %Y %I:%M:%S %p").date(),
    ):
        try:
            return parse(text[:10] if "-" in text[:10] else text)
        except ValueError:
            continue
    raise IngestError(name, f"cannot read the date {text!r}")


def _entry(day: date, metric: str, value: float) -> DayEntry:
    return DayEntry(SOURCE, f"{day}|{metric}", day, metric, round(value, 4), DEVICE)


def _seconds(entry: dict[str, Any], field: str) -> float:
    value = entry.get(field)
    return float(value) if isinstance(value, int | float) and value > 0 else 0.0


def _sleep(entry: dict[str, Any], day: date) -> Iterator[DayEntry]:
    asleep = sum(_seconds(entry, field) for field in ASLEEP)
    if asleep <= 0:
        return
    yield _entry(day, "sleep_hours", asleep / HOURS)
    for field, metric in SLEEP.items():
        if field in entry:
            yield _entry(day, metric, _seconds(entry, field) / HOURS)
    start, end = entry.get("sleepStartTimestampGMT"), entry.get("sleepEndTimestampGMT")
    try:
        in_bed = (
            datetime.fromisoformat(str(end)) - datetime.fromisoformat(str(start))
        ).total_seconds()
    except ValueError:
        in_bed = 0.0
    yield _entry(day, "time_in_bed_hours", max(in_bed, asleep) / HOURS)


def _summary(entry: dict[str, Any], day: date) -> Iterator[DayEntry]:
    steps = entry.get("totalSteps")
    if isinstance(steps, int | float) and steps > 0:
        yield _entry(day, "steps", float(steps))
    rhr = entry.get("restingHeartRate")
    if isinstance(rhr, int | float) and 20 <= rhr <= 200:
        yield _entry(day, "resting_hr", float(rhr))
    minutes = _seconds(entry, "moderateIntensityMinutes") + _seconds(
        entry, "vigorousIntensityMinutes"
    )
    if minutes > 0:
        yield _entry(day, "active_minutes", minutes)
