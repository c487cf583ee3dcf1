"""Fitbit's Google Takeout CSVs of 2024-25: `Physical Activity_GoogleData` and the sleep tables.

Files read (names and columns from Google's README files in the Takeout and open-source
Takeout readers; unverified against a real export):

* `heart_rate_YYYY-MM-DD.csv`: `timestamp` (UTC, ISO 8601), `beats per minute`, `data source`.
* `steps_YYYY-MM-DD.csv`: `timestamp`, `steps`, `data source`; a row is one minute.
* `daily_resting_heart_rate*.csv`: `timestamp` (the day, at 00:00Z), `beats per minute`.
* `UserSleeps_*.csv`: one row a sleep, `sleep_id`, `sleep_start`, `sleep_end` (UTC),
  `data_source`; `UserSleepStages_*.csv`: one row a stage, `sleep_id`, `sleep_stage_type`
  (AWAKE, LIGHT, DEEP, REM), `sleep_stage_start`, `sleep_stage_end` (UTC).

The `data source` (a watch, the phone app) names the device, so the same steps found in the
older `Global Export Data` JSON of the same Takeout count as another device, never added to them.
A sleep without stage rows counts as asleep from start to end.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from fibrolog.ingest import metrics as k
from fibrolog.ingest.records import DayEntry, IngestError, Record, Sample
from fibrolog.ingest.sources import Readable
from fibrolog.ingest.text import CsvFile, Row

SOURCE = "fitbit"
DEVICE = "Fitbit"
PATTERNS = (
    "heart_rate_[0-9]*.csv",
    "steps_[0-9]*.csv",
    "daily_resting_heart_rate*.csv",
    "UserSleeps_*.csv",
    "UserSleepStages_*.csv",
)
STAGES = {
    "AWAKE": k.SLEEP_AWAKE,
    "WAKE": k.SLEEP_AWAKE,
    "RESTLESS": k.SLEEP_AWAKE,
    "LIGHT": k.SLEEP_CORE,
    "DEEP": k.SLEEP_DEEP,
    "REM": k.SLEEP_REM,
    "ASLEEP": k.SLEEP_ASLEEP,
}


def is_takeout_csv(name: str) -> bool:
    """Say whether a file's base name is one of the Takeout CSVs read here."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in PATTERNS)


class TakeoutReader:
    """Read Takeout CSVs one by one; `finish()` yields what needs them all (stageless sleeps)."""

    def __init__(self) -> None:
        self.sleeps: dict[str, Sample] = {}
        self.staged: set[str] = set()

    def read(self, name: str, stream: Readable) -> Iterator[Record]:
        """Yield the records of one Takeout CSV."""
        if name.startswith("heart_rate_"):
            yield from _readings(stream, name, "beats per minute", k.HEART_RATE, "bpm", 0)
        elif name.startswith("steps_"):
            yield from _readings(stream, name, "steps", k.STEPS, "count", 1)
        elif name.startswith("daily_resting_heart_rate"):
            yield from _resting(stream, name)
        elif name.startswith("UserSleepStages_"):
            yield from self._stages(stream, name)
        else:
            self._sleeps(stream, name)

    def finish(self) -> Iterator[Sample]:
        """Yield each sleep's time in bed, and time asleep for those without stage rows."""
        for sleep_id, bed in self.sleeps.items():
            yield bed
            if sleep_id not in self.staged:
                key = bed.natural_key.replace("|bed", "|asleep")
                yield Sample(SOURCE, key, k.SLEEP_ASLEEP, bed.start, bed.end, bed.value, "min",
                             bed.device)  # fmt: skip

    def _sleeps(self, stream: Readable, name: str) -> None:
        csv = _csv(stream, name, ["sleep_id", "sleep_start", "sleep_end"], "UserSleeps")
        for row in csv:
            start, end = _span(row, name, "sleep_start", "sleep_end")
            sleep_id = row.get("sleep_id")
            key = f"takeout|sleep|{sleep_id}|bed"
            device = row.get("data_source") or DEVICE
            self.sleeps[sleep_id] = _interval(key, k.SLEEP_IN_BED, start, end, device)

    def _stages(self, stream: Readable, name: str) -> Iterator[Sample]:
        columns = ["sleep_id", "sleep_stage_type", "sleep_stage_start", "sleep_stage_end"]
        for row in _csv(stream, name, columns, "UserSleepStages"):
            kind = STAGES.get(row.get("sleep_stage_type").upper())
            if kind is None:
                continue
            start, end = _span(row, name, "sleep_stage_start", "sleep_stage_end")
            sleep_id = row.get("sleep_id")
            self.staged.add(sleep_id)
            key = f"takeout|sleep|{sleep_id}|{row.get('sleep_stage_start')}|{kind}"
            yield _interval(key, kind, start, end, row.get("data_source") or DEVICE)


def _csv(stream: Readable, name: str, columns: list[str], what: str) -> CsvFile:
    csv = CsvFile(stream, name)
    csv.require(columns, what=f"Fitbit's Takeout {what} file")
    return csv


def _instant(text: str) -> datetime:
    """Read a Takeout time: ISO 8601, in UTC when it names no offset."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _span(row: Row, name: str, first: str, last: str) -> tuple[datetime, datetime]:
    try:
        start, end = _instant(row.get(first)), _instant(row.get(last))
    except ValueError:
        raise IngestError(name, "cannot read this row's times", row.line) from None
    if end < start:
        raise IngestError(name, "this row ends before it starts", row.line)
    return start, end


def _interval(key: str, kind: str, start: datetime, end: datetime, device: str) -> Sample:
    minutes = (end - start).total_seconds() / 60
    return Sample(SOURCE, key, kind, start, end, minutes, "min", device)


def _readings(
    stream: Readable, name: str, column: str, kind: str, unit: str, minutes: int
) -> Iterator[Sample]:
    """Yield one sample a row: a reading (`minutes` 0) or a count over `minutes`."""
    low, high = k.PLAUSIBLE[kind]
    for row in _csv(stream, name, ["timestamp", column], name.rsplit("_", 1)[0]):
        stamp = row.get("timestamp")
        try:
            moment, value = _instant(stamp), float(row.get(column))
        except ValueError:
            raise IngestError(name, "cannot read this row", row.line) from None
        if (minutes and value <= 0) or not low <= value <= high:
            continue
        device = row.get("data source") or DEVICE
        key = f"takeout|{kind}|{stamp}|{device}"
        end = moment + timedelta(minutes=minutes)
        yield Sample(SOURCE, key, kind, moment, end, value, unit, device)


def _resting(stream: Readable, name: str) -> Iterator[DayEntry]:
    """Yield the day's resting heart rate (the row's date is the day; zero means none)."""
    for row in _csv(stream, name, ["timestamp", "beats per minute"], "resting heart rate"):
        try:
            day = date.fromisoformat(row.get("timestamp")[:10])
            value = float(row.get("beats per minute") or 0)
        except ValueError:
            raise IngestError(name, "cannot read this row", row.line) from None
        if 20 <= value <= 200:
            rhr = round(value, 2)
            yield DayEntry(SOURCE, f"{day}|resting_hr", day, "resting_hr", rhr, DEVICE)
