"""Fitbit account archive or Google Takeout (`Global Export Data/`): a zip or its folder.

Sleep logs become stage intervals (local times, read in the person's zone); heart-rate readings
and per-minute steps (UTC) become samples; resting heart rate and the daily HRV summary are
already daily values. Fitbit's "restless" (classic logs) counts as awake.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from fibrolog.ingest import metrics as k
from fibrolog.ingest._nonempty import must_yield
from fibrolog.ingest.members import members
from fibrolog.ingest.records import DayEntry, IngestError, Progress, Record, Sample
from fibrolog.ingest.sources import Input, Readable
from fibrolog.ingest.text import CsvFile

__all__ = ["SOURCE", "parse_fitbit"]

SOURCE = "fitbit"
EXPECTED = (
    "Fitbit files: sleep-*.json, heart_rate-*.json, steps-*.json, resting_heart_rate-*.json or "
    "the Daily Heart Rate Variability Summary CSVs"
)
DEVICE = "Fitbit"
PATTERNS = (
    "sleep-*.json",
    "heart_rate-*.json",
    "resting_heart_rate-*.json",
    "steps-*.json",
    "Daily Heart Rate Variability Summary*.csv",
    "sleep_score.csv",
)
LEVELS = {
    "wake": k.SLEEP_AWAKE,
    "awake": k.SLEEP_AWAKE,
    "restless": k.SLEEP_AWAKE,
    "light": k.SLEEP_CORE,
    "deep": k.SLEEP_DEEP,
    "rem": k.SLEEP_REM,
    "asleep": k.SLEEP_ASLEEP,
}
_US = "%m/%d/%y %H:%M:%S"
_LOCAL = "%Y-%m-%dT%H:%M:%S.000"


@must_yield(EXPECTED)
def parse_fitbit(src: Input, *, tz: str, progress: Progress | None = None) -> Iterator[Record]:
    """Yield samples and daily values from a Fitbit export; `tz` is the person's zone."""
    zone = ZoneInfo(tz)
    for name, stream in members(src, PATTERNS, progress=progress):
        if name == "sleep_score.csv":
            yield from _sleep_score(stream, name)
            continue
        if name.endswith(".csv"):
            yield from _hrv(stream, name)
            continue
        data = _json(stream, name)
        if name.startswith("sleep-"):
            yield from _sleep(data, name, zone)
        elif name.startswith("heart_rate-"):
            for item in data:
                moment = _utc(item["dateTime"])
                bpm = float(item["value"]["bpm"])
                yield _sample(f"hr|{item['dateTime']}", k.HEART_RATE, moment, moment, bpm, "bpm")
        elif name.startswith("steps-"):
            for item in data:
                steps = float(item["value"])
                if steps > 0:
                    moment = _utc(item["dateTime"])
                    end = moment + timedelta(minutes=1)
                    yield _sample(f"steps|{item['dateTime']}", k.STEPS, moment, end, steps, "count")
        else:
            for item in data:
                value = item["value"]
                if float(value.get("value") or 0) > 0:
                    day = datetime.strptime(value["date"], "%m/%d/%y").date()
                    rhr = round(float(value["value"]), 2)
                    yield DayEntry(SOURCE, f"{day}|resting_hr", day, "resting_hr", rhr, DEVICE)


def _json(stream: Readable, name: str) -> Any:
    try:
        data = json.load(stream)
    except (ValueError, UnicodeDecodeError) as error:
        raise IngestError(name, f"not readable JSON ({error})") from None
    if not isinstance(data, list):
        raise IngestError(name, "expected a list of entries")
    return data


def _utc(text: str) -> datetime:
    return datetime.strptime(text, _US).replace(tzinfo=UTC)


def _sample(
    key: str, kind: str, start: datetime, end: datetime, value: float, unit: str, zone: str = ""
) -> Sample:
    return Sample(SOURCE, key, kind, start, end, value, unit, DEVICE, zone)


def _sleep(data: list[dict[str, Any]], name: str, zone: ZoneInfo) -> Iterator[Sample]:
    for log in data:
        try:
            yield from _log(log, zone)
        except (KeyError, ValueError, TypeError) as error:
            raise IngestError(name, f"a sleep log cannot be read ({error!r})") from None


def _log(log: dict[str, Any], zone: ZoneInfo) -> Iterator[Sample]:
    """Yield a log's time in bed and its stages, with the short wakes of `shortData` cut out.

    Fitbit lays wakes shorter than 3 minutes over the stages (`levels.shortData`); its own
    `minutesAsleep` counts them as awake, so they are taken out of the stage they fall in.
    """
    log_id = log["logId"]
    start = datetime.fromisoformat(log["startTime"]).replace(tzinfo=zone)
    end = datetime.fromisoformat(log["endTime"]).replace(tzinfo=zone)
    minutes = (end - start).total_seconds() / 60
    yield _sample(f"sleep|{log_id}|bed", k.SLEEP_IN_BED, start, end, minutes, "min", zone.key)
    levels = log.get("levels", {})
    wakes: list[tuple[datetime, datetime]] = []
    for item in levels.get("shortData", []):
        if LEVELS.get(item["level"]) == k.SLEEP_AWAKE:
            begin = datetime.fromisoformat(item["dateTime"]).replace(tzinfo=zone)
            wakes.append((begin, begin + timedelta(seconds=int(item["seconds"]))))
            key = f"sleep|{log_id}|{item['dateTime']}|wake|short"
            yield _sample(key, k.SLEEP_AWAKE, *wakes[-1], item["seconds"] / 60, "min", zone.key)
    wakes.sort()
    for item in levels.get("data", []):
        kind = LEVELS.get(item["level"])
        if kind is None:
            continue
        begin = datetime.fromisoformat(item["dateTime"]).replace(tzinfo=zone)
        finish = begin + timedelta(seconds=int(item["seconds"]))
        pieces = [(begin, finish)] if kind == k.SLEEP_AWAKE else _minus(begin, finish, wakes)
        for a, b in pieces:
            key = f"sleep|{log_id}|{a.strftime(_LOCAL)}|{item['level']}"
            yield _sample(key, kind, a, b, (b - a).total_seconds() / 60, "min", zone.key)


def _minus(
    begin: datetime, finish: datetime, holes: list[tuple[datetime, datetime]]
) -> list[tuple[datetime, datetime]]:
    """Return [begin, finish) less the (sorted) holes, as the pieces left."""
    pieces, at = [], begin
    for a, b in holes:
        if b <= at or a >= finish:
            continue
        if a > at:
            pieces.append((at, a))
        at = max(at, b)
    if at < finish:
        pieces.append((at, finish))
    return pieces


def _hrv(stream: Readable, name: str) -> Iterator[DayEntry]:
    csv = CsvFile(stream, name)
    csv.require(["timestamp", "rmssd"], what="Fitbit's HRV summary")
    for row in csv:
        try:
            day = date.fromisoformat(row.get("timestamp")[:10])
            value = float(row.get("rmssd"))
        except ValueError:
            raise IngestError(name, "cannot read this row", row.line) from None
        if 0 < value <= 300:
            yield DayEntry(SOURCE, f"{day}|hrv_rmssd", day, "hrv_rmssd", round(value, 2), DEVICE)


def _sleep_score(stream: Readable, name: str) -> Iterator[DayEntry]:
    """Yield Fitbit's sleep score (0-100) for the day of each scored sleep's `timestamp`."""
    csv = CsvFile(stream, name)
    csv.require(["timestamp", "overall_score"], what="Fitbit's sleep_score.csv")
    for row in csv:
        try:
            day = date.fromisoformat(row.get("timestamp")[:10])
            score = float(row.get("overall_score"))
        except ValueError:
            raise IngestError(name, "cannot read this row", row.line) from None
        if 0 < score <= 100:
            yield DayEntry(SOURCE, f"{day}|sleep_score", day, "sleep_score", score, DEVICE)
